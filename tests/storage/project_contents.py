"""Read and change what a project holds through storage alone, for the project-file tests.

The fault tests are about the file, not the use cases, so they reach the
tables directly and stay independent of how the services are arranged.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select

from specassist.domain.survey import SurveyCamera
from specassist.storage import survey_store
from specassist.storage.models import ProjectRow, SurveyCameraRow
from specassist.storage.project_file import ProjectFile

CAMERAS_PER_BATCH = 5


def add_cameras(project: ProjectFile, batch: str) -> None:
    """Five cameras, as one survey import would bring."""
    project_id = project.project_id()
    with project.transaction() as session:
        for n in range(CAMERAS_PER_BATCH):
            camera = SurveyCamera(
                n + 2, tag=f"{batch}-{n}", site="Northgate", make="Hikvision",
                model="DS-2CD2143G2-I", notes="above the loading-bay door",
            )  # fmt: skip
            survey_store.add_camera(session, project_id, camera)


def camera_count(project: ProjectFile) -> int:
    with project.sessions() as session:
        return int(session.scalar(select(func.count()).select_from(SurveyCameraRow)) or 0)


def project_name(project: ProjectFile) -> str:
    with project.sessions() as session:
        return str(session.scalars(select(ProjectRow.name)).one())


def settings(project: ProjectFile) -> dict[str, Any]:
    with project.sessions() as session:
        return dict(session.scalars(select(ProjectRow)).one().settings or {})


def update_settings(project: ProjectFile, **values: Any) -> None:
    with project.transaction() as session:
        row = session.scalars(select(ProjectRow)).one()
        row.settings = {**(row.settings or {}), **values}
