"""The system plan in a few lines of text, as ``match`` and ``tender`` print it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from specassist.domain import formatting as fmt

if TYPE_CHECKING:
    from specassist.domain.system_plan import SystemPlan


def summary_lines(plan: SystemPlan) -> list[str]:
    """One line per recorder group, switch, other device and phase."""
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
    for switch in plan.switches:
        budget = switch.budget
        lines.append(
            f"switch {switch.site} / {switch.name}: {budget.verdict.value} "
            f"({budget.devices} devices, {fmt.power(budget.allocated_w)} reserved)"
        )
    for device in plan.devices:
        lines.append(f"{device.device_class.value} {device.tag}: {device.action}")
    if len(plan.phases) > 1 or any(p.key for p in plan.phases):
        for phase in plan.phases:
            lines.append(f"{phase.name}: {len(phase.device_ids)} devices ({phase.basis})")
    return lines
