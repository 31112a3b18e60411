"""Score the matcher on the evaluation corpus by a specialist's criteria.

Usage: python tests/eval/run_eval.py [--update] [--verbose]

``corpus.csv`` is a survey (the importer reads it like any other) with
criteria columns (``make_corpus.py``, README.md). Cameras are analysed estate
by estate — each with its rule profile and currency, and the synthetic
evaluation price list ``prices.csv`` — and every excluded camera is judged
(``judge.py``). Printed for the development and the held-out rows:

* acceptance: a replacement that meets every criterion or declares, in
  figures, the deviation for each one it misses; or the site-check list for a
  camera nothing can size;
* no replacement: excluded cameras left without one (site checks apart);
* deviation rate: replacements offered with declared deviations;
* silent downgrades: criteria missed with no deviation declared (must be 0).

``baseline.json`` holds the last accepted figures; ``--update`` rewrites it,
and ``test_eval.py`` fails when acceptance drops, no-replacement rises, or any
downgrade is silent.
"""

from __future__ import annotations

import csv
import json
import sys
from collections import Counter
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from judge import Criteria, Verdict, judge

from specassist.domain.catalog import Price, PriceType, Provenance
from specassist.domain.money import ExchangeRates
from specassist.domain.pipeline import Setup, analyse
from specassist.domain.pricing import CostSettings
from specassist.domain.survey import SurveyedCamera
from specassist.services.catalog_service import check_catalog
from specassist.services.imports import read_survey

HERE = Path(__file__).resolve().parent
CORPUS = HERE / "corpus.csv"
PRICES = HERE / "prices.csv"
BASELINE = HERE / "baseline.json"
AS_OF = date(2026, 12, 1)
RATES = {
    "GBP": {"USD": "0.79", "EUR": "0.85"},
    "USD": {"GBP": "1.27", "EUR": "1.08"},
    "EUR": {"GBP": "1.17", "USD": "0.93"},
}
"""Fixed evaluation rates into each project currency (1 unit of the key = rate × project)."""
PRICE_SOURCE = Provenance("synthetic evaluation price list (tests/eval/prices.csv), not a "
                          "market price", "2026-12-01", False)  # fmt: skip


@dataclass(frozen=True)
class Judged:
    tag: str
    split: str
    degraded: str
    verdict: Verdict
    choice: str | None
    deviations: tuple[str, ...]
    outcome: Any = None


def criteria(row: dict[str, str]) -> Criteria:
    def number(column: str) -> float | None:
        return float(row[column]) if row[column] else None

    return Criteria(
        frozenset(row["Need family"].split(";")),
        number("Need view (deg)"),
        number("Need distance (m)"),
        number("Need detail (px/m)"),
        number("Need pixels"),
        row["Outdoor"] == "yes",
        number("Need IR (m)"),
        row["Expect"],
        row["Estimated"] == "yes",
    )


def prices() -> tuple[Price, ...]:
    with PRICES.open(encoding="utf-8", newline="") as handle:
        return tuple(
            Price(r["item"], r["supplier"], r["currency"], Decimal(r["amount"]),
                  PriceType.INDICATIVE, PRICE_SOURCE, date(2026, 1, 1))
            for r in csv.DictReader(handle)
        )  # fmt: skip


def rows_by_tag() -> dict[str, dict[str, str]]:
    with CORPUS.open(encoding="utf-8", newline="") as handle:
        return {row["Cam Ref"]: row for row in csv.DictReader(handle)}


