"""Hostile text renders: long words wrap in linear time, rows fit a page, tokens stay whole."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook
from pypdf import PdfReader

from specassist.services import tender_service
from specassist.tender.document import nobreak
from specassist.tender.textfit import MAX_CELL_CHARS, bounded, plain, split_word, wrap_lines
from tests.tender.conftest import package


def _measure(text: str) -> float:
    return 5.0 * len(text)


def test_a_long_word_is_cut_into_pieces_that_fit_and_lose_nothing() -> None:
    word = "x" * 20_000
    pieces = split_word(word, 100.0, _measure)
    assert "".join(pieces) == word
    assert all(_measure(p) <= 100.0 for p in pieces) and len(pieces) == 1000


def test_wrapping_keeps_tokens_whole_and_caps_lines_with_a_note() -> None:
    token = nobreak("DS-2CD2T86G2-4I")
    lines = wrap_lines(f"model {token} here", 40.0, _measure)
    assert token in lines  # kept on one line although wider than 40
    capped = wrap_lines("word " * 200, 60.0, _measure, max_lines=5)
    assert (len(capped) == 5 and "characters not shown" in capped[-1]) or capped[-1] == "…"
    assert plain(token) == "DS-2CD2T86G2-4I"


def test_bounded_text_is_cleaned_and_says_what_it_cut() -> None:
    assert bounded("a\x00b\x07c", 10) == "abc"
    cut = bounded("y" * (MAX_CELL_CHARS + 50), MAX_CELL_CHARS)
    assert cut.startswith("y" * MAX_CELL_CHARS) and "50 more characters" in cut


def test_huge_cells_render_and_control_characters_reach_no_spreadsheet(tmp_path: Path) -> None:
    survey = tmp_path / "hostile.csv"
    tag, location, word = "T" * 500, "L" * 1800, "W" * 20_000
    survey.write_text(
        "Tag,Site,Location,Make,Model,Notes\n"
        f"{tag},Depot\x01\x02,{location},Hikvision,DS-2CD2T86G2-4I,{word}\n"
        f"T2,Depot,Yard {word},Hikvision,DS-2CD2143G2-I,\n",
        encoding="utf-8",
    )
    for jurisdiction in ("uk-public", "us-federal"):
        tender = package(jurisdiction, survey)
        pdf, boq, schedule = tmp_path / "t.pdf", tmp_path / "b.xlsx", tmp_path / "s.xlsx"
        word_file = tmp_path / "t.docx"
        pages = tender_service.write(tender, pdf, boq, docx_path=word_file,
                                     schedule_path=schedule)  # fmt: skip
        assert pages == len(PdfReader(pdf).pages)
        sites = {row[0].value for row in load_workbook(boq).active.iter_rows(min_row=2)}
        assert "Depot" in sites and not any("\x01" in str(s) for s in sites)
        text = " ".join(p.extract_text() for p in PdfReader(pdf).pages)
        assert "DS-2CD2T86G2-4I" in text  # the model number is never split inside the token
