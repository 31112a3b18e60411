"""Every constraint a replacement is judged on, declared once.

A ``Constraint`` says what a requirement needs (``needed``), which candidates
of a pool fail (``fails``, one array operation over the whole pool), what one
candidate offers (``offered``, for the explanation) and how much of the need
it reaches (``reach``, for the severity of a deviation). Whether it is hard
is not the constraint's business: it reads the requirement field it checks
(``field``), whose ``hard`` flag says whether the funnel filters on it or the
score only prefers it. The funnel applies the list in order to every
candidate at once, the explanation of an offer reads the same masks and
figures, and the checks are worded by the one formatter. Adding a constraint
is adding one entry to ``CONSTRAINTS``.

Figures the catalog does not have never pass a required check, with one
exception: an unknown power draw passes ("confirm"), because the budget is a
planning check the installer can verify, not a performance the camera must
deliver.
"""

from __future__ import annotations

import dataclasses
import functools
import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import cast

import numpy as np
import numpy.typing as npt

from specassist.domain import optics
from specassist.domain.measures import Detail, Figure, deg, metres, pixels, watts
from specassist.domain.requirements import PANORAMIC, FormFamily, Requirement, Sourced

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]
BoolArray = npt.NDArray[np.bool_]

FOV_TOLERANCE = 1.03
"""A lens may fall 3 % short of the old angle: 100° for an old 103° lens loses 1.5° each side,
within the accuracy of published figures."""
ZOOM_TOLERANCE = 1.05
"""A PTZ's narrowest angle may be 5 % wider than the old one's (3.0° for 2.86°)."""
FAMILIES = list(FormFamily)

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


@dataclass(frozen=True)
class Figures:
    """A pool of candidates' figures, one array per figure; NaN or -1 when unknown."""

    family: IntArray
    wide: FloatArray
    tele: FloatArray
    width_px: FloatArray
    ip_a: IntArray
    ip_b: IntArray
    ip_text: tuple[str | None, ...]
    ik: IntArray
    ik_text: tuple[str | None, ...]
    ir: FloatArray
    power: FloatArray
    audio: npt.NDArray[np.int8]
    """1 yes, 0 no, -1 unknown."""
    alarm: npt.NDArray[np.int8]
    wide_tan: FloatArray
    """tan(wide / 2), the angle capped below 180°: worked out once per pool, not per
    requirement (a tangent costs more than the rest of a constraint)."""
    tele_tan: FloatArray
    narrow_tan: FloatArray
    """tan(setting / 2) of the narrowest setting the lens reaches (``wide_tan`` for a lens
    whose figures are the wrong way round, which ``np.clip`` sets to its wide end)."""
    wide_span_tan: FloatArray
    """tan(wide / 2) and tan(tele / 2) uncapped, for the width of the view at a distance."""
    tele_span_tan: FloatArray
    wide_tolerated: FloatArray
    """wide × FOV_TOLERANCE: the widest scene the lens is accepted for."""

    @classmethod
    def build(
        cls,
        families: Sequence[FormFamily],
        lenses: Sequence[tuple[float, float] | None],
        widths: Sequence[int | None],
        ips: Sequence[str | None],
        iks: Sequence[str | None],
        irs: Sequence[float | None],
        powers: Sequence[float | None],
        audios: Sequence[bool | None],
        alarms: Sequence[bool | None],
    ) -> Figures:
        def floats(values: Sequence[float | int | None]) -> FloatArray:
            return np.array([math.nan if v is None else float(v) for v in values], dtype=float)

        def ints(values: Sequence[int | None]) -> IntArray:
            return np.array([-1 if v is None else v for v in values], dtype=np.int64)

        def flags(values: Sequence[bool | None]) -> npt.NDArray[np.int8]:
            return np.array([-1 if v is None else int(v) for v in values], dtype=np.int8)

        levels = [ip_level(ip) for ip in ips]
        wide = floats([lens[0] if lens else None for lens in lenses])
        tele = floats([lens[1] if lens else None for lens in lenses])
        wide_tan, tele_tan = _half_tan(wide), _half_tan(tele)
        with np.errstate(invalid="ignore"):
            narrow_tan = np.where(tele > wide, wide_tan, tele_tan)
        return cls(
            family=np.array([FAMILIES.index(f) for f in families], dtype=np.int64),
            wide=wide,
            tele=tele,
            width_px=floats(widths),
            ip_a=ints([level[0] if level else None for level in levels]),
            ip_b=ints([level[1] if level else None for level in levels]),
            ip_text=tuple(ips),
            ik=ints([ik_level(ik) for ik in iks]),
            ik_text=tuple(iks),
            ir=floats(irs),
            power=floats(powers),
            audio=flags(audios),
            alarm=flags(alarms),
            wide_tan=wide_tan,
            tele_tan=tele_tan,
            narrow_tan=narrow_tan,
            wide_span_tan=_span_tan(wide),
            tele_span_tan=_span_tan(tele),
            wide_tolerated=wide * FOV_TOLERANCE,
        )

    def __len__(self) -> int:
        return len(self.wide)

    def take(self, idx: IntArray) -> Figures:
        """The figures of candidates ``idx``, in order (a pool's part: one form family)."""
        picked: dict[str, object] = {}
        for item in dataclasses.fields(self):
            value = getattr(self, item.name)
            if isinstance(value, tuple):
                picked[item.name] = tuple(value[i] for i in idx.tolist())
            else:
                picked[item.name] = value[idx]
        return Figures(**picked)  # type: ignore[arg-type]


