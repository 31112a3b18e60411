"""The main window: the survey with verdicts and replacements, costs, catalog, rules and plans.

It holds the open project and the latest analysis, and calls services for
everything else; it never touches a database session, a parser or reportlab.
Its parts have modules of their own: the actions and menus (``menus``), the
file dialogs (``project_files``), edits to cameras (``camera_edits``), the
survey tab, export and help. Slow work (reading the catalog, analysis,
imports, export) runs through ``workers.run_task``; edits go through the undo
stack.
"""

from __future__ import annotations

import contextlib
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QUndoStack,
)
from PySide6.QtWidgets import QLabel, QMainWindow, QMenu, QMessageBox, QTabWidget, QToolBar

from specassist import __version__
from specassist.domain import formatting as fmt
from specassist.domain.costing import Costing
from specassist.domain.formatting import UnitSystem
from specassist.domain.issues import UserError
from specassist.domain.pipeline import Analysis
from specassist.domain.project_settings import TenderSettings
from specassist.services import capture, project_settings, projects, recovery
from specassist.services.imports import ImportMode, StoredImport
from specassist.services.projects import SUFFIX, Project
from specassist.services.tender_files import TenderFiles
from specassist.ui import exporter, menus, workers
from specassist.ui.analysis_runner import AnalysisRunner, Loaded
from specassist.ui.camera_edits import CameraEdits
from specassist.ui.catalog_compare import read_team_catalog, warn_unread
from specassist.ui.dialogs.help_dialog import HelpPages
from specassist.ui.dialogs.preferences_dialog import PreferencesDialog
from specassist.ui.dialogs.tender_dialog import TenderDialog
from specassist.ui.import_flow import ImportFlow
from specassist.ui.models.survey_table_model import SurveyTableModel
from specassist.ui.photos import PhotoLoader
from specassist.ui.plan.plan_tab import PlanTab
from specassist.ui.project_files import SURVEY_SUFFIXES, ProjectFiles
from specassist.ui.recovery import ask_to_recover, autosave_folder
from specassist.ui.settings import AppSettings
from specassist.ui.undo import ImportCommand, RuleProfileCommand, SettingsCommand
from specassist.ui.widgets.catalog_tab import CatalogTab
from specassist.ui.widgets.costs_tab import CostsTab
from specassist.ui.widgets.rules_tab import RulesTab
from specassist.ui.widgets.survey_tab import SurveyTab
from specassist.ui.widgets.system_tab import SystemTab

if TYPE_CHECKING:
    from specassist.ui.dialogs.discover_dialog import DiscoverDialog
    from specassist.ui.dialogs.export_dialog import ExportDialog

AUTOSAVE_MS = 60_000


