"""The main window: the survey with verdicts and replacements, costs, catalog and rules.

It holds the open project and calls services for everything else; it never
touches a database session, a parser or reportlab. Slow work (analysis, export)
runs through ``workers.run_task``; edits go through the undo stack.
"""

from __future__ import annotations

import contextlib
import uuid
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QItemSelection, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QKeySequence,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QTableView,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from specassist import __version__
from specassist.domain.catalog import CameraModel
from specassist.domain.costing import Costing
from specassist.domain.formatting import UnitSystem
from specassist.domain.issues import UserError
from specassist.domain.outcome import Override
from specassist.domain.pipeline import Analysis
from specassist.domain.survey import SurveyedCamera
from specassist.services import (
    capture,
    imports,
    project_settings,
    projects,
    recovery,
)
from specassist.services.imports import ImportMode, StoredImport
from specassist.services.overrides import DEFAULT_NOTE
from specassist.services.projects import SUFFIX, Project
from specassist.ui import errors, workers
from specassist.ui.analysis_runner import AnalysisRunner, Loaded
from specassist.ui.catalog_compare import catalog_for_new_project, compare_in_background
from specassist.ui.dialogs.camera_dialog import CameraDialog
from specassist.ui.dialogs.discover_dialog import DiscoverDialog, add_discovered
from specassist.ui.dialogs.import_report import ImportReportDialog
from specassist.ui.dialogs.override_dialog import OverrideDialog
from specassist.ui.dialogs.preferences_dialog import PreferencesDialog
from specassist.ui.dialogs.tender_dialog import TenderDialog
from specassist.ui.exporter import export_in_background
from specassist.ui.import_flow import ImportFlow
from specassist.ui.models.survey_filter import SurveyFilter
from specassist.ui.models.survey_table_model import (
    STATUS_COLOURS,
    SurveyTableModel,
)
from specassist.ui.plan.plan_tab import PlanTab
from specassist.ui.recovery import ask_to_recover, autosave_folder
from specassist.ui.settings import AppSettings
from specassist.ui.undo import (
    AddCameraCommand,
    DeleteCameraCommand,
    EditCameraCommand,
    ImportCommand,
    OverrideCommand,
    PriceListCommand,
    RuleProfileCommand,
    SettingsCommand,
)
from specassist.ui.widgets.catalog_tab import CatalogTab
from specassist.ui.widgets.costs_tab import CostsTab
from specassist.ui.widgets.detail_panel import DetailPanel
from specassist.ui.widgets.rules_tab import RulesTab
from specassist.ui.widgets.system_tab import SystemTab

SURVEY_SUFFIXES = {".csv", ".xlsx", ".xlsm", ".txt", ".tsv"}
SURVEY_FILTER = "Surveys (*.csv *.xlsx *.xlsm *.txt *.tsv);;All files (*)"
PROJECT_FILTER = f"SpecAssist projects (*{SUFFIX})"
PRICE_FILTER = "Price lists (*.csv *.xlsx *.xlsm);;All files (*)"
AUTOSAVE_MS = 60_000


