"""A read-only table over plain rows with declared columns: the System tab's tables.

Each table declares its columns once — header, cell text, tooltip, right-aligned or not —
and this adapter serves them to views, so the recorder, stream, switch, device and phase
tables differ only in what they say, never in how a Qt model behaves.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

Index = QModelIndex | QPersistentModelIndex
ROW_ROLE = Qt.ItemDataRole.UserRole + 3
"""The row object behind a cell (a group, a switch …), for views that act on a selection."""


@dataclass(frozen=True)
class Column:
    header: str
    text: Callable[..., str]
    """The cell's text from its row; with ``names``, from its row and the vendors' display
    names, so a recorder reads "Hanwha Vision XRN-3210B4" rather than its vendor id."""
    numeric: bool = False
    names: bool = False


class PlanRowsModel(QAbstractTableModel):
    COLUMNS: ClassVar[tuple[Column, ...]] = ()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[Any] = []
        self.vendor_names: Mapping[str, str] = {}

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> Any:
        return self._rows[row]

    def tooltip(self, row: Any) -> str | None:
        """What a row's cells explain on hover (its reasons); none unless a table says."""
        return None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row, column = self._rows[index.row()], self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(row, self.vendor_names) if column.names else column.text(row)
        if role == Qt.ItemDataRole.TextAlignmentRole and column.numeric:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tooltip(row)
        if role == ROW_ROLE:
            return row
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.COLUMNS[section].header if 0 <= section < len(self.COLUMNS) else None
        return None
