"""The tender read back from the PDF: sections, tags, totals, citations, determinism, escaping."""

from __future__ import annotations

import csv
import io
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from specassist.domain.pipeline import Setup
from specassist.domain.pricing import CostSettings
from specassist.domain.project_settings import Layout, TenderSettings
from specassist.domain.rules import Verdict
from specassist.resources import demo_survey
from specassist.services import tender_service
from specassist.services.catalog_service import check_catalog
from specassist.survey.importer import import_survey
from specassist.survey.price_list import import_price_list
from specassist.tender import boq
from specassist.tender.document import Text

DAY = date(2026, 11, 27)


def _text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def _flat(text: str) -> str:
    return " ".join(text.split())


def _tender(tmp_path: Path, survey: Path | None = None, layout: Layout = Layout.CSI,
            prices: Path | None = None) -> tender_service.Tender:  # fmt: skip
    catalog = check_catalog().catalog
    cameras = import_survey(survey or demo_survey()).cameras
    extra = import_price_list(prices).prices if prices else []
    setup = Setup(catalog, None, DAY, costs=CostSettings(price_date=DAY),
                  extra_prices=tuple(extra))  # fmt: skip
    return tender_service.prepare(
        setup, cameras,
        TenderSettings(client="Riverside Constabulary", issue_date=DAY, layout=layout),
    )  # fmt: skip


@pytest.fixture
def price_list(tmp_path: Path) -> Path:
    """A price for every model and mount in the catalog, so the totals are complete whatever
    the matcher picks (prices take part in its ranking, as they do in the app)."""
    catalog = check_catalog().catalog
    parts = [(m.vendor_id, m.model) for m in catalog.models]
    parts += [(a.vendor_id, a.part_number) for a in catalog.accessories]
    path = tmp_path / "prices.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Manufacturer", "Part number", "Price", "Currency", "Valid from"])
        for n, (vendor, part) in enumerate(parts):
            writer.writerow([vendor, part, f"{100 + n * 37}.{n % 10}5", "GBP", "2026-01-01"])
    return path


def test_pdf_says_what_the_costing_and_rules_say(tmp_path: Path, price_list: Path) -> None:
    tender = _tender(tmp_path, prices=price_list)
    assert not tender.costing.missing
    out = tmp_path / "tender.pdf"
    pages = tender_service.write(tender, out)
    text = _text(out)
    flat = _flat(text)
    for title in ("Scope and background", "Compliance requirements", "Performance specification",
                  "Schedule of cameras", "Bill of quantities", "Execution", "Rule sources",
                  "Assumptions", "Cameras that need a site check"):  # fmt: skip
        assert title in flat, title
    excluded = [e.camera.display_tag for e in tender.analysis.outcomes
                if e.verdict is Verdict.EXCLUDED]  # fmt: skip
    assert excluded and all(tag in text.split() for tag in excluded)
    costing = tender.costing
    for amount in (costing.subtotal, costing.tax, costing.total):
        assert f"{amount.amount:,.2f}" in flat
    assert "https://www.acquisition.gov/far/52.204-25" in flat.replace(" ", "").replace(
        "-\n", "-"
    ) or "acquisition.gov/far/52.204" in flat.replace(" ", "")
    assert "hcws386" in flat.replace(" ", "")
    assert "or equivalent" in flat
    fingerprint = tender.document.fingerprint
    reader = PdfReader(out)
    assert len(reader.pages) == pages
    for number, page in enumerate(reader.pages[1:], start=2):
        page_text = page.extract_text()
        assert fingerprint in page_text and f"Page {number} of {pages}" in page_text


def test_same_inputs_give_a_byte_identical_pdf(tmp_path: Path) -> None:
    first, second = tmp_path / "a.pdf", tmp_path / "b.pdf"
    tender_service.write(_tender(tmp_path), first)
    tender_service.write(_tender(tmp_path), second)
    assert first.read_bytes() == second.read_bytes()


def test_user_text_prints_literally(tmp_path: Path) -> None:
    survey = tmp_path / "nasty.csv"
    survey.write_text(
        "Tag,Site,Location,Make,Model\n"
        'X1,<b>x</b> & "y",<font size=40>big</font>,Hikvision,DS-2CD2143G2-I\n',
        encoding="utf-8",
    )
    out = tmp_path / "nasty.pdf"
    tender_service.write(_tender(tmp_path, survey), out)
    flat = _flat(_text(out))
    assert '<b>x</b> & "y"' in flat
    assert "<fontsize=40>big</font>" in flat.replace(" ", "")  # wrapped in its cell


