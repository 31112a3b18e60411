"""What an import did: how the file was read, where every row went, and every issue it found
(with file, row and column) in a sortable table."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
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
                 parent: QWidget | None = None, read_as: str = "",
                 rows: str = "") -> None:  # fmt: skip
        """``read_as``: how the file was read (format, sheet, encoding); ``rows``: the row
        accounting ("120 rows read: 118 stored, 1 header, skipped: 1 blank")."""
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
        facts = QFormLayout()
        self.read_as = QLabel(read_as)
        self.rows = QLabel(rows)
        for name, value in (("Read as", self.read_as), ("Rows", self.rows)):
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            if value.text():
                facts.addRow(name, value)
        layout.addLayout(facts)
        layout.addWidget(table)
        layout.addWidget(buttons)
        self.resize(820, 460)
