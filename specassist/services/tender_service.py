"""The tender from an analysis: costing, the document, and the files written from it.

The command line (from a survey file) and the desktop app (from its project)
both come here, so both produce the same document from the same inputs.
``progress`` reports each stage for a progress dialog; it never blocks.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from specassist.domain.costing import Costing, cost_outcomes
from specassist.domain.pipeline import Analysis, Progress, Setup, analyse_cameras
from specassist.domain.project_settings import TenderSettings
from specassist.domain.rules import chosen_rule_sets
from specassist.domain.survey import SurveyCamera
from specassist.resources import fonts_dir
from specassist.tender.content import build_document
from specassist.tender.document import TenderDocument


@dataclass(frozen=True)
class Tender:
    document: TenderDocument
    costing: Costing
    analysis: Analysis


def _quiet(_stage: str, _fraction: float) -> None:
    pass


def prepare(
    setup: Setup,
    cameras: list[SurveyCamera],
    settings: TenderSettings | None = None,
    progress: Progress = _quiet,
) -> Tender:
    """Everything the tender says about a survey file, without writing a file."""
    progress("Identifying and matching cameras", 0.1)
    analysis = analyse_cameras(setup, cameras)
    return from_analysis(analysis, settings or TenderSettings(issue_date=setup.as_of), progress)


def from_analysis(
    analysis: Analysis, settings: TenderSettings, progress: Progress = _quiet
) -> Tender:
    progress("Costing", 0.5)
    costing = cost_outcomes(analysis.outcomes, analysis.engines.prices)
    progress("Writing the specification", 0.6)
    rule_sets = chosen_rule_sets(analysis.catalog, analysis.rule_set_ids)
    document = build_document(settings, analysis.outcomes, costing, rule_sets,
                              analysis.catalog.info, analysis.as_of)  # fmt: skip
    return Tender(document, costing, analysis)


def write(
    tender: Tender,
    pdf_path: Path,
    boq_path: Path | None = None,
    progress: Progress = _quiet,
) -> int:
    """Write the PDF (and the BoQ as .xlsx or .csv); returns the page count."""
    # reportlab and openpyxl load here, on first export, not when the app starts.
    from specassist.tender import boq, pdf

    progress("Drawing the PDF", 0.7)
    pages = pdf.render(tender.document, pdf_path, fonts_dir())
    if boq_path is not None:
        progress("Writing the bill of quantities", 0.95)
        if boq_path.suffix.lower() == ".csv":
            boq.write_csv(tender.costing, boq_path)
        else:
            boq.write_xlsx(tender.costing, boq_path)
    progress("Done", 1.0)
    return pages
