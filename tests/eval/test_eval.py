"""The matcher's first choices on the evaluation corpus never fall below the saved baseline."""

from __future__ import annotations

import json

from run_eval import BASELINE, evaluate, score


def test_first_choice_acceptance_holds_the_baseline() -> None:
    outcomes = evaluate()
    assert len(outcomes) >= 40
    baseline = json.loads(BASELINE.read_text())["score"]
    misses = [o for o in outcomes if not o.correct]
    assert score(outcomes) >= baseline, misses
