"""The app's process-wide settings: the window's thread takes the interpreter back from a busy
worker within a tenth of a millisecond, and the command line keeps Python's defaults."""

from __future__ import annotations

import subprocess
import sys

import pytest


def _switch_interval_after(statement: str) -> float:
    code = f"import sys\n{statement}\nprint(sys.getswitchinterval())"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, timeout=120).stdout  # fmt: skip
    return float(out.split()[-1])


def test_the_app_shortens_the_switch_interval_and_the_command_line_does_not() -> None:
    from specassist.runtime import GUI_SWITCH_INTERVAL_S

    smoke = (
        "import os\nos.environ['QT_QPA_PLATFORM'] = 'offscreen'\n"
        "os.environ['SPECASSIST_SMOKE'] = 'paint'\n"
        "from specassist.app import run_app\nrun_app()"
    )
    assert _switch_interval_after(smoke) == pytest.approx(GUI_SWITCH_INTERVAL_S)
    cli = (
        "from specassist.__main__ import main\n"
        "main(['flag', __import__('specassist.resources').resources.demo_survey().as_posix()])"
    )
    assert _switch_interval_after(cli) == pytest.approx(0.005)
