"""Undoable edits: overrides and on-site camera edits go through a QUndoStack.

Each command changes the project through services and then asks the window
to refresh; undo restores exactly what was there before.
"""

from __future__ import annotations

import copy
from typing import Protocol

from PySide6.QtGui import QUndoCommand

from specassist.domain.survey import SurveyCamera
from specassist.services import project_service
from specassist.storage.project_file import ProjectFile


class Workbench(Protocol):
    """What commands need from the window: the open project and a way to refresh."""

    @property
    def project(self) -> ProjectFile | None: ...

    def after_change(self, select_id: int | None = None) -> None: ...


class OverrideCommand(QUndoCommand):
    def __init__(self, bench: Workbench, camera_id: int, tag: str, model_key: str | None,
                 note: str | None) -> None:  # fmt: skip
        what = f"replacement of {tag}" if model_key else f"clear override of {tag}"
        super().__init__(f"Change {what}" if model_key else what.capitalize())
        self.bench, self.camera_id = bench, camera_id
        self.new = (model_key, note)
        assert bench.project is not None
        previous = project_service.overrides(bench.project).get(camera_id)
        self.old = (previous.model_key, previous.note) if previous else (None, None)

    def _apply(self, key: str | None, note: str | None) -> None:
        project = self.bench.project
        assert project is not None
        if key is None:
            project_service.clear_override(project, self.camera_id)
        else:
            project_service.set_override(project, self.camera_id, key, note)
        self.bench.after_change(self.camera_id)

    def redo(self) -> None:
        self._apply(*self.new)

    def undo(self) -> None:
        self._apply(*self.old)


class EditCameraCommand(QUndoCommand):
    def __init__(self, bench: Workbench, camera_id: int, before: SurveyCamera,
                 after: SurveyCamera) -> None:  # fmt: skip
        super().__init__(f"Edit camera {after.display_tag}")
        self.bench, self.camera_id = bench, camera_id
        self.before, self.after = copy.deepcopy(before), copy.deepcopy(after)

    def _apply(self, camera: SurveyCamera) -> None:
        assert self.bench.project is not None
        project_service.update_camera(self.bench.project, self.camera_id, camera)
        self.bench.after_change(self.camera_id)

    def redo(self) -> None:
        self._apply(self.after)

    def undo(self) -> None:
        self._apply(self.before)


class AddCameraCommand(QUndoCommand):
    """Adds a camera (also used for duplicate); undo deletes it again."""

    def __init__(self, bench: Workbench, camera: SurveyCamera, text: str = "Add camera") -> None:
        super().__init__(f"{text} {camera.display_tag}")
        self.bench, self.camera = bench, copy.deepcopy(camera)
        self.camera_id: int | None = None

    def redo(self) -> None:
        assert self.bench.project is not None
        self.camera_id = project_service.add_camera(self.bench.project, self.camera)
        self.bench.after_change(self.camera_id)

    def undo(self) -> None:
        assert self.bench.project is not None and self.camera_id is not None
        project_service.delete_camera(self.bench.project, self.camera_id)
        self.bench.after_change(None)


class DeleteCameraCommand(QUndoCommand):
    """Deletes a camera; undo puts its survey data back (photos go with the camera)."""

    def __init__(self, bench: Workbench, camera_id: int, camera: SurveyCamera) -> None:
        super().__init__(f"Delete camera {camera.display_tag}")
        self.bench, self.camera_id, self.camera = bench, camera_id, copy.deepcopy(camera)

    def redo(self) -> None:
        assert self.bench.project is not None
        project_service.delete_camera(self.bench.project, self.camera_id)
        self.bench.after_change(None)

    def undo(self) -> None:
        assert self.bench.project is not None
        self.camera_id = project_service.add_camera(self.bench.project, self.camera)
        self.bench.after_change(self.camera_id)
