"""Coverage of cameras placed on a plan: footprints in plan pixels, clipped by walls.

Joins :mod:`coverage` (a camera's view in metres, in its own frame) with the
plan (pixels, bearings clockwise from the top of the image) and
:mod:`sight` (walls). Each device is computed on its own, so an editor that
moves one camera recomputes that camera only; walls affect the cameras whose
reach they enter. Targets are checked against every camera's old or new view.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum

from specassist.domain import coverage, optics
from specassist.domain.coverage import COVERAGE_LEVELS, LocalPoint, Mounting
from specassist.domain.plans import (
    DEFAULT_HEIGHT_M,
    CameraOptics,
    PlacedDevice,
    Plan,
    PlanCamera,
    Point,
    Target,
)
from specassist.domain.sight import Walls, clip_convex, signed_area
from specassist.domain.survey import DoriLevel

Polygon = tuple[Point, ...]

WALL_CLEARANCE_M = 0.1
"""A camera sees past walls closer than this to it: wall brackets hold the lens 10–20 cm off
the wall, so a camera drawn on a wall line looks away from that wall, not into it."""

TARGET_STEP_M = 0.25
"""Spacing of the points checked along a target line: a 1 m doorway is checked at 5 points,
closer than a person's shoulder width (about 0.45 m), so nobody passes between two of them."""


class View(StrEnum):
    """Which camera of a position the coverage is for: the one on site or its replacement."""

    OLD = "old"
    NEW = "new"


@dataclass(frozen=True, slots=True)
class Aim:
    """Where and how a device looks, resolved from the plan and the survey."""

    position: Point
    bearing_deg: float
    mounting: Mounting
    height_assumed: bool


def aim_of(device: PlacedDevice, camera: PlanCamera | None) -> Aim:
    """The device's aim: the plan's height, else the survey's, else the default (flagged)."""
    height = device.height_m
    if height is None and camera is not None:
        height = camera.height_m
    assumed = height is None
    mounting = Mounting(height if height is not None else DEFAULT_HEIGHT_M, device.tilt_deg)
    return Aim(device.position, device.direction_deg, mounting, assumed)


class Frame:
    """Maps a camera's ground frame (metres forward/right) to plan pixels."""

    def __init__(self, aim: Aim, metres_per_px: float) -> None:
        bearing = math.radians(aim.bearing_deg)
        self.origin = aim.position
        self.per_metre = 1.0 / metres_per_px
        self.forward = (math.sin(bearing), -math.cos(bearing))
        self.right = (math.cos(bearing), math.sin(bearing))

    def to_plan(self, local: LocalPoint) -> Point:
        f, s = local[0] * self.per_metre, local[1] * self.per_metre
        return (
            self.origin[0] + f * self.forward[0] + s * self.right[0],
            self.origin[1] + f * self.forward[1] + s * self.right[1],
        )

    def to_local(self, point: Point) -> LocalPoint:
        dx = (point[0] - self.origin[0]) / self.per_metre
        dy = (point[1] - self.origin[1]) / self.per_metre
        return (
            dx * self.forward[0] + dy * self.forward[1],
            dx * self.right[0] + dy * self.right[1],
        )

    def polygon(self, local: Iterable[LocalPoint]) -> Polygon:
        return tuple(self.to_plan(p) for p in local)


@dataclass(frozen=True, slots=True)
class PlacedBand:
    """A detail level's visible ground as polygons in plan pixels (fill them together)."""

    level: DoriLevel
    polygons: tuple[Polygon, ...]


@dataclass(frozen=True, slots=True)
class Coverage:
    """One camera's coverage in plan pixels.

    ``bands`` are what the camera sees at each level after walls; ``outline`` is
    the whole view ignoring walls (drawn as a thin line, so a reader sees what a
    wall took away); ``clipped`` says whether any wall cut the view.
    """

    view: View
    bands: tuple[PlacedBand, ...]
    outline: Polygon
    dead_zone: Polygon
    clipped: bool
    near_m: float
    far_m: float

    @property
    def bounds(self) -> tuple[float, float, float, float] | None:
        """(left, top, right, bottom) of everything drawn; None when nothing is."""
        points = [*self.outline, *self.dead_zone]
        points += [p for band in self.bands for polygon in band.polygons for p in polygon]
        if not points:
            return None
        xs, ys = [p[0] for p in points], [p[1] for p in points]
        return (min(xs), min(ys), max(xs), max(ys))


def device_coverage(
    camera: CameraOptics,
    aim: Aim,
    metres_per_px: float,
    walls: Walls,
    view: View = View.NEW,
    levels: tuple[DoriLevel, ...] = COVERAGE_LEVELS,
    within: Polygon | None = None,
) -> Coverage:
    """The coverage of one camera on the plan, clipped by the walls and to ``within``.

    ``within`` is usually the plan's rectangle: a view reaching past the drawing is
    cut at its edge, so nothing is drawn (or composited on screen) off the plan.
    """
    shape = coverage.footprint(camera, aim.mounting, levels)
    frame = Frame(aim, metres_per_px)
    reach_px = shape.reach_m / metres_per_px
    nearby = walls.near(aim.position, reach_px) if shape.bands else Walls(())
    placed = [PlacedBand(b.level, tuple(frame.polygon(s) for s in b.slices)) for b in shape.bands]
    clipped = False
    if len(nearby):
        region = nearby.visible_region(aim.position, reach_px, WALL_CLEARANCE_M / metres_per_px)
        cut = [_clip_band(band, region) for band in placed]
        clipped = _area(cut) < _area(placed) * (1 - 1e-6)
        placed = [band for band in cut if band.polygons]
    outline, dead = frame.polygon(shape.outline), frame.polygon(shape.dead_zone)
    if within is not None:
        placed = [b for b in (_clip_band(band, within) for band in placed) if b.polygons]
        outline, dead = tuple(clip_convex(outline, within)), tuple(clip_convex(dead, within))
    return Coverage(
        view, tuple(placed), outline, dead, clipped, shape.ground.near_m, shape.ground.far_m
    )


