"""``specassist match``: flag, then pick replacements for the excluded cameras."""

from __future__ import annotations

import argparse
from typing import TextIO

from specassist.cli.common import (
    Subparsers,
    add_price_options,
    add_survey_options,
    add_system_options,
    fail,
    headless_analysis,
    read_survey,
    rule_pack_line,
    system_settings,
    units,
    write_json,
)


def register(commands: Subparsers) -> None:
    sub = commands.add_parser("match", help="flag, then pick replacements for excluded cameras")
    add_survey_options(sub)
    add_price_options(sub)
    add_system_options(sub)
    sub.add_argument(
        "--json", action="store_true",
        help="print the result as JSON: {cameras: […], system: {recorders, licences, switches, "
        "devices, phases}}",
    )  # fmt: skip
    sub.add_argument(
        "--allow-power-upgrade",
        action="store_true",
        help="allow replacements that need more PoE power than the old camera",
    )
    sub.add_argument(
        "--require", metavar="NAMES",
        help="old-datasheet figures to treat as hard requirements, comma-separated: "
        "IR range, power, zoom, DORI at target (default: they are preferences)",
    )  # fmt: skip


def run(args: argparse.Namespace, out: TextIO) -> int:
    from specassist.cli.system_lines import summary_lines
    from specassist.domain import formatting as fmt
    from specassist.domain.issues import UserError
    from specassist.domain.outcome import Status
    from specassist.domain.rules import Verdict
    from specassist.services import outputs, system_json, system_service

    system = units(args)
    try:
        result = read_survey(args)
        analysis = headless_analysis(args, result.cameras)
        plan = system_service.plan(analysis, system_settings(args))
    except (UserError, ValueError, KeyError) as exc:
        return fail("match", str(exc.args[0] if isinstance(exc, KeyError) else exc))
    if args.json:
        costing = system_service.costs(analysis, plan)
        # What a retained VMS or recorder asks of each replacement, beside its outcome.
        rows = [
            {**outputs.outcome_json(o, system),
             "vms_support": check.text if (check := plan.vms_check(o.id)) else None}
            for o in analysis.outcomes
        ]  # fmt: skip
        document = {"cameras": rows, "system": system_json.system_json(plan, costing)}
        write_json(document, out)
        return 0
    excluded = [o for o in analysis.outcomes if o.verdict is Verdict.EXCLUDED]
    found = sum(1 for o in excluded if o.offer is not None)
    others = sum(1 for o in excluded if o.status is Status.NOT_A_CAMERA)
    checks = sum(1 for o in excluded if o.status is Status.SITE_CHECK)
    declared = sum(1 for o in excluded if o.deviations)
    print(
        f"{result.file}: {len(analysis.outcomes)} cameras, {len(excluded)} excluded, "
        f"{found} with a replacement ({declared} with declared deviations), "
        f"{checks} for a site check, {len(excluded) - found - others - checks} without"
        + (f", {others} not cameras (below)" if others else "")
        + rule_pack_line(analysis),
        file=out,
    )
    for outcome in excluded:
        if outcome.status is Status.NOT_A_CAMERA:
            continue  # listed with the system below
        camera, match = outcome.camera, outcome.match
        old = f"{camera.make or '?'} {camera.model or '?'}"
        choice = outcome.offer
        if choice is None:
            reason = fmt.no_match(match.no_match if match else None, system)
            print(f"{camera.display_tag:<10} {old:<32} no match: {reason}", file=out)
            continue
        count = f"{choice.quantity} × " if choice.quantity > 1 else ""
        new = f"{count}{choice.model.vendor_id} {choice.model.model}"
        after = fmt.detail(outcome.detail_after, system) if outcome.detail_after else "—"
        print(f"{camera.display_tag:<10} {old:<32} → {new:<28} {after:<28} {choice.score:6.1f}",
              file=out)  # fmt: skip
        if choice.arrangement is not None:
            print(f"{'':<44}{fmt.note(choice.arrangement, system)}", file=out)
        for deviation in choice.deviations:
            print(f"{'':<44}DEVIATION, {fmt.deviation_line(deviation, system)}", file=out)
        for alternate in match.alternates if match else ():
            print(f"{'':<44}{alternate.role}: {alternate.model.vendor_id} "
                  f"{alternate.model.model}", file=out)  # fmt: skip
    for line in summary_lines(plan):
        print(line, file=out)
    return 0
