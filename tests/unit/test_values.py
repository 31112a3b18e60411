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


def test_day_first_dates_when_the_column_says_so() -> None:
    from datetime import date

    from specassist.domain.values import DateOrder, infer_date_order, parse_sheet_date

    assert infer_date_order(["01/09/2025", "25/09/2025"]) == (DateOrder.DAY_FIRST, False)
    assert infer_date_order(["09/25/2025", "01/09/2025"]) == (DateOrder.MONTH_FIRST, False)
    assert infer_date_order(["25/09/2025", "09/25/2025"]) == (None, True)
    assert parse_sheet_date("01/09/2025", DateOrder.DAY_FIRST) == date(2025, 9, 1)
    assert parse_sheet_date("01/09/2025", DateOrder.MONTH_FIRST) == date(2025, 1, 9)
    assert parse_sheet_date("25/09/25") == date(2025, 9, 25)
    assert parse_sheet_date("2025-09-01 00:00:00") == date(2025, 9, 1)
    assert parse_sheet_date("1 Sep 2025") == date(2025, 9, 1)
    with pytest.raises(ValueParseError, match="ambiguous"):
        parse_sheet_date("01/09/2025")
    with pytest.raises(ValueParseError, match="day-first"):
        parse_sheet_date("09/25/2025", DateOrder.DAY_FIRST)
    with pytest.raises(ValueParseError, match="no such date"):
        parse_sheet_date("31/02/2025", DateOrder.DAY_FIRST)


def test_ip_from_urls_and_ports() -> None:
    assert parse_ip("http://10.1.0.21/") == "10.1.0.21"
    assert parse_ip("10.1.0.21:8000") == "10.1.0.21"
    assert parse_ip("https://[2001:db8::1]:443/") == "2001:db8::1"
    with pytest.raises(ValueParseError):
        parse_ip("http://camera.local/")


def test_device_words_and_model_shapes() -> None:
    from specassist.domain.device_words import (
        is_device_state_word,
        is_device_type_word,
        is_model_number,
        model_in_text,
    )

    assert all(is_device_type_word(w) for w in ("IPC", "NVR", "VTO", "SD", "Door station"))
    assert not is_device_type_word("Dome")
    assert all(is_device_state_word(w) for w in ("Active", "Online", "Uninitialized"))
    assert not is_device_state_word("Visited")
    assert is_model_number("DS-2CD2143G2-I") and is_model_number("IPC-HFW2431S-S-S2")
    assert not is_model_number("DS-2CD2143G2-I20220315AAWRJ12345678")  # a serial
    assert not is_model_number("Front gate")
    assert model_in_text("Front Gate (DS-2CD2143G2-I)") == "DS-2CD2143G2-I"
    assert model_in_text("Reception (AXIS P3265-LVE)") == "P3265-LVE"
    assert model_in_text("Car park") is None
