"""The system plan in a few lines of text, as ``match`` and ``tender`` print it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from specassist.domain import formatting as fmt

if TYPE_CHECKING:
    from specassist.domain.system_plan import SystemPlan


SHOWN = 10
"""Lines printed per kind (recorders, switches, other devices, phases): an estate of 250 sites
would otherwise bury the report; the tender and ``--json`` have every one."""


def summary_lines(plan: SystemPlan) -> list[str]:
    """Up to ``SHOWN`` lines per recorder group, switch, other device and phase."""
    return [
        *_first(_groups(plan), "recorder groups"),
        *_first(_switches(plan), "switches"),
        *_first(_devices(plan), "other devices"),
        *_first(_phases(plan), "phases"),
    ]


def _first(lines: list[str], what: str) -> list[str]:
    if len(lines) <= SHOWN:
        return lines
    return [
        *lines[:SHOWN],
        f"… and {len(lines) - SHOWN} more {what} (all in the tender and --json)",
    ]


def _groups(plan: SystemPlan) -> list[str]:
    lines = []
    for group in plan.groups:
        demand, model, choice = group.demand, group.model, group.choice
        chosen = ""
        if model is not None and choice is not None:
            chosen = f" → {choice.units} × {model.vendor_id} {model.model}"
        elif choice is not None:
            chosen = " → no catalog recorder fits"
        licence = group.licences
        lines.append(
            f"recorder {group.site} / {group.name}: {group.action.value}{chosen} "
            f"({demand.channels} cameras, {fmt.bitrate(demand.incoming_mbps)}, "
            f"{fmt.storage(demand.raw_tb)} raw)"
            + (f"; {licence.quantity} × {licence.item}" if licence and group.costed else "")
        )
    return lines


def _devices(plan: SystemPlan) -> list[str]:
    return [f"{d.device_class.value} {d.tag}: {d.action}" for d in plan.devices]


def _switches(plan: SystemPlan) -> list[str]:
    return [
        f"switch {s.site} / {s.name}: {s.budget.verdict.value} "
        f"({s.budget.devices} devices, {fmt.power(s.budget.allocated_w)} reserved)"
        for s in plan.switches
    ]


def _phases(plan: SystemPlan) -> list[str]:
    if len(plan.phases) <= 1 and not any(p.key for p in plan.phases):
        return []
    return [f"{p.name}: {len(p.device_ids)} devices ({p.basis})" for p in plan.phases]
