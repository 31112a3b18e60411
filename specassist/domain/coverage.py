"""Where a camera's view meets the ground, and how much detail it gives there.

The camera stands at height H, aimed at a bearing and tilted θ below the
horizon, with horizontal and vertical fields of view h and v. In its own ground
frame — ``f`` metres forward along the bearing from the point under the
camera, ``s`` metres to the right — a ground point is at (f, s, −H) from the
lens, and with the optical axis a = (cos θ, 0, −sin θ):

* its depth along the axis is z = f·cos θ + H·sin θ;
* it is in the image when |s| ≤ z·tan(h/2) and its vertical image angle is
  within ±v/2, which on flat ground means H·cot(θ + v/2) ≤ f ≤ H·cot(θ − v/2).

So the ground footprint is a trapezoid: the near edge is where the lowest ray
lands (the ground between the camera and it is the dead zone, unseen), the far
edge where the highest ray lands (unbounded when it points above the horizon),
and the half-width grows linearly with depth. Horizontal pixel density at depth
z is the same as ``optics.density_from_hfov`` at distance z, so the IEC 62676-4
levels end at the depths ``optics.distance_for_density_from_hfov`` gives, which
on the ground are straight lines across the bearing: each detail band is a
trapezoid too. Panoramic (fisheye, multi-sensor) views spread pixels along an
arc and are drawn as rings at the slant distances ``optics`` gives for them.

Walls stop the view in two dimensions: a ground point is hidden when the
straight line on the plan from the camera to it crosses a wall (walls are
taken as taller than the camera). :mod:`specassist.domain.sight` does the
clipping; this module works in metres in the camera's ground frame.
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass

from specassist.domain import optics
from specassist.domain.plans import CameraOptics
from specassist.domain.survey import DoriLevel

LocalPoint = tuple[float, float]
"""(forward, right) in metres from the point on the ground under the camera."""

COVERAGE_LEVELS: tuple[DoriLevel, ...] = (
    DoriLevel.IDENTIFY,
    DoriLevel.RECOGNISE,
    DoriLevel.OBSERVE,
    DoriLevel.DETECT,
)
"""The detail bands drawn on plans, nearest first (IEC 62676-4:2015: 250, 125, 62.5, 25 px/m).
Beyond "detect" a person is not reliably seen at all, so the footprint is drawn to there."""

ASSUMED_ASPECT = (16, 9)
"""Image aspect assumed when only the width in pixels is known: every current IP camera
resolution from 1920×1080 to 3840×2160 is 16:9; 4:3 and 2688×1520 sensors are close (1.77)."""

PANORAMIC_ARC_STEPS = 48
"""Straight pieces in a full circle of a panoramic view: a 10 m ring drawn with 48 chords
lies within 10·(1 − cos 3.75°) = 2 cm of the true arc."""


def vfov_for_hfov(hfov_deg: float, columns: int, rows: int) -> float:
    """The vertical angle of a rectilinear image of ``columns`` × ``rows`` pixels.

    Square pixels: tan(v/2) = tan(h/2) · rows / columns. Example: 2688×1520 at
    h = 103° → tan(51.5°) × 1520/2688 = 0.711 → v = 70.8°.
    """
    if hfov_deg >= 180:
        return 180.0
    half = math.tan(math.radians(hfov_deg) / 2) * rows / columns
    return math.degrees(2 * math.atan(half))


def optics_for(
    hfov_deg: float, columns: int, rows: int | None, panoramic: bool = False
) -> CameraOptics:
    """Camera optics from the horizontal angle and the image size (16:9 when rows unknown)."""
    assumed = rows is None
    height = rows if rows is not None else round(columns * ASSUMED_ASPECT[1] / ASSUMED_ASPECT[0])
    vfov = 180.0 if panoramic else vfov_for_hfov(hfov_deg, columns, height)
    return CameraOptics(hfov_deg, vfov, columns, panoramic, assumed)


@dataclass(frozen=True, slots=True)
class GroundRange:
    """Forward distances on the ground from the point under the camera.

    ``near_m`` is where the lowest ray lands: the ground closer than this is the
    dead zone (negative when the view reaches behind the camera's foot).
    ``far_m`` is where the highest ray lands, ``math.inf`` when it points at or
    above the horizon.
    """

    near_m: float
    far_m: float

    @property
    def dead_zone_m(self) -> float:
        return max(self.near_m, 0.0)


def _cot_distance(height_m: float, angle_below_horizon_deg: float) -> float:
    """Where a ray ``angle`` below the horizon meets ground ``height_m`` below: H·cot(angle)."""
    if angle_below_horizon_deg <= 0:
        return math.inf
    angle = math.radians(angle_below_horizon_deg)
    return height_m * math.cos(angle) / math.sin(angle)


def ground_range(height_m: float, tilt_deg: float, vfov_deg: float) -> GroundRange:
    """The near and far edges of a camera's view on flat ground.

    Example: 3 m up, tilted 30°, 40° vertical view: the lowest ray is 50° down and
    lands 3/tan 50° = 2.52 m out; the highest is 10° down and lands 3/tan 10° = 17.01 m out.
    """
    if height_m <= 0:
        raise ValueError("the camera must be above the plane it looks at")
    low = tilt_deg + vfov_deg / 2
    high = tilt_deg - vfov_deg / 2
    near = _cot_distance(height_m, low) if low < 180 else -math.inf
    return GroundRange(near, _cot_distance(height_m, high))


LocalPolygon = tuple[LocalPoint, ...]


@dataclass(frozen=True, slots=True)
class Band:
    """One detail level's part of the footprint (local metres) as convex slices.

    A trapezoid band is one slice; a panoramic ring is cut into narrow quadrilaterals,
    so clipping can treat every slice as convex. Filled together (non-zero winding)
    the slices draw the band without seams.
    """

    level: DoriLevel
    slices: tuple[LocalPolygon, ...]


@dataclass(frozen=True, slots=True)
class Footprint:
    """A camera's view on the ground in its own frame (metres, forward/right).

    ``outline`` is the whole view up to where the weakest drawn level ends;
    ``bands`` split it by detail level, nearest and finest first; ``dead_zone``
    is the unseen ground from the camera's foot to the near edge (empty when
    the view reaches the foot). ``reach_m`` is the farthest point from the foot.
    """

    outline: LocalPolygon
    bands: tuple[Band, ...]
    dead_zone: LocalPolygon
    ground: GroundRange
    reach_m: float


@dataclass(frozen=True, slots=True)
class Mounting:
    height_m: float
    tilt_deg: float
    plane_height_m: float = 0.0
    """The height of the plane looked at: 0 for the ground; about 1.6 m for faces."""

    @property
    def drop_m(self) -> float:
        return self.height_m - self.plane_height_m


def level_depths(camera: CameraOptics, levels: tuple[DoriLevel, ...]) -> dict[DoriLevel, float]:
    """The depth along the optical axis (or slant distance, panoramic) where each level ends."""
    if camera.panoramic:
        arc = math.radians(min(camera.hfov_deg, 360.0))
        return {lv: camera.horizontal_px / (arc * optics.DORI_PX_PER_M[lv]) for lv in levels}
    return {
        lv: optics.distance_for_density_from_hfov(
            camera.horizontal_px, camera.hfov_deg, optics.DORI_PX_PER_M[lv]
        )
        for lv in levels
    }


def _trapezoid(f0: float, f1: float, cos_t: float, sin_t: float, drop: float,
               tan_h: float) -> tuple[LocalPoint, ...]:  # fmt: skip
    def half(f: float) -> float:
        return (f * cos_t + drop * sin_t) * tan_h

    return ((f0, -half(f0)), (f1, -half(f1)), (f1, half(f1)), (f0, half(f0)))


def footprint(
    camera: CameraOptics,
    mounting: Mounting,
    levels: tuple[DoriLevel, ...] = COVERAGE_LEVELS,
) -> Footprint:
    """The ground footprint with its detail bands, in the camera's frame (metres)."""
    drop = mounting.drop_m
    if camera.panoramic:
        return _panoramic(camera, drop, levels)
    ground = ground_range(drop, mounting.tilt_deg, camera.vfov_deg)
    theta = math.radians(mounting.tilt_deg)
    cos_t, sin_t = math.cos(theta), math.sin(theta)
    tan_h = math.tan(math.radians(min(camera.hfov_deg, 179.0)) / 2)
    depths = level_depths(camera, levels)

    def forward_at_depth(z: float) -> float:
        if cos_t < 1e-9:  # looking straight down: every ground point is at depth H
            return math.inf if z >= drop else -math.inf
        return (z - drop * sin_t) / cos_t

    weakest = max(depths.values()) if depths else math.inf
    far = min(ground.far_m, forward_at_depth(weakest))
    near = ground.near_m
    if cos_t >= 1e-9:
        near = max(near, -drop * sin_t / cos_t + 1e-9)  # depth must stay positive
    bands: list[Band] = []
    start = near
    for level in sorted(levels, key=lambda lv: depths[lv]):
        end = min(far, forward_at_depth(depths[level]))
        if end > start:
            bands.append(Band(level, (_trapezoid(start, end, cos_t, sin_t, drop, tan_h),)))
            start = end
    outline = _trapezoid(near, far, cos_t, sin_t, drop, tan_h) if far > near else ()
    dead = _trapezoid(0.0, near, cos_t, sin_t, drop, tan_h) if 0 < near < far else ()
    reach = max((math.hypot(*p) for p in outline), default=0.0)
    return Footprint(outline, tuple(bands), dead, ground, reach)


