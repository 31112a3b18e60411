"""Survey file → tender PDF for synthetic estates: seconds per stage, pages, pages/s, memory.

Usage: python bench/tender_bench.py [CAMERAS ...]   (default: 1000 10000)

The catalog is the 2,000-model synthetic one from ``match_bench``. The estate
is written to a CSV survey and read back through the importer, so the figure
covers the whole job a user runs. Like real estates, it repeats a limited set
of camera models (120 here) at distances surveyed to the metre; ``match_bench``
covers the worst case where every camera is different. Each size runs in its
own process so its peak RSS (ru_maxrss, libraries included) is its own.

``--system [CAMERAS]`` (default 10000) measures what planning the rest of the system adds:
the same survey, now naming one of 200 recorders (four per site, each an excluded NVR with
its own row) and a 24-port switch per camera, goes to the tender twice — cameras only, then
with recorders, licences, PoE per switch, other devices and phases sized, costed and
written — twice each, alternating, and the difference of the fastest runs is printed as a
share of the cameras-only run.
"""

from __future__ import annotations

import csv
import random
import resource
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from match_bench import synthetic_catalog

from specassist.domain.pipeline import Setup, analyse_cameras
from specassist.domain.pricing import CostSettings
from specassist.domain.project_settings import TenderSettings
from specassist.domain.system_plan import plan_analysis
from specassist.domain.system_settings import SystemSettings
from specassist.services import tender_service
from specassist.services.imports import read_survey

DAY = date(2026, 11, 27)


RECORDERS_PER_SITE = 4
"""With 200 cameras a site, 10,000 cameras name 50 × 4 = 200 recorders."""


