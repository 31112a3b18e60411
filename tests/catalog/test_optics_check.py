"""The optics check: published angles against sensor, focal length and zoom ratio."""

from __future__ import annotations

import dataclasses

import pytest

from specassist.domain.catalog import CameraModel, FormFactor, Provenance, Resolution
from specassist.domain.catalog_checks import optics_findings


def _model(**figures: object) -> CameraModel:
    base = CameraModel(
        vendor_id="x", model="M", form_factor=FormFactor.DOME, provenance=Provenance("test")
    )
    return dataclasses.replace(base, **figures)  # type: ignore[arg-type]


def _fixed(focal: float, hfov: float, **figures: object) -> CameraModel:
    return _model(
        focal_min_mm=focal, focal_max_mm=focal, hfov_max_deg=hfov, hfov_min_deg=hfov, **figures
    )


def test_consistent_datasheet_rows_pass() -> None:
    # Bosch FLEXIDOME IP outdoor 4000i datasheet: 1/2.9", 3-10 mm, 101°-34°.
    bosch = _model(
        sensor_format='1/2.9"',
        focal_min_mm=3.0,
        focal_max_mm=10.0,
        hfov_max_deg=101.0,
        hfov_min_deg=34.0,
    )
    assert optics_findings(bosch) == []
    # 1/2.8" behind 2.8 mm: rectilinear 89.7°, so 107° is barrel distortion, not an error.
    assert optics_findings(_fixed(2.8, 107.0, sensor_format='1/2.8"')) == []


def test_narrower_than_any_sensor_of_the_format_fails() -> None:
    # A 1/1.2" sensor is at least 10.7 mm wide: behind a 2.8 mm lens (2.94 mm at +5 %)
    # a rectilinear lens sees 2·atan(10.7/5.88) = 122.4°, so 102° cannot be right.
    (finding,) = optics_findings(_fixed(2.8, 102.0, sensor_format='1/1.2"'))
    assert finding.column == "hfov_max" and finding.blocking
    assert "narrower" in finding.message and "121.9°" in finding.message


def test_pixel_pitch_times_columns_is_the_sensor_width() -> None:
    # 2688 × 2.0 µm = 5.376 mm; behind 2.8 mm (2.94 at +5 %) at least 84.9° - 0.5° rounding.
    row = _fixed(2.8, 80.0, pixel_pitch_um=2.0, resolution=Resolution(2688, 1520))
    (finding,) = optics_findings(row)
    assert finding.blocking and "5.38 mm sensor" in finding.message
    assert optics_findings(dataclasses.replace(row, hfov_max_deg=103.0, hfov_min_deg=103.0)) == []


def test_barrel_distortion_has_a_stated_limit() -> None:
    # Equisolid on 5.57 mm behind 2.8/1.05 mm: 4·asin(5.57/10.67) = 125.9°, +0.5° rounding.
    assert optics_findings(_fixed(2.8, 126.0, sensor_width_mm=5.57)) == []
    (finding,) = optics_findings(_fixed(2.8, 130.0, sensor_width_mm=5.57))
    assert finding.blocking and "wider than barrel distortion" in finding.message
    # Against a nominal format only, an over-wide angle is reported but does not fail.
    (doubt,) = optics_findings(_fixed(12.0, 33.0, sensor_format='1/2.8"'))
    assert not doubt.blocking


def test_zoom_ratio_needs_no_sensor() -> None:
    # 4.4-88 mm is 20×; 69.7°-2.2° spans sin(17.4°)/sin(0.55°) = 31×: two different lenses.
    row = _model(focal_min_mm=4.4, focal_max_mm=88.0, hfov_max_deg=69.7, hfov_min_deg=2.2)
    (finding,) = optics_findings(row)
    assert finding.column == "hfov_min" and "30.5× zoom" in finding.message
    # 7-22 mm (3.1×) printed with 39.3°-15.5°: the wide end spans only 2.6×.
    short = _model(focal_min_mm=7.0, focal_max_mm=22.0, hfov_max_deg=39.3, hfov_min_deg=15.5)
    (finding,) = optics_findings(short)
    assert finding.column == "hfov_max" and "narrower than the tele end" in finding.message
    # AUTODOME IP starlight 5000i datasheet: 4.5-135 mm, 60.9°-2.4° (28× for 30×) passes.
    assert (
        optics_findings(
            _model(focal_min_mm=4.5, focal_max_mm=135.0, hfov_max_deg=60.9, hfov_min_deg=2.4)
        )
        == []
    )


def test_fixed_lens_has_one_angle_and_panoramas_are_not_rectilinear() -> None:
    row = _model(focal_min_mm=2.8, focal_max_mm=2.8, hfov_max_deg=103.0, hfov_min_deg=84.0)
    assert [f.column for f in optics_findings(row)] == ["hfov_min"]
    fisheye = _fixed(1.1, 182.0, sensor_format='1/2.8"', form_factor=FormFactor.FISHEYE)
    assert optics_findings(fisheye) == []
    assert optics_findings(_fixed(2.8, 170.0, sensor_format='1/2.8"')) == []


@pytest.mark.parametrize("focal", [2.8, 4.0, 6.0, 12.0, 50.0])
def test_a_rectilinear_angle_always_passes(focal: float) -> None:
    from specassist.domain.optics import hfov_deg

    for fmt, width in (('1/2.8"', 5.57), ('1/3"', 5.38), ('1/1.8"', 7.68)):
        assert (
            optics_findings(_fixed(focal, round(hfov_deg(width, focal), 1), sensor_format=fmt))
            == []
        )
