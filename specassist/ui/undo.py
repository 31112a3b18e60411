"""Undoable edits: every change to the project goes through the window's QUndoStack.

Each command changes the project through services and then asks the window
to refresh; undo restores exactly what was there before. Imports are read
and stored on a worker thread first, so their command starts out already
done and its first ``redo`` does nothing.
"""

from __future__ import annotations

import copy
from typing import Any, Protocol

from PySide6.QtGui import QUndoCommand

from specassist.domain.catalog import Catalog
from specassist.domain.outcome import Override
from specassist.domain.survey import SurveyCamera
from specassist.services import (
    capture,
    catalog_compare,
    imports,
    overrides,
    project_settings,
    projects,
)
from specassist.services.catalog_compare import Snapshot
from specassist.services.imports import StoredImport, StoredPrices
from specassist.services.projects import Project


class Workbench(Protocol):
    """What commands need from the window: the open project and a way to refresh."""

    @property
    def project(self) -> Project | None: ...

    def after_change(self, select_id: int | None = None) -> None: ...

    def after_settings_change(self) -> None: ...


def _project(bench: Workbench) -> Project:
    project = bench.project
    assert project is not None, "an edit needs an open project"
    return project


class OverrideCommand(QUndoCommand):
    def __init__(self, bench: Workbench, camera_id: int, tag: str,
                 chosen: Override | None) -> None:  # fmt: skip
        what = f"replacement of {tag}" if chosen else f"clear override of {tag}"
        super().__init__(f"Change {what}" if chosen else what.capitalize())
        self.bench, self.camera_id = bench, camera_id
        self.new = chosen
        self.old = overrides.override(_project(bench), camera_id)

    def _apply(self, chosen: Override | None) -> None:
        project = _project(self.bench)
        if chosen is None:
            overrides.clear_override(project, self.camera_id)
        else:
            overrides.set_override(project, self.camera_id, chosen)
        self.bench.after_change(self.camera_id)

    def redo(self) -> None:
        self._apply(self.new)

    def undo(self) -> None:
        self._apply(self.old)


class EditCameraCommand(QUndoCommand):
    def __init__(self, bench: Workbench, camera_id: int, before: SurveyCamera,
                 after: SurveyCamera) -> None:  # fmt: skip
        super().__init__(f"Edit camera {after.display_tag}")
        self.bench, self.camera_id = bench, camera_id
        self.before, self.after = copy.deepcopy(before), copy.deepcopy(after)

    def _apply(self, camera: SurveyCamera) -> None:
        capture.update_camera(_project(self.bench), self.camera_id, camera)
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
        self.camera_id = capture.add_camera(_project(self.bench), self.camera)
        self.bench.after_change(self.camera_id)

    def undo(self) -> None:
        assert self.camera_id is not None
        capture.delete_camera(_project(self.bench), self.camera_id)
        self.bench.after_change(None)


class DeleteCameraCommand(QUndoCommand):
    """Deletes a camera; undo puts its survey data back (photos go with the camera)."""

    def __init__(self, bench: Workbench, camera_id: int, camera: SurveyCamera) -> None:
        super().__init__(f"Delete camera {camera.display_tag}")
        self.bench, self.camera_id, self.camera = bench, camera_id, copy.deepcopy(camera)

    def redo(self) -> None:
        capture.delete_camera(_project(self.bench), self.camera_id)
        self.bench.after_change(None)

    def undo(self) -> None:
        self.camera_id = capture.add_camera(_project(self.bench), self.camera)
        self.bench.after_change(self.camera_id)


class SettingsCommand(QUndoCommand):
    """A change to one settings section ("cost" or "tender"): undo puts the old section back."""

    def __init__(self, bench: Workbench, key: str, text: str, before: dict[str, Any]) -> None:
        super().__init__(text)
        self.bench, self.key = bench, key
        self.before = before
        self.after = project_settings.section(_project(bench), key)
        self._done = True
        """Built after the change was made (it may have been refused): the first redo is a no-op."""

    def redo(self) -> None:
        if self._done:
            self._done = False
            return
        project_settings.restore_section(_project(self.bench), self.key, self.after)
        self.bench.after_settings_change()

    def undo(self) -> None:
        project_settings.restore_section(_project(self.bench), self.key, self.before)
        self.bench.after_settings_change()


class RuleProfileCommand(QUndoCommand):
    def __init__(self, bench: Workbench, chosen: list[str]) -> None:
        super().__init__("Change the rule profile")
        self.bench = bench
        self.before = projects.rule_profile(_project(bench))
        self.after = list(chosen)

    def _apply(self, ids: list[str]) -> None:
        projects.set_rule_profile(_project(self.bench), ids)
        self.bench.after_settings_change()

    def redo(self) -> None:
        self._apply(self.after)

    def undo(self) -> None:
        self._apply(self.before)


class ImportCommand(QUndoCommand):
    """A survey import already stored by a worker; undo removes it, redo stores it again."""

    def __init__(self, bench: Workbench, stored: StoredImport) -> None:
        super().__init__(f"Import {stored.result.file}")
        self.bench, self.stored = bench, stored
        self._done = True

    def redo(self) -> None:
        if self._done:
            self._done = False
            return
        self.stored = imports.store(_project(self.bench), self.stored.result, self.stored.mode)
        self.bench.after_change(None)

    def undo(self) -> None:
        imports.remove(_project(self.bench), self.stored)
        self.bench.after_change(None)


class PriceListCommand(QUndoCommand):
    """A price list already added; undo takes its prices out again."""

    def __init__(self, bench: Workbench, stored: StoredPrices, name: str) -> None:
        super().__init__(f"Import price list {name}")
        self.bench, self.stored = bench, stored
        self._done = True

    def redo(self) -> None:
        if self._done:
            self._done = False
            return
        self.stored = imports.store_prices(_project(self.bench), self.stored.result)
        self.bench.after_settings_change()

    def undo(self) -> None:
        imports.remove_prices(_project(self.bench), self.stored)
        self.bench.after_settings_change()


class CatalogSnapshotCommand(QUndoCommand):
    """Takes a catalog into the project's snapshot; undo puts the previous snapshot back."""

    def __init__(self, bench: Workbench, catalog: Catalog, source: str) -> None:
        super().__init__(f"Update the catalog from the {source}")
        self.bench, self.catalog = bench, catalog
        self.previous: Snapshot | None = None

    def redo(self) -> None:
        self.previous = catalog_compare.update_snapshot(_project(self.bench), self.catalog)
        self.bench.after_settings_change()

    def undo(self) -> None:
        assert self.previous is not None
        catalog_compare.restore_snapshot(_project(self.bench), self.previous)
        self.bench.after_settings_change()
