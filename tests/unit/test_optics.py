from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from specassist.domain import optics
from specassist.domain.sensor_formats import SENSOR_FORMATS
from specassist.domain.survey import DoriLevel
from specassist.domain.units import quantity

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
    assert nominal.bounds() == (5.1, 5.7)
    assert optics.sensor_width(None, '1/4.7"') is None
    assert optics.sensor_width(None, None) is None


def test_hand_worked_hfov_and_density() -> None:
    # Domain notes §5: 1920 px of 2.9 µm = 5.568 mm behind 4 mm. By hand:
    # HFOV = 2·atan(5.568 / 8) = 2·34.84° = 69.67°; at 10 m the scene is
    # 10 · 5.568 / 4 = 13.92 m wide, so 1920 / 13.92 = 137.9 px/m (recognise).
    width = optics.sensor_width(None, '1/2.8"', pitch_um=2.9, columns=1920)
    assert width is not None and width.from_datasheet
    assert width.mm == pytest.approx(5.568) and width.bounds() == (width.mm, width.mm)
    assert optics.hfov_deg(width.mm, 4.0) == pytest.approx(69.67, abs=0.01)
    assert optics.scene_width_m(width.mm, 4.0, 10.0) == pytest.approx(13.92)
    density = optics.pixel_density_px_per_m(1920, width.mm, 4.0, 10.0)
    assert density == pytest.approx(137.9, abs=0.05)
    assert optics.dori_level(density) is DoriLevel.RECOGNISE
    # The published angle gives the same density when it is the rectilinear one.
    assert optics.density_from_hfov(1920, 69.67, 10.0) == pytest.approx(137.9, abs=0.05)


def test_equisolid_bounds_barrel_distortion() -> None:
    # 5.57 mm behind 2.8 mm: 89.7° rectilinear, 4·asin(5.57/11.2) = 119.3° equisolid.
    assert optics.equisolid_hfov_deg(5.57, 2.8) == pytest.approx(119.3, abs=0.05)
    # On long lenses the two projections agree: distortion no longer widens the view.
    assert optics.equisolid_hfov_deg(5.57, 100) == pytest.approx(
        optics.hfov_deg(5.57, 100), abs=0.01
    )
    assert optics.width_for_hfov_mm(2.8, optics.hfov_deg(5.57, 2.8)) == pytest.approx(5.57)


def test_four_megapixel_third_inch_sensor_is_wider_than_the_tube_format() -> None:
    # Domain notes §8: common 4 MP 1/3" sensors are 2688 × 2.0 µm = 5.376 mm, not 4.8 mm.
    known = optics.sensor_width(None, '1/3"', columns=2688)
    assert known is not None and known.mm == pytest.approx(5.376) and not known.from_datasheet
    assert "2688" in known.source
    assert optics.sensor_width(None, '1/3"', columns=1000).mm == 5.38  # type: ignore[union-attr]


NEEDED_FORMATS = [
    '1"',
    '1/1.2"',
    '1/1.7"',
    '1/1.8"',
    '1/2"',
    '1/2.5"',
    '1/2.7"',
    '1/2.8"',
    '1/2.9"',
    '1/3"',
    '1/4"',
]


def test_sensor_format_table_is_complete_and_says_why() -> None:
    for name in NEEDED_FORMATS:
        fmt = SENSOR_FORMATS[name]
        assert fmt.narrowest_mm <= fmt.typical_mm <= fmt.widest_mm, name
        assert fmt.basis, name
        for known in fmt.sensors:
            assert fmt.narrowest_mm <= known.width_mm <= fmt.widest_mm + 0.01, (name, known)
    assert optics.normalise_format("1-inch") == '1"' and optics.normalise_format('2/3"') == '2/3"'
    assert optics.SENSOR_WIDTH_MM['1/1.2"'] == pytest.approx(11.14)


angles = st.floats(min_value=2.0, max_value=170.0)


