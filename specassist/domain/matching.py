"""Pick compliant replacement models for a requirement, and say why — or where they fall short.

The constraints (``constraints.CONSTRAINTS``) run over the allowed catalog in a
fixed order; the requirement's hard fields filter, its soft fields only score.
What passes is ranked by the readable 0–100 score (``scoring``) and offered as
a first choice with a value and a premium alternate. Prices come from the
project's one ``PriceBook``, the same one the costing uses, so the "value"
pick and the bill of quantities agree.

When nothing passes, nothing is downgraded in silence and rarely is nothing
offered. The nearest model is found (the fewest and mildest shortfalls) and
documented alternatives are tried (``alternatives``: an IR illuminator, a
second camera with a narrower lens, a multi-sensor camera). Of these, the
one offered is, in order: the one whose shortfalls are at most minor, with
the fewest cameras; then the one with the mildest worst shortfall. Every
shortfall of the offer is declared (``Offer.deviations``: figures, severity,
reason). Only when even the best falls critically short — or the catalog
holds no allowed model — is there no replacement, with the reason.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace

import numpy as np
import numpy.typing as npt

from specassist.domain import alternatives, funnel, scoring
from specassist.domain import deviations as dev
from specassist.domain.catalog import Accessory, AccessoryKind, CameraModel, Catalog, FormFactor
from specassist.domain.constraints import NAMES, Figures
from specassist.domain.deviations import Deviation, Severity
from specassist.domain.funnel import Check
from specassist.domain.measures import Detail, Note
from specassist.domain.money import ExchangeRates, Money
from specassist.domain.mounting import AccessoryUse, Mounts
from specassist.domain.optics import LensRange, lens_range, model_sensor_width
from specassist.domain.pricing import CostSettings, PriceBook
from specassist.domain.requirements import (
    FAMILY_OF,
    PANORAMIC,
    POE_BUDGET_W,
    FormFamily,
    Requirement,
)
from specassist.domain.scoring import FloatArray, ScorePart
from specassist.domain.survey import DoriLevel

__all__ = ["AccessoryUse", "Match", "Matcher", "NoMatch", "Offer"]

IR = NAMES.index("IR range")


@dataclass(frozen=True, slots=True)
class Offer:
    """A model judged against a requirement, with what it would achieve there."""

    model: CameraModel
    role: str
    score: float
    """0–100: the sum of ``score_parts`` (see ``scoring``)."""
    checks: tuple[Check, ...]
    setting_hfov_deg: float | None = None
    px_across: float | None = None
    detail: Detail | None = None
    """Density at the target (and the distance) when the requirement names one."""
    accessories: tuple[AccessoryUse, ...] = ()
    unit_price: Money | None = None
    """In the project currency, from the project's price book."""
    score_points: tuple[float, ...] = ()
    """The points of each score part, in ``scoring.PARTS`` order (``score_parts`` names them)."""
    deviations: tuple[Deviation, ...] = ()
    """The hard requirements it does not meet, in figures, with severity and reason."""
    quantity: int = 1
    """Cameras of this model the replacement takes (two for a split scene)."""
    arrangement: Note | None = None
    """How an alternative is arranged ("2 cameras side by side, each covering 64.4° …")."""
    resolved: tuple[str, ...] = ()
    """Hard checks the camera fails alone but an accessory makes good (IR by an illuminator)."""
    total_price: Money | None = None
    """Cameras and accessories together, from the price book; None when any item is unpriced."""

    @property
    def score_parts(self) -> tuple[ScorePart, ...]:
        return scoring.named(self.score_points)

    @property
    def failed(self) -> tuple[Check, ...]:
        """The hard requirements not met (what the offer "does not meet")."""
        return tuple(c for c in self.checks
                     if c.ok is False and c.hard and c.name not in self.resolved)  # fmt: skip

    @property
    def unmet_preferences(self) -> tuple[Check, ...]:
        return tuple(c for c in self.checks if c.ok is False and not c.hard)

    @property
    def make_good(self) -> bool:
        """New fixings: the old fixing is made good (a labour line in the costing)."""
        return any(use.make_good for use in self.accessories)

    @property
    def dori_after(self) -> DoriLevel | None:
        return self.detail.level if self.detail else None


