"""Flag and match synthetic estates against a synthetic 2,000-model catalog.

Usage: python bench/match_bench.py [CAMERAS ...]   (default: 10000 50000)

Each size runs in its own process so the peak resident set size (ru_maxrss,
interpreter and libraries included) belongs to that size alone. The catalog
keeps the shipped vendors and rule sets and replaces the models with 2,000
generated ones across compliant and excluded vendors, so the rule screening,
the form families and every hard constraint are exercised. Survey distances
are rounded to 0.5 m as surveyors write them, so identical cameras recur as
they do on real estates; the number of distinct requirements is printed.
"""

from __future__ import annotations

import dataclasses
import random
import resource
import subprocess
import sys
import time
from pathlib import Path

from specassist.catalog.loader import load_catalog_folder
from specassist.domain.catalog import (
    CameraModel,
    Catalog,
    FormFactor,
    LensType,
    Provenance,
    Resolution,
)
from specassist.domain.pipeline import Setup, analyse_cameras
from specassist.domain.survey import DoriLevel, SurveyCamera

CATALOG = Path(__file__).resolve().parent.parent / "catalog"
VENDORS = ["axis", "hanwha", "bosch", "ipro", "avigilon", "vivotek", "mobotix", "pelco",
           "hikvision", "dahua"]  # fmt: skip
FORMS = [FormFactor.DOME, FormFactor.TURRET, FormFactor.BULLET, FormFactor.PTZ,
         FormFactor.FISHEYE, FormFactor.BOX]  # fmt: skip
WIDTHS = [1920, 2560, 2688, 3072, 3840]
SOURCE = Provenance("synthetic bench row", "2026-11-27", False)


def synthetic_catalog(models: int, seed: int = 11) -> Catalog:
    rng = random.Random(seed)
    base = load_catalog_folder(CATALOG).catalog
    rows = []
    for n in range(models):
        form = rng.choice(FORMS)
        wide = 180.0 if form is FormFactor.FISHEYE else rng.uniform(30, 115)
        zoom = form is FormFactor.PTZ or rng.random() < 0.4
        tele = wide / (rng.uniform(10, 32) if form is FormFactor.PTZ else rng.uniform(2, 4))
        width = rng.choice(WIDTHS)
        rows.append(
            CameraModel(
                rng.choice(VENDORS), f"SYN-{n:05d}", form, SOURCE,
                resolution=Resolution(width, width * 9 // 16),
                lens_type=LensType.MOTORISED if zoom else LensType.FIXED,
                hfov_max_deg=wide, hfov_min_deg=tele if zoom else wide,
                ir_range_m=rng.choice([None, 20.0, 30.0, 40.0, 60.0, 100.0]),
                ip_rating=rng.choice([None, "IP66", "IP67", "IP42"]),
                ik_rating=rng.choice([None, "IK10", "IK08"]),
                poe_class=rng.choice([None, 2, 3, 4]),
                audio=rng.choice([None, True, False]),
                outdoor=rng.random() < 0.6,
            )
        )  # fmt: skip
    return dataclasses.replace(base, models=rows)


def synthetic_estate(catalog: Catalog, cameras: int, seed: int = 5) -> list[SurveyCamera]:
    rng = random.Random(seed)
    flagged = [m for m in catalog.models if m.vendor_id in ("hikvision", "dahua")]
    out = []
    for n in range(cameras):
        old = rng.choice(flagged) if rng.random() < 0.85 else rng.choice(catalog.models)
        out.append(
            SurveyCamera(
                n + 2, tag=f"C{n:06d}", site=f"Site {n // 250}",
                make=old.vendor_id.capitalize(), model=old.model,
                target_distance_m=round(rng.uniform(2, 40) * 2) / 2,
                required_dori=rng.choice([None, *DoriLevel][:5]),
                outdoor=rng.random() < 0.5,
                mount=rng.choice(["Wall", "Ceiling", "Pole", "Corner", None]),
            )
        )  # fmt: skip
    return out


def run_one(cameras: int) -> None:
    catalog = synthetic_catalog(2000)
    estate = synthetic_estate(catalog, cameras)
    start = time.perf_counter()
    outcomes = analyse_cameras(Setup(catalog), estate).outcomes
    seconds = time.perf_counter() - start
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    requirements = {o.requirement for o in outcomes if o.requirement is not None}
    chosen = sum(1 for o in outcomes if o.match and o.match.choice)
    excluded = sum(1 for o in outcomes if o.match)
    print(
        f"{cameras:>8} {seconds:>8.2f} {cameras / seconds:>10.0f} {excluded:>9} "
        f"{len(requirements):>9} {chosen:>8} {peak_mb:>12.0f}"
    )


def main(sizes: list[int]) -> None:
    print("catalog: 2000 synthetic models; times cover identification, rules and matching")
    print(
        f"{'cameras':>8} {'seconds':>8} {'cameras/s':>10} {'excluded':>9} {'distinct':>9} "
        f"{'matched':>8} {'peak RSS MB':>12}",
        flush=True,
    )
    for size in sizes:
        subprocess.run([sys.executable, __file__, "--one", str(size)], check=True)


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--one":
        run_one(int(sys.argv[2]))
    else:
        main([int(a) for a in sys.argv[1:]] or [10000, 50000])
