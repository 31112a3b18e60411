"""The cameras a plan shows, read from the analysis: identity, mounting, old and new optics.

This is the only place plans read the analysis's per-camera results, so when
those results change shape only ``plan_camera`` changes.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping

from specassist.domain.catalog import CameraModel, FormFactor, Resolution
from specassist.domain.coverage import optics_for
from specassist.domain.device_identity import link_of_camera
from specassist.domain.matching import Offer
from specassist.domain.outcome import CameraOutcome, Status
from specassist.domain.pipeline import Analysis
from specassist.domain.plans import CameraOptics, Outcome, PlanCamera
from specassist.domain.requirements import FAMILY_OF, PANORAMIC, Requirement, old_lens
from specassist.domain.survey import SurveyCamera

_FATE = {
    Status.ALLOWED: Outcome.KEPT,
    Status.UNKNOWN: Outcome.TO_IDENTIFY,
    Status.TO_REPLACE: Outcome.REPLACED,
    Status.OVERRIDDEN: Outcome.REPLACED,
    Status.NO_REPLACEMENT: Outcome.NO_REPLACEMENT,
    Status.SITE_CHECK: Outcome.NO_REPLACEMENT,
    Status.NOT_A_CAMERA: Outcome.NO_REPLACEMENT,
}
"""The plan's legend groups the outcome's status into what it draws: the old view kept, a new
view, or a gap (a device that cannot be drawn as a replacement camera)."""


def plan_camera(result: CameraOutcome, names: Mapping[str, str] | None = None) -> PlanCamera:
    """One analysed camera as the plan needs it (the adapter over the per-camera outcome);
    ``names`` are the vendors' display names, for the replacement's label."""
    camera = result.camera
    old = _old_optics(camera, result.identification.model, result.requirement)
    offer = result.offer
    outcome = _FATE[result.status]
    if outcome in (Outcome.KEPT, Outcome.TO_IDENTIFY):
        new, new_model = old, None
    elif offer is None:
        new, new_model = None, None
    else:
        new = _offer_optics(offer)
        vendor = offer.model.vendor_id
        new_model = f"{(names or {}).get(vendor, vendor)} {offer.model.model}"
    return PlanCamera(
        id=result.id,
        link=link_of_camera(camera),
        location=camera.location,
        height_m=camera.height_m,
        target_distance_m=camera.target_distance_m,
        outcome=outcome,
        old=old,
        new=new,
        new_model=new_model,
    )


def plan_cameras(analysis: Analysis, sites: Collection[str] | None = None) -> dict[int, PlanCamera]:
    """The analysed cameras of ``sites`` (and those with no site), or all when None.

    A project of 50,000 cameras usually has plans for a few sites: building only
    those keeps the Plans tab from holding the window after every analysis.
    """
    names = analysis.catalog.vendor_names()
    return {
        result.id: plan_camera(result, names)
        for result in analysis.outcomes
        if sites is None or result.camera.site in (*sites, None)
    }


def _panoramic(form: FormFactor | None) -> bool:
    return form is not None and FAMILY_OF[form] in PANORAMIC


def _old_optics(
    camera: SurveyCamera, model: CameraModel | None, requirement: Requirement | None
) -> CameraOptics | None:
    lens = old_lens(camera, model)
    resolution: Resolution | None = camera.resolution or (model.resolution if model else None)
    if lens is None or resolution is None:
        return None
    angle = lens.wide_deg
    scene = requirement.scene_hfov_deg if requirement is not None else None
    if scene is not None and lens.tele_deg <= scene.value <= lens.wide_deg:
        angle = scene.value  # the varifocal setting the requirement inferred
    form = camera.form_factor or (model.form_factor if model else None)
    return optics_for(angle, resolution.width, resolution.height, _panoramic(form))


def _offer_optics(offer: Offer) -> CameraOptics | None:
    model = offer.model
    angle = offer.setting_hfov_deg or model.hfov_max_deg
    if angle is None or model.resolution is None:
        return None
    resolution = model.resolution
    return optics_for(angle, resolution.width, resolution.height, _panoramic(model.form_factor))
