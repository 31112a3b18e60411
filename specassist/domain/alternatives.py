"""Documented alternatives when no single model meets every hard requirement.

What a specialist proposes when the catalog has no one-for-one replacement:

* **a supplementary IR illuminator** — a camera that meets everything but its
  infrared reach, plus a catalog illuminator whose range reaches the need and
  whose beam covers the view (Raytec's CCTV lighting guide: the beam angle must
  cover the full field of view);
* **a narrower lens plus a second camera** — the scene split in two (or
  three) equal parts, each camera putting the needed pixels across its part;
* **a multi-sensor camera** — several sensors across the same wide scene.

Each is a requirement of its own (``split`` and ``multisensor`` below), so it
is matched, explained, scored and costed exactly like any other offer.
"""

from __future__ import annotations

import math
from dataclasses import replace
from typing import TYPE_CHECKING

import numpy as np

from specassist.domain.catalog import Accessory, CameraModel
from specassist.domain.constraints import BoolArray, FloatArray
from specassist.domain.deviations import PURPOSE_NAMES, Deviation, Severity
from specassist.domain.measures import Note, deg, metres
from specassist.domain.requirements import (
    FAMILY_OF,
    PIXEL_TOLERANCE,
    FormFamily,
    Origin,
    Requirement,
    Sourced,
    math_ceil,
)

if TYPE_CHECKING:
    from specassist.domain.matching import Offer

ILLUMINATOR_ROLE = "with IR illuminator"
MULTISENSOR_ROLE = "multi-sensor camera"
NEAREST_ROLE = "nearest, with deviations"
SPLIT_COUNTS = (2, 3)
"""A scene is split in two before three: every extra camera is another position, cable and
licence. Beyond three the view needs a design on site, not a catalog answer."""

DETAIL_NAMES = frozenset({"field of view", "pixels on target", "DORI at target"})
"""Shortfalls more pixels or a wider view can make good."""


def split_role(cameras: int) -> str:
    return f"{cameras} cameras, narrower lenses"


def split(req: Requirement, cameras: int) -> Requirement | None:
    """The requirement for one of ``cameras`` cameras side by side, each covering an equal part
    of the old scene's width with the same detail. None when the scene angle is unknown.

    Worked example: a 103° scene at 12 m is 30.2 m wide; two cameras each cover 15.1 m,
    2·atan(tan(51.5°)/2) = 64.4°, and at identify (250 px/m) each needs 3774 px, not 7548.
    """
    if req.scene_hfov_deg is None or req.scene_hfov_deg.value >= 179.0:
        return None
    scene = req.scene_hfov_deg.value
    part = math.degrees(2 * math.atan(math.tan(math.radians(scene) / 2) / cameras))
    note = Note(f"one of {cameras} equal parts of the {{}} scene", (deg(scene),))
    px = req.px_across_scene
    return replace(
        req,
        scene_hfov_deg=Sourced(part, Origin.DERIVED, note),
        px_across_scene=None if px is None else Sourced(
            math_ceil(px.value / cameras), Origin.DERIVED, note),
        old_tele_hfov_deg=None,
    )  # fmt: skip


MULTISENSOR_FROM_DEG = 90.0
"""A multi-sensor camera is proposed for scenes of 90° or more: its sensors spread their pixels
over 180° or more, so across a narrower scene it gives fewer pixels than one camera would."""


def multisensor(req: Requirement) -> Requirement | None:
    """The same scene and detail asked of a multi-sensor camera (for a wide scene)."""
    if (req.scene_hfov_deg is None or req.scene_hfov_deg.value < MULTISENSOR_FROM_DEG
            or req.form_family.value is FormFamily.MULTISENSOR):  # fmt: skip
        return None
    family = Sourced(FormFamily.MULTISENSOR, Origin.DERIVED,
                     Note("a multi-sensor camera for the same scene"))  # fmt: skip
    return replace(req, form_family=family, form_factor=None, old_tele_hfov_deg=None)


def multisensor_arrangement(whole: Requirement) -> Note:
    """'a multi-sensor camera in place of the bullet or box, across the 103° scene'."""
    scene = whole.scene_hfov_deg.value if whole.scene_hfov_deg else 0.0
    return Note(f"a multi-sensor camera in place of the {whole.form_family.value.value}, "
                "across the {} scene", (deg(scene),))  # fmt: skip