def _area(bands: Sequence[PlacedBand]) -> float:
    return sum(abs(signed_area(p)) for band in bands for p in band.polygons)


def _clip_band(band: PlacedBand, region: Sequence[Point]) -> PlacedBand:
    """The band's part inside ``region`` (either side may be the convex one)."""
    pieces = (
        clip_convex(region, piece) if len(region) > len(piece) else clip_convex(piece, region)
        for piece in band.polygons
    )
    return PlacedBand(band.level, tuple(tuple(piece) for piece in pieces if piece))


# ------------------------------------------------------------------ targets


@dataclass(frozen=True, slots=True)
class TargetCheck:
    """Whether a target gets its required detail from the chosen cameras.

    ``met`` is None when no camera in view has known optics; ``share`` is the part
    of the points along a line that are met; ``best_px_per_m`` the weakest point's
    best density (the figure that decides the line).
    """

    target_id: int
    required: DoriLevel
    met: bool | None
    share: float
    worst_px_per_m: float | None
    seen_by: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class Viewer:
    """A placed camera as a target check needs it."""

    device_id: int
    camera: CameraOptics
    aim: Aim


def target_points(target: Target, metres_per_px: float) -> list[Point]:
    """The points checked: the point itself, or points every ``TARGET_STEP_M`` along a line."""
    points = list(target.points[:1])
    for start, end in itertools.pairwise(target.points):
        steps = max(1, math.ceil(math.dist(start, end) * metres_per_px / TARGET_STEP_M))
        points.extend(
            (start[0] + (end[0] - start[0]) * i / steps, start[1] + (end[1] - start[1]) * i / steps)
            for i in range(1, steps + 1)
        )
    return points


def check_target(
    target: Target, viewers: Sequence[Viewer], metres_per_px: float, walls: Walls
) -> TargetCheck:
    """Is every point of the target seen, past the walls, at the required density?"""
    need = optics.DORI_PX_PER_M[target.required]
    points = target_points(target, metres_per_px)
    clearance = WALL_CLEARANCE_M / metres_per_px
    seen_by: set[int] = set()
    best_per_point: list[float] = []
    for point in points:
        best = 0.0
        for viewer in viewers:
            frame = Frame(viewer.aim, metres_per_px)
            density = coverage.density_at(viewer.camera, viewer.aim.mounting, frame.to_local(point))
            if density is None or walls.blocks(viewer.aim.position, point, clearance):
                continue
            seen_by.add(viewer.device_id)
            best = max(best, density)
        best_per_point.append(best)
    if not viewers:
        return TargetCheck(target.id, target.required, None, 0.0, None, ())
    met_points = sum(1 for d in best_per_point if d >= need - 1e-9)
    worst = min(best_per_point) if best_per_point else None
    return TargetCheck(
        target.id, target.required, met_points == len(points), met_points / len(points),
        worst, tuple(sorted(seen_by)),
    )  # fmt: skip


def viewers_for(
    devices: Iterable[PlacedDevice], cameras: Mapping[int, PlanCamera], view: View
) -> list[Viewer]:
    """The placed devices with known optics in the chosen view (old or replacement)."""
    found = []
    for device in devices:
        camera = cameras.get(device.camera_id) if device.camera_id is not None else None
        if camera is None:
            continue
        chosen = camera.old if view is View.OLD else camera.new
        if chosen is not None:
            found.append(Viewer(device.id, chosen, aim_of(device, camera)))
    return found


# ------------------------------------------------------------------ a whole plan


def plan_walls(plan: Plan) -> Walls:
    return Walls(plan.wall_segments())


def plan_area(plan: Plan) -> Polygon:
    """The plan's rectangle, the limit of everything drawn on it."""
    w, h = float(plan.width_px), float(plan.height_px)
    return ((0.0, 0.0), (w, 0.0), (w, h), (0.0, h))


def coverage_of(
    device: PlacedDevice,
    cameras: Mapping[int, PlanCamera],
    view: View,
    metres_per_px: float,
    walls: Walls,
    within: Polygon | None = None,
) -> Coverage | None:
    """One device's coverage in one view; None when the camera or its optics are unknown."""
    camera = cameras.get(device.camera_id) if device.camera_id is not None else None
    chosen = None if camera is None else camera.old if view is View.OLD else camera.new
    if chosen is None:
        return None
    aim = aim_of(device, camera)
    return device_coverage(chosen, aim, metres_per_px, walls, view, within=within)


def plan_coverages(
    plan: Plan, cameras: Mapping[int, PlanCamera], views: Sequence[View] = (View.OLD, View.NEW)
) -> dict[tuple[int, View], Coverage]:
    """Every device's coverage by (device id, view); empty until the plan has a scale."""
    if plan.scale is None:
        return {}
    walls, area = plan_walls(plan), plan_area(plan)
    found = {}
    for device in plan.devices:
        for view in views:
            result = coverage_of(device, cameras, view, plan.scale.metres_per_px, walls, area)
            if result is not None:
                found[(device.id, view)] = result
    return found


def plan_checks(
    plan: Plan, cameras: Mapping[int, PlanCamera], view: View
) -> dict[int, TargetCheck]:
    """Every target of the plan checked against the old cameras or their replacements."""
    if plan.scale is None:
        return {}
    viewers = viewers_for(plan.devices, cameras, view)
    walls = plan_walls(plan)
    return {t.id: check_target(t, viewers, plan.scale.metres_per_px, walls) for t in plan.targets}
