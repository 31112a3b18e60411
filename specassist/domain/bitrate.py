"""How many bits a camera sends and how much disk its recordings take.

The model, whose constants live in ``catalog/sizing_constants.csv`` with their
sources (the project speaks of no figure it cannot point to):

    bitrate = bits_per_pixel × width × height × reference_fps × (fps / reference_fps) ** k
              × codec factor × scene-activity factor

* ``bits_per_pixel`` and ``reference_fps``: Axis's storage table for edge
  recording (AXIS Design Tool, H.264 at compression 30, medium scene activity)
  gives 3.6 GB a day for 720p at 30 fps recording 20 % of the time, i.e.
  18 GB a day continuous = 1.667 Mbit/s = 0.060 bit per pixel at 30 fps; the
  VGA row gives the same 0.060. Key Digital's NVR calculator uses 0.064.
* ``k`` (frame-rate exponent): bitrate grows more slowly than frame rate,
  because the frames of a fixed scene repeat each other. A least-squares fit
  to the four rows of the same Axis table gives k = 0.70 (30 → 10 fps keeps
  47 % of the bitrate, not 33 %).
* codec factor: H.265 is half of H.264 (Key Digital).
* scene activity: low 0.5, medium 1, high 2 — a busy scene needs about four
  times the bitrate of a quiet one (IPVM bandwidth guide: "300 %+ more").

Storage for a retention period is the bitrate times the recorded share of
the day (1 for continuous recording, the duty fraction for motion or schedule
recording) times the days. Everything here is plain floats in canonical units
(Mbit/s, TB = 10¹² bytes), because the pipeline sizes thousands of cameras;
results hand out pint quantities through their ``*_q`` properties.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from specassist.domain.system import ModelConstant
from specassist.domain.units import Quantity, quantity


class Codec(StrEnum):
    H264 = "h264"
    H265 = "h265"


class SceneActivity(StrEnum):
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"


class RecordingMode(StrEnum):
    CONTINUOUS = "continuous"
    MOTION = "motion"
    SCHEDULE = "schedule"


REQUIRED_CONSTANTS: dict[str, tuple[float, float]] = {
    "bits_per_pixel_h264": (0.001, 1.0),
    "reference_fps": (1.0, 120.0),
    "fps_exponent": (0.1, 1.0),
    "h265_factor": (0.1, 1.0),
    "activity_low": (0.05, 1.0),
    "activity_medium": (0.05, 5.0),
    "activity_high": (1.0, 10.0),
    "filesystem_headroom": (0.0, 0.5),
}
"""Every key the model needs, with the range a sane value falls in (the catalog check uses it)."""

# ---- project defaults: what sizing assumes when the survey and the settings say nothing ----

DEFAULT_FPS = 25.0
"""The full frame rate of cameras in 50 Hz regions; sizing at the full rate never under-provides.
A 60 Hz site (30 fps) or a policy of recording at a lower rate changes it in the settings."""

DEFAULT_RETENTION_DAYS = 31
"""UK practice: 28–31 days lets the police recover footage of incidents reported late (Home Office
National CCTV Strategy, as summarised by the IRMS records-retention wiki, "CCTV Records UK")."""

DEFAULT_MODE = RecordingMode.CONTINUOUS
"""Continuous recording is the upper bound; how much of a day a scene moves is unknown at survey."""

DEFAULT_ACTIVITY = SceneActivity.MEDIUM
"""The scene activity the model's constants were measured at (Axis's table), so no factor is
applied unless the surveyor says a scene is quiet or busy."""

DEFAULT_CODEC = Codec.H264
"""Every recorder and VMS records H.264; H.265 halves the figure where the whole chain supports it,
which the project settings say, not the model."""

SECONDS_PER_DAY = 86_400


@dataclass(frozen=True, slots=True)
class BitrateModel:
    """The model's constants as numbers, plus the sourced rows they came from."""

    bits_per_pixel_h264: float
    reference_fps: float
    fps_exponent: float
    h265_factor: float
    activity_factor: dict[SceneActivity, float]
    filesystem_headroom: float
    constants: tuple[ModelConstant, ...]

    @classmethod
    def from_constants(cls, constants: list[ModelConstant]) -> BitrateModel:
        """Build the model; a missing key is a ``KeyError`` naming it (the loader reports it)."""
        by_key = {c.key: c.value for c in constants}
        missing = [key for key in REQUIRED_CONSTANTS if key not in by_key]
        if missing:
            raise KeyError("sizing constants missing: " + ", ".join(missing))
        return cls(
            bits_per_pixel_h264=by_key["bits_per_pixel_h264"],
            reference_fps=by_key["reference_fps"],
            fps_exponent=by_key["fps_exponent"],
            h265_factor=by_key["h265_factor"],
            activity_factor={
                SceneActivity.LOW: by_key["activity_low"],
                SceneActivity.MEDIUM: by_key["activity_medium"],
                SceneActivity.HIGH: by_key["activity_high"],
            },
            filesystem_headroom=by_key["filesystem_headroom"],
            constants=tuple(c for c in constants if c.key in REQUIRED_CONSTANTS),
        )

    def bitrate_mbps(self, width: int, height: int, plan: RecordingPlan) -> float:
        """The average bitrate of one camera's recorded stream, in Mbit/s."""
        return self.pixels_mbps(width * height, plan)

    def pixels_mbps(self, pixels: float, plan: RecordingPlan) -> float:
        """The same for a picture known only by its pixel count (a survey's "4 MP"): the model
        reads width × height only, so no aspect ratio has to be assumed."""
        fps_term: float = self.reference_fps * (plan.fps / self.reference_fps) ** self.fps_exponent
        codec = self.h265_factor if plan.codec is Codec.H265 else 1.0
        bits = self.bits_per_pixel_h264 * pixels * fps_term
        return bits * codec * self.activity_factor[plan.activity] / 1e6


