"""The hard-constraint funnel: every declared constraint over a whole pool at once, with numpy.

A 10,000-camera estate asks the catalog ~10,000 different questions, so a
per-candidate loop in Python was most of the analysis time. Here each
constraint of ``constraints.CONSTRAINTS`` is one array operation over a pool;
the result keeps each constraint's mask, so the explanation of any one offer
reads exactly the answers the funnel used.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from specassist.domain.constraints import (
    CONSTRAINTS,
    BoolArray,
    Constraint,
    Figures,
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


@dataclass(frozen=True)
class Result:
    """The funnel over one pool for one requirement."""

    measures: Measures
    needs: tuple[Needed | None, ...]
    """Per constraint, what the requirement needs (None: not asked)."""
    masks: tuple[BoolArray | None, ...]
    """Per constraint, True where a candidate fails it (None: not asked)."""
    first_failure: IntArray
    """Per candidate, the index in ``CONSTRAINTS`` of the first failed constraint, or -1."""
    failure_count: IntArray

    def passers(self) -> IntArray:
        return np.flatnonzero(self.first_failure == NO_FAILURE)

    def checks(self, fig: Figures, i: int) -> tuple[Check, ...]:
        """Candidate ``i``'s checks in funnel order, worded from the same masks."""
        out = []
        for constraint, need, mask in zip(CONSTRAINTS, self.needs, self.masks, strict=True):
            if need is None or mask is None:
                continue
            failed = bool(mask[i])
            if not failed and not constraint.listed(need):
                continue
            out.append(_check(constraint, need, failed, fig, self.measures, i))
        return tuple(out)


def _check(
    constraint: Constraint, need: Needed, failed: bool, fig: Figures, m: Measures, i: int
) -> Check:
    offered = constraint.offered(fig, m, i)
    ok: bool | None = not failed
    if constraint.unknown_passes and offered is None:
        ok = None
    return Check(constraint.name, constraint.relation, constraint.shown_needed(need, m), offered,
                 ok)  # fmt: skip


def run(fig: Figures, req: Requirement) -> Result:
    """Apply every constraint to every candidate of the pool."""
    m = measure(fig, req)
    needs = tuple(c.needed(req) for c in CONSTRAINTS)
    masks = tuple(
        None if need is None else np.asarray(c.fails(fig, m, need), dtype=bool)
        for c, need in zip(CONSTRAINTS, needs, strict=True)
    )
    n = len(fig)
    first = np.full(n, NO_FAILURE, dtype=np.int64)
    count = np.zeros(n, dtype=np.int64)
    for position, mask in enumerate(masks):
        if mask is None:
            continue
        first[(first == NO_FAILURE) & mask] = position
        count += mask
    return Result(m, needs, masks, first, count)
