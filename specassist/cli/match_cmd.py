"""``specassist match``: flag, then pick replacements for the excluded cameras."""

from __future__ import annotations

import argparse
import json
from typing import TextIO

from specassist.cli.common import Subparsers, add_survey_options, fail, rule_ids


def register(commands: Subparsers) -> None:
    sub = commands.add_parser("match", help="flag, then pick replacements for excluded cameras")
    add_survey_options(sub)
    sub.add_argument("--json", action="store_true", help="print the result as JSON")
    sub.add_argument(
        "--allow-power-upgrade",
        action="store_true",
        help="allow replacements that need more PoE power than the old camera",
    )
    sub.add_argument("--currency", help="price currency for ranking (default: the catalog's)")


def run(args: argparse.Namespace, out: TextIO) -> int:
    from specassist.domain.requirements import Options
    from specassist.services.catalog_service import check_catalog
    from specassist.services.match_service import match_cameras, matched_json
    from specassist.survey.importer import import_survey
    from specassist.survey.readers import SurveyReadError

    load = check_catalog()
    try:
        result = import_survey(args.survey, args.sheet)
        matched = match_cameras(
            load.catalog,
            result.cameras,
            rule_ids(args),
            args.as_of,
            Options(allow_power_upgrade=args.allow_power_upgrade),
            args.currency,
        )
    except (SurveyReadError, KeyError) as exc:
        return fail("match", str(exc.args[0] if isinstance(exc, KeyError) else exc))
    if args.json:
        json.dump([matched_json(m) for m in matched], out, indent=2, ensure_ascii=False)
        out.write("\n")
        return 0
    excluded = [m for m in matched if m.match is not None]
    found = sum(1 for m in excluded if m.match and m.match.choice)
    print(
        f"{result.file}: {len(matched)} cameras, {len(excluded)} excluded, "
        f"{found} with a replacement, {len(excluded) - found} without",
        file=out,
    )
    for item in excluded:
        camera, match = item.flagged.camera, item.match
        assert match is not None
        old = f"{camera.make or '?'} {camera.model or '?'}"
        if match.choice is None:
            print(f"{camera.display_tag:<10} {old:<32} no match: {match.no_match_reason}", file=out)
            continue
        choice = match.choice
        new = f"{choice.model.vendor_id} {choice.model.model}"
        dori = choice.dori_after.value if choice.dori_after else "—"
        print(f"{camera.display_tag:<10} {old:<32} → {new:<28} {dori:<10} {choice.score:6.1f}",
              file=out)  # fmt: skip
        for alternate in match.alternates:
            print(f"{'':<44}{alternate.role}: {alternate.model.vendor_id} "
                  f"{alternate.model.model}", file=out)  # fmt: skip
    return 0
