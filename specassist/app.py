"""Start the desktop app: a splash at once, then the main window, then the project.

The order is what a user waits through: the splash is painted before the
window's modules are imported; the window is painted before the catalog is
read; the catalog is read, and the first project made, on a worker while the
window is already on screen. ``bench/gui_bench.py`` times each step.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from specassist import __version__, runtime
from specassist.resources import resources_dir
from specassist.ui import errors
from specassist.ui.startup import show_splash

if TYPE_CHECKING:
    from specassist.ui.main_window import MainWindow
    from specassist.ui.settings import AppSettings


def create_window(
    file: Path | None = None, demo: bool = False, settings: AppSettings | None = None
) -> MainWindow:
    """The main window with its project made here, and the file or demo loaded (for tests
    and scripts: the app itself makes the project after the first paint)."""
    from specassist.ui.main_window import MainWindow

    window = MainWindow(settings)
    window.load_start_file(file, demo)
    return window


def run_app(file: Path | None = None, demo: bool = False) -> int:
    runtime.tune_threads()
    app = cast(QApplication, QApplication.instance() or QApplication(sys.argv))
    app.setApplicationName("SpecAssist")
    app.setOrganizationName("SpecAssist")
    app.setApplicationVersion(__version__)
    app.setWindowIcon(QIcon(str(resources_dir() / "icons" / "specassist.svg")))
    splash = show_splash()
    errors.configure_logging()
    reporter = errors.install_hooks()
    splash.step("Loading…")
    from specassist.ui import workers
    from specassist.ui.main_window import MainWindow

    # Workers are cancelled and joined before any window or the application is torn down.
    app.aboutToQuit.connect(workers.shutdown)
    window = MainWindow(start=False)
    reporter.parent_widget = window
    window.show()
    splash.finish(window)
    app.processEvents()  # paint the window now, before the worker below competes for Python
    smoke = os.environ.get("SPECASSIST_SMOKE")
    if smoke == "analysis":
        # Life-cycle check: quit as soon as the first analysis has come back from its worker.
        window.sig_analysis_done.connect(app.quit)
        QTimer.singleShot(0, lambda: window.start_up(file, demo))
    elif smoke:
        # Start-up check for installers and benches: quit once the window has painted.
        QTimer.singleShot(0, app.quit)
    else:
        QTimer.singleShot(0, lambda: window.start_up(file, demo, then=window.offer_recovery))
    return int(app.exec())
