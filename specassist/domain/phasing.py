"""Split the works into phases: by site, priority sites first, by rule deadline, or by hand.

Phases are made of the devices the works remove (excluded cameras, recorders, door stations
…); each gets one phase, and every phase keeps its devices in survey order. A phase's key is
what the costing groups lines by, so each phase has its own subtotal; an unphased project has
one phase with the empty key, and its costing is exactly the unphased one.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from specassist.domain.catalog import Catalog, ProvisionKind, RuleSet
from specassist.domain.outcome import CameraOutcome
from specassist.domain.system_settings import UNPHASED, PhaseRule, PhasingSettings


@dataclass(frozen=True, slots=True)
class Phase:
    number: int
    key: str
    """The costing's phase key; "" for the single phase of an unphased project."""
    name: str
    basis: str
    """Why these devices are in this phase, in the reader's words."""
    device_ids: tuple[int, ...]
    sites: tuple[str, ...]
    deadline: date | None = None


def removal_deadline(rule_set: RuleSet) -> date | None:
    """The earliest dated removal deadline a rule pack states (a ``deadline`` provision)."""
    dates = [
        p.effective_from
        for p in rule_set.provisions
        if p.kind is ProvisionKind.DEADLINE and p.effective_from is not None
    ]
    return min(dates, default=None)


def assign(
    outcomes: Sequence[CameraOutcome], catalog: Catalog, settings: PhasingSettings
) -> tuple[dict[int, str], list[Phase]]:
    """Each removed device's phase key, and the phases in order."""
    removed = [o for o in outcomes if o.status.excluded]
    rule = settings.rule
    if rule is PhaseRule.SITE:
        return _by_site(removed, settings.site_order)
    if rule is PhaseRule.PRIORITY:
        return _by_priority(removed, settings.priority_sites)
    if rule is PhaseRule.DEADLINE:
        return _by_deadline(removed, catalog)
    if rule is PhaseRule.MANUAL:
        return _by_hand(removed, settings)
    ids = tuple(o.id for o in removed)
    whole = Phase(1, "", "Whole works", "one phase for the whole works", ids, _sites(removed))
    return dict.fromkeys(ids, ""), [whole]


def _sites(outcomes: Iterable[CameraOutcome]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(o.site for o in outcomes))


def _phases(
    named: list[tuple[str, str, list[CameraOutcome], date | None]],
) -> tuple[dict[int, str], list[Phase]]:
    """(title, basis, devices, deadline) per non-empty phase → keys "Phase n: title"."""
    phase_of: dict[int, str] = {}
    phases: list[Phase] = []
    for title, basis, members, deadline in named:
        if not members:
            continue
        number = len(phases) + 1
        key = f"Phase {number}: {title}"
        phase_of.update(dict.fromkeys((o.id for o in members), key))
        phases.append(
            Phase(number, key, key, basis, tuple(o.id for o in members), _sites(members), deadline)
        )
    return phase_of, phases


def _by_site(
    removed: list[CameraOutcome], order: tuple[str, ...]
) -> tuple[dict[int, str], list[Phase]]:
    by_site: dict[str, list[CameraOutcome]] = {}
    for outcome in removed:
        by_site.setdefault(outcome.site, []).append(outcome)
    ranked = [s for s in order if s in by_site] + [s for s in by_site if s not in order]
    return _phases([(site, f"the site {site}", by_site[site], None) for site in ranked])


def _by_priority(
    removed: list[CameraOutcome], priority: tuple[str, ...]
) -> tuple[dict[int, str], list[Phase]]:
    first = [o for o in removed if o.site in priority]
    rest = [o for o in removed if o.site not in priority]
    if not first:
        return _phases([("all sites", "no site is marked as a priority", rest, None)])
    return _phases(
        [
            (
                "priority sites",
                "sites marked as a priority (sensitive sites first): " + ", ".join(_sites(first)),
                first,
                None,
            ),
            ("other sites", "the remaining sites", rest, None),
        ]
    )


def _by_deadline(
    removed: list[CameraOutcome], catalog: Catalog
) -> tuple[dict[int, str], list[Phase]]:
    deadlines = {
        r.rule_set_id: (removal_deadline(r), r.title.split(" — ")[0]) for r in catalog.rule_sets
    }
    groups: dict[date | None, list[CameraOutcome]] = {}
    why: dict[date | None, set[str]] = {}
    for outcome in removed:
        dated = [
            (when, title)
            for r in outcome.decision.reasons
            for when, title in [deadlines.get(r.rule_set_id, (None, ""))]
            if when is not None
        ]
        first = min((when for when, _ in dated), default=None)
        groups.setdefault(first, []).append(outcome)
        why.setdefault(first, set()).update(title for when, title in dated if when == first)
    ordered = sorted(groups, key=lambda d: (d is None, d or date.max))
    return _phases(
        [
            (
                f"removal by {when.isoformat()}" if when else "no removal deadline",
                f"deadline stated by {', '.join(sorted(why[when]))}"
                if when
                else "the rules that exclude these devices state no removal deadline",
                groups[when],
                when,
            )
            for when in ordered
        ]
    )


def _by_hand(
    removed: list[CameraOutcome], settings: PhasingSettings
) -> tuple[dict[int, str], list[Phase]]:
    assigned = settings.assigned()
    names = list(dict.fromkeys([*settings.phase_names, *assigned.values()]))
    members: dict[str, list[CameraOutcome]] = {name: [] for name in [*names, UNPHASED]}
    for outcome in removed:
        members[assigned.get(outcome.id, UNPHASED)].append(outcome)
    phase_of: dict[int, str] = {}
    phases: list[Phase] = []
    for name, found in members.items():
        if not found:
            continue
        basis = "devices not yet given a phase" if name == UNPHASED else "chosen by hand"
        phase_of.update(dict.fromkeys((o.id for o in found), name))
        phases.append(
            Phase(len(phases) + 1, name, name, basis, tuple(o.id for o in found), _sites(found))
        )
    return phase_of, phases
