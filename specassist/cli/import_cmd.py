"""``specassist import``: read a survey, report every issue, optionally save a project."""

from __future__ import annotations

import argparse
import json
import sys
from typing import TextIO

from specassist.cli.common import (
    Subparsers,
    add_catalog_option,
    catalog_load,
    fail,
    issue_json,
    path,
)


def register(commands: Subparsers) -> None:
    sub = commands.add_parser("import", help="import a survey and report every issue")
    sub.add_argument("survey", type=path, help="CSV or XLSX survey file")
    sub.add_argument("--sheet", help="XLSX sheet name (default: the first sheet)")
    sub.add_argument(
        "--project",
        type=path,
        help="save into this project file (.specassist is added when missing)",
    )
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

    try:
        column_map = _parse_map(args.map)
        if args.project:
            # A new project takes a snapshot of this catalog; an existing one keeps its own.
            catalog = catalog_load(args) if args.catalog_url else None
            with projects.open_or_new(args.project, catalog) as project:
                if catalog is not None and not project.created:
                    print("note: the project keeps its own catalog snapshot; compare it with "
                          "`specassist catalog diff`", file=sys.stderr)  # fmt: skip
                result = imports.import_into(project, args.survey, args.sheet, column_map).result
                saved = project.save()
        else:
            result, saved = imports.read_survey(args.survey, args.sheet, column_map), None
    except (UserError, ValueError) as exc:
        return fail("import", str(exc))
    counts = count_by_severity(result.issues)
    if args.json:
        json.dump(
            {
                "file": result.file,
                "read_as": result.detail,
                "cameras": len(result.cameras),
                "skipped_rows": result.skipped_rows,
                "columns": result.mapping,
                "issue_counts": {str(k): v for k, v in counts.items()},
                "issues": [issue_json(i) for i in result.issues],
                "project": str(saved) if saved else None,
            },
            out,
            indent=2,
            ensure_ascii=False,
        )
        out.write("\n")
    else:
        print(f"{result.file}: {len(result.cameras)} cameras ({result.detail})", file=out)
        print("columns: " + ", ".join(f"{h} → {f}" for h, f in result.mapping.items()), file=out)
        print(
            f"issues: {counts[Severity.ERROR]} errors, {counts[Severity.WARNING]} warnings, "
            f"{counts[Severity.INFO]} notes",
            file=out,
        )
        for issue in result.issues:
            print(f"  {issue}", file=out)
        if saved:
            print(f"saved to {saved}", file=out)
    return 1 if args.strict and counts[Severity.ERROR] else 0
