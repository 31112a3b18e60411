"""Pick compliant replacement models for a requirement, and say why.

The hard constraints (``constraints.CONSTRAINTS``) filter the catalog in a
fixed order; the order is also the funnel used to say which constraint removed
the last candidates when nothing fits. A score then ranks what is left (see
``base_scores``). Prices come from the project's one ``PriceBook``, the same
one the costing uses, so the "value" pick and the bill of quantities agree.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

from specassist.domain import funnel
from specassist.domain.catalog import Accessory, AccessoryKind, CameraModel, Catalog, FormFactor
from specassist.domain.constraints import NAMES, Figures
from specassist.domain.funnel import Check
from specassist.domain.measures import Detail
from specassist.domain.money import ExchangeRates, Money
from specassist.domain.optics import DORI_PX_PER_M, LensRange, lens_range, model_sensor_width
from specassist.domain.pricing import CostSettings, PriceBook
from specassist.domain.requirements import (
    FAMILY_OF,
    POE_BUDGET_W,
    FormFamily,
    MountKind,
    Requirement,
)
from specassist.domain.survey import DoriLevel

# Score weights. Every offer that passes the hard constraints starts from 100.
W_MARGIN = 15.0
"""Up to +15 for density margin over a DORI level at the target, earned linearly up to +30 %:
270 px/m where "identify" needs 250 (1.08×) → +4; 325 px/m or more (1.3×) → +15. Margin keeps
the level when the scene or the mounting moves a little. Without a DORI target there is no
margin to earn: "keep what it had" is met or not."""
W_OVERSPEC = 20.0
"""Up to −20 for needless over-specification: pixels beyond 1.3× the need cost −20 per 1.5×
more. An 8 MP (3840 px) camera where 2420 px are needed (1.59×) → −20 × 0.29/1.5 = −3.8."""
OVERSPEC_FROM = 1.3
W_FOV = 30.0
"""Up to −30 for a setting wider than the scene: a fixed 103° lens for a 90° scene
(14 % wider) → −4.3; the pixels lost outside the scene are also counted by the margin."""
W_SAME_FORM = 10.0
"""+10 for the same form (dome for dome): same look on site, same mounting habits."""
W_ACCESSORY = 8.0
"""−8 per accessory needed; −15 when the mount is needed but not in the catalog."""
W_MOUNT_UNKNOWN = 15.0
W_COST = 15.0
"""Up to −15 for cost: 0 for the cheapest priced offer, −15 for the dearest; −7.5 unpriced."""
W_VERIFIED = 3.0
"""+3 when the row was verified against its datasheet: prefer figures we have read."""


@dataclass(frozen=True, slots=True)
class AccessoryUse:
    accessory: Accessory | None
    purpose: str
    note: str = ""


@dataclass(frozen=True, slots=True)
class Offer:
    """A model judged against a requirement, with what it would achieve there."""

    model: CameraModel
    role: str
    score: float
    checks: tuple[Check, ...]
    setting_hfov_deg: float | None = None
    px_across: float | None = None
    detail: Detail | None = None
    """Density at the target (and the distance) when the requirement names one."""
    accessories: tuple[AccessoryUse, ...] = ()
    unit_price: Money | None = None
    """In the project currency, from the project's price book."""

    @property
    def failed(self) -> tuple[Check, ...]:
        return tuple(c for c in self.checks if c.ok is False)

    @property
    def dori_after(self) -> DoriLevel | None:
        return self.detail.level if self.detail else None


@dataclass(frozen=True, slots=True)
class NoMatch:
    """Why nothing fits: the constraint that removed the last candidates, and the nearest miss.

    ``last`` is None when the catalog holds no allowed model at all.
    """

    last: str | None
    removed: int
    nearest_miss: Offer | None


@dataclass(frozen=True, slots=True)
class Match:
    requirement: Requirement
    choice: Offer | None
    alternates: tuple[Offer, ...] = ()
    no_match: NoMatch | None = None
    considered: int = 0
    removed_by: dict[str, int] = field(default_factory=dict)

    @property
    def nearest_miss(self) -> Offer | None:
        return self.no_match.nearest_miss if self.no_match else None


