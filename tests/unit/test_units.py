from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from specassist.domain.units import (
    Kind,
    QuantityParseError,
    parse_quantity,
    parse_range,
    quantity,
    unit_from_header,
)


@pytest.mark.parametrize(
    ("text", "kind", "expected"),
    [
        ("2.8 mm", Kind.FOCAL_LENGTH, 2.8),
        ("2,8mm", Kind.FOCAL_LENGTH, 2.8),
        ("30 m", Kind.DISTANCE, 30.0),
        ("98 ft", Kind.DISTANCE, 29.8704),
        ("10'", Kind.DISTANCE, 3.048),
        ("12.95 W", Kind.POWER, 12.95),
        ("-30 °C", Kind.TEMPERATURE, -30.0),
        ("-22 °F", Kind.TEMPERATURE, -30.0),
        ("103°", Kind.ANGLE, 103.0),
        ("120 dB", Kind.LEVEL_DB, 120.0),
        ("1,200 m", Kind.DISTANCE, 1200.0),
    ],
)
def test_parse_quantity_converts_to_canonical_units(text: str, kind: Kind, expected: float) -> None:
    parsed = parse_quantity(text, kind)
    assert parsed.magnitude == pytest.approx(expected)
    assert not parsed.unit_assumed


def test_bare_number_uses_header_unit_or_is_flagged_as_assumed() -> None:
    assert parse_quantity("10", Kind.DISTANCE, "ft").magnitude == pytest.approx(3.048)
    bare = parse_quantity("10", Kind.DISTANCE)
    assert bare.magnitude == 10 and bare.unit_assumed


@pytest.mark.parametrize("text", ["far", "12 kg", "mm", "3 parsecs per hour", ""])
def test_wrong_kind_or_junk_is_an_error_naming_the_expectation(text: str) -> None:
    with pytest.raises(QuantityParseError, match="distance"):
        parse_quantity(text, Kind.DISTANCE)


@pytest.mark.parametrize(
    "text", ["2.8-12mm", "2.8 – 12 mm", "2.8~12 mm", "2.8 to 12mm", "2.8mm-12mm", "12-2.8 mm"]
)
def test_ranges_in_every_common_spelling(text: str) -> None:
    low, high = parse_range(text, Kind.FOCAL_LENGTH)
    assert (low.magnitude, high.magnitude) == (2.8, 12.0)


def test_single_value_is_a_degenerate_range() -> None:
    low, high = parse_range("4 mm", Kind.FOCAL_LENGTH)
    assert low == high


@pytest.mark.parametrize(
    ("header", "unit"),
    [("Height (ft)", "ft"), ("Distance [m]", "m"), ("Lens (mm)", "mm"), ("Height", None),
     ("Notes (see sheet 2)", None)],
)  # fmt: skip
def test_unit_from_header(header: str, unit: str | None) -> None:
    assert unit_from_header(header) == unit


def test_pixel_density_is_a_camera_pixel_not_a_css_length() -> None:
    density = quantity(125, "px/m")
    assert density.to("px/ft").magnitude == pytest.approx(38.1, abs=0.01)


@given(st.floats(min_value=0.01, max_value=10_000, allow_nan=False))
def test_feet_round_trip(value: float) -> None:
    metres = parse_quantity(f"{value} ft", Kind.DISTANCE).magnitude
    assert quantity(metres, "m").to("ft").magnitude == pytest.approx(value, rel=1e-6)