@dataclass(frozen=True, slots=True)
class NoMatch:
    """Why nothing is offered: the constraint that removed the last candidates, the nearest
    miss and, when the camera is not sized at all or every model falls critically short,
    the reason in words.

    ``last`` is None when the catalog holds no allowed model at all, or when the camera
    goes to the site-check list (``reason`` says why).
    """

    last: str | None
    removed: int
    nearest_miss: Offer | None
    reason: Note | None = None


@dataclass(frozen=True, slots=True)
class Match:
    requirement: Requirement
    choice: Offer | None
    alternates: tuple[Offer, ...] = ()
    no_match: NoMatch | None = None
    considered: int = 0
    removed_by: dict[str, int] = field(default_factory=dict)
    price_range: tuple[float, float] | None = None
    """Cheapest and dearest priced model that meets every hard requirement: the scale every
    offer's price is scored on, an override's included."""

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
        self.mounts = Mounts(catalog.accessories)
        verdicts: dict[str, bool] = {}

        def allowed(vendor_id: str) -> bool:
            if vendor_id not in verdicts:
                verdicts[vendor_id] = allowed_vendor(vendor_id)
            return verdicts[vendor_id]

        self.illuminators = [
            a
            for a in catalog.accessories
            if a.kind is AccessoryKind.IR_ILLUMINATOR and allowed(a.vendor_id)
        ]
        by_family: dict[FormFamily, list[int]] = {}
        self.candidates: list[_Candidate] = []
        for model in catalog.models:
            if model.discontinued or not allowed(model.vendor_id):
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
            by_family.setdefault(candidate.family, []).append(len(self.candidates))
            self.candidates.append(candidate)
        self._all = _Pool.of(self.candidates, self.mounts)
        self._pools = {
            family: self._all.part(np.array(positions, dtype=np.int64))
            for family, positions in by_family.items()
        }
        self._where = {
            c.model.key: (pool, i) for pool in self._pools.values()
            for i, c in enumerate(pool.candidates)
        }  # fmt: skip
        self._accessory_prices: dict[str, Money | None] = {}
        self._cache: dict[Requirement, Match] = {}
        self._best_cache: dict[tuple[Requirement, str], Offer | None] = {}
        self._points_cache: dict[tuple[int, object, tuple[str, ...]], FloatArray] = {}

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
        which requirements it does not meet, declared as deviations, so the choice is
        informed and on record. The score is the same formula as for the matcher's own
        offers, on the same price scale.
        """
        where = self._where.get(model_key)
        if where is None:
            return None
        pool, i = where
        result = funnel.run(pool.figures, requirement)
        price_range = None if requirement.site_check else self.match(requirement).price_range
        return self._single(pool, i, requirement, result, role, dev.CHOSEN, price_range)

    # ----------------------------------------------------------------- ranking

    def _match(self, req: Requirement) -> Match:
        if req.site_check is not None:
            return Match(req, None, no_match=NoMatch(None, 0, None, req.site_check))
        pool = self._pool_for(req)
        removed: dict[str, int] = {}
        size = len(pool.candidates) if pool else 0
        if size < len(self.candidates):
            removed["form"] = len(self.candidates) - size
        if pool is None or size == 0:
            return self._fallback(req, None, None, removed)
        result = funnel.run(pool.figures, req)
        counts = np.bincount(result.first_failure + 1, minlength=len(NAMES) + 1)
        for position, name in enumerate(NAMES):
            if counts[position + 1]:
                removed[name] = removed.get(name, 0) + int(counts[position + 1])
        passers = result.passers()
        if passers.size == 0:
            return self._fallback(req, pool, result, removed)
        prices = pool.price[passers]
        priced = prices[~np.isnan(prices)]
        price_range = (float(priced.min()), float(priced.max())) if priced.size else None
        scores = self._parts(req, pool, passers, result, price_range)
        offers = [
            self._build(pool, int(passers[j]), req, result, role, scores, j)
            for j, role in _picks(pool, passers, scores.total, result.measures.px[passers])
        ]
        return Match(req, offers[0], tuple(offers[1:]), considered=size, removed_by=removed,
                     price_range=price_range)  # fmt: skip

    def _pool_for(self, req: Requirement) -> _Pool | None:
        """The candidates of the requirement's form family (all of them for "any form")."""
        family = req.form_family.value
        return self._all if family is FormFamily.OTHER else self._pools.get(family)

    def _parts(
        self, req: Requirement, pool: _Pool, idx: npt.NDArray[np.int64], result: funnel.Result,
        price_range: tuple[float, float] | None, deviation_cost: FloatArray | None = None,
    ) -> scoring.Scores:  # fmt: skip
        """The score's parts for the candidates ``idx`` of ``pool`` (see ``scoring``)."""
        m = result.measures
        mount_points = self._mount_points(pool, req)[idx]
        prices = pool.price[idx]
        if price_range is None:
            position = np.where(np.isnan(prices), np.nan, 0.0)
        else:
            low, high = price_range  # (an unpriced NaN stays NaN, quietly)
            position = (prices - low) / (high - low) if high > low else prices * 0.0
        inputs = scoring.Inputs(
            pool.form[idx], pool.figures.family[idx], pool.verified_points[idx],
            pool.wide_half_tan[idx],
            m.setting[idx], m.px[idx], m.density[idx], mount_points, position,
            result.soft_met(idx),
            np.zeros(idx.size) if deviation_cost is None else deviation_cost,
        )  # fmt: skip
        return scoring.score(req, inputs)

    def _mount_points(self, pool: _Pool, req: Requirement) -> FloatArray:
        """Every candidate's mounting points for the surveyed fixing, worked out once per pool
        and fixing, and within it once per group of models that mount alike."""
        key = (id(pool), req.mount.value if req.mount else None, req.mount_parts)
        found = self._points_cache.get(key)
        if found is None:
            points = np.array([self.mounts.of(model, req)[1] for model in pool.fit_models])
            found = self._points_cache[key] = points[pool.fit_group]
        return found

    def _build(
        self, pool: _Pool, i: int, req: Requirement, result: funnel.Result, role: str,
        scores: scoring.Scores, j: int,
        deviations: tuple[Deviation, ...] = (), extras: tuple[AccessoryUse, ...] = (),
        resolved: tuple[str, ...] = (), quantity: int = 1, arrangement: Note | None = None,
    ) -> Offer:  # fmt: skip
        """Candidate ``i`` as an offer; ``j`` is its position in the arrays of ``scores``."""
        cand = pool.candidates[i]
        m = result.measures
        setting = None if np.isnan(m.setting[i]) else float(m.setting[i])
        px = None if np.isnan(m.px[i]) else float(m.px[i])
        density = None if np.isnan(m.density[i]) else float(m.density[i])
        detail = Detail(density, m.distance) if density is not None else None
        uses = (*self.mounts.of(cand.model, req)[0], *extras)
        if req.scene_spread_deg is not None and cand.lens is not None:
            width = cand.model.resolution.width if cand.model.resolution else None
            deviations += dev.of_estimate(req, cand.lens.wide_deg, cand.lens.tele_deg, width,
                                          quantity)  # fmt: skip
        return Offer(
            cand.model, role, float(scores.total[j]), result.checks(pool.figures, i),
            setting, px, detail, uses, cand.unit_price, scores.of(j), deviations,
            quantity, arrangement, resolved, self._total(cand.unit_price, quantity, uses),
        )  # fmt: skip

    def _single(
        self, pool: _Pool, i: int, req: Requirement, result: funnel.Result, role: str,
        reason: Note, price_range: tuple[float, float] | None,
    ) -> Offer:  # fmt: skip
        """One candidate judged alone, its shortfalls declared with ``reason``."""
        deviations = dev.of_checks(result.checks(pool.figures, i), reason)
        idx = np.array([i], dtype=np.int64)
        scores = self._parts(req, pool, idx, result, price_range,
                             np.array([dev.cost(deviations)]))  # fmt: skip
        return self._build(pool, i, req, result, role, scores, 0, deviations)

    def _total(
        self, unit_price: Money | None, quantity: int, uses: tuple[AccessoryUse, ...]
    ) -> Money | None:
        """The cameras and their accessories at the price book's prices; None if any is unpriced."""
        if unit_price is None:
            return None
        if quantity == 1 and all(use.accessory is None for use in uses):
            return unit_price
        total = unit_price.times(quantity)
        for use in uses:
            if use.accessory is None:
                continue
            price = self._accessory_price(use.accessory)
            if price is None:
                return None
            total = total + price.times(quantity)
        return total.rounded()

    def _accessory_price(self, accessory: Accessory) -> Money | None:
        if accessory.key not in self._accessory_prices:
            found = self.prices.find(accessory.vendor_id, accessory.part_number)
            self._accessory_prices[accessory.key] = found[0] if found else None
        return self._accessory_prices[accessory.key]

    # ------------------------------------------------------- when nothing passes

    def _fallback(
        self, req: Requirement, pool: _Pool | None, result: funnel.Result | None,
        removed: dict[str, int],
    ) -> Match:  # fmt: skip
        """The nearest model and the documented alternatives; the best of them is offered
        with its deviations declared, unless even the best falls critically short."""
        if not self.candidates:
            return Match(req, None, no_match=NoMatch(None, 0, None))
        last = max(removed, key=lambda name: (NAMES.index(name), name))
        if pool is None or result is None:
            # No model of the wanted form: the nearest is judged from the whole catalog.
            pool, result = self._all, funnel.run(self._all.figures, req)
        nearest = self._nearest(pool, result, req)
        options = [
            alternatives.beyond_purpose(o, req) or o
            if dev.worst(o.deviations) is Severity.CRITICAL else o
            for o in (nearest, *self._alternatives(req, pool, result, nearest))
        ]  # fmt: skip
        best = min(options, key=_rank)
        others = tuple(o for o in options if o is not best)
        considered = len(pool.candidates)
        if _worst_rank(best) >= Severity.CRITICAL.rank:
            return Match(req, None, others, NoMatch(last, removed[last], best), considered,
                         removed)  # fmt: skip
        return Match(req, best, others, considered=considered, removed_by=removed)

    def _nearest(self, pool: _Pool, result: funnel.Result, req: Requirement) -> Offer:
        """The candidate whose worst shortfall is mildest, then whose shortfalls weigh least,
        then with the best score (then the name): ranked as ``_rank`` ranks offers."""
        kept = alternatives.keeps_old_detail(req, result.measures.density)
        grades = dev.pool_grades(pool.figures, result, kept)
        mildest = np.flatnonzero(grades.worst == grades.worst.min())
        lightest = grades.cost[mildest].min()
        close = mildest[grades.cost[mildest] <= lightest + 1e-9]
        scores = self._parts(req, pool, close, result, None, grades.cost[close])
        j = _best_scored(scores.total, pool.name_rank[close])
        return self._single(pool, int(close[j]), req, result, alternatives.NEAREST_ROLE,
                            dev.NEAREST, None)  # fmt: skip

    def _alternatives(
        self, req: Requirement, pool: _Pool, result: funnel.Result, nearest: Offer
    ) -> list[Offer]:
        """The documented alternatives the nearest's shortfalls call for. Where the nearest
        falls short only a little (minor at worst) a one-camera answer is offered: more cameras
        or another form are not proposed for it (they could not rank above it)."""
        short = {d.requirement for d in nearest.deviations}
        found: list[Offer | None] = []
        if "IR range" in short and self.illuminators:
            found.append(self._with_illuminator(req, pool, result))
        if _worst_rank(nearest) <= Severity.MINOR.rank:
            short -= alternatives.DETAIL_NAMES
        family = req.form_family.value
        if short & alternatives.DETAIL_NAMES and family not in PANORAMIC | {FormFamily.PTZ}:
            for cameras in alternatives.SPLIT_COUNTS:
                part = alternatives.split(req, cameras)
                offer = self._best(part, alternatives.split_role(cameras)) if part else None
                if offer is not None and part is not None:
                    found.append(
                        _arranged(offer, cameras, alternatives.arrangement(req, part, cameras))
                    )
                    break
        if short & alternatives.DETAIL_NAMES and family is not FormFamily.PTZ:
            wide = alternatives.multisensor(req)
            offer = self._best(wide, alternatives.MULTISENSOR_ROLE) if wide else None
            if offer is not None:
                found.append(
                    replace(
                        offer,
                        arrangement=alternatives.multisensor_arrangement(req),
                        deviations=(alternatives.form_change(req, offer.model),),
                    )
                )
        return [o for o in found if o is not None]

    def _best(self, req: Requirement, role: str) -> Offer | None:
        """The best-scored model that meets every hard requirement of ``req`` (no fallback)."""
        key = (req, role)
        if key not in self._best_cache:
            self._best_cache[key] = None
            pool = self._pool_for(req)
            if pool is not None:
                result = funnel.run(pool.figures, req)
                passers = result.passers()
                if passers.size:
                    scores = self._parts(req, pool, passers, result, None)
                    j = _best_scored(scores.total, pool.name_rank[passers])
                    self._best_cache[key] = self._build(pool, int(passers[j]), req, result, role,
                                                        scores, j)  # fmt: skip
        return self._best_cache[key]

    def _with_illuminator(
        self, req: Requirement, pool: _Pool, result: funnel.Result
    ) -> Offer | None:
        """The best model short only of infrared, with an illuminator that reaches the need."""
        mask = result.masks[IR]
        if req.min_ir_m is None or mask is None:
            return None
        only_ir = np.flatnonzero((result.failure_count == 1) & mask)
        if only_ir.size == 0:
            return None
        scores = self._parts(req, pool, only_ir, result, None)
        for j in np.lexsort((pool.name_rank[only_ir], -scores.total)):
            i = int(only_ir[j])
            setting = result.measures.setting[i]
            lamp = alternatives.illuminator_for(
                self.illuminators, req.min_ir_m.value, None if np.isnan(setting) else setting
            )
            if lamp is not None:
                use = AccessoryUse(lamp, "supplementary IR", alternatives.illuminator_note(lamp))
                return self._build(pool, i, req, result, alternatives.ILLUMINATOR_ROLE, scores,
                                   int(j), extras=(use,), resolved=("IR range",))  # fmt: skip
        return None


