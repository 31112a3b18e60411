"""``specassist flag``: identify each camera's maker and apply the rule sets."""

from __future__ import annotations

import argparse
import json
from collections import Counter
from typing import TextIO

from specassist.cli.common import Subparsers, add_survey_options, fail, rule_ids


def register(commands: Subparsers) -> None:
    sub = commands.add_parser("flag", help="identify each camera's maker and apply the rules")
    add_survey_options(sub)
    sub.add_argument("--json", action="store_true", help="print the result as JSON")


def run(args: argparse.Namespace, out: TextIO) -> int:
    from specassist.domain.rules import Verdict, chosen_rule_sets
    from specassist.services.catalog_service import check_catalog
    from specassist.services.flag_service import decision_json, flag_cameras
    from specassist.survey.importer import import_survey
    from specassist.survey.readers import SurveyReadError

    load = check_catalog()
    try:
        result = import_survey(args.survey, args.sheet)
        flagged = flag_cameras(load.catalog, result.cameras, rule_ids(args), args.as_of)
    except (SurveyReadError, KeyError) as exc:
        return fail("flag", str(exc.args[0] if isinstance(exc, KeyError) else exc))
    packs = chosen_rule_sets(load.catalog, rule_ids(args))
    if args.json:
        json.dump([decision_json(f, packs) for f in flagged], out, indent=2, ensure_ascii=False)
        out.write("\n")
        return 0
    counts = Counter(f.decision.verdict.value for f in flagged)
    print(
        f"{result.file}: {len(flagged)} cameras — "
        + ", ".join(f"{counts[v.value]} {v.value}" for v in Verdict),
        file=out,
    )
    for pack in packs:
        reviewed = pack.reviewed.isoformat() if pack.reviewed else "not reviewed"
        print(f"rules: {pack.rule_set_id} {pack.version or 'unversioned'} ({reviewed})", file=out)
    for f in flagged:
        d = f.decision
        maker = d.identification.maker_id or "?"
        print(
            f"{f.camera.display_tag:<10} {d.verdict.value:<9} {maker:<12} "
            f"{d.identification.level.value:<7} {d.identification.device_class.value:<15} "
            f"{f.camera.make or ''} {f.camera.model or ''}",
            file=out,
        )
        for reason in d.reasons:
            print(
                f"{'':<12}{reason.rule}: {reason.evidence[0]} [{reason.citation.title}]", file=out
            )
        for warning in d.warnings:
            print(f"{'':<12}warning: {warning}", file=out)
    return 0
