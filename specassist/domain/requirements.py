"""What a replacement must achieve: the scene first, the old camera's datasheet second.

A requirement is what the scene needs — the detail at the target (the survey's
purpose, else what the old camera achieved there), the width of the scene (the
old view at the target), infrared to the target distance with a margin, the
environment of the site, the power of the port when the survey names it.
Those are **hard**: the matcher offers only models that meet them, or says in
numbers where it falls short. Figures that merely describe the old camera
(its IR rating, its zoom, its PoE class, the detail level it happened to
reach) are **soft**: preferences in the score, unless the project marks them
required (``Options.required``). Every field records where it came from and
whether it is hard, so the tender can say "48 m, target 40 m + 20 % margin"
and the user can see what was assumed.

When nothing says what the old camera saw — a lens with no resolution to size
its sensor, or no lens, angle or catalog entry at all — the requirement
carries ``site_check`` and the camera is measured on site, never sized on a
guess.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from typing import Generic, TypeVar

from specassist.domain import optics, view_estimate
from specassist.domain.catalog import CameraModel, FormFactor
from specassist.domain.measures import Amount, Detail, Note, deg, metres, px_per_m, watts
from specassist.domain.survey import DoriLevel, SurveyCamera

T_co = TypeVar("T_co", covariant=True)

PIXEL_TOLERANCE = 0.90
"""Like-for-like may lose up to 10 % of the pixels across the old view. Worked example: an old
2688-px camera with a 90° lens; a 2560-px (4 MP) replacement whose lens is 95° puts
2560 × tan 45° / tan 47.5° = 2346 px across the old view, 87 % — refused; with a 92° lens it
puts 2472 px, 92 % — accepted. Vendors' published angles for the same focal length differ by a
few degrees, and 4 MP sensors come as 2560 or 2688 px wide; a tighter tolerance would refuse
replacements a specialist would call like-for-like."""

POE_BUDGET_W = {0: 12.95, 1: 3.84, 2: 6.49, 3: 12.95, 4: 25.5, 5: 40.0, 6: 51.0, 7: 62.0, 8: 71.3}
"""Power at the powered device per IEEE 802.3 class (domain notes §5)."""

OUTDOOR_IP = "IP66"
VANDAL_IK = "IK10"

IR_MARGIN = 1.2
"""Infrared must reach 20 % beyond the target. A published IR range is the distance at which
the maker's test target is just seen; light falls with the square of distance and real
targets reflect less, so 1.2 × the distance puts 1.2² = 1.44 × the rated minimum of light on
the target. Worked example: a fence at 40 m needs IR ≥ 48 m, whatever the old camera's
datasheet claimed (60 m). A planning margin, not a standard's figure."""

PREFERENCE_NAMES = ("IR range", "power", "zoom", "DORI at target")
"""Requirements that are preferences unless the project marks them required (``Options``):
they can come from the old camera's datasheet rather than from the scene."""


class Origin(StrEnum):
    SURVEY = "survey"
    OLD_DATASHEET = "old camera's datasheet"
    OLD_LENS = "old camera's lens, computed"
    ESTIMATED = "estimated from the typical sensor"
    MODEL_NUMBER = "old model number's pattern"
    DERIVED = "derived"
    DEFAULT = "default"


@dataclass(frozen=True, slots=True)
class Sourced(Generic[T_co]):
    """A requirement value and where it came from (read-only, so a ``Sourced[FormFamily]``
    is a ``Sourced[object]`` wherever only reading is done).

    ``hard`` says whether a replacement must meet it (the funnel filters on it) or only
    should (it earns points in the score): a property of the requirement, never of the
    constraint that checks it.
    """

    value: T_co
    origin: Origin
    note: Note | None = None
    hard: bool = True


class FormFamily(StrEnum):
    """Forms that can replace one another without changing what the camera is for."""

    FIXED_DOME = "fixed dome or turret"
    BULLET = "bullet or box"
    PTZ = "PTZ"
    FISHEYE = "fisheye (360°)"
    MULTISENSOR = "multi-sensor"
    OTHER = "other"


