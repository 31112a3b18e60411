"""Scores a person can read: 0 to 100, the sum of named parts, one formula for every offer.

The first choice, the alternates, the nearest offer and a person's own choice
are all scored here, so an override that misses two requirements can never
outscore the recommendation by accident: its deviations cost points in their
own part. Each part is an array over the candidates being ranked (the funnel's
passers), or a single candidate.

The parts, and their best (they add up to 100):

* **detail margin** (30): 20 for meeting a stated detail level exactly, +10
  linearly up to 30 % over it ("keep what it had" is met or not: 30 when met);
  below the need 20 × reach².
* **coverage margin** (20): 20 when the lens can be set to the scene; a fixed
  lens wider than the scene loses up to 5 (at 30 % wider); short of the scene
  15 × reach².
* **over-specification cost** (15): loses up to 7.5 for pixels beyond 1.3 × the
  need (all of it at 2.8 ×) and up to 7.5 for price, from the cheapest priced
  offer (0) to the dearest (7.5); unpriced 3.75.
* **form and mount fit** (20): same form 8, same family 5; mounts directly, on a
  listed adapter covering the old fixing or by straps 12, a listed mount on new
  fixings 8, no listed mount 4, mount not surveyed 10.
* **verified data** (10): 10 when the row was checked against its datasheet, else 4.
* **preferences** (5): the share of the soft requirements (old datasheet figures) met.
* **deviations** (0): minus 5 per minor shortfall, 8 per figure to confirm, 15 per major and
  30 per critical shortfall of a hard requirement.

Worked example: an old 103° dome; the survey asks for identify (250 px/m) at
4 m, so the scene is 10.06 m wide and needs 2515 px. A verified 3840-px 103°
dome on the same ceiling gives 382 px/m: detail 30 (1.53 × the need), coverage
20, over-specification 15 − 7.5 × 0.23/1.5 = 13.9 for 1.53 × the pixels, less
3.75 for having no price → 10.1, form 8 + mount 12 = 20, verified 10,
preferences 5, deviations 0 → 95.1.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from specassist.domain.catalog import FormFactor
from specassist.domain.constraints import FAMILIES
from specassist.domain.optics import DORI_PX_PER_M
from specassist.domain.requirements import Requirement

FloatArray = npt.NDArray[np.float64]

DETAIL = "detail margin"
COVERAGE = "coverage margin"
OVERSPEC = "over-specification cost"
FIT = "form and mount fit"
VERIFIED = "verified data"
PREFERENCES = "preferences"
DEVIATIONS = "deviations"
BEST = {DETAIL: 30.0, COVERAGE: 20.0, OVERSPEC: 15.0, FIT: 20.0, VERIFIED: 10.0,
        PREFERENCES: 5.0, DEVIATIONS: 0.0}  # fmt: skip
"""Each part's best; they add up to 100."""
PARTS = tuple(BEST)

DETAIL_MET = 20.0
DETAIL_MARGIN_FULL = 0.3
"""Margin keeps the level when the scene or the mounting moves a little: full marks at +30 %."""
FIXED_TOO_WIDE_FULL = 0.3
OVERSPEC_FROM = 1.3
OVERSPEC_SPAN = 1.5
SAME_FORM, SAME_FAMILY, FORM_UNKNOWN = 8.0, 5.0, 5.0
MOUNT_DIRECT, MOUNT_NEW_FIXINGS, MOUNT_UNLISTED, MOUNT_NOT_SURVEYED = 12.0, 8.0, 4.0, 10.0
VERIFIED_ROW, UNVERIFIED_ROW = 10.0, 4.0

_FORMS = list(FormFactor)


@dataclass(frozen=True, slots=True)
class ScorePart:
    name: str
    points: float
    best: float


@dataclass(frozen=True)
class Inputs:
    """What the parts are computed from, one entry per candidate."""

    form: npt.NDArray[np.int64]
    """Index in ``FormFactor``."""
    family: npt.NDArray[np.int64]
    """Index in ``constraints.FAMILIES``."""
    verified_points: FloatArray
    """VERIFIED_ROW or UNVERIFIED_ROW (``verified_points``, worked out once per pool)."""
    wide_half_tan: FloatArray
    """tan(widest angle / 2), capped below 180° (worked out once per pool)."""
    setting: FloatArray
    px: FloatArray
    density: FloatArray
    mount_points: FloatArray
    price_position: FloatArray
    """0 for the cheapest priced offer, 1 for the dearest, NaN unpriced."""
    soft_met: FloatArray
    deviation_cost: FloatArray


def parts(req: Requirement, x: Inputs) -> dict[str, FloatArray]:
    """Every part for every candidate (see the module's table)."""
    n = x.form.size
    # (No division here can be by zero, and NaN — an unknown figure — passes through quietly.)
    return {
        DETAIL: _detail(req, x, n),
        COVERAGE: _coverage(req, x, n),
        OVERSPEC: _overspec(req, x),
        FIT: _form(req, x, n) + x.mount_points,
        VERIFIED: x.verified_points,
        PREFERENCES: BEST[PREFERENCES] * x.soft_met,
        DEVIATIONS: -x.deviation_cost,
    }


