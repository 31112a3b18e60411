"""The phases of the works with their subtotals from the estimate."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from specassist.domain.money import Money
from specassist.domain.phasing import Phase
from specassist.ui.models.plan_rows import Column, PlanRowsModel


@dataclass(frozen=True, slots=True)
class PhaseRow:
    phase: Phase
    subtotal: Money | None


class SystemPhasesModel(PlanRowsModel):
    COLUMNS: ClassVar[tuple[Column, ...]] = (
        Column("Phase", lambda r: r.phase.name),
        Column("Why", lambda r: r.phase.basis),
        Column("Sites", lambda r: ", ".join(r.phase.sites)),
        Column("Devices", lambda r: str(len(r.phase.device_ids)), numeric=True),
        Column("Deadline", lambda r: r.phase.deadline.isoformat() if r.phase.deadline else ""),
        Column("Subtotal", lambda r: str(r.subtotal) if r.subtotal else "", numeric=True),
    )
