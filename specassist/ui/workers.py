"""The one helper for slow work: run it off the GUI thread, report progress, allow cancel.

``run_task`` takes a plain function ``fn(progress, cancelled)``; the function
calls ``progress(text, fraction)`` now and then and checks ``cancelled()``.
Results and errors come back to the GUI thread through Qt signals, so slots
run where widgets may be touched. The GUI thread never waits on the work.
"""

from __future__ import annotations

import logging
import threading
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

log = logging.getLogger(__name__)

Progress = Callable[[str, float], None]
Work = Callable[[Progress, Callable[[], bool]], Any]


class Task(QObject):
    """A running piece of work and the signals it sends back to the GUI thread."""

    sig_progress = Signal(str, float)
    sig_finished = Signal(object)
    sig_failed = Signal(str)
    sig_cancelled = Signal()

    def __init__(self, work: Work) -> None:
        super().__init__()
        self._work = work
        self._cancel = threading.Event()
        self.done = False

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    def run(self) -> None:
        from specassist.services.analysis_service import Cancelled

        try:
            result = self._work(self.sig_progress.emit, self._cancel.is_set)
        except Cancelled:
            self.done = True
            self.sig_cancelled.emit()
            return
        except Exception as exc:  # reported to the user in words, logged with detail
            log.error("background task failed:\n%s", traceback.format_exc())
            self.done = True
            self.sig_failed.emit(str(exc) or type(exc).__name__)
            return
        self.done = True
        if self._cancel.is_set():
            self.sig_cancelled.emit()
        else:
            self.sig_finished.emit(result)


class _Runnable(QRunnable):
    def __init__(self, task: Task) -> None:
        super().__init__()
        self.task = task

    def run(self) -> None:
        self.task.run()


_running: set[Task] = set()


def run_task(
    work: Work,
    on_finished: Callable[[Any], None],
    on_failed: Callable[[str], None],
    on_progress: Callable[[str, float], None] | None = None,
    on_cancelled: Callable[[], None] | None = None,
) -> Task:
    task = Task(work)
    _running.add(task)
    task.sig_finished.connect(on_finished)
    task.sig_failed.connect(on_failed)
    if on_progress is not None:
        task.sig_progress.connect(on_progress)
    if on_cancelled is not None:
        task.sig_cancelled.connect(on_cancelled)
    for signal in (task.sig_finished, task.sig_failed, task.sig_cancelled):
        signal.connect(lambda *_: _running.discard(task))
    QThreadPool.globalInstance().start(_Runnable(task))
    return task


def wait_all(timeout_ms: int = 30000) -> bool:
    """For shutdown and tests: wait until background work has finished."""
    return bool(QThreadPool.globalInstance().waitForDone(timeout_ms))
