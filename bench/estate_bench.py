"""Replacements on a synthetic 1,000-device estate, judged by a specialist's criteria.

Usage: python bench/estate_bench.py [DEVICES] [SEED]   (default: 1000 23)

The estate mixes cameras of excluded makers under the labels surveys use
(Hikvision, HIKVISION, Hikvision Digital Technology, Dahua, Dahua Technology,
HiLook, HiWatch, Lorex, Amcrest) with compliant cameras that stay. Each
excluded camera comes from a real catalog entry with a scene and a degraded
survey row, exactly as the evaluation corpus is made (``tests/eval/
make_corpus.py``), and the whole estate goes through the importer and the
pipeline under every shipped rule pack. The judge (``tests/eval/judge.py``)
then counts, over the excluded cameras: replaced, with declared deviations,
site checks, no replacement, and silent downgrades (a criterion missed with no
deviation declared). The same script runs against an older checkout with
``PYTHONPATH=<checkout>`` to give a before figure: it reads only what every
version of the outcome has.
"""

from __future__ import annotations

import csv
import random
import sys
import tempfile
import time
from collections import Counter
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "tests" / "eval"))

from judge import judge  # noqa: E402
from make_corpus import CRITERIA, EXCLUDED, SURVEY, _generated, _lens  # noqa: E402
from run_eval import criteria  # noqa: E402

from specassist.domain.pipeline import Setup, analyse_cameras  # noqa: E402
from specassist.services.catalog_service import check_catalog  # noqa: E402
from specassist.services.imports import read_survey  # noqa: E402

EXCLUDED_SHARE = 0.57
"""About the share of excluded devices on the estates this was first measured on (574 of 1,000)."""
COMPLIANT = ("axis", "hanwha", "bosch", "ipro", "avigilon", "vivotek", "mobotix", "pelco")


def estate(devices: int, seed: int, folder: Path) -> Path:
    """The estate as a survey file (criteria columns beside the survey's)."""
    rng = random.Random(seed)
    catalog = check_catalog().catalog
    truths = [m for m in catalog.models if m.vendor_id in EXCLUDED and _lens(m) and m.resolution]
    keep = [m for m in catalog.models if m.vendor_id in COMPLIANT]
    rows = []
    for n in range(devices):
        if rng.random() < EXCLUDED_SHARE:
            row = _generated(n + 1, rng.choice(truths), rng)
            row["Cam Ref"] = f"D{n + 1:04d}"
            rows.append(row)
        else:
            kept = rng.choice(keep)
            rows.append({"Cam Ref": f"D{n + 1:04d}", "Site": "Estate", "Manufacturer":
                         kept.vendor_id.capitalize(), "Model No.": kept.model,
                         "Camera Type": kept.form_factor.value})  # fmt: skip
    path = folder / "estate.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, [*SURVEY, *CRITERIA], lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return path


def main(devices: int, seed: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = estate(devices, seed, Path(tmp))
        with path.open(encoding="utf-8", newline="") as handle:
            rows = {r["Cam Ref"]: r for r in csv.DictReader(handle)}
        survey = read_survey(path)
    start = time.perf_counter()
    analysis = analyse_cameras(Setup(check_catalog().catalog, None, date(2026, 12, 1)),
                               survey.cameras)  # fmt: skip
    seconds = time.perf_counter() - start
    counts: Counter[str] = Counter()
    silent: Counter[str] = Counter()
    blocked: Counter[str] = Counter()
    for outcome in analysis.outcomes:
        if outcome.verdict.value != "excluded" or outcome.requirement is None:
            continue
        row = rows[outcome.camera.display_tag]
        if not row.get("Expect"):
            continue  # a compliant model flagged by a rule: not part of the measure
        verdict = judge(outcome, criteria(row))
        counts["judged"] += 1
        counts[verdict.status] += 1
        counts["accepted"] += verdict.accepted
        offer = outcome.offer
        counts["with deviations"] += bool(offer and getattr(offer, "deviations", ()))
        counts["silent"] += bool(verdict.silent)
        silent.update(verdict.silent)
        if offer is None and outcome.match and outcome.match.no_match:
            blocked[outcome.match.no_match.last or "site check / none allowed"] += 1
    n = counts["judged"] or 1
    print(f"{len(analysis.outcomes)} devices, {counts['judged']} excluded cameras judged "
          f"(analysed in {seconds:.1f} s)")  # fmt: skip
    for label, key in (("replaced", "to replace"), ("  of which with declared deviations",
                       "with deviations"), ("site check", "site check"),
                       ("no replacement", "excluded"), ("accepted by the criteria", "accepted"),
                       ("silent downgrades", "silent")):  # fmt: skip
        print(f"  {label:<38} {counts[key]:>5}  {counts[key] / n:6.1%}")
    if blocked:
        print("  no replacement, by the constraint that removed the last candidates: "
              + ", ".join(f"{k} {v}" for k, v in blocked.most_common()))  # fmt: skip
    if silent:
        print("  silent misses by criterion: " + ", ".join(f"{k} {v}" for k, v in silent.items()))


if __name__ == "__main__":
    args = [int(a) for a in sys.argv[1:]]
    main(args[0] if args else 1000, args[1] if len(args) > 1 else 23)