FAMILY_OF: dict[FormFactor, FormFamily] = {
    FormFactor.DOME: FormFamily.FIXED_DOME,
    FormFactor.TURRET: FormFamily.FIXED_DOME,
    FormFactor.CUBE: FormFamily.FIXED_DOME,
    FormFactor.BULLET: FormFamily.BULLET,
    FormFactor.BOX: FormFamily.BULLET,
    FormFactor.PTZ: FormFamily.PTZ,
    FormFactor.FISHEYE: FormFamily.FISHEYE,
    FormFactor.MULTISENSOR: FormFamily.MULTISENSOR,
    FormFactor.BODYCAM: FormFamily.OTHER,
    FormFactor.OTHER: FormFamily.OTHER,
}


PANORAMIC = frozenset({FormFamily.FISHEYE, FormFamily.MULTISENSOR})
"""Families whose images are not rectilinear: their pixels spread along an arc."""


class MountKind(StrEnum):
    CEILING = "ceiling"
    WALL = "wall"
    POLE = "pole"
    CORNER = "corner"
    PENDANT = "pendant"
    PARAPET = "parapet"
    JUNCTION_BOX = "junction_box"


_MOUNT_WORDS: list[tuple[re.Pattern[str], MountKind]] = [
    (
        re.compile(
            r"junction|back ?box|j-?box|conduit box|gang|electrical box|\b4 ?s\b|octagon", re.I
        ),
        MountKind.JUNCTION_BOX,
    ),
    (re.compile(r"pole|column|mast|lamp ?post", re.I), MountKind.POLE),
    (re.compile(r"corner", re.I), MountKind.CORNER),
    (re.compile(r"pendant|drop|hanging", re.I), MountKind.PENDANT),
    (re.compile(r"parapet|roof", re.I), MountKind.PARAPET),
    (re.compile(r"ceiling|soffit|flush|recess|surface", re.I), MountKind.CEILING),
    (re.compile(r"wall|bracket|fa[cç]ade|gable", re.I), MountKind.WALL),
]
_PART_NUMBER = re.compile(r"\b([A-Z]{1,4}-?[0-9][A-Z0-9-]{3,})\b")


def mount_kind(text: str | None) -> MountKind | None:
    """'Wall bracket', 'pole (200 mm)', 'J-box DS-1280ZJ-XS' → a mount kind; None if unclear."""
    if not text:
        return None
    for pattern, kind in _MOUNT_WORDS:
        if pattern.search(text):
            return kind
    return None


FIXING_PREFIX = "fixing:"
STANDARD_FIXINGS = {
    "fixing:electrical-box": "a standard electrical junction or gang box (single or double "
    'gang, 4" square, 4" octagon)',
}
"""Fixings that are not one maker's part: an adapter listed for them (``adapts_from``) covers
any camera that sat on such a box. Vendors sell these as "J-Box/Gang Box Plate" (Axis)."""

_BOX_WORDS = re.compile(
    r"\b(single|double|one|two|[12])[- ]?gang\b|\bgang ?box|\b4 ?s\b|4[\" ]*(in(ch)?)? ?square|"
    r"octagon|electrical box|pattress",
    re.I,
)


def mount_parts(text: str | None) -> tuple[str, ...]:
    """Part numbers and standard fixings named in the survey's mount cell ('J-box DS-1280ZJ-XS',
    'single gang box'), to look for adapters that cover them."""
    parts = tuple(m.upper() for m in _PART_NUMBER.findall(text or ""))
    if text and _BOX_WORDS.search(text):
        parts += ("fixing:electrical-box",)
    return parts