def evaluate() -> list[Judged]:
    rows = rows_by_tag()
    survey = read_survey(CORPUS)
    catalog = check_catalog().catalog
    extra = prices()
    estates: dict[tuple[str, str], list[SurveyedCamera]] = {}
    for n, camera in enumerate(survey.cameras):
        row = rows[camera.display_tag]
        estates.setdefault((row["Profile"], row["Currency"]), []).append(SurveyedCamera(n, camera))
    judged = []
    for (profile, currency), cameras in sorted(estates.items()):
        rates = {k: Decimal(v) for k, v in RATES[currency].items()}
        costs = CostSettings(currency=currency, exchange=ExchangeRates(currency, rates),
                             price_date=AS_OF)  # fmt: skip
        ids = None if profile == "all" else tuple(profile.split(";"))
        setup = Setup(catalog, ids, AS_OF, costs=costs, extra_prices=extra)
        for outcome in analyse(setup, cameras).outcomes:
            if outcome.requirement is None and outcome.status.value != "excluded":
                continue  # allowed, unknown or not a camera: nothing to replace
            row = rows[outcome.camera.display_tag]
            offer = outcome.offer
            judged.append(Judged(
                row["Cam Ref"], row["Split"], row["Degraded"], judge(outcome, criteria(row)),
                f"{offer.model.key}" + (f" ×{offer.quantity}" if getattr(offer, "quantity", 1) > 1
                                        else "") if offer else None,
                tuple(f"{d.requirement} ({d.severity.value})"
                      for d in getattr(offer, "deviations", ())) if offer else (),
                outcome,
            ))  # fmt: skip
    return judged


def figures(judged: list[Judged]) -> dict[str, float]:
    """The rates of one set of judged cameras."""
    n = len(judged) or 1
    return {
        "cameras": len(judged),
        "acceptance": round(sum(j.verdict.accepted for j in judged) / n, 4),
        "no_replacement": round(sum(j.verdict.status == "excluded" for j in judged) / n, 4),
        "site_check": round(sum(j.verdict.status == "site check" for j in judged) / n, 4),
        "deviation_rate": round(sum(bool(j.deviations) for j in judged) / n, 4),
        "silent_downgrades": sum(bool(j.verdict.silent) for j in judged),
    }


def by_split(judged: list[Judged]) -> dict[str, dict[str, float]]:
    return {
        split: figures([j for j in judged if j.split == split]) for split in ("dev", "held-out")
    }


def main(argv: list[str]) -> int:
    judged = evaluate()
    result = by_split(judged)
    for j in judged:
        if "--verbose" in argv or not j.verdict.accepted:
            mark = "ok  " if j.verdict.accepted else "MISS"
            why = f" silent: {', '.join(j.verdict.silent)}" if j.verdict.silent else ""
            print(f"{mark} {j.tag:<5} {j.split:<8} {j.degraded:<26} {j.verdict.status:<11} "
                  f"{j.choice or '—'} {'; '.join(j.deviations)}{why}")  # fmt: skip
    missed = Counter(m for j in judged for m in j.verdict.silent)
    baseline = json.loads(BASELINE.read_text()) if BASELINE.exists() else None
    for split, figs in result.items():
        base = baseline.get(split) if baseline else None
        print(f"{split:<8} {figs['cameras']:.0f} excluded cameras: acceptance "
              f"{figs['acceptance']:.1%}, no replacement {figs['no_replacement']:.1%}, site "
              f"check {figs['site_check']:.1%}, with declared deviations "
              f"{figs['deviation_rate']:.1%}, silent downgrades {figs['silent_downgrades']:.0f}"
              + (f" (baseline acceptance {base['acceptance']:.1%}, no replacement "
                 f"{base['no_replacement']:.1%})" if base else ""))  # fmt: skip
    if missed:
        print("silent misses by criterion: " + ", ".join(f"{k} {v}" for k, v in missed.items()))
    if "--update" in argv:
        BASELINE.write_text(json.dumps(result, indent=1) + "\n")
        print(f"baseline written to {BASELINE}")
    return 0 if baseline is None or holds(result, baseline) else 1


def holds(result: dict[str, dict[str, float]], baseline: dict[str, dict[str, float]]) -> bool:
    """No split loses acceptance, gains no-replacements, or downgrades anything in silence."""
    return all(
        result[s]["acceptance"] >= baseline[s]["acceptance"]
        and result[s]["no_replacement"] <= baseline[s]["no_replacement"]
        and result[s]["silent_downgrades"] == 0
        for s in baseline
    )


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
