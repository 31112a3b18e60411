"""The system plan of a project or a survey: recorders, licences, switches, other devices and
phases, and the costing that includes them.

Front ends come here, never to the domain modules that build the plan, so the app's System
tab, the Costs tab, the command line and the tender all read one plan built one way.
"""

from __future__ import annotations

from typing import Any

from specassist.domain.costing import Costing
from specassist.domain.pipeline import Analysis
from specassist.domain.system_costing import cost_with_system
from specassist.domain.system_plan import SystemPlan, plan_analysis
from specassist.domain.system_settings import SystemSettings
from specassist.services import project_settings
from specassist.services.projects import Project


def settings(project: Project) -> SystemSettings:
    return project_settings.system_settings(project)


def set_settings(project: Project, values: dict[str, Any]) -> SystemSettings:
    """Store changed settings (``system_values.system_values`` keys); ``ValueError`` in
    words when a value does not read, and then nothing is stored."""
    return project_settings.set_system_settings(project, values)


def plan(analysis: Analysis, chosen: SystemSettings | None = None) -> SystemPlan:
    """The plan for an analysis under ``chosen`` settings (the documented defaults if None)."""
    return plan_analysis(analysis, chosen or SystemSettings())


def project_plan(project: Project, analysis: Analysis) -> SystemPlan:
    """The plan of an open project's analysis under the project's own settings."""
    return plan(analysis, settings(project))


def costs(analysis: Analysis, system: SystemPlan) -> Costing:
    """The bill of quantities with the cameras and the rest of the system, by phase and site."""
    return cost_with_system(analysis.outcomes, system, analysis.engines.prices)
