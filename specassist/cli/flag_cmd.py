"""``specassist flag``: identify each camera's maker and apply the rule sets."""

from __future__ import annotations

import argparse
from typing import TextIO

from specassist.cli.common import (
    Subparsers,
    add_survey_options,
    fail,
    headless_analysis,
    read_survey,
    rule_pack_line,
    write_json,
)


def register(commands: Subparsers) -> None:
    sub = commands.add_parser("flag", help="identify each camera's maker and apply the rules")
    add_survey_options(sub)
    sub.add_argument("--json", action="store_true", help="print the result as JSON")


def run(args: argparse.Namespace, out: TextIO) -> int:
    from specassist.domain import formatting as fmt
    from specassist.domain.issues import UserError
    from specassist.services import outputs

    try:
        result = read_survey(args)
        analysis = headless_analysis(args, result.cameras)
    except (UserError, KeyError) as exc:
        return fail("flag", str(exc.args[0] if isinstance(exc, KeyError) else exc))
    packs = analysis.engines.rules.rule_sets
    if args.json:
        write_json([outputs.decision_json(o, packs) for o in analysis.outcomes], out)
        return 0
    counts = analysis.verdict_counts()
    print(
        f"{result.file}: {fmt.device_count(o.device_class for o in analysis.outcomes)} — "
        + ", ".join(f"{n} {v.value}" for v, n in counts.items())
        + rule_pack_line(analysis),
        file=out,
    )
    for outcome in analysis.outcomes:
        d = outcome.decision
        ident = d.identification
        print(
            f"{outcome.camera.display_tag:<10} {outcome.status.value:<12} "
            f"{ident.maker_id or '?':<12} {ident.level.value:<7} "
            f"{ident.device_class.value:<15} {outcome.camera.make or ''} "
            f"{outcome.camera.model or ''}",
            file=out,
        )
        for reason in d.reasons:
            print(
                f"{'':<12}{reason.rule}: {reason.evidence[0]} [{reason.citation.title}]", file=out
            )
        for warning in d.warnings:
            print(f"{'':<12}warning: {warning}", file=out)
    return 0
