"""Desktop-app figures: cold start to first paint, opening a large project, GUI-thread stalls.

Usage: python bench/gui_bench.py [CAMERAS]   (default 50000; runs offscreen)

- Cold start: a fresh interpreter, from process launch to the main window's
  first paint event (imports included), as a user double-clicking would wait.
- Open: an existing project of CAMERAS cameras: how long open_project() holds
  the GUI thread, and the time until the table is filled and analysed (cameras
  are read and analysed on a worker thread).
- Stalls: a 10 ms heartbeat timer on the GUI thread records the longest gap
  between ticks while the analysis of that project runs, and while the tender
  PDF of a 10,000-camera project is exported. Anything above ~100 ms is a
  visible freeze.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

COLD_START = r"""
import sys, time
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication
app = QApplication(sys.argv)
from specassist.app import create_window
window = create_window()
class First(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            print(time.time(), flush=True)
            app.quit()
        return False
first = First()
window.installEventFilter(first)
window.show()
app.exec()
"""


def cold_start() -> float:
    start = time.time()
    out = subprocess.run([sys.executable, "-c", COLD_START], capture_output=True, text=True,
                         check=True).stdout.split()  # fmt: skip
    return float(out[-1]) - start


def make_project(path: Path, cameras: int) -> None:
    from import_bench import write_survey

    from specassist.services import imports, projects

    survey = path.with_suffix(".csv")
    write_survey(survey, cameras)
    with projects.new_project("bench", path) as project:
        imports.import_into(project, survey)
        project.save()


class Heartbeat:
    def __init__(self) -> None:
        from PySide6.QtCore import QTimer

        self.last = time.perf_counter()
        self.worst = 0.0
        self.timer = QTimer()
        self.timer.setInterval(10)
        self.timer.timeout.connect(self.tick)

    def tick(self) -> None:
        now = time.perf_counter()
        self.worst = max(self.worst, now - self.last)
        self.last = now

    def start(self) -> None:
        self.last, self.worst = time.perf_counter(), 0.0
        self.timer.start()

    def stop(self) -> float:
        self.timer.stop()
        return self.worst


def main(cameras: int) -> None:
    from PySide6.QtCore import QEventLoop, QSettings
    from PySide6.QtWidgets import QApplication

    print(f"cold start to first paint: {cold_start():.2f} s", flush=True)
    app = QApplication.instance() or QApplication(sys.argv)
    from specassist.app import tune_gc
    from specassist.ui.main_window import MainWindow

    tune_gc()
    from specassist.ui import workers
    from specassist.ui.settings import AppSettings

    with tempfile.TemporaryDirectory() as folder:
        settings = AppSettings(QSettings(str(Path(folder) / "s.ini"), QSettings.Format.IniFormat))
        for size, label in ((cameras, "open"), (10000, "export")):
            path = Path(folder) / f"estate-{size}.specassist"
            make_project(path, size)
            window = MainWindow(settings)
            window.show()
            app.processEvents()
            app.processEvents()
            workers.wait_all()
            app.processEvents()
            beat = Heartbeat()
            beat.start()
            loop = QEventLoop()

            def loaded(window: MainWindow = window, size: int = size, loop: QEventLoop = loop
                       ) -> None:  # fmt: skip
                if window.survey_model.rowCount() == size and window.analysis is not None:
                    loop.quit()

            window.sig_analysis_done.connect(loaded)
            start = time.perf_counter()
            window.open_project(path)
            opened = time.perf_counter() - start
            loop.exec()
            analysed = time.perf_counter() - start
            worst_analysis = beat.stop()
            if label == "open":
                print(f"open {size} cameras: open_project() holds the GUI {opened:.2f} s; "
                      f"table filled and analysed after {analysed:.2f} s; longest GUI stall "
                      f"meanwhile {worst_analysis * 1000:.0f} ms", flush=True)  # fmt: skip
            else:
                beat.start()
                loop = QEventLoop()
                window.sig_export_done.connect(loop.quit)
                start = time.perf_counter()
                window.export_tender(Path(folder) / "tender.pdf")
                loop.exec()
                exported = time.perf_counter() - start
                print(f"export {size} cameras: {exported:.2f} s; longest GUI stall during "
                      f"export {beat.stop() * 1000:.0f} ms", flush=True)  # fmt: skip
            window.project.dirty = False  # type: ignore[union-attr]
            window.undo_stack.setClean()
            window.close()


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 50000)
    sys.stdout.flush()
    os._exit(0)  # skip interpreter teardown: PySide6 can fault while collecting at exit
