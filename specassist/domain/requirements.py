"""What a replacement must achieve, derived from the old camera and the survey row.

The default is "keep what it had": the new camera must cover the old field of
view and put at least as many pixels across it, so the detail at any distance
is kept. When the survey states a target distance, a scene width or a DORI
level, those take precedence. Every field records where it came from, so the
tender can say "4 m, from the survey" or "2688 px, from the old camera's
datasheet" and the user can see what was assumed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from typing import Generic, TypeVar

from specassist.domain import optics
from specassist.domain.catalog import CameraModel, FormFactor
from specassist.domain.measures import Detail, Note, metres, px_per_m, watts
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


class Origin(StrEnum):
    SURVEY = "survey"
    OLD_DATASHEET = "old camera's datasheet"
    OLD_LENS = "old camera's lens, computed"
    MODEL_NUMBER = "old model number's pattern"
    DERIVED = "derived"
    DEFAULT = "default"


@dataclass(frozen=True, slots=True)
class Sourced(Generic[T_co]):
    """A requirement value and where it came from (read-only, so a ``Sourced[FormFamily]``
    is a ``Sourced[object]`` wherever only reading is done)."""

    value: T_co
    origin: Origin
    note: Note | None = None


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
    (re.compile(r"junction|back ?box|j-?box|conduit box", re.I), MountKind.JUNCTION_BOX),
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


def mount_parts(text: str | None) -> tuple[str, ...]:
    """Part numbers named in the survey's mount cell, to look for adapters that cover them."""
    return tuple(m.upper() for m in _PART_NUMBER.findall(text or ""))


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

    @property
    def min_density_px_per_m(self) -> float | None:
        if self.scene_hfov_deg is None or self.px_across_scene is None or self.distance_m is None:
            return None
        return optics.density_from_hfov(
            self.px_across_scene.value, self.scene_hfov_deg.value, self.distance_m.value
        )


@dataclass(frozen=True, slots=True)
class Options:
    """Project choices that change requirements."""

    allow_power_upgrade: bool = False


