"""The matcher on the evaluation corpus: never below the saved baseline, never a silent
downgrade, on the development rows and the held-out ones alike."""

from __future__ import annotations

import json

from run_eval import BASELINE, by_split, evaluate, holds


def test_acceptance_holds_the_baseline_without_a_silent_downgrade() -> None:
    judged = evaluate()
    assert len(judged) >= 150
    result = by_split(judged)
    baseline = json.loads(BASELINE.read_text())
    silent = [(j.tag, j.verdict.silent) for j in judged if j.verdict.silent]
    assert not silent
    assert holds(result, baseline), (result, baseline)
    assert result["held-out"]["cameras"] >= 40


def test_the_judge_calls_an_undeclared_shortfall_silent() -> None:
    """The judge is not a rubber stamp: the same offer, its deviations stripped, is silent."""
    from dataclasses import replace

    from judge import judge
    from run_eval import criteria, rows_by_tag

    judged = {j.tag: j for j in evaluate()}
    tag = next(t for t, j in judged.items() if j.verdict.declared)
    outcome = judged[tag].outcome
    assert outcome is not None and outcome.offer is not None
    stripped = replace(outcome, match=replace(outcome.match, choice=replace(
        outcome.offer, deviations=())))  # fmt: skip
    verdict = judge(stripped, criteria(rows_by_tag()[tag]))
    assert verdict.silent and not verdict.accepted
