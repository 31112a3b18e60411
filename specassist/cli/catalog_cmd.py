"""``specassist catalog …``: validate a catalog folder, share it in a team database, and
move it to offline machines as a signed pack.

``check`` and ``stats`` are here; the team catalog's actions (publish, approve,
diff, grant) are in ``team_cmd`` and the pack's (pack, keygen, trust, install)
in ``pack_cmd``. Each module declares its actions and runs them.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, TextIO

from specassist.cli import pack_cmd, team_cmd
from specassist.cli.common import Subparsers, fail, path

if TYPE_CHECKING:
    from specassist.domain.catalog_checks import CatalogStats


def register(commands: Subparsers) -> None:
    catalog = commands.add_parser(
        "catalog", help="validate, share (team database) or pack (signed file) a catalog"
    )
    actions = catalog.add_subparsers(dest="catalog_command", metavar="ACTION", required=True)
    for name, text in (
        ("check", "validate every file; exit 1 on any error"),
        ("stats", "print counts per entity"),
    ):
        sub = actions.add_parser(name, help=text)
        sub.add_argument("folder", nargs="?", type=path, help="catalog folder (default: in use)")
    team_cmd.register(actions)
    pack_cmd.register(actions)


def run(args: argparse.Namespace, out: TextIO) -> int:
    from specassist.domain.issues import UserError

    action = args.catalog_command
    try:
        if action in team_cmd.ACTIONS:
            return team_cmd.run(args, out)
        if action in pack_cmd.ACTIONS:
            return pack_cmd.run(args, out)
        return _check(args, out)
    except UserError as exc:
        return fail(f"catalog {action}", str(exc))


def _check(args: argparse.Namespace, out: TextIO) -> int:
    from specassist.domain.catalog_checks import catalog_stats
    from specassist.domain.issues import Severity, count_by_severity
    from specassist.services.catalog_service import check_catalog

    load = check_catalog(args.folder)
    if args.catalog_command == "check":
        for issue in load.issues:
            print(issue, file=out)
        if not load.ok:
            errors = count_by_severity(load.issues)[Severity.ERROR]
            print(f"catalog check failed: {errors} error(s)", file=out)
            return 1
    info = load.catalog.info
    print(f"{info.name} {info.version}" + (f" ({info.date})" if info.date else ""), file=out)
    for name, count in load.counts().items():
        print(f"  {name:<24}{count:>6}", file=out)
    if args.catalog_command == "stats":
        _print_stats(catalog_stats(load.catalog), out)
    return 0


def _print_stats(stats: CatalogStats, out: TextIO) -> None:
    sections = (("models by vendor", stats.by_vendor), ("models by form", stats.by_form),
                ("models by resolution", stats.by_resolution))  # fmt: skip
    for title, counter in sections:
        print(f"{title}:", file=out)
        for key, count in sorted(counter.items(), key=lambda kv: (-kv[1], kv[0])):
            print(f"  {key:<24}{count:>6}", file=out)
    print(f"verified models: {stats.verified}, unverified: {stats.unverified}", file=out)
    for vendor, count in sorted(stats.verified_by_vendor.items(), key=lambda kv: (-kv[1], kv[0])):
        print(f"  verified {vendor:<15}{count:>6}", file=out)
    print(f"models without a price: {len(stats.without_price)}", file=out)
