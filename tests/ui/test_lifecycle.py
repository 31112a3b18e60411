"""Start the app, let it analyse the demo, quit: again and again, with no crash at exit."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

RUNS = 6


def test_start_analyse_quit_repeatedly(tmp_path: Path) -> None:
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "SPECASSIST_SMOKE": "analysis",
        "HOME": str(tmp_path),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
    }
    for run in range(RUNS):
        done = subprocess.run(
            [sys.executable, "-X", "faulthandler", "-m", "specassist", "--demo"],
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert done.returncode == 0, f"run {run}: exit {done.returncode}\n{done.stderr[-2000:]}"
        assert "Fatal Python error" not in done.stderr, done.stderr[-2000:]
        assert "Traceback" not in done.stderr, done.stderr[-2000:]


def test_qt_calls_keep_python_reference_counts(qapp: object) -> None:
    """A Qt binding that drops a reference on every call aborts the app at exit, after a long
    session ("Fatal Python error: none_dealloc / bool_dealloc"): PySide6 6.12.0 did, and is
    excluded in pyproject.toml. This holds whichever binding is installed to the same line."""
    from PySide6.QtGui import QImage, QPainter

    image = QImage(8, 8, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    before = {name: sys.getrefcount(value) for name, value in
              (("None", None), ("True", True), ("False", False))}  # fmt: skip
    for _ in range(2000):
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.isActive()
    painter.end()
    after = {name: sys.getrefcount(value) for name, value in
             (("None", None), ("True", True), ("False", False))}  # fmt: skip
    # References come and go with other work; a leak per call would show as thousands.
    assert all(abs(after[name] - before[name]) < 200 for name in before), (before, after)
