"""The tender from an analysis: costing, the document, and the files written from it.

The command line (from a survey file) and the desktop app (from its project)
both come here, so both produce the same document from the same inputs.
``progress`` reports each stage for a progress dialog; it never blocks.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from specassist.domain.costing import Costing, cost_outcomes
from specassist.domain.issues import InputIssue
from specassist.domain.pipeline import Analysis, Progress, Setup, analyse_cameras
from specassist.domain.project_settings import TenderSettings
from specassist.domain.rules import chosen_rule_sets
from specassist.domain.survey import SurveyCamera
from specassist.domain.system_costing import cost_with_system
from specassist.domain.system_plan import SystemPlan, plan_analysis
from specassist.domain.system_settings import SystemSettings
from specassist.resources import fonts_dir
from specassist.tender import clauses
from specassist.tender.clauses import Profile
from specassist.tender.content import build_document
from specassist.tender.document import TenderDocument
from specassist.tender.plan_content import PlanSheet

__all__ = ["Profile", "Tender", "jurisdiction_profile"]


@dataclass(frozen=True)
class Tender:
    document: TenderDocument
    costing: Costing
    analysis: Analysis
    vendor_names: dict[str, str] = field(default_factory=dict)
    """Display names by vendor id, for the estimate's item column."""
    system: SystemPlan | None = None
    plans: int = 0
    """Site plans drawn in the appendix."""


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
    system: SystemSettings | None = None,
    survey_issues: Sequence[InputIssue] | None = None,
) -> Tender:
    """Everything the tender says about a survey file, without writing a file. With
    ``system`` (the recording, network and phasing settings) the recorders, network, other
    devices and phases are planned, specified and costed too; ``survey_issues`` (the file's
    reading issues) are listed in an appendix with any repeated tags."""
    progress("Identifying and matching cameras", 0.1)
    analysis = analyse_cameras(setup, cameras)
    plan = None
    if system is not None:
        progress("Sizing recorders, licences and switches", 0.4)
        plan = plan_analysis(analysis, system)
    settings = settings or TenderSettings(issue_date=setup.as_of)
    return from_analysis(analysis, settings, progress, plan, survey_issues=survey_issues)


def from_analysis(
    analysis: Analysis,
    settings: TenderSettings,
    progress: Progress = _quiet,
    system: SystemPlan | None = None,
    plans: Sequence[PlanSheet] = (),
    survey_issues: Sequence[InputIssue] | None = None,
) -> Tender:
    """The tender of an analysis; with ``system``, its recorders, network, other devices and
    phases are specified, costed and scheduled too; ``plans`` (``plan_service.plan_sheets``)
    are drawn in an appendix."""
    progress("Costing", 0.5)
    book = analysis.engines.prices
    if system is None:
        costing = cost_outcomes(analysis.outcomes, book)
    else:
        costing = cost_with_system(analysis.outcomes, system, book)
    progress("Writing the specification", 0.6)
    catalog = analysis.catalog
    names = catalog.vendor_names()
    rule_sets = chosen_rule_sets(catalog, analysis.rule_set_ids)
    document = build_document(settings, analysis.outcomes, costing, rule_sets, catalog.info,
                              analysis.as_of, names, system, plans, survey_issues)  # fmt: skip
    return Tender(document, costing, analysis, names, system, len(plans))


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
        docx.render(tender.document, docx_path, fonts_dir())
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
