"""The project's rule profile: tick the rule sets that apply; the survey re-evaluates at once.

A rule set that governs only what may be offered (the FCC Covered List bars
new authorisations, not the use of installed cameras) gets a second box: a
client whose policy goes further can apply it to the installed cameras too.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QLabel, QScrollArea, QVBoxLayout, QWidget

from specassist.domain.catalog import RuleSet

INSTALLED_TEXT = "Also apply to the installed cameras (the client's policy goes further)"
INSTALLED_TIP = (
    "These rules decide what may be offered as a replacement. Tick this when the client's "
    "policy also removes installed equipment they name."
)


class RulesTab(QWidget):
    sig_profile_changed = Signal(list)
    sig_installed_changed = Signal(list)
    """Offer-only rule sets to apply to installed equipment as well."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.checks: dict[str, QCheckBox] = {}
        self.installed: dict[str, QCheckBox] = {}
        intro = QLabel("Cameras are judged against the ticked rule sets. The same camera can be "
                       "excluded under one profile and allowed under another.")  # fmt: skip
        intro.setWordWrap(True)
        body = QWidget()
        self.box = QVBoxLayout(body)
        self.box.addStretch()
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(scroll)

    def set_rules(
        self, rule_sets: list[RuleSet], chosen: list[str], installed: tuple[str, ...] = ()
    ) -> None:
        """Show the rule sets with their ticks. The same rule sets only change ticks: a box
        is never deleted from inside its own signal (a tick re-reads the profile)."""
        if [r.rule_set_id for r in rule_sets] == list(self.checks):
            for key, check in self.checks.items():
                check.setChecked(key in chosen)
            for key, extra in self.installed.items():
                extra.setChecked(key in installed)
                extra.setEnabled(self.checks[key].isChecked())
            return
        for check in (*self.checks.values(), *self.installed.values()):
            check.hide()
            check.deleteLater()
        self.checks.clear()
        self.installed.clear()
        at = 0
        for rule_set in rule_sets:
            check = QCheckBox(f"{rule_set.title} — {_when(rule_set)}")
            check.setToolTip(f"{rule_set.citation.title}\n{rule_set.citation.url or ''}")
            check.setChecked(rule_set.rule_set_id in chosen)
            check.toggled.connect(self._changed)
            self.checks[rule_set.rule_set_id] = check
            self.box.insertWidget(at, check)
            at += 1
            if not rule_set.applies_to_installed:
                extra = QCheckBox(INSTALLED_TEXT)
                extra.setToolTip(INSTALLED_TIP)
                extra.setAccessibleName(f"Apply {rule_set.title} to installed cameras")
                extra.setStyleSheet("margin-left: 24px")
                extra.setChecked(rule_set.rule_set_id in installed)
                extra.setEnabled(check.isChecked())
                check.toggled.connect(extra.setEnabled)
                extra.toggled.connect(self._installed_changed)
                self.installed[rule_set.rule_set_id] = extra
                self.box.insertWidget(at, extra)
                at += 1

    def chosen(self) -> list[str]:
        return [key for key, check in self.checks.items() if check.isChecked()]

    def chosen_installed(self) -> list[str]:
        return [key for key, check in self.installed.items() if check.isChecked()]

    def _changed(self) -> None:
        self.sig_profile_changed.emit(self.chosen())

    def _installed_changed(self) -> None:
        self.sig_installed_changed.emit(self.chosen_installed())


def _when(rule_set: RuleSet) -> str:
    if rule_set.template:
        return "a template: copy its file into the catalog and edit it first"
    if rule_set.effective_from:
        return f"in force from {rule_set.effective_from.isoformat()}"
    return "no start date"