@dataclass(slots=True)
class _Candidate:
    """A catalog model with its lens, price and power parsed once."""

    model: CameraModel
    family: FormFamily
    lens: LensRange | None
    unit_price: Money | None
    power_w: float | None


class Matcher:
    """Matches requirements against the allowed part of a catalog; identical ones once.

    ``prices`` is the project's price book (dates, exchange rates, preferred
    supplier); without one, the catalog's own prices in its main currency are used.
    """

    def __init__(
        self,
        catalog: Catalog,
        allowed_vendor: Callable[[str], bool],
        prices: PriceBook | None = None,
    ) -> None:
        self.prices = prices or _catalog_price_book(catalog)
        self.currency = self.prices.settings.currency
        self._accessories: dict[str, list[Accessory]] = {}
        for accessory in catalog.accessories:
            self._accessories.setdefault(accessory.vendor_id, []).append(accessory)
        verdicts: dict[str, bool] = {}
        by_family: dict[FormFamily, list[_Candidate]] = {}
        self.candidates: list[_Candidate] = []
        for model in catalog.models:
            if model.discontinued:
                continue
            if model.vendor_id not in verdicts:
                verdicts[model.vendor_id] = allowed_vendor(model.vendor_id)
            if not verdicts[model.vendor_id]:
                continue
            width = model_sensor_width(model)
            lens = lens_range(model.hfov_max_deg, model.hfov_min_deg, model.focal_min_mm,
                              model.focal_max_mm, width)  # fmt: skip
            power = model.max_power_w
            if power is None and model.poe_class is not None:
                power = POE_BUDGET_W.get(model.poe_class)
            found = self.prices.find(model.vendor_id, model.model)
            candidate = _Candidate(model, FAMILY_OF[model.form_factor], lens,
                                   found[0] if found else None, power)  # fmt: skip
            self.candidates.append(candidate)
            by_family.setdefault(candidate.family, []).append(candidate)
        self._pools = {family: _Pool.of(pool) for family, pool in by_family.items()}
        self._all = _Pool.of(self.candidates)
        self._where = {
            c.model.key: (pool, i) for pool in self._pools.values()
            for i, c in enumerate(pool.candidates)
        }  # fmt: skip
        self._mount_cache: dict[
            tuple[str, MountKind | None, tuple[str, ...]], tuple[AccessoryUse, ...]
        ] = {}
        self._cache: dict[Requirement, Match] = {}

    # ------------------------------------------------------------------ public

    def match(self, requirement: Requirement) -> Match:
        if requirement not in self._cache:
            self._cache[requirement] = self._match(requirement)
        return self._cache[requirement]

    def allowed_models(self) -> list[CameraModel]:
        return [c.model for c in self.candidates]

    def offer(
        self, model_key: str, requirement: Requirement, role: str = "override"
    ) -> Offer | None:
        """A chosen model judged against the requirement, failures and all; None if not allowed.

        A person may pick a model the matcher would not: the explanation then shows
        which constraints it misses, so the choice is informed and on record. The
        score is the same formula as for the matcher's own offers.
        """
        where = self._where.get(model_key)
        if where is None:
            return None
        pool, i = where
        result = funnel.run(pool.figures, requirement)
        index = np.array([i], dtype=np.int64)
        score = float(self._scores(pool, index, result, requirement, relative=False)[0])
        return self._offer(pool, i, requirement, result, role, score)

    # ----------------------------------------------------------------- private

    def _match(self, req: Requirement) -> Match:
        family = req.form_family.value
        pool = self._all if family is FormFamily.OTHER else self._pools.get(family)
        removed: dict[str, int] = {}
        size = len(pool.candidates) if pool else 0
        if size < len(self.candidates):
            removed["form"] = len(self.candidates) - size
        if pool is None or size == 0:
            return self._no_match(req, None, removed, None)
        result = funnel.run(pool.figures, req)
        counts = np.bincount(result.first_failure + 1, minlength=len(NAMES) + 1)
        for position, name in enumerate(NAMES):
            if counts[position + 1]:
                removed[name] = removed.get(name, 0) + int(counts[position + 1])
        passers = result.passers()
        if passers.size == 0:
            return self._no_match(req, pool, removed, result)
        scores = self._scores(pool, passers, result, req)
        picks = _picks(pool, passers, scores, result.measures.px[passers])
        offers = [self._offer(pool, i, req, result, role, score) for i, role, score in picks]
        return Match(req, offers[0], tuple(offers[1:]), considered=size, removed_by=removed)

    def _scores(
        self, pool: _Pool, idx: npt.NDArray[np.int64], result: funnel.Result,
        req: Requirement, relative: bool = True,
    ) -> npt.NDArray[np.float64]:  # fmt: skip
        """``base_scores`` for the candidates ``idx``, then the cost term (relative to the
        other passers when ranking; an unpriced half-penalty for a single offer)."""
        m = result.measures
        penalties = np.array([_penalty(self._mounting(pool.candidates[i].model, req))
                              for i in idx])  # fmt: skip
        score = base_scores(req, pool.form[idx], pool.verified[idx], m.setting[idx], m.px[idx],
                            m.density[idx], penalties)  # fmt: skip
        prices = pool.price[idx]
        priced = ~np.isnan(prices)
        if relative and priced.any():
            low, high = prices[priced].min(), prices[priced].max()
            span = high - low
            cost = np.where(priced, W_COST * (prices - low) / span if span else 0.0, W_COST / 2)
            score -= np.nan_to_num(cost, nan=W_COST / 2)
        elif relative or not priced.all():
            score -= W_COST / 2
        return np.round(score, 2)

    def _offer(
        self, pool: _Pool, i: int, req: Requirement, result: funnel.Result, role: str,
        score: float,
    ) -> Offer:  # fmt: skip
        cand = pool.candidates[i]
        checks = result.checks(pool.figures, i)
        failed = any(c.ok is False for c in checks)
        m = result.measures
        setting = None if np.isnan(m.setting[i]) else float(m.setting[i])
        px = None if np.isnan(m.px[i]) else float(m.px[i])
        density = None if np.isnan(m.density[i]) else float(m.density[i])
        detail = Detail(density, m.distance) if density is not None else None
        accessories = () if failed else self._mounting(cand.model, req)
        return Offer(cand.model, role, score, checks, setting, px, detail, accessories,
                     cand.unit_price)  # fmt: skip

    def _no_match(
        self,
        req: Requirement,
        pool: _Pool | None,
        removed: dict[str, int],
        result: funnel.Result | None,
    ) -> Match:
        if not self.candidates:
            return Match(req, None, no_match=NoMatch(None, 0, None))
        last = max(removed, key=lambda name: (NAMES.index(name), name))
        if pool is None or result is None:
            # No model of the wanted form: the nearest miss is judged from the whole catalog.
            pool, result = self._all, funnel.run(self._all.figures, req)
        order = np.lexsort((pool.name_rank, result.failure_count))
        nearest = int(order[0])
        idx = np.array([nearest], dtype=np.int64)
        score = float(self._scores(pool, idx, result, req, relative=False)[0])
        miss = self._offer(pool, nearest, req, result, "nearest miss", score)
        return Match(req, None, no_match=NoMatch(last, removed[last], miss),
                     considered=len(pool.candidates), removed_by=removed)  # fmt: skip

    def _mounting(self, model: CameraModel, req: Requirement) -> tuple[AccessoryUse, ...]:
        """The accessory the new camera needs on the old fixing, if any (cached per model)."""
        key = (model.key, req.mount.value if req.mount else None, req.mount_parts)
        if key not in self._mount_cache:
            self._mount_cache[key] = self._find_mounting(model, req)
        return self._mount_cache[key]

    def _find_mounting(self, model: CameraModel, req: Requirement) -> tuple[AccessoryUse, ...]:
        if req.mount is None:
            return ()
        kind = req.mount.value
        family = FAMILY_OF[model.form_factor]
        if _mounts_directly(family, kind):
            return ()
        wanted = {_ACCESSORY_KIND[kind]}
        if kind is MountKind.JUNCTION_BOX:
            wanted.add(AccessoryKind.ADAPTER_PLATE)
        fitting = [
            a
            for a in self._accessories.get(model.vendor_id, [])
            if a.kind in wanted
            and (model.model in a.fits or f"mount:{model.mount_family}" in a.fits)
        ]
        covering = [
            a
            for a in fitting
            if any(ref.split(":", 1)[-1].upper() in req.mount_parts for ref in a.adapts_from)
        ]
        if covering:
            best = covering[0]
            covered = ", ".join(best.adapts_from)
            return (AccessoryUse(best, kind.value, f"covers the footprint of {covered}"),)
        if fitting:
            note = ""
            if req.mount_parts:
                note = (
                    f"no listed adapter covers the old {', '.join(req.mount_parts)}: "
                    "new fixings; make good the surface"
                )
            return (AccessoryUse(fitting[0], kind.value, note),)
        return (
            AccessoryUse(
                None,
                kind.value,
                f"no {kind.value.replace('_', ' ')} mount for this model in the catalog: "
                "confirm with the supplier",
            ),
        )


