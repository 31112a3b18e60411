"""Score first-choice acceptance of the matcher on the evaluation corpus.

Usage: python tests/eval/run_eval.py [--update]

``corpus.csv`` is a survey (the importer reads it like any other) with two
extra columns: ``Accepted`` lists the catalog models (``vendor:model``) a
specialist accepts as the replacement, and ``Why`` the criteria applied. An
empty ``Accepted`` means no catalog model is acceptable, so the right answer
is "no match". The score is the share of excluded cameras whose first
choice is accepted; ``baseline.json`` holds the last accepted score, and
``--update`` rewrites it.
"""

from __future__ import annotations

import csv
import json
import sys
from dataclasses import dataclass
from pathlib import Path

from specassist.domain.pipeline import Setup, analyse_cameras
from specassist.services.catalog_service import check_catalog
from specassist.services.imports import read_survey

HERE = Path(__file__).resolve().parent
CORPUS = HERE / "corpus.csv"
BASELINE = HERE / "baseline.json"


@dataclass(frozen=True)
class Outcome:
    tag: str
    accepted: frozenset[str]
    chosen: str | None

    @property
    def correct(self) -> bool:
        return self.chosen in self.accepted if self.accepted else self.chosen is None


def evaluate() -> list[Outcome]:
    with CORPUS.open(encoding="utf-8", newline="") as handle:
        expected = {
            row["Cam Ref"]: frozenset(filter(None, row["Accepted"].split(";")))
            for row in csv.DictReader(handle)
        }
    survey = read_survey(CORPUS)
    analysis = analyse_cameras(Setup(check_catalog().catalog), survey.cameras)
    outcomes = []
    for item in analysis.outcomes:
        tag = item.camera.display_tag
        if item.match is None:
            continue
        choice = item.match.choice
        chosen = f"{choice.model.vendor_id}:{choice.model.model}" if choice else None
        outcomes.append(Outcome(tag, expected[tag], chosen))
    return outcomes


def score(outcomes: list[Outcome]) -> float:
    return sum(o.correct for o in outcomes) / len(outcomes) if outcomes else 0.0


def main(argv: list[str]) -> int:
    outcomes = evaluate()
    result = score(outcomes)
    for o in outcomes:
        mark = "ok  " if o.correct else "MISS"
        wanted = ", ".join(sorted(o.accepted)) or "no match"
        print(
            f"{mark} {o.tag:<5} chosen {o.chosen or 'no match'}"
            + ("" if o.correct else f" — accepted: {wanted}")
        )
    baseline = json.loads(BASELINE.read_text())["score"] if BASELINE.exists() else None
    print(f"first-choice acceptance: {result:.1%} of {len(outcomes)} excluded cameras"
          + (f" (baseline {baseline:.1%})" if baseline is not None else ""))  # fmt: skip
    if "--update" in argv:
        BASELINE.write_text(
            json.dumps({"score": round(result, 4), "cameras": len(outcomes)}) + "\n"
        )
        print(f"baseline written to {BASELINE}")
    return 0 if baseline is None or result >= baseline else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
