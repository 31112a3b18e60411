"""The System tab's settings: how cameras are recorded, which VMS stays, provisional sums and
how the works are phased. Shows the project's settings and emits the edited ones as the
stored JSON values (``system_values.system_values``)."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from specassist.domain.bitrate import Codec, RecordingMode, SceneActivity
from specassist.domain.device_class import DeviceClass
from specassist.domain.system import RaidLevel, VmsPlatform
from specassist.domain.system_settings import PhaseRule, SystemSettings

PROVISIONAL = {
    DeviceClass.INTERCOM: "Door station provisional sum",
    DeviceClass.ENCODER: "Encoder provisional sum",
    DeviceClass.ACCESS_CONTROL: "Access control provisional sum",
    DeviceClass.OTHER: "Other device provisional sum",
}
RULES = {
    PhaseRule.NONE: "one phase",
    PhaseRule.SITE: "one phase per site",
    PhaseRule.PRIORITY: "priority sites first",
    PhaseRule.DEADLINE: "by rule deadline",
    PhaseRule.MANUAL: "by hand",
}


def _combo(name: str, items: list[tuple[str, str]]) -> QComboBox:
    combo = QComboBox()
    combo.setAccessibleName(name)
    for text, value in items:
        combo.addItem(text, value)
    return combo


def _select(combo: QComboBox, value: str) -> None:
    combo.setCurrentIndex(max(0, combo.findData(value)))


class SystemSettingsForm(QWidget):
    sig_apply = Signal(dict)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.fps = QDoubleSpinBox()
        self.fps.setRange(1, 120)
        self.fps.setDecimals(1)
        self.fps.setSuffix(" fps")
        self.retention = QSpinBox()
        self.retention.setRange(1, 3650)
        self.retention.setSuffix(" days")
        self.codec = _combo("Compression", [("H.264", Codec.H264), ("H.265", Codec.H265)])
        self.mode = _combo("Recording mode", [(m.value, m.value) for m in RecordingMode])
        self.duty = QLineEdit()
        self.duty.setPlaceholderText("share of the day, e.g. 0.3 (motion/schedule)")
        self.activity = _combo("Scene activity", [(a.value, a.value) for a in SceneActivity])
        self.raid = _combo(
            "Disk redundancy",
            [("independent drives", "none")]
            + [
                (f"RAID {r.value}", r.value)
                for r in RaidLevel
                if r not in (RaidLevel.NONE, RaidLevel.RAID0)
            ],
        )
        self.vms = _combo("Retained VMS", [("none", "")])
        self.rule = _combo("Phases", [(text, rule.value) for rule, text in RULES.items()])
        self.priority = QLineEdit()
        self.priority.setPlaceholderText("sites done first, comma-separated")
        self.sums = {cls: QLineEdit() for cls in PROVISIONAL}
        form = QFormLayout()
        for label, widget in (
            ("Frame rate", self.fps),
            ("Retention", self.retention),
            ("Compression", self.codec),
            ("Recording mode", self.mode),
            ("Recorded share", self.duty),
            ("Scene activity", self.activity),
            ("Disk redundancy", self.raid),
            ("Retained VMS", self.vms),
            ("Phases", self.rule),
            ("Priority sites", self.priority),
        ):
            widget.setAccessibleName(label)
            form.addRow(label, widget)
        for cls, label in PROVISIONAL.items():
            self.sums[cls].setAccessibleName(label)
            form.addRow(label, self.sums[cls])
        self.apply_button = QPushButton("&Apply")
        self.apply_button.setToolTip("Store these settings in the project and re-plan")
        self.apply_button.clicked.connect(self.apply)
        self.message = QLabel()
        self.message.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.apply_button)
        layout.addWidget(self.message)
        layout.addStretch()
        self._phasing: dict[str, Any] = {}

    def show_settings(self, settings: SystemSettings, platforms: list[VmsPlatform]) -> None:
        rec = settings.recording
        self.fps.setValue(rec.fps)
        self.retention.setValue(rec.retention_days)
        _select(self.codec, rec.codec.value)
        _select(self.mode, rec.mode.value)
        self.duty.setText("" if rec.duty is None else f"{rec.duty:g}")
        _select(self.activity, rec.activity.value)
        _select(self.raid, settings.raid.value)
        self.vms.clear()
        self.vms.addItem("none", "")
        for platform in platforms:
            self.vms.addItem(platform.name, platform.vms_id)
        _select(self.vms, settings.kept_vms or "")
        phasing = settings.phasing
        _select(self.rule, phasing.rule.value)
        self.priority.setText(", ".join(phasing.priority_sites))
        for cls, edit in self.sums.items():
            amount = settings.provisional_sum(cls)
            edit.setText("" if amount is None else str(amount))
        self._phasing = {
            "site_order": list(phasing.site_order),
            "phase_names": list(phasing.phase_names),
            "assignments": {str(d): p for d, p in phasing.assignments},
        }

    def values(self) -> dict[str, Any]:
        """The form as stored values; ``ValueError`` in words for a sum that is not a number."""
        sums = {}
        for cls, edit in self.sums.items():
            text = edit.text().strip()
            if text:
                try:
                    sums[cls.value] = str(Decimal(text))
                except InvalidOperation:
                    raise ValueError(f"{PROVISIONAL[cls]}: '{text}' is not an amount") from None
        sites = [s.strip() for s in self.priority.text().split(",") if s.strip()]
        return {
            "fps": self.fps.value(),
            "retention_days": self.retention.value(),
            "codec": self.codec.currentData(),
            "mode": self.mode.currentData(),
            "duty": self.duty.text().strip() or None,
            "activity": self.activity.currentData(),
            "raid": self.raid.currentData(),
            "kept_vms": self.vms.currentData() or None,
            "provisional_sums": sums,
            "phasing": {**self._phasing, "rule": self.rule.currentData(), "priority_sites": sites},
        }

    def apply(self) -> None:
        try:
            values = self.values()
        except ValueError as exc:
            self.message.setText(str(exc))
            return
        self.message.clear()
        self.sig_apply.emit(values)