def _arranged(offer: Offer, cameras: int, arrangement: Note) -> Offer:
    total = None if offer.unit_price is None or offer.total_price is None else \
        offer.total_price.times(cameras).rounded()  # fmt: skip
    return replace(offer, quantity=cameras, arrangement=arrangement, total_price=total)


def _worst_rank(offer: Offer) -> int:
    """The offer's worst shortfall as a rank; a purpose beyond every model, kept by a camera no
    worse than the old one, counts as major."""
    ranks = [Severity.MAJOR.rank if alternatives.kept_despite(d) else d.severity.rank
             for d in offer.deviations]  # fmt: skip
    return max(ranks, default=0)


def _rank(offer: Offer) -> tuple[int, int, int, float, float]:
    """Offers whose shortfalls are at most minor first, fewest cameras first; then the mildest
    worst shortfall, the lightest deviations and the best score."""
    worst = _worst_rank(offer)
    band = 0 if worst <= Severity.MINOR.rank else worst
    weight = sum(
        dev.SEVERITY_COST[Severity.MAJOR if alternatives.kept_despite(d) else d.severity]
        for d in offer.deviations
    )
    return (band, offer.quantity, worst, weight, -offer.score)


_FORMS = list(FormFactor)


@dataclass(frozen=True)
class _Pool:
    """Candidates of one form family with their figures as arrays, for ``funnel.run``."""

    candidates: list[_Candidate]
    figures: Figures
    form: npt.NDArray[np.int64]
    verified_points: FloatArray
    wide_half_tan: FloatArray
    price: npt.NDArray[np.float64]
    name_rank: npt.NDArray[np.int64]
    """Position in (vendor, model) order: the tie-break that keeps choices stable."""
    fit_models: list[CameraModel]
    """One model per group of models that mount alike (``Mounts.fit_key``)."""
    fit_group: npt.NDArray[np.int64]
    """Each candidate's group in ``fit_models``."""

    @classmethod
    def of(cls, candidates: list[_Candidate], mounts: Mounts) -> _Pool:
        models = [c.model for c in candidates]
        groups: dict[object, int] = {}
        fit_models: list[CameraModel] = []
        fit_group = np.empty(len(models), dtype=np.int64)
        for i, model in enumerate(models):
            group = groups.setdefault(mounts.fit_key(model), len(groups))
            if group == len(fit_models):
                fit_models.append(model)
            fit_group[i] = group
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
            scoring.verified_points(np.array([m.provenance.verified for m in models], dtype=bool)),
            figures.wide_tan,
            np.array([float(c.unit_price.amount) if c.unit_price else np.nan for c in candidates]),
            rank,
            fit_models,
            fit_group,
        )

    def part(self, idx: npt.NDArray[np.int64]) -> _Pool:
        """The candidates ``idx`` (in order) as a pool of their own, from this pool's arrays."""
        sub_rank = np.empty(idx.size, dtype=np.int64)
        sub_rank[np.argsort(self.name_rank[idx], kind="stable")] = np.arange(idx.size)
        groups, fit_group = np.unique(self.fit_group[idx], return_inverse=True)
        figures = self.figures.take(idx)
        return _Pool(
            [self.candidates[i] for i in idx.tolist()],
            figures,
            self.form[idx],
            self.verified_points[idx],
            figures.wide_tan,
            self.price[idx],
            sub_rank,
            [self.fit_models[g] for g in groups.tolist()],
            fit_group.astype(np.int64).reshape(-1),
        )


