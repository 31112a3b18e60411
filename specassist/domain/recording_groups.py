"""Cameras grouped by the recorder that will record them, each group sized and licensed.

A camera belongs to the surveyed recorder its survey row names (by tag or address), else to
its site. A site's recorders that no camera names are taken to record the site's other
cameras. What happens to a group follows from its recorder: an excluded one is replaced by the
smallest compliant recorder (``sizing.select_recorder``) — a recording server of the retained
VMS when one stays — a compliant one stays, and an unsurveyed or unidentified one is sized for
information and listed for a site check.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum

from specassist.domain.bitrate import BitrateModel, RecordingPlan, StreamDemand, storage_tb
from specassist.domain.catalog import Catalog
from specassist.domain.device_class import DeviceClass
from specassist.domain.outcome import CameraOutcome, Status
from specassist.domain.sizing import (
    LicenceLine,
    RecorderChoice,
    RecorderDemand,
    licences,
    recorder_demand,
    select_recorder,
)
from specassist.domain.system import RecorderModel, VmsPlatform
from specassist.domain.system_settings import SystemSettings

UNKNOWN_SIZE_NOTE = "picture size not known: bandwidth and storage not counted for it"
"""Said of a camera whose resolution neither the survey nor the catalog gives."""


class GroupAction(StrEnum):
    REPLACE = "replace"
    """The recorder is excluded: a compliant one is sized and costed."""
    KEEP = "keep"
    """A compliant recorder or the retained VMS records the group."""
    CONFIRM = "confirm"
    """The recorder is not surveyed or not identified: sized for information, not costed."""


@dataclass(frozen=True, slots=True)
class VmsCheck:
    """Whether a replacement camera can be recorded by the platform that stays."""

    camera_id: int
    platform: str
    profiles: tuple[str, ...]
    """The replacement's ONVIF profiles as the catalog lists them."""
    onvif_ok: bool | None
    """Profile S or T listed; None when the catalog lists no profiles for the model."""

    @property
    def listed(self) -> str:
        return "Profile " + ", ".join(self.profiles) if self.profiles else "none listed"

    @property
    def outcome(self) -> str:
        return {True: "met", False: "NOT met", None: "not stated — confirm"}[self.onvif_ok]

    @property
    def text(self) -> str:
        listed, onvif = self.listed, self.outcome
        return (
            f"recorded by {self.platform}, which stays: the replacement must be ONVIF Profile S "
            f"or T conformant ({listed} — {onvif}) and on the platform's supported-device list "
            "(confirm with the platform's list before ordering)"
        )


@dataclass(frozen=True, slots=True)
class StreamLine:
    """One camera of a recorder group: what it sends and what it stores."""

    camera_id: int
    tag: str
    status: Status
    pixels: float | None
    basis: str
    """Where the picture size came from: "replacement", "survey", "existing model", "unknown"."""
    demand: StreamDemand
    vms: VmsCheck | None = None
    cameras: int = 1
    """Cameras at this position: two or three when the scene is split between cameras, each
    its own channel and stream of ``demand``."""


@dataclass(frozen=True, slots=True)
class RecorderGroup:
    key: str
    site: str
    name: str
    action: GroupAction
    why: str
    streams: tuple[StreamLine, ...]
    demand: RecorderDemand
    replaces: tuple[int, ...] = ()
    """Surveyed recorders (device ids) whose place this group's recorder takes."""
    choice: RecorderChoice | None = None
    platform: VmsPlatform | None = None
    """The VMS the group's recording runs on, when known (licences follow it)."""
    licences: LicenceLine | None = None
    phase: str = ""

    @property
    def model(self) -> RecorderModel | None:
        return self.choice.model if self.choice else None

    @property
    def costed(self) -> bool:
        return self.action is GroupAction.REPLACE


def existing(outcome: CameraOutcome) -> str:
    """A surveyed device as people would name it: "Hikvision DS-7608NI-K2", "DS-7608NI-K2"."""
    camera = outcome.camera
    return " ".join(filter(None, (camera.make, camera.model))) or "make and model not surveyed"


def _existing(outcome: CameraOutcome) -> str:
    return f"{outcome.camera.display_tag} ({existing(outcome)})"