def _arc_angles(span_deg: float) -> list[float]:
    steps = max(2, math.ceil(PANORAMIC_ARC_STEPS * span_deg / 360))
    return [math.radians(-span_deg / 2 + span_deg * i / steps) for i in range(steps + 1)]


def _ring_slices(inner: float, outer: float, span_deg: float) -> tuple[LocalPolygon, ...]:
    """Quadrilaterals (triangles at the centre) between two arcs, one per arc step."""
    angles = _arc_angles(span_deg)
    slices = []
    for a, b in itertools.pairwise(angles):
        ca, sa, cb, sb = math.cos(a), math.sin(a), math.cos(b), math.sin(b)
        far = ((outer * ca, outer * sa), (outer * cb, outer * sb))
        near = ((inner * cb, inner * sb), (inner * ca, inner * sa)) if inner > 0 else ((0.0, 0.0),)
        slices.append((*far, *near))
    return tuple(slices)


def _sector(radius: float, span_deg: float) -> LocalPolygon:
    arc = [(radius * math.cos(a), radius * math.sin(a)) for a in _arc_angles(span_deg)]
    return tuple(arc if span_deg >= 360 else [(0.0, 0.0), *arc])


def _panoramic(camera: CameraOptics, drop: float, levels: tuple[DoriLevel, ...]) -> Footprint:
    """A fisheye or multi-sensor view: rings out to where each level's slant distance ends."""
    span = min(camera.hfov_deg, 360.0)
    depths = level_depths(camera, levels)
    bands: list[Band] = []
    inner = 0.0
    for level in sorted(levels, key=lambda lv: depths[lv]):
        slant = depths[level]
        outer = math.sqrt(slant * slant - drop * drop) if slant > drop else 0.0
        if outer > inner:
            bands.append(Band(level, _ring_slices(inner, outer, span)))
            inner = outer
    outline = _sector(inner, span) if inner > 0 else ()
    return Footprint(outline, tuple(bands), (), GroundRange(0.0, inner), inner)


