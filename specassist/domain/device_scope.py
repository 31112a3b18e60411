"""Excluded devices that are not cameras: what takes their place, never a camera.

A recorder is taken over by its group's new recorder (``recording_groups``). A door station,
an encoder, an access-control device or anything else excluded gets a scope line — "compliant
door station to the performance below" — with the performance the survey supports, priced as a
provisional sum: the catalog holds no replacements for them, and none is guessed.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from specassist.domain.catalog import Catalog
from specassist.domain.device_class import DeviceClass
from specassist.domain.outcome import CameraOutcome, Status
from specassist.domain.recording_groups import RecorderGroup, existing

SCOPE_WORDS: dict[DeviceClass, str] = {
    DeviceClass.INTERCOM: "door station",
    DeviceClass.ENCODER: "video encoder",
    DeviceClass.ACCESS_CONTROL: "access control device",
    DeviceClass.RECORDER: "recorder",
    DeviceClass.OTHER: "device of the same function",
    DeviceClass.CAMERA: "camera",
}
"""What the scope line asks for, by the class of the device it replaces."""


@dataclass(frozen=True, slots=True)
class DevicePath:
    """What happens to an excluded device that is not a camera."""

    device_id: int
    tag: str
    site: str
    device_class: DeviceClass
    existing: str
    action: str
    performance: tuple[tuple[str, str], ...] = ()
    group_key: str | None = None
    """The recorder group that takes over (recorders only)."""
    provisional: bool = False
    """A scope line priced as a provisional sum: no catalog replacement."""
    phase: str = ""


def _environment(outcome: CameraOutcome) -> tuple[tuple[str, str], ...]:
    camera = outcome.camera
    place = {
        True: "outdoor: rated for outdoor use (IEC 60529 rating to be stated)",
        False: "indoor",
        None: "as the location (not stated by the survey)",
    }[camera.outdoor]
    vandal = {
        True: "required (IEC 62262 rating to be stated)",
        False: "not required",
        None: "not stated by the survey",
    }[camera.vandal_risk]
    return (
        ("Location", " / ".join(filter(None, (camera.site, camera.location))) or "as surveyed"),
        ("Environment", place),
        ("Vandal resistance", vandal),
        ("Power", "PoE over the existing cable where the survey shows one (class to be stated)"),
    )


def _channels(outcome: CameraOutcome, catalog: Catalog) -> str:
    serial = outcome.identification.serial
    if serial is not None and serial.channels:
        return f"at least {serial.channels} (the existing unit's, from its serial number)"
    model = (outcome.camera.model or "").casefold()
    known = next((r for r in catalog.recorders if r.model.casefold() == model), None)
    if known is not None and known.channels:
        return f"at least {known.channels} (the existing unit's, per the catalog)"
    return "as the existing unit (count on site)"


def performance(outcome: CameraOutcome, catalog: Catalog) -> tuple[tuple[str, str], ...]:
    """The scope line's requirements: only what the survey and the catalog support."""
    cls = outcome.identification.device_class
    if cls is DeviceClass.INTERCOM:
        return (
            (
                "Function",
                "door or video intercom station as existing: video, two-way audio and "
                "door release where fitted",
            ),
            *_environment(outcome),
            (
                "Integration",
                "video recorded by the recording system specified; calls to the "
                "existing answering points (confirm on site)",
            ),
        )
    if cls is DeviceClass.ENCODER:
        return (
            ("Function", "video encoder for the analogue cameras connected to it"),
            ("Channels", _channels(outcome, catalog)),
            ("Interoperability", "ONVIF Profile S (conformance to be shown)"),
            *_environment(outcome)[:1],
        )
    if cls is DeviceClass.RECORDER:
        return (
            ("Channels", _channels(outcome, catalog)),
            ("Storage", "for the project's retention period for every camera it records"),
            ("Interoperability", "records ONVIF Profile S and T cameras"),
        )
    if cls is DeviceClass.ACCESS_CONTROL:
        return (
            (
                "Function",
                "access control device of the existing function (reader, controller "
                "or terminal); door hardware and credentials as existing, confirmed on site",
            ),
            *_environment(outcome),
        )
    return (
        ("Function", "the existing device's function, confirmed on site"),
        *_environment(outcome)[:1],
    )


def build(
    outcomes: Sequence[CameraOutcome],
    catalog: Catalog,
    groups: Sequence[RecorderGroup],
    phase_of: Mapping[int, str],
) -> list[DevicePath]:
    """Each excluded device that is not a camera, with its path, in survey order."""
    taken_over = {device: group for group in groups for device in group.replaces}
    out = []
    for outcome in outcomes:
        if outcome.status is not Status.NOT_A_CAMERA:
            continue
        cls = outcome.identification.device_class
        group = taken_over.get(outcome.id)
        if group is not None:
            cameras = len(group.streams)
            action = f"taken over by the recorder sized for {group.name} ({cameras} cameras)"
            rows: tuple[tuple[str, str], ...] = ()
        else:
            action = f"compliant {SCOPE_WORDS[cls]} to the performance below"
            rows = performance(outcome, catalog)
        out.append(DevicePath(
            outcome.id, outcome.camera.display_tag, outcome.site, cls, existing(outcome),
            action, rows, group.key if group else None, provisional=group is None,
            phase=phase_of.get(outcome.id, ""),
        ))  # fmt: skip
    return out
