from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from specassist.domain import optics

widths = st.floats(min_value=3.0, max_value=13.0)
focals = st.floats(min_value=1.0, max_value=300.0)
distances = st.floats(min_value=0.5, max_value=500.0)


def test_worked_example_from_the_domain_notes() -> None:
    density = optics.pixel_density_px_per_m(1920, 5.568, 4.0, 10.0)
    assert density == pytest.approx(137.9, abs=0.05)


def test_known_field_of_view() -> None:
    assert optics.hfov_deg(5.57, 2.8) == pytest.approx(89.69, abs=0.01)


@given(widths, st.floats(min_value=5.0, max_value=170.0))
def test_hfov_and_focal_round_trip(width: float, hfov: float) -> None:
    focal = optics.focal_for_hfov_mm(width, hfov)
    assert optics.hfov_deg(width, focal) == pytest.approx(hfov, rel=1e-9)


@given(widths, focals, distances)
def test_scene_width_and_focal_round_trip(width: float, focal: float, distance: float) -> None:
    scene = optics.scene_width_m(width, focal, distance)
    assert optics.focal_for_scene_mm(width, scene, distance) == pytest.approx(focal, rel=1e-9)


@given(widths, focals, distances, st.integers(min_value=640, max_value=7680))
def test_density_and_distance_round_trip(
    width: float, focal: float, distance: float, pixels: int
) -> None:
    density = optics.pixel_density_px_per_m(pixels, width, focal, distance)
    assert optics.distance_for_density_m(pixels, width, focal, density) == pytest.approx(
        distance, rel=1e-9
    )


@given(widths, focals, distances, st.floats(min_value=1.01, max_value=10.0))
def test_density_falls_with_distance_and_with_a_wider_lens(
    width: float, focal: float, distance: float, factor: float
) -> None:
    near = optics.pixel_density_px_per_m(1920, width, focal, distance)
    assert optics.pixel_density_px_per_m(1920, width, focal, distance * factor) < near
    assert optics.pixel_density_px_per_m(1920, width, focal / factor, distance) < near


def test_sensor_width_prefers_the_datasheet_and_never_guesses() -> None:
    assert optics.sensor_width(5.1, '1/2.8"') == optics.SensorWidth(5.1, True, "datasheet")
    nominal = optics.sensor_width(None, "1/2.8 inch")
    assert nominal is not None and nominal.mm == 5.57 and not nominal.from_datasheet
    assert optics.sensor_width(None, '1/4.7"') is None
    assert optics.sensor_width(None, None) is None
