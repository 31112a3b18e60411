"""Table cells written as raw text operators read back exactly, whatever their characters."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from pypdf import PdfReader

from specassist.domain.project_settings import Layout
from specassist.resources import fonts_dir
from specassist.tender import pdf
from specassist.tender.document import Section, Table, TenderDocument, Text, nobreak

CELLS = (
    ("ASCII (with parentheses) and a back\\slash", "unbalanced ) paren ("),
    ("Ünïcode → §889 — “quoted”", "Łódź Straße"),
    (nobreak("DS-2CD2T86G2-4IZSULTRA-LONG-9"), "a token condensed to its column"),
)


def _document(rows: tuple[tuple[str, str], ...]) -> TenderDocument:
    table = Table(("Written", "Beside"), rows, widths=(1.0, 3.0))
    return TenderDocument(
        title="Cells", project="Cell text", client="", issuer="", revision="A",
        issue_date=date(2026, 11, 27), sites=(), fingerprint="0" * 12, layout=Layout.NBS,
        section_number="28 23 00",
        sections=(Section("cells", "Cells", blocks=(Text("Table follows."), table)),),
    )  # fmt: skip


def test_every_cell_reads_back_as_written(tmp_path: Path) -> None:
    out = tmp_path / "cells.pdf"
    pdf.render(_document(CELLS), out, fonts_dir())
    text = " ".join(page.extract_text() for page in PdfReader(out).pages)
    flat = " ".join(text.split())
    for _, beside in CELLS:
        assert " ".join(beside.split()) in flat
    assert "ASCII (with parentheses) and a" in flat and "back\\slash" in flat
    assert "Ünïcode → §889 — “quoted”" in flat
    assert "Łódź Straße" in flat
    assert "DS-2CD2T86G2-4IZSULTRA-LONG-9" in flat.replace(" ", "")


def test_the_same_document_gives_the_same_bytes(tmp_path: Path) -> None:
    rows = CELLS * 400  # several pages: fonts, subsets and scales carried across pages
    first, second = tmp_path / "1.pdf", tmp_path / "2.pdf"
    pdf.render(_document(rows), first, fonts_dir())
    pdf.render(_document(rows), second, fonts_dir())
    assert first.read_bytes() == second.read_bytes()
    reader = PdfReader(first)
    assert len(reader.pages) > 5
    last = reader.pages[-2].extract_text()
    assert "Łódź Straße" in last and "ASCII (with parentheses)" in last
