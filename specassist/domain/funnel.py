"""The funnel: every declared constraint over a whole pool at once, with numpy.

A 10,000-camera estate asks the catalog ~10,000 different questions, so a
per-candidate loop in Python was most of the analysis time. Here each
constraint of ``constraints.CONSTRAINTS`` is one array operation over a pool;
the result keeps each constraint's mask, so the explanation of any one offer
reads exactly the answers the funnel used. Only the requirement's hard fields
filter (``first_failure``, ``failure_count``); the soft ones are masked too,
and their share met feeds the score's "preferences" part.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from specassist.domain.constraints import (
    CONSTRAINTS,
    BoolArray,
    Constraint,
    Figures,
    FloatArray,
    IntArray,
    Measures,
    Needed,
    measure,
)
from specassist.domain.measures import Figure
from specassist.domain.requirements import Requirement

NO_FAILURE = -1


@dataclass(frozen=True, slots=True)
class Check:
    """One constraint for one offer: what was needed, what it offers, and whether it passes.

    ``ok`` is ``None`` when the catalog cannot say and the constraint lets that pass.
    """

    name: str
    relation: str
    needed: Figure
    offered: Figure
    ok: bool | None
    hard: bool = True
    """False for a preference: not meeting it costs score, never the offer."""
    reach: float | None = None
    """The share of the need offered (1.0 meets it); None for a yes/no check or an unknown."""


@dataclass(frozen=True)
class Result:
    """The funnel over one pool for one requirement."""

    measures: Measures
    needs: tuple[Needed | None, ...]
    """Per constraint, what the requirement needs (None: not asked)."""
    hard: tuple[bool, ...]
    """Per constraint, whether the requirement makes it hard."""
    masks: tuple[BoolArray | None, ...]
    """Per constraint, True where a candidate fails it (None: not asked)."""
    first_failure: IntArray
    """Per candidate, the index in ``CONSTRAINTS`` of the first failed hard constraint, or -1."""
    failure_count: IntArray
    """Per candidate, the hard constraints it fails."""
    _reaches: dict[int, FloatArray | None] = field(default_factory=dict, compare=False, repr=False)
    _shown: dict[int, Figure] = field(default_factory=dict, compare=False, repr=False)
    """Each constraint's needed figure as shown: the same for every candidate, built once."""

    def soft_met(self, idx: IntArray) -> FloatArray:
        """For candidates ``idx``, the share of the asked soft constraints each meets (1.0 when
        none is asked): the score's "preferences" part, worked out only for those scored."""
        failed = np.zeros(idx.size)
        asked = 0
        for mask, hard in zip(self.masks, self.hard, strict=True):
            if mask is not None and not hard:
                failed += mask[idx]
                asked += 1
        return 1.0 - failed / asked if asked else np.ones(idx.size)

    def reach(self, fig: Figures, position: int) -> FloatArray | None:
        """Constraint ``position``'s reach over the pool (None for a yes/no), worked out once."""
        if position not in self._reaches:
            constraint, need = CONSTRAINTS[position], self.needs[position]
            found = None
            if constraint.reach is not None and need is not None:
                found = constraint.reach(fig, self.measures, need)
            self._reaches[position] = found
        return self._reaches[position]

    def passers(self) -> IntArray:
        return np.flatnonzero(self.first_failure == NO_FAILURE)

    def checks(self, fig: Figures, i: int) -> tuple[Check, ...]:
        """Candidate ``i``'s checks in funnel order, worded from the same masks."""
        out = []
        for position, (constraint, need, hard, mask) in enumerate(
            zip(CONSTRAINTS, self.needs, self.hard, self.masks, strict=True)
        ):
            if need is None or mask is None:
                continue
            failed = bool(mask[i])
            if not failed and not constraint.listed(need):
                continue
            reach = self.reach(fig, position) if failed and hard else None
            share = None if reach is None or np.isnan(reach[i]) else float(reach[i])
            if position not in self._shown:
                self._shown[position] = constraint.shown_needed(need, self.measures)
            out.append(_check(constraint, self._shown[position], hard, failed, fig,
                              self.measures, i, share))  # fmt: skip
        return tuple(out)


def _check(
    constraint: Constraint, shown: Figure, hard: bool, failed: bool, fig: Figures, m: Measures,
    i: int, reach: float | None,
) -> Check:  # fmt: skip
    offered = constraint.offered(fig, m, i)
    ok: bool | None = not failed
    if constraint.unknown_passes and offered is None:
        ok = None
    return Check(constraint.name, constraint.relation, shown, offered, ok, hard, reach)


def run(fig: Figures, req: Requirement) -> Result:
    """Apply every constraint to every candidate of the pool."""
    m = measure(fig, req)
    needs = tuple(c.needed(req) for c in CONSTRAINTS)
    hard = tuple(need is None or c.hard(req) for c, need in zip(CONSTRAINTS, needs, strict=True))
    masks = tuple(
        None if need is None else np.asarray(c.fails(fig, m, need), dtype=bool)
        for c, need in zip(CONSTRAINTS, needs, strict=True)
    )
    n = len(fig)
    # Bytes and bit operations: a pool's index arrays are written once, at the end.
    alive = np.ones(n, dtype=bool)
    first = np.zeros(n, dtype=np.uint8)
    count = np.zeros(n, dtype=np.uint8)
    for position, (mask, is_hard) in enumerate(zip(masks, hard, strict=True)):
        if mask is None or not is_hard:
            continue
        failing = mask.view(np.uint8)
        first += (alive & mask).view(np.uint8) * np.uint8(position - NO_FAILURE)
        alive &= ~mask
        count += failing
    return Result(m, needs, hard, masks, first.astype(np.int64) + NO_FAILURE,
                  count.astype(np.int64))  # fmt: skip
