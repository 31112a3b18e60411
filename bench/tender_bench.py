"""Survey file → tender PDF for synthetic estates: seconds per stage, pages, pages/s, memory.

Usage: python bench/tender_bench.py [CAMERAS ...]   (default: 1000 10000)

The catalog is the 2,000-model synthetic one from ``match_bench``. The estate
is written to a CSV survey and read back through the importer, so the figure
covers the whole job a user runs. Like real estates, it repeats a limited set
of camera models (120 here) at distances surveyed to the metre; ``match_bench``
covers the worst case where every camera is different. Each size runs in its
own process so its peak RSS (ru_maxrss, libraries included) is its own.
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

from specassist.domain.pipeline import Setup
from specassist.domain.pricing import CostSettings
from specassist.domain.project_settings import TenderSettings
from specassist.services import tender_service
from specassist.services.imports import read_survey

DAY = date(2026, 11, 27)


def write_survey(path: Path, cameras: int, models: list[tuple[str, str]], seed: int = 3) -> None:
    rng = random.Random(seed)
    fleet = rng.sample(models, min(120, len(models)))
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Cam Ref", "Site", "Location", "Manufacturer", "Model No.",
                         "Mounting", "Height (m)", "Distance to target (m)", "Purpose",
                         "Indoor/Outdoor"])  # fmt: skip
        for n in range(cameras):
            make, model = rng.choice(fleet)
            writer.writerow([
                f"C{n:06d}", f"Site {n // 200:03d}", f"Area {n % 50}", make, model,
                rng.choice(["Wall", "Ceiling", "Pole"]), rng.choice([2.7, 3, 4.5, 6]),
                rng.randint(3, 30), rng.choice(["Detect", "Observe", "Recognise", "Identify", ""]),
                rng.choice(["Indoor", "Outdoor"]),
            ])  # fmt: skip


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


def main(sizes: list[int]) -> None:
    print("survey CSV → tender PDF against 2000 synthetic models (120 models in the estate)")
    print(f"{'cameras':>8} {'import':>7} {'analyse':>8} {'pdf':>7} {'total s':>7} {'pages':>6} "
          f"{'pages/s':>8} {'peak MB':>9}", flush=True)  # fmt: skip
    for size in sizes:
        subprocess.run([sys.executable, __file__, "--one", str(size)], check=True)


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--one":
        run_one(int(sys.argv[2]))
    else:
        main([int(a) for a in sys.argv[1:]] or [1000, 10000])
