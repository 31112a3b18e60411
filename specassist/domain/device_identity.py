"""Which surveyed device is which, across re-imports, re-scans and plans.

A device is known by its MAC address first (burnt into it), then its serial
number, then its tag on its site (a survey's own name for it, which people
change). Updating a project from a newer survey, keeping a camera placed on a
plan when the survey is imported again, and folding a re-scan into a project
all ask the same question, so they all use this module.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, fields
from typing import Protocol

from specassist.domain.survey import SurveyCamera
from specassist.domain.values import normalise_mac


@dataclass(frozen=True, slots=True)
class DeviceLink:
    """What identifies a surveyed camera across re-imports: MAC first, then serial, then tag."""

    tag: str | None = None
    mac: str | None = None
    serial: str | None = None
    site: str | None = None


def link_of(tag: str | None, mac: str | None, serial: str | None, site: str | None) -> DeviceLink:
    return DeviceLink(tag or None, normalise_mac(mac), (serial or "").strip() or None, site)


@dataclass
class LinkIndex:
    """Known devices by MAC, serial and (site, tag); the newest id wins a shared key."""

    by_mac: dict[str, int] = field(default_factory=dict)
    by_serial: dict[str, int] = field(default_factory=dict)
    by_tag: dict[tuple[str | None, str], int] = field(default_factory=dict)
    links: dict[int, DeviceLink] = field(default_factory=dict)

    @classmethod
    def of(cls, cameras: Iterable[tuple[int, DeviceLink]]) -> LinkIndex:
        index = cls()
        for camera_id, link in sorted(cameras, key=lambda item: item[0]):  # newest id wins
            index.links[camera_id] = link
            if link.mac:
                index.by_mac[link.mac] = camera_id
            if link.serial:
                index.by_serial[link.serial.upper()] = camera_id
            if link.tag:
                index.by_tag[(link.site, link.tag.upper())] = camera_id
        return index

    def find(self, link: DeviceLink) -> int | None:
        """The known device this link names: by MAC, else serial, else tag on its site."""
        return (
            (self.by_mac.get(link.mac) if link.mac else None)
            or (self.by_serial.get(link.serial.upper()) if link.serial else None)
            or (self.by_tag.get((link.site, link.tag.upper())) if link.tag else None)
        )


def _same(a: DeviceLink, b: DeviceLink) -> bool:
    """True when nothing both links state disagrees (MAC, then serial, then tag)."""
    for left, right in ((a.mac, b.mac), (a.serial, b.serial), (a.tag, b.tag)):
        if left and right:
            return left.upper() == right.upper()
    return False


def resolve_links(
    devices: Sequence[_Placed], cameras: Iterable[tuple[int, DeviceLink]]
) -> dict[int, int | None]:
    """The current camera id of every placed device, by id, MAC, serial or tag (in that order).

    A device keeps its camera while that camera still exists and agrees with the
    stored link; otherwise the newest camera with the same MAC, else serial, else
    tag on the same site, takes its place. None when the survey no longer has it.
    """
    index = LinkIndex.of(cameras)
    found: dict[int, int | None] = {}
    for device in devices:
        link = device.link
        current = index.links.get(device.camera_id) if device.camera_id is not None else None
        if current is not None and _same(link, current):
            found[device.id] = device.camera_id
            continue
        found[device.id] = index.find(link)
    return found


class _Placed(Protocol):
    """A placed device as ``resolve_links`` reads it (``plans.PlacedDevice``)."""

    @property
    def id(self) -> int: ...

    @property
    def link(self) -> DeviceLink: ...

    @property
    def camera_id(self) -> int | None: ...


def link_of_camera(camera: SurveyCamera) -> DeviceLink:
    return link_of(camera.tag, camera.mac, camera.serial, camera.site)


@dataclass(frozen=True)
class Merge:
    """How an incoming survey lands on the devices a project already has.

    ``updates`` pairs a known device's id with the incoming row that names it;
    ``additions`` are rows naming no known device; ``repeats`` pair a device an
    earlier row of the same file already named with the later row — never
    applied twice; ``absent`` are known devices the file does not mention.
    """

    updates: list[tuple[int, SurveyCamera]] = field(default_factory=list)
    additions: list[SurveyCamera] = field(default_factory=list)
    repeats: list[tuple[int, SurveyCamera]] = field(default_factory=list)
    absent: list[int] = field(default_factory=list)


class Merger:
    """Matches incoming rows to known devices, batch by batch, by MAC, then serial, then tag
    on the same site; a device is updated once per file however often the file names it."""

    def __init__(self, known: Iterable[tuple[int, DeviceLink]]) -> None:
        self.index = LinkIndex.of(known)
        self.claimed: set[int] = set()

    def take(self, incoming: Sequence[SurveyCamera]) -> Merge:
        result = Merge()
        for camera in incoming:
            found = self.index.find(link_of_camera(camera))
            if found is None:
                result.additions.append(camera)
            elif found in self.claimed:
                result.repeats.append((found, camera))
            else:
                self.claimed.add(found)
                result.updates.append((found, camera))
        return result

    def absent(self) -> list[int]:
        """Known devices no row named (so far)."""
        return [i for i in self.index.links if i not in self.claimed]


def merge(known: Iterable[tuple[int, DeviceLink]], incoming: Sequence[SurveyCamera]) -> Merge:
    """The whole of ``incoming`` matched at once (see ``Merger``)."""
    merger = Merger(known)
    result = merger.take(incoming)
    result.absent.extend(merger.absent())
    return result


def updated(before: SurveyCamera, incoming: SurveyCamera) -> SurveyCamera:
    """The device after an update: what the new file states wins; what it leaves blank keeps
    the project's value (a note or a mounting height typed on site is not lost because the
    office's spreadsheet has no such column). The new file's raw row is kept."""
    names = [f.name for f in fields(SurveyCamera)]
    values = {name: getattr(before, name) for name in names}
    for name in names:
        value = getattr(incoming, name)
        if value not in (None, {}, "") or name in ("source_row", "raw"):
            values[name] = value
    values["extra"] = {**before.extra, **incoming.extra}
    return SurveyCamera(**values)
