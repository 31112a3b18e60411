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

GC_THRESHOLDS = (100_000, 50, 1000)
"""Measured with bench/gui_bench.py and bench/tender_bench.py against the defaults
(700, 10, 10) and smaller first thresholds: these gave the shortest pauses and the least
collection time. Cyclic garbage is rare here (results are trees of frozen dataclasses), so
collecting less often costs little memory."""


def tune_gc() -> None:
    """Collect young objects less often (see the module's docstring)."""
    gc.set_threshold(*GC_THRESHOLDS)
