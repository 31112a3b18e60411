"""The tender package read back from its PDF and DOCX: parts, numbers, wording per jurisdiction."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from pypdf import PdfReader

from specassist.services import tender_service
from specassist.services.catalog_service import check_catalog
from specassist.tender.document import PackagePart, Table, TenderDocument, Text
from tests.tender.conftest import DAY, package


def _pdf_pages(path: Path) -> list[str]:
    return [" ".join(page.extract_text().split()) for page in PdfReader(path).pages]


def _headings(path: Path) -> list[str]:
    return [p.text for p in docx.Document(str(path)).paragraphs
            if p.style is not None and p.style.name.startswith("Heading")]  # fmt: skip


def _expected_headings(document: TenderDocument) -> list[str]:
    out, part = ["Contents"], None
    for section in document.sections:
        if section.package_part is not part:
            part = section.package_part
            if document.part_title(part):
                out.append(document.part_title(part))
        out.append(f"{section.number} {section.title}".strip())
    return out


@pytest.mark.parametrize("jurisdiction", ["uk-public", "us-federal", "private"])
def test_pdf_and_docx_have_the_same_sections_and_numbers(tmp_path: Path, jurisdiction: str) -> None:
    tender = package(jurisdiction)
    pdf, word = tmp_path / "t.pdf", tmp_path / "t.docx"
    tender_service.write(tender, pdf, docx_path=word)
    expected = _expected_headings(tender.document)
    assert _headings(word) == expected
    text = " ".join(_pdf_pages(pdf))
    for heading in expected:
        assert heading in text, heading
    parts = {s.package_part for s in tender.document.sections}
    assert parts == set(PackagePart)
    keys = {s.key for s in tender.document.sections}
    assert {"timetable", "evaluation", "conditions", "warranty", "accreditation",
            "cybersecurity", "data_protection", "site_constraints", "testing", "acceptance",
            "form_of_tender", "attestation", "deviation_matrix", "pricing_schedule",
            "acceptance_certificate", "performance", "schedule"} <= keys  # fmt: skip
    assert "boq" not in keys  # the client's estimate is not issued to bidders


def test_us_package_is_letter_us_dated_with_far_reporting_in_one_business_day(
    tmp_path: Path, us: tender_service.Tender
) -> None:
    pdf, word = tmp_path / "us.pdf", tmp_path / "us.docx"
    tender_service.write(us, pdf, docx_path=word)
    reader = PdfReader(pdf)
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)
    text = " ".join(_pdf_pages(pdf))
    assert "within one business day" in text and "52.204-25(d)" in text
    assert "52.204-24" in text and "52.204-26" in text
    assert "5 working days" not in text
    assert "November 27, 2026" in text and "VAT" not in text
    assert "offeror" in text and "licens" in text
    body = "\n".join(p.text for p in docx.Document(str(word)).paragraphs)
    assert "within one business day" in body
    section = docx.Document(str(word)).sections[0]
    assert round(section.page_width.mm) == 216 and round(section.page_height.mm) == 279


def test_uk_package_is_a4_uk_dated_with_uk_instruments(
    tmp_path: Path, uk: tender_service.Tender
) -> None:
    pdf = tmp_path / "uk.pdf"
    tender_service.write(uk, pdf)
    box = PdfReader(pdf).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)
    text = " ".join(_pdf_pages(pdf))
    for phrase in ("27 November 2026", "Procurement Act 2023", "NSI Gold", "SSAIB",
                   "Surveillance Camera Code", "data protection impact assessment",
                   "NEC4", "70%", "15%", "Social value"):  # fmt: skip
        assert phrase in text, phrase
    assert "one business day" not in text


def test_vendors_print_by_name_never_as_vendor_part_codes(uk: tender_service.Tender) -> None:
    cells = []
    for section in uk.document.sections:
        for block in section.blocks:
            if isinstance(block, Table):
                cells += [cell for row in block.rows for cell in row]
            elif isinstance(block, Text):
                cells.append(block.text)
    text = " ".join(cells)
    vendors = {m.vendor_id: m for m in check_catalog().catalog.vendors}
    assert any(v.name in text for v in vendors.values() if v.name != v.vendor_id)
    for vendor_id in vendors:
        assert f"{vendor_id}:" not in text


def test_weights_are_configurable_and_must_total_100() -> None:
    chosen = package("uk-public", weights=(("price", 60), ("quality", 30), ("social_value", 10)))
    table = next(b for b in chosen.document.section("evaluation").blocks if isinstance(b, Table))
    assert ("Price", "60%") in table.rows and ("Social value", "10%") in table.rows
    with pytest.raises(ValueError, match="not 100%"):
        package("uk-public", weights=(("price", 60), ("quality", 30)))


def test_site_constraints_come_from_the_survey_notes(tmp_path: Path) -> None:
    survey = tmp_path / "notes.csv"
    survey.write_text(
        "Tag,Site,Location,Make,Model,Notes\n"
        "P1,Leisure Centre,Pool hall,Hikvision,DS-2CD2143G2-I,humid; ceiling has asbestos tiles\n"
        "P2,Leisure Centre,Office,Hikvision,DS-2CD2143G2-I,\n",
        encoding="utf-8",
    )
    section = package("uk-public", survey).document.section("site_constraints")
    text = " ".join(b.text for b in section.blocks if isinstance(b, Text))
    assert "Asbestos" in text and "Humid or corrosive locations" in text
    assert "Leisure Centre P1" in text
    assert "Custody suites" not in text


def test_headings_stay_with_what_follows(tmp_path: Path, uk: tender_service.Tender) -> None:
    """No heading ends a page: the first words of each section are on its heading's page."""
    pdf = tmp_path / "uk.pdf"
    tender_service.write(uk, pdf)
    pages = _pdf_pages(pdf)[2:]
    for section in uk.document.sections:
        first = section.blocks[0] if section.blocks else None
        if not isinstance(first, Text):
            continue
        heading = f"{section.number} {section.title}".strip()
        page = next(p for p in pages if heading in p)
        assert " ".join(first.text.split()[:3]) in page, heading


def test_the_specification_alone_keeps_its_estimate_and_gets_the_declaration(
    tmp_path: Path,
) -> None:
    alone = package("us-federal", package=False)
    keys = [s.key for s in alone.document.sections]
    assert "boq" in keys and "attestation" in keys and "timetable" not in keys
    assert alone.document.issue_date == DAY
