"""Start-up order: something painted at once, the window before the catalog is read, the
project made on a worker; and what each step may import (timings are in bench/gui_bench.py)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent
from pytestqt.qtbot import QtBot

from specassist.services import projects
from specassist.ui.main_window import MainWindow
from specassist.ui.settings import AppSettings
from specassist.ui.startup import Splash, show_splash


def _loaded_after(statement: str) -> set[str]:
    """The modules a fresh interpreter holds after ``statement``."""
    code = f"import json, sys\n{statement}\nprint(json.dumps(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, timeout=120).stdout  # fmt: skip
    return set(json.loads(out.splitlines()[-1]))


def test_the_splash_module_needs_only_qt() -> None:
    loaded = _loaded_after("import specassist.app")
    for heavy in ("sqlalchemy", "numpy", "pint", "specassist.services", "specassist.ui.workers"):
        assert heavy not in loaded, heavy


def test_the_window_loads_without_migrations_tender_or_discovery() -> None:
    loaded = _loaded_after("import specassist.ui.main_window")
    for later in ("alembic", "specassist.tender", "specassist.discovery", "reportlab"):
        assert later not in loaded, later


def test_splash_shows_steps_until_the_window_is_up(qtbot: QtBot) -> None:
    splash = show_splash()
    qtbot.addWidget(splash)
    assert isinstance(splash, Splash) and splash.isVisible()
    splash.step("Reading the catalog…")
    assert splash.message == "Reading the catalog…"
    window = MainWindow(start=False)
    qtbot.addWidget(window)
    window.show()
    splash.finish(window)
    assert not splash.isVisible()


def _waiting(qtbot: QtBot, settings: AppSettings) -> MainWindow:
    window = MainWindow(settings, start=False)
    qtbot.addWidget(window)
    window.show()
    assert window.project is None
    assert not window.tabs.isEnabled() and not window.action_import.isEnabled()
    assert window.action_quit.isEnabled() and window.action_getting_started.isEnabled()
    return window


def _drag_accepted(window: MainWindow, path: Path) -> bool:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    event = QDragEnterEvent(QPoint(10, 10), Qt.DropAction.CopyAction, mime,
                            Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)  # fmt: skip
    event.ignore()
    window.dragEnterEvent(event)
    return event.isAccepted()


def test_the_first_project_is_made_on_a_worker_after_the_window_shows(
    qtbot: QtBot, app_settings: AppSettings, tmp_path: Path
) -> None:
    window = _waiting(qtbot, app_settings)
    assert not _drag_accepted(window, tmp_path / "survey.csv")  # nowhere to drop it yet
    with qtbot.waitSignal(window.sig_project_opened, timeout=30000) as opened:
        window.start_up()
    assert opened.args == [True]
    assert _drag_accepted(window, tmp_path / "survey.csv")
    assert window.project is not None and window.project.path is None
    assert window.tabs.isEnabled() and window.action_import.isEnabled()
    assert window.vendor_names and window.rules_tab.checks
    with qtbot.waitSignal(window.sig_analysis_done, timeout=30000):
        pass


def test_a_project_named_at_start_is_opened_without_making_an_empty_one(
    qtbot: QtBot, app_settings: AppSettings, tmp_path: Path
) -> None:
    path = tmp_path / "site.specassist"
    with projects.new_project("site", path) as project:
        project.save()
    window = _waiting(qtbot, app_settings)
    made: list[object] = []
    window.new_project = lambda *a, **k: made.append(a)  # type: ignore[method-assign]
    with qtbot.waitSignal(window.sig_project_opened, timeout=30000) as opened:
        window.start_up(path)
    assert opened.args == [True] and not made
    assert window.project is not None and window.project.path == path


def test_a_damaged_project_named_at_start_is_reported_and_an_empty_one_opened(
    qtbot: QtBot, app_settings: AppSettings, tmp_path: Path, no_modal_questions: list[str]
) -> None:
    path = tmp_path / "broken.specassist"
    path.write_bytes(b"not a database" * 100)
    window = _waiting(qtbot, app_settings)
    ready: list[bool] = []
    window.start_up(path, then=lambda: ready.append(True))
    qtbot.waitUntil(lambda: bool(ready), timeout=30000)
    assert any(text.startswith("Cannot open project") for text in no_modal_questions)
    assert window.project is not None and window.project.path is None
    assert window.tabs.isEnabled()


def test_the_demo_named_at_start_arrives_in_the_new_project(
    qtbot: QtBot, app_settings: AppSettings
) -> None:
    window = _waiting(qtbot, app_settings)
    window.start_up(demo=True)
    qtbot.waitUntil(lambda: window.analysis is not None and len(window.analysis.outcomes) == 20,
                    timeout=30000)  # fmt: skip
    assert window.project is not None and not window.project.dirty
    assert not window.undo_stack.canUndo()


def test_new_project_from_the_menu_is_made_on_a_worker(
    qtbot: QtBot, demo_window: MainWindow
) -> None:
    window = demo_window
    old = window.project
    with qtbot.waitSignal(window.sig_project_opened, timeout=30000):
        window.action_new.trigger()
        assert not window.tabs.isEnabled()  # until the new project is in
    assert window.project is not None and window.project is not old
    qtbot.waitUntil(lambda: window.survey_model.rowCount() == 0, timeout=30000)
    assert window.tabs.isEnabled()
