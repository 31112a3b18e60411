"""PoE per surveyed switch after the works: load, budget and what has to change."""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar

from specassist.domain import formatting as fmt
from specassist.domain.network_plan import SwitchPlan
from specassist.ui.models.plan_rows import Column, PlanRowsModel


def _action(switch: SwitchPlan, names: Mapping[str, str]) -> str:
    budget = switch.budget
    if budget.replacement is not None:
        new = budget.replacement
        return f"{budget.verdict.value}: {names.get(new.vendor_id, new.vendor_id)} {new.model}"
    midspans = sum(m.ports for m in switch.midspans)
    return f"{budget.verdict.value}: {midspans} port(s)" if midspans else budget.verdict.value


class SystemSwitchesModel(PlanRowsModel):
    COLUMNS: ClassVar[tuple[Column, ...]] = (
        Column("Site", lambda s: s.site),
        Column("Switch", lambda s: s.name),
        Column("Devices", lambda s: str(s.budget.devices), numeric=True),
        Column("Reserved", lambda s: fmt.power(s.budget.allocated_w), numeric=True),
        Column("All on switch", lambda s: fmt.power(s.budget.demanded_w), numeric=True),
        Column("PoE budget", lambda s: fmt.power(s.budget.supply.budget_w), numeric=True),
        Column("Verdict", _action, names=True),
        Column("Phase", lambda s: s.phase),
    )

    def tooltip(self, row: SwitchPlan) -> str:
        return "\n".join([*row.budget.reasons, *row.notes]) or "fits its budget"
