"""No silent failure: a slot that raises is logged and shown; a dialog keeps what was typed."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, Signal
from pytestqt.qtbot import QtBot

from specassist.app import create_window
from specassist.services import project_settings, projects
from specassist.ui import errors
from specassist.ui.dialogs.tender_dialog import TenderDialog
from specassist.ui.settings import AppSettings


class _Emitter(QObject):
    sig_go = Signal()


@pytest.mark.qt_no_exception_capture
def test_exception_in_a_slot_is_logged_and_reported(
    qtbot: QtBot, tmp_path: Path, errors_without_dialogs: list[tuple[str, str]]
) -> None:
    log_file = errors.configure_logging(tmp_path / "logs")
    hooks = errors.install_hooks()
    assert hooks is errors.reporter()

    def broken() -> None:
        raise RuntimeError("the disk said no")

    emitter = _Emitter()
    emitter.sig_go.connect(broken)
    with qtbot.waitSignal(errors.reporter().sig_error, timeout=5000):
        emitter.sig_go.emit()
    assert ("Something went wrong", "the disk said no") in errors_without_dialogs
    for handler in logging.getLogger("specassist").handlers:
        handler.flush()
    text = log_file.read_text(encoding="utf-8")
    assert "RuntimeError: the disk said no" in text and "Traceback" in text


def test_guarded_reports_and_says_it_failed(
    qtbot: QtBot, errors_without_dialogs: list[tuple[str, str]]
) -> None:
    def boom() -> int:
        raise ValueError("bad rate")

    with qtbot.waitSignal(errors.reporter().sig_error, timeout=5000):
        assert errors.guarded("Costs were not saved", boom) == (False, None)
    assert errors.guarded("fine", lambda: 7) == (True, 7)
    assert errors_without_dialogs == [("Costs were not saved", "bad rate")]


def test_tender_dialog_keeps_the_input_when_saving_fails(qtbot: QtBot) -> None:
    attempts: list[dict[str, str]] = []

    def flaky(values: dict[str, str]) -> None:
        attempts.append(values)
        if len(attempts) == 1:
            raise OSError("project file is locked")

    with projects.new_project("P") as project:
        dialog = TenderDialog(project_settings.tender_settings(project), flaky)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.edits["client"].setText("Borough Council")
    dialog.accept()
    assert dialog.isVisible() and dialog.result() == 0
    assert dialog.edits["client"].text() == "Borough Council"
    dialog.accept()
    assert not dialog.isVisible() and attempts[-1]["client"] == "Borough Council"


def test_tender_details_survive_save_and_reopen(
    qtbot: QtBot, tmp_path: Path, app_settings: AppSettings, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Edit › Tender details → OK stores every field, "project" included, and they come back."""
    window = create_window(settings=app_settings)
    qtbot.addWidget(window)

    def fill_and_accept(dialog: TenderDialog) -> int:
        dialog.edits["project"].setText("Northgate depot")
        dialog.edits["client"].setText("Borough Council")
        dialog.edits["revision"].setText("C")
        dialog.accept()
        return int(dialog.result())

    monkeypatch.setattr(TenderDialog, "exec", fill_and_accept)
    window.edit_tender_details()
    path = tmp_path / "depot.specassist"
    assert window.files.save_to(path)
    window.new_project(confirm=False)
    assert window.open_project(path, background=False)
    assert window.project is not None
    stored = project_settings.tender_settings(window.project)
    assert (stored.project, stored.client, stored.revision) == (
        "Northgate depot",
        "Borough Council",
        "C",
    )


def test_an_operating_system_error_reads_in_the_systems_words() -> None:
    from specassist.ui.errors import describe

    assert describe(OSError(28, "No space left on device")) == "No space left on device"
    denied = PermissionError(13, "Permission denied", "/media/usb/site.specassist")
    assert describe(denied) == "Permission denied: /media/usb/site.specassist"
    assert describe(ValueError()) == "Value error"