@dataclass(frozen=True)
class Measures:
    """What each candidate would achieve for one requirement: set as near the scene as its
    lens allows, the pixels it puts across the scene and the density at the target."""

    setting: FloatArray
    px: FloatArray
    density: FloatArray
    distance: float | None


def measure(fig: Figures, req: Requirement) -> Measures:
    n = len(fig)
    scene = req.scene_hfov_deg.value if req.scene_hfov_deg else None
    panoramic = req.form_family.value in PANORAMIC
    distance = req.distance_m.value if req.distance_m else None
    # The setting nearest the scene (np.clip's figures; its call costs more than these two).
    if scene is None:
        setting = fig.wide.copy()
    else:
        setting = np.minimum(np.maximum(scene, fig.tele), fig.wide)
    with np.errstate(invalid="ignore", divide="ignore"):
        if scene is None:
            px = fig.width_px.copy()
        elif panoramic:
            # A panoramic image spreads its pixels evenly along the arc: a 180° camera puts
            # 103/180 of them across a 103° scene.
            px = np.where(scene >= setting, fig.width_px, fig.width_px * scene / setting)
        else:
            # A lens at 180° or more (a fisheye in a pool of any form) has no flat width.
            # Only a lens set narrower than the scene (at its narrowest) loses pixels.
            ratio = math.tan(math.radians(min(scene, 179.0)) / 2) / fig.narrow_tan
            px = np.where(scene >= setting, fig.width_px, fig.width_px * ratio)
        px[np.isnan(setting)] = math.nan
        if distance is not None and distance > 0:
            across: FloatArray = px
            span: FloatArray | float
            if req.form_family.value is FormFamily.PTZ:
                # A PTZ gives its detail at the target zoomed in: its whole width across its
                # narrowest view (the pixels across the old view are counted apart).
                across = fig.width_px
                span = _span(fig.tele, fig.tele_span_tan, distance, panoramic)
            elif scene is not None:
                span = _span(np.array([scene]), None, distance, panoramic)[0]
            else:
                span = _span(setting, fig.wide_span_tan, distance, panoramic)
            density = across / span
        else:
            density = np.full(n, math.nan)
    return Measures(setting, px, density, distance)


def _span(
    angle: FloatArray, span_tan: FloatArray | None, distance: float, panoramic: bool
) -> FloatArray:
    """The width a view of ``angle`` spans at ``distance``: along the arc for a panoramic
    image, else flat (``span_tan``: tan(angle / 2), when the pool has it worked out)."""
    if panoramic:
        return np.asarray(np.radians(angle) * distance, dtype=np.float64)
    if span_tan is None:
        span_tan = _span_tan(angle)
    return np.asarray(2 * distance * span_tan, dtype=np.float64)


def _span_tan(angle: FloatArray) -> FloatArray:
    return np.asarray(np.tan(np.radians(angle) / 2), dtype=np.float64)


def _nan(value: float) -> float | None:
    return None if math.isnan(value) else float(value)


# ------------------------------------------------------------------ the declarations

Needed = object
"""What a requirement asks of one constraint (a number, a level pair, a family …)."""


Reach = Callable[[Figures, Measures, Needed], FloatArray]
"""How much of the need each candidate of a pool reaches (1.0 meets it exactly); NaN where
its figure is unknown."""
Known = Callable[[Figures, Measures], BoolArray]
"""For a yes/no constraint (a form, a rating): where the catalog states the candidate's figure."""


def _always(fig: Figures, _m: Measures) -> BoolArray:
    return np.ones(len(fig), dtype=bool)


