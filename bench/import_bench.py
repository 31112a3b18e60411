"""Import a synthetic survey and print rows per second and peak memory.

Usage: python bench/import_bench.py [ROWS ...]   (default: 10000 50000)

The survey mixes what real ones contain: several makes, feet and metres,
ranges, decimal commas, a few bad cells, and an unknown column. Peak memory
is the process's maximum resident set size after parsing and storing (ru_maxrss), which includes the
interpreter and libraries, so it is an honest upper bound.
"""

from __future__ import annotations

import csv
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

from specassist.services.projects import new_project
from specassist.storage.survey_store import add_import
from specassist.survey.importer import import_survey

MAKES = [
    ("Hikvision", "DS-2CD2143G2-I", "Dome"),
    ("Dahua", "IPC-HFW5442E-ZE", "Bullet"),
    ("HiWatch", "IPC-T020(B)", "Turret"),
    ("Axis", "P3265-LVE", "Dome"),
    ("Hanwha", "XNO-6080R", "Bullet"),
    ("Dahua", "SD49425XB-HNR", "PTZ"),
]
LENSES = ["2.8mm", "4 mm", "2.8-12mm", "2,7 – 13,5 mm", "Varifocal 3.2-10 mm", "6mm fixed"]


def write_survey(path: Path, rows: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Cam Ref", "Site", "Location", "Manufacturer", "Model No.", "Type",
                         "Resolution", "Lens", "Mounting", "Height (ft)", "Distance to target",
                         "Purpose", "Indoor/Outdoor", "MAC", "IP", "Cable run"])  # fmt: skip
        for n in range(rows):
            make, model, form = rng.choice(MAKES)
            mac = ":".join(f"{rng.randrange(256):02X}" for _ in range(6))
            ip = f"10.{n // 65536}.{n // 256 % 256}.{n % 256}"
            if n % 997 == 0:
                mac = "not-a-mac"
            writer.writerow([
                f"C{n:06d}", f"Site {n // 250}", f"Area {n % 40}", make, model, form,
                rng.choice(["2688x1520", "1080p", "4MP", "3840x2160"]), rng.choice(LENSES),
                rng.choice(["Wall", "Pole", "Ceiling"]), f"{rng.uniform(8, 20):.1f}",
                rng.choice([f"{rng.uniform(3, 40):.1f} m", f"{rng.uniform(10, 120):.0f} ft"]),
                rng.choice(["Detect", "Observe", "Recognise", "Identify"]),
                rng.choice(["Indoor", "Outdoor"]), mac, ip,
                "Cat6",
            ])  # fmt: skip


def main(sizes: list[int]) -> None:
    print(
        f"{'rows':>8} {'parse s':>8} {'rows/s':>9} {'store s':>8} {'issues':>7} {'peak RSS MB':>12}"
    )
    with tempfile.TemporaryDirectory() as folder:
        for rows in sizes:
            path = Path(folder) / f"survey-{rows}.csv"
            write_survey(path, rows)
            start = time.perf_counter()
            result = import_survey(path)
            seconds = time.perf_counter() - start
            with new_project("bench") as project, project.transaction() as session:
                stored = time.perf_counter()
                add_import(
                    session,
                    project.project_id(),
                    result.file,
                    result.detail,
                    result.mapping,
                    result.cameras,
                    result.issues,
                )
            store_seconds = time.perf_counter() - stored
            peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            assert len(result.cameras) == rows
            print(
                f"{rows:>8} {seconds:>8.2f} {rows / seconds:>9.0f} {store_seconds:>8.2f} "
                f"{len(result.issues):>7} {peak_mb:>12.0f}"
            )


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [10_000, 50_000])