class MainWindow(QMainWindow):
    sig_project_changed = Signal()
    sig_analysis_done = Signal()
    sig_export_done = Signal(str)
    sig_project_opened = Signal(bool)
    sig_import_done = Signal(bool)
    """An import started by ``import_survey`` has ended: True when it stored cameras."""

    def __init__(self, settings: AppSettings | None = None) -> None:
        super().__init__()
        self.settings = settings or AppSettings()
        self._project: Project | None = None
        self._catalog_shown: object = None
        self.analysis: Analysis | None = None
        self.costing: Costing | None = None
        self.session_id = uuid.uuid4().hex[:12]
        self.undo_stack = QUndoStack(self)
        self.importer = ImportFlow(self, self)
        self.importer.sig_done.connect(self.sig_import_done)
        self.undo_stack.cleanChanged.connect(lambda _clean: self._update_title())
        self.runner = AnalysisRunner(self)
        self.runner.sig_ready.connect(self._analysis_finished)
        self.runner.sig_failed.connect(self._analysis_failed)
        self.runner.sig_progress.connect(lambda text: self.statusBar().showMessage(text))
        self._select_after: int | None = None
        self._selected_before: int | None = None
        self._fit_columns = True
        self.units = self.settings.units

        self.survey_model = SurveyTableModel(self.units, self)
        self.proxy = SurveyFilter(self.survey_model, self)
        self._build_survey_tab()
        self.costs_tab = CostsTab()
        self.costs_tab.sig_apply.connect(self.apply_cost_settings)
        self.costs_tab.sig_import_prices.connect(self.choose_price_list)
        self.catalog_tab = CatalogTab()
        self.rules_tab = RulesTab()
        self.rules_tab.sig_profile_changed.connect(self.set_rule_profile)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.survey_tab, "&Survey")
        self.tabs.addTab(self.costs_tab, "C&osts")
        self.tabs.addTab(self.catalog_tab, "Cata&log")
        self.tabs.addTab(self.rules_tab, "&Rules")
        self.plans_tab = PlanTab(self.undo_stack)
        self.tabs.addTab(self.plans_tab, "&Plans")
        self.system_tab = SystemTab(self, self.undo_stack)
        self.tabs.addTab(self.system_tab, "S&ystem")
        self.runner.sig_ready.connect(self.system_tab.show_loaded)
        self.sig_analysis_done.connect(
            lambda: self.plans_tab.show_analysis(self._project, self.analysis, self.units)
        )
        self.setCentralWidget(self.tabs)
        self.status_label = QLabel(self)
        self.statusBar().addPermanentWidget(self.status_label)
        self._build_actions()
        self.setAcceptDrops(True)
        self.resize(1366, 768)
        if self.settings.geometry:
            self.restoreGeometry(self.settings.geometry)
        self.autosave_timer = QTimer(self)
        self.autosave_timer.timeout.connect(self.autosave)
        self.autosave_timer.start(AUTOSAVE_MS)
        self.new_project(confirm=False)

    # ------------------------------------------------------------ layout

    def _build_survey_tab(self) -> None:
        self.site_filter = QComboBox()
        self.site_filter.setAccessibleName("Site filter")
        self.site_filter.setToolTip("Show one site only")
        self.status_filter = QComboBox()
        self.status_filter.setAccessibleName("Status filter")
        self.status_filter.addItems(["", *STATUS_COLOURS])
        self.status_filter.setToolTip("Show cameras in one state only")
        self.search = QLineEdit()
        self.search.setPlaceholderText("Filter by tag, location, make, model, notes… (Ctrl+F)")
        self.search.setAccessibleName("Filter the survey")
        self.search.setClearButtonEnabled(True)
        for widget in (self.site_filter, self.status_filter):
            widget.currentTextChanged.connect(self._apply_filters)
        self.search.textChanged.connect(self._apply_filters)
        bar = QHBoxLayout()
        bar.addWidget(QLabel("Site"))
        bar.addWidget(self.site_filter, 1)
        bar.addWidget(QLabel("Status"))
        bar.addWidget(self.status_filter, 1)
        bar.addWidget(self.search, 3)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.setAccessibleName("Surveyed cameras")
        self.table.verticalHeader().setDefaultSectionSize(22)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.doubleClicked.connect(lambda _index: self.edit_camera())
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.detail = DetailPanel()
        self.detail.sig_use_offer.connect(self.use_offer)
        self.detail.sig_choose_other.connect(self.choose_other_model)
        self.detail.sig_clear_override.connect(self.clear_override)
        self.detail.sig_add_photo.connect(self.choose_photo)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        self.rules_warning = QLabel(
            "No rule set is chosen: nothing can be excluded, so every camera shows as allowed. "
            "Tick the rules that apply in the Rules tab."
        )
        self.rules_warning.setWordWrap(True)
        self.rules_warning.setStyleSheet(
            "background: #fff3cd; color: #664d03; padding: 4px; border: 1px solid #ffe69c"
        )
        self.rules_warning.setAccessibleName("Warning: no rule set chosen")
        self.rules_warning.hide()
        left_layout.addWidget(self.rules_warning)
        left_layout.addLayout(bar)
        left_layout.addWidget(self.table)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.detail)
        splitter.setSizes([860, 500])
        self.survey_tab = splitter

    def _action(
        self,
        text: str,
        slot: Callable[[], object],
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
        tip: str = "",
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if tip:
            action.setStatusTip(tip)
            action.setToolTip(tip)
        action.triggered.connect(slot)
        return action

    def _build_actions(self) -> None:
        keys = QKeySequence.StandardKey
        a = self._action
        self.action_new = a(
            "&New project", lambda: self.new_project(), keys.New, "Start an empty project"
        )
        self.action_open = a(
            "&Open project…", self.choose_project, keys.Open, "Open a saved project"
        )
        self.action_import = a(
            "&Import survey…",
            self.choose_survey,
            "Ctrl+I",
            "Import a survey spreadsheet (CSV or XLSX)",
        )
        self.action_prices = a(
            "Import &price list…",
            self.choose_price_list,
            "Ctrl+Shift+P",
            "Add a supplier's price list to the project",
        )
        self.action_discover = a("&Discover devices…", self.discover_devices, None,
                                 "Find cameras on the site network and add them")  # fmt: skip
        self.action_save = a("&Save", self.save, keys.Save, "Save the project")
        self.action_save_as = a(
            "Save &as…", self.save_as, keys.SaveAs, "Save the project under a new name"
        )
        self.action_export = a(
            "&Export tender…",
            self.choose_export,
            "Ctrl+E",
            "Write the tender PDF and the bill of quantities",
        )
        self.action_quit = a("&Quit", self.close, keys.Quit)
        self.action_undo = self.undo_stack.createUndoAction(self, "&Undo")
        self.action_undo.setShortcut(QKeySequence(keys.Undo))
        self.action_redo = self.undo_stack.createRedoAction(self, "&Redo")
        self.action_redo.setShortcut(QKeySequence(keys.Redo))
        self.action_add = a(
            "&Add camera…", self.add_camera, "Ctrl+Shift+N", "Add a camera seen on site"
        )
        self.action_edit = a("&Edit camera…", self.edit_camera, "F2", "Edit the selected camera")
        self.action_duplicate = a(
            "&Duplicate camera",
            self.duplicate_camera,
            "Ctrl+D",
            "Copy the selected camera as a new one",
        )
        self.action_delete = a(
            "De&lete camera", self.delete_camera, keys.Delete, "Delete the selected camera"
        )
        self.action_override = a(
            "&Choose replacement…",
            lambda: self.choose_other_model(None),
            "Ctrl+R",
            "Pick any allowed model for the selected camera",
        )
        self.action_tender = a(
            "&Tender details…",
            self.edit_tender_details,
            "Ctrl+T",
            "Title, client, revision and layout of the tender",
        )
        self.action_find = a("&Find", lambda: self.search.setFocus(), keys.Find)
        self.action_preferences = a("Pre&ferences…", self.show_preferences, keys.Preferences)
        self.action_compare_catalog = a(
            "Compare with c&atalog…", lambda: compare_in_background(self, self), None,
            "List what differs between the project's catalog and the catalog, and update it",
        )  # fmt: skip
        self.action_metric = a("&Metric units", lambda: self.set_units(UnitSystem.METRIC))
        self.action_imperial = a("&Imperial units", lambda: self.set_units(UnitSystem.IMPERIAL))
        self.units_group = QActionGroup(self)
        for unit_action in (self.action_metric, self.action_imperial):
            unit_action.setCheckable(True)
            self.units_group.addAction(unit_action)
        self._check_units()
        self.action_about = a("&About SpecAssist", self.show_about)
        self.action_show_log = a(
            "Show &log", errors.open_log, None, "Open the log file, where every error is recorded"
        )
        # fmt: off
        menus: dict[str, list[QAction | str | None]] = {
            "&File": [self.action_new, self.action_open, "recent", None, self.action_import,
                      self.action_discover, self.action_prices, None, self.action_save,
                      self.action_save_as, None, self.action_export, None, self.action_quit],
            "&Edit": [self.action_undo, self.action_redo, None, self.action_add,
                      self.action_edit, self.action_duplicate, self.action_delete, None,
                      self.action_override, self.action_find, None, self.action_tender,
                      self.action_compare_catalog, self.action_preferences],
            "&View": [self.action_metric, self.action_imperial],
            "&Help": [self.action_show_log, None, self.action_about],
        }
        # fmt: on
        for title, actions in menus.items():
            menu = self.menuBar().addMenu(title)
            for action in actions:
                if action is None:
                    menu.addSeparator()
                elif action == "recent":
                    self.recent_menu = menu.addMenu("Open &recent")
                    self.recent_menu.aboutToShow.connect(self._fill_recent)
                else:
                    menu.addAction(action)
        toolbar = QToolBar("Main", self)
        toolbar.setObjectName("main-toolbar")
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for action in (self.action_new, self.action_open, self.action_save, self.action_import,
                       self.action_add, self.action_undo, self.action_redo,
                       self.action_export):  # fmt: skip
            toolbar.addAction(action)
        self.addToolBar(toolbar)

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        for path in self.settings.recent_projects:
            action = self.recent_menu.addAction(str(path))
            action.triggered.connect(lambda _=False, p=path: self.open_recent(p))
        if not self.settings.recent_projects:
            self.recent_menu.addAction("(none)").setEnabled(False)

    # ------------------------------------------------------------ project life cycle

    @property
    def project(self) -> Project | None:
        return self._project

    def _replace_project(self, project: Project) -> None:
        if self._project is not None:
            recovery.discard_autosave(autosave_folder(), self.session_id)
        self.runner.replace_project(project)
        self._project = project
        self.undo_stack.clear()
        self._fit_columns = True
        self.analysis = None
        self.costing = None
        self._show_settings()
        self.refresh()

    def _show_settings(self) -> None:
        """Put the project's rule profile and cost settings into their tabs."""
        assert self._project is not None
        catalog = projects.catalog_of(self._project)
        if catalog is not self._catalog_shown:  # a new project, or its snapshot was replaced
            self.catalog_tab.set_models(catalog.models)
            self._catalog_shown = catalog
        self.rules_tab.blockSignals(True)
        self.rules_tab.set_rules(catalog.rule_sets, projects.rule_profile(self._project))
        self.rules_tab.blockSignals(False)
        self.costs_tab.show_settings(project_settings.cost_settings(self._project))

    def new_project(self, confirm: bool = True) -> None:
        if confirm and not self._may_discard():
            return
        catalog = catalog_for_new_project(self.settings, self)
        project = projects.new_project("Untitled project", catalog=catalog)
        if self.settings.default_rules:
            # A default naming a rule set this catalog lacks keeps the full profile.
            with contextlib.suppress(ValueError):
                projects.set_rule_profile(project, self.settings.default_rules)
        if self.settings.issuer:
            project_settings.set_tender_settings(project, {"issuer": self.settings.issuer})
        project.dirty = False  # nothing the user did yet
        self._replace_project(project)

    def open_project(self, path: Path, background: bool = True) -> bool:
        """Open a project file; copying and checking a large one happens off the GUI thread.

        ``sig_project_opened`` says when it is open (True) or could not be (False);
        ``background=False`` does it here and returns whether it worked.
        """
        if not background:
            try:
                project = projects.open_project(path)
                projects.catalog_of(project)
            except UserError as exc:
                self._error("Cannot open project", str(exc))
                return False
            self._opened(path, project)
            return True

        def work(_progress: workers.Progress, _cancelled: object) -> object:
            project = projects.open_project(path)
            projects.catalog_of(project)  # read once here; the window then finds it ready
            return project

        def failed(message: str) -> None:
            self._error("Cannot open project", message)
            self.sig_project_opened.emit(False)

        self.statusBar().showMessage(f"Opening {path.name}…")
        workers.run_task(work, lambda project: self._opened(path, project), failed)
        return True

    def _opened(self, path: Path, project: object) -> None:
        assert isinstance(project, Project)
        self.settings.add_recent(path)
        self._replace_project(project)
        self.sig_project_opened.emit(True)

    def open_recent(self, path: Path) -> None:
        if self._may_discard():
            self.open_project(path)

    def import_survey(
        self,
        path: Path,
        ask_mapping: bool = True,
        background: bool = True,
        mode: ImportMode | None = None,
    ) -> bool:
        """Import into the open project (see ``ImportFlow``); ``sig_import_done`` says when it
        has ended. ``background=False`` does it here (the bundled demo)."""
        return self.importer.start(path, ask_mapping, background, mode)

    def camera_count(self) -> int:
        return self.survey_model.rowCount()

    def record_import(self, stored: StoredImport) -> None:
        """An import already stored (a file on a worker, devices found on the network)."""
        self.undo_stack.push(ImportCommand(self, stored))
        self.refresh()

    def discover_devices(self) -> DiscoverDialog:
        """Scan the network; accepted devices become a new import in the open project."""
        dialog = DiscoverDialog(self)
        dialog.sig_accepted.connect(lambda survey: add_discovered(self, survey))
        dialog.open()
        return dialog

    def save(self) -> bool:
        if self._project is None:
            return False
        if self._project.path is None:
            return self.save_as()
        return self._save_to(None)

    def save_as(self) -> bool:
        path, _ = QFileDialog.getSaveFileName(self, "Save project", self.settings.last_folder,
                                              PROJECT_FILTER)  # fmt: skip
        return bool(path) and self._save_to(Path(path))

    def _save_to(self, path: Path | None) -> bool:
        assert self._project is not None
        try:
            saved = self._project.save(path)
        except (OSError, UserError) as exc:
            self._error("Cannot save project", f"{exc}\n\nYour work is still open; nothing "
                        "was lost. Try another folder.")  # fmt: skip
            return False
        self.settings.add_recent(saved)
        self.undo_stack.setClean()
        recovery.discard_autosave(autosave_folder(), self.session_id)
        self.refresh(reanalyse=False)
        return True

    def choose_project(self) -> None:
        if not self._may_discard():
            return
        path, _ = QFileDialog.getOpenFileName(self, "Open project", self.settings.last_folder,
                                              PROJECT_FILTER)  # fmt: skip
        if path:
            self.settings.last_folder = str(Path(path).parent)
            self.open_project(Path(path))

    def choose_survey(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Import survey", self.settings.last_folder,
                                              SURVEY_FILTER)  # fmt: skip
        if path:
            self.settings.last_folder = str(Path(path).parent)
            self.import_survey(Path(path))

    def choose_price_list(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Import price list",
                                              self.settings.last_folder, PRICE_FILTER)  # fmt: skip
        if path:
            self.import_price_list(Path(path))

    def import_price_list(self, path: Path) -> bool:
        assert self._project is not None
        try:
            stored = imports.import_prices(self._project, path)
        except UserError as exc:
            self._error("Cannot read price list", str(exc))
            return False
        result = stored.result
        summary = f"Imported {len(result.prices)} prices from {path.name}"
        self.statusBar().showMessage(summary, 10000)
        if result.issues:
            ImportReportDialog("Price list report", summary, result.issues, self).open()
        self.undo_stack.push(PriceListCommand(self, stored, path.name))
        self.after_settings_change()
        return True

    # ------------------------------------------------------------ analysis

    def refresh(self, reanalyse: bool = True) -> None:
        """Reload the survey and re-analyse it on a worker thread; the table updates after.

        Reading 50,000 cameras takes seconds, so even that happens off the GUI
        thread; ``reanalyse=False`` only updates the title and status (after a save).
        """
        if self._project is None:
            return
        self._update_title()
        if reanalyse:
            self.reanalyse()

    def _show_loaded(
        self,
        cameras: list[SurveyedCamera],
        analysis: Analysis,
        haystack: list[str],
        site_names: list[str],
        selected: int | None,
        changed: list[int] | None = None,
    ) -> None:
        if changed is None or not self.survey_model.update(
            cameras, analysis.outcomes, haystack, changed
        ):
            self.survey_model.set_all(cameras, analysis.outcomes, haystack)
        sites = ["", *site_names]
        shown = [self.site_filter.itemText(i) for i in range(self.site_filter.count())]
        if shown != sites:
            current = self.site_filter.currentText()
            self.site_filter.blockSignals(True)
            self.site_filter.clear()
            self.site_filter.addItems(sites)
            self.site_filter.setCurrentIndex(max(0, self.site_filter.findText(current)))
            self.site_filter.blockSignals(False)
        if self._fit_columns and cameras:
            self._fit_columns = False
            self.fit_columns()
        self._select(selected)
        self._update_title()
        self._update_status()
        self.sig_project_changed.emit()

    def fit_columns(self, widest: int = 230) -> None:
        """Size columns to the first rows' content, none wider than ``widest``."""
        self.table.horizontalHeader().setResizeContentsPrecision(40)
        self.table.resizeColumnsToContents()
        for column in range(self.survey_model.columnCount()):
            self.table.setColumnWidth(column, min(self.table.columnWidth(column), widest))

    def after_change(self, select_id: int | None = None) -> None:
        """Called by undo commands and editors after they changed the project."""
        self._select_after = select_id
        self.refresh()
        self._select_after = None

    def after_settings_change(self) -> None:
        """Called after the rules, costs, prices or tender details changed (or were undone)."""
        if self._project is None:
            return
        self._show_settings()
        self.after_change(self._selected_id())

    def reanalyse(self) -> None:
        if self._project is not None:
            self._selected_before = self._select_after or self._selected_id()
            self.statusBar().showMessage("Analysing…")
            self.runner.request()

    def _analysis_finished(self, loaded: Loaded) -> None:
        self.analysis, self.costing = loaded.analysis, loaded.costing
        self.rules_warning.setVisible(not loaded.analysis.rule_set_ids)
        self._show_loaded(loaded.cameras, loaded.analysis, loaded.haystack, loaded.sites,
                          self._selected_before, loaded.changed)  # fmt: skip
        self.costs_tab.show_costing(loaded.costing)
        self._update_status()
        self.statusBar().showMessage("Analysis up to date", 3000)
        self.sig_analysis_done.emit()

    def _analysis_failed(self, message: str) -> None:
        self._error("Analysis failed", f"The survey could not be analysed: {message}")
        self.sig_analysis_done.emit()

    def set_rule_profile(self, rule_set_ids: list[str]) -> None:
        assert self._project is not None
        self.statusBar().showMessage("Rule profile changed: re-evaluating…")
        self.undo_stack.push(RuleProfileCommand(self, rule_set_ids))

    def apply_cost_settings(self, values: dict[str, object]) -> None:
        assert self._project is not None
        before = project_settings.section(self._project, "cost")
        try:
            note = project_settings.set_cost_settings(self._project, values)
        except ValueError as exc:
            self.costs_tab.message.setText(str(exc))
            return
        self.undo_stack.push(SettingsCommand(self, "cost", "Change costs", before))
        self.after_settings_change()
        if note:
            self.statusBar().showMessage(note, 10000)

    # ------------------------------------------------------------ selection and detail

    def _selected_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        source = self.proxy.mapToSource(rows[0])
        return self.survey_model.camera_at(source.row()).id

    def _select(self, camera_id: int | None) -> None:
        if camera_id is None:
            self._show_selected()
            return
        row = self.survey_model.row_of(camera_id)
        if row is None:
            self._show_selected()
            return
        index = self.proxy.mapFromSource(self.survey_model.index(row, 0))
        if index.isValid():
            self.table.selectRow(index.row())
            self.table.scrollTo(index)
        self._show_selected()

    def select_tag(self, tag: str) -> bool:
        """Select the camera with this tag (keyboard users and tests)."""
        for row in range(self.survey_model.rowCount()):
            if self.survey_model.camera_at(row).camera.display_tag == tag:
                self._select(self.survey_model.camera_at(row).id)
                return True
        return False

    def _selection_changed(self, _new: QItemSelection, _old: QItemSelection) -> None:
        self._show_selected()

    def _show_selected(self) -> None:
        camera_id = self._selected_id()
        self.detail.units = self.units
        if camera_id is None or self._project is None:
            self.detail.show_camera(None, None, [])
            return
        row = self.survey_model.row_of(camera_id)
        assert row is not None
        stored = self.survey_model.camera_at(row)
        result = self.analysis.by_id(camera_id) if self.analysis else None
        names = capture.photo_names(self._project, camera_id)
        self.detail.show_camera(stored, result, names)

    def _apply_filters(self) -> None:
        self.proxy.set_filters(self.site_filter.currentText(), self.status_filter.currentText(),
                               self.search.text())  # fmt: skip
        self._update_status()

    # ------------------------------------------------------------ edits (undoable)

    def _tag(self, camera_id: int) -> str:
        row = self.survey_model.row_of(camera_id)
        return self.survey_model.camera_at(row).camera.display_tag if row is not None else "?"

    def use_offer(self, camera_id: int, model_key: str, note: str | None = None) -> None:
        result = self.analysis.by_id(camera_id) if self.analysis else None
        first = result.match.choice if result and result.match else None
        if first is not None and first.model.key == model_key and result and not result.override:
            return  # already the first choice
        chosen = Override(model_key, note or "alternate chosen by the user")
        self.undo_stack.push(OverrideCommand(self, camera_id, self._tag(camera_id), chosen))

    def clear_override(self, camera_id: int) -> None:
        self.undo_stack.push(OverrideCommand(self, camera_id, self._tag(camera_id), None))

    def choose_other_model(self, camera_id: int | None) -> None:
        camera_id = camera_id if camera_id is not None else self._selected_id()
        if camera_id is None or self.analysis is None:
            return
        allowed: list[CameraModel] = self.analysis.matcher.allowed_models()
        dialog = OverrideDialog(allowed, self)
        if dialog.exec() and (chosen := dialog.chosen()) is not None:
            key, note = chosen
            self.use_offer(camera_id, key, note or DEFAULT_NOTE)

    def add_camera(self) -> None:
        dialog = CameraDialog(None, self.units, self, self.survey_model.tags())
        if dialog.exec() and dialog.camera is not None:
            self.undo_stack.push(AddCameraCommand(self, dialog.camera))

    def edit_camera(self) -> None:
        camera_id = self._selected_id()
        if camera_id is None or self._project is None:
            return
        before = capture.camera(self._project, camera_id)
        assert before is not None
        dialog = CameraDialog(before, self.units, self, self.survey_model.tags(camera_id))
        if dialog.exec() and dialog.camera is not None:
            after = dialog.camera
            after.raw, after.extra = before.raw, before.extra
            self.undo_stack.push(EditCameraCommand(self, camera_id, before, after))

    def duplicate_camera(self) -> None:
        camera_id = self._selected_id()
        if camera_id is None or self._project is None:
            return
        camera = capture.camera(self._project, camera_id)
        assert camera is not None
        camera.tag = _unused_tag(f"{camera.tag or 'camera'} (copy)", self.survey_model.tags())
        self.undo_stack.push(AddCameraCommand(self, camera, "Duplicate camera"))

    def delete_camera(self) -> None:
        camera_id = self._selected_id()
        if camera_id is None or self._project is None:
            return
        camera = capture.camera(self._project, camera_id)
        assert camera is not None
        self.undo_stack.push(DeleteCameraCommand(self, camera_id, camera))

    def choose_photo(self, camera_id: int) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Add photo", self.settings.last_folder,
                                              "Images (*.jpg *.jpeg *.png *.heic)")  # fmt: skip
        if path and self._project is not None:
            try:
                capture.add_photo(self._project, camera_id, Path(path))
            except OSError as exc:
                self._error("Cannot add photo", str(exc))
                return
            self._show_selected()
            self._update_title()

    # ------------------------------------------------------------ export

    def choose_export(self) -> None:
        if self.analysis is None:
            self.statusBar().showMessage("The analysis is still running; try again in a moment")
            return
        if not self.analysis.outcomes:
            self._error("Nothing to export", "The project has no cameras yet: import a survey "
                        "or add cameras first.")  # fmt: skip
            return
        if not self.analysis.rule_set_ids:
            self._error("No rule set chosen", "No rule set is ticked in the Rules tab, so no "
                        "camera can be excluded. Choose the rules that apply first.")  # fmt: skip
            return
        path, _ = QFileDialog.getSaveFileName(self, "Export tender", self.settings.last_folder,
                                              "PDF (*.pdf)")  # fmt: skip
        if path:
            pdf = Path(path).with_suffix(".pdf")
            self.export_tender(pdf, pdf.with_name(pdf.stem + "-boq.xlsx"), ask_open=True)

    def export_tender(self, pdf: Path, boq: Path | None = None, ask_open: bool = False) -> None:
        """Write the tender off the GUI thread, with progress and cancel."""
        assert self._project is not None and self.analysis is not None
        export_in_background(self, self, self._project, self.analysis, pdf, boq, ask_open)

    def _check_units(self) -> None:
        chosen = self.action_imperial if self.units is UnitSystem.IMPERIAL else self.action_metric
        chosen.setChecked(True)

    def set_units(self, units: UnitSystem) -> None:
        self.units = units
        self.settings.units = units
        self._check_units()
        self.survey_model.set_unit_system(units)
        self.plans_tab.set_units(units)
        self._show_selected()

    def show_preferences(self) -> None:
        rule_sets = projects.catalog_of(self._project).rule_sets if self._project else []
        if PreferencesDialog(self.settings, rule_sets, self).exec():
            self.set_units(self.settings.units)

    def edit_tender_details(self) -> None:
        if self._project is None:
            return
        project = self._project

        before = project_settings.section(project, "tender")

        def store(values: dict[str, str]) -> None:
            project_settings.set_tender_settings(project, values)

        dialog = TenderDialog(project_settings.tender_settings(project), store, self)
        if dialog.exec():
            self.undo_stack.push(SettingsCommand(self, "tender", "Change tender details", before))
            self._update_title()

    def show_about(self) -> None:
        QMessageBox.about(self, "About SpecAssist",
                          f"SpecAssist {__version__}\nTurns a CCTV site survey into a tender "
                          "for replacing excluded cameras. Works offline.")  # fmt: skip

    def _update_title(self) -> None:
        if self._project is None:
            return
        name = self._project.path.name if self._project.path else "Untitled project"
        dirty = self._project.dirty or not self.undo_stack.isClean()
        self.setWindowTitle(f"{name}{' *' if dirty else ''} — SpecAssist {__version__}")

    def _update_status(self) -> None:
        total = self.survey_model.rowCount()
        shown = self.proxy.rowCount()
        parts = [f"{total} cameras" + (f" ({shown} shown)" if shown != total else "")]
        if self.analysis is not None:
            counts = self.analysis.counts()
            parts.append(", ".join(f"{n} {v.value}" for v, n in counts.items()))
        if self.costing is not None:
            unpriced = len(self.costing.missing)
            parts.append(
                f"total {self.costing.total}"
                + (f" — partial: {unpriced} item(s) have no price" if unpriced else "")
            )
        self.status_label.setText(" · ".join(parts))

    # ------------------------------------------------------------ autosave, drops, close

    def autosave(self) -> None:
        """Copy unsaved work aside every minute, on a worker: a copy of a large project takes
        a fifth of a second or more."""
        project = self._project
        if project is None or not project.dirty:
            return
        folder, session = autosave_folder(), self.session_id

        def work(_progress: workers.Progress, _cancelled: object) -> object:
            return recovery.autosave(project, folder, session)

        def failed(message: str) -> None:
            self.statusBar().showMessage(f"Autosave failed: {message}", 5000)

        workers.run_task(work, lambda _path: None, failed)

    def offer_recovery(self) -> bool:
        """After a crash, offer the unsaved work the last session left behind."""
        recovered = ask_to_recover(self, autosave_folder(), self.session_id)
        if recovered is not None:
            self._replace_project(recovered)
        return recovered is not None

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        urls = event.mimeData().urls()
        if urls and Path(urls[0].toLocalFile()).suffix.lower() in SURVEY_SUFFIXES | {SUFFIX}:
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        for url in event.mimeData().urls():
            path = Path(url.toLocalFile())
            if path.suffix.lower() == SUFFIX:
                if self._may_discard():
                    self.open_project(path)
            elif path.suffix.lower() in SURVEY_SUFFIXES:
                self.import_survey(path)
        event.acceptProposedAction()

    def _error(self, title: str, text: str) -> None:
        QMessageBox.warning(self, title, text)

    def _may_discard(self) -> bool:
        if self._project is None or not (self._project.dirty or not self.undo_stack.isClean()):
            return True
        answer = QMessageBox.question(
            self,
            "Unsaved changes",
            "Save the changes to the open project first?",
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
        )
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._may_discard():
            event.ignore()
            return
        self.settings.geometry = bytes(self.saveGeometry().data())
        if self._project is not None:
            recovery.discard_autosave(autosave_folder(), self.session_id)
        self.runner.close()
        self._project = None
        event.accept()


def _unused_tag(wanted: str, taken: set[str]) -> str:
    """'C004 (copy)', or 'C004 (copy 2)' … when that is taken too."""
    candidate, n = wanted, 1
    while candidate.casefold() in taken:
        n += 1
        candidate = f"{wanted[:-1]} {n})" if wanted.endswith(")") else f"{wanted} {n}"
    return candidate
