"""The System tab in the window: the plan per site, settings and phases changed and undone."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from specassist.domain.system_settings import PhaseRule
from specassist.services import imports, projects, system_service
from specassist.ui.main_window import MainWindow
from specassist.ui.models.phase_assignment_model import PHASE_COLUMN
from specassist.ui.settings import AppSettings

DATA = Path(__file__).parents[1] / "data" / "system"


def _window(qtbot: QtBot, settings: AppSettings, tmp_path: Path) -> MainWindow:
    path = tmp_path / "system.specassist"
    with projects.new_project("System", path) as project:
        imports.import_into(project, DATA / "sadp_style_site.csv")
        imports.import_into(project, DATA / "configtool_style_site.csv")
        project.save()
    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.sig_analysis_done, timeout=30000):
        assert window.open_project(path, background=False)
    window.tabs.setCurrentWidget(window.system_tab)  # its tables fill when it is in view
    qtbot.waitUntil(lambda: window.system_tab.plan is not None, timeout=10000)
    return window


def _retention(window: MainWindow) -> int:
    assert window.project is not None
    return system_service.settings(window.project).recording.retention_days


def test_system_tab_plans_per_site_and_undoes_settings(
    qtbot: QtBot, app_settings: AppSettings, tmp_path: Path
) -> None:
    window = _window(qtbot, app_settings, tmp_path)
    tab = window.system_tab
    window.tabs.setCurrentWidget(tab)
    assert tab.recorders.rowCount() == 2 and tab.devices.rowCount() == 4
    tab.site.setCurrentText("Harbour Office")
    assert tab.recorders.rowCount() == 1 and tab.switches.rowCount() == 0
    assert "Harbour Office: 3 cameras recorded" in tab.summary.text()
    assert [tab.streams.row_at(r).tag for r in range(tab.streams.rowCount())] == [
        "IPC-01",
        "SD-01",
        "IPC-02",
    ]
    stored_before = tab.recorders.row_at(0).demand.stored_tb

    tab.form.retention.setValue(7)
    with qtbot.waitSignal(window.sig_analysis_done, timeout=30000):
        qtbot.mouseClick(tab.form.apply_button, Qt.MouseButton.LeftButton)
    assert _retention(window) == 7 and window.undo_stack.canUndo()
    qtbot.waitUntil(lambda: tab.recorders.row_at(0).demand.stored_tb < stored_before)
    assert tab.site.currentText() == "Harbour Office"
    with qtbot.waitSignal(window.sig_analysis_done, timeout=30000):
        window.action_undo.trigger()
    assert _retention(window) == 31
    qtbot.waitUntil(lambda: tab.form.retention.value() == 31)

    tab.form.duty.setText("lots")
    tab.form.mode.setCurrentIndex(tab.form.mode.findData("motion"))
    qtbot.mouseClick(tab.form.apply_button, Qt.MouseButton.LeftButton)
    assert "duty 'lots'" in tab.form.message.text() and _retention(window) == 31


def test_phase_by_hand_from_the_table_and_undo(
    qtbot: QtBot, app_settings: AppSettings, tmp_path: Path
) -> None:
    window = _window(qtbot, app_settings, tmp_path)
    tab = window.system_tab
    assert tab.assignments.rowCount() == 10  # every device the works remove
    door = next(r for r in range(10) if tab.assignments.row_at(r).tag == "VTO-01")
    with qtbot.waitSignal(window.sig_analysis_done, timeout=30000):
        tab.assignments.setData(tab.assignments.index(door, PHASE_COLUMN), "Year 2")
    assert window.project is not None
    phasing = system_service.settings(window.project).phasing
    assert phasing.rule is PhaseRule.MANUAL
    assert dict(phasing.assignments)[tab.assignments.row_at(door).device_id] == "Year 2"
    qtbot.waitUntil(lambda: tab.phases.rowCount() == 2)
    assert [tab.phases.row_at(r).phase.name for r in range(2)] == ["Whole works", "Year 2"]
    with qtbot.waitSignal(window.sig_analysis_done, timeout=30000):
        window.action_undo.trigger()
    assert system_service.settings(window.project).phasing.rule is PhaseRule.NONE
    qtbot.waitUntil(lambda: tab.phases.rowCount() == 1)
