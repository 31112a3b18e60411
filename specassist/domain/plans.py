"""Floor plans and site drawings with devices, walls and targets placed on them.

Plan coordinates are the pixels of the stored plan image: x to the right, y
down, origin at the top-left corner. Positions stay in pixels, not metres, so
a device drawn on a doorway stays on that doorway when the user corrects the
scale; the scale (two points and the distance between them) turns pixels into
metres where geometry needs it. Directions are bearings on the plan: 0° points
to the top of the image and angles grow clockwise, as on a compass.

A placed device remembers the surveyed camera it stands for by MAC, serial and
tag as well as by database id, because re-importing a survey creates new rows:
:func:`resolve_links` finds the camera again.
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass, replace
from enum import StrEnum

from specassist.domain.device_identity import DeviceLink
from specassist.domain.survey import DoriLevel

Point = tuple[float, float]
Segment = tuple[Point, Point]

DEFAULT_HEIGHT_M = 3.0
"""Mounting height drawn when neither the plan nor the survey gives one: a wall camera at the
top of a 3 m storey. Shown as assumed wherever it is used."""

DEFAULT_TILT_DEG = 20.0
"""Tilt below the horizon when the survey gives no target distance: a camera 3 m up aimed at
a point atan(3 / tan 20°) ≈ 8.2 m away, the middle of a typical room or yard."""


class PlanError(ValueError):
    """A plan edit that cannot be carried out; the message says why in the user's terms."""


@dataclass(frozen=True, slots=True)
class PlanScale:
    """Two points on the plan and the real distance between them."""

    start: Point
    end: Point
    distance_m: float

    def __post_init__(self) -> None:
        if self.distance_m <= 0:
            raise PlanError("the distance between the scale points must be more than zero")
        if self.pixels < 1.0:
            raise PlanError("the scale points must be at least one pixel apart")

    @property
    def pixels(self) -> float:
        return math.dist(self.start, self.end)

    @property
    def metres_per_px(self) -> float:
        return self.distance_m / self.pixels


@dataclass(frozen=True, slots=True)
class PlacedDevice:
    """A camera on a plan. ``height_m`` None means "as the survey says"."""

    id: int
    link: DeviceLink
    camera_id: int | None
    position: Point
    direction_deg: float = 0.0
    tilt_deg: float = DEFAULT_TILT_DEG
    height_m: float | None = None

    @property
    def label(self) -> str:
        return self.link.tag or self.link.mac or self.link.serial or f"device {self.id}"


class WallKind(StrEnum):
    WALL = "wall"
    OBSTACLE = "obstacle"


@dataclass(frozen=True, slots=True)
class Wall:
    """A wall (a polyline) or an obstacle (a closed outline) that stops the view."""

    id: int
    points: tuple[Point, ...]
    kind: WallKind = WallKind.WALL

    @property
    def closed(self) -> bool:
        return self.kind is WallKind.OBSTACLE

    def segments(self) -> list[Segment]:
        pairs = list(itertools.pairwise(self.points))
        if self.closed and len(self.points) > 2:
            pairs.append((self.points[-1], self.points[0]))
        return pairs


@dataclass(frozen=True, slots=True)
class Target:
    """A place that must be seen in a given detail: one point, or a line such as a doorway."""

    id: int
    name: str
    points: tuple[Point, ...]
    required: DoriLevel


@dataclass(frozen=True, slots=True)
class Crop:
    left: float
    top: float
    width: float
    height: float


@dataclass(frozen=True, slots=True)
class Plan:
    """One plan (a floor or a site drawing) with what is placed on it."""

    id: int
    site: str
    name: str
    width_px: int
    height_px: int
    scale: PlanScale | None = None
    devices: tuple[PlacedDevice, ...] = ()
    walls: tuple[Wall, ...] = ()
    targets: tuple[Target, ...] = ()
    source: str = ""

    def device(self, device_id: int) -> PlacedDevice | None:
        return next((d for d in self.devices if d.id == device_id), None)

    def wall_segments(self) -> list[Segment]:
        return [s for wall in self.walls for s in wall.segments()]

    @property
    def placed_camera_ids(self) -> frozenset[int]:
        return frozenset(d.camera_id for d in self.devices if d.camera_id is not None)


# ------------------------------------------------------------------ cameras the plan shows


@dataclass(frozen=True, slots=True)
class CameraOptics:
    """What a camera's view needs for drawing: angles and pixels across the image.

    ``aspect_assumed`` is True when the image height was not known and 16:9 was assumed
    for the vertical angle.
    """

    hfov_deg: float
    vfov_deg: float
    horizontal_px: int
    panoramic: bool = False
    aspect_assumed: bool = False


class Outcome(StrEnum):
    """What happens to a camera in the tender, as the plan shows it."""

    KEPT = "kept"
    TO_IDENTIFY = "to identify on site"
    """Maker not established: its present view is drawn until a site visit settles it."""
    REPLACED = "replaced"
    NO_REPLACEMENT = "no replacement found"


@dataclass(frozen=True, slots=True)
class PlanCamera:
    """A surveyed camera as the plan needs it: identity, mounting and old/new optics."""

    id: int
    link: DeviceLink
    location: str | None
    height_m: float | None
    target_distance_m: float | None
    outcome: Outcome
    old: CameraOptics | None
    new: CameraOptics | None
    new_model: str | None = None

    @property
    def label(self) -> str:
        return self.link.tag or f"camera {self.id}"


def default_tilt_deg(height_m: float, target_distance_m: float | None) -> float:
    """The tilt that puts the surveyed target at the centre of the image, else the default."""
    if target_distance_m is None or target_distance_m <= 0:
        return DEFAULT_TILT_DEG
    return math.degrees(math.atan2(height_m, target_distance_m))


def relinked(plan: Plan, links: dict[int, int | None]) -> Plan:
    """The plan with each device pointing at the camera ``resolve_links`` found."""
    return replace(
        plan,
        devices=tuple(replace(d, camera_id=links.get(d.id, d.camera_id)) for d in plan.devices),
    )