def _picks(
    pool: _Pool,
    passers: npt.NDArray[np.int64],
    scores: npt.NDArray[np.float64],
    px: npt.NDArray[np.float64],
) -> list[tuple[int, str]]:
    """First choice (best score), a value option (cheapest priced) and a premium option
    (most pixels on target) among the rest, as positions in ``passers``; ties go to the
    better-ranked offer (higher score, then name).

    A few passers are sorted; many are searched for three minima (``_picks_of_many``),
    which picks the same three without sorting thousands of candidates."""
    if passers.size > _FEW:
        return _picks_of_many(pool, passers, scores, px)
    ranked = np.lexsort((pool.name_rank[passers], -scores))
    picks = [(int(ranked[0]), "first choice")]
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
    picks.append((int(value), role))
    others = rest[rest != value]
    if others.size:
        gains = np.nan_to_num(px[others], nan=0.0)
        best = others[np.lexsort((np.arange(others.size), -scores[others], -gains))[0]]
        picks.append((int(best), "premium"))
    return picks


_FEW = 512
"""Up to this many passers a sort is quicker than searching for minima."""


def _picks_of_many(
    pool: _Pool,
    passers: npt.NDArray[np.int64],
    scores: npt.NDArray[np.float64],
    px: npt.NDArray[np.float64],
) -> list[tuple[int, str]]:
    """``_picks`` by three searches for a minimum, each tie broken by the next key."""
    worse, names = _worse(scores), pool.name_rank[passers]
    first = _first_by(np.arange(passers.size), worse, names)
    picks = [(first, "first choice")]
    prices = pool.price[passers]
    rest = np.ones(passers.size, dtype=bool)
    rest[first] = False
    priced = rest & ~np.isnan(prices)
    if priced.any():
        value, role = _first_by(np.flatnonzero(priced), prices, worse, names), "value"
    else:
        value, role = _first_by(np.flatnonzero(rest), worse, names), "alternate"
    picks.append((value, role))
    rest[value] = False
    if rest.any():
        fewer = -np.nan_to_num(px, nan=0.0)
        picks.append((_first_by(np.flatnonzero(rest), fewer, worse, names), "premium"))
    return picks


