"""Desktop-app figures: cold start to first paint, and how long each action holds the GUI thread.

Usage: python bench/gui_bench.py [CAMERAS]   (default 20000; runs offscreen)
       python bench/gui_bench.py --cold          (the cold start only)

- Cold start: a fresh interpreter running the app's own start-up (``run_app``),
  timed from process launch, as a user double-clicking would wait: to the
  splash's first paint (something on screen), to the main window's first paint,
  and to a usable window (the catalog read, the empty project made and its
  first analysis shown). Run three times; the median of each is printed.
- Actions on a project of CAMERAS cameras, each until its work is done and
  shown (analysis included): open the project; import the same survey into
  an empty project; edit one camera; override one replacement; autosave;
  export the tender. A 5 ms heartbeat timer on the GUI thread records the
  longest gap between its ticks during each: the longest time the window
  could not react. Anything over ~100 ms is a visible freeze.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

COLD_START = r"""
import os, sys, time
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QMainWindow
from specassist.ui.startup import Splash
app = QApplication(sys.argv[:1])
first = {}
class Watch(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and obj.isWidgetType():
            top = obj.window()
            kind = ("splash" if isinstance(top, Splash) else
                    "window" if isinstance(top, QMainWindow) else None)
            if kind is not None and kind not in first:
                first[kind] = time.time()
        return False
watch = Watch()
app.installEventFilter(watch)
os.environ["SPECASSIST_SMOKE"] = "analysis"
from specassist.app import run_app
run_app()
print(first["splash"], first["window"], time.time(), flush=True)
os._exit(0)
"""
COLD_RUNS = 3


def cold_start() -> tuple[float, float, float]:
    """Seconds from launch to the splash's paint, the window's paint and a usable window."""
    start = time.time()
    out = subprocess.run([sys.executable, "-c", COLD_START], capture_output=True, text=True,
                         check=True).stdout.split()  # fmt: skip
    splash, window, ready = (float(v) - start for v in out[-3:])
    return splash, window, ready


def cold_starts(runs: int = COLD_RUNS) -> str:
    times = [cold_start() for _ in range(runs)]
    splash, window, ready = (statistics.median(t[i] for t in times) for i in range(3))
    return (f"cold start (median of {runs}): splash painted {splash:.2f} s, "
            f"window painted {window:.2f} s, usable {ready:.2f} s")  # fmt: skip


class Heartbeat:
    """Ticks every 5 ms on the GUI thread; the longest gap is the longest freeze."""

    def __init__(self) -> None:
        from PySide6.QtCore import QTimer

        self.last = time.perf_counter()
        self.worst = 0.0
        self.timer = QTimer()
        self.timer.setInterval(5)
        self.timer.timeout.connect(self.tick)

    def tick(self) -> None:
        now = time.perf_counter()
        self.worst = max(self.worst, now - self.last)
        self.last = now

    def start(self) -> None:
        """Start ticking with a clean record."""
        self.last, self.worst = time.perf_counter(), 0.0
        self.timer.start()

    def stop(self) -> float:
        """Stop ticking; the longest gap since ``start``, in seconds."""
        self.timer.stop()
        return self.worst

    def measure(self, start: Callable[[], object], done: Callable[[], bool],
                timeout_s: float = 600) -> tuple[float, float]:  # fmt: skip
        """Run ``start`` on the GUI thread and spin the event loop until ``done``;
        returns (elapsed seconds, longest GUI-thread gap in seconds)."""
        from PySide6.QtWidgets import QApplication

        app = QApplication.instance()
        assert app is not None
        self.start()
        began = time.perf_counter()
        self.tick_now(start)
        while not done():
            app.processEvents()
            time.sleep(0.001)
            if time.perf_counter() - began > timeout_s:
                raise TimeoutError("the action did not finish")
        elapsed = time.perf_counter() - began
        app.processEvents()
        return elapsed, self.stop()

    def tick_now(self, action: Callable[[], object]) -> None:
        """Run an action as a slot would, counting its own duration as a gap."""
        before = time.perf_counter()
        action()
        self.worst = max(self.worst, time.perf_counter() - before, before - self.last)
        self.last = time.perf_counter()


def main(cameras: int) -> None:
    from import_bench import write_csv
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    print(cold_starts(), flush=True)
    app = QApplication.instance() or QApplication(sys.argv)
    from specassist.domain.rules import Verdict
    from specassist.runtime import tune_gc, tune_threads
    from specassist.services import imports, projects
    from specassist.services.tender_files import TenderFiles
    from specassist.ui import main_window, workers
    from specassist.ui.main_window import MainWindow
    from specassist.ui.settings import AppSettings
    from specassist.ui.undo import EditCameraCommand

    tune_gc()
    tune_threads()  # as run_app does
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        main_window.autosave_folder = lambda: root / "autosave"  # type: ignore[assignment]
        survey = root / "survey.csv"
        write_csv(survey, cameras)
        path = root / "estate.specassist"
        with projects.new_project("bench", path) as project:
            imports.import_into(project, survey)
            project.save()
        settings = AppSettings(QSettings(str(root / "s.ini"), QSettings.Format.IniFormat))
        window = MainWindow(settings)
        window.show()
        app.processEvents()
        workers.wait_all()
        app.processEvents()
        beat = Heartbeat()
        rows: list[tuple[str, float, float]] = []

        def analysed(n: int) -> Callable[[], bool]:
            def check() -> bool:
                analysis = window.analysis
                return (analysis is not None and len(analysis.outcomes) == n
                        and not window.runner.busy and not workers.running())  # fmt: skip

            return check

        def settle(label: str, action: Callable[[], object], done: Callable[[], bool]) -> None:
            elapsed, worst = beat.measure(action, done)
            rows.append((label, elapsed, worst))
            print(f"{label:<22} {elapsed:>8.2f} s   longest GUI block {worst * 1000:>6.0f} ms",
                  flush=True)  # fmt: skip

        print(f"{cameras} cameras:", flush=True)
        settle("open project", lambda: window.open_project(path), analysed(cameras))
        window.new_project(confirm=False)
        workers.wait_all()
        app.processEvents()
        settle("import survey", lambda: window.import_survey(survey, ask_mapping=False),
               analysed(cameras))  # fmt: skip
        window.project.dirty = False  # type: ignore[union-attr]
        window.undo_stack.clear()
        window.open_project(path)
        beat.measure(lambda: None, analysed(cameras))
        analysis = window.analysis
        assert analysis is not None
        target = next(
            o for o in analysis.outcomes
            if o.verdict is Verdict.EXCLUDED and o.match and o.match.alternates
        )  # fmt: skip
        edited: dict[str, Any] = {}

        def edit() -> None:
            before = target.camera
            after = type(before)(**{f: getattr(before, f) for f in before.__slots__})
            after.notes = "moved 1 m to the left"
            edited["old"] = window.analysis
            window.undo_stack.push(EditCameraCommand(window, target.id, before, after))

        settle("edit one camera", edit, lambda: window.analysis is not edited["old"]
               and analysed(cameras)())  # fmt: skip
        alternate = target.match.alternates[0].model.key  # type: ignore[union-attr]

        def override() -> None:
            edited["old"] = window.analysis
            window.edits.use_offer(target.id, alternate, "bench")

        settle("override", override, lambda: window.analysis is not edited["old"]
               and analysed(cameras)())  # fmt: skip
        window.project.dirty = True  # type: ignore[union-attr]
        settle("autosave", window.autosave, lambda: not workers.running())
        done: list[str] = []
        window.sig_export_done.connect(done.append)
        settle("export tender", lambda: window.export_tender(TenderFiles(root / "tender.pdf")),
               lambda: bool(done))  # fmt: skip
        window.project.dirty = False  # type: ignore[union-attr]
        window.undo_stack.setClean()
        window.close()
        worst = max(rows, key=lambda r: r[2])
        print(f"longest GUI block overall: {worst[2] * 1000:.0f} ms ({worst[0]})", flush=True)


if __name__ == "__main__":
    if sys.argv[1:] == ["--cold"]:
        print(cold_starts(), flush=True)
    else:
        main(int(sys.argv[1]) if len(sys.argv) > 1 else 20000)
    sys.stdout.flush()
    os._exit(0)  # skip interpreter teardown: the bench has no state worth a tidy exit