# ------------------------------------------------------------------ detail at a point


def density_at(camera: CameraOptics, mounting: Mounting, local: LocalPoint) -> float | None:
    """Horizontal pixel density at a ground point (camera frame, metres); None if out of view.

    Example: 1920 px across 90°, 3 m up, tilted 30°, a point 5 m straight ahead:
    depth = 5·cos 30° + 3·sin 30° = 5.83 m; density = 1920 / (2 · 5.83 · tan 45°) = 164.7 px/m.
    """
    f, s = local
    drop = mounting.drop_m
    if camera.panoramic:
        bearing = math.degrees(math.atan2(s, f))
        if abs(bearing) > min(camera.hfov_deg, 360.0) / 2:
            return None
        slant = math.sqrt(f * f + s * s + drop * drop)
        return camera.horizontal_px / (optics.arc_width_m(min(camera.hfov_deg, 360.0), slant))
    theta = math.radians(mounting.tilt_deg)
    depth = f * math.cos(theta) + drop * math.sin(theta)
    if depth <= 1e-9:
        return None
    up = f * math.sin(theta) - drop * math.cos(theta)
    if abs(s) > depth * math.tan(math.radians(camera.hfov_deg) / 2) + 1e-9:
        return None
    if abs(up) > depth * math.tan(math.radians(camera.vfov_deg) / 2) + 1e-9:
        return None
    return optics.density_from_hfov(camera.horizontal_px, camera.hfov_deg, depth)
