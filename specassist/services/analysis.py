"""Analyse an open project: its cameras, rule profile, overrides and prices through the pipeline.

The desktop app runs this off the GUI thread after every change. Given the
previous analysis, only cameras whose survey data or override changed are
worked out again, and the matcher is kept while the catalog, the profile and
the prices are unchanged.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from specassist.domain.costing import Costing, cost_outcomes
from specassist.domain.pipeline import Analysis, Cancelled, Progress, Setup
from specassist.domain.pipeline import analyse as run_pipeline
from specassist.domain.project_settings import TenderSettings
from specassist.domain.requirements import Options
from specassist.domain.survey import SurveyedCamera
from specassist.domain.system_plan import SystemPlan
from specassist.services import (
    capture,
    overrides,
    plan_optics,
    project_settings,
    projects,
    system_service,
)
from specassist.services.projects import Project
from specassist.services.tender_files import TenderFiles, Written

if TYPE_CHECKING:
    from specassist.services.tender_service import Tender


def _quiet(_stage: str, _fraction: float) -> None:
    pass


def _never() -> bool:
    return False


def setup_of(project: Project, as_of: date | None = None, options: Options | None = None) -> Setup:
    """What decides the project's verdicts and offers: its catalog, profile (with the offer-only
    rule sets it applies to installed equipment) and cost settings."""
    as_of = as_of or date.today()
    return Setup(
        projects.catalog_of(project),
        tuple(projects.rule_profile(project)),
        as_of,
        options or project_settings.matching_options(project),
        project_settings.cost_settings(project, as_of),
        installed_rule_sets=project_settings.installed_rule_sets(project),
    )


def analyse(
    project: Project,
    previous: Analysis | None = None,
    progress: Progress = _quiet,
    cancelled: Callable[[], bool] = _never,
    cameras: list[SurveyedCamera] | None = None,
    as_of: date | None = None,
) -> Analysis:
    """Every camera's outcome under the project's setup (``cameras`` when already read;
    ``as_of`` today unless given)."""
    progress("Reading the survey", 0.0)
    setup = setup_of(project, as_of)
    found = cameras if cameras is not None else capture.cameras(project)
    return run_pipeline(setup, found, overrides.overrides(project), progress, cancelled, previous)


def costs(analysis: Analysis, system: SystemPlan | None = None) -> Costing:
    """The running costing for the Costs tab: the same items and price book as the tender,
    with the recorders, licences, switches and other devices of ``system`` when given."""
    if system is not None:
        return system_service.costs(analysis, system)
    return cost_outcomes(analysis.outcomes, analysis.engines.prices)


def export_tender(
    project: Project,
    analysis: Analysis,
    files: TenderFiles,
    progress: Progress = _quiet,
    cancelled: Callable[[], bool] = _never,
) -> Written:
    """Write every file in ``files`` from one tender of the analysis (overrides included, the
    project's plans in an appendix, its tender details and export choices), all or none:
    ``cancelled`` is asked between outputs, and a cancel leaves the folder as it was.

    The tender's modules (clause files, renderers) load here, when a tender is
    written: the app's window imports this module before its first paint."""
    from specassist.services import tender_service

    tender = project_tender(project, analysis, progress=progress)
    if cancelled():
        raise Cancelled()
    return tender_service.write_files(tender, files, progress, cancelled)


def project_tender(
    project: Project,
    analysis: Analysis,
    settings: TenderSettings | None = None,
    progress: Progress = _quiet,
) -> Tender:
    """The project's tender (its tender details unless ``settings`` are given), with its
    recorders and network when it has system settings, and its plans in an appendix."""
    from specassist.services import plan_service, tender_service

    settings = settings or project_settings.tender_settings(project, analysis.as_of)
    system = system_service.project_plan(project, analysis)
    sheets = plan_service.plan_sheets(project, plan_optics.plan_cameras(analysis), settings.units)
    issues = projects.issues(project)
    return tender_service.from_analysis(analysis, settings, progress, system, sheets, issues)
