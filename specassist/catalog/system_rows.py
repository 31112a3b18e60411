"""Turn the system tables' rows into domain objects: recorders, VMS platforms, switches and the
sizing model's constants. Each bad cell is an issue at file:line:column; the row is dropped only
when a value it cannot do without is bad."""

from __future__ import annotations

import re

from specassist.catalog.cells import RowCells
from specassist.catalog.rows import _slug, provenance
from specassist.domain.bitrate import REQUIRED_CONSTANTS
from specassist.domain.system import (
    ModelConstant,
    PoeStandard,
    RaidLevel,
    RecorderKind,
    RecorderModel,
    SwitchKind,
    SwitchModel,
    VmsPlatform,
)
from specassist.domain.units import Kind

_RAID = re.compile(r"^(?:raid\s*)?(0|1|5|6|10)$", re.IGNORECASE)
_NO_RAID = {"none", "jbod", "no"}
_ONVIF = re.compile(r"^[A-Z]$")


def _raid_levels(row: RowCells) -> tuple[RaidLevel, ...]:
    levels: list[RaidLevel] = []
    for item in row.items("raid_levels"):
        if item.lower() in _NO_RAID:
            continue
        match = _RAID.match(item.strip())
        if match is None:
            row.error("raid_levels", "expected RAID levels such as '5;6;10' (or 'none')", item)
            continue
        levels.append(RaidLevel(match.group(1)))
    return tuple(levels)


def recorder(row: RowCells) -> RecorderModel | None:
    kind = row.enum("kind", RecorderKind, required=True)
    result = RecorderModel(
        vendor_id=_slug(row, "vendor_id"), model=row.required("model"),
        kind=kind or RecorderKind.NVR, provenance=provenance(row), series=row.text("series"),
        vms_id=row.text("vms_id"), channels=row.integer("channels", 1, 10_000),
        max_incoming_mbps=row.quantity("max_incoming", Kind.BITRATE),
        drive_bays=row.integer("drive_bays", 0, 200),
        max_raw_tb=row.quantity("max_raw", Kind.STORAGE), raid_levels=_raid_levels(row),
        poe_ports=row.integer("poe_ports", 0, 200),
        poe_standard=row.enum("poe_standard", PoeStandard),
        poe_budget_w=row.quantity("poe_budget", Kind.POWER),
        licences_included=row.integer("licences_included", 0, 10_000),
        discontinued=row.boolean("discontinued"),
    )  # fmt: skip
    return result if kind else None


def vms_platform(row: RowCells) -> VmsPlatform | None:
    profiles = tuple(p.upper() for p in row.items("onvif"))
    for profile in profiles:
        if not _ONVIF.match(profile):
            row.error("onvif", "expected ONVIF profile letters such as 'S;T'", profile)
    return VmsPlatform(
        vms_id=_slug(row, "vms_id"),
        vendor_id=_slug(row, "vendor_id"),
        name=row.required("name"),
        provenance=provenance(row),
        per_camera_licence=row.boolean("per_camera_licence"),
        licence_item=row.text("licence_item"),
        onvif_profiles=profiles,
    )


def switch(row: RowCells) -> SwitchModel | None:
    kind = row.enum("kind", SwitchKind, required=True)
    ports, poe_ports = row.integer("ports", 1, 1000), row.integer("poe_ports", 0, 1000)
    if ports is not None and poe_ports is not None and poe_ports > ports:
        row.error("poe_ports", f"more PoE ports than the {ports} ports", row.text("poe_ports"))
    result = SwitchModel(
        vendor_id=_slug(row, "vendor_id"), model=row.required("model"),
        kind=kind or SwitchKind.SWITCH, provenance=provenance(row), poe_ports=poe_ports,
        poe_standard=row.enum("poe_standard", PoeStandard),
        poe_budget_w=row.quantity("poe_budget", Kind.POWER), ports=ports,
        discontinued=row.boolean("discontinued"),
    )  # fmt: skip
    return result if kind else None


def sizing_constant(row: RowCells) -> ModelConstant | None:
    key, text = row.required("key"), row.required("value")
    prov = provenance(row)
    if key and key not in REQUIRED_CONSTANTS:
        row.warning("key", "not a constant of the sizing model; ignored", key)
        return None
    try:
        value = float(text)
    except ValueError:
        row.error("value", "expected a plain number such as '0.060'", text)
        return None
    low, high = REQUIRED_CONSTANTS.get(key, (float("-inf"), float("inf")))
    if not low <= value <= high:
        row.error("value", f"expected a value from {low:g} to {high:g} for {key}", text)
        return None
    return ModelConstant(key, value, prov, row.text("unit")) if key else None
