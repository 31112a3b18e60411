"""Process-wide settings every entry point applies the same way: the app, the command line,
the benches.

Python's garbage collector walks young objects every few hundred
allocations and, now and then, every object in the process. An estate of
50,000 cameras holds millions of long-lived objects (rows, outcomes, the
catalog), so with the default thresholds full collections ran 15 times while
writing one 50,000-camera tender (8 s of the run) and paused the window's
thread for 100–200 ms at a time during an analysis.
"""

from __future__ import annotations

import gc
import sys

GC_THRESHOLDS = (100_000, 50, 1000)
"""Measured with bench/gui_bench.py and bench/tender_bench.py against the defaults
(700, 10, 10) and smaller first thresholds: these gave the shortest pauses and the least
collection time. Cyclic garbage is rare here (results are trees of frozen dataclasses), so
collecting less often costs little memory."""


def tune_gc() -> None:
    """Collect young objects less often (see the module's docstring)."""
    gc.set_threshold(*GC_THRESHOLDS)


GUI_SWITCH_INTERVAL_S = 0.0001
"""How long a thread holding the interpreter may make another wait for it, in the app.

A repaint of the window calls into Python hundreds of times (every visible cell of a
table model, every painted widget), and each call must take the interpreter lock back
from a worker that is analysing or writing a tender. With Python's default of 5 ms each
hand-over could cost up to 5 ms, and a 20,000-camera export held the window for 4.9 s;
at 0.1 ms the longest block measured with bench/gui_bench.py was 0.33 s, with the work
itself no slower."""


def tune_threads() -> None:
    """Let the window's thread take the interpreter back quickly from workers (see
    ``GUI_SWITCH_INTERVAL_S``). The command line runs its work on one thread and keeps
    Python's default."""
    sys.setswitchinterval(GUI_SWITCH_INTERVAL_S)