def verified_points(verified: npt.NDArray[np.bool_]) -> FloatArray:
    return np.where(verified, VERIFIED_ROW, UNVERIFIED_ROW).astype(np.float64)


def half_tan(angles: FloatArray) -> FloatArray:
    return np.asarray(np.tan(np.radians(np.minimum(angles, 179.0)) / 2), dtype=np.float64)


@dataclass(frozen=True)
class Scores:
    """The parts and the score of every candidate ranked together."""

    parts: FloatArray
    """One row per part, one column per candidate."""
    total: FloatArray
    """The parts' sum, kept within 0–100, to one decimal."""

    def of(self, j: int) -> tuple[float, ...]:
        """Candidate ``j``'s points in each part (``named`` turns them into parts)."""
        return tuple(np.round(self.parts[:, j], 1).tolist())


def named(points: tuple[float, ...]) -> tuple[ScorePart, ...]:
    """Points in ``PARTS`` order as named parts, each with its best."""
    return tuple(ScorePart(name, value, BEST[name])
                 for name, value in zip(PARTS, points, strict=True))  # fmt: skip


def score(req: Requirement, x: Inputs) -> Scores:
    by_part = parts(req, x)
    matrix = np.vstack([by_part[name] for name in PARTS])
    total = np.round(np.minimum(np.maximum(matrix.sum(axis=0), 0.0), 100.0), 1)
    return Scores(matrix, np.asarray(total, dtype=np.float64))


def _unit(values: FloatArray) -> FloatArray:
    """Kept within 0–1 (np.minimum/np.maximum: np.clip is several times slower on small arrays)."""
    return np.minimum(np.maximum(values, 0.0), 1.0)


def _nan0(values: FloatArray) -> FloatArray:
    """NaN (an unknown figure) earns nothing."""
    return np.where(np.isnan(values), 0.0, values)


def _detail(req: Requirement, x: Inputs, n: int) -> FloatArray:
    """Margin is earned over a stated detail level only: "keep what it had" (pixels across
    the old view) is met or not, so meeting it earns the whole part."""
    reaches = []
    if req.px_across_scene is not None and req.px_across_scene.value > 0:
        reaches.append(x.px / req.px_across_scene.value)
    purpose = req.dori is not None and req.dori.hard and req.distance_m is not None
    if purpose and req.dori is not None:
        reaches.append(x.density / DORI_PX_PER_M[req.dori.value])
    if not reaches:
        return np.full(n, DETAIL_MET)
    reach = _nan0(np.minimum.reduce(reaches))
    over = _unit((reach - 1.0) / DETAIL_MARGIN_FULL) if purpose else np.ones(n)
    met = DETAIL_MET + (BEST[DETAIL] - DETAIL_MET) * over
    short = DETAIL_MET * _unit(reach) ** 2
    return np.asarray(np.where(reach >= 1.0 - 1e-9, met, short), dtype=np.float64)


def _coverage(req: Requirement, x: Inputs, n: int) -> FloatArray:
    if req.scene_hfov_deg is None or req.scene_hfov_deg.value <= 0:
        return np.full(n, BEST[COVERAGE] - 5.0)
    scene = min(req.scene_hfov_deg.value, 179.0)
    half = math.tan(math.radians(scene) / 2)
    reach = _nan0(x.wide_half_tan / half)
    excess = np.maximum(_nan0(x.setting / scene - 1.0), 0.0)
    fit = BEST[COVERAGE] - 5.0 * np.minimum(excess / FIXED_TOO_WIDE_FULL, 1.0)
    short = (BEST[COVERAGE] - 5.0) * _unit(reach) ** 2
    return np.where(reach >= 1.0 - 1e-9, fit, short)


def _overspec(req: Requirement, x: Inputs) -> FloatArray:
    half = BEST[OVERSPEC] / 2
    pixels = np.zeros(x.form.size)
    if req.px_across_scene is not None and req.px_across_scene.value > 0:
        ratio = _nan0(x.px / req.px_across_scene.value)
        pixels = half * _unit((ratio - OVERSPEC_FROM) / OVERSPEC_SPAN)
    price = np.where(np.isnan(x.price_position), half / 2, half * _unit(x.price_position))
    return BEST[OVERSPEC] - pixels - price


def _form(req: Requirement, x: Inputs, n: int) -> FloatArray:
    if req.form_factor is None:
        return np.full(n, FORM_UNKNOWN)
    same_family = x.family == FAMILIES.index(req.form_family.value)
    same_form = x.form == _FORMS.index(req.form_factor)
    return np.where(same_form, SAME_FORM, np.where(same_family, SAME_FAMILY, 0.0))
