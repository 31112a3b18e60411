"""One command for the speed table: SpecAssist against the floor, estate sizes, catalog sizes.

Usage: python bench/perf_report.py [--quick]

Every figure is a fresh process, timed from launch to exit, as a user waits:

- ``specassist tender SURVEY -o PDF --boq XLSX`` on estates of 5,000, 10,000 and
  50,000 cameras (``bench/estate.py``) against the shipped catalog and against a
  2,000-model catalog, each beside ``bench/floor.py`` writing as many schedule and
  BoQ rows; peak memory (ru_maxrss of the child);
- time(50k) / time(5k): 10 is linear;
- ``specassist match`` with catalogs of 272 (the shipped size), 2,000 and 20,000
  models on the 10,000-camera estate;
- ``specassist --version``.

``--quick`` runs 1,000/2,000/10,000 cameras and skips the 20,000-model catalog.
The GUI's first paint and its longest blocks are in ``bench/gui_bench.py``.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from estate import write_catalog_home, write_estate

SPECASSIST = [sys.executable, "-m", "specassist"]


def timed(command: list[str], env: dict[str, str] | None = None) -> tuple[float, float]:
    """(seconds, peak MB) of one run; the peak is this child's own, from ``wait4``."""
    with tempfile.TemporaryFile() as errors:
        start = time.perf_counter()
        child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=errors, env=env)
        _, status, usage = os.wait4(child.pid, 0)
        seconds = time.perf_counter() - start
        child.returncode = os.waitstatus_to_exitcode(status)
        if child.returncode != 0:
            errors.seek(0)
            text = errors.read().decode(errors="replace")[-2000:]
            raise RuntimeError(f"{' '.join(command)} failed:\n{text}")
    return seconds, usage.ru_maxrss / 1024


def schedule_and_boq_rows(survey: Path) -> tuple[int, int]:
    """Rows the tender wrote: one schedule row per camera; the BoQ's from its line count."""
    cameras = sum(1 for _ in survey.open(encoding="utf-8")) - 1
    return cameras, max(1, cameras // 10)


def main(quick: bool) -> None:
    sizes = [1_000, 2_000, 10_000] if quick else [5_000, 10_000, 50_000]
    catalogs = [272, 2_000] if quick else [272, 2_000, 20_000]
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        homes = {n: write_catalog_home(root / f"home-{n}", n) for n in catalogs if n != 272}
        seconds, _ = timed([*SPECASSIST, "--version"])
        print(f"specassist --version: {seconds:.2f} s", flush=True)
        print(
            f"\n{'cameras':>8} {'catalog':>8} {'SpecAssist s':>13} {'peak MB':>8} "
            f"{'floor s':>8} {'ratio':>6}",
            flush=True,
        )
        totals: dict[tuple[int, int], float] = {}
        for size in sizes:
            survey = root / f"estate-{size}.csv"
            write_estate(survey, size)
            for models in (272, 2_000):
                env = {**os.environ}
                if models in homes:
                    env["SPECASSIST_HOME"] = str(homes[models])
                took, peak = timed(
                    [
                        *SPECASSIST,
                        "tender",
                        str(survey),
                        "-o",
                        str(root / "t.pdf"),
                        "--boq",
                        str(root / "b.xlsx"),
                        "--as-of",
                        "2026-11-27",
                    ],
                    env,
                )
                rows, boq = schedule_and_boq_rows(survey)
                floor, _ = timed(
                    [
                        sys.executable,
                        str(Path(__file__).parent / "floor.py"),
                        str(survey),
                        str(rows),
                        str(boq),
                        str(root),
                    ]
                )
                totals[(size, models)] = took
                print(
                    f"{size:>8} {models:>8} {took:>13.2f} {peak:>8.0f} {floor:>8.2f} "
                    f"{took / floor:>6.1f}",
                    flush=True,
                )
        small, large = sizes[0], sizes[-1]
        for models in (272, 2_000):
            ratio = totals[(large, models)] / totals[(small, models)]
            print(
                f"time({large})/time({small}) with {models} models: {ratio:.1f} "
                f"(linear: {large / small:.0f})"
            )
        middle = 10_000
        survey = root / f"estate-{middle}.csv"
        print(f"\nmatching {middle} cameras by catalog size:")
        base = None
        for models in catalogs:
            env = {**os.environ}
            if models in homes:
                env["SPECASSIST_HOME"] = str(homes[models])
            took, peak = timed(
                [*SPECASSIST, "match", str(survey), "--json", "--as-of", "2026-11-27"], env
            )
            base = base or took
            print(
                f"  {models:>6} models: {took:6.2f} s ({took / base:.2f}× the shipped "
                f"catalog), peak {peak:.0f} MB",
                flush=True,
            )


if __name__ == "__main__":
    main("--quick" in sys.argv[1:])
