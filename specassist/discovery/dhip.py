"""Dahua's discovery protocol (DHIP over UDP 37810): a framed JSON search and the devices' answers.

A DHIP datagram is a 32-byte header followed by JSON. The header holds its own
size (0x20, little-endian), the magic ``DHIP``, eight bytes of session and
request ids (zero for a search), and the JSON length twice, little-endian, at
offsets 16 and 24. The search is ``{"method": "DHDiscover.search", "params":
{"mac": "", "uni": 1}}``, sent to the multicast group 239.255.255.251; devices
answer ``client.notifyDevInfo`` with ``params.deviceInfo`` (DeviceType = model,
SerialNo, Version = firmware, Vendor, DeviceClass such as IPC/NVR/VTO,
IPv4Address.IPAddress) and the MAC at the top level. Sources (read 2026-12):
julienblitte/UniversalScanner UniversalScanner/Dahua2.cs (commit 08cb1b7f) and a
published reply capture in an amplification-protocol write-up ("DVR
DHCPDiscover", UDP 37810).
"""

from __future__ import annotations

import json
import struct
from typing import Any

from specassist.discovery.records import DeviceField, Finding, Protocol

PORT = 37810
GROUP = "239.255.255.251"

MAGIC = b"DHIP"
HEADER_SIZE = 32
_HEADER = struct.Struct("<I4s8sI4sI4s")

# deviceInfo key → field. "Vendor" and "Manufacturer" are the maker only when they
# name one: OEM builds of Dahua firmware report the placeholders "General" or
# "Private" (both seen in the published captures above), which say nothing.
_FIELDS = {
    "DeviceType": DeviceField.MODEL,
    "SerialNo": DeviceField.SERIAL,
    "Version": DeviceField.FIRMWARE,
    "DeviceClass": DeviceField.DEVICE_CLASS,
    "MachineName": DeviceField.NAME,
    "Vendor": DeviceField.MAKER,
    "Manufacturer": DeviceField.MAKER,
    "Mac": DeviceField.MAC,
}
_PLACEHOLDER_MAKERS = {"general", "private", "oem", "none", ""}


def frame(payload: dict[str, Any]) -> bytes:
    """A DHIP datagram around a JSON payload."""
    body = json.dumps(payload).encode() + b"\n"
    zero4, zero8 = bytes(4), bytes(8)
    return _HEADER.pack(HEADER_SIZE, MAGIC, zero8, len(body), zero4, len(body), zero4) + body


def build_search() -> bytes:
    return frame({"method": "DHDiscover.search", "params": {"mac": "", "uni": 1}})


def unframe(data: bytes) -> dict[str, Any] | None:
    """The JSON inside a DHIP datagram; None if the datagram is not DHIP.

    Raises ``ValueError`` when it is DHIP but the JSON is broken or truncated.
    """
    if len(data) < HEADER_SIZE or data[4:8] != MAGIC:
        return None
    header_size = struct.unpack_from("<I", data, 0)[0]
    if not HEADER_SIZE <= header_size <= len(data):
        raise ValueError(f"DHIP header size {header_size} does not fit a {len(data)}-byte datagram")
    try:
        payload = json.loads(data[header_size:].decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ValueError(f"DHIP reply is not JSON: {exc}") from None
    if not isinstance(payload, dict):
        raise ValueError("DHIP reply is not a JSON object")
    return payload


def parse_reply(data: bytes) -> tuple[str | None, list[Finding]] | None:
    """(the IPv4 address the device reports, findings) for a device's answer; None otherwise.

    Our own search, heard back on the multicast group, is not an answer.
    """
    payload = unframe(data)
    if payload is None or payload.get("method") != "client.notifyDevInfo":
        return None
    params = payload.get("params")
    info = params.get("deviceInfo") if isinstance(params, dict) else None
    if not isinstance(info, dict):
        raise ValueError("DHIP reply without params.deviceInfo")
    findings = []
    if isinstance(payload.get("mac"), str):
        findings.append(Finding(DeviceField.MAC, payload["mac"], Protocol.DHIP, "mac"))
    for key, fld in _FIELDS.items():
        value = info.get(key)
        if not isinstance(value, str | int) or isinstance(value, bool):
            continue
        text = str(value).strip()
        if fld is DeviceField.MAKER and text.casefold() in _PLACEHOLDER_MAKERS:
            continue
        if text:
            findings.append(Finding(fld, text, Protocol.DHIP, f"deviceInfo/{key}"))
    ipv4 = info.get("IPv4Address")
    address = ipv4.get("IPAddress") if isinstance(ipv4, dict) else None
    return (address if isinstance(address, str) and address else None), findings
