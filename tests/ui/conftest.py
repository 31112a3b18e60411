"""UI fixtures: preferences in a throwaway file, so tests never touch the user's settings."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from specassist.ui.settings import AppSettings


@pytest.fixture
def app_settings(tmp_path: Path) -> AppSettings:
    return AppSettings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


@pytest.fixture(autouse=True)
def private_app_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Autosaves go to a temporary folder, not the user's application data."""
    monkeypatch.setattr("specassist.ui.main_window.autosave_folder", lambda: tmp_path / "auto")


@pytest.fixture(autouse=True)
def errors_without_dialogs(qapp: object) -> list[tuple[str, str]]:
    """Errors are reported as in the app (log and signal) but never open a modal box."""
    from specassist.ui import errors

    reporter = errors.reporter()
    reporter.interactive = False
    seen: list[tuple[str, str]] = []
    reporter.sig_error.connect(lambda title, message, _details: seen.append((title, message)))
    return seen


@pytest.fixture(autouse=True)
def no_modal_questions(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Questions answer "Discard"/"No" and warnings are recorded: a test never blocks on a box."""
    from PySide6.QtWidgets import QMessageBox

    shown: list[str] = []

    def question(_parent: object, title: str, text: str, *args: object) -> object:
        shown.append(f"{title}: {text}")
        buttons = args[0] if args else None
        if buttons is not None and QMessageBox.StandardButton.Discard in buttons:  # type: ignore[operator]
            return QMessageBox.StandardButton.Discard
        return QMessageBox.StandardButton.No

    def warning(_parent: object, title: str, text: str, *args: object) -> object:
        shown.append(f"{title}: {text}")
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(warning))
    return shown


@pytest.fixture
def demo_window(qtbot: QtBot, app_settings: AppSettings) -> object:
    """The window with the demo survey loaded and analysed, shown at 1366×768."""
    from specassist.app import create_window

    window = create_window(demo=True, settings=app_settings)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitUntil(lambda: window.analysis is not None and len(window.analysis.outcomes) == 20,
                    timeout=30000)  # fmt: skip
    return window
