"""A plan with its coverage as plain vector primitives, for the screen and for the tender.

One function decides what a plan drawing contains — coverage bands in the
IEC 62676-4 colours, the dead zones, walls, targets with met / not met, device
markers, a legend and a scale bar — and hands back shapes and labels in plan
coordinates (image pixels, y down). The desktop view turns them into cached
graphics items; a PDF renderer turns them into a vector drawing (flip y and
scale to the page). Colours are "#rrggbb" strings; line widths and text sizes
are in points on paper (screen pixels on screen), not plan pixels, so a line
stays thin however far the plan is zoomed.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import IntEnum, StrEnum

from specassist.domain import formatting as fmt
from specassist.domain import optics
from specassist.domain.coverage import COVERAGE_LEVELS
from specassist.domain.formatting import UnitSystem
from specassist.domain.plan_coverage import Coverage, Polygon, TargetCheck, View
from specassist.domain.plans import Outcome, PlacedDevice, Plan, PlanCamera, Point, Target, Wall
from specassist.domain.survey import DoriLevel
from specassist.domain.units import quantity

BAND_COLOURS: dict[DoriLevel, str] = {
    DoriLevel.INSPECT: "#1b5e20",
    DoriLevel.IDENTIFY: "#2e7d32",
    DoriLevel.RECOGNISE: "#66bb6a",
    DoriLevel.OBSERVE: "#fbc02d",
    DoriLevel.DETECT: "#ffb74d",
    DoriLevel.MONITOR: "#ffe0b2",
}
"""Detail-level colours, dark green (most detail) to pale orange, shared by every picture."""

BAND_OPACITY = 0.45
"""Filled bands let the plan show through; where two cameras overlap the colour deepens."""

OUTCOME_COLOURS: dict[Outcome | None, str] = {
    Outcome.KEPT: "#1565c0",
    Outcome.TO_IDENTIFY: "#8e24aa",
    Outcome.REPLACED: "#2e7d32",
    Outcome.NO_REPLACEMENT: "#c62828",
    None: "#757575",
}
"""Device marker colours: kept (blue), to identify (purple), replaced (green), no replacement
(red), not analysed (grey)."""

OUTCOME_NAMES: dict[Outcome | None, str] = {
    Outcome.REPLACED: "Camera to be replaced",
    Outcome.NO_REPLACEMENT: "No replacement found",
    Outcome.TO_IDENTIFY: "Maker to identify on site",
    Outcome.KEPT: "Camera kept",
    None: "Device not analysed",
}

MARKER_RADIUS = 7.0
"""Device symbol radius, in points on paper and pixels on screen: big enough to grab with a
mouse, small enough that 500 cameras on a 1:200 floor plan stay apart."""
PRINT_MARKER = 0.6
"""Device symbols on paper at this fraction of their screen size: a plan of a few hundred
cameras on an A4 page stays legible (the PDF's vector plan and the DOCX's picture alike)."""
LEGEND_COLUMNS = 3
LEGEND_ROW = 11.0
"""A printed legend: entries per row, and each row's height in points."""
MARKER_TIP = 2.2
"""The direction wedge reaches this many radii from the centre."""
MARKER_SPREAD_DEG = 28.0
"""Half the wedge's angle where it leaves the disc."""

MET_COLOUR, NOT_MET_COLOUR, UNKNOWN_COLOUR = "#2e7d32", "#c62828", "#757575"
WALL_COLOUR = "#37474f"
DEAD_ZONE_COLOUR = "#9e9e9e"


class Layer(IntEnum):
    """Drawing order, bottom first."""

    DEAD_ZONE = 10
    COVERAGE_OLD = 20
    COVERAGE_NEW = 30
    OUTLINE = 40
    WALLS = 50
    TARGETS = 60
    DEVICES = 70
    LABELS = 80


class Paint(StrEnum):
    """How a view is drawn: bands filled, or band edges only (to compare with a filled view)."""

    FILLED = "filled"
    OUTLINED = "outlined"


@dataclass(frozen=True, slots=True)
class Style:
    fill: str | None = None
    fill_opacity: float = 1.0
    stroke: str | None = None
    stroke_width_pt: float = 1.0
    dash_pt: tuple[float, ...] = ()


@dataclass(frozen=True, slots=True)
class Shape:
    """Polygons filled together (non-zero winding) or, when ``closed`` is False, polylines."""

    polygons: tuple[Polygon, ...]
    style: Style
    layer: Layer
    closed: bool = True


