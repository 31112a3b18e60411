"""What "Compare with catalog" found, as a table: change, kind, row, and what moved."""

from __future__ import annotations

from typing import Any, ClassVar

from PySide6.QtCore import Qt

from specassist.domain.catalog_diff import Difference, summary
from specassist.ui.models.list_table import Index, ListTableModel


class CatalogDiffModel(ListTableModel):
    HEADERS: ClassVar[tuple[str, ...]] = ("Change", "What", "Row", "Details")

    def __init__(self, differences: list[Difference], parent: Any = None) -> None:
        super().__init__(differences, parent)

    def difference_at(self, row: int) -> Difference:
        difference: Difference = self._rows[row]
        return difference

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        difference = self.item(index)
        if difference is None:
            return None
        values = (difference.change.value, difference.kind.noun, difference.key,
                  summary(difference))  # fmt: skip
        if role == Qt.ItemDataRole.DisplayRole:
            return values[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            return " — ".join(v for v in values if v)
        return None
