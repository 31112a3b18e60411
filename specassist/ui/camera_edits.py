"""Edits to the selected camera: add, edit, duplicate, delete, choose its replacement, photos.

Each edit is one command on the window's undo stack; the dialogs only collect
what the user typed or picked.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog

from specassist.domain.catalog import CameraModel
from specassist.domain.outcome import Override
from specassist.domain.survey import SurveyCamera
from specassist.services import capture
from specassist.services.overrides import DEFAULT_NOTE
from specassist.ui.dialogs.camera_dialog import CameraDialog
from specassist.ui.dialogs.override_dialog import OverrideDialog
from specassist.ui.undo import (
    AddCameraCommand,
    DeleteCameraCommand,
    EditCameraCommand,
    OverrideCommand,
)

if TYPE_CHECKING:
    from specassist.ui.main_window import MainWindow

PHOTO_FILTER = "Images (*.jpg *.jpeg *.png *.heic *.webp)"


class CameraEdits:
    def __init__(self, window: MainWindow) -> None:
        self.window = window

    def _tag(self, camera_id: int) -> str:
        model = self.window.survey_model
        row = model.row_of(camera_id)
        return model.camera_at(row).camera.display_tag if row is not None else "?"

    # ------------------------------------------------------------ replacements

    def use_offer(self, camera_id: int, model_key: str, note: str | None = None) -> None:
        window = self.window
        result = window.analysis.by_id(camera_id) if window.analysis else None
        first = result.match.choice if result and result.match else None
        if first is not None and first.model.key == model_key and result and not result.override:
            return  # already the first choice
        chosen = Override(model_key, note or "alternate chosen by the user")
        window.undo_stack.push(OverrideCommand(window, camera_id, self._tag(camera_id), chosen))

    def clear_override(self, camera_id: int) -> None:
        window = self.window
        window.undo_stack.push(OverrideCommand(window, camera_id, self._tag(camera_id), None))

    def choose_other_model(self, camera_id: int | None) -> None:
        window = self.window
        camera_id = camera_id if camera_id is not None else window.selected_id()
        if camera_id is None or window.analysis is None:
            return
        allowed: list[CameraModel] = window.analysis.matcher.allowed_models()
        dialog = OverrideDialog(allowed, window, window.vendor_names)
        if dialog.exec() and (chosen := dialog.chosen()) is not None:
            key, note = chosen
            self.use_offer(camera_id, key, note or DEFAULT_NOTE)

    # ------------------------------------------------------------ cameras

    def add_camera(self) -> None:
        window = self.window
        if window.project is None:
            return
        dialog = CameraDialog(None, window.units, window, window.survey_model.tags())
        if dialog.exec() and dialog.camera is not None:
            window.undo_stack.push(AddCameraCommand(window, dialog.camera))

    def _selected(self) -> tuple[int, SurveyCamera] | None:
        """The selected camera's id and stored values (None: nothing selected or open)."""
        window = self.window
        camera_id = window.selected_id()
        if camera_id is None or window.project is None:
            return None
        camera = capture.camera(window.project, camera_id)
        assert camera is not None
        return camera_id, camera

    def edit_camera(self) -> None:
        window = self.window
        if (selected := self._selected()) is None:
            return
        camera_id, before = selected
        dialog = CameraDialog(before, window.units, window, window.survey_model.tags(camera_id))
        if dialog.exec() and dialog.camera is not None:
            after = dialog.camera
            after.raw, after.extra = before.raw, before.extra
            window.undo_stack.push(EditCameraCommand(window, camera_id, before, after))

    def duplicate_camera(self) -> None:
        if (selected := self._selected()) is None:
            return
        camera = selected[1]
        window = self.window
        camera.tag = unused_tag(f"{camera.tag or 'camera'} (copy)", window.survey_model.tags())
        window.undo_stack.push(AddCameraCommand(window, camera, "Duplicate camera"))

    def delete_camera(self) -> None:
        if (selected := self._selected()) is None:
            return
        self.window.undo_stack.push(DeleteCameraCommand(self.window, *selected))

    def choose_photo(self, camera_id: int) -> None:
        window = self.window
        folder = str(window.files.import_folder())
        path, _ = QFileDialog.getOpenFileName(window, "Add photo", folder, PHOTO_FILTER)
        if path:
            window.settings.last_folder = str(Path(path).parent)
            self.add_photo(camera_id, Path(path))

    def add_photo(self, camera_id: int, path: Path) -> bool:
        window = self.window
        if window.project is None:
            return False
        try:
            capture.add_photo(window.project, camera_id, path)
        except OSError as exc:
            window._error("Cannot add photo", f"{path}: {exc.strerror or exc}")
            return False
        window.show_selected()
        window.update_title()
        return True


def unused_tag(wanted: str, taken: set[str]) -> str:
    """'C004 (copy)', or 'C004 (copy 2)' … when that is taken too."""
    candidate, n = wanted, 1
    while candidate.casefold() in taken:
        n += 1
        candidate = f"{wanted[:-1]} {n})" if wanted.endswith(")") else f"{wanted} {n}"
    return candidate