@dataclass(frozen=True, slots=True)
class Marker:
    """A device symbol drawn at a fixed size on paper, pointing along ``bearing_deg``."""

    at: Point
    bearing_deg: float
    label: str
    colour: str
    layer: Layer = Layer.DEVICES


@dataclass(frozen=True, slots=True)
class Label:
    at: Point
    text: str
    colour: str = "#212121"
    size_pt: float = 7.0
    layer: Layer = Layer.LABELS


Primitive = Shape | Marker | Label


@dataclass(frozen=True, slots=True)
class LegendEntry:
    text: str
    style: Style


@dataclass(frozen=True, slots=True)
class ScaleBar:
    """A bar ``length_px`` plan pixels long standing for ``text`` ("10 m", "30 ft")."""

    length_px: float
    text: str


@dataclass(frozen=True, slots=True)
class PlanDrawing:
    width_px: int
    height_px: int
    primitives: tuple[Primitive, ...]
    legend: tuple[LegendEntry, ...]
    scale_bar: ScaleBar | None


@dataclass(frozen=True, slots=True)
class ViewStyle:
    """One coverage layer of a drawing: which camera (old or new) and how it is painted."""

    view: View
    paint: Paint


REPLACEMENT_ONLY = (ViewStyle(View.NEW, Paint.FILLED),)
OVERLAY = (ViewStyle(View.NEW, Paint.FILLED), ViewStyle(View.OLD, Paint.OUTLINED))


def band_style(level: DoriLevel, paint: Paint) -> Style:
    colour = BAND_COLOURS[level]
    if paint is Paint.FILLED:
        return Style(fill=colour, fill_opacity=BAND_OPACITY)
    return Style(stroke=colour, stroke_width_pt=1.2, dash_pt=(4.0, 3.0))


def coverage_primitives(coverage: Coverage, paint: Paint, outline: bool = False) -> list[Shape]:
    """One camera's coverage: dead zone and bands, and with ``outline`` the view without walls.

    The outline shows what walls took away; drawn for every camera of a busy plan it
    is clutter, so editors draw it for the selected camera only.
    """
    layer = Layer.COVERAGE_OLD if coverage.view is View.OLD else Layer.COVERAGE_NEW
    shapes = []
    if coverage.dead_zone and paint is Paint.FILLED:
        dead = Style(fill=DEAD_ZONE_COLOUR, fill_opacity=0.25)
        shapes.append(Shape((coverage.dead_zone,), dead, Layer.DEAD_ZONE))
    shapes.extend(
        Shape(band.polygons, band_style(band.level, paint), layer) for band in coverage.bands
    )
    if outline and coverage.outline:
        edge = Style(stroke="#616161", stroke_width_pt=0.6, dash_pt=(2.0, 2.0))
        shapes.append(Shape((coverage.outline,), edge, Layer.OUTLINE))
    return shapes


def wall_primitives(walls: Iterable[Wall]) -> list[Shape]:
    style = Style(stroke=WALL_COLOUR, stroke_width_pt=3.0)
    return [Shape((wall.points,), style, Layer.WALLS, closed=wall.closed) for wall in walls]


def target_primitives(target: Target, check: TargetCheck | None) -> list[Primitive]:
    met = check.met if check is not None else None
    colour = UNKNOWN_COLOUR if met is None else MET_COLOUR if met else NOT_MET_COLOUR
    verdict = "not checked" if met is None else "met" if met else "not met"
    text = f"{target.name}: {target.required.value} {verdict}"
    if len(target.points) == 1:
        (x, y) = target.points[0]
        r = 6.0
        cross = ((x - r, y), (x + r, y)), ((x, y - r), (x, y + r))
        shape = Shape(cross, Style(stroke=colour, stroke_width_pt=2.5), Layer.TARGETS, False)
    else:
        shape = Shape((target.points,), Style(stroke=colour, stroke_width_pt=3.5), Layer.TARGETS,
                      closed=False)  # fmt: skip
    return [shape, Label(target.points[0], text, colour, 7.5)]


def marker_wedge(bearing_deg: float) -> tuple[Point, Point, Point]:
    """The direction wedge of a device symbol centred on the origin (y down, 0° = up the
    plan, clockwise): left base corner, tip, right base corner."""
    bearing, spread = math.radians(bearing_deg), math.radians(MARKER_SPREAD_DEG)

    def towards(angle: float, distance: float) -> Point:
        return (math.sin(angle) * distance, -math.cos(angle) * distance)

    return (
        towards(bearing - spread, MARKER_RADIUS),
        towards(bearing, MARKER_RADIUS * MARKER_TIP),
        towards(bearing + spread, MARKER_RADIUS),
    )