@dataclass(frozen=True, slots=True)
class Requirement:
    """What the replacement must do. Frozen and hashable: identical cameras are matched once.

    ``scene_hfov_deg`` is the angle the new camera must be able to cover;
    ``px_across_scene`` the pixels it must put across that angle. Together with
    ``distance_m`` they give the pixel density, so DORI at the target follows.
    ``detail_before`` is what the old camera achieved at the target: the one
    figure the app, the command line and the tender all show as "before".
    """

    form_family: Sourced[FormFamily]
    form_factor: FormFactor | None = None
    scene_hfov_deg: Sourced[float] | None = None
    px_across_scene: Sourced[int] | None = None
    distance_m: Sourced[float] | None = None
    dori: Sourced[DoriLevel] | None = None
    old_tele_hfov_deg: Sourced[float] | None = None
    mount: Sourced[MountKind] | None = None
    mount_parts: tuple[str, ...] = ()
    min_ip: Sourced[str] | None = None
    min_ik: Sourced[str] | None = None
    min_ir_m: Sourced[float] | None = None
    max_power_w: Sourced[float] | None = None
    audio: Sourced[bool] | None = None
    alarm_io: Sourced[bool] | None = None
    detail_before: Sourced[Detail] | None = None
    notes: tuple[Note, ...] = ()
    site_check: Note | None = None
    """Why the camera cannot be sized from what is known: measure it on site first."""
    scene_spread_deg: tuple[float, float] | None = None
    """When the old view is estimated: the narrowest and widest it could be. An offer that
    would not cover the widest, or keep the detail of the narrowest, declares it ("confirm")."""

    @property
    def min_density_px_per_m(self) -> float | None:
        if self.scene_hfov_deg is None or self.px_across_scene is None or self.distance_m is None:
            return None
        return optics.density_from_hfov(
            self.px_across_scene.value, self.scene_hfov_deg.value, self.distance_m.value
        )


@dataclass(frozen=True, slots=True)
class Options:
    """Project choices that change requirements.

    ``required`` names preferences (``PREFERENCE_NAMES``) the project wants treated as hard
    requirements, at the old camera's figure: a client who insists on 60 m of IR gets it.
    """

    allow_power_upgrade: bool = False
    required: frozenset[str] = frozenset()

    def __post_init__(self) -> None:
        unknown = set(self.required) - set(PREFERENCE_NAMES)
        if unknown:
            raise ValueError(
                f"cannot mark {', '.join(sorted(unknown))} as required; choose from "
                + ", ".join(PREFERENCE_NAMES)
            )


@dataclass(frozen=True, slots=True)
class OldView:
    """The old camera's field of view, where it came from and on what it rests.

    ``spread_deg`` is the range an estimated widest angle could really be (the narrowest and
    widest sensor of its resolution class)."""

    lens: optics.LensRange
    origin: Origin
    note: Note | None = None
    spread_deg: tuple[float, float] | None = None


def old_view(camera: SurveyCamera, old: CameraModel | None) -> OldView | None:
    """The old camera's field of view: survey figures first (they describe this installation),
    then the catalog entry, then a lens on the typical sensor of its resolution class."""
    if camera.hfov_deg is not None:
        return OldView(optics.LensRange(camera.hfov_deg, camera.hfov_deg, False), Origin.SURVEY)
    width = optics.model_sensor_width(old) if old else None
    if camera.focal_min_mm is not None:
        if old is not None:
            same_lens = _close(camera.focal_min_mm, old.focal_min_mm) and _close(
                camera.focal_max_mm or camera.focal_min_mm, old.focal_max_mm
            )
            if same_lens and old.hfov_max_deg is not None:
                # The surveyed lens is the datasheet's: its published angles include distortion.
                lens = optics.LensRange(old.hfov_max_deg, old.hfov_min_deg or old.hfov_max_deg,
                                        True)  # fmt: skip
                return OldView(lens, Origin.OLD_DATASHEET)
            if width is not None:
                computed = optics.lens_range(
                    None,
                    None,
                    camera.focal_min_mm,
                    camera.focal_max_mm or camera.focal_min_mm,
                    width,
                )
                if computed is not None:  # fmt: skip
                    return OldView(computed, Origin.OLD_LENS)
        columns = _old_columns(camera, old)
        guess = (
            view_estimate.estimate(camera.focal_min_mm, camera.focal_max_mm, columns)
            if columns
            else None
        )
        if guess is None:
            return None
        return OldView(guess.lens, Origin.ESTIMATED, guess.note, guess.range_deg)
    if old is not None:
        listed = optics.lens_range(
            old.hfov_max_deg, old.hfov_min_deg, old.focal_min_mm, old.focal_max_mm, width
        )
        if listed is not None:
            origin = Origin.OLD_DATASHEET if listed.from_datasheet else Origin.OLD_LENS
            return OldView(listed, origin)
    return None


