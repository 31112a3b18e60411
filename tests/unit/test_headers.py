from __future__ import annotations

import pytest

from specassist.survey.headers import Field, find_header_row, map_headers, match_header


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("Cam Ref", Field.TAG), ("Camera ID", Field.TAG), ("Tag", Field.TAG),
        ("Asset No.", Field.TAG), ("Make", Field.MAKE), ("Manufacturer", Field.MAKE),
        ("Brand", Field.MAKE), ("Model No.", Field.MODEL), ("Model", Field.MODEL),
        ("Lens", Field.LENS), ("Focal length (mm)", Field.LENS), ("Mount", Field.MOUNT),
        ("Mounting", Field.MOUNT), ("Distance to target (ft)", Field.TARGET_DISTANCE),
        ("MAC", Field.MAC), ("MAC_Address", Field.MAC), ("IP", Field.IP_ADDRESS),
        ("Location", Field.LOCATION), ("Area", Field.LOCATION), ("Site", Field.SITE),
        ("Building", Field.SITE), ("Mounting height (m)", Field.HEIGHT),
        ("Indoor/Outdoor", Field.ENVIRONMENT), ("Make/Model", Field.MAKE_MODEL),
        ("Make & Model", Field.MAKE_MODEL), ("Existing camera manufacturer", Field.MAKE),
        ("HFOV (°)", Field.HFOV), ("CAMERA TYPE", Field.FORM_FACTOR),
    ],
)  # fmt: skip
def test_synonyms_ignore_case_punctuation_and_units(header: str, field: Field) -> None:
    assert match_header(header) == field


def test_unknown_and_duplicate_columns_are_kept_as_extras() -> None:
    mapping = map_headers(["Tag", "Cable run", "Model", "Model"])
    assert mapping.fields == {Field.TAG: 0, Field.MODEL: 2}
    assert mapping.extra == {1: "Cable run", 3: "Model"}


def test_exact_names_beat_partial_ones_wherever_they_stand() -> None:
    mapping = map_headers(["Replacement model", "Model"])
    assert mapping.fields[Field.MODEL] == 1
    assert mapping.extra == {0: "Replacement model"}


def test_user_override_wins_and_can_demote_to_extra() -> None:
    mapping = map_headers(["Cam Loc", "Tag"], {"Cam Loc": "location", "Tag": "extra"})
    assert mapping.fields == {Field.LOCATION: 0}
    assert mapping.extra == {1: "Tag"}


def test_header_units_are_recorded() -> None:
    mapping = map_headers(["Tag", "Height (ft)"])
    assert mapping.units == {1: "ft"}


def test_header_row_found_below_title_rows() -> None:
    rows = [(1, ["North depot survey", ""]), (2, ["", ""]), (3, ["Camera ID", "Make"]),
            (4, ["C1", "Axis"])]  # fmt: skip
    assert find_header_row(rows) == 2
    assert find_header_row([(1, ["just", "data"])]) is None


def test_abbreviated_environment_header() -> None:
    from specassist.survey.headers import Field, match_header

    assert match_header("Env") is Field.ENVIRONMENT


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("Mounting Hieght (ft)", Field.HEIGHT), ("Camera heigth", Field.HEIGHT),
        ("Manufacterer", Field.MAKE), ("Camera Modle", Field.MODEL), ("Loction", Field.LOCATION),
        ("HardwareName", Field.TAG), ("MacAddress", Field.MAC), ("Device Type", Field.DEVICE_TYPE),
        ("Device Serial No.", Field.SERIAL), ("Survey date", Field.SURVEY_DATE),
        ("Installation Date", Field.INSTALL_DATE), ("Device status", Field.DEVICE_STATE),
    ],
)  # fmt: skip
def test_misspelt_and_run_together_headers(header: str, field: Field) -> None:
    assert match_header(header) == field


def test_fuzzy_matching_needs_every_word_close() -> None:
    # "note" is no misspelling of "no": a close whole string is not enough.
    assert match_header("Lens notes xyz") is not Field.TAG
    assert match_header("Colour") is None


def test_misspelt_units_survive() -> None:
    mapping = map_headers(["Tag", "Mounting Hieght (ft)"])
    assert mapping.fields[Field.HEIGHT] == 1 and mapping.units == {1: "ft"}


def test_a_row_of_values_is_not_a_header() -> None:
    rows = [(1, ["Camera 1", "Indoor", "DS-2CD2143G2-I", "192.168.1.64"]),
            (2, ["Camera 2", "Outdoor", "DS-2CD2T46G2-4I", "192.168.1.65"])]  # fmt: skip
    assert find_header_row(rows) is None


def test_every_field_has_a_label_for_the_mapping_dialog() -> None:
    from specassist.survey.headers import field_labels

    labels = field_labels()
    assert set(labels) == {f.value for f in Field} | {"extra"}
    assert labels["model"] == "Model number" and all(labels.values())
