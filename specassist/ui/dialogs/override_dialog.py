"""Choose a replacement by hand: any model the project's rules allow, with a note."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from specassist.domain.catalog import CameraModel

KEY_ROLE = Qt.ItemDataRole.UserRole + 11


class OverrideDialog(QDialog):
    def __init__(self, models: list[CameraModel], parent: QWidget | None = None,
                 names: Mapping[str, str] | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        names = names or {}
        self.setWindowTitle("Choose a replacement model")
        self.search = QLineEdit()
        self.search.setPlaceholderText("Search vendor, model or form…")
        self.search.setAccessibleName("Search models")
        self.search.textChanged.connect(self._filter)
        self.list = QListWidget()
        self.list.setAccessibleName("Allowed models")

        def vendor(model: CameraModel) -> str:
            return names.get(model.vendor_id, model.vendor_id)

        for model in sorted(models, key=lambda m: (vendor(m).casefold(), m.model)):
            text = f"{vendor(model)} {model.model} — {model.form_factor.value}"
            if model.resolution:
                text += f", {model.resolution}"
            item = QListWidgetItem(text)
            item.setData(KEY_ROLE, model.key)
            self.list.addItem(item)
        self.note = QLineEdit()
        self.note.setPlaceholderText("Why (printed in the tender), e.g. 'client standard model'")
        self.note.setAccessibleName("Reason for the override")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        intro = QLabel(
            "Only models the project's rule profile allows are listed. The "
            "explanation will show any requirement the choice does not meet."
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addWidget(self.search)
        layout.addWidget(self.list)
        layout.addWidget(self.note)
        layout.addWidget(buttons)
        self.resize(520, 560)

    def _filter(self, text: str) -> None:
        words = text.lower().split()
        for row in range(self.list.count()):
            item = self.list.item(row)
            item.setHidden(not all(w in item.text().lower() for w in words))

    def chosen(self) -> tuple[str, str] | None:
        item = self.list.currentItem()
        if item is None or item.isHidden():
            return None
        return str(item.data(KEY_ROLE)), self.note.text().strip()