class _Streams:
    """Each camera's demand under the project's recording plan, worked out once per size."""

    def __init__(self, model: BitrateModel, plan: RecordingPlan) -> None:
        self.model, self.plan = model, plan
        self._by_pixels: dict[float, StreamDemand] = {}

    def line(self, outcome: CameraOutcome, vms: VmsCheck | None) -> StreamLine:
        pixels, basis = _pixels(outcome)
        tag = outcome.camera.display_tag
        if pixels is None:
            demand = StreamDemand(tag, 0.0, 0.0, UNKNOWN_SIZE_NOTE)
        else:
            template = self._by_pixels.get(pixels)
            if template is None:
                template = self._template(pixels)
            demand = StreamDemand(tag, template.bitrate_mbps, template.storage_tb, template.note)
        count = outcome.offer.quantity if outcome.offer is not None else 1
        return StreamLine(outcome.id, tag, outcome.status, pixels, basis, demand, vms, count)

    def _template(self, pixels: float) -> StreamDemand:
        mbps = self.model.pixels_mbps(pixels, self.plan)
        made = StreamDemand("", mbps, storage_tb(mbps, self.plan), self.plan.note)
        self._by_pixels[pixels] = made
        return made


def _pixels(outcome: CameraOutcome) -> tuple[float | None, str]:
    """The picture the camera will send: its replacement's, else what the survey or the
    catalog says of the camera that stays (or has no replacement yet)."""
    offer = outcome.offer
    if offer is not None and offer.model.resolution is not None:
        return offer.model.resolution.width * offer.model.resolution.height, "replacement"
    camera = outcome.camera
    if camera.resolution is not None:
        return camera.resolution.width * camera.resolution.height, "survey"
    if camera.megapixels:
        return camera.megapixels * 1e6, "survey"
    model = outcome.identification.model
    if model is not None and model.resolution is not None:
        return model.resolution.width * model.resolution.height, "existing model"
    return None, "unknown"


@dataclass
class _Members:
    key: str
    site: str
    name: str
    cameras: list[CameraOutcome]
    recorders: list[CameraOutcome]
    named_unknown: bool = False


def _gather(outcomes: Sequence[CameraOutcome]) -> list[_Members]:
    """Cameras by the recorder the survey names (tag or address), else by site."""
    recorders = [o for o in outcomes if o.identification.device_class is DeviceClass.RECORDER]
    by_name: dict[tuple[str, str], CameraOutcome] = {}
    for recorder in recorders:
        for name in (recorder.camera.tag, recorder.camera.ip_address):
            if name:
                # The same site's recorder first; a recorder elsewhere when the name is unique.
                by_name.setdefault((recorder.site, name.casefold()), recorder)
                by_name.setdefault(("", name.casefold()), recorder)
    groups: dict[str, _Members] = {}
    named: set[int] = set()
    for outcome in outcomes:
        if outcome.identification.device_class is not DeviceClass.CAMERA:
            continue
        site, wanted = outcome.site, (outcome.camera.recorder or "").strip()
        device = None
        if wanted:
            folded = wanted.casefold()
            device = by_name.get((site, folded)) or by_name.get(("", folded))
        if device is not None:
            named.add(device.id)
            key = f"device:{device.id}"
            members = groups.setdefault(
                key, _Members(key, device.site, device.camera.display_tag, [], [device])
            )
        elif wanted:
            key = f"name:{site}:{wanted.casefold()}"
            members = groups.setdefault(key, _Members(key, site, wanted, [], [], True))
        else:
            key = f"site:{site}"
            members = groups.setdefault(key, _Members(key, site, f"{site} site recorder", [], []))
        members.cameras.append(outcome)
    for recorder in recorders:
        site_group = groups.get(f"site:{recorder.site}")
        if recorder.id not in named and site_group is not None:
            site_group.recorders.append(recorder)
    return list(groups.values())


