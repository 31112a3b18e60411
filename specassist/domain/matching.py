"""Pick compliant replacement models for a requirement, and say why.

Hard constraints filter the catalog in a fixed order (form, field of view,
zoom, pixels, DORI, IP, IK, IR, power, audio, alarm I/O); the order is also
the funnel used to say which constraint removed the last candidates when
nothing fits. A score then ranks what is left (see ``base_scores``).

Figures the catalog does not have are never assumed to meet a requirement,
with one exception: an unknown power draw passes with a "confirm" note,
because the budget is a planning check the installer can verify, not a
performance the camera must deliver.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

from specassist.domain import funnel, optics
from specassist.domain.catalog import (
    Accessory,
    AccessoryKind,
    CameraModel,
    Catalog,
    FormFactor,
    Price,
)
from specassist.domain.funnel import FOV_TOLERANCE, ZOOM_TOLERANCE
from specassist.domain.requirements import (
    FAMILY_OF,
    PANORAMIC,
    POE_BUDGET_W,
    FormFamily,
    MountKind,
    Requirement,
)
from specassist.domain.survey import DoriLevel

# FOV_TOLERANCE and ZOOM_TOLERANCE live in ``funnel``, which applies them to whole pools.

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
class Check:
    """One constraint: what was needed, what the model offers, and whether it passes.

    ``ok`` is ``None`` when the catalog cannot say and the constraint lets that pass.
    """

    name: str
    required: str
    offered: str
    ok: bool | None


@dataclass(frozen=True, slots=True)
class AccessoryUse:
    accessory: Accessory | None
    purpose: str
    note: str = ""


@dataclass(frozen=True, slots=True)
class Offer:
    model: CameraModel
    role: str
    score: float
    checks: tuple[Check, ...]
    setting_hfov_deg: float | None = None
    px_across: float | None = None
    density_px_per_m: float | None = None
    dori_after: DoriLevel | None = None
    accessories: tuple[AccessoryUse, ...] = ()
    price: Price | None = None

    @property
    def failed(self) -> tuple[Check, ...]:
        return tuple(c for c in self.checks if c.ok is False)


@dataclass(frozen=True, slots=True)
class Match:
    requirement: Requirement
    choice: Offer | None
    alternates: tuple[Offer, ...] = ()
    no_match_reason: str | None = None
    nearest_miss: Offer | None = None
    considered: int = 0
    removed_by: dict[str, int] = field(default_factory=dict)


CHECK_ORDER = (
    "form",
    "field of view",
    "zoom",
    "pixels on target",
    "DORI at target",
    "ingress (IP)",
    "impact (IK)",
    "IR range",
    "power",
    "audio",
    "alarm I/O",
)


_DIGITS = re.compile(r"(\d)(\d|K\d)")


@functools.lru_cache(maxsize=512)
def ip_level(rating: str | None) -> tuple[int, int] | None:
    """'IP66' → (6, 6); 'IP6K9K' → (6, 9); the best of 'IP66;IP67'."""
    if not rating:
        return None
    found = [
        (int(m.group(1)), int(m.group(2)[-1]))
        for m in _DIGITS.finditer(rating.upper().replace("IP", " "))
    ]
    return max(found) if found else None


@functools.lru_cache(maxsize=64)
def ik_level(rating: str | None) -> int | None:
    match = re.search(r"(\d+)", rating or "")
    return int(match.group(1)) if match else None


@dataclass(slots=True)
class _Candidate:
    """A catalog model with the figures the hard constraints compare, parsed once."""

    model: CameraModel
    family: FormFamily
    lens: optics.LensRange | None
    price: Price | None
    power_w: float | None
    width_px: int | None = None
    ip: tuple[int, int] | None = None
    ik: int | None = None

    def __post_init__(self) -> None:
        self.width_px = self.model.resolution.width if self.model.resolution else None
        self.ip = ip_level(self.model.ip_rating)
        self.ik = ik_level(self.model.ik_rating)


def measure(cand: _Candidate, req: Requirement) -> tuple[float | None, float | None, float | None]:
    """The lens setting nearest the scene, the pixels across the scene and the density there."""
    lens = cand.lens
    if lens is None:
        return None, None, None
    scene = req.scene_hfov_deg.value if req.scene_hfov_deg else None
    setting = lens.clamp(scene) if scene is not None else lens.wide_deg
    if cand.width_px is None:
        return setting, None, None
    fisheye = req.form_family.value in PANORAMIC
    px = (
        float(cand.width_px)
        if fisheye or scene is None
        else optics.pixels_across(cand.width_px, setting, scene)
    )
    density = None
    if req.distance_m is not None:
        angle = scene if scene is not None else setting
        density = px / optics.span_m(angle, req.distance_m.value, fisheye)
    return setting, px, density


def failures(cand: _Candidate, req: Requirement) -> Iterator[str]:
    """The hard constraints ``cand`` fails, in ``CHECK_ORDER`` (lazily: take the first cheaply).

    The numeric twin of ``Matcher._evaluate``, which also words each check for the
    explanation: this one runs for every candidate, that one only for the few that
    pass or when nothing does. A test holds the two to the same answers.
    """
    family = req.form_family.value
    if family is not FormFamily.OTHER and cand.family is not family:
        yield "form"
    lens = cand.lens
    scene = req.scene_hfov_deg.value if req.scene_hfov_deg else None
    if lens is None or (scene is not None and scene > lens.wide_deg * FOV_TOLERANCE):
        yield "field of view"
    if req.old_tele_hfov_deg is not None and (
        lens is None or lens.tele_deg > req.old_tele_hfov_deg.value * ZOOM_TOLERANCE
    ):
        yield "zoom"
    _, px, density = measure(cand, req)
    if req.px_across_scene is not None and (px is None or px < req.px_across_scene.value):
        yield "pixels on target"
    if (
        req.dori is not None
        and req.distance_m is not None
        and (density is None or density < optics.DORI_PX_PER_M[req.dori.value] - 1e-9)
    ):
        yield "DORI at target"
    if req.min_ip is not None:
        need_ip = ip_level(req.min_ip.value)
        if cand.ip is None or need_ip is None or cand.ip < need_ip:
            yield "ingress (IP)"
    if req.min_ik is not None:
        need_ik = ik_level(req.min_ik.value)
        if cand.ik is None or need_ik is None or cand.ik < need_ik:
            yield "impact (IK)"
    if req.min_ir_m is not None:
        ir = cand.model.ir_range_m
        if ir is None or ir < req.min_ir_m.value:
            yield "IR range"
    if (
        req.max_power_w is not None
        and cand.power_w is not None
        and cand.power_w > req.max_power_w.value + 1e-9
    ):
        yield "power"
    if req.audio is not None and cand.model.audio is not True:
        yield "audio"
    if req.alarm_io is not None and not (cand.model.alarm_inputs or cand.model.alarm_outputs):
        yield "alarm I/O"


class Matcher:
    """Matches requirements against the allowed part of a catalog; identical ones once."""

    def __init__(
        self,
        catalog: Catalog,
        allowed_vendor: Callable[[str], bool],
        currency: str | None = None,
    ) -> None:
        self.currency = currency or _main_currency(catalog)
        prices = _cheapest_prices(catalog, self.currency)
        self._accessories: dict[str, list[Accessory]] = {}
        for accessory in catalog.accessories:
            self._accessories.setdefault(accessory.vendor_id, []).append(accessory)
        verdicts: dict[str, bool] = {}
        self.by_family: dict[FormFamily, list[_Candidate]] = {}
        self.candidates: list[_Candidate] = []
        for model in catalog.models:
            if model.discontinued:
                continue
            if model.vendor_id not in verdicts:
                verdicts[model.vendor_id] = allowed_vendor(model.vendor_id)
            if not verdicts[model.vendor_id]:
                continue
            width = optics.sensor_width(model.sensor_width_mm, model.sensor_format)
            lens = optics.lens_range(
                model.hfov_max_deg,
                model.hfov_min_deg,
                model.focal_min_mm,
                model.focal_max_mm,
                width,
            )
            power = model.max_power_w
            if power is None and model.poe_class is not None:
                power = POE_BUDGET_W.get(model.poe_class)
            candidate = _Candidate(
                model, FAMILY_OF[model.form_factor], lens, prices.get(model.key), power
            )
            self.candidates.append(candidate)
            self.by_family.setdefault(candidate.family, []).append(candidate)
        self._pools = {family: _Pool.of(pool) for family, pool in self.by_family.items()}
        self._all = _Pool.of(self.candidates)
        self._mount_cache: dict[
            tuple[str, MountKind | None, tuple[str, ...]], tuple[AccessoryUse, ...]
        ] = {}
        self._cache: dict[Requirement, Match] = {}

    # ------------------------------------------------------------------ public

    def match(self, requirement: Requirement) -> Match:
        if requirement not in self._cache:
            self._cache[requirement] = self._match(requirement)
        return self._cache[requirement]

    def offer(
        self, model_key: str, requirement: Requirement, role: str = "override"
    ) -> Offer | None:
        """A chosen model judged against the requirement, failures and all; None if not allowed.

        A person may pick a model the matcher would not: the explanation then shows
        which constraints it misses, so the choice is informed and on record.
        """
        candidate = next((c for c in self.candidates if c.model.key == model_key), None)
        if candidate is None:
            return None
        offer = self._evaluate(candidate, requirement)
        return _with_role(offer, role)

    # ----------------------------------------------------------------- private

    def _match(self, req: Requirement) -> Match:
        family = req.form_family.value
        pool = self._all if family is FormFamily.OTHER else self._pools.get(family)
        first_fail: dict[str, int] = {}
        size = len(pool.candidates) if pool else 0
        if size < len(self.candidates):
            first_fail["form"] = len(self.candidates) - size
        if pool is None or size == 0:
            return self._no_match(req, [], first_fail, None)
        outcome = funnel.run(pool.columns, _query(req))
        counts = np.bincount(outcome.first_failure + 1, minlength=len(CHECK_ORDER) + 1)
        for position in range(1, len(CHECK_ORDER)):
            if counts[position + 1]:
                first_fail[CHECK_ORDER[position]] = int(counts[position + 1])
        passers = np.flatnonzero(outcome.first_failure == funnel.NO_FAILURE)
        if passers.size == 0:
            return self._no_match(req, pool.candidates, first_fail, outcome)
        scores = self._scores(pool, passers, outcome, req)
        picks = _picks(pool, passers, scores, outcome.px[passers])
        offers = [
            _with_role(self._evaluate(pool.candidates[i], req), role, score)
            for i, role, score in picks
        ]
        return Match(req, offers[0], tuple(offers[1:]), considered=size, removed_by=first_fail)

    def _scores(
        self, pool: _Pool, passers: npt.NDArray[np.int64], outcome: funnel.Outcome,
        req: Requirement,
    ) -> npt.NDArray[np.float64]:  # fmt: skip
        """``base_scores`` for every passing candidate, then the relative cost term."""
        penalties = np.array([_penalty(self._mounting(pool.candidates[i].model, req))
                              for i in passers])  # fmt: skip
        score = base_scores(req, pool.form[passers], pool.verified[passers],
                            outcome.setting[passers], outcome.px[passers],
                            outcome.density[passers], penalties)  # fmt: skip
        prices = pool.price[passers]
        priced = ~np.isnan(prices)
        if priced.any():
            low, high = prices[priced].min(), prices[priced].max()
            span = high - low
            cost = np.where(priced, W_COST * (prices - low) / span if span else 0.0, W_COST / 2)
            score -= np.nan_to_num(cost, nan=W_COST / 2)
        else:
            score -= W_COST / 2
        return np.round(score, 2)

    def _no_match(
        self,
        req: Requirement,
        pool: list[_Candidate],
        first_fail: dict[str, int],
        outcome: funnel.Outcome | None,
    ) -> Match:
        if not self.candidates:
            return Match(req, None, no_match_reason="no allowed model in the catalog")
        last = max(first_fail, key=CHECK_ORDER.index)
        if pool and outcome is not None:
            keys = [c.model.key for c in pool]
            order = sorted(range(len(pool)), key=lambda i: (int(outcome.failure_count[i]), keys[i]))
            fewest = pool[order[0]]
        else:
            misses = pool or self.candidates
            fewest = min(misses, key=lambda c: (len(list(failures(c, req))), c.model.key))
        nearest = self._evaluate(fewest, req)
        reason = (
            f"{last} removed the last {first_fail[last]} candidate(s); "
            f"nearest miss {nearest.model.vendor_id} {nearest.model.model} fails "
            + "; ".join(f"{c.name} (needs {c.required}, has {c.offered})" for c in nearest.failed)
        )
        return Match(
            req,
            None,
            no_match_reason=reason,
            nearest_miss=_with_role(nearest, "nearest miss"),
            considered=len(pool),
            removed_by=first_fail,
        )

    def _evaluate(self, cand: _Candidate, req: Requirement) -> Offer:
        """Every check worded for the explanation, with the figures the offer carries."""
        model = cand.model
        checks: list[Check] = []
        family = req.form_family.value
        checks.append(Check("form", family.value, model.form_factor.value,
                            family is FormFamily.OTHER or cand.family is family))  # fmt: skip
        lens = cand.lens
        scene = req.scene_hfov_deg.value if req.scene_hfov_deg else None
        if lens is None:
            checks.append(Check("field of view", _deg(scene) if scene else "known", "unknown",
                                False))  # fmt: skip
        elif scene is not None:
            offered = (
                _deg(lens.wide_deg)
                if lens.wide_deg == lens.tele_deg
                else f"{_deg(lens.tele_deg)}–{_deg(lens.wide_deg)}"
            )
            checks.append(Check("field of view", f"≥ {_deg(scene)}", offered,
                                scene <= lens.wide_deg * FOV_TOLERANCE))  # fmt: skip
        if req.old_tele_hfov_deg is not None:
            old_tele = req.old_tele_hfov_deg.value
            tele = lens.tele_deg if lens else None
            ok_zoom = tele is not None and tele <= old_tele * ZOOM_TOLERANCE
            checks.append(Check("zoom", f"≤ {_deg(old_tele)} at tele", _deg(tele), ok_zoom))
        setting, px, density = measure(cand, req)
        if req.px_across_scene is not None:
            need = req.px_across_scene.value
            checks.append(Check("pixels on target", f"≥ {need} px", _px(px),
                                px is not None and px >= need))  # fmt: skip
        dori = optics.dori_level(density) if density is not None else None
        if req.dori is not None and req.distance_m is not None:
            need_density = optics.DORI_PX_PER_M[req.dori.value]
            offered = (
                f"{density:.0f} px/m ({dori.value if dori else 'below monitor'})"
                if density is not None
                else "unknown"
            )
            checks.append(Check(
                "DORI at target",
                f"{req.dori.value.value} ({need_density:g} px/m) at {req.distance_m.value:g} m",
                offered, density is not None and density >= need_density - 1e-9,
            ))  # fmt: skip
        if req.min_ip is not None:
            have, need_ip = ip_level(model.ip_rating), ip_level(req.min_ip.value)
            ok_ip = have is not None and need_ip is not None and have >= need_ip
            checks.append(Check("ingress (IP)", f"≥ {req.min_ip.value}",
                                model.ip_rating or "unknown", ok_ip))  # fmt: skip
        if req.min_ik is not None:
            have_ik, need_ik = ik_level(model.ik_rating), ik_level(req.min_ik.value)
            checks.append(Check("impact (IK)", f"≥ {req.min_ik.value}",
                                model.ik_rating or "unknown",
                                have_ik is not None and need_ik is not None
                                and have_ik >= need_ik))  # fmt: skip
        if req.min_ir_m is not None:
            ir = model.ir_range_m
            checks.append(Check("IR range", f"≥ {req.min_ir_m.value:g} m", _m(ir),
                                ir is not None and ir >= req.min_ir_m.value))  # fmt: skip
        if req.max_power_w is not None:
            budget, power = req.max_power_w.value, cand.power_w
            checks.append(Check("power", f"≤ {budget:g} W",
                                f"{power:g} W" if power is not None else "not stated: confirm",
                                None if power is None else power <= budget + 1e-9))  # fmt: skip
        if req.audio is not None:
            checks.append(Check("audio", "yes", _yes(model.audio), model.audio is True))
        if req.alarm_io is not None:
            has_io = bool(model.alarm_inputs or model.alarm_outputs)
            known = model.alarm_inputs is not None
            checks.append(Check("alarm I/O", "yes", _yes(has_io if known else None), has_io))
        failed = any(c.ok is False for c in checks)
        accessories = () if failed else self._mounting(model, req)

        def one(value: float | None) -> npt.NDArray[np.float64]:
            return np.array([np.nan if value is None else value])

        score = float(base_scores(req, np.array([_FORMS.index(model.form_factor)]),
                                  np.array([model.provenance.verified]), one(setting), one(px),
                                  one(density), one(_penalty(accessories)))[0])  # fmt: skip
        return Offer(model, "", score, tuple(checks), setting, px, density, dori, accessories,
                     cand.price)  # fmt: skip

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
        margin = density / optics.DORI_PX_PER_M[req.dori.value]
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
    columns: funnel.Columns
    form: npt.NDArray[np.int64]
    verified: npt.NDArray[np.bool_]
    price: npt.NDArray[np.float64]
    name_rank: npt.NDArray[np.int64]
    """Position in (vendor, model) order: the tie-break that keeps choices stable."""

    @classmethod
    def of(cls, candidates: list[_Candidate]) -> _Pool:
        columns = funnel.Columns.build(
            [(c.lens.wide_deg, c.lens.tele_deg) if c.lens else None for c in candidates],
            [c.width_px for c in candidates],
            [c.ip for c in candidates],
            [c.ik for c in candidates],
            [c.model.ir_range_m for c in candidates],
            [c.power_w for c in candidates],
            [c.model.audio is True for c in candidates],
            [bool(c.model.alarm_inputs or c.model.alarm_outputs) for c in candidates],
        )
        keys = [(c.model.vendor_id, c.model.model) for c in candidates]
        names = sorted(range(len(candidates)), key=keys.__getitem__)
        rank = np.empty(len(candidates), dtype=np.int64)
        rank[names] = np.arange(len(candidates))
        return cls(
            candidates,
            columns,
            np.array([_FORMS.index(c.model.form_factor) for c in candidates], dtype=np.int64),
            np.array([c.model.provenance.verified for c in candidates], dtype=bool),
            np.array([float(c.price.amount) if c.price else np.nan for c in candidates]),
            rank,
        )


def _query(req: Requirement) -> funnel.Query:
    return funnel.Query(
        scene=req.scene_hfov_deg.value if req.scene_hfov_deg else None,
        old_tele=req.old_tele_hfov_deg.value if req.old_tele_hfov_deg else None,
        need_px=req.px_across_scene.value if req.px_across_scene else None,
        distance=req.distance_m.value if req.distance_m else None,
        need_density=optics.DORI_PX_PER_M[req.dori.value] if req.dori else None,
        panoramic=req.form_family.value in PANORAMIC,
        need_ip=ip_level(req.min_ip.value) if req.min_ip else None,
        ip_required=req.min_ip is not None,
        need_ik=ik_level(req.min_ik.value) if req.min_ik else None,
        ik_required=req.min_ik is not None,
        need_ir=req.min_ir_m.value if req.min_ir_m else None,
        budget=req.max_power_w.value if req.max_power_w else None,
        audio=req.audio is not None,
        alarm=req.alarm_io is not None,
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


def _with_role(offer: Offer, role: str, score: float | None = None) -> Offer:
    return Offer(
        offer.model, role, offer.score if score is None else score, offer.checks,
        offer.setting_hfov_deg, offer.px_across, offer.density_px_per_m, offer.dori_after,
        offer.accessories, offer.price,
    )  # fmt: skip


def _main_currency(catalog: Catalog) -> str | None:
    counts: dict[str, int] = {}
    for price in catalog.prices:
        counts[price.currency] = counts.get(price.currency, 0) + 1
    return max(counts, key=lambda c: counts[c]) if counts else None


def _cheapest_prices(catalog: Catalog, currency: str | None) -> dict[str, Price]:
    best: dict[str, Price] = {}
    for price in catalog.prices:
        if currency is not None and price.currency != currency:
            continue
        if price.item not in best or price.amount < best[price.item].amount:
            best[price.item] = price
    return best


def _deg(value: float | None) -> str:
    return "unknown" if value is None else f"{value:.1f}°"


def _px(value: float | None) -> str:
    return "unknown" if value is None else f"{value:.0f} px"


def _m(value: float | None) -> str:
    return "unknown" if value is None else f"{value:g} m"


def _yes(value: bool | None) -> str:
    return "unknown" if value is None else "yes" if value else "no"