@given(angles, distances)
def test_scene_width_and_hfov_round_trip(hfov: float, distance: float) -> None:
    scene = optics.scene_width_from_hfov_m(hfov, distance)
    assert optics.hfov_for_scene_deg(scene, distance) == pytest.approx(hfov, rel=1e-9)


@given(st.integers(min_value=640, max_value=7680), angles, distances)
def test_density_from_hfov_and_distance_round_trip(
    pixels: int, hfov: float, distance: float
) -> None:
    density = optics.density_from_hfov(pixels, hfov, distance)
    back = optics.distance_for_density_from_hfov(pixels, hfov, density)
    assert back == pytest.approx(distance, rel=1e-9)


@given(angles, distances, st.floats(min_value=1.01, max_value=3.0))
def test_wider_view_or_farther_target_gives_lower_density(
    hfov: float, distance: float, factor: float
) -> None:
    density = optics.density_from_hfov(2688, hfov, distance)
    assert optics.density_from_hfov(2688, hfov, distance * factor) < density
    wider = min(hfov * factor, 175.0)
    if wider > hfov:
        assert optics.density_from_hfov(2688, wider, distance) < density


@given(angles, angles)
def test_pixels_across_a_scene_never_exceed_the_sensor(setting: float, scene: float) -> None:
    across = optics.pixels_across(1920, setting, scene)
    assert 0 < across <= 1920
    if scene >= setting:
        assert across == 1920


def test_dori_levels_and_distances() -> None:
    # IEC 62676-4:2015 levels, px/m, as stated in DORI_CITATION.
    assert [optics.DORI_PX_PER_M[level] for level in DoriLevel] == [
        12.5,
        25.0,
        62.5,
        125.0,
        250.0,
        1000.0,
    ]
    assert optics.dori_level(137.9) is DoriLevel.RECOGNISE
    assert optics.dori_level(250.0) is DoriLevel.IDENTIFY
    assert optics.dori_level(10.0) is None
    # 1920 px across 90°: the scene is 2·d wide, so recognise (125 px/m) holds to 7.68 m.
    distances_m = optics.dori_distances_m(1920, 90.0)
    assert distances_m[DoriLevel.RECOGNISE] == pytest.approx(7.68)
    assert list(distances_m.values()) == sorted(distances_m.values(), reverse=True)


def test_pint_boundary_converts_to_imperial() -> None:
    density = optics.pixel_density(1920, quantity(90, "deg"), quantity(32.8084, "ft"))
    assert density.to("px/m").magnitude == pytest.approx(96.0, rel=1e-4)
    assert density.to("px/ft").magnitude == pytest.approx(96.0 * 0.3048, rel=1e-4)
    assert optics.dori_density(DoriLevel.IDENTIFY).to("px/ft").magnitude == pytest.approx(
        76.2, abs=0.01
    )


def test_lens_range_prefers_datasheet_angles_and_marks_estimates() -> None:
    datasheet = optics.lens_range(103.0, 29.0, 2.8, 12.0, None)
    assert datasheet == optics.LensRange(103.0, 29.0, True)
    assert datasheet.clamp(50.0) == 50.0 and datasheet.clamp(120.0) == 103.0
    computed = optics.lens_range(None, None, 2.8, 2.8, optics.sensor_width(None, '1/2.8"'))
    assert computed is not None and not computed.from_datasheet
    assert computed.wide_deg == pytest.approx(89.7, abs=0.1)
    assert optics.lens_range(None, None, 2.8, 2.8, None) is None


def test_vertical_field_of_view_from_the_pixel_grid() -> None:
    height = optics.sensor_height_mm(5.57, 1920, 1080)
    assert height == pytest.approx(3.133, abs=0.001)
    assert optics.vfov_deg(height, 2.8) == pytest.approx(58.4, abs=0.1)
    assert optics.vfov_deg(height, 2.8) < optics.hfov_deg(5.57, 2.8)
