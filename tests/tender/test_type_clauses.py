"""The performance specification asks for what the scenes need: ingress, impact and temperature
from where the cameras are and what the survey says, never from the basis of design's
datasheet; what the survey did not record is to be confirmed at survey, not assumed away."""

from __future__ import annotations

from pathlib import Path

from specassist.tender.document import Table
from tests.tender.conftest import package

HEADER = "Tag,Site,Location,Make,Model,Camera Type,Resolution,Lens,Indoor/Outdoor,Notes\n"


def _rows(jurisdiction: str, survey: Path, key: str = "performance") -> dict[str, set[str]]:
    """Every row of a section's tables, first cell → the second cells printed for it."""
    tender = package(jurisdiction, survey)
    section = next(s for s in tender.document.sections if s.key == key)
    rows: dict[str, set[str]] = {}
    for block in section.blocks:
        if isinstance(block, Table):
            for first, second, *_ in block.rows:
                rows.setdefault(first, set()).add(second)
    return rows


def test_clauses_follow_the_survey_not_the_basis_of_design(tmp_path: Path) -> None:
    survey = tmp_path / "survey.csv"
    survey.write_text(
        HEADER
        + "P1,Leisure Centre,Pool hall,Hikvision,DS-2CD2143G2-I,Dome,2688x1520,2.8 mm,Indoor,"
        "chlorine in the air\n"
        "P2,Leisure Centre,Car park,Hikvision,DS-2CD2T47G2-L,Bullet,2688x1520,4 mm,Outdoor,"
        "vandal area\n"
        "P3,Leisure Centre,Store,Hikvision,DS-2CD2443G0-IW,Cube,2688x1520,2.8 mm,,\n",
        encoding="utf-8",
    )
    rows = _rows("uk-public", survey)
    everything = " ".join(c for clauses in rows.values() for c in clauses)
    assert "as the basis of design" not in everything
    assert "IEC 60529 IP66 or better" in rows["Ingress protection"]  # the pool hall and car park
    assert "IEC 62262 IK10 or better" in rows["Impact protection"]
    temperatures = rows["Operating temperature"]
    assert "-30 °C to 50 °C or wider (outdoors)" in temperatures
    assert any("to be confirmed at survey" in c for c in temperatures)
    assert all("ONVIF Profile S and T" in c for c in rows["Interoperability"])


def test_the_us_profile_asks_for_its_own_outdoor_range(tmp_path: Path) -> None:
    survey = tmp_path / "survey.csv"
    survey.write_text(
        HEADER + "Q1,Depot,Yard,Hikvision,DS-2CD2T47G2-L,Bullet,2688x1520,4 mm,Outdoor,\n",
        encoding="utf-8",
    )
    assert (
        "-40 °C to 50 °C or wider (outdoors)"
        in _rows("us-federal", survey)["Operating temperature"]
    )


def test_an_unrecorded_environment_is_to_be_confirmed_not_assumed_indoor(tmp_path: Path) -> None:
    survey = tmp_path / "survey.csv"
    survey.write_text(
        HEADER + "R1,Depot,Store,Hikvision,DS-2CD2443G0-IW,Cube,2688x1520,2.8 mm,,\n",
        encoding="utf-8",
    )
    rows = _rows("uk-public", survey)
    (ingress,) = rows["Ingress protection"]
    assert ingress.startswith("to be confirmed at survey") and "IP66" in ingress
    assert not any("not required" in c for c in rows["Ingress protection"])
    (temperature,) = rows["Operating temperature"]
    assert "to be confirmed at survey" in temperature
    assert "R1" in _rows("uk-public", survey, "site_check")  # and it is on the site-check list
