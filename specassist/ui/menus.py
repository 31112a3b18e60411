"""The window's actions, menus and toolbar, declared in one place.

Undo and redo keep fixed labels ("Undo", "Redo") and carry the step they
would take in their tooltip and status tip: a label that changes with every
edit would resize its toolbar button and move every button after it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence, QUndoStack
from PySide6.QtWidgets import QMenu, QToolBar, QWidget

from specassist.domain.formatting import UnitSystem
from specassist.ui import errors

if TYPE_CHECKING:
    from specassist.ui.main_window import MainWindow

Shortcut = QKeySequence | QKeySequence.StandardKey | str | None


def make_action(
    parent: QWidget,
    text: str,
    slot: Callable[[], object],
    shortcut: Shortcut = None,
    tip: str = "",
) -> QAction:
    action = QAction(text, parent)
    if shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
    if tip:
        action.setStatusTip(tip)
        action.setToolTip(tip)
    action.triggered.connect(slot)
    return action


def stack_action(stack: QUndoStack, parent: QWidget, redo: bool) -> QAction:
    """Undo or redo with a fixed label; the step it takes is in the tooltip."""
    verb = "Redo" if redo else "Undo"
    action = QAction(f"&{verb}", parent)
    action.setShortcut(QKeySequence(QKeySequence.StandardKey.Redo if redo else
                                    QKeySequence.StandardKey.Undo))  # fmt: skip
    action.triggered.connect(stack.redo if redo else stack.undo)

    def enable(possible: bool) -> None:
        action.setEnabled(possible)

    def describe(step: str) -> None:
        tip = f"{verb} {step[:1].lower()}{step[1:]}" if step else f"Nothing to {verb.lower()}"
        action.setToolTip(tip)
        action.setStatusTip(tip)

    (stack.canRedoChanged if redo else stack.canUndoChanged).connect(enable)
    (stack.redoTextChanged if redo else stack.undoTextChanged).connect(describe)
    enable(stack.canRedo() if redo else stack.canUndo())
    describe(stack.redoText() if redo else stack.undoText())
    return action


def build(window: MainWindow) -> None:
    """Create the window's ``action_*`` attributes, its menus and its toolbar."""
    keys = QKeySequence.StandardKey
    files, edits, helps = window.files, window.edits, window.help

    def a(text: str, slot: Callable[[], object], shortcut: Shortcut = None,
          tip: str = "") -> QAction:  # fmt: skip
        return make_action(window, text, slot, shortcut, tip)

    w = window
    w.action_new = a("&New project", lambda: w.new_project(background=True), keys.New,
                     "Start an empty project")  # fmt: skip
    w.action_open = a("&Open project…", files.choose_project, keys.Open, "Open a saved project")
    w.action_import = a("&Import survey…", files.choose_survey, "Ctrl+I",
                        "Import a survey spreadsheet (CSV, XLSX, XLS or ODS)")  # fmt: skip
    w.action_prices = a("Import &price list…", files.choose_price_list, "Ctrl+Shift+P",
                        "Add a supplier's price list to the project")  # fmt: skip
    w.action_discover = a("&Discover devices…", w.discover_devices, None,
                          "Find cameras on the site network and add them")  # fmt: skip
    w.action_save = a("&Save", files.save, keys.Save, "Save the project")
    w.action_save_as = a("Save &as…", files.save_as, keys.SaveAs,
                         "Save the project under a new name")  # fmt: skip
    w.action_export = a("&Export tender…", w.choose_export, "Ctrl+E",
                        "Write the tender: PDF, DOCX, estimate, pricing schedule")  # fmt: skip
    w.action_quit = a("&Quit", w.close, keys.Quit, "Close SpecAssist")
    w.action_undo = stack_action(w.undo_stack, w, redo=False)
    w.action_redo = stack_action(w.undo_stack, w, redo=True)
    w.action_add = a("&Add camera…", edits.add_camera, "Ctrl+Shift+N",
                     "Add a camera seen on site")  # fmt: skip
    w.action_edit = a("&Edit camera…", edits.edit_camera, "F2", "Edit the selected camera")
    w.action_duplicate = a("&Duplicate camera", edits.duplicate_camera, "Ctrl+D",
                           "Copy the selected camera as a new one")  # fmt: skip
    w.action_delete = a("De&lete camera", edits.delete_camera, keys.Delete,
                        "Delete the selected camera")  # fmt: skip
    w.action_override = a("&Choose replacement…", lambda: edits.choose_other_model(None),
                          "Ctrl+R", "Pick any allowed model for the selected camera")  # fmt: skip
    w.action_tender = a("&Tender details…", w.edit_tender_details, "Ctrl+T",
                        "Title, client, revision and layout of the tender")  # fmt: skip
    w.action_find = a("&Find", lambda: w.search.setFocus(), keys.Find, "Filter the survey")
    w.action_compare_catalog = a(
        "Compare with c&atalog…", lambda: _compare_catalog(w), None,
        "List what differs between the project's catalog and the catalog, and update it",
    )  # fmt: skip
    w.action_preferences = a("Pre&ferences…", w.show_preferences, keys.Preferences,
                             "Units, rules for new projects, the issuing organisation")  # fmt: skip
    w.action_metric = a("&Metric units", lambda: w.set_units(UnitSystem.METRIC), None,
                        "Show lengths in metres and densities in px/m")  # fmt: skip
    w.action_imperial = a("&Imperial units", lambda: w.set_units(UnitSystem.IMPERIAL), None,
                          "Show lengths in feet and densities in px/ft")  # fmt: skip
    w.units_group = QActionGroup(w)
    for unit_action in (w.action_metric, w.action_imperial):
        unit_action.setCheckable(True)
        w.units_group.addAction(unit_action)
    w.action_getting_started = a("&Getting started", helps.getting_started, keys.HelpContents,
                                 "The steps from a survey to a tender")  # fmt: skip
    w.action_shortcuts = a("&Keyboard shortcuts", helps.shortcuts, "Ctrl+/",
                           "Every keyboard shortcut of the window")  # fmt: skip
    w.action_show_log = a("Show &log", errors.open_log, None,
                          "Open the log file, where every error is recorded")  # fmt: skip
    w.action_about = a("&About SpecAssist", helps.about, None, "Version and purpose")
    # fmt: off
    menus: dict[str, list[QAction | str | None]] = {
        "&File": [w.action_new, w.action_open, "recent", None, w.action_import,
                  w.action_discover, w.action_prices, None, w.action_save, w.action_save_as,
                  None, w.action_export, None, w.action_quit],
        "&Edit": [w.action_undo, w.action_redo, None, w.action_add, w.action_edit,
                  w.action_duplicate, w.action_delete, None, w.action_override, w.action_find,
                  None, w.action_tender, w.action_compare_catalog, w.action_preferences],
        "&View": [w.action_metric, w.action_imperial],
        "&Help": [w.action_getting_started, w.action_shortcuts, None, w.action_show_log, None,
                  w.action_about],
    }
    # fmt: on
    for title, actions in menus.items():
        menu = w.menuBar().addMenu(title)
        for action in actions:
            if action is None:
                menu.addSeparator()
            elif action == "recent":
                w.recent_menu = menu.addMenu("Open &recent")
                w.recent_menu.aboutToShow.connect(files.fill_recent)
            elif isinstance(action, QAction):
                menu.addAction(action)
    toolbar = QToolBar("Main", w)
    toolbar.setObjectName("main-toolbar")
    toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
    toolbar.setMovable(False)
    for action in (w.action_new, w.action_open, w.action_save, w.action_import, w.action_add,
                   w.action_undo, w.action_redo, w.action_export):  # fmt: skip
        toolbar.addAction(action)
    w.toolbar = toolbar
    w.addToolBar(toolbar)


def shortcut_rows(menus: list[QMenu]) -> list[tuple[str, str, str]]:
    """(menu, command, keys) for every menu entry with a shortcut, in menu order — the
    shortcut list in Help is read from the menus, so it can never disagree with them."""
    rows = []
    for menu in menus:
        title = menu.title().replace("&", "")
        for action in menu.actions():
            if action.menu() is not None or action.isSeparator():
                continue
            keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            if keys:
                rows.append((title, action.text().replace("&", "").rstrip("…"), keys))
    return rows


def _compare_catalog(window: MainWindow) -> None:
    from specassist.ui.catalog_compare import compare_in_background  # on first use

    compare_in_background(window, window)
