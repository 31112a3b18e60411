"""What "Compare with catalog" found, as a table: change, kind, row, and what moved."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from specassist.domain.catalog_diff import Difference, summary

Index = QModelIndex | QPersistentModelIndex
HEADERS = ("Change", "What", "Row", "Details")


class CatalogDiffModel(QAbstractTableModel):
    def __init__(self, differences: list[Difference], parent: Any = None) -> None:
        super().__init__(parent)
        self._rows = list(differences)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def difference_at(self, row: int) -> Difference:
        return self._rows[row]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        difference = self._rows[index.row()]
        values = (difference.change.value, difference.kind.noun, difference.key,
                  summary(difference))  # fmt: skip
        if role == Qt.ItemDataRole.DisplayRole:
            return values[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            return " — ".join(v for v in values if v)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # fmt: skip
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return HEADERS[section] if 0 <= section < len(HEADERS) else None
        return None
