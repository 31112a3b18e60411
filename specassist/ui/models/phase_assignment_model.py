"""Devices the works remove and the phase each is in, editable: phasing by hand.

Typing a phase name in the last column shows it at once and asks for the change
(``sig_assigned``); the tab stores it as a project setting through the undo stack, and the
new plan comes back with the next analysis. The table never changes the project itself.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any, ClassVar

from PySide6.QtCore import Qt, Signal

from specassist.ui.models.plan_rows import Column, Index, PlanRowsModel

PHASE_COLUMN = 3


@dataclass(frozen=True, slots=True)
class Assignment:
    device_id: int
    tag: str
    site: str
    what: str
    """The device's class and status ("camera, to replace")."""
    phase: str


class PhaseAssignmentModel(PlanRowsModel):
    sig_assigned = Signal(int, str)
    """(device id, phase name) typed by the user; an empty name means "not yet phased"."""

    COLUMNS: ClassVar[tuple[Column, ...]] = (
        Column("Tag", lambda a: a.tag),
        Column("Site", lambda a: a.site),
        Column("Device", lambda a: a.what),
        Column("Phase", lambda a: a.phase),
    )

    def flags(self, index: Index) -> Qt.ItemFlag:
        found = super().flags(index)
        if index.isValid() and index.column() == PHASE_COLUMN:
            return found | Qt.ItemFlag.ItemIsEditable
        return found

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.EditRole and index.isValid():
            role = Qt.ItemDataRole.DisplayRole
        return super().data(index, role)

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        if index.column() != PHASE_COLUMN:
            return False
        row: Assignment = self.row_at(index.row())
        name = str(value).strip()
        if name == row.phase:
            return False
        self._rows[index.row()] = replace(row, phase=name)
        self.dataChanged.emit(index, index)
        self.sig_assigned.emit(row.device_id, name)
        return True
