"""Importing a survey from the window: read the header, map unknown columns, choose how the
rows meet the cameras already there, import on a worker, report, and make it one undo step.

Every file read happens off the GUI thread; the dialogs in between are the
only waits, and Cancel at any of them leaves the project as it was.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMessageBox, QStatusBar, QWidget

from specassist.domain.issues import Severity, UserError, count_by_severity
from specassist.services import imports
from specassist.services.imports import ImportMode, StoredImport
from specassist.services.projects import Project
from specassist.ui import workers
from specassist.ui.dialogs.column_mapping import ColumnMappingDialog, SurveyPreview, read_preview
from specassist.ui.dialogs.import_report import ImportReportDialog
from specassist.ui.settings import AppSettings


class ImportHost(Protocol):
    """What the flow needs from the window."""

    settings: AppSettings

    @property
    def project(self) -> Project | None: ...

    def record_import(self, stored: StoredImport) -> None: ...

    def camera_count(self) -> int: ...

    def statusBar(self) -> QStatusBar: ...

    def _error(self, title: str, text: str) -> None: ...


@dataclass(frozen=True)
class Reading:
    """How the user said to read the file: their column choices and its encoding."""

    column_map: dict[str, str]
    encoding: str | None = None


class ImportFlow(QObject):
    sig_done = Signal(bool)
    """An import has ended: True when it stored or updated cameras."""

    def __init__(self, host: ImportHost, parent: QWidget) -> None:
        super().__init__(parent)
        self.host, self.parent_widget = host, parent
        self.report: ImportReportDialog | None = None
        """The last report shown."""

    def start(
        self,
        path: Path,
        ask: bool = True,
        background: bool = True,
        mode: ImportMode | None = None,
    ) -> bool:
        """Import ``path``; ``ask`` False takes remembered mappings and no report dialog;
        ``mode`` None asks, when the project already has cameras. Returns False when it
        could not even start (``background=False``: when it failed)."""
        if self.host.project is None:
            return False
        if not background:
            return self._now(path, ask, mode)

        def read_header(_progress: workers.Progress, _cancelled: object) -> object:
            return read_preview(path)

        def header_read(found: object) -> None:
            assert isinstance(found, SurveyPreview)
            reading = self._reading(path, found, ask)
            chosen = mode or self._mode(ask)
            if reading is None or chosen is None:
                self.host.statusBar().showMessage("Import cancelled", 5000)
                self.sig_done.emit(False)
                return
            self._in_background(path, reading, chosen, ask)

        self.host.statusBar().showMessage(f"Reading {path.name}…")
        workers.run_task(read_header, header_read, self._failed)
        return True

    def _now(self, path: Path, ask: bool, mode: ImportMode | None) -> bool:
        project = self.host.project
        assert project is not None
        try:
            reading = self._reading(path, read_preview(path), ask)
            chosen = mode or self._mode(ask)
            if reading is None or chosen is None:
                return False
            stored = imports.import_into(project, path, None, reading.column_map or None,
                                         reading.encoding, mode=chosen)  # fmt: skip
        except UserError as exc:
            self.host._error("Cannot read survey", str(exc))
            return False
        self._imported(stored, path, ask)
        return True

    def _reading(self, path: Path, preview: SurveyPreview, ask: bool) -> Reading | None:
        """The user's mapping for these headers, and the encoding they chose; None when they
        cancelled the dialog."""
        settings = self.host.settings
        column_map = settings.column_mapping(preview.headers)
        unknown = [h for h, f in preview.mapping.items() if f == "extra" and h not in column_map]
        if not (unknown and ask):
            return Reading(column_map)
        dialog = ColumnMappingDialog(path, preview, column_map, self.parent_widget)
        if not dialog.exec():
            return None
        column_map = dialog.mapping()
        settings.remember_mapping(dialog.preview.headers, column_map)
        return Reading(column_map, dialog.chosen_encoding())

    def _mode(self, ask: bool) -> ImportMode | None:
        """Update or add when the project already has cameras (None: the user cancelled).

        Updating is the default: a newer survey of the same site should refresh the
        cameras it names (by MAC, serial or tag), not copy them.
        """
        if not ask or self.host.camera_count() == 0:
            return ImportMode.UPDATE
        box = QMessageBox(self.parent_widget)
        box.setWindowTitle("Import into this project")
        box.setText(
            f"The project already has {self.host.camera_count()} cameras. Update the cameras "
            "this survey names (by MAC address, serial number or tag) and add the rest, or "
            "add every row as a new camera?"
        )
        update = box.addButton("&Update and add", QMessageBox.ButtonRole.AcceptRole)
        add = box.addButton("Add &all as new", QMessageBox.ButtonRole.ActionRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(update)
        box.exec()
        clicked = box.clickedButton()
        return (
            ImportMode.UPDATE if clicked is update else ImportMode.ADD if clicked is add else None
        )

    def _in_background(self, path: Path, reading: Reading, mode: ImportMode, ask: bool) -> None:
        project = self.host.project
        assert project is not None

        def work(_progress: workers.Progress, _cancelled: object) -> object:
            return imports.import_into(project, path, None, reading.column_map or None,
                                       reading.encoding, mode=mode)  # fmt: skip

        def done(stored: object) -> None:
            if project is not self.host.project:
                return  # the project was replaced meanwhile; its import went with it
            assert isinstance(stored, StoredImport)
            self._imported(stored, path, ask)

        self.host.statusBar().showMessage(f"Importing {path.name}…")
        workers.run_task(work, done, self._failed)

    def _failed(self, message: str) -> None:
        self.host._error("Cannot read survey", message)
        self.sig_done.emit(False)

    def _imported(self, stored: StoredImport, path: Path, ask: bool) -> None:
        self.host.record_import(stored)
        result = stored.result
        counts = count_by_severity(result.issues)
        summary = (
            f"{path.name}: {stored.added} cameras added, {stored.updated} updated; "
            f"{counts[Severity.ERROR]} errors, {counts[Severity.WARNING]} warnings"
        )
        rows = result.accounting.summary()
        self.host.statusBar().showMessage(f"{summary} ({rows})", 10000)
        if ask and (counts[Severity.ERROR] or counts[Severity.WARNING]):
            self.report = ImportReportDialog(
                "Import report", summary + ". Rows with a rejected value were still imported; "
                "the value is left blank.", result.issues, self.parent_widget,
                read_as=result.detail, rows=rows,
            )  # fmt: skip
            self.report.open()
        self.sig_done.emit(bool(stored.added or stored.updated))
