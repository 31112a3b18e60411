"""The first rows of a survey as read, under headers that say what each column will become.

Shown beside the column choices, so a user mapping "Ref" or "Typ" sees the
values in it; each header reads "Ref → Tag" and follows the choices as they
change.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

Index = QModelIndex | QPersistentModelIndex


class PreviewModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._headers: list[str] = []
        self._rows: list[tuple[int, list[str]]] = []
        self._labels: dict[str, str] = {}

    def set_preview(self, headers: list[str], rows: list[tuple[int, list[str]]]) -> None:
        """``rows`` as the reader numbered them; rows up to the header row are left out."""
        self.beginResetModel()
        self._headers = list(headers)
        at = next((n for n, (_, cells) in enumerate(rows) if list(cells) == headers), -1)
        self._rows = list(rows[at + 1 :])
        self.endResetModel()

    def set_labels(self, labels: Mapping[str, str]) -> None:
        """What each header will be read as ("Tag", "kept as a note" …)."""
        self._labels = dict(labels)
        if self._headers:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self._headers) - 1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        cells = self._rows[index.row()][1]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return cells[index.column()] if index.column() < len(cells) else ""
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # fmt: skip
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._headers):
            header = self._headers[section]
            label = self._labels.get(header)
            return f"{header}\n→ {label}" if label else header
        if orientation == Qt.Orientation.Vertical and 0 <= section < len(self._rows):
            return str(self._rows[section][0])
        return None