@dataclass(frozen=True)
class Constraint:
    """One constraint. ``needed`` returns None when the requirement does not ask for it."""

    name: str
    relation: str
    """How needed and offered compare ("≥", "≤"), written before a needed figure that is an
    amount; a needed text ("IP66 or better", "fixed dome or turret") stands alone."""
    field: Callable[[Requirement], Sourced[object] | None]
    """The requirement field checked: its ``hard`` flag makes the check filter or only score.
    A constraint asked without a field (a lens that must at least be known) is hard."""
    needed: Callable[[Requirement], Needed | None]
    fails: Callable[[Figures, Measures, Needed], BoolArray]
    shown_needed: Callable[[Needed, Measures], Figure]
    offered: Callable[[Figures, Measures, int], Figure]
    reach: Reach | None = None
    """None for a yes/no constraint, whose shortfall is major (``known`` tells an unknown)."""
    grades: tuple[float, float] = (0.9, 0.5)
    """Severity of a shortfall by reach: from the first figure up it is minor, from the second
    up major, below it critical."""
    known: Known = _always
    scene: bool = False
    """Part of what the scene needs (view, pixels, detail): an offer whose catalog row does not
    state the figure cannot be shown to meet the scene, a major shortfall, not a detail to
    confirm."""
    unknown_passes: bool = False
    """An unknown offered figure is "confirm", not a failure (power only)."""
    listed: Callable[[Needed], bool] = lambda _need: True
    """Whether a passing check is worth a line in the explanation."""

    def hard(self, req: Requirement) -> bool:
        source = self.field(req)
        return True if source is None else source.hard


def _num(need: Needed) -> float:
    return cast(float, need)


def _stated(need: Needed) -> bool:
    return isinstance(need, float) and not math.isnan(need)


# form: the family the requirement names (any form when it names none)
def _form_needed(req: Requirement) -> Needed | None:
    family = req.form_family.value
    return None if family is FormFamily.OTHER else FAMILIES.index(family)


def _form_fails(fig: Figures, _m: Measures, need: Needed) -> BoolArray:
    return np.asarray(fig.family != cast(int, need))


def _form_shown(need: Needed, _m: Measures) -> Figure:
    return FAMILIES[cast(int, need)].value


def _form_offered(fig: Figures, _m: Measures, i: int) -> Figure:
    return FAMILIES[int(fig.family[i])].value


# field of view: the lens must open at least as wide as the scene
def _fov_needed(req: Requirement) -> Needed | None:
    return req.scene_hfov_deg.value if req.scene_hfov_deg else math.nan


def _fov_fails(fig: Figures, _m: Measures, scene: Needed) -> BoolArray:
    if _stated(scene):
        # Not covering the scene, or no angle known (NaN compares False).
        return np.asarray(~(_num(scene) <= fig.wide_tolerated))
    return np.isnan(fig.wide)


def _fov_shown(need: Needed, _m: Measures) -> Figure:
    return deg(_num(need)) if _stated(need) else "a published angle"


def _lens_offered(fig: Figures, _m: Measures, i: int) -> Figure:
    wide, tele = _nan(fig.wide[i]), _nan(fig.tele[i])
    if wide is None:
        return None
    return deg(wide) if tele is None or tele == wide else f"{tele:.1f}–{wide:.1f}°"


# zoom: a PTZ must reach the old camera's narrowest view
def _zoom_needed(req: Requirement) -> Needed | None:
    return req.old_tele_hfov_deg.value if req.old_tele_hfov_deg else None


def _zoom_fails(fig: Figures, _m: Measures, tele: Needed) -> BoolArray:
    with np.errstate(invalid="ignore"):
        return np.asarray(np.isnan(fig.wide) | (fig.tele > _num(tele) * ZOOM_TOLERANCE))


def _angle_shown(need: Needed, _m: Measures) -> Figure:
    return deg(_num(need))


def _tele_offered(fig: Figures, _m: Measures, i: int) -> Figure:
    tele = _nan(fig.tele[i])
    return None if tele is None else deg(tele)


# pixels across the scene
def _px_needed(req: Requirement) -> Needed | None:
    return float(req.px_across_scene.value) if req.px_across_scene else None


def _px_fails(_fig: Figures, m: Measures, need: Needed) -> BoolArray:
    # Not "at least the need" is below it or unknown (NaN compares False); the need, a count
    # of pixels, is never NaN.
    return np.asarray(~(m.px >= _num(need)))


def _px_shown(need: Needed, _m: Measures) -> Figure:
    return pixels(_num(need))


def _px_offered(_fig: Figures, m: Measures, i: int) -> Figure:
    px = _nan(m.px[i])
    return None if px is None else pixels(px)