@dataclass(frozen=True, slots=True)
class RecordingPlan:
    """How one camera is recorded: the project's settings, or a surveyor's override.

    ``duty`` is the recorded share of the day for motion or schedule recording
    (0.25 = six hours a day); ``None`` means it is not known, and the camera is
    then sized as continuous, with a note saying so.
    """

    fps: float = DEFAULT_FPS
    codec: Codec = DEFAULT_CODEC
    activity: SceneActivity = DEFAULT_ACTIVITY
    mode: RecordingMode = DEFAULT_MODE
    duty: float | None = None
    retention_days: int = DEFAULT_RETENTION_DAYS

    def __post_init__(self) -> None:
        if not self.fps > 0:
            raise ValueError(f"frame rate must be positive, not {self.fps}")
        if self.retention_days < 1:
            raise ValueError(f"retention must be at least one day, not {self.retention_days}")
        if self.duty is not None and not 0 < self.duty <= 1:
            raise ValueError(f"duty must be a fraction of the day in (0, 1], not {self.duty}")

    @property
    def recorded_share(self) -> float:
        """The share of the day that is written to disk."""
        if self.mode is RecordingMode.CONTINUOUS or self.duty is None:
            return 1.0
        return self.duty

    @property
    def note(self) -> str | None:
        """Why the plan was sized differently from what it says, if it was."""
        if self.mode is not RecordingMode.CONTINUOUS and self.duty is None:
            return f"{self.mode.value} recording, share of the day not given: sized as continuous"
        return None


@dataclass(frozen=True, slots=True)
class StreamDemand:
    """What one camera asks of its recorder: incoming bandwidth and disk for its retention."""

    camera_id: str
    bitrate_mbps: float
    storage_tb: float
    note: str | None = None

    @property
    def bitrate_q(self) -> Quantity:
        return quantity(self.bitrate_mbps, "Mbit/s")

    @property
    def storage_q(self) -> Quantity:
        return quantity(self.storage_tb, "TB")


def storage_tb(bitrate_mbps: float, plan: RecordingPlan) -> float:
    """Terabytes (10¹² bytes) a stream of ``bitrate_mbps`` fills over the plan's retention."""
    seconds = SECONDS_PER_DAY * plan.retention_days * plan.recorded_share
    return bitrate_mbps * 1e6 * seconds / 8 / 1e12


def stream_demand(
    camera_id: str, width: int, height: int, plan: RecordingPlan, model: BitrateModel
) -> StreamDemand:
    """One camera's demand. The recorder receives the full stream whatever the recording mode
    (it decides what to keep), so bandwidth is never scaled by the duty; storage is."""
    bitrate = model.bitrate_mbps(width, height, plan)
    return StreamDemand(camera_id, bitrate, storage_tb(bitrate, plan), plan.note)
