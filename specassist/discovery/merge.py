"""Fold a re-scan into an earlier scan, device by device, matched by MAC.

Addresses change (DHCP, a re-addressed VLAN); the MAC does not. A device the
new scan heard keeps what it says now, plus anything only the earlier scan
learned (a serial read with a login the re-scan did not have). A device not
heard again is kept and listed as missing, never dropped. A device that gave no MAC
is matched by its serial number; with neither, it is added as it is.

The key is the MAC the device reported itself. An ARP-cache MAC is used only
when no other device in the same scan has it: behind a router the cache holds
the router's MAC for every device, and matching on it would fold them together.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from specassist.discovery.records import DeviceField, DeviceRecord, Protocol
from specassist.domain.values import normalise_mac


@dataclass(slots=True)
class MergedScan:
    devices: list[DeviceRecord]
    added: list[DeviceRecord] = field(default_factory=list)
    updated: list[DeviceRecord] = field(default_factory=list)
    unchanged: list[DeviceRecord] = field(default_factory=list)
    missing: list[DeviceRecord] = field(default_factory=list)
    unmatched: list[DeviceRecord] = field(default_factory=list)
    """Heard now with neither a usable MAC nor a serial, so added without matching."""


def merge_keys(records: list[DeviceRecord]) -> list[str | None]:
    """Each record's key: its MAC; without one, its serial number; else None (no match)."""
    own = [_own_mac(r) for r in records]
    arp = [_arp_mac(r) for r in records]
    arp_counts = Counter(m for m in arp if m)
    keys: list[str | None] = []
    for record, mine, cached in zip(records, own, arp, strict=True):
        if mine is None and cached is not None and arp_counts[cached] == 1:
            mine = cached
        serial = record.value(DeviceField.SERIAL)
        keys.append(f"mac:{mine}" if mine else (f"serial:{serial}" if serial else None))
    return keys


def _own_mac(record: DeviceRecord) -> str | None:
    return next(
        (
            mac
            for f in record.sources(DeviceField.MAC)
            if f.protocol is not Protocol.ARP and (mac := normalise_mac(f.value))
        ),
        None,
    )


def _arp_mac(record: DeviceRecord) -> str | None:
    return next(
        (mac for f in record.sources(DeviceField.MAC) if (mac := normalise_mac(f.value))), None
    )


def _values(record: DeviceRecord) -> dict[DeviceField, str | None]:
    return {fld: record.value(fld) for fld in DeviceField}


def _combine(earlier: DeviceRecord, now: DeviceRecord) -> DeviceRecord:
    """The new record, plus earlier findings for fields the new scan said nothing about."""
    combined = DeviceRecord(now.address, list(now.findings), list(now.notes))
    heard = {f.field for f in now.findings}
    combined.add(f for f in earlier.findings if f.field not in heard)
    return combined


def merge_by_mac(earlier: list[DeviceRecord], now: list[DeviceRecord]) -> MergedScan:
    """The devices of both scans, each once; order: the new scan's, then the missing ones."""
    earlier_by_key = {
        key: record for key, record in zip(merge_keys(earlier), earlier, strict=True) if key
    }
    result = MergedScan([])
    matched: set[str] = set()
    for key, record in zip(merge_keys(now), now, strict=True):
        if key is None:
            result.unmatched.append(record)
            result.devices.append(record)
            continue
        previous = earlier_by_key.get(key)
        if previous is None:
            result.added.append(record)
            result.devices.append(record)
            continue
        matched.add(key)
        combined = _combine(previous, record)
        same = _values(combined) == _values(previous) and combined.address == previous.address
        (result.unchanged if same else result.updated).append(combined)
        result.devices.append(combined)
    for key, record in zip(merge_keys(earlier), earlier, strict=True):
        if key is None or key not in matched:
            result.missing.append(record)
            result.devices.append(record)
    return result
