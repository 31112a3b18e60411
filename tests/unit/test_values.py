from __future__ import annotations

import pytest

from specassist.domain.catalog import FormFactor, Resolution
from specassist.domain.survey import DoriLevel
from specassist.domain.values import (
    ValueParseError,
    parse_bool,
    parse_dori,
    parse_environment,
    parse_form_factor,
    parse_ip,
    parse_mac,
    parse_megapixels,
    parse_resolution,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("1920x1080", Resolution(1920, 1080)), ("2688 × 1520", Resolution(2688, 1520)),
     ("1080p", Resolution(1920, 1080)), ("4K", Resolution(3840, 2160))],
)  # fmt: skip
def test_resolution(text: str, expected: Resolution) -> None:
    assert parse_resolution(text) == expected


def test_megapixels_are_not_a_resolution() -> None:
    with pytest.raises(ValueParseError):
        parse_resolution("4MP")
    assert parse_megapixels("4MP") == 4.0
    assert parse_megapixels("2,1 MP") == 2.1


@pytest.mark.parametrize(
    ("text", "form"),
    [("Dome", FormFactor.DOME), ("mini-dome", FormFactor.DOME), ("Eyeball", FormFactor.TURRET),
     ("Bullet camera", FormFactor.BULLET), ("Speed dome PTZ", FormFactor.PTZ),
     ("360 fisheye", FormFactor.FISHEYE)],
)  # fmt: skip
def test_form_factor_synonyms(text: str, form: FormFactor) -> None:
    assert parse_form_factor(text) == form


def test_unknown_form_lists_the_choices() -> None:
    with pytest.raises(ValueParseError, match="bullet"):
        parse_form_factor("banana")


def test_dori_both_spellings() -> None:
    assert parse_dori("Recognize") == parse_dori("recognition") == DoriLevel.RECOGNISE


def test_mac_normalised_whatever_the_separators() -> None:
    for text in ("bc-ad-28-aa-bb-cc", "bcad.28aa.bbcc", "BCAD28AABBCC", "bc:ad:28:aa:bb:cc"):
        assert parse_mac(text) == "BC:AD:28:AA:BB:CC"
    with pytest.raises(ValueParseError, match="MAC"):
        parse_mac("BC:AD:28")


def test_ip_and_booleans_and_environment() -> None:
    assert parse_ip(" 10.0.0.1 ") == "10.0.0.1"
    with pytest.raises(ValueParseError):
        parse_ip("10.0.0.300")
    assert parse_bool("Y") is True and parse_bool("no") is False
    assert parse_environment("External") is True and parse_environment("indoor") is False