_ACCESSORY_KIND = {
    MountKind.CEILING: AccessoryKind.CEILING,
    MountKind.WALL: AccessoryKind.WALL,
    MountKind.POLE: AccessoryKind.POLE,
    MountKind.CORNER: AccessoryKind.CORNER,
    MountKind.PENDANT: AccessoryKind.PENDANT,
    MountKind.PARAPET: AccessoryKind.PARAPET,
    MountKind.JUNCTION_BOX: AccessoryKind.JUNCTION_BOX,
}


def _mounts_directly(family: FormFamily, kind: MountKind) -> bool:
    """Domes, turrets and fisheyes fix straight to a ceiling; bullets carry their own bracket."""
    if kind is MountKind.CEILING:
        return family in (FormFamily.FIXED_DOME, FormFamily.FISHEYE, FormFamily.BULLET)
    if kind is MountKind.WALL:
        return family is FormFamily.BULLET
    return False


def _penalty(accessories: tuple[AccessoryUse, ...]) -> float:
    return sum(W_ACCESSORY if use.accessory is not None else W_MOUNT_UNKNOWN
               for use in accessories)  # fmt: skip


def base_scores(
    req: Requirement,
    form: npt.NDArray[np.int64],
    verified: npt.NDArray[np.bool_],
    setting: npt.NDArray[np.float64],
    px: npt.NDArray[np.float64],
    density: npt.NDArray[np.float64],
    accessory_penalty: npt.NDArray[np.float64],
) -> npt.NDArray[np.float64]:
    """The ranking score before cost (cost is relative to the other offers: ``_scores``).

    NaN figures earn and lose nothing. Worked example: an old 103° dome; the survey
    asks for identify (250 px/m) at 4 m, so the scene is 2·4·tan 51.5° = 10.06 m wide
    and needs 2515 px. A 3840-px 103° dome gives 382 px/m: margin 1.53 → +15; pixels
    1.53× the need → −3.0; same angle → 0; same form +10; fixes to the ceiling
    directly → 0; verified +3: 125.0 before cost (117.5 when it has no price in the
    project currency).
    """
    score = np.full(form.size, 100.0)
    if req.dori is not None and req.distance_m is not None:
        margin = density / DORI_PX_PER_M[req.dori.value]
        score += np.nan_to_num(W_MARGIN * np.clip(margin - 1.0, 0.0, 0.3) / 0.3)
    if req.px_across_scene is not None and req.px_across_scene.value > 0:
        ratio = px / req.px_across_scene.value
        score -= np.nan_to_num(W_OVERSPEC * np.clip(ratio - OVERSPEC_FROM, 0.0, 1.5) / 1.5)
    if req.scene_hfov_deg is not None and req.scene_hfov_deg.value > 0:
        scene = req.scene_hfov_deg.value
        score -= np.nan_to_num(W_FOV * np.minimum(np.abs(setting - scene) / scene, 1.0))
    if req.form_factor is not None:
        score += W_SAME_FORM * (form == _FORMS.index(req.form_factor))
    score += W_VERIFIED * verified
    return score - accessory_penalty


