"""``specassist import``: read a survey, report every issue, optionally save a project."""

from __future__ import annotations

import argparse
import sys
from typing import TextIO

from specassist.cli.common import (
    Subparsers,
    add_catalog_option,
    catalog_load,
    fail,
    issue_json,
    path,
    write_json,
)


def register(commands: Subparsers) -> None:
    sub = commands.add_parser("import", help="import a survey and report every issue")
    sub.add_argument("survey", type=path, help="CSV, XLSX, XLS or ODS survey file")
    sub.add_argument("--sheet", help="workbook sheet name (default: the first visible sheet)")
    sub.add_argument(
        "--encoding",
        help="text encoding of a CSV file, e.g. shift_jis, gbk, euc_kr, mac_roman "
        "(default: UTF-8 if the file is valid UTF-8, else Windows-1252, with a note)",
    )
    sub.add_argument(
        "--project",
        type=path,
        help="save into this project file (.specassist is added when missing)",
    )
    sub.add_argument(
        "--mode", choices=["new", "add", "update"],
        help="with --project: 'new' makes a new project (refused if the file exists); 'add' "
        "adds every row as a camera; 'update' (the default for an existing project) updates "
        "the cameras a row names by MAC, serial or tag and adds the rest",
    )  # fmt: skip
    sub.add_argument(
        "--map",
        action="append",
        default=[],
        metavar="HEADER=FIELD",
        help="map a column by hand, e.g. --map 'Cam Loc=location' (repeatable; FIELD may be extra)",
    )
    add_catalog_option(sub)
    sub.add_argument("--json", action="store_true", help="print the result as JSON")
    sub.add_argument("--strict", action="store_true", help="exit 1 when any cell is in error")


def _parse_map(pairs: list[str]) -> dict[str, str]:
    mapping = {}
    for pair in pairs:
        header, sep, field = pair.rpartition("=")
        if not sep or not header:
            raise SystemExit(f"specassist import: --map expects HEADER=FIELD, got {pair!r}")
        mapping[header] = field.strip()
    return mapping


def run(args: argparse.Namespace, out: TextIO) -> int:
    from specassist.domain.issues import Severity, UserError, count_by_severity
    from specassist.services import imports, projects

    stored = None
    try:
        column_map = _parse_map(args.map)
        if args.project:
            target = projects.project_path(args.project)
            if args.mode == "new" and target.exists():
                return fail("import", f"{target} exists: use --mode add or update, or a new name")
            mode = imports.ImportMode.ADD if args.mode == "add" else imports.ImportMode.UPDATE
            # A new project takes a snapshot of this catalog; an existing one keeps its own.
            catalog = catalog_load(args) if args.catalog_url else None
            with projects.open_or_new(target, catalog) as project:
                if catalog is not None and not project.created:
                    print("note: the project keeps its own catalog snapshot; compare it with "
                          "`specassist catalog diff`", file=sys.stderr)  # fmt: skip
                stored = imports.import_into(project, args.survey, args.sheet, column_map,
                                             args.encoding, stream=True, mode=mode)  # fmt: skip
                result = stored.result
                saved = project.save()
        else:
            result = imports.read_survey(args.survey, args.sheet, column_map, args.encoding)
            saved = None
    except (UserError, ValueError) as exc:
        return fail("import", str(exc))
    counts = count_by_severity(result.issues)
    if args.json:
        write_json(
            {
                "file": result.file,
                "read_as": result.detail,
                "cameras": result.accounting.stored,
                "skipped_rows": result.skipped_rows,
                "rows": result.accounting.as_dict(),
                "columns": result.mapping,
                "issue_counts": {str(k): v for k, v in counts.items()},
                "issues": [issue_json(i) for i in result.issues],
                "project": str(saved) if saved else None,
                "added": stored.added if stored else None,
                "updated": stored.updated if stored else None,
                "not_in_file": stored.absent if stored else None,
            },
            out,
        )
    else:
        print(f"{result.file}: {result.accounting.stored} cameras ({result.detail})", file=out)
        print(f"rows: {result.accounting.summary()}", file=out)
        print("columns: " + ", ".join(f"{h} → {f}" for h, f in result.mapping.items()), file=out)
        print(
            f"issues: {counts[Severity.ERROR]} errors, {counts[Severity.WARNING]} warnings, "
            f"{counts[Severity.INFO]} notes",
            file=out,
        )
        for issue in result.issues:
            print(f"  {issue}", file=out)
        if saved and stored is not None:
            print(
                f"saved to {saved}: {stored.added} added, {stored.updated} updated"
                + (f", {stored.absent} in the project but not in this file (kept)"
                   if stored.absent else ""),
                file=out,
            )  # fmt: skip
    return 1 if args.strict and counts[Severity.ERROR] else 0
