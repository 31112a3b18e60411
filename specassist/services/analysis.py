"""Analyse an open project: its cameras, rule profile, overrides and prices through the pipeline.

The desktop app runs this off the GUI thread after every change. Given the
previous analysis, only cameras whose survey data or override changed are
worked out again, and the matcher is kept while the catalog, the profile and
the prices are unchanged.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from specassist.domain.costing import Costing, cost_outcomes
from specassist.domain.pipeline import Analysis, Progress, Setup
from specassist.domain.pipeline import analyse as run_pipeline
from specassist.domain.requirements import Options
from specassist.domain.survey import SurveyedCamera
from specassist.services import capture, overrides, project_settings, projects, tender_service
from specassist.services.projects import Project


def _quiet(_stage: str, _fraction: float) -> None:
    pass


def _never() -> bool:
    return False


def setup_of(project: Project, as_of: date | None = None, options: Options | None = None) -> Setup:
    """What decides the project's verdicts and offers: its catalog, profile and cost settings."""
    as_of = as_of or date.today()
    return Setup(
        projects.catalog_of(project),
        tuple(projects.rule_profile(project)),
        as_of,
        options or project_settings.matching_options(project),
        project_settings.cost_settings(project, as_of),
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


def costs(analysis: Analysis) -> Costing:
    """The running costing for the Costs tab: the same items and price book as the tender."""
    return cost_outcomes(analysis.outcomes, analysis.engines.prices)


def export_tender(
    project: Project,
    analysis: Analysis,
    pdf_path: Path,
    boq_path: Path | None = None,
    progress: Progress = _quiet,
) -> int:
    """Write the tender PDF (and BoQ) from an analysis, overrides included; returns pages."""
    settings = project_settings.tender_settings(project, analysis.as_of)
    tender = tender_service.from_analysis(analysis, settings, progress)
    return tender_service.write(tender, pdf_path, boq_path, progress)