_FORMS = list(FormFactor)


@dataclass(frozen=True)
class _Pool:
    """Candidates of one form family with their figures as arrays, for ``funnel.run``."""

    candidates: list[_Candidate]
    figures: Figures
    form: npt.NDArray[np.int64]
    verified: npt.NDArray[np.bool_]
    price: npt.NDArray[np.float64]
    name_rank: npt.NDArray[np.int64]
    """Position in (vendor, model) order: the tie-break that keeps choices stable."""

    @classmethod
    def of(cls, candidates: list[_Candidate]) -> _Pool:
        models = [c.model for c in candidates]
        figures = Figures.build(
            [c.family for c in candidates],
            [(c.lens.wide_deg, c.lens.tele_deg) if c.lens else None for c in candidates],
            [m.resolution.width if m.resolution else None for m in models],
            [m.ip_rating for m in models],
            [m.ik_rating for m in models],
            [m.ir_range_m for m in models],
            [c.power_w for c in candidates],
            [m.audio for m in models],
            [None if m.alarm_inputs is None and m.alarm_outputs is None
             else bool(m.alarm_inputs or m.alarm_outputs) for m in models],
        )  # fmt: skip
        keys = [(m.vendor_id, m.model) for m in models]
        names = sorted(range(len(candidates)), key=keys.__getitem__)
        rank = np.empty(len(candidates), dtype=np.int64)
        rank[names] = np.arange(len(candidates))
        return cls(
            candidates,
            figures,
            np.array([_FORMS.index(m.form_factor) for m in models], dtype=np.int64),
            np.array([m.provenance.verified for m in models], dtype=bool),
            np.array([float(c.unit_price.amount) if c.unit_price else np.nan for c in candidates]),
            rank,
        )


