"""The tender from an analysis: costing, the document, and the files written from it.

The command line (from a survey file) and the desktop app (from its project)
both come here, so both produce the same document from the same inputs.
``progress`` reports each stage for a progress dialog; it never blocks.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from specassist.domain.costing import Costing, cost_outcomes
from specassist.domain.pipeline import Analysis, Progress, Setup, analyse_cameras
from specassist.domain.project_settings import TenderSettings
from specassist.domain.rules import chosen_rule_sets
from specassist.domain.survey import SurveyCamera
from specassist.resources import fonts_dir
from specassist.tender import clauses
from specassist.tender.clauses import Profile
from specassist.tender.content import build_document
from specassist.tender.document import TenderDocument

__all__ = ["Profile", "Tender", "jurisdiction_profile"]


@dataclass(frozen=True)
class Tender:
    document: TenderDocument
    costing: Costing
    analysis: Analysis
    vendor_names: dict[str, str] = field(default_factory=dict)
    """Display names by vendor id, for the estimate's item column."""


def _quiet(_stage: str, _fraction: float) -> None:
    pass


def jurisdiction_profile(name_or_path: str | Path) -> Profile:
    """A jurisdiction's defaults (currency, tax, layout, page) from its clause set, or from a
    user's edited clause file; raises ``ValueError`` in the user's words."""
    return clauses.load(name_or_path).profile


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
    catalog = analysis.catalog
    names = catalog.vendor_names()
    rule_sets = chosen_rule_sets(catalog, analysis.rule_set_ids)
    document = build_document(settings, analysis.outcomes, costing, rule_sets, catalog.info,
                              analysis.as_of, names)  # fmt: skip
    return Tender(document, costing, analysis, names)


def write(
    tender: Tender,
    pdf_path: Path,
    boq_path: Path | None = None,
    progress: Progress = _quiet,
    docx_path: Path | None = None,
    schedule_path: Path | None = None,
) -> int:
    """Write the PDF, and if asked the DOCX, the bidders' pricing schedule (.xlsx) and the
    client's estimate (BoQ as .xlsx or .csv); returns the PDF's page count."""
    # reportlab, python-docx and openpyxl load here, on first export, not at start-up.
    from specassist.tender import boq, pdf

    progress("Drawing the PDF", 0.6)
    pages = pdf.render(tender.document, pdf_path, fonts_dir())
    if docx_path is not None:
        from specassist.tender import docx

        progress("Writing the DOCX", 0.8)
        docx.render(tender.document, docx_path)
    if schedule_path is not None:
        from specassist.tender import pricing_schedule

        progress("Writing the pricing schedule", 0.9)
        pricing_schedule.write(tender.document, schedule_path)
    if boq_path is not None:
        progress("Writing the bill of quantities", 0.95)
        names = tender.vendor_names
        if boq_path.suffix.lower() == ".csv":
            boq.write_csv(tender.costing, boq_path, names)
        else:
            boq.write_xlsx(tender.costing, boq_path, names, tender.document.issue_date)
    progress("Done", 1.0)
    return pages