def write_survey(
    path: Path, cameras: int, models: list[tuple[str, str]], seed: int = 3, system: bool = False
) -> None:
    """The estate as a CSV; ``system`` adds each camera's recorder and switch port, and a row
    for every recorder (an excluded Hikvision NVR)."""
    rng = random.Random(seed)
    fleet = rng.sample(models, min(120, len(models)))
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Cam Ref", "Site", "Location", "Manufacturer", "Model No.",
                         "Mounting", "Height (m)", "Distance to target (m)", "Purpose",
                         "Indoor/Outdoor"] + (["Recorder", "Switch", "Switch port"]
                                              if system else []))  # fmt: skip
        for n in range(cameras):
            make, model = rng.choice(fleet)
            site = f"Site {n // 200:03d}"
            wiring = [f"NVR {site} {n % RECORDERS_PER_SITE}", f"SW {n // 24}", str(n % 24 + 1)]
            writer.writerow([
                f"C{n:06d}", site, f"Area {n % 50}", make, model,
                rng.choice(["Wall", "Ceiling", "Pole"]), rng.choice([2.7, 3, 4.5, 6]),
                rng.randint(3, 30), rng.choice(["Detect", "Observe", "Recognise", "Identify", ""]),
                rng.choice(["Indoor", "Outdoor"]), *(wiring if system else []),
            ])  # fmt: skip
        for site in sorted({n // 200 for n in range(cameras)}) if system else ():
            for k in range(RECORDERS_PER_SITE):
                name = f"NVR Site {site:03d} {k}"
                writer.writerow([name, f"Site {site:03d}", "Comms room", "Hikvision",
                                 "DS-7608NI-K2", "", "", "", "", "Indoor", "", "", ""])  # fmt: skip


def run_one(cameras: int) -> None:
    catalog = synthetic_catalog(2000)
    flagged = [(m.vendor_id.capitalize(), m.model) for m in catalog.models
               if m.vendor_id in ("hikvision", "dahua")]  # fmt: skip
    with tempfile.TemporaryDirectory() as folder:
        survey_path, pdf_path = Path(folder) / "survey.csv", Path(folder) / "tender.pdf"
        write_survey(survey_path, cameras, flagged)
        start = time.perf_counter()
        survey = read_survey(survey_path)
        imported = time.perf_counter()
        setup = Setup(catalog, None, DAY, costs=CostSettings(price_date=DAY))
        tender = tender_service.prepare(setup, survey.cameras, TenderSettings(issue_date=DAY))
        prepared = time.perf_counter()
        pages = tender_service.write(tender, pdf_path)
        done = time.perf_counter()
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    total = done - start
    analyse, draw = prepared - imported, done - prepared
    print(
        f"{cameras:>8} {imported - start:>7.2f} {analyse:>8.2f} {draw:>7.2f} "
        f"{total:>7.2f} {pages:>6} {pages / draw:>8.1f} {peak_mb:>9.0f}"
    )


def run_system(cameras: int, planned: bool) -> None:
    """One survey → tender run of the estate with recorders and switches named; with
    ``planned`` the system is sized, costed and written too. Prints CPU seconds per stage
    (``time.process_time``: what this run itself spent, whatever else the machine does)."""
    catalog = synthetic_catalog(2000)
    flagged = [(m.vendor_id.capitalize(), m.model) for m in catalog.models
               if m.vendor_id in ("hikvision", "dahua")]  # fmt: skip
    clock = time.process_time
    with tempfile.TemporaryDirectory() as folder:
        survey_path, pdf_path = Path(folder) / "survey.csv", Path(folder) / "tender.pdf"
        write_survey(survey_path, cameras, flagged, system=True)
        start = clock()
        survey = read_survey(survey_path)
        setup = Setup(catalog, None, DAY, costs=CostSettings(price_date=DAY))
        analysis = analyse_cameras(setup, survey.cameras)
        analysed = clock()
        plan = plan_analysis(analysis, SystemSettings()) if planned else None
        sized = clock()
        tender = tender_service.from_analysis(analysis, TenderSettings(issue_date=DAY),
                                              system=plan)  # fmt: skip
        written = clock()
        pages = tender_service.write(tender, pdf_path)
        done = clock()
    groups = len(plan.groups) if plan else 0
    switches = len(plan.switches) if plan else 0
    print(f"{'with system' if planned else 'cameras only':<13} {analysed - start:>8.2f} "
          f"{sized - analysed:>6.2f} {written - sized:>9.2f} {done - written:>6.2f} "
          f"{done - start:>8.2f} {pages:>6} {groups:>7} {switches:>8}", flush=True)  # fmt: skip


def main_system(cameras: int) -> None:
    print(f"survey CSV → tender PDF, {cameras} cameras naming {cameras // 50} recorders and "
          f"{-(-cameras // 24)} switches (2000 synthetic models); CPU seconds")  # fmt: skip
    print(f"{'run':<13} {'import+':>8} {'size':>6} {'document':>9} {'pdf':>6} {'total':>8} "
          f"{'pages':>6} {'groups':>7} {'switches':>8}", flush=True)  # fmt: skip
    print(f"{'':<13} {'analyse':>8}", flush=True)
    best: dict[bool, list[float]] = {}
    # Alternating runs, the fastest of each kept: one busy moment of a shared machine during
    # one run would otherwise be read as the system's cost.
    for planned in (False, True, False, True):
        result = subprocess.run(
            [sys.executable, __file__, "--system-one", str(cameras), str(int(planned))],
            check=True, capture_output=True, text=True,
        )  # fmt: skip
        print(result.stdout, end="")
        stages = [float(x) for x in result.stdout.split()[2:7]]
        if planned not in best or stages[4] < best[planned][4]:
            best[planned] = stages
    base, system = best[False], best[True]
    extra = system[4] - base[4]
    print(f"fastest runs: sizing {system[1]:.2f} s, document {system[2] - base[2]:+.2f} s, "
          f"pdf {system[3] - base[3]:+.2f} s; the system adds {extra:.2f} s = "
          f"{100 * extra / base[4]:.1f} % of the cameras-only survey → tender time")  # fmt: skip


def main(sizes: list[int]) -> None:
    print("survey CSV → tender PDF against 2000 synthetic models (120 models in the estate)")
    print(f"{'cameras':>8} {'import':>7} {'analyse':>8} {'pdf':>7} {'total s':>7} {'pages':>6} "
          f"{'pages/s':>8} {'peak MB':>9}", flush=True)  # fmt: skip
    for size in sizes:
        subprocess.run([sys.executable, __file__, "--one", str(size)], check=True)


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--one":
        run_one(int(sys.argv[2]))
    elif len(sys.argv) == 4 and sys.argv[1] == "--system-one":
        run_system(int(sys.argv[2]), sys.argv[3] == "1")
    elif len(sys.argv) >= 2 and sys.argv[1] == "--system":
        main_system(int(sys.argv[2]) if len(sys.argv) > 2 else 10_000)
    else:
        main([int(a) for a in sys.argv[1:]] or [1000, 10000])
