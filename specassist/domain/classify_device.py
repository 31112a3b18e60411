"""Decide a device's class from everything that speaks to it, strongest first.

1. The device type a survey column or a discovery tool reported ("NVR",
   "Door station", "IPC"): the surveyor or the device itself said so.
2. A model-number pattern that carries a class (Hikvision ``DS-7…NI`` is a
   recorder, Dahua ``VTO…`` a door station), the identified maker's first.
3. The catalog: it lists cameras only.
4. A type word leading the model number ("NVR301-08S2").
5. Otherwise a camera is *assumed*, and the result says so.

When the reported type and the model number disagree, the reported type is
kept (it is what was seen) and the disagreement becomes a warning.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from specassist.domain.catalog import CameraModel, FormFactor, ModelPattern
from specassist.domain.device_class import (
    CameraKind,
    DeviceClass,
    class_from_model_words,
    read_device_type,
)


@dataclass(slots=True)
class ClassDecision:
    device_class: DeviceClass
    basis: str
    assumed: bool = False
    camera_kind: CameraKind | None = None
    form: FormFactor | None = None
    warnings: list[str] = field(default_factory=list)


def _pattern_class(hits: list[ModelPattern]) -> tuple[DeviceClass, ModelPattern] | None:
    for hit in hits:
        if hit.device_class is not None:
            return hit.device_class, hit
    return None


def decide_class(
    device_type: str | None,
    hits: list[ModelPattern],
    catalog_model: CameraModel | None,
    model: str | None,
) -> ClassDecision:
    """The class of one device; ``hits`` are its admitted patterns, the likeliest maker's first."""
    reported = read_device_type(device_type)
    from_pattern = _pattern_class(hits)
    form = next((h.form_factor for h in hits if h.form_factor is not None), None)
    kind = next((h.camera_kind for h in hits if h.camera_kind is not None), None)
    if reported is not None:
        camera = reported.device_class is DeviceClass.CAMERA
        decision = ClassDecision(
            reported.device_class,
            f"device type '{device_type}'",
            camera_kind=(reported.camera_kind or kind) if camera else None,
            form=(FormFactor(reported.form) if reported.form else form) if camera else None,
        )
        if from_pattern is not None and from_pattern[0] is not reported.device_class:
            decision.warnings.append(
                f"the device type says {reported.device_class.value}, but model number "
                f"{model} fits a {from_pattern[0].value} pattern ({from_pattern[1].pattern}); "
                "check on site"
            )
        return decision
    if from_pattern is not None:
        device_class, hit = from_pattern
        camera = device_class is DeviceClass.CAMERA
        return ClassDecision(
            device_class,
            f"model number fits {hit.maker_id} {device_class.value} pattern {hit.pattern}",
            camera_kind=kind if camera else None,
            form=form if camera else None,
        )
    if catalog_model is not None:
        return ClassDecision(
            DeviceClass.CAMERA,
            f"model {catalog_model.model} is in the camera catalog",
            camera_kind=kind,
            form=form,
        )
    if (words := class_from_model_words(model)) is not None:
        return ClassDecision(words.device_class, f"model number starts with '{words.word}'")
    return ClassDecision(
        DeviceClass.CAMERA,
        "assumed: no device type given and the model number names no other class",
        assumed=True,
        camera_kind=kind,
        form=form,
    )