def view_basis(camera: SurveyCamera) -> Note | None:
    """What the old view will be worked out from when the model is not in the catalog, for a
    form to show while the surveyor types; None when the survey gives the angle itself."""
    if camera.hfov_deg is not None:
        return None
    if camera.scene_width_m is not None and camera.target_distance_m is not None:
        return Note("view from the scene width at the target distance")
    if camera.focal_min_mm is None:
        return Note("no lens or view angle: the view comes from the catalog entry of the model, "
                    "else the camera goes to the site-check list")  # fmt: skip
    view = old_view(camera, None)
    if view is None or view.note is None:
        return Note(
            "a {} lens alone does not give the view: enter the resolution or the view angle, or "
            "the camera goes to the site-check list (unless the model is in the catalog)",
            (Amount(camera.focal_min_mm, "mm"),),
        )
    spread = view.spread_deg or (view.lens.wide_deg, view.lens.wide_deg)
    return Note(
        f"{view.note.template}: about {{}} ({{}} to {{}} on the sensors of that class), "
        "unless the model is in the catalog",
        (*view.note.args, deg(view.lens.wide_deg), deg(spread[0]), deg(spread[1])),
    )


def old_lens(camera: SurveyCamera, old: CameraModel | None) -> optics.LensRange | None:
    """The old camera's field of view as a lens range (see ``old_view``)."""
    view = old_view(camera, old)
    return view.lens if view else None


def _old_columns(camera: SurveyCamera, old: CameraModel | None) -> int | None:
    """The old camera's horizontal pixels, from the survey first, then the catalog."""
    if camera.resolution is not None:
        return camera.resolution.width
    if camera.megapixels is not None:
        return view_estimate.columns_of_megapixels(camera.megapixels)
    if old is not None and old.resolution is not None:
        return old.resolution.width
    return None


def _close(a: float | None, b: float | None) -> bool:
    return a is not None and b is not None and abs(a - b) <= 0.05 * max(a, b)


