"""No silent failure: every unexpected exception is logged and shown in the user's words.

An exception raised in a Qt slot never reaches the code that connected it; Qt
hands it to ``sys.excepthook`` and carries on. Left alone, that prints to a
terminal nobody sees and the user's work quietly does not happen. This module
installs hooks (for the GUI thread and for worker threads) that write the
traceback to a log file the user can open from Help › Show log, and show a
readable dialog naming what failed. ``guarded`` runs one action the same way
and tells the caller whether it succeeded, so a dialog can stay open with the
user's input when saving it fails.
"""

from __future__ import annotations

import logging
import sys
import threading
import traceback
from collections.abc import Callable
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType
from typing import TypeVar

from PySide6.QtCore import QObject, QStandardPaths, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

log = logging.getLogger("specassist")

LOG_NAME = "specassist.log"
LOG_BYTES = 2_000_000
"""About 10,000 tracebacks; three old files are kept beside the current one."""

T = TypeVar("T")


def log_folder() -> Path:
    """The platform's application-data folder (``…/logs``), never next to the program."""
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(base or Path.home() / ".specassist") / "logs"


def log_path() -> Path:
    return log_folder() / LOG_NAME


def configure_logging(folder: Path | None = None) -> Path:
    """Send the app's log to a rotating file; returns its path. Safe to call twice."""
    folder = folder or log_folder()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / LOG_NAME
    for handler in list(log.handlers):
        if isinstance(handler, RotatingFileHandler):
            log.removeHandler(handler)
            handler.close()
    handler = RotatingFileHandler(path, maxBytes=LOG_BYTES, backupCount=3, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    log.addHandler(handler)
    log.setLevel(logging.INFO)
    return path


def describe(exc: BaseException) -> str:
    """One line a user can read: the message, or the kind of error when there is none.
    An operating-system error reads as the system words it ("No space left on device"),
    with the file it concerns, not as "[Errno 28] …"."""
    if isinstance(exc, OSError) and exc.strerror:
        return f"{exc.strerror}: {exc.filename}" if exc.filename else exc.strerror
    text = str(exc).strip()
    return text if text else type(exc).__name__.replace("Error", " error").strip()


class ErrorReporter(QObject):
    """Shows errors on the GUI thread, whichever thread they happened on."""

    sig_error = Signal(str, str, str)
    """title, readable message, traceback — emitted for every error reported."""
    _sig_show = Signal(str, str, str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.parent_widget: QWidget | None = None
        self.interactive = True
        """False in tests and benches: errors are logged and signalled, no dialog opens."""
        self.last_dialog: QMessageBox | None = None
        self._showing = False
        self._sig_show.connect(self._show, Qt.ConnectionType.QueuedConnection)

    def report(
        self,
        title: str,
        exc: BaseException,
        tb: TracebackType | None = None,
    ) -> None:
        """Log ``exc`` with its traceback and show it; callable from any thread."""
        details = "".join(traceback.format_exception(type(exc), exc, tb or exc.__traceback__))
        log.error("%s: %s\n%s", title, describe(exc), details)
        self._sig_show.emit(title, describe(exc), details)

    def _show(self, title: str, message: str, details: str) -> None:
        self.sig_error.emit(title, message, details)
        if not self.interactive or self._showing:
            return  # never stack dialogs: one error at a time, the rest are in the log
        self._showing = True
        try:
            box = QMessageBox(self.parent_widget)
            box.setIcon(QMessageBox.Icon.Critical)
            box.setWindowTitle(title)
            box.setText(f"{title}: {message}")
            box.setInformativeText(
                "Your work is still open. The details are in the log (Help › Show log)."
            )
            box.setDetailedText(details)
            show_log = box.addButton("Show log", QMessageBox.ButtonRole.HelpRole)
            box.addButton(QMessageBox.StandardButton.Ok)
            self.last_dialog = box
            box.exec()
            if box.clickedButton() is show_log:
                open_log()
        finally:
            self._showing = False


_reporter: ErrorReporter | None = None


def reporter() -> ErrorReporter:
    """The app's one reporter, created on first use (on the GUI thread)."""
    global _reporter
    if _reporter is None:
        _reporter = ErrorReporter(QApplication.instance())
    return _reporter


def install_hooks() -> ErrorReporter:
    """Route uncaught exceptions (slots included, worker threads too) to the reporter."""
    instance = reporter()

    def excepthook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, exc, tb)
            return
        instance.report("Something went wrong", exc, tb)

    def thread_hook(args: threading.ExceptHookArgs) -> None:
        if args.exc_value is not None:
            instance.report("A background task failed", args.exc_value, args.exc_traceback)

    sys.excepthook = excepthook
    threading.excepthook = thread_hook
    return instance


def guarded(title: str, action: Callable[[], T]) -> tuple[bool, T | None]:
    """Run ``action``; on any exception report it and return ``(False, None)``.

    For actions a user started whose input must survive a failure: the caller
    keeps its dialog open when the first element is False.
    """
    try:
        return True, action()
    except Exception as exc:
        reporter().report(title, exc)
        return False, None


def open_log() -> None:
    """Open the log file in the platform's viewer (creating it if nothing was logged yet)."""
    path = log_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.touch(exist_ok=True)
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
