"""Every issue an import found, with file, row and column, in a sortable table."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from specassist.domain.issues import InputIssue
from specassist.ui.models.issues_model import IssuesModel


class ImportReportDialog(QDialog):
    def __init__(self, title: str, summary: str, issues: list[InputIssue],
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.setWindowTitle(title)
        self.model = IssuesModel(issues, self)
        table = QTableView()
        table.setModel(self.model)
        table.setSortingEnabled(True)
        table.setAccessibleName("Import issues")
        table.horizontalHeader().setStretchLastSection(True)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        label = QLabel(summary)
        label.setWordWrap(True)
        layout.addWidget(label)
        layout.addWidget(table)
        layout.addWidget(buttons)
        self.resize(820, 460)
