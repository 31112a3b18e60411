"""Coverage on a plan: walls clip the view, targets are met or not, drawings hold it all."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from specassist.domain.coverage import Mounting
from specassist.domain.formatting import UnitSystem
from specassist.domain.plan_coverage import (
    Aim,
    Coverage,
    View,
    Viewer,
    check_target,
    device_coverage,
    plan_checks,
    plan_coverages,
)
from specassist.domain.plan_drawing import OVERLAY, Label, Marker, Shape, draw_plan, scale_bar
from specassist.domain.plans import (
    CameraOptics,
    DeviceLink,
    Outcome,
    PlacedDevice,
    Plan,
    PlanCamera,
    PlanScale,
    Point,
    Target,
    Wall,
)
from specassist.domain.sight import Walls, clip_convex
from specassist.domain.survey import DoriLevel

# 10 px to the metre; the camera at (100, 100) looks east (bearing 90°), 3 m up, tilted 20°.
MPP = 0.1
CAMERA = CameraOptics(hfov_deg=60.0, vfov_deg=34.0, horizontal_px=1920)
AIM = Aim((100.0, 100.0), 90.0, Mounting(3.0, 20.0), False)


def inside(point: Point, polygon: Sequence[Point]) -> bool:
    """Even-odd rule."""
    x, y = point
    hit = False
    for (x0, y0), (x1, y1) in zip(polygon, [*polygon[1:], polygon[0]], strict=True):
        if (y0 > y) != (y1 > y) and x < x0 + (y - y0) * (x1 - x0) / (y1 - y0):
            hit = not hit
    return hit


def covered(point: Point, coverage: Coverage) -> bool:
    return any(inside(point, p) for band in coverage.bands for p in band.polygons)


def test_without_walls_the_view_reaches_past_where_a_wall_would_be() -> None:
    free = device_coverage(CAMERA, AIM, MPP, Walls(()))
    assert not free.clipped
    assert covered((250.0, 100.0), free)  # 15 m ahead, on the axis


def test_a_wall_across_the_view_hides_everything_behind_it() -> None:
    # A wall 5 m ahead (x = 150 px) running across the whole view.
    wall = Walls([((150.0, -400.0), (150.0, 600.0))])
    clipped = device_coverage(CAMERA, AIM, MPP, wall)
    assert clipped.clipped
    points = [p for band in clipped.bands for poly in band.polygons for p in poly]
    assert max(x for x, _ in points) == pytest.approx(150.0, abs=1e-6)
    assert covered((140.0, 100.0), clipped)  # 4 m ahead: in front of the wall
    assert not covered((160.0, 100.0), clipped)  # 6 m ahead: behind it
    assert clipped.outline == device_coverage(CAMERA, AIM, MPP, Walls(())).outline


def test_a_wall_across_half_the_view_casts_a_shadow_on_that_half_only() -> None:
    # The wall runs from the axis (y = 100) southwards, 5 m ahead.
    wall = Walls([((150.0, 100.0), (150.0, 400.0))])
    clipped = device_coverage(CAMERA, AIM, MPP, wall)
    assert covered((200.0, 80.0), clipped)  # north of the axis, 10 m out: seen
    assert not covered((200.0, 120.0), clipped)  # south of it, behind the wall: hidden
    # The shadow's edge is the ray from the camera over the wall's end: (200, 100) lies on it.
    assert not covered((200.0, 102.0), clipped)


def test_a_camera_on_the_wall_it_hangs_on_still_sees_away_from_it() -> None:
    on_its_wall = Walls([((100.0, -50.0), (100.0, 250.0))])  # runs through the camera
    seen = device_coverage(CAMERA, AIM, MPP, on_its_wall)
    assert covered((250.0, 100.0), seen)
    assert not seen.clipped


def test_clip_convex_keeps_the_overlap_of_two_squares() -> None:
    a = [(0.0, 0.0), (2.0, 0.0), (2.0, 2.0), (0.0, 2.0)]
    b = [(1.0, 1.0), (3.0, 1.0), (3.0, 3.0), (1.0, 3.0)]
    overlap = clip_convex(a, b)
    assert sorted(overlap) == [(1.0, 1.0), (1.0, 2.0), (2.0, 1.0), (2.0, 2.0)]
    assert clip_convex(a, [(5.0, 5.0), (6.0, 5.0), (6.0, 6.0)]) == []


def test_target_point_met_at_its_level_and_not_behind_a_wall() -> None:
    # 8 m ahead on the axis: depth 8 · cos 20° + 3 · sin 20° = 8.544 m;
    # 1920 / (2 · 8.544 · tan 30°) = 194.6 px/m: recognise (125) met, identify (250) not.
    viewer = Viewer(1, CAMERA, AIM)
    recognise = Target(1, "gate", ((180.0, 100.0),), DoriLevel.RECOGNISE)
    identify = Target(2, "gate", ((180.0, 100.0),), DoriLevel.IDENTIFY)
    none = Walls(())
    check = check_target(recognise, [viewer], MPP, none)
    assert check.met is True and check.worst_px_per_m == pytest.approx(194.6, abs=0.1)
    assert check.seen_by == (1,)
    assert check_target(identify, [viewer], MPP, none).met is False
    wall = Walls([((150.0, 0.0), (150.0, 200.0))])
    hidden = check_target(recognise, [viewer], MPP, wall)
    assert hidden.met is False and hidden.seen_by == ()
    assert check_target(recognise, [], MPP, none).met is None


def test_target_line_partly_out_of_view_reports_the_share_met() -> None:
    # A 6 m line across the axis 8 m ahead: the view is 2 · 8.544 · tan 30° = 9.87 m wide
    # there, so it is all seen; stretched to 16 m, the ends fall outside the angle.
    viewer = Viewer(1, CAMERA, AIM)
    short = Target(1, "fence", ((180.0, 70.0), (180.0, 130.0)), DoriLevel.OBSERVE)
    long = Target(2, "fence", ((180.0, 20.0), (180.0, 180.0)), DoriLevel.OBSERVE)
    assert check_target(short, [viewer], MPP, Walls(())).met is True
    partial = check_target(long, [viewer], MPP, Walls(()))
    assert partial.met is False and 0.5 < partial.share < 0.7


def _plan_with_two_cameras() -> tuple[Plan, dict[int, PlanCamera]]:
    old = CameraOptics(90.0, 58.7, 1920)
    new = CameraOptics(90.0, 58.7, 3840)
    cameras = {
        7: PlanCamera(7, DeviceLink("C7"), None, 3.0, 8.0, Outcome.REPLACED, old, new, "x"),
        8: PlanCamera(8, DeviceLink("C8"), None, None, None, Outcome.NO_REPLACEMENT, old, None),
    }
    plan = Plan(
        1, "Site", "Ground floor", 1000, 600, PlanScale((0.0, 0.0), (1000.0, 0.0), 100.0),
        devices=(
            PlacedDevice(1, DeviceLink("C7"), 7, (100.0, 100.0), 90.0, 20.0, None),
            PlacedDevice(2, DeviceLink("C8"), 8, (500.0, 300.0), 180.0, 20.0, None),
        ),
        walls=(Wall(1, ((150.0, 50.0), (150.0, 150.0))),),
        targets=(Target(1, "door", ((130.0, 100.0),), DoriLevel.IDENTIFY),),
    )  # fmt: skip
    return plan, cameras


def test_replacement_coverage_and_checks_for_a_whole_plan() -> None:
    plan, cameras = _plan_with_two_cameras()
    coverages = plan_coverages(plan, cameras)
    assert set(coverages) == {(1, View.OLD), (1, View.NEW), (2, View.OLD)}  # 8 has no new
    assert coverages[(1, View.NEW)].clipped
    # 3 m ahead, 3 m up, tilted 20°: depth 3 · cos 20° + 3 · sin 20° = 3.845 m.
    # Old: 1920 / (2 · 3.845) = 249.7 px/m, just short of identify; new 3840 px: 499 px/m.
    assert plan_checks(plan, cameras, View.OLD)[1].met is False
    assert plan_checks(plan, cameras, View.NEW)[1].met is True


def test_drawing_holds_bands_walls_targets_markers_legend_and_scale_bar() -> None:
    plan, cameras = _plan_with_two_cameras()
    drawing = draw_plan(plan, cameras, plan_coverages(plan, cameras), OVERLAY,
                        plan_checks(plan, cameras, View.NEW), UnitSystem.IMPERIAL)  # fmt: skip
    markers = [p for p in drawing.primitives if isinstance(p, Marker)]
    assert [m.label for m in markers] == ["C7", "C8"]
    assert markers[1].colour != markers[0].colour  # no replacement stands out
    shapes = [p for p in drawing.primitives if isinstance(p, Shape)]
    assert any(s.style.dash_pt and s.style.fill is None for s in shapes)  # old view outlined
    labels = [p.text for p in drawing.primitives if isinstance(p, Label)]
    assert labels == ["door: identify met"]
    layers = [p.layer for p in drawing.primitives]
    assert layers == sorted(layers)
    assert drawing.legend[0].text == "Identify (≥ 76.2 px/ft)"
    assert drawing.scale_bar is not None and drawing.scale_bar.text == "50 ft"


def test_scale_bar_picks_a_round_length() -> None:
    # 1000 px at 0.05 m/px is 50 m wide; a fifth is 10 m → a 10 m bar, 200 px long.
    bar = scale_bar(0.05, 1000, UnitSystem.METRIC)
    assert (bar.text, bar.length_px) == ("10 m", pytest.approx(200.0))
    # In feet: 164 ft wide, a fifth is 32.8 ft → a 20 ft bar = 6.096 m = 121.9 px.
    imperial = scale_bar(0.05, 1000, UnitSystem.IMPERIAL)
    assert (imperial.text, imperial.length_px) == ("20 ft", pytest.approx(121.92))