def derive(
    camera: SurveyCamera,
    old: CameraModel | None,
    options: Options | None = None,
    form_hint: FormFactor | None = None,
) -> Requirement:
    """The requirement for replacing ``camera``.

    ``old`` is its catalog entry when known; ``form_hint`` the form its model number
    implies, used when neither the survey nor the catalog gives one.
    """
    options = options or Options()
    notes: list[Note] = []
    form = camera.form_factor or (old.form_factor if old else None) or form_hint
    origin = (
        Origin.SURVEY
        if camera.form_factor
        else Origin.OLD_DATASHEET
        if old
        else Origin.MODEL_NUMBER
        if form_hint
        else Origin.DEFAULT
    )
    family = Sourced(FAMILY_OF[form] if form else FormFamily.OTHER, origin)
    if form is None:
        notes.append(Note("form factor unknown: any form is offered"))
    panoramic = family.value in PANORAMIC

    distance = (
        Sourced(camera.target_distance_m, Origin.SURVEY)
        if camera.target_distance_m is not None
        else None
    )
    view = old_view(camera, old)
    lens = view.lens if view else None
    old_px = _old_pixels(camera, old)

    scene: Sourced[float] | None = None
    site_check: Note | None = None
    if camera.scene_width_m is not None and distance is not None:
        scene = Sourced(
            optics.hfov_for_scene_deg(camera.scene_width_m, distance.value),
            Origin.DERIVED,
            Note("{} wide at {} (survey)", (metres(camera.scene_width_m), metres(distance.value))),
        )
    elif view is not None and lens is not None:
        # A PTZ is judged at its longest zoom: the view it was bought for.
        angle = lens.tele_deg if family.value is FormFamily.PTZ else lens.wide_deg
        note: Note | None = view.note
        zoomable = lens.tele_deg < lens.wide_deg and family.value is not FormFamily.PTZ
        if zoomable and camera.required_dori and distance is not None and old_px is not None:
            # The survey does not say where a varifocal lens was set. Take the widest
            # view at which the old camera met the stated level (or its tele end if it
            # never did): the view it must have been set to for its purpose.
            need = optics.DORI_PX_PER_M[camera.required_dori]
            widest = optics.hfov_for_scene_deg(old_px.value / need, distance.value)
            angle = lens.clamp(widest)
            note = Note("varifocal setting inferred from the stated DORI level and distance")
        # A PTZ covers its scene by panning: its view is a preference, its zoom gives the detail.
        scene = Sourced(angle, view.origin, note, hard=family.value is not FormFamily.PTZ)
    else:
        notes.append(Note("old field of view unknown: measure it on site"))
        site_check = _why_unsized(camera)

    before = _detail_before(old_px, scene, distance, panoramic)
    px: Sourced[int] | None = None
    dori: Sourced[DoriLevel] | None = None
    if camera.required_dori is not None:
        dori = Sourced(camera.required_dori, Origin.SURVEY)
        if distance is not None and scene is not None and family.value is not FormFamily.PTZ:
            # (A PTZ's purpose is the detail at the target zoomed in: no pixels across a view.)
            need = optics.DORI_PX_PER_M[camera.required_dori]
            width = optics.span_m(scene.value, distance.value, panoramic)
            px = Sourced(
                math_ceil(need * width),
                Origin.DERIVED,
                Note("{} × {}", (px_per_m(need), metres(width))),
            )
        elif distance is None:
            notes.append(Note("no target distance: the DORI level cannot be checked"))
    ptz_purpose = family.value is FormFamily.PTZ and dori is not None and distance is not None
    if px is None and old_px is not None and not ptz_purpose:
        px = Sourced(
            math_ceil(old_px.value * PIXEL_TOLERANCE), old_px.origin, Note("keep what it had")
        )
        if before is not None and dori is None and before.value.level is not None:
            # The level the old camera happened to reach is a preference: the pixels it put
            # across the scene are the requirement (within PIXEL_TOLERANCE).
            dori = Sourced(
                before.value.level,
                Origin.DERIVED,
                Note("old camera gives {}", (px_per_m(before.value.density_px_per_m),)),
                hard="DORI at target" in options.required,
            )
    if px is None and not ptz_purpose:
        notes.append(Note("old resolution unknown: no minimum pixel count"))

    tele = (
        Sourced(lens.tele_deg, scene.origin if scene else Origin.OLD_DATASHEET,
                hard="zoom" in options.required)
        if lens is not None and family.value is FormFamily.PTZ
        else None
    )  # fmt: skip
    kind = mount_kind(camera.mount)
    return Requirement(
        form_family=family,
        form_factor=form,
        scene_hfov_deg=scene,
        px_across_scene=px,
        distance_m=distance,
        dori=dori,
        old_tele_hfov_deg=tele,
        mount=Sourced(kind, Origin.SURVEY) if kind else None,
        mount_parts=mount_parts(camera.mount),
        min_ip=_ingress(camera, old),
        min_ik=_impact(camera),
        min_ir_m=_infrared(old, distance, options),
        max_power_w=None if options.allow_power_upgrade else _power_budget(camera, old, options),
        # Audio and alarm I/O are required only when the survey says the old camera used them:
        # a capability nobody wired up is not a requirement.
        audio=Sourced(True, Origin.SURVEY) if camera.audio else None,
        alarm_io=Sourced(True, Origin.SURVEY) if camera.alarm_io else None,
        detail_before=before,
        notes=tuple(notes),
        site_check=site_check,
        scene_spread_deg=view.spread_deg
        if view is not None and scene is not None and scene.note is view.note
        else None,
    )