def _worse(scores: FloatArray) -> FloatArray:
    """Scores as a key where smaller comes first (an unknown score last, as a sort puts it)."""
    return np.where(np.isnan(scores), np.inf, -scores)


def _first_by(idx: npt.NDArray[np.int64], *keys: npt.NDArray[np.generic]) -> int:
    """The position in ``idx`` that comes first by ``keys`` (each smaller first, the next
    breaking ties, then the position), as a stable sort would put it, without sorting."""
    for key in keys:
        values = key[idx]
        idx = idx[values == values.min()]
        if idx.size == 1:
            break
    return int(idx[0])


def _best_scored(scores: FloatArray, names: npt.NDArray[np.int64]) -> int:
    """The position of the best score, ties to the first name."""
    if scores.size <= _FEW:
        return int(np.lexsort((names, -scores))[0])
    return _first_by(np.arange(scores.size), _worse(scores), names)


def _catalog_price_book(catalog: Catalog) -> PriceBook:
    """The catalog's prices in its most common currency, for matching outside a project."""
    counts: dict[str, int] = {}
    for price in catalog.prices:
        counts[price.currency] = counts.get(price.currency, 0) + 1
    currency = max(counts, key=lambda c: (counts[c], c)) if counts else "GBP"
    settings = CostSettings(currency=currency, exchange=ExchangeRates(currency))
    return PriceBook(catalog.prices, settings)
