"""The main window: the survey of the open project, with File actions.

It holds an open ProjectFile and calls services for everything else; it
never touches a database session or a parser itself.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMessageBox,
    QTableView,
)

from specassist import __version__
from specassist.domain.issues import Severity, count_by_severity
from specassist.services import project_service
from specassist.storage.project_file import SUFFIX, ProjectFile, ProjectFileError
from specassist.survey.readers import SurveyReadError
from specassist.ui.models.survey_table_model import SurveyTableModel

SURVEY_FILTER = "Surveys (*.csv *.xlsx *.xlsm *.txt);;All files (*)"
PROJECT_FILTER = f"SpecAssist projects (*{SUFFIX})"


class MainWindow(QMainWindow):
    sig_project_changed = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.project: ProjectFile | None = None
        self.survey_model = SurveyTableModel(parent=self)
        self.table = QTableView(self)
        self.table.setModel(self.survey_model)
        self.table.setAlternatingRowColors(True)
        self.table.setSortingEnabled(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.setCentralWidget(self.table)
        self.status_label = QLabel(self)
        self.statusBar().addPermanentWidget(self.status_label)
        self._build_menus()
        self.resize(1200, 700)
        self.new_project()

    # ------------------------------------------------------------ menus

    def _action(
        self,
        text: str,
        slot: Callable[[], object],
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        return action

    def _build_menus(self) -> None:
        menu = self.menuBar().addMenu("&File")
        self.action_new = self._action(
            "&New project", self.new_project, QKeySequence.StandardKey.New
        )
        self.action_open = self._action(
            "&Open project…", self.choose_project, QKeySequence.StandardKey.Open
        )
        self.action_import = self._action("&Import survey…", self.choose_survey, "Ctrl+I")
        self.action_save = self._action("&Save", self.save, QKeySequence.StandardKey.Save)
        self.action_save_as = self._action(
            "Save &as…", self.save_as, QKeySequence.StandardKey.SaveAs
        )
        self.action_quit = self._action("&Quit", self.close, QKeySequence.StandardKey.Quit)
        for action in (
            self.action_new,
            self.action_open,
            self.action_import,
            None,
            self.action_save,
            self.action_save_as,
            None,
            self.action_quit,
        ):
            if action is None:
                menu.addSeparator()
            else:
                menu.addAction(action)

    # ------------------------------------------------------------ project life cycle

    def _replace_project(self, project: ProjectFile) -> None:
        if self.project is not None:
            self.project.close()
        self.project = project
        self.refresh()

    def new_project(self) -> None:
        if not self._may_discard():
            return
        project = project_service.new_project("Untitled project")
        project.dirty = False  # nothing the user did yet
        self._replace_project(project)

    def open_project(self, path: Path) -> bool:
        try:
            project = project_service.open_project(path)
        except ProjectFileError as exc:
            self._error("Cannot open project", str(exc))
            return False
        self._replace_project(project)
        return True

    def import_survey(self, path: Path) -> bool:
        """Import into the open project; the table shows the result, issues go to the status."""
        assert self.project is not None
        try:
            result = project_service.import_into(self.project, path)
        except SurveyReadError as exc:
            self._error("Cannot read survey", str(exc))
            return False
        self.refresh()
        counts = count_by_severity(result.issues)
        self.statusBar().showMessage(
            f"Imported {len(result.cameras)} cameras from {path.name}: "
            f"{counts[Severity.ERROR]} errors, {counts[Severity.WARNING]} warnings",
            10000,
        )
        return True

    def save(self) -> bool:
        if self.project is None:
            return False
        if self.project.path is None:
            return self.save_as()
        return self._save_to(None)

    def save_as(self) -> bool:
        path, _ = QFileDialog.getSaveFileName(self, "Save project", "", PROJECT_FILTER)
        return bool(path) and self._save_to(Path(path))

    def _save_to(self, path: Path | None) -> bool:
        assert self.project is not None
        try:
            self.project.save(path)
        except (OSError, ProjectFileError) as exc:
            self._error("Cannot save project", str(exc))
            return False
        self.refresh()
        return True

    def choose_project(self) -> None:
        if not self._may_discard():
            return
        path, _ = QFileDialog.getOpenFileName(self, "Open project", "", PROJECT_FILTER)
        if path:
            self.open_project(Path(path))

    def choose_survey(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Import survey", "", SURVEY_FILTER)
        if path:
            self.import_survey(Path(path))

    # ------------------------------------------------------------ view

    def refresh(self) -> None:
        if self.project is None:
            return
        cameras = project_service.cameras(self.project)
        self.survey_model.set_cameras(cameras)
        self.table.resizeColumnsToContents()
        summary = project_service.summary(self.project)
        name = summary.path.name if summary.path else summary.name
        self.setWindowTitle(
            f"{name}{' *' if self.project.dirty else ''} — SpecAssist {__version__}"
        )
        self.status_label.setText(
            f"{summary.cameras} cameras · {summary.issues} import issues · "
            f"catalog {summary.catalog_version or 'none'}"
        )
        self.sig_project_changed.emit()

    def _error(self, title: str, text: str) -> None:
        QMessageBox.warning(self, title, text)

    def _may_discard(self) -> bool:
        if self.project is None or not self.project.dirty:
            return True
        answer = QMessageBox.question(
            self,
            "Unsaved changes",
            "Discard the changes to the open project?",
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Discard

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._may_discard():
            event.ignore()
            return
        if self.project is not None:
            self.project.close()
            self.project = None
        event.accept()
