"""Declared deviations: where an offer falls short of a hard requirement, in figures.

A replacement either meets every hard requirement or says, requirement by
requirement, what it offers against what was needed, how much of the need
that is, how serious the shortfall is and why it is offered anyway. Nothing
is downgraded in silence: the app, the JSON and the tender all print these.

Severity comes from the constraint's declared grades (``Constraint.grades``)
applied to the share of the need the offer reaches; a yes/no shortfall (a
form, an ingress rating, audio) is major; a figure the catalog does not state
is "confirm" — not known to fall short, but not shown to meet the need.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

import numpy as np
import numpy.typing as npt

from specassist.domain import funnel
from specassist.domain.constraints import (
    CONSTRAINTS,
    BoolArray,
    Constraint,
    Figures,
    FloatArray,
)
from specassist.domain.funnel import Check
from specassist.domain.measures import Figure, Note, deg, pixels
from specassist.domain.optics import DORI_PX_PER_M
from specassist.domain.requirements import Requirement


class Severity(StrEnum):
    """How far an offer falls short, mildest first."""

    MINOR = "minor"
    CONFIRM = "confirm"
    """The catalog does not state the figure (a rating, IR, power): confirm it on the
    datasheet. Not known to fall short, nor shown to meet the need, so it ranks above a known
    minor shortfall. (An unknown view, pixel count or detail is major: the scene needs it.)"""
    MAJOR = "major"
    CRITICAL = "critical"
    """So far short that the model is no replacement on its own."""

    @property
    def rank(self) -> int:
        return list(Severity).index(self) + 1


SEVERITY_COST = {Severity.MINOR: 5.0, Severity.CONFIRM: 8.0, Severity.MAJOR: 15.0,
                 Severity.CRITICAL: 30.0}  # fmt: skip
"""Score points a deviation costs (the score's "deviations" part), and the weight by which
the nearest offer is chosen: one major shortfall outweighs two minor ones."""

NEAREST = Note("no allowed model in the catalog meets it; the nearest is offered")
CHOSEN = Note("chosen by the user")

_BY_NAME = {c.name: c for c in CONSTRAINTS}


@dataclass(frozen=True, slots=True)
class Deviation:
    """One hard requirement an offer does not meet."""

    requirement: str
    """The constraint's name ("IR range")."""
    relation: str
    needed: Figure
    offered: Figure
    reach: float | None
    """The share of the need offered (0.83 = 83 %); None for a yes/no or an unknown figure."""
    severity: Severity
    reason: Note


def severity(constraint: Constraint, reach: float | None, known: bool) -> Severity:
    """How serious a shortfall on ``constraint`` is: ``reach`` is the share of the need
    offered, ``known`` whether the catalog states the offered figure at all."""
    if not known:
        return Severity.MAJOR if constraint.scene else Severity.CONFIRM
    if reach is None:
        return Severity.MAJOR
    minor_from, major_from = constraint.grades
    if reach >= minor_from:
        return Severity.MINOR
    return Severity.MAJOR if reach >= major_from else Severity.CRITICAL


_WEIGHTS = np.array([0.0, *(SEVERITY_COST[s] for s in Severity)])
"""``SEVERITY_COST`` by rank (0: no shortfall)."""

PURPOSE_NAMES = frozenset({"pixels on target", "DORI at target"})
"""The requirements a survey's purpose sets: a shortfall on them alone, by a camera no worse
than the old one, is declared rather than refused (``alternatives.beyond_purpose``)."""
SHORTFALL_WEIGHT = 4.9
"""When the nearest model is chosen, each shortfall also weighs 4.9 × the share of the need it
misses (a 15 % reach adds 4.2, 29 % adds 3.5), so among equally severe shortfalls the one
nearer the need wins; below the 5-point step between severities, so it never reorders them."""


@dataclass(frozen=True)
class PoolGrades:
    """Every candidate's worst shortfall (as a rank) and their total weight."""

    worst: npt.NDArray[np.int64]
    cost: FloatArray


def pool_grades(fig: Figures, result: funnel.Result, kept: BoolArray | None = None) -> PoolGrades:
    """Every candidate's deviations graded at once, as ``severity`` grades one: how the nearest
    offer is found over a whole pool. ``kept`` marks candidates no worse than the old camera
    where a survey's purpose is beyond reach: their critical shortfalls on that purpose weigh
    as major ones, as ``matching`` ranks them."""
    n = len(fig)
    worst = np.zeros(n, dtype=np.int64)
    cost = np.zeros(n)
    purpose_critical = np.zeros(n, dtype=np.int64)
    other_critical = np.zeros(n, dtype=bool)
    ranks = {s: s.rank for s in Severity}
    for position, (constraint, need, hard, mask) in enumerate(
        zip(CONSTRAINTS, result.needs, result.hard, result.masks, strict=True)
    ):
        if need is None or mask is None or not hard or not mask.any():
            continue
        unknown = ranks[Severity.MAJOR if constraint.scene else Severity.CONFIRM]
        reach = result.reach(fig, position)
        # Each candidate's rank on this constraint, from a table: 0 where it passes.
        if reach is None:
            known = constraint.known(fig, result.measures)
            table = np.array([0, unknown, 0, ranks[Severity.MAJOR]], dtype=np.int64)
            rank = table[mask.view(np.uint8) + 2 * known.view(np.uint8)]
            missing: FloatArray | float = 1.0
        else:
            minor_from, major_from = constraint.grades
            with np.errstate(invalid="ignore"):
                # NaN (an unknown figure) compares False, so it reads as "share < 0".
                band = ~(reach >= 0) * np.uint8(3)
                band += (reach >= major_from).view(np.uint8)
                band += (reach >= minor_from).view(np.uint8)
            table = np.array([ranks[Severity.CRITICAL], ranks[Severity.MAJOR],
                              ranks[Severity.MINOR], unknown], dtype=np.int64)  # fmt: skip
            rank = np.where(mask, table[band], 0)
            missing = 1.0 - np.minimum(np.maximum(np.nan_to_num(reach, nan=-1.0), 0.0), 1.0)
        cost += np.where(mask, _WEIGHTS[rank] + SHORTFALL_WEIGHT * missing, 0.0)
        worst = np.maximum(worst, rank)
        critical = rank == ranks[Severity.CRITICAL]
        if constraint.name in PURPOSE_NAMES:
            purpose_critical += critical
        else:
            other_critical |= critical
    if kept is not None:
        eased = kept & ~other_critical & (worst == ranks[Severity.CRITICAL])
        worst = np.where(eased, ranks[Severity.MAJOR], worst)
        relief = SEVERITY_COST[Severity.CRITICAL] - SEVERITY_COST[Severity.MAJOR]
        cost = cost - np.where(eased, relief * purpose_critical, 0.0)
    return PoolGrades(worst, cost)


def grade(check: Check) -> Severity:
    """The severity of a failed hard check (see the module docstring)."""
    return severity(_BY_NAME[check.name], check.reach, check.offered is not None)


def of_checks(checks: Iterable[Check], reason: Note, resolved: Iterable[str] = ()) -> tuple[
    Deviation, ...
]:  # fmt: skip
    """The deviations of an offer: its failed hard checks, less those its extras resolve."""
    skip = set(resolved)
    return tuple(
        Deviation(c.name, c.relation, c.needed, c.offered, c.reach, grade(c), reason)
        for c in checks
        if c.hard and c.ok is False and c.name not in skip
    )


ESTIMATED = (
    "the old view is estimated from the typical sensor of its resolution class: "
    "the sensors of that class give {} to {}; confirm the view on site"
)


def of_estimate(
    req: Requirement, wide_deg: float | None, tele_deg: float | None, width_px: int | None,
    cameras: int = 1,
) -> tuple[Deviation, ...]:  # fmt: skip
    """Where an offer meets an estimated view but might not meet the view the old camera
    really had: the widest plausible view not covered, or the narrowest plausible view's
    detail not kept. Declared as figures to confirm, never left silent.

    Worked example: 2.8 mm on a 4 MP camera is estimated at 101° (1/3"), but the class runs
    to 1/1.8", where it is 115°: a 108° replacement covers tan 54° / tan 57.5° = 88 % of that.
    """
    spread = req.scene_spread_deg
    if spread is None or wide_deg is None:
        return ()
    low, high = spread
    reason = Note(ESTIMATED, (deg(low), deg(high)))
    out = []
    covered = cameras * _half(wide_deg) / _half(high)
    if covered < 1.0 - 1e-6:
        out.append(Deviation("field of view", "≥", deg(high), deg(wide_deg), covered,
                             Severity.CONFIRM, reason))  # fmt: skip
    need = _pixels_needed(req, low)
    if need is not None and width_px:
        share = 2 * math.degrees(math.atan(_half(low) / cameras))
        setting = min(max(share, tele_deg or wide_deg), wide_deg)
        across = width_px * min(1.0, _half(share) / _half(setting)) * cameras
        if across < need * (1.0 - 1e-6):
            out.append(Deviation("pixels on target", "≥", pixels(need), pixels(across),
                                 across / need, Severity.CONFIRM, reason))  # fmt: skip
    return tuple(out)


def _half(angle: float) -> float:
    return math.tan(math.radians(min(angle, 179.0)) / 2)


def _pixels_needed(req: Requirement, view: float) -> float | None:
    """The pixels the narrowest plausible view needs: the survey's detail level across it, else
    what the old camera put across it (its pixels, less the tolerance: the same number)."""
    if req.px_across_scene is None:
        return None
    if req.dori is not None and req.dori.hard and req.distance_m is not None:
        return DORI_PX_PER_M[req.dori.value] * 2 * req.distance_m.value * _half(view)
    return float(req.px_across_scene.value)


def worst(deviations: Iterable[Deviation]) -> Severity | None:
    found = [d.severity for d in deviations]
    return max(found, key=lambda s: s.rank) if found else None


def cost(deviations: Iterable[Deviation]) -> float:
    """The deviations' total weight: what they cost in the score."""
    return sum(SEVERITY_COST[d.severity] for d in deviations)
