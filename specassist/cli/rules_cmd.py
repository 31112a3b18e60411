"""``specassist rules list`` and ``rules show ID``: the rule sets a project can apply."""

from __future__ import annotations

import argparse
from typing import TextIO

from specassist.cli.common import Subparsers, fail


def register(commands: Subparsers) -> None:
    rules = commands.add_parser("rules", help="list or show the rule sets")
    actions = rules.add_subparsers(dest="rules_command", metavar="ACTION", required=True)
    actions.add_parser("list", help="list the rule sets")
    show = actions.add_parser("show", help="show one rule set with its rules")
    show.add_argument("rule_set_id")


def run(args: argparse.Namespace, out: TextIO) -> int:
    from specassist.services.catalog_service import check_catalog

    rule_sets = check_catalog().catalog.rule_sets
    if args.rules_command == "list":
        for rs in rule_sets:
            since = rs.effective_from.isoformat() if rs.effective_from else "—"
            template = " (template)" if rs.template else ""
            print(
                f"{rs.rule_set_id:<28} {rs.jurisdiction:<7} from {since:<10} {rs.title}{template}",
                file=out,
            )
        return 0
    chosen = next((r for r in rule_sets if r.rule_set_id == args.rule_set_id), None)
    if chosen is None:
        return fail("rules", f"no rule set '{args.rule_set_id}'")
    print(
        f"{chosen.title}\n  id: {chosen.rule_set_id}\n  jurisdiction: {chosen.jurisdiction}"
        f"\n  authority: {chosen.authority}\n  effective: {chosen.effective_from or '—'}"
        f" to {chosen.effective_until or 'open'}\n  citation: {chosen.citation.title}"
        f" {chosen.citation.url or ''}",
        file=out,
    )
    if chosen.notes:
        print(f"  notes: {chosen.notes}", file=out)
    for rule in chosen.rules:
        scope = []
        if rule.makers:
            scope.append("makers " + ", ".join(rule.makers))
        if rule.control_countries:
            scope.append("controlled from " + ", ".join(rule.control_countries))
        if rule.approved_vendors:
            scope.append("anything but " + ", ".join(rule.approved_vendors))
        if rule.components:
            scope.append("components " + ", ".join(rule.components))
        reach = [
            n
            for n, on in (
                ("subsidiaries", rule.include_subsidiaries),
                ("affiliates", rule.include_affiliates),
                ("OEM-made products", rule.include_oem),
            )
            if on
        ]
        print(
            f"  - {rule.rule_id} [{rule.severity.value}]: {rule.description}\n"
            f"      reaches: {'; '.join(scope) or 'nothing'}"
            f"{' incl. ' + ', '.join(reach) if reach else ''}",
            file=out,
        )
    return 0