def old_lens(camera: SurveyCamera, old: CameraModel | None) -> optics.LensRange | None:
    """The old camera's field of view: survey figures first (they describe this installation)."""
    if camera.hfov_deg is not None:
        return optics.LensRange(camera.hfov_deg, camera.hfov_deg, False)
    width = optics.model_sensor_width(old) if old else None
    if camera.focal_min_mm is not None and old is not None:
        same_lens = _close(camera.focal_min_mm, old.focal_min_mm) and _close(
            camera.focal_max_mm or camera.focal_min_mm, old.focal_max_mm
        )
        if same_lens and old.hfov_max_deg is not None:
            # The surveyed lens is the datasheet's: its published angles include distortion.
            return optics.LensRange(old.hfov_max_deg, old.hfov_min_deg or old.hfov_max_deg, True)
        if width is not None:
            return optics.lens_range(
                None, None, camera.focal_min_mm, camera.focal_max_mm or camera.focal_min_mm, width
            )
    if old is not None:
        return optics.lens_range(
            old.hfov_max_deg, old.hfov_min_deg, old.focal_min_mm, old.focal_max_mm, width
        )
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

    distance = (
        Sourced(camera.target_distance_m, Origin.SURVEY)
        if camera.target_distance_m is not None
        else None
    )
    lens = old_lens(camera, old)
    lens_origin = (
        Origin.SURVEY
        if camera.hfov_deg is not None
        else Origin.OLD_DATASHEET
        if lens is not None and lens.from_datasheet
        else Origin.OLD_LENS
    )
    old_px = _old_pixels(camera, old)

    scene: Sourced[float] | None = None
    if camera.scene_width_m is not None and distance is not None:
        scene = Sourced(
            optics.hfov_for_scene_deg(camera.scene_width_m, distance.value),
            Origin.DERIVED,
            Note("{} wide at {} (survey)", (metres(camera.scene_width_m), metres(distance.value))),
        )
    elif lens is not None:
        # A PTZ is judged at its longest zoom: the view it was bought for.
        angle = lens.tele_deg if family.value is FormFamily.PTZ else lens.wide_deg
        note: Note | None = None
        zoomable = lens.tele_deg < lens.wide_deg and family.value is not FormFamily.PTZ
        if zoomable and camera.required_dori and distance is not None and old_px is not None:
            # The survey does not say where a varifocal lens was set. Take the widest
            # view at which the old camera met the stated level (or its tele end if it
            # never did): the view it must have been set to for its purpose.
            need = optics.DORI_PX_PER_M[camera.required_dori]
            widest = optics.hfov_for_scene_deg(old_px.value / need, distance.value)
            angle = lens.clamp(widest)
            note = Note("varifocal setting inferred from the stated DORI level and distance")
        scene = Sourced(angle, lens_origin, note)
    else:
        notes.append(Note("old field of view unknown: the replacement's widest setting is assumed"))

    before = _detail_before(old_px, scene, distance, family.value in PANORAMIC)
    px: Sourced[int] | None = None
    dori: Sourced[DoriLevel] | None = None
    if camera.required_dori is not None:
        dori = Sourced(camera.required_dori, Origin.SURVEY)
        if distance is not None and scene is not None:
            need = optics.DORI_PX_PER_M[camera.required_dori]
            width = optics.span_m(scene.value, distance.value, family.value in PANORAMIC)
            px = Sourced(
                math_ceil(need * width),
                Origin.DERIVED,
                Note("{} × {}", (px_per_m(need), metres(width))),
            )
        elif distance is None:
            notes.append(Note("no target distance: the DORI level cannot be checked"))
    if px is None and old_px is not None:
        px = Sourced(
            math_ceil(old_px.value * PIXEL_TOLERANCE), old_px.origin, Note("keep what it had")
        )
        if before is not None and dori is None and before.value.level is not None:
            dori = Sourced(
                before.value.level,
                Origin.DERIVED,
                Note("old camera gives {}", (px_per_m(before.value.density_px_per_m),)),
            )
    if px is None:
        notes.append(Note("old resolution unknown: no minimum pixel count"))

    outdoor = camera.outdoor if camera.outdoor is not None else (old.outdoor if old else None)
    ip = (
        Sourced(OUTDOOR_IP, Origin.SURVEY if camera.outdoor else Origin.OLD_DATASHEET)
        if outdoor
        else None
    )
    ik = Sourced(VANDAL_IK, Origin.SURVEY) if camera.vandal_risk else None
    ir = (
        Sourced(old.ir_range_m, Origin.OLD_DATASHEET)
        if old is not None and old.ir_range_m
        else None
    )
    power = _power_budget(camera, old) if not options.allow_power_upgrade else None
    # Audio and alarm I/O are required only when the survey says the old camera used them:
    # a capability nobody wired up is not a requirement.
    audio = Sourced(True, Origin.SURVEY) if camera.audio else None
    alarm = Sourced(True, Origin.SURVEY) if camera.alarm_io else None
    kind = mount_kind(camera.mount)
    tele = (
        Sourced(lens.tele_deg, lens_origin)
        if lens is not None and family.value is FormFamily.PTZ
        else None
    )
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
        min_ip=ip,
        min_ik=ik,
        min_ir_m=ir,
        max_power_w=power,
        audio=audio,
        alarm_io=alarm,
        detail_before=before,
        notes=tuple(notes),
    )


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
        width = int((camera.megapixels * 1e6 * 16 / 9) ** 0.5)
        return Sourced(width, Origin.SURVEY, Note(f"{camera.megapixels:g} MP, 16:9 assumed"))
    return None


def port_class(power_w: float) -> int | None:
    """The smallest PoE class whose budget covers a device drawing ``power_w``."""
    for poe_class in (1, 2, 3, 4, 5, 6, 7, 8):
        if power_w <= POE_BUDGET_W[poe_class] + 1e-9:
            return poe_class
    return None


def _power_budget(camera: SurveyCamera, old: CameraModel | None) -> Sourced[float] | None:
    """The PoE budget of the port that powered the old camera.

    A camera drawing 8.8 W sits on a port that delivers class 3 (12.95 W), so a
    replacement needing up to 12.95 W works on the same switch port; the
    budget is the class, not the old camera's consumption.
    """
    if old is not None and old.poe_class is not None and old.poe_class in POE_BUDGET_W:
        return Sourced(
            POE_BUDGET_W[old.poe_class], Origin.OLD_DATASHEET, Note(f"PoE class {old.poe_class}")
        )
    for drawn, origin in (
        (camera.power_w, Origin.SURVEY),
        (old.max_power_w if old else None, Origin.OLD_DATASHEET),
    ):
        if drawn is not None:
            poe_class = port_class(drawn)
            if poe_class is None:
                return Sourced(drawn, origin, Note("beyond PoE class 8"))
            return Sourced(
                POE_BUDGET_W[poe_class],
                origin,
                Note(f"draws {{}}: PoE class {poe_class} port", (watts(drawn),)),
            )
    return None
