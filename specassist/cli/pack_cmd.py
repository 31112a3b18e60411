"""``specassist catalog keygen|trust|pack|install``: signed catalog packs for offline machines.

The publisher makes a key pair once (``keygen``) and hands out the public key;
each user trusts it once (``trust``). Then ``pack`` writes a catalog folder as
one signed file and ``install`` verifies and applies it, after showing what
it changes (``--dry-run`` shows only).
"""

from __future__ import annotations

import argparse
from typing import TextIO

from specassist.cli.common import Subparsers, path

ACTIONS = frozenset({"keygen", "trust", "pack", "install"})


def register(actions: Subparsers) -> None:
    sub = actions.add_parser("keygen", help="make a key pair for signing packs")
    sub.add_argument(
        "-o",
        "--output",
        type=path,
        required=True,
        metavar="KEYFILE",
        help="the private key to write (the public key goes to KEYFILE.pub)",
    )
    sub.add_argument("--comment", help="who the key belongs to (default: user@host)")
    sub = actions.add_parser("trust", help="trust a publisher's public key (or list trusted keys)")
    sub.add_argument("public_key", nargs="?", type=path, metavar="PUBKEY")
    sub = actions.add_parser("pack", help="write a catalog folder as one signed pack file")
    sub.add_argument("folder", nargs="?", type=path, help="catalog folder (default: in use)")
    sub.add_argument("-o", "--output", type=path, required=True, metavar="FILE")
    sub.add_argument(
        "--key",
        type=path,
        metavar="KEYFILE",
        help="the private key to sign with (unsigned packs are not installed)",
    )
    sub = actions.add_parser("install", help="verify a pack and apply it")
    sub.add_argument("pack", type=path, metavar="PACK")
    sub.add_argument("--dry-run", action="store_true", help="only show what would change")
    target = sub.add_mutually_exclusive_group()
    target.add_argument(
        "--folder",
        type=path,
        help="install into this catalog folder "
        "(default: your own catalog folder, used instead of the shipped one)",
    )
    target.add_argument(
        "--to", metavar="URL", help="publish into this team catalog (its rows then await approval)"
    )
    sub.add_argument(
        "--remove-missing",
        action="store_true",
        help="with --to: propose removing rows the pack lacks",
    )


def run(args: argparse.Namespace, out: TextIO) -> int:
    from specassist.services import catalog_packs

    action = args.catalog_command
    if action == "keygen":
        key = catalog_packs.keygen(args.output, args.comment)
        print(f"wrote {args.output} (keep it private) and {args.output}.pub", file=out)
        print(f"key {key}", file=out)
        return 0
    if action == "trust":
        if args.public_key is not None:
            print(f"now trusting key {catalog_packs.trust(args.public_key)}", file=out)
        keys = catalog_packs.trusted()
        print(f"{len(keys)} trusted key(s)" + (":" if keys else ""), file=out)
        for trusted in keys:
            print(f"  {trusted}", file=out)
        return 0
    if action == "pack":
        return _pack(args, out)
    return _install(args, out)


def _pack(args: argparse.Namespace, out: TextIO) -> int:
    from specassist.services import catalog_packs
    from specassist.services.catalog_service import default_catalog_folder

    made = catalog_packs.pack(args.folder or default_catalog_folder(), args.output, args.key)
    info = made.info
    print(
        f"wrote {made.path}: {info.name} {info.version}, {made.files} files, "
        f"{made.size / 1024:.0f} KiB",
        file=out,
    )
    if made.signer is None:
        print("warning: the pack is not signed; `catalog install` refuses unsigned packs", file=out)
    else:
        print(f"signed with key {made.signer}", file=out)
    return 0


def _install(args: argparse.Namespace, out: TextIO) -> int:
    from specassist.cli.team_cmd import print_differences
    from specassist.services import catalog_packs

    done = catalog_packs.install(args.pack, args.dry_run, args.folder, args.to, args.remove_missing)
    info = done.info
    print(f"{args.pack}: {info.name} {info.version}, signed by trusted key {done.signer}", file=out)
    for note in done.notes:
        print(f"({note})", file=out)
    print_differences(done.differences, out)
    if done.kept:
        print(f"{done.kept} row(s) of the team catalog are not in the pack and are kept", file=out)
    if not done.applied:
        print(f"dry run: nothing was changed in {done.target}", file=out)
    elif done.published is not None:
        version = done.published.version
        print(
            f"published into {done.target}"
            + (f" as version {version}" if version else " (nothing differed)"),
            file=out,
        )
    else:
        print(f"installed into {done.target}", file=out)
    return 0