def form_change(whole: Requirement, model: CameraModel) -> Deviation:
    """The declared change of form a multi-sensor alternative makes (minor: it is the
    documented way to cover a scene no single lens covers)."""
    return Deviation(
        "form", "", whole.form_family.value.value, FAMILY_OF[model.form_factor].value, None,
        Severity.MINOR, Note("a documented alternative: one multi-sensor camera covers the scene"),
    )  # fmt: skip


def keeps_old_detail(req: Requirement, density: FloatArray) -> BoolArray:
    """Where a survey's purpose is set: which candidates give at least what the old camera gave
    at the target (within PIXEL_TOLERANCE). All False when no purpose or no "before" is known."""
    before = req.detail_before.value if req.detail_before else None
    if req.dori is None or req.dori.origin is not Origin.SURVEY or before is None:
        return np.zeros(np.shape(density), dtype=bool)
    with np.errstate(invalid="ignore"):
        return np.asarray(density >= before.density_px_per_m * PIXEL_TOLERANCE)


def beyond_purpose(offer: Offer, req: Requirement) -> Offer | None:
    """The offer kept when the survey's purpose is beyond every allowed model but the offer
    still gives at least what the old camera gave there: the camera is replaced, never
    downgraded, and the purpose's shortfall is declared as critical. None when a critical
    shortfall is anything else, or the offer would give less than before.

    Worked example: identify (250 px/m) asked at 25.5 m across a 98° view needs 14,700 px;
    the old 2560-px camera gave 43.5 px/m there, a 3840-px replacement gives 65 px/m: it is
    offered, with "DORI at target … 26 % of the need — critical" declared.
    """
    critical = [d for d in offer.deviations if d.severity is Severity.CRITICAL]
    after = offer.detail
    if (after is None or any(d.requirement not in PURPOSE_NAMES for d in critical)
            or not keeps_old_detail(req, np.array([after.density_px_per_m]))[0]):  # fmt: skip
        return None
    before = req.detail_before.value if req.detail_before else after
    reason = Note(BEYOND_PURPOSE, (before, after))
    kept = tuple(replace(d, reason=reason) if d.severity is Severity.CRITICAL else d
                 for d in offer.deviations)  # fmt: skip
    return replace(offer, deviations=kept)


BEYOND_PURPOSE = ("the stated purpose is beyond every allowed model; the nearest keeps the old "
                  "camera's detail ({} before, {} after)")  # fmt: skip


def kept_despite(deviation: Deviation) -> bool:
    """A critical shortfall of a purpose no allowed model reaches, by a camera no worse than
    the old one: ranked as a major shortfall, not as no answer."""
    return deviation.reason.template == BEYOND_PURPOSE


def illuminator_for(
    illuminators: list[Accessory], need_m: float, view_deg: float | None
) -> Accessory | None:
    """The shortest-reaching illuminator whose range meets ``need_m`` and whose beam covers the
    view; a narrower beam leaves the sides of the picture dark."""
    fitting = [
        a for a in illuminators
        if a.ir_range_m is not None and a.ir_range_m >= need_m - 1e-9
        and (view_deg is None or (a.beam_deg or 0.0) >= view_deg - 1e-9)
    ]  # fmt: skip
    return min(fitting, key=lambda a: (a.ir_range_m or 0.0, a.key)) if fitting else None


def illuminator_note(accessory: Accessory) -> Note:
    return Note(
        "supplementary IR: {} beam to {}",
        (deg(accessory.beam_deg or 0.0), metres(accessory.ir_range_m or 0.0)),
    )


def arrangement(whole: Requirement, part: Requirement, cameras: int) -> Note:
    """'2 cameras side by side, each covering 64.4° of the 103° scene'."""
    scene = whole.scene_hfov_deg.value if whole.scene_hfov_deg else 0.0
    each = part.scene_hfov_deg.value if part.scene_hfov_deg else 0.0
    return Note(f"{cameras} cameras side by side, each covering {{}} of the {{}} scene",
                (deg(each), deg(scene)))  # fmt: skip
