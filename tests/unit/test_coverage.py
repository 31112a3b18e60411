"""A camera's ground footprint and detail bands, checked against figures worked by hand."""

from __future__ import annotations

import math

import pytest

from specassist.domain import optics
from specassist.domain.coverage import (
    Mounting,
    density_at,
    footprint,
    ground_range,
    optics_for,
    vfov_for_hfov,
)
from specassist.domain.plans import CameraOptics
from specassist.domain.survey import DoriLevel


def test_footprint_near_and_far_edges_match_the_hand_worked_example() -> None:
    # Camera 3 m up, tilted 30° below the horizon, vertical field of view 40°.
    #   lowest ray:  30 + 40/2 = 50° down → lands 3 / tan 50° = 3 / 1.19175 = 2.517 m out
    #   highest ray: 30 − 40/2 = 10° down → lands 3 / tan 10° = 3 / 0.17633 = 17.014 m out
    # The ground from the camera's foot to 2.517 m is the dead zone.
    # Half-width at the far edge, 60° horizontal view: depth along the axis there is
    #   17.014 · cos 30° + 3 · sin 30° = 14.734 + 1.5 = 16.234 m; × tan 30° = 9.373 m.
    # 3840 px keep "detect" (25 px/m) out to 3840 / (2 · tan 30° · 25) = 133 m, beyond the
    # far edge, so the far edge is the geometric one.
    ground = ground_range(3.0, 30.0, 40.0)
    assert ground.near_m == pytest.approx(2.517, abs=1e-3)
    assert ground.far_m == pytest.approx(17.014, abs=1e-3)
    assert ground.dead_zone_m == pytest.approx(2.517, abs=1e-3)

    camera = CameraOptics(hfov_deg=60.0, vfov_deg=40.0, horizontal_px=3840)
    shape = footprint(camera, Mounting(3.0, 30.0))
    forwards = sorted({round(f, 3) for f, _ in shape.outline})
    assert forwards == [pytest.approx(2.517, abs=1e-3), pytest.approx(17.014, abs=1e-3)]
    far_half_width = max(abs(s) for f, s in shape.outline if f > 17)
    assert far_half_width == pytest.approx(9.373, abs=1e-3)
    dead_forwards = sorted({round(f, 3) for f, _ in shape.dead_zone})
    assert dead_forwards == [0.0, pytest.approx(2.517, abs=1e-3)]


def test_band_edges_fall_where_the_density_reaches_each_level() -> None:
    # Same camera: "identify" (250 px/m) ends at depth 3840 / (2 · tan 30° · 250) = 13.30 m,
    # i.e. forward (13.30 − 3 · sin 30°) / cos 30° = 11.80 / 0.866 = 13.63 m on the ground.
    camera = CameraOptics(hfov_deg=60.0, vfov_deg=40.0, horizontal_px=3840)
    mounting = Mounting(3.0, 30.0)
    shape = footprint(camera, mounting)
    levels = [band.level for band in shape.bands]
    assert levels[0] is DoriLevel.IDENTIFY
    identify_far = max(f for f, _ in shape.bands[0].slices[0])
    assert identify_far == pytest.approx(13.63, abs=0.01)
    assert density_at(camera, mounting, (identify_far, 0.0)) == pytest.approx(250.0, rel=1e-6)
    assert density_at(camera, mounting, (identify_far + 0.5, 0.0)) < 250.0  # type: ignore[operator]
    # The next band starts where "identify" ends: the bands tile the footprint.
    recognise_near = min(f for f, _ in shape.bands[1].slices[0])
    assert recognise_near == pytest.approx(identify_far)


def test_density_at_a_point_matches_the_worked_example_and_optics() -> None:
    # 1920 px across 90°, 3 m up, tilted 30°, a point 5 m straight ahead:
    # depth 5 · cos 30° + 3 · sin 30° = 5.830 m → 1920 / (2 · 5.830 · tan 45°) = 164.7 px/m.
    camera = CameraOptics(90.0, 58.7, 1920)
    density = density_at(camera, Mounting(3.0, 30.0), (5.0, 0.0))
    assert density == pytest.approx(164.7, abs=0.1)
    assert density == pytest.approx(optics.density_from_hfov(1920, 90.0, 5.830), abs=0.1)
    assert density_at(camera, Mounting(3.0, 30.0), (0.5, 0.0)) is None  # in the dead zone
    assert density_at(camera, Mounting(3.0, 30.0), (5.0, 9.0)) is None  # outside the angle


def test_a_view_above_the_horizon_ends_where_detect_ends() -> None:
    camera = optics_for(90.0, 1920, 1080)
    shape = footprint(camera, Mounting(3.0, 10.0))
    assert math.isinf(shape.ground.far_m)
    detect_depth = optics.distance_for_density_from_hfov(1920, 90.0, 25.0)  # 38.4 m
    far = max(f for f, _ in shape.outline)
    # forward = (38.4 − 3 · sin 10°) / cos 10° = (38.4 − 0.521) / 0.985 = 38.46 m
    assert far == pytest.approx((detect_depth - 3 * math.sin(math.radians(10)))
                                / math.cos(math.radians(10)))  # fmt: skip
    assert shape.bands[-1].level is DoriLevel.DETECT


def test_looking_straight_down_sees_a_rectangle_round_the_foot_with_no_dead_zone() -> None:
    camera = CameraOptics(90.0, 60.0, 1920)
    shape = footprint(camera, Mounting(3.0, 90.0))
    assert shape.dead_zone == ()
    forwards = [f for f, _ in shape.outline]
    assert min(forwards) == pytest.approx(-3 * math.tan(math.radians(30)), abs=1e-6)
    assert max(forwards) == pytest.approx(3 * math.tan(math.radians(30)), abs=1e-6)
    # Every ground point is 3 m deep: 1920 / (2 · 3 · tan 45°) = 320 px/m, all "identify".
    assert [b.level for b in shape.bands] == [DoriLevel.IDENTIFY]


def test_vertical_angle_from_the_image_shape() -> None:
    # 2688×1520 at 103°: tan 51.5° × 1520/2688 = 0.711 → 70.8°.
    assert vfov_for_hfov(103.0, 2688, 1520) == pytest.approx(70.8, abs=0.1)
    assumed = optics_for(90.0, 1920, None)
    assert assumed.aspect_assumed and assumed.vfov_deg == pytest.approx(58.7, abs=0.1)


def test_panoramic_view_is_rings_out_to_each_levels_slant_distance() -> None:
    camera = optics_for(360.0, 2880, 2880, panoramic=True)
    shape = footprint(camera, Mounting(3.0, 90.0))
    # Identify at 250 px/m over a 2π arc: slant 2880 / (2π · 250) = 1.83 m, under 3 m: none.
    assert DoriLevel.IDENTIFY not in [b.level for b in shape.bands]
    # Detect: slant 2880 / (2π · 25) = 18.33 m → on the ground sqrt(18.33² − 3²) = 18.09 m.
    assert shape.reach_m == pytest.approx(18.09, abs=0.01)
    assert all(len(piece) in (3, 4) for band in shape.bands for piece in band.slices)
