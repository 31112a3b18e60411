"""Running totals by site, and the project total, from the latest costing."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from specassist.domain.costing import Costing

Index = QModelIndex | QPersistentModelIndex
HEADERS = ("Site", "Cameras", "Priced lines", "Missing prices", "Subtotal")


class SiteCostsModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[str, int, int, int, str]] = []

    def set_costing(self, costing: Costing | None) -> None:
        self.beginResetModel()
        self._rows = []
        if costing is not None:
            for site in costing.sites:
                cameras = sum(int(line.quantity) for line in site.lines
                              if line.kind.value == "equipment")  # fmt: skip
                priced = sum(1 for line in site.lines if line.priced)
                missing = sum(1 for line in site.lines if not line.priced)
                self._rows.append((site.label, cameras, priced, missing, str(site.subtotal)))
            for label, money in (("Subtotal", costing.subtotal),
                                 ("Contingency", costing.contingency),
                                 (costing.settings.tax_name, costing.tax),
                                 ("Total", costing.total)):  # fmt: skip
                self._rows.append((label, 0, 0, 0, str(money)))
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        value = self._rows[index.row()][index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return "" if value == 0 and index.column() in (1, 2, 3) and \
                self._rows[index.row()][1] == 0 else str(value)  # fmt: skip
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() > 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # fmt: skip
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return HEADERS[section] if 0 <= section < len(HEADERS) else None
        return None
