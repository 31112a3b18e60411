"""Import issues as a table: severity, where (file, row, column), what was found, and why."""

from __future__ import annotations

from typing import Any, ClassVar

from PySide6.QtCore import Qt

from specassist.domain.issues import InputIssue
from specassist.ui.models.list_table import Index, ListTableModel

HEADERS = ("Severity", "File", "Row", "Column", "Value", "Message")


class IssuesModel(ListTableModel):
    HEADERS: ClassVar[tuple[str, ...]] = HEADERS

    def __init__(self, issues: list[InputIssue], parent: Any = None) -> None:
        super().__init__(issues, parent)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        issue = self.item(index)
        if issue is None:
            return None
        values = (issue.severity.value, issue.file, issue.row, issue.column, issue.value,
                  issue.message)  # fmt: skip
        value = values[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return "" if value is None else str(value)
        if role == Qt.ItemDataRole.ToolTipRole:
            return str(issue)
        return None
