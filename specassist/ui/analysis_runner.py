"""Keep one analysis of the open project running at a time, off the GUI thread.

Edits arrive faster than an analysis of 50,000 cameras finishes: a request
while one runs marks it stale, and a fresh run starts when it ends. When the
project is replaced, the running task is cancelled and the old project is
closed only once the worker has let go of it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal

from specassist.domain.costing import Costing
from specassist.services import analysis_service, project_service
from specassist.services.analysis_service import Analysis
from specassist.storage.project_file import ProjectFile
from specassist.storage.survey_store import StoredCamera
from specassist.ui import workers
from specassist.ui.models.survey_table_model import build_haystack


@dataclass(frozen=True)
class Loaded:
    """Everything the window shows after an analysis, all built on the worker."""

    cameras: list[StoredCamera]
    analysis: Analysis
    costing: Costing
    haystack: list[str]
    sites: list[str]


class AnalysisRunner(QObject):
    sig_ready = Signal(object)
    """A ``Loaded`` for the current project."""
    sig_failed = Signal(str)
    sig_progress = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.project: ProjectFile | None = None
        self._task: workers.Task | None = None
        self._task_project: ProjectFile | None = None
        self._pending = False
        self._retired: list[ProjectFile] = []

    @property
    def busy(self) -> bool:
        return self._task is not None and not self._task.done

    def replace_project(self, project: ProjectFile) -> None:
        """Switch to ``project``; the old one is closed now or when its analysis stops."""
        old, self.project = self.project, project
        if old is not None:
            if self.busy:
                assert self._task is not None
                self._task.cancel()
                self._retired.append(old)
            else:
                old.close()

    def request(self) -> None:
        if self.project is None:
            return
        if self.busy:
            self._pending = True
            return
        project = self.project

        def work(progress: workers.Progress, cancelled: Callable[[], bool]) -> object:
            cameras = project_service.cameras(project)
            analysis = analysis_service.analyse(
                project, progress=progress, cancelled=cancelled, stored=cameras
            )
            return Loaded(
                cameras, analysis, analysis_service.cost(project, analysis),
                build_haystack(cameras, {r.id: r for r in analysis.results}),
                sorted({c.camera.site for c in cameras if c.camera.site}),
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
            retired.close()
        self._retired.clear()
        if stale or self._pending:
            self._pending = False
            self.request()
            return True
        return False

    def _finished(self, value: object) -> None:
        if not self._ended():
            self.sig_ready.emit(value)

    def _failed(self, message: str) -> None:
        if not self._ended():  # a failure reading a replaced project is no news
            self.sig_failed.emit(message)