def _action(members: _Members, vms: VmsPlatform | None) -> tuple[GroupAction, str]:
    """What happens to a group's recording, and why, from its surveyed recorders."""
    if members.named_unknown:
        return GroupAction.CONFIRM, (
            f"recorder '{members.name}' is not in the survey: confirm "
            "its maker and capacity on site"
        )
    by_status: dict[Status, list[CameraOutcome]] = {}
    for recorder in members.recorders:
        by_status.setdefault(recorder.status, []).append(recorder)
    excluded = by_status.get(Status.NOT_A_CAMERA, [])
    if excluded:
        rules = sorted({r.rule_set_id for o in excluded for r in o.decision.reasons})
        names = ", ".join(_existing(o) for o in excluded)
        return GroupAction.REPLACE, f"{names}: excluded ({', '.join(rules)})"
    if by_status.get(Status.UNKNOWN):
        names = ", ".join(_existing(o) for o in by_status[Status.UNKNOWN])
        return GroupAction.CONFIRM, f"{names}: maker not identified; confirm on site"
    if by_status.get(Status.ALLOWED):
        names = ", ".join(_existing(o) for o in by_status[Status.ALLOWED])
        return GroupAction.KEEP, f"{names}: compliant, stays"
    if vms is not None:
        return GroupAction.KEEP, f"recorded by {vms.name}, which stays"
    return GroupAction.CONFIRM, (
        "no recorder surveyed for these cameras: confirm where they record"
    )


def _vms_check(
    outcome: CameraOutcome, action: GroupAction, members: _Members, vms: VmsPlatform | None
) -> VmsCheck | None:
    """Replacements recorded by what stays — the retained VMS, or a compliant recorder."""
    offer = outcome.offer
    if offer is None:
        return None
    if vms is not None:
        platform = vms.name
    elif action is GroupAction.KEEP and members.recorders:
        platform = "the retained recorder " + _existing(members.recorders[0])
    else:
        return None
    profiles = offer.model.onvif_profiles
    ok = any(p.strip().upper() in {"S", "T"} for p in profiles) if profiles else None
    return VmsCheck(outcome.id, platform, profiles, ok)


def build(
    outcomes: Sequence[CameraOutcome],
    catalog: Catalog,
    model: BitrateModel,
    settings: SystemSettings,
    vms: VmsPlatform | None,
    compliant: Callable[[str], bool],
    phase_of: Mapping[int, str],
) -> list[RecorderGroup]:
    """Every group with its streams, its action, its recorder choice and its licences."""
    streams = _Streams(model, settings.recording)
    candidates = [
        r
        for r in catalog.recorders
        if compliant(r.vendor_id) and (vms is None or r.vms_id == vms.vms_id)
    ]
    platforms = {p.vms_id: p for p in catalog.vms_platforms}
    headroom = model.filesystem_headroom
    out = []
    for members in _gather(outcomes):
        action, why = _action(members, vms)
        lines = tuple(streams.line(o, _vms_check(o, action, members, vms)) for o in members.cameras)
        demands = [line.demand for line in lines for _ in range(line.cameras)]
        choice, platform, licence = None, vms, None
        if action is GroupAction.KEEP:
            demand = recorder_demand(demands, headroom, settings.raid)
        else:
            choice = select_recorder(demands, candidates, headroom, settings.raid)
            demand = choice.demand
            platform = vms or (platforms.get(choice.model.vms_id or "") if choice.model else None)
            licence = _licences(platform, choice, len(lines))
        out.append(
            RecorderGroup(
                members.key,
                members.site,
                members.name,
                action,
                why,
                lines,
                demand,
                tuple(r.id for r in members.recorders),
                choice,
                platform,
                licence,
                _phase(members, phase_of),
            )
        )
    return out


def _licences(
    platform: VmsPlatform | None, choice: RecorderChoice, cameras: int
) -> LicenceLine | None:
    if platform is None:
        return None
    included = (choice.model.licences_included or 0) * choice.units if choice.model else 0
    return licences(platform, cameras, included)


def _phase(members: _Members, phase_of: Mapping[int, str]) -> str:
    """The phase a group's recorder is installed in: its old recorder's, else that of its
    first camera (in survey order) that the works replace."""
    for outcome in (*members.recorders, *members.cameras):
        if outcome.id in phase_of:
            return phase_of[outcome.id]
    return ""
