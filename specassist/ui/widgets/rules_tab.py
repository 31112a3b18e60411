"""The project's rule profile: tick the rule sets that apply; the survey re-evaluates at once."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QLabel, QVBoxLayout, QWidget

from specassist.domain.catalog import RuleSet


class RulesTab(QWidget):
    sig_profile_changed = Signal(list)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.checks: dict[str, QCheckBox] = {}
        self.layout_ = QVBoxLayout(self)
        intro = QLabel("Cameras are judged against the ticked rule sets. The same camera can be "
                       "excluded under one profile and allowed under another.")  # fmt: skip
        intro.setWordWrap(True)
        self.layout_.addWidget(intro)
        self.box = QVBoxLayout()
        self.layout_.addLayout(self.box)
        self.layout_.addStretch()

    def set_rules(self, rule_sets: list[RuleSet], chosen: list[str]) -> None:
        for check in self.checks.values():
            check.setParent(None)
        self.checks.clear()
        for rule_set in rule_sets:
            if rule_set.template:
                when = "a template: copy its file into the catalog and edit it first"
            elif rule_set.effective_from:
                when = f"in force from {rule_set.effective_from.isoformat()}"
            else:
                when = "no start date"
            check = QCheckBox(f"{rule_set.title} — {when}")
            check.setToolTip(f"{rule_set.citation.title}\n{rule_set.citation.url or ''}")
            check.setChecked(rule_set.rule_set_id in chosen)
            check.toggled.connect(self._changed)
            self.checks[rule_set.rule_set_id] = check
            self.box.addWidget(check)

    def chosen(self) -> list[str]:
        return [key for key, check in self.checks.items() if check.isChecked()]

    def _changed(self) -> None:
        self.sig_profile_changed.emit(self.chosen())
