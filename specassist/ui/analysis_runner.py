"""Keep one analysis of the open project running at a time, off the GUI thread.

Edits arrive faster than an analysis of 50,000 cameras finishes: a request
while one runs marks it stale, and a fresh run starts when it ends. Each run
is given the last analysis of the same project, so the pipeline keeps its
matcher and re-works only the cameras that changed. When the project is
replaced, the running task is cancelled and the old project is closed only
once the worker has let go of it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal

from specassist.domain.costing import Costing
from specassist.domain.pipeline import Analysis
from specassist.domain.survey import SurveyedCamera
from specassist.domain.system_plan import SystemPlan
from specassist.services import analysis, capture, system_service
from specassist.services.projects import Project
from specassist.ui import workers
from specassist.ui.models.survey_table_model import build_haystack


@dataclass(frozen=True)
class Loaded:
    """Everything the window shows after an analysis, all built on the worker."""

    cameras: list[SurveyedCamera]
    analysis: Analysis
    costing: Costing
    haystack: list[str]
    sites: list[str]
    changed: list[int] | None = None
    """Cameras whose outcome differs from the previous analysis shown (None: all of them)."""
    system: SystemPlan | None = None
    """Recorders, switches, other devices and phases under the project's settings."""
    system_error: str | None = None
    """Why the system could not be planned (a catalog without the sizing model), shown."""


class AnalysisRunner(QObject):
    sig_ready = Signal(object)
    """A ``Loaded`` for the current project."""
    sig_failed = Signal(str)
    sig_progress = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.project: Project | None = None
        self._task: workers.Task | None = None
        self._task_project: Project | None = None
        self._pending = False
        self._retired: list[Project] = []
        self._previous: Analysis | None = None
        """The last analysis of the current project: the next run reuses what is unchanged."""

    @property
    def busy(self) -> bool:
        return self._task is not None and not self._task.done

    def replace_project(self, project: Project) -> None:
        """Switch to ``project``; the old one is closed now or when its analysis stops."""
        old, self.project = self.project, project
        self._previous = None
        if old is not None:
            if self.busy:
                assert self._task is not None
                self._task.cancel()
                self._retired.append(old)
            else:
                _close_in_background(old)

    def request(self) -> None:
        if self.project is None:
            return
        if self.busy:
            self._pending = True
            return
        project, previous = self.project, self._previous

        def work(progress: workers.Progress, cancelled: Callable[[], bool]) -> object:
            cameras = capture.cameras(project)
            result = analysis.analyse(project, previous, progress, cancelled, cameras)
            result.counts()  # counted here, not on the GUI thread
            system, error = None, None
            try:
                system = system_service.project_plan(project, result)
            except KeyError as exc:  # the project's catalog lacks the sizing model
                error = str(exc.args[0])
            return Loaded(
                cameras, result, analysis.costs(result, system),
                build_haystack(cameras, {o.id: o for o in result.outcomes}),
                sorted({c.camera.site for c in cameras if c.camera.site}),
                _changed(previous, result), system, error,
            )  # fmt: skip

        self._task_project = project
        self._task = workers.run_task(
            work, self._finished, self._failed,
            lambda text, _fraction: self.sig_progress.emit(text), self._cancelled,
        )  # fmt: skip

    def _cancelled(self) -> None:
        self._ended()

    def close(self) -> None:
        """At exit: let the worker finish, then close every project still open."""
        workers.shutdown()
        for project in (*self._retired, self.project):
            if project is not None:
                project.close()
        self._retired.clear()
        self.project = None

    def _ended(self) -> bool:
        """Tidy up after a task; True when its result is stale and must be dropped."""
        stale = self._task_project is not self.project
        self._task, self._task_project = None, None
        for retired in self._retired:
            _close_in_background(retired)
        self._retired.clear()
        if stale or self._pending:
            self._pending = False
            self.request()
            return True
        return False

    def _finished(self, value: object) -> None:
        assert isinstance(value, Loaded)
        if self._task_project is self.project:
            # Even when another run is already due, it starts from this one.
            self._previous = value.analysis
        if not self._ended():
            self.sig_ready.emit(value)

    def _failed(self, message: str) -> None:
        if not self._ended():  # a failure reading a replaced project is no news
            self.sig_failed.emit(message)


def _changed(previous: Analysis | None, current: Analysis) -> list[int] | None:
    """Ids whose outcome is a new object; None when there is nothing to compare with."""
    if previous is None:
        return None
    return [o.id for o in current.outcomes if previous.by_id(o.id) is not o]


def _close_in_background(project: Project) -> None:
    """Close a project the window has let go of: removing its working copy of a large estate
    takes a tenth of a second or more, which the GUI thread should not wait for."""

    def close(_progress: workers.Progress, _cancelled: Callable[[], bool]) -> None:
        project.close()

    workers.run_task(close, lambda _result: None, lambda _message: None)
