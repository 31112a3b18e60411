"""Preferences: units, the default rule profile for new projects, the issuing organisation."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from specassist.domain.catalog import RuleSet
from specassist.domain.formatting import UnitSystem
from specassist.ui.settings import AppSettings


class PreferencesDialog(QDialog):
    def __init__(self, settings: AppSettings, rule_sets: list[RuleSet],
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.setWindowTitle("Preferences")
        self.settings = settings
        self.units = QComboBox()
        self.units.addItem("Metric (m, px/m)", UnitSystem.METRIC.value)
        self.units.addItem("Imperial (ft, px/ft)", UnitSystem.IMPERIAL.value)
        self.units.setCurrentIndex(self.units.findData(settings.units.value))
        self.units.setAccessibleName("Units")
        self.issuer = QLineEdit(settings.issuer)
        self.issuer.setPlaceholderText("Organisation printed on the tender cover")
        self.issuer.setAccessibleName("Issuing organisation")
        defaults = settings.default_rules
        box = QGroupBox("Rule sets for new projects")
        box_layout = QVBoxLayout(box)
        self.rules: dict[str, QCheckBox] = {}
        for rule_set in rule_sets:
            check = QCheckBox(rule_set.title)
            check.setChecked(
                rule_set.rule_set_id in defaults if defaults else not rule_set.template
            )
            self.rules[rule_set.rule_set_id] = check
            box_layout.addWidget(check)
        form = QFormLayout()
        form.addRow("Units", self.units)
        form.addRow("Issuing organisation", self.issuer)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(box)
        layout.addWidget(buttons)

    def accept(self) -> None:
        self.settings.units = UnitSystem(str(self.units.currentData()))
        self.settings.issuer = self.issuer.text().strip()
        self.settings.default_rules = [k for k, c in self.rules.items() if c.isChecked()]
        super().accept()
