"""Create and open projects and answer the cheap questions about them.

Each function owns its transaction and returns plain data, never live ORM
objects. Questions the window asks often — the project's name, its counts —
are narrow queries that never read the whole estate, so they are safe on the
GUI thread even for 50,000 cameras.
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, select

from specassist.catalog.loader import CatalogLoad
from specassist.domain.catalog import Catalog
from specassist.domain.issues import InputIssue
from specassist.domain.rules import chosen_rule_sets
from specassist.services.catalog_service import check_catalog
from specassist.storage import working_copy
from specassist.storage.catalog_store import read_catalog, write_catalog
from specassist.storage.models import ImportIssueRow, ProjectRow, SurveyCameraRow
from specassist.storage.project_file import (
    SUFFIX,
    ProjectFile,
    ProjectFileError,
    project_name,
    project_path,
)
from specassist.storage.survey_store import load_issues

Project = ProjectFile
"""An open project: the front ends hold it and hand it back to the services."""

__all__ = ["SUFFIX", "Project", "ProjectFileError", "ProjectSummary", "project_path"]


@dataclass(frozen=True, slots=True)
class ProjectSummary:
    name: str
    path: Path | None
    catalog_name: str | None
    catalog_version: str | None
    cameras: int
    issues: int


def new_project(name: str, path: Path | None = None, catalog: CatalogLoad | None = None) -> Project:
    """A new project holding a snapshot of the catalog (the shipped one by default)."""
    project = ProjectFile.create(name, path)
    _start(project, catalog)
    return project


def _start(project: Project, catalog: CatalogLoad | None) -> None:
    """Put the catalog snapshot and the default rule profile into a newly created project."""
    catalog = catalog or check_catalog()
    with project.transaction() as session:
        write_catalog(session, catalog.catalog)
        row = session.scalars(select(ProjectRow)).one()
        row.catalog_name = catalog.catalog.info.name
        row.catalog_version = catalog.catalog.info.version
        row.rule_set_ids = [r.rule_set_id for r in chosen_rule_sets(catalog.catalog, None)]


def open_project(path: Path) -> Project:
    return ProjectFile.open(path)


def open_unlocked(path: Path) -> Project:
    """Open a file without taking its lock, to read it: an autosave, or a project someone has
    open in the app, read as it was last saved. Never save what this opens."""
    return ProjectFile.open(path, lock=False)


def clean_stale_working_copies() -> list[Path]:
    """Remove the working folders SpecAssist processes that died left in the temporary folder.

    Called at start-up by the app and by commands that open projects; folders of
    processes still running are never touched. Returns the folders removed.
    """
    return working_copy.clean_stale_working_copies()


def open_or_new(path: Path, catalog: CatalogLoad | None = None) -> Project:
    """The project in ``path`` (``.specassist`` added), or a new one there; locked either way.

    Removes the working folders of SpecAssist processes that died first, as the
    app does at start-up, so a headless user's temporary folder does not fill up.
    """
    clean_stale_working_copies()
    path = project_path(path)
    project = ProjectFile.open_or_create(path, project_name(path))
    if project.created:
        try:
            _start(project, catalog)
        except BaseException:
            project.close()
            raise
    return project


def name(project: Project) -> str:
    with project.sessions() as session:
        return str(session.scalars(select(ProjectRow.name)).one())


def summary(project: Project) -> ProjectSummary:
    """Counts by query: no camera is loaded."""
    with project.sessions() as session:
        row = session.scalars(select(ProjectRow)).one()
        cameras = session.scalar(
            select(func.count()).select_from(SurveyCameraRow)
            .where(SurveyCameraRow.project_id == row.id)
        )  # fmt: skip
        issues = session.scalar(select(func.count()).select_from(ImportIssueRow))
        return ProjectSummary(row.name, project.path, row.catalog_name, row.catalog_version,
                              int(cameras or 0), int(issues or 0))  # fmt: skip


def issues(project: Project) -> list[InputIssue]:
    with project.sessions() as session:
        return load_issues(session, project.project_id())


_catalogs: weakref.WeakKeyDictionary[ProjectFile, Catalog] = weakref.WeakKeyDictionary()


def catalog_of(project: Project) -> Catalog:
    """The catalog snapshot stored in the project, read once and kept while it is unchanged.

    Keeping the same object lets the analysis keep its matcher between edits.
    """
    catalog = _catalogs.get(project)
    if catalog is None:
        with project.sessions() as session:
            catalog = read_catalog(session)
        if catalog is None:
            raise ProjectFileError("the project holds no catalog")
        _catalogs[project] = catalog
    return catalog


def catalog_changed(project: Project) -> None:
    """Forget the cached snapshot after prices or catalog rows were written."""
    _catalogs.pop(project, None)


def rule_profile(project: Project) -> list[str]:
    """The rule sets this project is judged against."""
    with project.sessions() as session:
        return list(session.scalars(select(ProjectRow)).one().rule_set_ids)


def set_rule_profile(project: Project, rule_set_ids: list[str]) -> None:
    """Choose the project's rule sets; unknown ids are refused so a typo cannot allow a camera."""
    known = {r.rule_set_id for r in catalog_of(project).rule_sets}
    unknown = [r for r in rule_set_ids if r not in known]
    if unknown:
        raise ValueError(f"no rule set {', '.join(repr(u) for u in unknown)} in the catalog")
    with project.transaction() as session:
        session.scalars(select(ProjectRow)).one().rule_set_ids = list(rule_set_ids)
