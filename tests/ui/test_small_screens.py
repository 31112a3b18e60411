"""A laptop at 1024×600: what must stay in view, what must not move, what must scroll; and
the polish a first-time user meets (help pages, suggested file names, vendor names)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QScrollArea, QToolButton
from pytestqt.qtbot import QtBot

from specassist.domain.formatting import UnitSystem
from specassist.services import project_settings
from specassist.ui.dialogs.camera_dialog import CameraDialog
from specassist.ui.dialogs.override_dialog import OverrideDialog
from specassist.ui.main_window import MainWindow
from specassist.ui.menus import shortcut_rows
from specassist.ui.models.catalog_table_model import CatalogTableModel
from specassist.ui.models.survey_table_model import REPLACEMENT
from specassist.ui.undo import SettingsCommand


def test_at_1024_by_600_status_and_replacement_are_in_view_and_the_reasons_readable(
    qtbot: QtBot, demo_window: MainWindow
) -> None:
    window = demo_window
    window.resize(1024, 600)
    qtbot.waitUntil(lambda: window.width() == 1024, timeout=5000)
    assert window.select_tag("C001")
    qtbot.waitUntil(lambda: not window.survey_tab.fitting, timeout=5000)
    table, model = window.table, window.survey_model
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    visible = table.viewport().rect()
    for name in ("Status", REPLACEMENT):
        column = headers.index(name)
        left = table.columnViewportPosition(column)
        assert left >= 0 and left + table.columnWidth(column) <= visible.width(), name
    assert window.detail.text.height() >= 120  # more than four lines of reasons
    assert window.detail.width() >= 300 and table.width() >= 420


def test_undo_and_redo_keep_their_labels_so_no_toolbar_button_moves(
    qtbot: QtBot, demo_window: MainWindow
) -> None:
    window = demo_window
    buttons = [window.toolbar.widgetForAction(a) for a in window.toolbar.actions()]
    assert all(isinstance(b, QToolButton) for b in buttons)
    before = [QRect(b.geometry()) for b in buttons]
    assert window.project is not None
    old = project_settings.section(window.project, "tender")
    project_settings.set_tender_settings(window.project, {"client": "Riverside Borough Council"})
    window.undo_stack.push(SettingsCommand(window, "tender", "Change tender details", old))
    qtbot.waitUntil(lambda: window.action_undo.isEnabled(), timeout=5000)
    assert window.action_undo.text() == "&Undo"
    assert window.action_undo.toolTip() == "Undo change tender details"
    assert [b.geometry() for b in buttons] == before
    window.action_undo.trigger()
    assert window.action_redo.text() == "&Redo"
    assert window.action_redo.toolTip() == "Redo change tender details"
    assert window.action_undo.toolTip() == "Nothing to undo"
    assert [b.geometry() for b in buttons] == before


def test_add_camera_fits_a_600_pixel_screen_with_its_buttons_in_view(
    qtbot: QtBot, demo_window: MainWindow
) -> None:
    window = demo_window
    dialog = CameraDialog(None, UnitSystem.METRIC, window, window.survey_model.tags())
    qtbot.addWidget(dialog)
    screen = dialog.screen().availableGeometry()
    assert dialog.height() <= screen.height() - 40  # sized to the screen it opens on
    dialog.resize(dialog.width(), 600 - 40)  # as it opens on a 600-pixel-high screen
    dialog.show()
    qtbot.waitExposed(dialog)
    ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    bottom = ok.mapTo(dialog, ok.rect().bottomLeft()).y()
    assert ok.isVisible() and bottom <= dialog.height()
    scroll = dialog.findChild(QScrollArea)
    assert scroll.verticalScrollBar().maximum() > 0  # the fields scroll instead
    notes = dialog.fields["notes"]
    scroll.ensureWidgetVisible(notes)
    assert notes.visibleRegion().boundingRect().height() > 0


def test_help_has_a_getting_started_page_and_every_shortcut_from_the_menus(
    qtbot: QtBot, demo_window: MainWindow
) -> None:
    window = demo_window
    page = window.help.getting_started()
    qtbot.addWidget(page)
    assert "Import survey" in page.text.toPlainText() and "Rules" in page.text.toPlainText()
    shortcuts = window.help.shortcuts()
    qtbot.addWidget(shortcuts)
    text = shortcuts.text.toPlainText()
    menus = [m for a in window.menuBar().actions() if (m := a.menu()) is not None]
    rows = shortcut_rows(menus)  # type: ignore[arg-type]
    assert ("File", "Save", "Ctrl+S") in rows and ("Edit", "Add camera", "Ctrl+Shift+N") in rows
    for _menu, command, keys in rows:
        assert command in text and keys in text
    assert window.action_getting_started.shortcut().toString() == "F1"


@pytest.fixture
def asked(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """The (caption, suggested path) of each file dialog; every dialog is cancelled."""
    seen: list[tuple[str, str]] = []

    def dialog(_parent: object, caption: str, start: str, *_args: object) -> tuple[str, str]:
        seen.append((caption, start))
        return "", ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(dialog))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(dialog))
    return seen


def test_save_and_export_suggest_the_project_folder_and_name(
    demo_window: MainWindow,
    tmp_path: Path,
    asked: list[tuple[str, str]],
) -> None:
    window = demo_window

    def export_suggests() -> tuple[str, str]:
        dialog = window.choose_export()
        assert dialog is not None
        suggested = (dialog.folder_edit.text(), dialog.name_edit.text())
        dialog.reject()
        return suggested

    documents = window.files.project_folder()
    window.files.save_as()
    assert asked[-1] == ("Save project", str(documents / "Untitled project.specassist"))
    assert export_suggests() == (str(documents), "Untitled project tender")

    assert window.files.save_to(tmp_path / "riverside.specassist")
    assert export_suggests() == (str(tmp_path), "riverside tender")
    window.files.save_as()
    assert asked[-1] == ("Save project", str(tmp_path / "riverside.specassist"))
    assert window.project is not None
    project_settings.set_tender_settings(window.project, {"project": "Riverside: phase 2/3"})
    assert export_suggests() == (str(tmp_path), "Riverside- phase 2-3 tender")
    window.settings.export_folder = str(tmp_path / "gone")  # a folder since removed
    assert export_suggests()[0] == str(tmp_path)
    window.files.choose_survey()  # no import yet this session: the project's folder
    assert asked[-1] == ("Import survey", str(tmp_path))


def test_vendors_show_by_name_in_the_catalog_and_the_override_list(
    qtbot: QtBot, demo_window: MainWindow
) -> None:
    window = demo_window
    names = window.vendor_names
    assert names["hanwha"] == "Hanwha Vision"
    catalog: CatalogTableModel = window.catalog_tab.model
    assert catalog.rowCount() == 0  # listed when the tab is first shown, not at every open
    window.tabs.setCurrentWidget(window.catalog_tab)
    first = catalog.model_at(0)
    assert catalog.data(catalog.index(0, 0)) == names[first.vendor_id]
    vendors = [window.catalog_tab.vendor.itemText(i)
               for i in range(window.catalog_tab.vendor.count())]  # fmt: skip
    assert "Hanwha Vision" in vendors and "hanwha" not in vendors
    window.catalog_tab.vendor.setCurrentText("Hanwha Vision")
    proxy = window.catalog_tab.proxy
    assert proxy.rowCount() > 0
    assert all(catalog.model_at(proxy.mapToSource(proxy.index(r, 0)).row()).vendor_id
               == "hanwha" for r in range(proxy.rowCount()))  # fmt: skip
    assert window.analysis is not None
    dialog = OverrideDialog(window.analysis.matcher.allowed_models(), window, names)
    qtbot.addWidget(dialog)
    texts = [dialog.list.item(i).text() for i in range(dialog.list.count())]
    assert any(t.startswith("Hanwha Vision ") for t in texts)
    assert not any(t.startswith("hanwha ") for t in texts)


def test_status_bar_leaves_out_states_no_camera_is_in(demo_window: MainWindow) -> None:
    window = demo_window
    text = window.status_label.text()
    assert "0 overridden" not in text and "not a camera" not in text
    assert "to replace" in text
