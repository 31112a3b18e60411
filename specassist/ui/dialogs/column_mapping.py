"""Assign survey columns SpecAssist did not recognise to the fields they hold."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from specassist.services.imports import field_labels

KEEP = "extra"
LABELS = field_labels()


class ColumnMappingDialog(QDialog):
    def __init__(self, headers: list[str], mapping: dict[str, str], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Map survey columns")
        self.combos: dict[str, QComboBox] = {}
        form_widget = QWidget()
        form = QFormLayout(form_widget)
        for header in headers:
            if not header.strip():
                continue
            combo = QComboBox()
            combo.setAccessibleName(f"Field for column {header}")
            for value, label in LABELS.items():
                combo.addItem(label, value)
            combo.setCurrentIndex(max(0, combo.findData(mapping.get(header, KEEP))))
            self.combos[header] = combo
            form.addRow(header, combo)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(form_widget)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        intro = QLabel(
            "Some columns were not recognised. Choose what each one holds; the "
            "choice is remembered for surveys with the same headers."
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addWidget(scroll)
        layout.addWidget(buttons)
        self.resize(480, 520)

    def mapping(self) -> dict[str, str]:
        return {header: str(combo.currentData()) for header, combo in self.combos.items()}