def _why_unsized(camera: SurveyCamera) -> Note:
    """The site-check reason for a camera whose view nothing describes."""
    if camera.focal_min_mm is not None:
        return Note(
            "a {} lens with no resolution, view angle or catalog entry to tell the sensor: "
            "measure the view on site",
            (Amount(camera.focal_min_mm, "mm"),),
        )
    return Note("no view angle, lens or catalog entry for the old camera: measure the view on site")


VANDAL_WORDS = re.compile(
    r"\b(vandal\w*|tamper\w*|anti-?vandal|smashed|attacked|custody|cells?|detention|"
    r"detainees?|prison|holding)\b",
    re.I,
)
"""Survey words that put a camera at risk of attack: a note ("vandal area", "tampered with")
or a place where people are held against their will (a custody suite, a cell), where the
tender's site constraints already ask for IK10 fixings."""
WET_WORDS = re.compile(
    r"\b(pool|swimming|humid\w*|damp|steam\w*|wash-?down|condensation|corrosi\w*|"
    r"chlorin\w*|coastal|sea ?front|salt)\b",
    re.I,
)
"""Survey notes that say the air is wet or corrosive indoors (a pool hall, a wash bay)."""


def _impact(camera: SurveyCamera) -> Sourced[str] | None:
    """IK10 where the survey marks a vandal risk, or, where its vandal column is blank, its
    location or notes speak of one."""
    if camera.vandal_risk:
        return Sourced(VANDAL_IK, Origin.SURVEY)
    if camera.vandal_risk is None:
        for field, text in (("location", camera.location), ("notes", camera.notes)):
            found = VANDAL_WORDS.search(text or "")
            if found:
                note = Note(f"survey {field} says '{found.group(0)}'")
                return Sourced(VANDAL_IK, Origin.SURVEY, note)
    return None


def _ingress(camera: SurveyCamera, old: CameraModel | None) -> Sourced[str] | None:
    """IP66 where the site is outdoors, or where the notes say the air is wet or corrosive
    (a pool hall); where the survey does not say, where the old camera was rated for outdoor
    use (replacing it with an indoor camera is the one wrong guess)."""
    wet = WET_WORDS.search(camera.notes or "")
    if wet and not camera.outdoor:
        return Sourced(OUTDOOR_IP, Origin.SURVEY, Note(f"survey notes say '{wet.group(0)}'"))
    if camera.outdoor is not None:
        return Sourced(OUTDOOR_IP, Origin.SURVEY) if camera.outdoor else None
    if old is not None and old.outdoor:
        note = Note("environment not surveyed: the old camera is rated for outdoor use")
        return Sourced(OUTDOOR_IP, Origin.OLD_DATASHEET, note)
    return None


def _infrared(
    old: CameraModel | None, distance: Sourced[float] | None, options: Options
) -> Sourced[float] | None:
    """IR to the target with a margin when the old camera had IR (the scene is used at night).

    The old datasheet's IR rating is a preference when no distance says what the scene
    needs, and a requirement only when the project marks "IR range" required.
    """
    if old is None or not old.ir_range_m:
        return None
    required = "IR range" in options.required
    if distance is None:
        rating = Note("no target distance: the old camera's rating")
        return Sourced(old.ir_range_m, Origin.OLD_DATASHEET, rating, hard=required)
    need = distance.value * IR_MARGIN
    if required and old.ir_range_m > need:
        return Sourced(old.ir_range_m, Origin.OLD_DATASHEET, Note("marked required"))
    return Sourced(
        round(need, 2),
        Origin.DERIVED,
        Note("target {} + {} margin; old camera {}",
             (metres(distance.value), f"{IR_MARGIN - 1:.0%}", metres(old.ir_range_m))),
    )  # fmt: skip


