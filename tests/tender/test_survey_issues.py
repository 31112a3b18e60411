"""Survey problems reach the tender: unreadable cells and repeated tags, by tag and row."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader

from specassist import cli

SURVEY = (
    "Tag,Site,Make,Model,Height,Distance\n"
    "A1,Depot,Hikvision,DS-2CD2143G2-I,3 m,10 m\n"
    "A1,Depot,Dahua,IPC-HDW2431T-AS-S2,tall,12 m\n"
    "A3,Depot,Hikvision,DS-2CD2T47G2-L,4 m,15 m\n"
)


def _text(pdf: Path) -> str:
    return " ".join(" ".join(p.extract_text().split()) for p in PdfReader(pdf).pages)


@pytest.mark.parametrize("jurisdiction", [None, "uk-public", "us-federal"])
def test_unreadable_cells_and_repeated_tags_are_listed_by_tag_and_row(
    tmp_path: Path, jurisdiction: str | None
) -> None:
    survey = tmp_path / "survey.csv"
    survey.write_text(SURVEY, encoding="utf-8")
    pdf = tmp_path / "t.pdf"
    extra = ["--jurisdiction", jurisdiction] if jurisdiction else []
    status = cli.run(cli.parse_args(["tender", str(survey), "-o", str(pdf), "--as-of",
                                     "2026-11-27", *extra]), io.StringIO())  # fmt: skip
    assert status == 0
    text = _text(pdf)
    start = text.rindex("Survey issues")
    appendix = text[start : start + 600]
    assert "A1 3 Height: expected a distance" in appendix and "(found 'tall')" in appendix
    assert "duplicate tag" in appendix


def test_a_clean_survey_says_so(tmp_path: Path) -> None:
    survey = tmp_path / "survey.csv"
    survey.write_text(SURVEY.replace("A1,Depot,Dahua", "A2,Depot,Dahua").replace("tall", "5 m"),
                      encoding="utf-8")  # fmt: skip
    pdf = tmp_path / "t.pdf"
    status = cli.run(cli.parse_args(["tender", str(survey), "-o", str(pdf), "--as-of",
                                     "2026-11-27"]), io.StringIO())  # fmt: skip
    assert status == 0
    assert "None: every row of the survey was read completely." in _text(pdf)


def test_prices_not_used_are_listed_with_their_reason_in_the_estimate(tmp_path: Path) -> None:
    prices = tmp_path / "acme.csv"
    prices.write_text(
        "Part No.,Price,Currency,Valid From,Valid Until,Manufacturer\n"
        "XNV-8082R,459.00,GBP,2025-01-01,2026-01-31,Hanwha\n"
        "P3265-LVE,399.00,JPY,2025-01-01,,Axis\n",
        encoding="utf-8",
    )
    demo = Path(__file__).parents[2] / "resources" / "demo" / "demo-survey.csv"
    pdf = tmp_path / "t.pdf"
    argv = ["tender", str(demo), "-o", str(pdf), "--as-of", "2026-11-27", "--prices", str(prices)]
    status = cli.run(cli.parse_args(argv), io.StringIO())
    assert status == 0
    text = _text(pdf)
    listed = text[text.rindex("Prices not used in the estimate") :][:700]
    assert "XNV-8082R" in listed and "price expired on 2026-01-31; not used" in listed
    assert "P3265-LVE" in listed and "JPY" in listed
