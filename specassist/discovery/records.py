"""A discovered device: every value it reported, each with the protocol and element it came from.

Devices answer several protocols at once (an ONVIF camera may also answer
SADP), and the answers can disagree. Rather than keep one value per field, a
record keeps every ``Finding``; ``value`` picks the most trustworthy one and
``findings`` shows the user where each came from and where sources disagree.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum

from specassist.domain.values import normalise_mac


class DeviceField(StrEnum):
    """The facts discovery can report about a device."""

    MAKER = "maker"
    MODEL = "model"
    SERIAL = "serial"
    FIRMWARE = "firmware"
    MAC = "mac"
    NAME = "name"
    DEVICE_CLASS = "device_class"


class Protocol(StrEnum):
    WS_DISCOVERY = "ws-discovery"
    ONVIF = "onvif"
    SADP = "sadp"
    DHIP = "dhip"
    ARP = "arp"


# Which protocol wins when two report different values for one field. ONVIF's
# GetDeviceInformation is the device describing itself on request; the vendors'
# discovery replies come next; WS-Discovery scopes are free text an installer may
# have edited ("hardware/IPC" is common); the ARP cache only knows the MAC and
# only the MAC of the last hop, so it comes last.
_RANK: dict[Protocol, int] = {
    Protocol.ONVIF: 0,
    Protocol.SADP: 1,
    Protocol.DHIP: 1,
    Protocol.WS_DISCOVERY: 2,
    Protocol.ARP: 3,
}


@dataclass(frozen=True, slots=True)
class Finding:
    """One value for one field, as one protocol message reported it."""

    field: DeviceField
    value: str
    protocol: Protocol
    source: str
    """The element or key that held the value, e.g. ``GetDeviceInformation/Model``."""

    def describe(self) -> str:
        return f"{self.protocol} {self.source}"


@dataclass(slots=True)
class DeviceRecord:
    """Everything heard from one network address during a scan."""

    address: str
    findings: list[Finding] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    """What could not be learned and why, e.g. "GetNetworkInterfaces needs credentials"."""

    def add(self, findings: Iterable[Finding]) -> None:
        """Add findings, dropping exact repeats (a device answering two probes says it twice)."""
        for finding in findings:
            if finding.value.strip() and finding not in self.findings:
                self.findings.append(finding)

    def value(self, fld: DeviceField) -> str | None:
        """The best value for a field: highest-ranked protocol, first reported among equals."""
        candidates = self.sources(fld)
        if not candidates:
            return None
        return min(candidates, key=lambda f: _RANK[f.protocol]).value

    def sources(self, fld: DeviceField) -> list[Finding]:
        return [f for f in self.findings if f.field is fld]

    def conflicts(self) -> list[DeviceField]:
        """Fields whose sources disagree (MACs compared after normalising separators)."""
        out: list[DeviceField] = []
        for fld in DeviceField:
            values = {_comparable(fld, f.value) for f in self.sources(fld)}
            if len(values) > 1 and fld is not DeviceField.DEVICE_CLASS:
                out.append(fld)
        return out

    @property
    def protocols(self) -> list[Protocol]:
        return list(dict.fromkeys(f.protocol for f in self.findings))

    @property
    def mac(self) -> str | None:
        """The MAC in ``AA:BB:CC:DD:EE:FF`` form, or None when none was reported or readable."""
        return normalise_mac(self.value(DeviceField.MAC))


def _comparable(fld: DeviceField, value: str) -> str:
    if fld is DeviceField.MAC:
        return normalise_mac(value) or value
    return value.strip().casefold()


def collect(found: Iterable[tuple[str, list[Finding]]]) -> list[DeviceRecord]:
    """One record per address, in the order addresses were first heard."""
    records: dict[str, DeviceRecord] = {}
    for address, findings in found:
        records.setdefault(address, DeviceRecord(address)).add(findings)
    return list(records.values())
