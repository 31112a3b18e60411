"""Identification never gets worse than the saved baseline, on tuning and held-out rows."""

from __future__ import annotations

import csv
import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

HERE = Path(__file__).parent
HIGHER_IS_BETTER = {"recall", "accuracy"}
LOWER_IS_BETTER = {
    "banned_allowed", "wrong_maker", "uncited", "false_exclusions", "compliant_unknown",
    "compliant_unknown_share", "unsettled_not_unknown",
}  # fmt: skip


def _script() -> ModuleType:
    """``run_eval.py`` by path: the matching evaluation has a module of the same name."""
    spec = importlib.util.spec_from_file_location("identify_run_eval", HERE / "run_eval.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_corpus_rows_are_sourced_and_cover_every_class() -> None:
    with (HERE / "corpus.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) >= 200
    assert all(r["seen_in"] for r in rows)
    assert {r["truth_class"] for r in rows} >= {
        "camera", "recorder", "intercom", "encoder", "access_control"
    }  # fmt: skip
    assert {r["split"] for r in rows} == {"tune", "holdout"}


def test_figures_hold_the_baseline() -> None:
    result = _script().run()
    baseline = json.loads((HERE / "baseline.json").read_text())
    worse = []
    for split, profiles in baseline.items():
        for profile, figures in profiles.items():
            for name, saved in figures.items():
                now = result[split][profile][name]
                if (name in HIGHER_IS_BETTER and now < saved) or (
                    name in LOWER_IS_BETTER and now > saved
                ):
                    worse.append(f"{split}/{profile}/{name}: {saved} → {now}")
    assert worse == []
    for split in ("tune", "holdout"):
        for profile in ("us-ndaa-889", "uk-sensitive-sites-2022", "default"):
            assert result[split][profile]["banned_allowed"] == 0
            assert result[split][profile]["false_exclusions"] == 0
