"""A camera as found on site: what the survey says about it, and nothing invented.

Every field is optional because real surveys are incomplete; ``None`` means
"the survey does not say". ``raw`` keeps the source row exactly as read, and
``extra`` keeps columns SpecAssist does not interpret, so nothing is lost.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from specassist.domain.catalog import FormFactor, Resolution


class SurveyStatus(StrEnum):
    """Where the surveyor got to with this camera."""

    NOT_VISITED = "not_visited"
    VISITED = "visited"
    NO_ACCESS = "no_access"
    NEEDS_LADDER = "needs_ladder"


class DoriLevel(StrEnum):
    """IEC 62676-4 image detail levels, weakest first."""

    MONITOR = "monitor"
    DETECT = "detect"
    OBSERVE = "observe"
    RECOGNISE = "recognise"
    IDENTIFY = "identify"
    INSPECT = "inspect"


@dataclass(slots=True)
class SurveyCamera:
    """One surveyed camera. ``source_row`` is the 1-based row number in the source file."""

    source_row: int
    tag: str | None = None
    site: str | None = None
    location: str | None = None
    make: str | None = None
    model: str | None = None
    serial: str | None = None
    mac: str | None = None
    ip_address: str | None = None
    firmware: str | None = None
    form_factor: FormFactor | None = None
    resolution: Resolution | None = None
    megapixels: float | None = None
    focal_min_mm: float | None = None
    focal_max_mm: float | None = None
    hfov_deg: float | None = None
    mount: str | None = None
    recorder: str | None = None
    """The recorder this camera records to, as the survey names it (its tag or address)."""
    switch: str | None = None
    """The switch (or PoE recorder) powering this camera, as the survey names it."""
    switch_port: str | None = None
    height_m: float | None = None
    target_distance_m: float | None = None
    scene_width_m: float | None = None
    required_dori: DoriLevel | None = None
    outdoor: bool | None = None
    vandal_risk: bool | None = None
    power_w: float | None = None
    audio: bool | None = None
    alarm_io: bool | None = None
    status: SurveyStatus | None = None
    notes: str | None = None
    device_type: str | None = None
    """The type word the source gives ("IPC", "NVR", "VTO", "Door station"), verbatim."""
    device_state: str | None = None
    """The device's own status in the source ("Active", "Online", "Uninitialized"), verbatim."""
    survey_date: date | None = None
    install_date: date | None = None
    extra: dict[str, str] = field(default_factory=dict)
    raw: dict[str, str] = field(default_factory=dict)

    @property
    def display_tag(self) -> str:
        """The tag, or a stand-in naming the source row when the survey gave none."""
        return self.tag or f"row {self.source_row}"


@dataclass(frozen=True, slots=True)
class SurveyedCamera:
    """A surveyed camera with the id the project knows it by, so results can refer back to it."""

    id: int
    camera: SurveyCamera
