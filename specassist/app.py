"""Start the desktop app: QApplication, the main window, and the file to open."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import cast

from PySide6.QtCore import QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from specassist import __version__
from specassist.resources import demo_survey, resources_dir
from specassist.services import projects
from specassist.services.projects import SUFFIX
from specassist.ui import errors, workers
from specassist.ui.main_window import MainWindow
from specassist.ui.settings import AppSettings


def create_window(
    file: Path | None = None, demo: bool = False, settings: AppSettings | None = None
) -> MainWindow:
    """The main window, with a project or survey loaded (for the app and for tests)."""
    window = MainWindow(settings)
    if demo:
        window.import_survey(demo_survey(), ask_mapping=False, background=False)
        window.undo_stack.clear()  # the demo is where the user starts, not a step to undo
        if window.project is not None:
            window.project.dirty = False
        window.refresh(reanalyse=False)
    elif file is not None:
        if file.suffix.lower() == SUFFIX:
            window.open_project(file)
        else:
            window.import_survey(file)
    return window


def run_app(file: Path | None = None, demo: bool = False) -> int:
    projects.clean_stale_working_copies()  # copies left by sessions that were killed
    app = cast(QApplication, QApplication.instance() or QApplication(sys.argv))
    app.setApplicationName("SpecAssist")
    app.setOrganizationName("SpecAssist")
    app.setApplicationVersion(__version__)
    app.setWindowIcon(QIcon(str(resources_dir() / "icons" / "specassist.svg")))
    errors.configure_logging()
    reporter = errors.install_hooks()
    # Workers are cancelled and joined before any window or the application is torn down.
    app.aboutToQuit.connect(workers.shutdown)
    window = create_window(file, demo)
    reporter.parent_widget = window
    window.show()
    smoke = os.environ.get("SPECASSIST_SMOKE")
    if smoke == "analysis":
        # Life-cycle check: quit as soon as the first analysis has come back from its worker.
        window.sig_analysis_done.connect(app.quit)
        return int(app.exec())
    if smoke:
        # Start-up check for installers and benches: quit once the window has painted.
        QTimer.singleShot(0, app.quit)
        return int(app.exec())
    window.offer_recovery()
    return int(app.exec())
