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
