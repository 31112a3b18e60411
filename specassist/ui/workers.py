"""The one helper for slow work: run it off the GUI thread, report progress, allow cancel.

``run_task`` takes a plain function ``fn(progress, cancelled)``; the function
calls ``progress(text, fraction)`` now and then and checks ``cancelled()``.
Results and errors come back through one long-lived ``_Bridge`` that belongs to
the GUI thread, so callbacks run where widgets may be touched and no Qt object
is ever created or destroyed on a worker thread (a Qt object whose last Python
reference drops on a worker thread is deleted there, under the GUI thread's
feet: the cause of rare crashes at quit). The GUI thread never waits on the
work, except at shutdown.
"""

from __future__ import annotations

import itertools
import logging
import threading
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, Signal

from specassist.domain.pipeline import Cancelled

log = logging.getLogger(__name__)

Progress = Callable[[str, float], None]
Work = Callable[[Progress, Callable[[], bool]], Any]


@dataclass(eq=False)
class Task:
    """A running piece of work: plain Python, safe to hold from any thread."""

    id: int
    work: Work
    on_finished: Callable[[Any], None]
    on_failed: Callable[[str], None]
    on_progress: Callable[[str, float], None] | None = None
    on_cancelled: Callable[[], None] | None = None
    _cancel: threading.Event = field(default_factory=threading.Event)
    done: bool = False

    def cancel(self) -> None:
        self._cancel.set()

    def is_cancelled(self) -> bool:
        return self._cancel.is_set()


class _Bridge(QObject):
    """Carries task events from worker threads to the GUI thread (queued by Qt)."""

    sig_progress = Signal(int, str, float)
    sig_finished = Signal(int, object)
    sig_failed = Signal(int, str)
    sig_cancelled = Signal(int)


_ids = itertools.count(1)
_running: dict[int, Task] = {}
_bridge: _Bridge | None = None


def _the_bridge() -> _Bridge:
    global _bridge
    if _bridge is None:
        _bridge = _Bridge(QCoreApplication.instance())
        _bridge.sig_progress.connect(_progress)
        _bridge.sig_finished.connect(_finished)
        _bridge.sig_failed.connect(_failed)
        _bridge.sig_cancelled.connect(_cancelled)
    return _bridge


def _progress(task_id: int, text: str, fraction: float) -> None:
    task = _running.get(task_id)
    if task is not None and task.on_progress is not None and not task.done:
        task.on_progress(text, fraction)


def _finished(task_id: int, result: object) -> None:
    task = _running.pop(task_id, None)
    if task is not None:
        task.done = True
        task.on_finished(result)


def _failed(task_id: int, message: str) -> None:
    task = _running.pop(task_id, None)
    if task is not None:
        task.done = True
        task.on_failed(message)


def _cancelled(task_id: int) -> None:
    task = _running.pop(task_id, None)
    if task is not None:
        task.done = True
        if task.on_cancelled is not None:
            task.on_cancelled()


class _Runnable(QRunnable):
    def __init__(self, task: Task, bridge: _Bridge) -> None:
        super().__init__()
        self._task = task
        self._bridge = bridge

    def run(self) -> None:
        task, bridge = self._task, self._bridge

        def progress(text: str, fraction: float) -> None:
            bridge.sig_progress.emit(task.id, text, fraction)

        try:
            result = task.work(progress, task.is_cancelled)
        except Cancelled:
            bridge.sig_cancelled.emit(task.id)
            return
        except Exception as exc:  # reported to the user in words, logged with detail
            log.error("background task failed:\n%s", traceback.format_exc())
            bridge.sig_failed.emit(task.id, str(exc) or type(exc).__name__)
            return
        if task.is_cancelled():
            bridge.sig_cancelled.emit(task.id)
        else:
            bridge.sig_finished.emit(task.id, result)


def run_task(
    work: Work,
    on_finished: Callable[[Any], None],
    on_failed: Callable[[str], None],
    on_progress: Callable[[str, float], None] | None = None,
    on_cancelled: Callable[[], None] | None = None,
) -> Task:
    """Start ``work`` on the thread pool; the callbacks run later on the GUI thread."""
    bridge = _the_bridge()
    task = Task(next(_ids), work, on_finished, on_failed, on_progress, on_cancelled)
    _running[task.id] = task
    QThreadPool.globalInstance().start(_Runnable(task, bridge))
    return task


def running() -> list[Task]:
    return list(_running.values())


def wait_all(timeout_ms: int = 30000) -> bool:
    """For shutdown and tests: wait until background work has finished."""
    return bool(QThreadPool.globalInstance().waitForDone(timeout_ms))


def shutdown(timeout_ms: int = 10000) -> bool:
    """At quit: cancel every task, wait for the workers, and forget their callbacks.

    Callbacks are dropped so that nothing queued for a window that is closing
    runs after it has gone.
    """
    for task in list(_running.values()):
        task.cancel()
    finished = wait_all(timeout_ms)
    _running.clear()
    return finished