def math_ceil(value: float) -> int:
    """Round a pixel requirement up, ignoring float noise (2688 × 1.0 must stay 2688)."""
    rounded = round(value)
    return rounded if abs(value - rounded) < 1e-6 else int(value) + 1


def _detail_before(
    old_px: Sourced[int] | None,
    scene: Sourced[float] | None,
    distance: Sourced[float] | None,
    panoramic: bool,
) -> Sourced[Detail] | None:
    """What the old camera achieved at the target: its pixels spread across the old view.

    A fisheye or multi-sensor camera spreads its pixels along an arc, so the span
    is the arc length, not a chord (a 180° view has no finite chord).
    """
    if old_px is None or scene is None or distance is None or distance.value <= 0:
        return None
    span = optics.span_m(scene.value, distance.value, panoramic)
    if span <= 0:
        return None
    return Sourced(Detail(old_px.value / span, distance.value), old_px.origin, old_px.note)


def _old_pixels(camera: SurveyCamera, old: CameraModel | None) -> Sourced[int] | None:
    if camera.resolution is not None:
        return Sourced(camera.resolution.width, Origin.SURVEY)
    if old is not None and old.resolution is not None:
        return Sourced(old.resolution.width, Origin.OLD_DATASHEET)
    if camera.megapixels is not None:
        # 16:9 assumed when only megapixels are given: width = sqrt(MP × 16/9).
        width = view_estimate.columns_of_megapixels(camera.megapixels)
        return Sourced(width, Origin.SURVEY, Note(f"{camera.megapixels:g} MP, 16:9 assumed"))
    return None


def port_class(power_w: float) -> int | None:
    """The smallest PoE class whose budget covers a device drawing ``power_w``."""
    for poe_class in (1, 2, 3, 4, 5, 6, 7, 8):
        if power_w <= POE_BUDGET_W[poe_class] + 1e-9:
            return poe_class
    return None


def _power_budget(
    camera: SurveyCamera, old: CameraModel | None, options: Options
) -> Sourced[float] | None:
    """The PoE budget of the port that powered the old camera.

    A camera drawing 8.8 W sits on a port that delivers class 3 (12.95 W), so a
    replacement needing up to 12.95 W works on the same switch port; the
    budget is the class, not the old camera's consumption. It is a requirement
    when the survey names the power at the port; from the old datasheet it is a
    preference (a bigger class means a midspan or another port, not a failure),
    unless the project marks "power" required.
    """
    hard = camera.power_w is not None or "power" in options.required
    if old is not None and old.poe_class is not None and old.poe_class in POE_BUDGET_W:
        return Sourced(POE_BUDGET_W[old.poe_class], Origin.OLD_DATASHEET,
                       Note(f"PoE class {old.poe_class}"), hard=hard)  # fmt: skip
    for drawn, origin in (
        (camera.power_w, Origin.SURVEY),
        (old.max_power_w if old else None, Origin.OLD_DATASHEET),
    ):
        if drawn is not None:
            return _budget_of(drawn, origin, hard)
    return None


def _budget_of(drawn: float, origin: Origin, hard: bool) -> Sourced[float]:
    poe_class = port_class(drawn)
    if poe_class is None:
        return Sourced(drawn, origin, Note("beyond PoE class 8"), hard=hard)
    return Sourced(
        POE_BUDGET_W[poe_class],
        origin,
        Note(f"draws {{}}: PoE class {poe_class} port", (watts(drawn),)),
        hard=hard,
    )