def _picks(
    pool: _Pool,
    passers: npt.NDArray[np.int64],
    scores: npt.NDArray[np.float64],
    px: npt.NDArray[np.float64],
) -> list[tuple[int, str, float]]:
    """First choice (best score), a value option (cheapest priced) and a premium option
    (most pixels on target) among the rest; ties go to the better-ranked offer."""
    ranked = np.lexsort((pool.name_rank[passers], -scores))
    picks = [(int(passers[ranked[0]]), "first choice", float(scores[ranked[0]]))]
    rest = ranked[1:]
    if rest.size == 0:
        return picks
    prices = pool.price[passers[rest]]
    priced = ~np.isnan(prices)
    if priced.any():
        value = rest[np.flatnonzero(priced)[np.argmin(prices[priced])]]
        role = "value"
    else:
        value, role = rest[0], "alternate"
    picks.append((int(passers[value]), role, float(scores[value])))
    others = rest[rest != value]
    if others.size:
        gains = np.nan_to_num(px[others], nan=0.0)
        best = others[np.lexsort((np.arange(others.size), -scores[others], -gains))[0]]
        picks.append((int(passers[best]), "premium", float(scores[best])))
    return picks


def _catalog_price_book(catalog: Catalog) -> PriceBook:
    """The catalog's prices in its most common currency, for matching outside a project."""
    counts: dict[str, int] = {}
    for price in catalog.prices:
        counts[price.currency] = counts.get(price.currency, 0) + 1
    currency = max(counts, key=lambda c: (counts[c], c)) if counts else "GBP"
    settings = CostSettings(currency=currency, exchange=ExchangeRates(currency))
    return PriceBook(catalog.prices, settings)
