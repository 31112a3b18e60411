"""Hikvision's Search Active Devices Protocol (SADP): an XML inquiry and the devices' ProbeMatch.

Hikvision devices (and OEM relabels running its firmware) answer SADP without
credentials, even before activation. The inquiry is a small XML document,
``<Probe><Uuid>…</Uuid><Types>inquiry</Types></Probe>``, sent over UDP to the
multicast group 239.255.255.250 port 37020; each device answers with a
``<ProbeMatch>`` listing DeviceDescription (the model), DeviceSN, MAC (dashed),
IPv4Address, SoftwareVersion, Activated and more. Message shapes as used by the
public scanner julienblitte/UniversalScanner (UniversalScanner/Hikvision.cs and
Hikvision.selftest, commit 17edc381 / 1da55489, read 2026-12).
"""

from __future__ import annotations

import uuid
import xml.etree.ElementTree as ET

from specassist.discovery.records import DeviceField, Finding, Protocol

PORT = 37020
GROUP = "239.255.255.250"

# ProbeMatch element → field. The serial Hikvision reports embeds the model
# (DS-2CD2143G2-I20200101AAWRE12345678), which the identification stage can use.
_FIELDS = {
    "DeviceDescription": DeviceField.MODEL,
    "DeviceSN": DeviceField.SERIAL,
    "MAC": DeviceField.MAC,
    "SoftwareVersion": DeviceField.FIRMWARE,
}


def build_inquiry(inquiry_id: str | None = None) -> bytes:
    inquiry_id = inquiry_id or str(uuid.uuid4()).upper()
    return (
        '<?xml version="1.0" encoding="utf-8"?>'
        f"<Probe><Uuid>{inquiry_id}</Uuid><Types>inquiry</Types></Probe>"
    ).encode()


def parse_reply(data: bytes) -> tuple[str | None, list[Finding]] | None:
    """(the IPv4 address the device reports, findings) for a ProbeMatch; None for other XML.

    Raises ``ValueError`` for a datagram that is not XML at all, so the caller
    can name the sender in its report.
    """
    try:
        root = ET.fromstring(data)
    except ET.ParseError as exc:
        raise ValueError(f"not a SADP message: {exc}") from None
    if root.tag != "ProbeMatch":
        return None
    values = {child.tag: (child.text or "").strip() for child in root}
    findings = [
        Finding(fld, values[tag], Protocol.SADP, f"ProbeMatch/{tag}")
        for tag, fld in _FIELDS.items()
        if values.get(tag)
    ]
    return values.get("IPv4Address") or None, findings
