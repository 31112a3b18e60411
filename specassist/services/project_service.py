"""Create projects, import surveys into them, and read back what they hold.

Each function owns its transaction and returns plain dataclasses, never live
ORM objects, so the UI can hold results across threads and after sessions end.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from specassist.catalog.loader import CatalogLoad
from specassist.domain.issues import InputIssue
from specassist.services.catalog_service import check_catalog
from specassist.storage.catalog_store import read_catalog, write_catalog
from specassist.storage.models import ProjectRow
from specassist.storage.project_file import ProjectFile
from specassist.storage.survey_store import StoredCamera, add_import, load_cameras, load_issues
from specassist.survey.importer import SurveyImport, import_survey


@dataclass(frozen=True, slots=True)
class ProjectSummary:
    name: str
    path: Path | None
    catalog_name: str | None
    catalog_version: str | None
    cameras: int
    issues: int


def new_project(
    name: str, path: Path | None = None, catalog: CatalogLoad | None = None
) -> ProjectFile:
    """A new project holding a snapshot of the catalog (the shipped one by default)."""
    catalog = catalog or check_catalog()
    project = ProjectFile.create(name, path)
    with project.transaction() as session:
        write_catalog(session, catalog.catalog)
        row = session.scalars(select(ProjectRow)).one()
        row.catalog_name = catalog.catalog.info.name
        row.catalog_version = catalog.catalog.info.version
        row.rule_set_ids = [r.rule_set_id for r in catalog.catalog.rule_sets if not r.template]
    return project


def open_project(path: Path) -> ProjectFile:
    return ProjectFile.open(path)


def import_into(
    project: ProjectFile,
    survey: Path,
    sheet: str | None = None,
    column_map: dict[str, str] | None = None,
) -> SurveyImport:
    """Import a survey file into the project (in the working copy; save to keep it)."""
    result = import_survey(survey, sheet, column_map)
    project_id = project.project_id()
    with project.transaction() as session:
        add_import(
            session,
            project_id,
            result.file,
            result.detail,
            result.mapping,
            result.cameras,
            result.issues,
            result.skipped_rows,
        )
    return result


def cameras(project: ProjectFile) -> list[StoredCamera]:
    with project.sessions() as session:
        return load_cameras(session, project.project_id())


def issues(project: ProjectFile) -> list[InputIssue]:
    with project.sessions() as session:
        return load_issues(session, project.project_id())


def summary(project: ProjectFile) -> ProjectSummary:
    with project.sessions() as session:
        row = session.scalars(select(ProjectRow)).one()
        project_id = row.id
        count = len(load_cameras(session, project_id))
        return ProjectSummary(
            row.name,
            project.path,
            row.catalog_name,
            row.catalog_version,
            count,
            len(load_issues(session, project_id)),
        )


def catalog_of(project: ProjectFile) -> CatalogLoad | None:
    """The catalog snapshot stored in the project, as analysed."""
    with project.sessions() as session:
        catalog = read_catalog(session)
    return None if catalog is None else CatalogLoad(catalog)


def rule_profile(project: ProjectFile) -> list[str]:
    """The rule sets this project is judged against."""
    with project.sessions() as session:
        return list(session.scalars(select(ProjectRow)).one().rule_set_ids)


def set_rule_profile(project: ProjectFile, rule_set_ids: list[str]) -> None:
    """Choose the project's rule sets; unknown ids are refused so a typo cannot allow a camera."""
    catalog = catalog_of(project)
    known = {r.rule_set_id for r in catalog.catalog.rule_sets} if catalog else set()
    unknown = [r for r in rule_set_ids if r not in known]
    if unknown:
        raise ValueError(f"no rule set {', '.join(repr(u) for u in unknown)} in the catalog")
    with project.transaction() as session:
        session.scalars(select(ProjectRow)).one().rule_set_ids = list(rule_set_ids)