class MainWindow(QMainWindow):
    sig_project_changed = Signal()
    sig_analysis_done = Signal()
    sig_export_done = Signal(str)
    sig_project_opened = Signal(bool)
    """A project is open (True: opened, or a new one is ready) or could not be opened."""
    sig_import_done = Signal(bool)
    """An import started by ``import_survey`` has ended: True when it stored cameras."""

    # Created by ``menus.build``.
    action_new: QAction
    action_open: QAction
    action_import: QAction
    action_prices: QAction
    action_discover: QAction
    action_save: QAction
    action_save_as: QAction
    action_export: QAction
    action_quit: QAction
    action_undo: QAction
    action_redo: QAction
    action_add: QAction
    action_edit: QAction
    action_duplicate: QAction
    action_delete: QAction
    action_override: QAction
    action_tender: QAction
    action_find: QAction
    action_compare_catalog: QAction
    action_preferences: QAction
    action_metric: QAction
    action_imperial: QAction
    action_getting_started: QAction
    action_shortcuts: QAction
    action_show_log: QAction
    action_about: QAction
    units_group: QActionGroup
    recent_menu: QMenu
    toolbar: QToolBar

    def __init__(self, settings: AppSettings | None = None, start: bool = True) -> None:
        """``start`` False shows the window without a project; ``start_up`` then makes one
        on a worker (the app does so, to paint before the catalog is read)."""
        super().__init__()
        self.settings = settings or AppSettings()
        self._project: Project | None = None
        self._catalog_shown: object = None
        self.analysis: Analysis | None = None
        self.costing: Costing | None = None
        self.vendor_names: dict[str, str] = {}
        self._counted_for: Analysis | None = None
        self._autosaving: workers.Task | None = None
        """The autosave copy being written, if one is."""
        self._counted_text = ("", "")
        """Display names by vendor id ("Hanwha Vision" for "hanwha"), from the catalog."""
        self.session_id = uuid.uuid4().hex[:12]
        self.units = self.settings.units
        self.undo_stack = QUndoStack(self)
        self.undo_stack.cleanChanged.connect(lambda _clean: self.update_title())
        self.files = ProjectFiles(self)
        self.edits = CameraEdits(self)
        self.help = HelpPages(self)
        self.importer = ImportFlow(self, self)
        self.importer.sig_done.connect(self.sig_import_done)
        self.runner = AnalysisRunner(self)
        self.runner.sig_ready.connect(self._analysis_finished)
        self.runner.sig_failed.connect(self._analysis_failed)
        self.runner.sig_progress.connect(lambda text: self.statusBar().showMessage(text))
        self._select_after: int | None = None
        self._selected_before: int | None = None
        self._fit_columns = True
        self._build_tabs()
        self.photos = PhotoLoader(self.detail, self)
        self.photos.sig_failed.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self.status_label = QLabel(self)
        self.statusBar().addPermanentWidget(self.status_label)
        menus.build(self)
        self._check_units()
        self.setAcceptDrops(True)
        self.resize(1366, 768)
        if self.settings.geometry:
            self.restoreGeometry(self.settings.geometry)
        self.autosave_timer = QTimer(self)
        self.autosave_timer.timeout.connect(self.autosave)
        self.autosave_timer.start(AUTOSAVE_MS)
        self._set_ready(False)
        if start:
            self.new_project(confirm=False)

    def _build_tabs(self) -> None:
        self.survey_model = SurveyTableModel(self.units, self)
        self.survey_tab = SurveyTab(self.survey_model)
        tab = self.survey_tab
        self.proxy, self.table, self.detail = tab.proxy, tab.table, tab.detail
        self.search, self.site_filter, self.status_filter = (tab.search, tab.site_filter,
                                                             tab.status_filter)  # fmt: skip
        self.rules_warning = tab.rules_warning
        tab.sig_selection_changed.connect(self.show_selected)
        tab.sig_filters_changed.connect(self._update_status)
        tab.sig_activated.connect(self.edits.edit_camera)
        self.detail.sig_use_offer.connect(self.edits.use_offer)
        self.detail.sig_choose_other.connect(self.edits.choose_other_model)
        self.detail.sig_clear_override.connect(self.edits.clear_override)
        self.detail.sig_add_photo.connect(self.edits.choose_photo)
        self.costs_tab = CostsTab()
        self.costs_tab.sig_apply.connect(self.apply_cost_settings)
        self.costs_tab.sig_import_prices.connect(self.files.choose_price_list)
        self.catalog_tab = CatalogTab()
        self.rules_tab = RulesTab()
        self.rules_tab.sig_profile_changed.connect(self.set_rule_profile)
        self.rules_tab.sig_installed_changed.connect(self.set_installed_rule_sets)
        self.plans_tab = PlanTab(self.undo_stack)
        self.system_tab = SystemTab(self, self.undo_stack)
        self.runner.sig_ready.connect(self.system_tab.show_loaded)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.survey_tab, "&Survey")
        self.tabs.addTab(self.costs_tab, "C&osts")
        self.tabs.addTab(self.catalog_tab, "Cata&log")
        self.tabs.addTab(self.rules_tab, "&Rules")
        self.tabs.addTab(self.plans_tab, "&Plans")
        self.tabs.addTab(self.system_tab, "S&ystem")
        # Cameras dragged from the survey table open the Plans tab by hovering over it.
        self.tabs.tabBar().setChangeCurrentOnDrag(True)
        self.tabs.tabBar().setAcceptDrops(True)
        self.sig_analysis_done.connect(
            lambda: self.plans_tab.show_analysis(self._project, self.analysis, self.units)
        )
        self.setCentralWidget(self.tabs)

    def _set_ready(self, ready: bool) -> None:
        """Until the first project is in, only what needs no project can be used."""
        self.tabs.setEnabled(ready)
        needs_project = (self.action_new, self.action_import, self.action_prices,
                         self.action_discover, self.action_save, self.action_save_as,
                         self.action_export, self.action_add, self.action_tender)  # fmt: skip
        for action in needs_project:
            action.setEnabled(ready)
        if not ready:
            self.statusBar().showMessage("Reading the catalog…")

    # ------------------------------------------------------------ project life cycle

    @property
    def project(self) -> Project | None:
        return self._project

    def start_up(self, file: Path | None = None, demo: bool = False,
                 then: Callable[[], object] | None = None) -> None:  # fmt: skip
        """Open what the app was started with, off the GUI thread; ``then`` runs once it is
        open (or failed). A project file is opened directly; otherwise a new project is
        made and the demo or the survey imported into it."""
        if file is not None and file.suffix.lower() == SUFFIX:

            def opened(ok: bool) -> None:
                self.sig_project_opened.disconnect(opened)
                if ok:
                    if then is not None:
                        then()
                else:  # nothing to show: start empty, as if no file was named
                    self.start_up(None, False, then)

            self.sig_project_opened.connect(opened)
            self.open_project(file)
            return

        def ready(project: Project) -> None:
            self._replace_project(project)
            self.load_start_file(file, demo)
            self.sig_project_opened.emit(True)
            if then is not None:
                then()

        self.new_project(confirm=False, background=True, then=ready)

    def load_start_file(self, file: Path | None, demo: bool) -> None:
        """Import the survey or the demo the app was started with into the empty project."""
        if demo:
            from specassist.resources import demo_survey

            self.import_survey(demo_survey(), ask_mapping=False, background=False)
            self.undo_stack.clear()  # the demo is where the user starts, not a step to undo
            if self._project is not None:
                self._project.dirty = False
            self.refresh(reanalyse=False)
        elif file is not None:
            if file.suffix.lower() == SUFFIX:
                self.open_project(file)
            else:
                self.import_survey(file)

    def _replace_project(self, project: Project) -> None:
        if self._project is not None:
            self.discard_autosave()
        self.runner.replace_project(project)
        self._project = project
        self.undo_stack.clear()
        self._fit_columns = True
        self.analysis = None
        self.costing = None
        self._show_settings()
        self._set_ready(True)
        self.refresh()

    def _show_settings(self) -> None:
        """Put the project's rule profile and cost settings into their tabs."""
        assert self._project is not None
        catalog = projects.catalog_of(self._project)
        if catalog is not self._catalog_shown:  # a new project, or its snapshot was replaced
            self.vendor_names = catalog.vendor_names()
            self.survey_model.set_vendor_names(self.vendor_names)
            self.detail.vendor_names = self.vendor_names
            self.catalog_tab.set_models(catalog.models, self.vendor_names)
            self._catalog_shown = catalog
        self.rules_tab.blockSignals(True)
        self.rules_tab.set_rules(catalog.rule_sets, projects.rule_profile(self._project),
                                 project_settings.installed_rule_sets(self._project))  # fmt: skip
        self.rules_tab.blockSignals(False)
        self.costs_tab.show_settings(project_settings.cost_settings(self._project))

    def new_project(self, confirm: bool = True, background: bool = False,
                    then: Callable[[Project], None] | None = None) -> None:  # fmt: skip
        """An empty project with the user's default rules and issuer.

        ``background`` makes it on a worker — reading and storing the catalog takes
        a second or more — and hands it to ``then`` (by default: show it).
        """
        if confirm and not self.files.may_discard():
            return
        settings = self.settings
        rules, installed, issuer = (settings.default_rules, settings.installed_rules,
                                    settings.issuer)  # fmt: skip
        url = settings.catalog_url
        unread: list[str] = []

        def make() -> Project:
            catalog = None
            if url:  # the team catalog of the preferences, else the catalog folder
                catalog, problem = read_team_catalog(url)
                unread.extend([problem] if problem else [])
            project = projects.new_project("Untitled project", catalog=catalog)
            if rules:
                # A default naming a rule set this catalog lacks keeps the full profile.
                with contextlib.suppress(ValueError):
                    projects.set_rule_profile(project, rules)
            if installed:
                with contextlib.suppress(ValueError):
                    project_settings.set_installed_rule_sets(project, installed)
            if issuer:
                project_settings.set_tender_settings(project, {"issuer": issuer})
            projects.catalog_of(project)  # read here; the window then finds it ready
            project.dirty = False  # nothing the user did yet
            return project

        def show(project: Project) -> None:
            self._replace_project(project)
            for problem in unread:
                warn_unread(self, problem)
            if background:
                self.sig_project_opened.emit(True)

        take = then or show
        if not background:
            take(make())
            return

        def work(_progress: workers.Progress, _cancelled: object) -> object:
            projects.clean_stale_working_copies()  # copies left by sessions that were killed
            return make()

        def failed(message: str) -> None:
            self._error("Cannot start a project", f"The catalog could not be read: {message}")

        self._set_ready(False)
        workers.run_task(work, lambda project: take(project), failed)

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

    def import_price_list(self, path: Path) -> bool:
        return self.files.import_price_list(path)

    def camera_count(self) -> int:
        return self.survey_model.rowCount()

    def record_import(self, stored: StoredImport) -> None:
        """An import already stored (a file on a worker, devices found on the network)."""
        self.undo_stack.push(ImportCommand(self, stored))
        self.refresh()

    def discover_devices(self) -> DiscoverDialog:
        """Scan the network; accepted devices become a new import in the open project.
        (Its modules load when it is first opened, not before the window's first paint.)"""
        from specassist.ui.dialogs.discover_dialog import DiscoverDialog, add_discovered

        dialog = DiscoverDialog(self)
        dialog.sig_accepted.connect(lambda survey: add_discovered(self, survey))
        dialog.open()
        return dialog

    def save(self) -> bool:
        return self.files.save()

    # ------------------------------------------------------------ analysis

    def refresh(self, reanalyse: bool = True) -> None:
        """Re-analyse on a worker thread (the table updates after); ``reanalyse=False`` only
        updates the title and status (after a save)."""
        if self._project is None:
            return
        self.update_title()
        if reanalyse:
            self.reanalyse()

    def reanalyse(self) -> None:
        if self._project is not None:
            self._selected_before = self._select_after or self.selected_id()
            self.statusBar().showMessage("Analysing…")
            self.runner.request()

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
        self.after_change(self.selected_id())

    def _analysis_finished(self, loaded: Loaded) -> None:
        self.analysis, self.costing = loaded.analysis, loaded.costing
        self.rules_warning.setVisible(not loaded.analysis.rule_set_ids)
        self.survey_tab.show_loaded(loaded.cameras, loaded.analysis.outcomes, loaded.haystack,
                                    loaded.sites, loaded.changed)  # fmt: skip
        if self._fit_columns and loaded.cameras:
            self._fit_columns = False
            # On the next turn of the event loop: sizing columns from a large table's first
            # rows is tens of milliseconds the window need not add to taking the analysis.
            QTimer.singleShot(0, self.survey_tab.fit_columns)
        self.survey_tab.select(self._selected_before)
        self.update_title()
        self.costs_tab.show_costing(loaded.costing)
        self._update_status()
        self.statusBar().showMessage("Analysis up to date", 3000)
        self.sig_project_changed.emit()
        self.sig_analysis_done.emit()

    def _analysis_failed(self, message: str) -> None:
        self._error("Analysis failed", f"The survey could not be analysed: {message}")
        self.sig_analysis_done.emit()

    def set_rule_profile(self, rule_set_ids: list[str]) -> None:
        assert self._project is not None
        self.statusBar().showMessage("Rule profile changed: re-evaluating…")
        self.undo_stack.push(RuleProfileCommand(self, rule_set_ids))

    def set_installed_rule_sets(self, rule_set_ids: list[str]) -> None:
        """Apply offer-only rule sets (the FCC's) to the installed cameras too, or stop."""
        assert self._project is not None
        before = project_settings.section(self._project, "rules")
        project_settings.set_installed_rule_sets(self._project, rule_set_ids)
        text = "Apply rules to installed equipment"
        self.undo_stack.push(SettingsCommand(self, "rules", text, before))
        self.after_settings_change()

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

    def selected_id(self) -> int | None:
        return self.survey_tab.selected_id()

    def select_tag(self, tag: str) -> bool:
        """Select the camera with this tag (keyboard users and tests)."""
        return self.survey_tab.select_tag(tag)

    def show_selected(self) -> None:
        camera_id = self.selected_id()
        self.detail.units = self.units
        if camera_id is None or self._project is None:
            self.detail.show_camera(None, None, [])
            self.photos.load(None, None)
            return
        row = self.survey_model.row_of(camera_id)
        assert row is not None
        stored = self.survey_model.camera_at(row)
        result = self.analysis.by_id(camera_id) if self.analysis else None
        names = capture.photo_names(self._project, camera_id)
        strip = self.detail.photo_strip
        shown = strip.camera_id == camera_id and len(strip.photos) == len(names)
        self.detail.show_camera(stored, result, names)
        if not shown:
            self.photos.load(self._project, camera_id if names else None)

    # ------------------------------------------------------------ export, units, dialogs

    def choose_export(self) -> ExportDialog | None:
        """The Export tender dialog (``None`` when there is nothing honest to export yet)."""
        folder, base = self.files.export_target()
        return exporter.choose_export(self, self._project, self.analysis, folder, base)

    def export_tender(self, files: TenderFiles, ask_open: bool = False) -> None:
        """Write the tender's files off the GUI thread, with progress and cancel."""
        assert self._project is not None and self.analysis is not None
        exporter.export_in_background(self, self, self._project, self.analysis, files,
                                      ask_open)  # fmt: skip

    def store_export_choices(self, chosen: TenderSettings) -> None:
        """Keep what the export writes with the project, undoably, as tender details are."""
        assert self._project is not None
        before = project_settings.section(self._project, "tender")
        project_settings.set_export_choices(self._project, chosen)
        if project_settings.section(self._project, "tender") != before:
            self.undo_stack.push(SettingsCommand(self, "tender", "Change export choices", before))
            self.update_title()

    def remember_export_folder(self, folder: Path) -> None:
        self.settings.export_folder = str(folder)

    def _check_units(self) -> None:
        chosen = self.action_imperial if self.units is UnitSystem.IMPERIAL else self.action_metric
        chosen.setChecked(True)

    def set_units(self, units: UnitSystem) -> None:
        self.units = units
        self.settings.units = units
        self._check_units()
        self.survey_model.set_unit_system(units)
        self.plans_tab.set_units(units)
        self.show_selected()

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
            self.update_title()

    def update_title(self) -> None:
        if self._project is None:
            return
        name = self._project.path.name if self._project.path else "Untitled project"
        dirty = self._project.dirty or not self.undo_stack.isClean()
        self.setWindowTitle(f"{name}{' *' if dirty else ''} — SpecAssist {__version__}")

    def _counted(self, total: int) -> tuple[str, str]:
        """The devices by class and the analysis's counts, worked out once per analysis (the
        status line is redrawn at every keystroke in the filter)."""
        analysis = self.analysis
        if analysis is None or len(analysis.outcomes) != total:
            return fmt.device_count(["camera"] * total), ""
        if self._counted_for is not analysis:
            counts = analysis.counts()
            self._counted_text = (
                fmt.device_count(o.device_class for o in analysis.outcomes),
                ", ".join(f"{n} {v.value}" for v, n in counts.items() if n),
            )
            self._counted_for = analysis
        return self._counted_text

    def _update_status(self) -> None:
        total = self.survey_model.rowCount()
        shown = self.proxy.rowCount()
        devices, counts = self._counted(total)
        parts = [devices + (f" ({shown} shown)" if shown != total else "")]
        if counts:
            parts.append(counts)
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
        if self._autosaving is not None and not self._autosaving.done:
            return  # one copy at a time: two writers of one file would spoil each other's
        folder, session = autosave_folder(), self.session_id

        def work(_progress: workers.Progress, _cancelled: object) -> object:
            return recovery.autosave(project, folder, session)

        def failed(message: str) -> None:
            self.statusBar().showMessage(f"Autosave failed: {message}", 5000)

        self._autosaving = workers.run_task(work, lambda _path: None, failed)

    def discard_autosave(self) -> None:
        """The open work is saved or replaced: its autosave is no longer needed."""
        recovery.discard_autosave(autosave_folder(), self.session_id)

    def offer_recovery(self) -> bool:
        """After a crash, offer the unsaved work the last session left behind."""
        recovered = ask_to_recover(self, autosave_folder(), self.session_id)
        if recovered is not None:
            self._replace_project(recovered)
        return recovered is not None

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._project is None:
            return  # still starting: a drop now would have nowhere to go
        urls = event.mimeData().urls()
        if urls and Path(urls[0].toLocalFile()).suffix.lower() in SURVEY_SUFFIXES | {SUFFIX}:
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        for url in event.mimeData().urls():
            path = Path(url.toLocalFile())
            if path.suffix.lower() == SUFFIX:
                if self.files.may_discard():
                    self.open_project(path)
            elif path.suffix.lower() in SURVEY_SUFFIXES:
                self.import_survey(path)
        event.acceptProposedAction()

    def _error(self, title: str, text: str) -> None:
        QMessageBox.warning(self, title, text)

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.files.may_discard():
            event.ignore()
            return
        self.settings.geometry = bytes(self.saveGeometry().data())
        if self._project is not None:
            self.discard_autosave()
        self.runner.close()
        self._project = None
        event.accept()
