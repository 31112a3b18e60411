"""The tender from an analysis: costing, the document, and the files written from it.

The command line (from a survey file) and the desktop app (from its project)
both come here, so both produce the same document from the same inputs.
``progress`` reports each stage for a progress dialog; it never blocks.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from specassist.domain.costing import Costing, cost_outcomes
from specassist.domain.issues import InputIssue
from specassist.domain.pipeline import Analysis, Cancelled, Progress, Setup, analyse_cameras
from specassist.domain.project_settings import TenderSettings
from specassist.domain.rules import chosen_rule_sets
from specassist.domain.survey import SurveyCamera
from specassist.domain.system_costing import cost_with_system
from specassist.domain.system_plan import SystemPlan, plan_analysis
from specassist.domain.system_settings import SystemSettings
from specassist.resources import fonts_dir
from specassist.services.tender_files import Staging, TenderFiles, Written
from specassist.tender import clauses
from specassist.tender.clauses import Profile
from specassist.tender.content import build_document
from specassist.tender.document import TenderDocument
from specassist.tender.plan_content import PlanSheet

__all__ = ["Profile", "Tender", "TenderFiles", "Written", "jurisdiction_profile"]


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


def _never() -> bool:
    return False


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
    files = TenderFiles(pdf_path, docx_path, schedule_path, boq_path)
    return write_files(tender, files, progress).pages


def write_files(
    tender: Tender,
    files: TenderFiles,
    progress: Progress = _quiet,
    cancelled: Callable[[], bool] = _never,
) -> Written:
    """Write every output in ``files`` from the one prepared tender, all or none.

    Each output is reported to ``progress`` as it starts, and ``cancelled`` is asked
    before each and before they are moved into place: a cancel (``Cancelled``) or a
    failure leaves the folder as it was (``tender_files.Staging``). An ``OSError``
    names the file the user asked for, not the hidden one being written.
    """
    steps = _steps(tender, files)
    pages = 0
    with Staging([target for _, target, _ in steps]) as staging:
        for number, (what, target, render) in enumerate(steps):
            if cancelled():
                raise Cancelled()
            fraction = 0.6 + 0.4 * number / len(steps)
            progress(f"{what} ({number + 1} of {len(steps)}): {target.name}", fraction)
            try:
                pages = render(staging.path(target)) or pages
            except OSError as exc:
                raise OSError(exc.errno, exc.strerror or str(exc), str(target)) from exc
        if cancelled():
            raise Cancelled()
        staging.commit()
    progress("Done", 1.0)
    return Written(files.paths(), pages)


Render = Callable[[Path], int | None]


def _steps(tender: Tender, files: TenderFiles) -> list[tuple[str, Path, Render]]:
    """(what, target, how) per chosen output, the PDF first. reportlab, python-docx and
    openpyxl load here, on first export, not at start-up."""
    from specassist.tender import pdf

    document = tender.document
    steps: list[tuple[str, Path, Render]] = [
        ("Drawing the PDF", files.pdf, lambda path: pdf.render(document, path, fonts_dir()))
    ]
    if files.docx is not None:
        from specassist.tender import docx

        steps.append(("Writing the DOCX", files.docx,
                      lambda path: docx.render(document, path, fonts_dir())))  # fmt: skip
    if files.schedule is not None:
        from specassist.tender import pricing_schedule

        steps.append(("Writing the pricing schedule", files.schedule,
                      lambda path: pricing_schedule.write(document, path)))  # fmt: skip
    if files.estimate is not None:
        steps.append(("Writing the bill of quantities", files.estimate,
                      lambda path: _write_estimate(tender, path)))  # fmt: skip
    return steps


def _write_estimate(tender: Tender, path: Path) -> None:
    from specassist.tender import boq

    if path.suffix.lower() == ".csv":
        boq.write_csv(tender.costing, path, tender.vendor_names)
    else:
        boq.write_xlsx(tender.costing, path, tender.vendor_names, tender.document.issue_date)
