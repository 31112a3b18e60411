"""Screenshots of the window as a user sees it, at one screen size, for review.

Usage (one X server per size; without a window manager the window fills it):
    Xvfb :91 -screen 0 1024x600x24 &
    DISPLAY=:91 QT_QPA_PLATFORM=xcb python tools/screenshots.py out/screenshots

Writes <width>x<height>-survey.png (the demo survey with an excluded camera
selected), -tender.png (the tender details dialog after the project was saved
and opened again) and -error.png (the error dialog when storing the tender
details fails: a full disk is simulated, the dialog keeps what was typed).
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

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

    def full_disk(_project: object, _values: object) -> None:
        raise OSError(28, "No space left on device")

    def close_error() -> None:
        box = reporter.last_dialog
        wait(lambda: box is not None and box.isVisible(), "the error dialog")
        grab(out / f"{prefix}-error.png")
        assert isinstance(box, QMessageBox)
        box.accept()
        QTimer.singleShot(200, lambda: tender.reject() if tender is not None else None)

    def fail_to_store() -> None:
        nonlocal tender
        dialog = tender = open_dialog()
        assert isinstance(dialog, TenderDialog)
        dialog.edits["revision"].setText("C")
        QTimer.singleShot(500, close_error)
        dialog.accept()  # stores, fails, reports; the dialog stays open with "C" typed

    tender: QDialog | None = None
    project_settings.set_tender_settings = full_disk  # type: ignore[assignment]
    QTimer.singleShot(300, fail_to_store)
    window.edit_tender_details()
    window.undo_stack.setClean()
    project.dirty = False
    window.close()
    os._exit(0)


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "out/screenshots"))
