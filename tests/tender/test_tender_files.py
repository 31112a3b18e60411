"""Every output of one tender written together, or none: names, progress, cancel, failures."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import docx
import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from specassist.domain.pipeline import Cancelled
from specassist.domain.project_settings import TenderOutput
from specassist.services import tender_service
from specassist.services.tender_files import STAGING_PREFIX, TenderFiles, named


def test_names_follow_the_choices_and_the_schedule_needs_a_package(tmp_path: Path) -> None:
    every = set(TenderOutput)
    package = named(tmp_path, "Depot tender", every, package=True)
    assert [p.name for p in package.paths()] == [
        "Depot tender.pdf", "Depot tender.docx", "Depot tender-pricing-schedule.xlsx",
        "Depot tender-boq.xlsx",
    ]  # fmt: skip
    assert named(tmp_path, "Depot tender", every, package=False).schedule is None
    assert named(tmp_path, "t", set(), package=True).paths() == (tmp_path / "t.pdf",)


def test_one_call_writes_every_output_with_progress_for_each(
    tmp_path: Path, us: tender_service.Tender
) -> None:
    files = named(tmp_path, "us", set(TenderOutput), package=True)
    seen: list[str] = []
    written = tender_service.write_files(us, files, lambda text, _f: seen.append(text))
    assert written.files == files.paths() and written.pages > 5
    steps = [text for text in seen if " of 4)" in text]
    assert [s.split(" (")[0] for s in steps] == [
        "Drawing the PDF", "Writing the DOCX", "Writing the pricing schedule",
        "Writing the bill of quantities",
    ]  # fmt: skip
    assert len(PdfReader(files.pdf).pages) == written.pages
    assert "offeror" in " ".join(p.text for p in docx.Document(str(files.docx)).paragraphs)
    assert load_workbook(files.schedule).active.title == "Pricing schedule"  # type: ignore[union-attr]
    assert load_workbook(files.estimate).active.title == "Bill of quantities"  # type: ignore[union-attr]
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(p.name for p in files.paths())


def test_a_cancel_between_outputs_leaves_the_folder_as_it_was(
    tmp_path: Path, us: tender_service.Tender
) -> None:
    files = named(tmp_path, "us", set(TenderOutput), package=True)
    files.pdf.write_bytes(b"the previous export")
    seen: list[str] = []

    def cancelled() -> bool:  # the user cancels while the DOCX is being written
        return any(text.startswith("Writing the DOCX") for text in seen)

    with pytest.raises(Cancelled):
        tender_service.write_files(us, files, lambda text, _f: seen.append(text), cancelled)
    assert any(text.startswith("Drawing the PDF") for text in seen)  # the PDF was written
    assert [p.name for p in tmp_path.iterdir()] == ["us.pdf"]  # …but never put in place
    assert files.pdf.read_bytes() == b"the previous export"


def test_a_failure_names_the_file_asked_for_and_writes_nothing(
    tmp_path: Path, uk: tender_service.Tender
) -> None:
    blocked = tmp_path / "t-boq.xlsx"
    blocked.mkdir()  # a folder where the estimate should go
    files = TenderFiles(tmp_path / "t.pdf", docx=tmp_path / "t.docx", estimate=blocked)
    with pytest.raises(OSError, match=r"t-boq\.xlsx"):
        tender_service.write_files(uk, files)
    assert [p.name for p in tmp_path.iterdir()] == ["t-boq.xlsx"]

    schedule_only = TenderFiles(tmp_path / "t.pdf", schedule=tmp_path / "s.xlsx")
    not_a_package = replace(uk, document=replace(uk.document, pricing=()))
    with pytest.raises(ValueError, match="build it as a tender package"):
        tender_service.write_files(not_a_package, schedule_only)  # fails on the second output
    assert not (tmp_path / "t.pdf").exists()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(STAGING_PREFIX)]
