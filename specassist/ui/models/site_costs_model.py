"""Running totals by site, and the project total, from the latest costing.

A sum that leaves out unpriced items is marked "partial" with their count, in
the cell and in its tooltip, for each site and for every total below them: a
figure that looks final while items have no price would mislead a tender.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from specassist.domain.costing import Costing, LineKind
from specassist.ui.styles import WARNING_RED

Index = QModelIndex | QPersistentModelIndex
HEADERS = ("Site", "Cameras", "Priced lines", "Missing prices", "Subtotal")


@dataclass(frozen=True)
class Row:
    label: str
    amount: str
    unpriced: int
    """Items left out of ``amount`` for want of a price."""
    cameras: int | None = None
    """None on total rows, which count no lines of their own."""
    priced: int | None = None

    def cells(self) -> tuple[str, str, str, str, str]:
        counts = ("", "", "") if self.cameras is None else \
            (str(self.cameras), str(self.priced), str(self.unpriced))  # fmt: skip
        amount = f"{self.amount} (partial)" if self.unpriced else self.amount
        return (self.label, *counts, amount)


class SiteCostsModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[Row] = []

    def set_costing(self, costing: Costing | None) -> None:
        self.beginResetModel()
        self._rows = []
        if costing is not None:
            for site in costing.sites:
                cameras = sum(int(line.quantity) for line in site.lines
                              if line.kind is LineKind.EQUIPMENT)  # fmt: skip
                priced = sum(1 for line in site.lines if line.priced)
                missing = len(site.lines) - priced
                self._rows.append(Row(site.site, str(site.subtotal), missing, cameras, priced))
            unpriced = len(costing.missing)
            totals = [("Subtotal", costing.subtotal), ("Contingency", costing.contingency)]
            if costing.margin.amount:
                totals.append(("Margin", costing.margin))
            totals += [(costing.settings.tax_name, costing.tax), ("Total", costing.total)]
            self._rows += [Row(label, str(money), unpriced) for label, money in totals]
        self.endResetModel()

    def row_at(self, row: int) -> Row:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return row.cells()[column]
        if role == Qt.ItemDataRole.TextAlignmentRole and column > 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        marked = row.unpriced and column in (3, 4)
        if role == Qt.ItemDataRole.ForegroundRole and marked:
            return QColor(WARNING_RED)
        if role == Qt.ItemDataRole.ToolTipRole and marked:
            return (f"Partial: {row.unpriced} item(s) have no price and are not counted. "
                    "Import a price list or enter the missing exchange rate.")  # fmt: skip
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # fmt: skip
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return HEADERS[section] if 0 <= section < len(HEADERS) else None
        return None