def device_marker(device: PlacedDevice, camera: PlanCamera | None) -> Marker:
    outcome = camera.outcome if camera is not None else None
    return Marker(device.position, device.direction_deg, device.label, OUTCOME_COLOURS[outcome])


def legend(
    views: Sequence[ViewStyle],
    units: UnitSystem,
    levels: Sequence[DoriLevel] = COVERAGE_LEVELS,
    outcomes: Iterable[Outcome | None] | None = None,
) -> tuple[LegendEntry, ...]:
    """Bands, edges, dead zone, wall, and the device colours of ``outcomes`` (all when None;
    a drawing lists only those its devices have)."""
    entries = []
    for level in levels:
        need = fmt.density(optics.DORI_PX_PER_M[level], units)
        entries.append(LegendEntry(f"{level.value.capitalize()} (≥ {need})",
                                   band_style(level, Paint.FILLED)))  # fmt: skip
    for view in views:
        if view.paint is Paint.OUTLINED:
            name = "existing camera" if view.view is View.OLD else "replacement"
            entries.append(LegendEntry(f"Edges: {name}", band_style(DoriLevel.RECOGNISE,
                                                                    Paint.OUTLINED)))  # fmt: skip
    entries.append(LegendEntry("Dead zone under the camera",
                               Style(fill=DEAD_ZONE_COLOUR, fill_opacity=0.25)))  # fmt: skip
    entries.append(LegendEntry("Wall", Style(stroke=WALL_COLOUR, stroke_width_pt=3.0)))
    for outcome in outcomes if outcomes is not None else OUTCOME_NAMES:
        entries.append(LegendEntry(OUTCOME_NAMES[outcome], Style(fill=OUTCOME_COLOURS[outcome])))
    return tuple(entries)


def scale_bar(metres_per_px: float, width_px: float, units: UnitSystem) -> ScaleBar:
    """A round length (1, 2 or 5 × 10ⁿ m or ft) near a fifth of the plan's width."""
    unit = "ft" if units is UnitSystem.IMPERIAL else "m"
    span_m = width_px * metres_per_px / 5
    span = quantity(span_m, "m").to(unit).magnitude
    power = 10 ** math.floor(math.log10(span)) if span > 0 else 1.0
    nice = max((m * power for m in (1, 2, 5) if m * power <= span), default=power)
    metres = quantity(nice, unit).to("m").magnitude
    return ScaleBar(metres / metres_per_px, fmt.length(metres, units))


def draw_plan(
    plan: Plan,
    cameras: Mapping[int, PlanCamera],
    coverages: Mapping[tuple[int, View], Coverage],
    views: Sequence[ViewStyle] = REPLACEMENT_ONLY,
    checks: Mapping[int, TargetCheck] | None = None,
    units: UnitSystem = UnitSystem.METRIC,
) -> PlanDrawing:
    """Everything on one plan as primitives, bottom layer first.

    ``coverages`` holds each device's coverage by (device id, view); the caller
    computes them (``plan_coverage.device_coverage``) so an editor can keep them
    and recompute only what moved.
    """
    primitives: list[Primitive] = []
    for style in views:
        for device in plan.devices:
            found = coverages.get((device.id, style.view))
            if found is not None:
                primitives.extend(coverage_primitives(found, style.paint))
    primitives.extend(wall_primitives(plan.walls))
    for target in plan.targets:
        primitives.extend(target_primitives(target, (checks or {}).get(target.id)))
    shown: set[Outcome | None] = set()
    for device in plan.devices:
        camera = cameras.get(device.camera_id) if device.camera_id is not None else None
        primitives.append(device_marker(device, camera))
        shown.add(camera.outcome if camera is not None else None)
    primitives.sort(key=lambda p: p.layer)
    scale = plan.scale
    bar = scale_bar(scale.metres_per_px, plan.width_px, units) if scale is not None else None
    outcomes = [o for o in OUTCOME_NAMES if o in shown]
    return PlanDrawing(plan.width_px, plan.height_px, tuple(primitives),
                       legend(views, units, outcomes=outcomes), bar)  # fmt: skip
