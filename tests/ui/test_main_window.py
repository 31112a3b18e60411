from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from pytestqt.qtbot import QtBot

from specassist.app import create_window
from specassist.services import capture, projects


def test_demo_opens_listing_every_demo_camera(qtbot: QtBot) -> None:
    window = create_window(demo=True)
    qtbot.addWidget(window)
    window.show()
    model = window.table.model()
    qtbot.waitUntil(lambda: model.rowCount() == 20, timeout=20000)
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers[:2] == ["Status", "Replacement"]  # beside each other, first on a small screen
    assert model.data(model.index(0, headers.index("Tag"))) == "C001"
    assert "20 cameras" in window.status_label.text()
    assert window.project is not None and not window.project.dirty


def test_import_then_save_as_and_reopen(qtbot: QtBot, tmp_path: Path, surveys: Path) -> None:
    window = create_window()
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.sig_import_done, timeout=20000):
        assert window.import_survey(surveys / "tab_bom_combined.txt")
    qtbot.waitUntil(lambda: window.table.model().rowCount() == 3, timeout=20000)
    assert window.windowTitle().endswith("— SpecAssist 0.1.0")
    assert "*" in window.windowTitle()
    target = tmp_path / "saved.specassist"
    assert window.files.save_to(target)
    assert "*" not in window.windowTitle()
    with projects.open_project(target) as reopened:
        assert len(capture.cameras(reopened)) == 3


def test_unreadable_survey_shows_an_error_not_a_crash(qtbot: QtBot, tmp_path: Path) -> None:
    window = create_window()
    qtbot.addWidget(window)
    shown: list[str] = []
    window._error = lambda title, text: shown.append(text)  # type: ignore[method-assign]
    with qtbot.waitSignal(window.sig_import_done, timeout=20000) as done:
        window.import_survey(tmp_path / "missing.csv")
    assert done.args == [False]
    assert shown and "missing.csv" in shown[0]
    assert window.table.model().rowCount() == 0


def test_keyboard_shortcuts_are_bound(qtbot: QtBot) -> None:
    window = create_window()
    qtbot.addWidget(window)
    assert window.action_save.shortcut().toString() == "Ctrl+S"
    assert window.action_import.shortcut().toString() == "Ctrl+I"
    assert window.action_open.shortcut().toString() == "Ctrl+O"
    quit_keys = QKeySequence(QKeySequence.StandardKey.Quit)
    assert window.action_quit.shortcut() == quit_keys


def test_reimport_updates_and_undo_takes_it_back(qtbot: QtBot, surveys: Path) -> None:
    from specassist.services.imports import ImportMode

    window = create_window()
    qtbot.addWidget(window)
    survey = surveys / "tab_bom_combined.txt"
    for _ in range(2):  # the second import finds the same three cameras again
        with qtbot.waitSignal(window.sig_import_done, timeout=20000) as done:
            assert window.import_survey(survey, ask_mapping=False, mode=ImportMode.UPDATE)
        assert done.args == [True]
    qtbot.waitUntil(lambda: window.analysis is not None and len(window.analysis.outcomes) == 3
                    and not window.runner.busy, timeout=20000)  # fmt: skip
    assert window.survey_model.rowCount() == 3
    with qtbot.waitSignal(window.sig_import_done, timeout=20000):
        window.import_survey(survey, ask_mapping=False, mode=ImportMode.ADD)
    qtbot.waitUntil(lambda: window.survey_model.rowCount() == 6, timeout=20000)
    window.action_undo.trigger()  # the added copies go
    qtbot.waitUntil(lambda: window.survey_model.rowCount() == 3, timeout=20000)
    window.action_undo.trigger()  # the update is taken back, the first import stays
    window.action_undo.trigger()  # and then the first import itself
    qtbot.waitUntil(lambda: window.survey_model.rowCount() == 0, timeout=20000)