def test_nbs_layout_numbers_clauses_in_work_section_groups(tmp_path: Path) -> None:
    """NBS groups clauses by hundreds: general 100s, products 300s, execution 600s."""
    tender = _tender(tmp_path, layout=Layout.NBS)
    numbers = [s.number for s in tender.document.sections if s.number]
    assert numbers == ["110", "120", "130", "310", "320", "330", "610"]
    out = tmp_path / "nbs.pdf"
    tender_service.write(tender, out)
    assert "110 Scope and background" in _flat(_text(out))


def test_missing_prices_are_listed_not_zero(tmp_path: Path) -> None:
    tender = _tender(tmp_path)
    out = tmp_path / "t.pdf"
    tender_service.write(tender, out)
    flat = _flat(_text(out))
    assert tender.costing.missing
    assert f"{len(tender.costing.missing)} item(s) have no price" in flat
    assert "no price" in flat


def test_boq_xlsx_totals_equal_the_pdf_and_cells_are_neutralised(
    tmp_path: Path, price_list: Path
) -> None:
    tender = _tender(tmp_path, prices=price_list)
    path = tmp_path / "boq.xlsx"
    tender_service.write(tender, tmp_path / "t.pdf", path)
    sheet = load_workbook(path).active
    totals = {row[3].value: row[7].value for row in sheet.iter_rows(min_row=2)
              if row[1].value == "total"}  # fmt: skip
    assert Decimal(str(totals["Total GBP"])) == tender.costing.total.amount
    assert Decimal(str(totals["Subtotal"])) == tender.costing.subtotal.amount
    assert boq.neutralise('=HYPERLINK("x")') == '\'=HYPERLINK("x")'
    assert boq.neutralise("-1") == "'-1" and boq.neutralise("Depot") == "Depot"


def test_boq_csv_neutralises_a_formula_site_name(tmp_path: Path) -> None:
    survey = tmp_path / "formula.csv"
    survey.write_text("Tag,Site,Make,Model\nF1,=cmd|' /C calc'!A0,Hikvision,DS-2CD2143G2-I\n",
                      encoding="utf-8")  # fmt: skip
    path = tmp_path / "boq.csv"
    tender_service.write(_tender(tmp_path, survey), tmp_path / "t.pdf", path)
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"))))
    sites = {row[0] for row in rows[1:] if row[0]}
    assert sites == {"'=cmd|' /C calc'!A0"}


def test_contents_page_lists_sections_with_their_pages(tmp_path: Path) -> None:
    out = tmp_path / "t.pdf"
    tender_service.write(_tender(tmp_path), out)
    reader = PdfReader(out)
    contents = _flat(reader.pages[1].extract_text())
    assert "1.01 Scope and background" in contents
    assert "Appendix C — Cameras that need a site check" in contents
    schedule_page = next(
        n for n, page in enumerate(reader.pages, start=1)
        if "2.02 Schedule of cameras" in page.extract_text() and n > 2
    )  # fmt: skip
    assert "2.02 Schedule of cameras . " in contents or "2.02 Schedule of cameras" in contents
    line = contents.split("2.02 Schedule of cameras", 1)[1].split("2.03", 1)[0]
    assert line.replace(".", "").strip() == str(schedule_page)


def test_every_declared_deviation_is_printed_and_nothing_promises_equal_or_better(
    tmp_path: Path,
) -> None:
    survey = tmp_path / "survey.csv"
    survey.write_text(
        "Cam Ref,Manufacturer,Model No.,Camera Type,Resolution,Lens,Distance to target,Purpose,"
        "Indoor/Outdoor\n"
        "B1,Hikvision,DS-2CD1043G0-I,Bullet,2560x1440,2.8 mm,25,Identify,Outdoor\n"
        "L1,Hikvision,,Dome,,2.8 mm,6,,Indoor\n"
        "F1,Dahua,IPC-HFW5442E-ZE,Bullet,,2.7-13.5 mm,40,,Outdoor\n",
        encoding="utf-8",
    )
    tender = _tender(tmp_path, survey)
    out = tmp_path / "t.pdf"
    tender_service.write(tender, out)
    flat = _flat(_text(out))
    assert "equal or better" not in flat
    assert "Declared deviations" in flat
    deviations = [d for o in tender.analysis.outcomes for d in o.deviations]
    assert deviations
    for d in deviations:
        assert d.requirement in flat and d.severity.value in flat
    assert "beyond every allowed model" in flat
    # printed once, in the schedule; the camera type names its cameras and points there
    performance = next(s for s in tender.document.sections if s.key == "performance")
    notes = [b.text for b in performance.blocks if isinstance(b, Text) and "deviations" in b.text]
    assert notes and all("B1" in n and "schedule of cameras" in n for n in notes)
    assert not any("needs ≥" in n for n in notes)
    # the lens-only camera is on the site-check list, not sized on a guess
    assert "measure the view" in flat and "measure the view on site" in flat
