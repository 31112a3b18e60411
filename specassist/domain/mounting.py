"""How a replacement goes up where the old camera was: mounts, adapters and making good.

The survey says how the old camera was fixed ("wall bracket", "pole", "J-box
DS-1280ZJ-XS", "single gang box"). A replacement either fixes there directly
(a dome on a ceiling, a bullet on a wall), takes a listed accessory that
covers the old fixing (an adapter whose ``adapts_from`` names the old part or
the standard box it sat on), takes a listed accessory on new fixings, or has
no listed mount at all. New fixings leave the old holes and box to be made
good: that is a priced labour line in the costing (``make_good``), never a
silent extra for the installer. Straps on a pole leave nothing to make good.
"""

from __future__ import annotations

from dataclasses import dataclass

from specassist.domain import scoring
from specassist.domain.catalog import Accessory, AccessoryKind, CameraModel
from specassist.domain.measures import Note
from specassist.domain.requirements import (
    FAMILY_OF,
    FIXING_PREFIX,
    FormFamily,
    MountKind,
    Requirement,
)


@dataclass(frozen=True, slots=True)
class AccessoryUse:
    accessory: Accessory | None
    purpose: str
    note: Note | None = None
    make_good: bool = False
    """The old fixing is left behind: make good the surface (a priced labour line)."""


_ACCESSORY_KIND = {
    MountKind.CEILING: AccessoryKind.CEILING,
    MountKind.WALL: AccessoryKind.WALL,
    MountKind.POLE: AccessoryKind.POLE,
    MountKind.CORNER: AccessoryKind.CORNER,
    MountKind.PENDANT: AccessoryKind.PENDANT,
    MountKind.PARAPET: AccessoryKind.PARAPET,
    MountKind.JUNCTION_BOX: AccessoryKind.JUNCTION_BOX,
}


def mounts_directly(family: FormFamily, kind: MountKind) -> bool:
    """Domes, turrets and fisheyes fix straight to a ceiling; bullets carry their own bracket."""
    if kind is MountKind.CEILING:
        return family in (FormFamily.FIXED_DOME, FormFamily.FISHEYE, FormFamily.BULLET)
    if kind is MountKind.WALL:
        return family is FormFamily.BULLET
    return False


Mounting = tuple[tuple[AccessoryUse, ...], float]
"""The accessories a model needs on the old fixing, and the points they earn in the score."""

FitKey = tuple[str, FormFamily, str | None, str | None]
"""What a model's mounting depends on: vendor, form family, mount family, and the model
number when an accessory of its vendor names it (else None)."""


class Mounts:
    """The catalog's mounts by vendor, and each model's mounting for a surveyed fixing (cached)."""

    def __init__(self, accessories: list[Accessory]) -> None:
        self._by_vendor: dict[str, list[Accessory]] = {}
        for accessory in accessories:
            self._by_vendor.setdefault(accessory.vendor_id, []).append(accessory)
        self._cache: dict[tuple[str, MountKind | None, tuple[str, ...]], Mounting] = {}
        self._named = {
            vendor: {ref for accessory in found for ref in accessory.fits}
            for vendor, found in self._by_vendor.items()
        }

    def fit_key(self, model: CameraModel) -> FitKey:
        """Models with the same key get the same mounting on every fixing (``of`` reads only
        these), so a catalog's thousands of models are worked out as a few dozen groups."""
        named = model.model in self._named.get(model.vendor_id, ())
        return (model.vendor_id, FAMILY_OF[model.form_factor], model.mount_family,
                model.model if named else None)  # fmt: skip

    def of(self, model: CameraModel, req: Requirement) -> Mounting:
        key = (model.key, req.mount.value if req.mount else None, req.mount_parts)
        if key not in self._cache:
            self._cache[key] = self._find(model, req)
        return self._cache[key]

    def _find(self, model: CameraModel, req: Requirement) -> Mounting:
        if req.mount is None:
            return (), scoring.MOUNT_NOT_SURVEYED
        kind = req.mount.value
        if mounts_directly(FAMILY_OF[model.form_factor], kind):
            return (), scoring.MOUNT_DIRECT
        wanted = {_ACCESSORY_KIND[kind]}
        if kind is MountKind.JUNCTION_BOX:
            wanted.add(AccessoryKind.ADAPTER_PLATE)
        fitting = [
            a
            for a in self._by_vendor.get(model.vendor_id, [])
            if a.kind in wanted
            and (model.model in a.fits or f"mount:{model.mount_family}" in a.fits)
        ]
        old_parts = {part.upper() for part in req.mount_parts}
        covering = [
            a for a in fitting
            if any(ref.upper() in old_parts or ref.split(":", 1)[-1].upper() in old_parts
                   for ref in a.adapts_from)
        ]  # fmt: skip
        shown_parts = [p for p in req.mount_parts if not p.startswith(FIXING_PREFIX)]
        what = kind.value.replace("_", " ")
        if covering:
            covered = ", ".join(covering[0].adapts_from)
            return _one(covering[0], kind, f"covers the footprint of {covered}"), MOUNT_DIRECT
        if kind is MountKind.POLE:
            # Pole mounts clamp with straps: nothing is left on the pole to make good.
            if fitting:
                return _one(fitting[0], kind, "strapped to the existing pole"), MOUNT_DIRECT
            unlisted = "no pole mount for this model in the catalog: confirm with the supplier"
            return _one(None, kind, unlisted), scoring.MOUNT_UNLISTED
        old = ", ".join(shown_parts) or f"old {what} fixing"
        if fitting:
            note = f"no listed adapter covers the {old}: new fixings; make good the old fixing"
            return _one(fitting[0], kind, note, make_good=True), scoring.MOUNT_NEW_FIXINGS
        note = (
            f"no {what} mount for this model in the catalog: confirm with the supplier; "
            "make good the old fixing"
        )
        return _one(None, kind, note, make_good=True), scoring.MOUNT_UNLISTED


MOUNT_DIRECT = scoring.MOUNT_DIRECT


def _one(
    accessory: Accessory | None, kind: MountKind, note: str, make_good: bool = False
) -> tuple[AccessoryUse, ...]:
    return (AccessoryUse(accessory, kind.value, Note(note), make_good),)
