"""Replacements a person chose instead of the matcher's first choice, kept per camera id."""

from __future__ import annotations

from specassist.domain.outcome import Override
from specassist.services.projects import Project
from specassist.storage import survey_store

DEFAULT_NOTE = "chosen by the user"


def set_override(project: Project, camera_id: int, override: Override) -> None:
    with project.transaction() as session:
        survey_store.set_override(session, camera_id, override.model_key, override.note)


def clear_override(project: Project, camera_id: int) -> None:
    with project.transaction() as session:
        survey_store.clear_override(session, camera_id)


def override(project: Project, camera_id: int) -> Override | None:
    return overrides(project).get(camera_id)


def overrides(project: Project) -> dict[int, Override]:
    with project.sessions() as session:
        stored = survey_store.load_overrides(session, project.project_id())
    return {
        camera_id: Override(item.model_key, item.note or DEFAULT_NOTE)
        for camera_id, item in stored.items()
    }
