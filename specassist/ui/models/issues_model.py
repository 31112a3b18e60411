"""Import issues as a table: severity, where (file, row, column), what was found, and why."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from specassist.domain.issues import InputIssue

Index = QModelIndex | QPersistentModelIndex
HEADERS = ("Severity", "File", "Row", "Column", "Value", "Message")


class IssuesModel(QAbstractTableModel):
    def __init__(self, issues: list[InputIssue], parent: Any = None) -> None:
        super().__init__(parent)
        self._issues = list(issues)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._issues)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._issues):
            return None
        issue = self._issues[index.row()]
        values = (issue.severity.value, issue.file, issue.row, issue.column, issue.value,
                  issue.message)  # fmt: skip
        value = values[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return "" if value is None else str(value)
        if role == Qt.ItemDataRole.ToolTipRole:
            return str(issue)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # fmt: skip
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return HEADERS[section] if 0 <= section < len(HEADERS) else None
        return None
