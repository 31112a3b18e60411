"""Preferences: units, the default rule profile for new projects, the issuing organisation,
and the team catalog new projects take their catalog from.

Offer-only rule sets (the FCC's) get a second box: whether new projects apply
them to installed equipment too.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from specassist.domain.catalog import RuleSet
from specassist.domain.formatting import UnitSystem
from specassist.services import team_catalog
from specassist.ui.settings import AppSettings
from specassist.ui.widgets.rules_tab import INSTALLED_TEXT, INSTALLED_TIP


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
        self.catalog_url = QLineEdit(settings.catalog_url)
        self.catalog_url.setPlaceholderText("Empty: the catalog folder. A team catalog: "
                                            "postgresql://host/database")  # fmt: skip
        self.catalog_url.setToolTip(
            "New projects take a snapshot of the approved rows of this team catalog. Keep the "
            "password out of the URL (it would be stored as plain text): put it in PostgreSQL's "
            "password file (~/.pgpass, %APPDATA%\\postgresql\\pgpass.conf on Windows)."
        )
        self.catalog_url.setAccessibleName("Team catalog URL")
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #a61b1b")
        self.message.hide()
        defaults, installed = settings.default_rules, settings.installed_rules
        box = QGroupBox("Rule sets for new projects")
        box_layout = QVBoxLayout(box)
        self.rules: dict[str, QCheckBox] = {}
        self.installed: dict[str, QCheckBox] = {}
        for rule_set in rule_sets:
            check = QCheckBox(rule_set.title)
            check.setChecked(
                rule_set.rule_set_id in defaults if defaults else not rule_set.template
            )
            self.rules[rule_set.rule_set_id] = check
            box_layout.addWidget(check)
            if not rule_set.applies_to_installed:
                extra = QCheckBox(INSTALLED_TEXT)
                extra.setToolTip(INSTALLED_TIP)
                extra.setStyleSheet("margin-left: 24px")
                extra.setChecked(rule_set.rule_set_id in installed)
                extra.setEnabled(check.isChecked())
                check.toggled.connect(extra.setEnabled)
                self.installed[rule_set.rule_set_id] = extra
                box_layout.addWidget(extra)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(box)
        form = QFormLayout()
        form.addRow("Units", self.units)
        form.addRow("Issuing organisation", self.issuer)
        form.addRow("Team catalog", self.catalog_url)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(scroll)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.resize(520, 460)

    def accept(self) -> None:
        url = self.catalog_url.text().strip()
        if url and (problem := team_catalog.url_problem(url)):
            self.message.setText(problem)
            self.message.show()
            return
        self.settings.catalog_url = url
        self.settings.units = UnitSystem(str(self.units.currentData()))
        self.settings.issuer = self.issuer.text().strip()
        self.settings.default_rules = [k for k, c in self.rules.items() if c.isChecked()]
        self.settings.installed_rules = [
            k for k, c in self.installed.items() if c.isChecked() and self.rules[k].isChecked()
        ]
        super().accept()