# image detail (DORI) at the target distance
def _dori_needed(req: Requirement) -> Needed | None:
    if req.dori is None or req.distance_m is None:
        return None
    return Detail(optics.DORI_PX_PER_M[req.dori.value], req.distance_m.value)


def _dori_fails(_fig: Figures, m: Measures, need: Needed) -> BoolArray:
    wanted = cast(Detail, need).density_px_per_m
    return np.asarray(~(m.density >= wanted - 1e-9))  # below it, or unknown (as pixels)


def _detail_shown(need: Needed, _m: Measures) -> Figure:
    return cast(Detail, need)


def _density_offered(_fig: Figures, m: Measures, i: int) -> Figure:
    density = _nan(m.density[i])
    return None if density is None else Detail(density, m.distance)


# ingress and impact ratings: (parsed level, the rating as written)
Rating = tuple[tuple[int, ...] | None, str]


def _ip_needed(req: Requirement) -> Needed | None:
    return (ip_level(req.min_ip.value), req.min_ip.value) if req.min_ip else None


def _ik_needed(req: Requirement) -> Needed | None:
    if req.min_ik is None:
        return None
    level = ik_level(req.min_ik.value)
    return (None if level is None else (level,), req.min_ik.value)


def _below(a: IntArray, b: IntArray | None, level: tuple[int, ...] | None) -> BoolArray:
    """True where a rating is unknown or below ``level`` (no level: nothing can meet it)."""
    if level is None:
        return np.ones(len(a), dtype=bool)
    below = a < level[0]
    if b is not None and len(level) > 1:
        below = below | ((a == level[0]) & (b < level[1]))
    return np.asarray((a < 0) | below)


def _ip_fails(fig: Figures, _m: Measures, need: Needed) -> BoolArray:
    return _below(fig.ip_a, fig.ip_b, cast(Rating, need)[0])


def _ik_fails(fig: Figures, _m: Measures, need: Needed) -> BoolArray:
    return _below(fig.ik, None, cast(Rating, need)[0])


def _rating_shown(need: Needed, _m: Measures) -> Figure:
    return f"{cast(Rating, need)[1]} or better"


def _ip_offered(fig: Figures, _m: Measures, i: int) -> Figure:
    return fig.ip_text[i]


def _ik_offered(fig: Figures, _m: Measures, i: int) -> Figure:
    return fig.ik_text[i]


# infrared range
def _ir_needed(req: Requirement) -> Needed | None:
    return req.min_ir_m.value if req.min_ir_m else None


def _ir_fails(fig: Figures, _m: Measures, need: Needed) -> BoolArray:
    with np.errstate(invalid="ignore"):
        return np.asarray(np.isnan(fig.ir) | (fig.ir < _num(need)))


def _length_shown(need: Needed, _m: Measures) -> Figure:
    return metres(_num(need))


def _ir_offered(fig: Figures, _m: Measures, i: int) -> Figure:
    ir = _nan(fig.ir[i])
    return None if ir is None else metres(ir)


# power budget of the port
def _power_needed(req: Requirement) -> Needed | None:
    return req.max_power_w.value if req.max_power_w else None


def _power_fails(fig: Figures, _m: Measures, need: Needed) -> BoolArray:
    return np.asarray(fig.power > _num(need) + 1e-9)  # an unknown draw (NaN) compares False


def _power_shown(need: Needed, _m: Measures) -> Figure:
    return watts(_num(need))


def _power_offered(fig: Figures, _m: Measures, i: int) -> Figure:
    power = _nan(fig.power[i])
    return None if power is None else watts(power)


# audio and alarm I/O, required only when the survey says they were used
def _audio_needed(req: Requirement) -> Needed | None:
    return True if req.audio is not None else None


def _alarm_needed(req: Requirement) -> Needed | None:
    return True if req.alarm_io is not None else None


def _audio_fails(fig: Figures, _m: Measures, _need: Needed) -> BoolArray:
    return np.asarray(fig.audio != 1)


def _alarm_fails(fig: Figures, _m: Measures, _need: Needed) -> BoolArray:
    return np.asarray(fig.alarm != 1)


def _yes_shown(_need: Needed, _m: Measures) -> Figure:
    return True


def _audio_offered(fig: Figures, _m: Measures, i: int) -> Figure:
    return None if fig.audio[i] < 0 else bool(fig.audio[i])


def _alarm_offered(fig: Figures, _m: Measures, i: int) -> Figure:
    return None if fig.alarm[i] < 0 else bool(fig.alarm[i])


# how much of the need each candidate reaches, for the severity of a shortfall
def _share(values: FloatArray, need: float) -> FloatArray:
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.asarray(values / need if need > 0 else values * math.nan, dtype=np.float64)


