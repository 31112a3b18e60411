"""Compare with catalog: what differs between the project's snapshot and the catalog, and
a button that takes the catalog into the project (one undoable step)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from specassist.services.catalog_compare import Change, Comparison
from specassist.ui.models.catalog_diff_model import CatalogDiffModel


class CatalogCompareDialog(QDialog):
    """Accepted when the user chose to update the project's snapshot."""

    def __init__(self, comparison: Comparison, snapshot: str,
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.setWindowTitle("Compare with catalog")
        self.model = CatalogDiffModel(comparison.differences, self)
        counts = comparison.counts()
        found = ", ".join(f"{n} {change.value}" for change, n in counts.items())
        text = (f"The project's catalog snapshot ({snapshot}) compared with the "
                f"{comparison.source}: {found or 'no differences'}.")  # fmt: skip
        if counts.get(Change.UNAPPROVED):
            text += " Rows awaiting approval are not taken in until they are approved."
        if counts.get(Change.NOT_IN_CATALOG):
            text += " Rows not in the catalog leave the project when it is updated."
        problems = [str(i) for i in comparison.issues if i.severity.value != "info"]
        if problems:
            text += "\n" + "\n".join(problems[:5])
        self.summary = QLabel(text)
        self.summary.setWordWrap(True)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName("Catalog differences")
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.update_button = QPushButton("&Update the project")
        self.update_button.setToolTip(
            "Replace the project's catalog snapshot with this catalog (the project's own "
            "price lists stay; undo with Ctrl+Z)"
        )
        movable = sum(n for change, n in counts.items() if change is not Change.UNAPPROVED)
        self.update_button.setEnabled(movable > 0)
        buttons.addButton(self.update_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(900, 480)
