"""How matching time grows with the catalog: one estate against catalogs of several sizes.

Usage: python bench/match_scaling.py [--cameras N] [--models shipped,2000,20000]
                                     [--repeat R] [--dump FOLDER]

The estate is ``bench/estate.write_estate`` (10,000 cameras by default); the
catalogs are the shipped one (``shipped``) and ``write_catalog_home`` topped
up to 2,000 and 20,000 models. Each catalog runs in a fresh process: the
catalog is loaded and the survey read (not timed), then the pipeline analyses
every camera as ``specassist match`` does. Printed per catalog:

- ``matching s``: building the matcher plus every ``Matcher.match`` and
  ``Matcher.offer`` call (the time that grows with the catalog);
- ``analysis s``: the whole pipeline (identification, rules, requirements,
  matching);
- both in CPU seconds of the process (``time.process_time``: the work is single
  threaded, and on a shared machine wall-clock time also counts the neighbours),
  each the fastest of ``--repeat`` analyses, each with new engines;
- the peak resident set size of the process (catalog and survey included);
- at the end, matching time at the largest catalog over the time at 2,000 models.

``--dump FOLDER`` also writes ``match-<size>.txt`` per catalog: every
camera's ``match`` JSON (as ``specassist match --json`` prints it: choice,
alternates, scores and their parts, deviations, no-match reason,
explanations) and the full representation of its ``Match`` (every figure at
full precision), so two versions of the matcher can be compared with ``cmp``.
"""

from __future__ import annotations

import argparse
import functools
import json
import math
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from estate import REPO, write_catalog_home, write_estate

if TYPE_CHECKING:
    from specassist.domain.pipeline import Analysis

AS_OF = date(2026, 11, 27)
SHIPPED = "shipped"
OVERRIDES = 400


def _timed(spent: list[float], method: Callable[..., Any]) -> Callable[..., Any]:
    """``method`` adding its own time to ``spent[0]``; nested calls are counted once."""
    depth = [0]

    @functools.wraps(method)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        depth[0] += 1
        start = time.process_time()
        try:
            return method(*args, **kwargs)
        finally:
            depth[0] -= 1
            if depth[0] == 0:
                spent[0] += time.process_time() - start

    return wrapper


def run_one(
    catalog_folder: Path, survey: Path, models: str, repeat: int, dump: Path | None
) -> None:
    from specassist.catalog.loader import load_catalog_folder
    from specassist.domain import matching
    from specassist.domain.pipeline import Setup, analyse_cameras
    from specassist.domain.pricing import CostSettings
    from specassist.services import imports

    catalog = load_catalog_folder(catalog_folder).catalog
    cameras = imports.read_survey(survey).cameras
    spent = [0.0]
    for name in ("__init__", "match", "offer"):
        setattr(matching.Matcher, name, _timed(spent, getattr(matching.Matcher, name)))
    best, total = math.inf, math.inf
    for _ in range(repeat):
        # A new setup each time: new engines, so nothing is reused between repeats.
        setup = Setup(catalog, as_of=AS_OF, costs=CostSettings(price_date=AS_OF))
        spent[0] = 0.0
        start = time.process_time()
        analysis = analyse_cameras(setup, cameras)
        total = min(total, time.process_time() - start)
        best = min(best, spent[0])
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{len(catalog.models):>8} {best:>11.2f} {total:>11.2f} {peak_mb:>13.0f}", flush=True)
    if dump is not None:
        _dump(analysis, dump / f"match-{models}.txt")


def _dump(analysis: Analysis, path: Path) -> None:
    """Every outcome's JSON and ``Match``; then, as overrides, some allowed models judged
    against the first few hundred requirements (``Matcher.offer``)."""
    from specassist.services import outputs

    allowed = sorted(m.key for m in analysis.matcher.allowed_models())
    with path.open("w", encoding="utf-8") as out:
        for outcome in analysis.outcomes:
            out.write(json.dumps(outputs.outcome_json(outcome), ensure_ascii=False))
            out.write(f"\n{outcome.match!r}\n")
        requirements = [o.requirement for o in analysis.outcomes if o.requirement is not None]
        for n, requirement in enumerate(requirements[:OVERRIDES]):
            key = allowed[(n * 7919) % len(allowed)]
            out.write(f"{key} {analysis.matcher.offer(key, requirement)!r}\n")


def main(cameras: int, sizes: list[str], repeat: int, dump: Path | None) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        survey = root / f"estate-{cameras}.csv"
        write_estate(survey, cameras)
        print(f"matching {cameras} cameras by catalog size (fresh process per catalog)")
        print(f"{'models':>8} {'matching s':>11} {'analysis s':>11} {'peak RSS MB':>13}",
              flush=True)  # fmt: skip
        matching: dict[str, float] = {}
        for models in sizes:
            catalog = REPO / "catalog"
            if models != SHIPPED:
                catalog = write_catalog_home(root / f"home-{models}", int(models)) / "catalog"
            command = [sys.executable, __file__, "--one", str(catalog), str(survey), models,
                       str(repeat), str(dump or "")]  # fmt: skip
            line = subprocess.run(command, check=True, capture_output=True, text=True).stdout
            print(line, end="", flush=True)
            matching[models] = float(line.split()[1])
        largest = sizes[-1]
        if "2000" in matching and largest != "2000":
            ratio = matching[largest] / matching["2000"]
            print(f"matching time, {largest} models / 2000 models: {ratio:.2f}")


def _parse() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cameras", type=int, default=10_000)
    parser.add_argument("--models", default=f"{SHIPPED},2000,20000")
    parser.add_argument(
        "--repeat", type=int, default=3, help="analyses per catalog; the fastest is printed"
    )
    parser.add_argument("--dump", type=Path, help="write every match result into this folder")
    return parser.parse_args()


if __name__ == "__main__":
    if len(sys.argv) == 7 and sys.argv[1] == "--one":
        run_one(Path(sys.argv[2]), Path(sys.argv[3]), sys.argv[4], int(sys.argv[5]),
                Path(sys.argv[6]) if sys.argv[6] else None)  # fmt: skip
    else:
        options = _parse()
        if options.dump:
            options.dump.mkdir(parents=True, exist_ok=True)
        main(options.cameras, options.models.split(","), options.repeat,
             options.dump)  # fmt: skip