def _half_tan(angles: FloatArray | float) -> FloatArray:
    return np.asarray(np.tan(np.radians(np.minimum(angles, 179.0)) / 2), dtype=np.float64)


def _fov_reach(fig: Figures, _m: Measures, scene: Needed) -> FloatArray:
    """The share of the scene's width the widest setting covers: tan(wide/2) / tan(scene/2)."""
    if not _stated(scene):
        return np.full(len(fig), math.nan)
    return _share(fig.wide_tan, float(_half_tan(_num(scene))))


def _zoom_reach(fig: Figures, _m: Measures, tele: Needed) -> FloatArray:
    """How far the zoom reaches: tan(needed/2) / tan(offered tele/2) (1.0 reaches it)."""
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.asarray(_half_tan(_num(tele)) / fig.tele_tan, dtype=np.float64)


def _px_reach(_fig: Figures, m: Measures, need: Needed) -> FloatArray:
    return _share(m.px, _num(need))


def _dori_reach(_fig: Figures, m: Measures, need: Needed) -> FloatArray:
    return _share(m.density, cast(Detail, need).density_px_per_m)


def _ir_reach(fig: Figures, _m: Measures, need: Needed) -> FloatArray:
    return _share(fig.ir, _num(need))


def _power_reach(fig: Figures, _m: Measures, need: Needed) -> FloatArray:
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.asarray(_num(need) / fig.power, dtype=np.float64)


def _ip_known(fig: Figures, _m: Measures) -> BoolArray:
    return np.asarray(fig.ip_a >= 0)


def _ik_known(fig: Figures, _m: Measures) -> BoolArray:
    return np.asarray(fig.ik >= 0)


def _audio_known(fig: Figures, _m: Measures) -> BoolArray:
    return np.asarray(fig.audio >= 0)


def _alarm_known(fig: Figures, _m: Measures) -> BoolArray:
    return np.asarray(fig.alarm >= 0)


IR_GRADES = (1 / 1.2, 0.5)
"""Infrared that reaches the target but not its margin (40 m for a 48 m need at 40 m) is a
minor shortfall; under half the need is critical."""


CONSTRAINTS: tuple[Constraint, ...] = (
    Constraint("form", "", lambda r: r.form_family, _form_needed, _form_fails, _form_shown,
               _form_offered),
    # Without a scene angle a lens only has to be known: say so only when it is not.
    # Covering 95 % of the scene's width is a minor shortfall, under 75 % a critical one.
    Constraint("field of view", "≥", lambda r: r.scene_hfov_deg, _fov_needed, _fov_fails,
               _fov_shown, _lens_offered, _fov_reach, (0.95, 0.75), listed=_stated,
               scene=True),
    Constraint("zoom", "≤", lambda r: r.old_tele_hfov_deg, _zoom_needed, _zoom_fails,
               _angle_shown, _tele_offered, _zoom_reach, (0.8, 0.5)),
    Constraint("pixels on target", "≥", lambda r: r.px_across_scene, _px_needed, _px_fails,
               _px_shown, _px_offered, _px_reach, scene=True),
    # Half the density is one IEC 62676-4 level down (identify 250 → recognise 125 px/m).
    Constraint("DORI at target", "≥", lambda r: r.dori, _dori_needed, _dori_fails,
               _detail_shown, _density_offered, _dori_reach, scene=True),
    Constraint("ingress (IP)", "", lambda r: r.min_ip, _ip_needed, _ip_fails, _rating_shown,
               _ip_offered, known=_ip_known),
    Constraint("impact (IK)", "", lambda r: r.min_ik, _ik_needed, _ik_fails, _rating_shown,
               _ik_offered, known=_ik_known),
    Constraint("IR range", "≥", lambda r: r.min_ir_m, _ir_needed, _ir_fails, _length_shown,
               _ir_offered, _ir_reach, IR_GRADES),
    # Power over the port's budget takes a midspan or another port: never critical.
    Constraint("power", "≤", lambda r: r.max_power_w, _power_needed, _power_fails,
               _power_shown, _power_offered, _power_reach, (0.9, 0.0), unknown_passes=True),
    Constraint("audio", "", lambda r: r.audio, _audio_needed, _audio_fails, _yes_shown,
               _audio_offered, known=_audio_known),
    Constraint("alarm I/O", "", lambda r: r.alarm_io, _alarm_needed, _alarm_fails, _yes_shown,
               _alarm_offered, known=_alarm_known),
)  # fmt: skip
NAMES = tuple(c.name for c in CONSTRAINTS)
"""The funnel's order; also the order checks are listed in an explanation."""
