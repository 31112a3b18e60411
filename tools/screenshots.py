"""Screenshots of the window as a user sees it, at one screen size, for review.

Usage (one X server per size; without a window manager the window fills it):
    Xvfb :91 -screen 0 1024x600x24 &
    DISPLAY=:91 QT_QPA_PLATFORM=xcb python tools/screenshots.py out/screenshots

Writes <width>x<height>-survey.png (the demo survey with an excluded camera
selected), -tender.png (the tender details dialog after the project was saved
and opened again), -error.png (the error dialog when storing the tender
details fails: a full disk is simulated) and -error-closed.png (the tender
dialog after it, still holding what was typed); then -override.png (an
override that misses requirements) and -mapping.png (the column-mapping
dialog for a Mac Roman CSV read again in that encoding).
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QDialog

from specassist.domain.outcome import Status

if TYPE_CHECKING:
    from specassist.ui.main_window import MainWindow

DEADLINE_S = 60.0


def wait(condition: Callable[[], bool], what: str) -> None:
    app = QApplication.instance()
    assert app is not None
    began = time.monotonic()
    while not condition():
        app.processEvents()
        time.sleep(0.01)
        if time.monotonic() - began > DEADLINE_S:
            raise TimeoutError(f"gave up waiting for {what}")
    for _ in range(20):  # let the last repaints land
        app.processEvents()
        time.sleep(0.01)


def grab(path: Path) -> None:
    screen = QGuiApplication.primaryScreen()
    assert screen is not None
    QApplication.processEvents()
    screen.grabWindow(0).save(str(path))
    print(path, flush=True)


def main(out: Path) -> None:
    app = QApplication(sys.argv[:1])
    from specassist.app import create_window
    from specassist.domain.rules import Verdict
    from specassist.services import project_settings
    from specassist.ui import errors
    from specassist.ui.dialogs.tender_dialog import TenderDialog
    from specassist.ui.settings import AppSettings

    screen = QGuiApplication.primaryScreen()
    assert screen is not None
    size = screen.geometry().size()
    prefix = f"{size.width()}x{size.height()}"
    out.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="specassist-shots-"))
    errors.configure_logging(work / "log")
    reporter = errors.install_hooks()
    settings = AppSettings(QSettings(str(work / "settings.ini"), QSettings.Format.IniFormat))
    window = create_window(demo=True, settings=settings)
    reporter.parent_widget = window
    window.setGeometry(screen.availableGeometry())
    window.show()

    def analysed() -> bool:
        return window.analysis is not None and len(window.analysis.outcomes) == 20

    wait(analysed, "the demo's analysis")
    assert window.analysis is not None
    excluded = next(o for o in window.analysis.outcomes
                    if o.verdict is Verdict.EXCLUDED and o.offer is not None)  # fmt: skip
    window.select_tag(excluded.camera.display_tag)
    wait(lambda: window.detail.camera_id == excluded.id, "the selection")
    grab(out / f"{prefix}-survey.png")

    project = window.project
    assert project is not None
    project_settings.set_tender_settings(project, {
        "title": "CCTV camera replacement", "project": "Riverside estate, phase 2",
        "client": "Riverside Borough Council", "issuer": "Northgate Security Consultants",
        "revision": "B",
    })  # fmt: skip
    saved = work / "riverside.specassist"
    assert window.files.save_to(saved)
    opened: list[bool] = []
    window.sig_project_opened.connect(opened.append)
    window.open_project(saved)
    wait(lambda: bool(opened) and analysed(), "the project to open again")

    def open_dialog() -> QDialog:
        dialog = next(d for d in app.topLevelWidgets() if isinstance(d, TenderDialog)
                      and d.isVisible())  # fmt: skip
        wait(lambda: True, "the dialog to paint")
        return dialog

    def shoot_tender() -> None:
        dialog = open_dialog()
        grab(out / f"{prefix}-tender.png")
        dialog.reject()

    QTimer.singleShot(300, shoot_tender)
    window.edit_tender_details()

    tender: QDialog | None = None

    def full_disk(_project: object, _values: object) -> None:
        raise OSError(28, "No space left on device")

    def close_error() -> None:
        wait(lambda: reporter.last_dialog is not None and reporter.last_dialog.isVisible(),
             "the error dialog")  # fmt: skip
        grab(out / f"{prefix}-error.png")
        assert reporter.last_dialog is not None
        reporter.last_dialog.accept()
        QTimer.singleShot(300, after_error)

    def after_error() -> None:
        wait(lambda: True, "the dialog to paint")
        grab(out / f"{prefix}-error-closed.png")  # the tender dialog, "C" still typed
        if tender is not None:
            tender.reject()

    def fail_to_store() -> None:
        nonlocal tender
        dialog = tender = open_dialog()
        assert isinstance(dialog, TenderDialog)
        dialog.edits["revision"].setText("C")
        QTimer.singleShot(500, close_error)
        dialog.accept()  # stores, fails, reports; the dialog stays open with "C" typed

    stored = project_settings.set_tender_settings
    project_settings.set_tender_settings = full_disk  # type: ignore[assignment]
    QTimer.singleShot(300, fail_to_store)
    window.edit_tender_details()
    project_settings.set_tender_settings = stored
    failing_override(window, out / f"{prefix}-override.png")
    mapping_dialog(work, out / f"{prefix}-mapping.png")
    window.undo_stack.setClean()
    project.dirty = False
    window.close()
    os._exit(0)


def failing_override(window: MainWindow, path: Path) -> None:
    """Override an excluded camera with a model that misses requirements, and select it."""
    result = window.analysis
    assert result is not None
    target = next(o for o in result.outcomes if o.status is Status.TO_REPLACE
                  and o.camera.display_tag != "C001")  # fmt: skip
    assert target.requirement is not None
    misses = next(m for m in result.matcher.allowed_models()
                  if (offer := result.matcher.offer(m.key, target.requirement))
                  and len(offer.failed) >= 2)  # fmt: skip
    done: list[bool] = []
    window.sig_analysis_done.connect(lambda: done.append(True))
    window.edits.use_offer(target.id, misses.key, "client standard model")
    wait(lambda: bool(done), "the analysis after the override")
    window.select_tag(target.camera.display_tag)
    wait(lambda: window.detail.camera_id == target.id, "the selection")
    grab(path)


def mapping_dialog(work: Path, path: Path) -> None:
    """The column-mapping dialog for a Mac Roman survey with a column it does not know."""
    from specassist.ui.dialogs.column_mapping import ColumnMappingDialog, read_preview

    survey = work / "walk.csv"
    survey.write_bytes(("Ref,Brand,Type no,Zone,Étage,Height (m)\n"
                        "W1,Hikvision,DS-2CD2143G2-I,Entrée,Rez-de-chaussée,3.5\n"
                        "W2,Axis,P3265-LVE,Café counter,1er,4\n").encode("mac_roman"))  # fmt: skip
    dialog = ColumnMappingDialog(survey, read_preview(survey))
    dialog.show()
    ready: list[bool] = []
    dialog.sig_preview_ready.connect(lambda: ready.append(True))
    dialog.encoding.setCurrentIndex(dialog.encoding.findData("mac_roman"))
    wait(lambda: bool(ready), "the file read again")
    grab(path)
    dialog.reject()


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "out/screenshots"))
