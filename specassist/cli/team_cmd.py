"""``specassist catalog publish|approve|diff|grant``: the team catalog from the command line.

A database URL with a password would show in the process list and the shell's
history: keep passwords in PostgreSQL's password file (``~/.pgpass``) or
``PGPASSWORD`` and give URLs without them.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, TextIO

from specassist.cli.common import Subparsers, path

if TYPE_CHECKING:
    from specassist.domain.catalog_diff import Difference

ACTIONS = frozenset({"publish", "approve", "diff", "grant"})


def _base(text: str) -> int | str:
    if text == "latest" or text.isdigit():
        return text if text == "latest" else int(text)
    raise argparse.ArgumentTypeError(f"expected a version number or 'latest', got {text!r}")


def register(actions: Subparsers) -> None:
    sub = actions.add_parser(
        "publish",
        help="load a catalog folder into a team catalog "
        "as a new version (row by row; changed rows await approval)",
    )
    sub.add_argument("--to", required=True, metavar="URL", help="the team catalog's database URL")
    sub.add_argument("folder", nargs="?", type=path, help="catalog folder (default: in use)")
    sub.add_argument(
        "--base",
        type=_base,
        metavar="N|latest",
        help="the team catalog version your folder was taken from: rows others changed after "
        "it are refused, not overwritten (needed once the catalog has a version)",
    )
    sub.add_argument(
        "--remove-missing",
        action="store_true",
        help="propose removing rows the folder lacks (they await approval)",
    )
    sub.add_argument(
        "--approve",
        action="store_true",
        help="approve what this publish changed at once (approvers only)",
    )
    sub.add_argument("--note", help="a note kept with the version")
    sub = actions.add_parser("approve", help="approve rows awaiting approval (none named: list)")
    sub.add_argument("--url", required=True, help="the team catalog's database URL")
    sub.add_argument("--all", action="store_true", help="approve every row awaiting approval")
    sub.add_argument(
        "refs",
        nargs="*",
        metavar="REF",
        help="rows to approve: KIND/KEY or KEY, with @VERSION to approve only the "
        "version you reviewed (model/axis:M3086-V@2)",
    )
    sub = actions.add_parser("diff", help="compare a project's catalog snapshot with a catalog")
    sub.add_argument("project", type=path, help="the project file")
    sub.add_argument("--url", help="a team catalog (default: the catalog folder in use)")
    sub.add_argument("--folder", type=path, help="a catalog folder to compare with")
    sub.add_argument(
        "--update", action="store_true", help="take the catalog into the project and save it"
    )
    sub = actions.add_parser(
        "grant",
        help="create the reader, editor and approver roles of a "
        "PostgreSQL team catalog (run as its owner)",
    )
    sub.add_argument("--url", required=True, help="the team catalog's database URL")
    sub.add_argument("--reader", default="specassist_catalog_reader")
    sub.add_argument("--editor", default="specassist_catalog_editor")
    sub.add_argument("--approver", default="specassist_catalog_approver")
    sub.add_argument("--print", action="store_true", help="only print the SQL")


def run(args: argparse.Namespace, out: TextIO) -> int:
    action = args.catalog_command
    if action == "publish":
        return _publish(args, out)
    if action == "approve":
        return _approve(args, out)
    if action == "diff":
        return _diff(args, out)
    return _grant(args, out)


def _publish(args: argparse.Namespace, out: TextIO) -> int:
    from specassist.services import team_catalog
    from specassist.services.catalog_service import default_catalog_folder

    folder = args.folder or default_catalog_folder()
    catalog = team_catalog.load_folder(folder).catalog
    request = team_catalog.PublishRequest(args.base, args.remove_missing, args.approve, args.note)
    done = team_catalog.publish(args.to, catalog, request)
    where = team_catalog.shown(args.to)
    if done.version is None:
        print(
            f"nothing to publish: every row of {folder} matches {where} ({done.unchanged} rows)",
            file=out,
        )
        return 0
    print(
        f"published {folder} to {where} as version {done.version}: {len(done.added)} added, "
        f"{len(done.changed)} changed, {len(done.removed)} proposed for removal, "
        f"{done.unchanged} unchanged",
        file=out,
    )
    if done.kept:
        print(f"{done.kept} row(s) others changed after version {done.base} were kept as they "
              "made them (your folder still has their older content)", file=out)  # fmt: skip
    waiting = len(done.added) + len(done.changed) + len(done.removed) - done.approved
    if done.approved:
        print(f"approved {done.approved} row(s) with it", file=out)
    if waiting:
        print(
            f"{waiting} row(s) await approval and are not used until approved "
            f"(specassist catalog approve --url …)",
            file=out,
        )
    return 0


def _approve(args: argparse.Namespace, out: TextIO) -> int:
    from specassist.services import team_catalog

    if not args.all and not args.refs:
        rows = team_catalog.pending(args.url)
        print(f"{len(rows)} row(s) await approval" + (":" if rows else ""), file=out)
        for row in rows:
            print(
                f"  {row.ref}@{row.row_version}  {row.change} by {row.updated_by} at "
                f"{row.updated_at:%Y-%m-%d %H:%M} UTC (version {row.changed_in})",
                file=out,
            )
        if rows:
            print("approve with: specassist catalog approve --url URL REF… (or --all)", file=out)
        return 0
    done = team_catalog.approve(args.url, None if args.all else args.refs)
    if done.version is None:
        print("nothing awaited approval", file=out)
        return 0
    print(f"approved {len(done.approved)} row(s) as version {done.version}", file=out)
    for ref in done.approved[:50]:
        print(f"  {ref}", file=out)
    if len(done.approved) > 50:
        print(f"  … and {len(done.approved) - 50} more", file=out)
    return 0


def _diff(args: argparse.Namespace, out: TextIO) -> int:
    from specassist.services import catalog_compare, projects

    opener = projects.open_project if args.update else projects.open_unlocked
    with opener(args.project) as project:
        summary = projects.summary(project)
        comparison = catalog_compare.compare_with_catalog(project, args.url, args.folder)
        print(
            f"{args.project}: snapshot {summary.catalog_name} {summary.catalog_version} "
            f"compared with {comparison.source}",
            file=out,
        )
        for issue in comparison.issues:
            print(f"  {issue}", file=out)
        print_differences(comparison.differences, out)
        if args.update:
            catalog_compare.update_snapshot(project, comparison.catalog)
            saved = project.save()
            print(f"updated the project's catalog snapshot and saved {saved}", file=out)
    return 0


def print_differences(differences: list[Difference], out: TextIO, limit: int = 200) -> None:
    """One line per difference, the counts first (``catalog diff`` and ``catalog install``)."""
    from specassist.domain.catalog_diff import counts, summary

    if not differences:
        print("no differences", file=out)
        return
    print(", ".join(f"{n} {change.value}" for change, n in counts(differences).items()), file=out)
    for difference in differences[:limit]:
        text = summary(difference)
        print(
            f"  {difference.change.value:<18} {difference.kind.noun:<16} {difference.key}"
            + (f"  {text}" if text else ""),
            file=out,
        )
    if len(differences) > limit:
        print(f"  … and {len(differences) - limit} more", file=out)


def _grant(args: argparse.Namespace, out: TextIO) -> int:
    from specassist.services import team_catalog

    roles = team_catalog.Roles(args.reader, args.editor, args.approver)
    statements = team_catalog.grant(args.url, roles, run=not args.print)
    if args.print:
        for statement in statements:
            print(f"{statement};", file=out)
        return 0
    print(
        f"roles ready in {team_catalog.shown(args.url)}: {roles.reader} reads, "
        f"{roles.editor} publishes, {roles.approver} approves; make people members, e.g. "
        f"GRANT {roles.editor} TO ana;",
        file=out,
    )
    return 0
