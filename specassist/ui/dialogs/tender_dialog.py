"""The tender's cover and layout for this project: title, client, issuer, revision, format."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from specassist.domain.project_settings import TenderSettings
from specassist.ui.errors import guarded


class TenderDialog(QDialog):
    """Edits the cover fields; OK stores them through ``store`` and closes only if that worked,
    so a failure never throws away what the user typed."""

    def __init__(
        self,
        current: TenderSettings,
        store: Callable[[dict[str, str]], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._store = store
        self.setWindowTitle("Tender details")
        self.edits = {
            "title": QLineEdit(current.title),
            "project": QLineEdit(current.project),
            "client": QLineEdit(current.client),
            "issuer": QLineEdit(current.issuer),
            "revision": QLineEdit(current.revision),
            "section_number": QLineEdit(current.section_number),
        }
        self.layout_choice = QComboBox()
        self.layout_choice.addItem("CSI MasterFormat three-part section", "csi")
        self.layout_choice.addItem("NBS-style clauses", "nbs")
        self.layout_choice.setCurrentIndex(self.layout_choice.findData(current.layout.value))
        form = QFormLayout()
        labels = {"title": "Title", "project": "Project", "client": "Client",
                  "issuer": "Issuing organisation", "revision": "Revision",
                  "section_number": "Section number (CSI)"}  # fmt: skip
        for key, edit in self.edits.items():
            edit.setAccessibleName(labels[key])
            form.addRow(labels[key], edit)
        form.addRow("Layout", self.layout_choice)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.resize(460, 280)

    def accept(self) -> None:
        values = self.values()
        stored, _ = guarded("Tender details were not saved", lambda: self._store(values))
        if stored:
            super().accept()

    def values(self) -> dict[str, str]:
        out = {key: edit.text().strip() for key, edit in self.edits.items()}
        out["layout"] = str(self.layout_choice.currentData())
        return out
