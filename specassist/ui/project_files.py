"""The File menu's dialogs: open, save, save as, import a survey or a price list, recent files.

File dialogs start where the user will look: saving and exporting in the
open project's folder (Documents for a project never saved) with a name made
from the project's, opening and importing in the folder last imported from.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog, QMessageBox

from specassist.domain.issues import UserError
from specassist.services import imports, project_settings, recovery
from specassist.services.projects import SUFFIX
from specassist.ui.dialogs.import_report import ImportReportDialog
from specassist.ui.recovery import autosave_folder
from specassist.ui.undo import PriceListCommand

if TYPE_CHECKING:
    from specassist.ui.main_window import MainWindow

SURVEY_SUFFIXES = {".csv", ".xlsx", ".xlsm", ".xls", ".ods", ".txt", ".tsv"}
SURVEY_FILTER = "Surveys (*.csv *.xlsx *.xlsm *.xls *.ods *.txt *.tsv);;All files (*)"
PROJECT_FILTER = f"SpecAssist projects (*{SUFFIX})"
PRICE_FILTER = "Price lists (*.csv *.xlsx *.xlsm);;All files (*)"
_NOT_IN_NAMES = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')
"""Characters Windows refuses in file names (and the path separator everywhere)."""


def documents_folder() -> Path:
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(found) if found else Path.home()


def file_stem(name: str, fallback: str = "project") -> str:
    """A project's name as the start of a file name: 'Site A/B: phase 2' → 'Site A-B- phase 2'."""
    cleaned = _NOT_IN_NAMES.sub("-", name).strip(" .-")
    return cleaned or fallback


class ProjectFiles:
    """The window's file dialogs and what follows them."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window

    # ------------------------------------------------------------ where and under what name

    def project_folder(self) -> Path:
        """The open project's folder, or Documents when it was never saved."""
        project = self.window.project
        if project is not None and project.path is not None:
            return project.path.parent
        return documents_folder()

    def import_folder(self) -> Path:
        last = self.window.settings.last_folder
        return Path(last) if last and Path(last).is_dir() else self.project_folder()

    def project_title(self) -> str:
        """The project's name as the tender cover gives it when one was typed, else as its
        file is named, else as it was created ("Untitled project")."""
        project = self.window.project
        if project is None:
            return "project"
        typed = str(project_settings.section(project, "tender").get("project", "")).strip()
        if typed:
            return typed
        if project.path is not None:
            return project.path.stem
        return project_settings.tender_settings(project).project or "project"

    def suggested(self, ending: str) -> Path:
        """'<folder>/<project name><ending>', e.g. ending ' tender.pdf' or '.specassist'."""
        project = self.window.project
        if ending == SUFFIX and project is not None and project.path is not None:
            return project.path
        return self.project_folder() / (file_stem(self.project_title()) + ending)

    def export_target(self) -> tuple[Path, str]:
        """Where the tender goes and the start of its files' names: the folder last exported
        to (while it exists), else the project's; "<project name> tender"."""
        last = self.window.settings.export_folder
        folder = Path(last) if last and Path(last).is_dir() else self.project_folder()
        return folder, file_stem(self.project_title()) + " tender"

    # ------------------------------------------------------------ project files

    def save(self) -> bool:
        project = self.window.project
        if project is None:
            return False
        if project.path is None:
            return self.save_as()
        return self.save_to(None)

    def save_as(self) -> bool:
        suggested = str(self.suggested(SUFFIX))
        path, _ = QFileDialog.getSaveFileName(self.window, "Save project", suggested,
                                              PROJECT_FILTER)  # fmt: skip
        return bool(path) and self.save_to(Path(path))

    def save_to(self, path: Path | None) -> bool:
        window = self.window
        project = window.project
        assert project is not None
        try:
            saved = project.save(path)
        except (OSError, UserError) as exc:
            window._error("Cannot save project", f"{exc}\n\nYour work is still open; nothing "
                          "was lost. Try another folder.")  # fmt: skip
            return False
        window.settings.add_recent(saved)
        window.undo_stack.setClean()
        recovery.discard_autosave(autosave_folder(), window.session_id)
        window.refresh(reanalyse=False)
        return True

    def may_discard(self) -> bool:
        """True when the open work may be replaced: it is saved, or the user says so."""
        window = self.window
        project = window.project
        if project is None or not (project.dirty or not window.undo_stack.isClean()):
            return True
        answer = QMessageBox.question(
            window,
            "Unsaved changes",
            "Save the changes to the open project first?",
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
        )
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    def choose_project(self) -> None:
        if not self.may_discard():
            return
        recent = self.window.settings.recent_projects
        start = recent[0].parent if recent and recent[0].parent.is_dir() else documents_folder()
        path, _ = QFileDialog.getOpenFileName(self.window, "Open project", str(start),
                                              PROJECT_FILTER)  # fmt: skip
        if path:
            self.window.open_project(Path(path))

    def fill_recent(self) -> None:
        menu = self.window.recent_menu
        menu.clear()
        for path in self.window.settings.recent_projects:
            action = menu.addAction(str(path))
            action.triggered.connect(lambda _=False, p=path: self.open_recent(p))
        if not self.window.settings.recent_projects:
            menu.addAction("(none)").setEnabled(False)

    def open_recent(self, path: Path) -> None:
        if self.may_discard():
            self.window.open_project(path)

    # ------------------------------------------------------------ imports

    def choose_survey(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self.window, "Import survey",
                                              str(self.import_folder()), SURVEY_FILTER)  # fmt: skip
        if path:
            self.window.settings.last_folder = str(Path(path).parent)
            self.window.import_survey(Path(path))

    def choose_price_list(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self.window, "Import price list",
                                              str(self.import_folder()), PRICE_FILTER)  # fmt: skip
        if path:
            self.window.settings.last_folder = str(Path(path).parent)
            self.import_price_list(Path(path))

    def import_price_list(self, path: Path) -> bool:
        window = self.window
        project = window.project
        assert project is not None
        try:
            stored = imports.import_prices(project, path)
        except UserError as exc:
            window._error("Cannot read price list", str(exc))
            return False
        result = stored.result
        summary = f"Imported {len(result.prices)} prices from {path.name}"
        window.statusBar().showMessage(summary, 10000)
        if result.issues:
            ImportReportDialog("Price list report", summary, result.issues, window).open()
        window.undo_stack.push(PriceListCommand(window, stored, path.name))
        window.after_settings_change()
        return True
