"""The recording, VMS, provisional-sum and phasing settings between their typed form and the
plain JSON a project stores: kept apart from ``services.project_settings`` so the command line
can read them from its options without loading the database layer."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any, TypeVar

from specassist.domain.bitrate import Codec, RecordingMode, RecordingPlan, SceneActivity
from specassist.domain.device_class import DeviceClass
from specassist.domain.system import RaidLevel
from specassist.domain.system_settings import (
    DEFAULT_RAID,
    PhaseRule,
    PhasingSettings,
    SystemSettings,
)

T = TypeVar("T")


def _read(stored: dict[str, Any], key: str, convert: Callable[[Any], T], default: T) -> T:
    """One stored value converted, or the default; a bad value names its key and itself."""
    value = stored.get(key)
    if value is None or value == "":
        return default
    try:
        return convert(value)
    except (ValueError, TypeError, ArithmeticError) as exc:  # InvalidOperation: Arithmetic
        raise ValueError(f"system settings: {key} '{value}' is not valid ({exc})") from None


def _sums(value: dict[str, Any]) -> tuple[tuple[DeviceClass, Decimal], ...]:
    return tuple((DeviceClass(cls), Decimal(str(amount))) for cls, amount in value.items())


def system_settings_from(stored: dict[str, Any]) -> SystemSettings:
    """Settings from their stored (or typed) form; a bad value raises ``ValueError`` naming it."""
    defaults, phasing = RecordingPlan(), stored.get("phasing") or {}
    fps = _read(stored, "fps", float, defaults.fps)
    days = _read(stored, "retention_days", int, defaults.retention_days)
    duty = _read(stored, "duty", float, None)
    try:
        recording = RecordingPlan(
            fps, _read(stored, "codec", Codec, defaults.codec),
            _read(stored, "activity", SceneActivity, defaults.activity),
            _read(stored, "mode", RecordingMode, defaults.mode), duty, days,
        )  # fmt: skip
    except ValueError as exc:
        raise ValueError(f"system settings: {exc}") from None
    return SystemSettings(
        recording=recording,
        raid=_read(stored, "raid", RaidLevel, DEFAULT_RAID),
        kept_vms=stored.get("kept_vms") or None,
        provisional_sums=_read(stored, "provisional_sums", _sums, ()),
        phasing=PhasingSettings(
            rule=_read(phasing, "rule", PhaseRule, PhaseRule.NONE),
            site_order=tuple(phasing.get("site_order", ())),
            priority_sites=tuple(phasing.get("priority_sites", ())),
            phase_names=tuple(phasing.get("phase_names", ())),
            assignments=_read(phasing, "assignments", _assignments, ()),
        ),
    )


def _assignments(value: dict[str, Any]) -> tuple[tuple[int, str], ...]:
    return tuple((int(device), str(phase)) for device, phase in value.items())


def system_values(value: SystemSettings) -> dict[str, Any]:
    """Settings as they are stored: plain JSON, amounts as text (Decimal-safe)."""
    plan, phasing = value.recording, value.phasing
    return {
        "fps": plan.fps, "codec": plan.codec.value, "activity": plan.activity.value,
        "mode": plan.mode.value, "duty": plan.duty, "retention_days": plan.retention_days,
        "raid": value.raid.value, "kept_vms": value.kept_vms,
        "provisional_sums": {cls.value: str(amount) for cls, amount in value.provisional_sums},
        "phasing": {
            "rule": phasing.rule.value, "site_order": list(phasing.site_order),
            "priority_sites": list(phasing.priority_sites),
            "phase_names": list(phasing.phase_names),
            "assignments": {str(device): phase for device, phase in phasing.assignments},
        },
    }  # fmt: skip
