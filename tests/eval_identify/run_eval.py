"""Score identification and verdicts on the identification corpus, per rule profile.

Usage: python tests/eval_identify/run_eval.py [--update] [--details]

``corpus.csv`` holds surveyed devices seen in public sources (``seen_in``):
label, model number, MAC, serial, the device type a survey or a discovery
tool reported, and what public reporting says about them: the real maker
(``truth_maker``, blank when reporting does not settle it) and the device
class. Which makers a profile bans is written down here, independently of
the catalog, so the catalog cannot grade itself:

- §889 names Huawei, ZTE, Hytera, Hikvision and Dahua (subsidiaries and
  affiliates reach their parent through ``truth_maker``);
- the UK sensitive-sites rule reaches makers subject to the PRC National
  Intelligence Law; where that is disputed the row counts as unsettled.

For each profile the script prints recall on banned devices, banned devices
"allowed", exclusions that name the wrong maker or lack a citation, false
exclusions of compliant makers and compliant devices sent to "unknown",
separately for the rows used while tuning and for the held-out rows
(``split``). Details are printed for the tuning rows only. ``--update``
saves ``baseline.json``; ``test_eval_identify.py`` fails if a figure gets worse.
"""

from __future__ import annotations

import argparse
import csv
import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from specassist.domain.rules import Decision, RuleEngine, Verdict
from specassist.services.catalog_service import check_catalog

HERE = Path(__file__).resolve().parent
CORPUS = HERE / "corpus.csv"
BASELINE = HERE / "baseline.json"
AS_OF = date(2026, 12, 1)

NDAA_BANNED = frozenset({"huawei", "zte", "hytera", "hikvision", "dahua"})
PRC_BANNED = NDAA_BANNED | {"uniview", "tiandy", "milesight", "dji", "autel"}
PRC_UNSETTLED = frozenset({"tp-link", "reolink"})
"""TP-Link's control is disputed since its 2024 split; Reolink is a Hong Kong company."""


@dataclass(frozen=True)
class Profile:
    name: str
    rule_set_ids: list[str] | None
    banned: frozenset[str]
    unsettled: frozenset[str] = frozenset()


PROFILES = (
    Profile("us-ndaa-889", ["us-ndaa-889"], NDAA_BANNED),
    Profile("uk-sensitive-sites-2022", ["uk-sensitive-sites-2022"], PRC_BANNED, PRC_UNSETTLED),
    Profile("default", None, PRC_BANNED, PRC_UNSETTLED),
)
SPLITS = ("tune", "holdout")


@dataclass(frozen=True)
class Outcome:
    row: dict[str, str]
    verdict: Verdict
    makers_named: frozenset[str]
    cited: bool
    device_class: str | None

    @property
    def truth(self) -> str:
        return self.row["truth_maker"]


def read_corpus() -> list[dict[str, str]]:
    with CORPUS.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _decide(engine: RuleEngine, row: dict[str, str]) -> Decision:
    made_on = date.fromisoformat(row["made_on"]) if row["made_on"] else None
    identification = engine.identifier.identify(
        row["make"] or None,
        row["model"] or None,
        row["mac"] or None,
        device_type=row["device_type"] or None,
        serial=row["serial"] or None,
        made_on=made_on,
    )
    return engine.decide(identification)


def evaluate(profile: Profile, rows: list[dict[str, str]]) -> list[Outcome]:
    engine = RuleEngine(check_catalog().catalog, profile.rule_set_ids, AS_OF)
    outcomes = []
    for row in rows:
        decision = _decide(engine, row)
        device_class = getattr(decision.identification, "device_class", None)
        outcomes.append(
            Outcome(
                row,
                decision.verdict,
                frozenset(r.maker_id for r in decision.reasons),
                all(r.citation.title and r.citation.url for r in decision.reasons),
                str(device_class) if device_class is not None else None,
            )
        )
    return outcomes


def _kind(profile: Profile, truth: str) -> str:
    if not truth or truth in profile.unsettled:
        return "unsettled"
    return "banned" if truth in profile.banned else "compliant"


def figures(profile: Profile, outcomes: Iterable[Outcome]) -> dict[str, float]:
    banned, compliant, unsettled = [], [], []
    for o in outcomes:
        {"banned": banned, "compliant": compliant, "unsettled": unsettled}[
            _kind(profile, o.truth)
        ].append(o)
    excluded = [o for o in banned if o.verdict is Verdict.EXCLUDED]
    return {
        "banned": len(banned),
        "recall": round(len(excluded) / len(banned), 4) if banned else 1.0,
        "banned_allowed": sum(o.verdict is Verdict.ALLOWED for o in banned),
        "wrong_maker": sum(o.makers_named != {o.truth} for o in excluded),
        "uncited": sum(not o.cited for o in excluded),
        "compliant": len(compliant),
        "false_exclusions": sum(o.verdict is Verdict.EXCLUDED for o in compliant),
        "compliant_unknown": sum(o.verdict is Verdict.UNKNOWN for o in compliant),
        "compliant_unknown_share": round(
            sum(o.verdict is Verdict.UNKNOWN for o in compliant) / len(compliant), 4
        )
        if compliant
        else 0.0,
        "unsettled": len(unsettled),
        "unsettled_not_unknown": sum(o.verdict is not Verdict.UNKNOWN for o in unsettled),
    }


def class_accuracy(outcomes: Iterable[Outcome]) -> float:
    listed = list(outcomes)
    right = sum(o.device_class == o.row["truth_class"] for o in listed)
    return round(right / len(listed), 4) if listed else 1.0


def run() -> dict[str, dict[str, dict[str, float]]]:
    rows = read_corpus()
    result: dict[str, dict[str, dict[str, float]]] = {split: {} for split in SPLITS}
    for profile in PROFILES:
        outcomes = evaluate(profile, rows)
        for split in SPLITS:
            part = [o for o in outcomes if o.row["split"] == split]
            result[split][profile.name] = figures(profile, part)
            if profile.rule_set_ids is None:
                result[split]["device_class"] = {"accuracy": class_accuracy(part)}
    return result


def _details(profile: Profile) -> None:
    rows = [r for r in read_corpus() if r["split"] == "tune"]
    for o in evaluate(profile, rows):
        kind = _kind(profile, o.truth)
        wrong = (
            (kind == "banned" and o.verdict is not Verdict.EXCLUDED)
            or (kind == "banned" and o.makers_named != {o.truth})
            or (kind == "compliant" and o.verdict is not Verdict.ALLOWED)
            or (kind == "unsettled" and o.verdict is not Verdict.UNKNOWN)
            or o.device_class != o.row["truth_class"]
        )
        if wrong:
            r = o.row
            print(
                f"  {r['id']} {kind:<9} {o.verdict.value:<8} named={sorted(o.makers_named)} "
                f"class={o.device_class}/{r['truth_class']} | {r['make']!r} {r['model']!r} "
                f"{r['mac']} {r['serial']}"
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--update", action="store_true", help="save baseline.json")
    parser.add_argument("--details", action="store_true", help="list misses (tuning rows only)")
    args = parser.parse_args()
    result = run()
    for split in SPLITS:
        print(f"[{split}]")
        for name, values in result[split].items():
            print(f"  {name:<26}" + "  ".join(f"{k}={v}" for k, v in values.items()))
    if args.details:
        for profile in PROFILES:
            print(f"misses under {profile.name} (tuning rows):")
            _details(profile)
    if args.update:
        BASELINE.write_text(json.dumps(result, indent=2, sort_keys=True) + "\n")
        print(f"saved {BASELINE}")


if __name__ == "__main__":
    main()
