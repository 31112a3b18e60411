"""WS-Discovery, as ONVIF devices speak it: the Probe we send and the ProbeMatches they return.

Message shapes follow WS-Discovery (2005/04 namespace) as the ONVIF Core
Specification uses it: a SOAP 1.2 Probe for ``dn:NetworkVideoTransmitter`` (the
type every Profile S device lists) and for ``tds:Device`` (the type the Core
Specification asks every device to list), answered by a ProbeMatch carrying the
device's endpoint id, types, scopes and service addresses (XAddrs). Sample
exchanges read: the ``onvif`` npm package's test/serverMockup/Probe.xml and an
ONVIF ProbeMatches capture published at blog.csdn.net/joyden818/article/details/17508079
(both read 2026-12). Scopes such as ``onvif://www.onvif.org/hardware/DS-2CD2143G2-I``,
``…/name/Front%20Gate`` and ``…/MAC/44:19:b6:00:00:01`` identify a device even
when every ONVIF call needs a password we were not given.
"""

from __future__ import annotations

import uuid
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from urllib.parse import unquote, urlsplit

from specassist.discovery.records import DeviceField, Finding, Protocol

PORT = 3702
GROUP = "239.255.255.250"

_SOAP = "http://www.w3.org/2003/05/soap-envelope"
_WSA = "http://schemas.xmlsoap.org/ws/2004/08/addressing"
_WSD = "http://schemas.xmlsoap.org/ws/2005/04/discovery"
PROBE_TYPES = (
    ("dn", "http://www.onvif.org/ver10/network/wsdl", "NetworkVideoTransmitter"),
    ("tds", "http://www.onvif.org/ver10/device/wsdl", "Device"),
)

_SCOPE_PREFIX = "onvif://www.onvif.org/"
# Scope category → the field it names. "type" scopes (video_encoder, ptz,
# Network_Video_Transmitter…) are class hints; location scopes are left out
# because most devices ship with a placeholder such as "location/country/china".
_SCOPE_FIELDS = {
    "hardware": DeviceField.MODEL,
    "name": DeviceField.NAME,
    "mac": DeviceField.MAC,
    "type": DeviceField.DEVICE_CLASS,
}


def new_message_id() -> str:
    return f"uuid:{uuid.uuid4()}"


def build_probe(message_id: str, prefix: str, namespace: str, type_name: str) -> bytes:
    """A Probe asking for devices of one type; replies carry ``message_id`` in RelatesTo."""
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        f'<s:Envelope xmlns:s="{_SOAP}" xmlns:a="{_WSA}" xmlns:d="{_WSD}" '
        f'xmlns:{prefix}="{namespace}">'
        "<s:Header>"
        f"<a:MessageID>{message_id}</a:MessageID>"
        "<a:To>urn:schemas-xmlsoap-org:ws:2005:04:discovery</a:To>"
        "<a:Action>http://schemas.xmlsoap.org/ws/2005/04/discovery/Probe</a:Action>"
        "</s:Header>"
        f"<s:Body><d:Probe><d:Types>{prefix}:{type_name}</d:Types></d:Probe></s:Body>"
        "</s:Envelope>"
    ).encode()


def build_probes() -> tuple[list[str], list[bytes]]:
    """The message ids and the probes for every type in ``PROBE_TYPES``."""
    ids = [new_message_id() for _ in PROBE_TYPES]
    return ids, [build_probe(mid, *kind) for mid, kind in zip(ids, PROBE_TYPES, strict=True)]


@dataclass(slots=True)
class ProbeMatch:
    """One device's answer: what it said about itself and where its services are."""

    endpoint: str
    findings: list[Finding] = field(default_factory=list)
    xaddrs: list[str] = field(default_factory=list)


def _text(element: ET.Element | None) -> str:
    return (element.text or "").strip() if element is not None else ""


def parse_probe_matches(data: bytes, expected_ids: set[str] | None = None) -> list[ProbeMatch]:
    """The ProbeMatch entries in a datagram; [] for anything else (our own probe, a Hello).

    With ``expected_ids`` only answers to our probes count, so a device's Hello
    or another client's exchange overheard on the group is not taken as a reply.
    Malformed XML raises ``ValueError`` so the caller can report the sender.
    """
    try:
        root = ET.fromstring(data)
    except ET.ParseError as exc:
        raise ValueError(f"not a WS-Discovery message: {exc}") from None
    if root.tag != f"{{{_SOAP}}}Envelope":
        return []
    relates = _text(root.find(f"{{{_SOAP}}}Header/{{{_WSA}}}RelatesTo"))
    if expected_ids is not None and relates not in expected_ids:
        return []
    matches = []
    for match in root.iterfind(f"{{{_SOAP}}}Body/{{{_WSD}}}ProbeMatches/{{{_WSD}}}ProbeMatch"):
        endpoint = _text(match.find(f"{{{_WSA}}}EndpointReference/{{{_WSA}}}Address"))
        found = ProbeMatch(endpoint)
        found.xaddrs = _text(match.find(f"{{{_WSD}}}XAddrs")).split()
        for qualified in _text(match.find(f"{{{_WSD}}}Types")).split():
            found.findings.append(
                Finding(
                    DeviceField.DEVICE_CLASS,
                    qualified.rpartition(":")[2],
                    Protocol.WS_DISCOVERY,
                    "ProbeMatch/Types",
                )
            )
        found.findings.extend(scope_findings(_text(match.find(f"{{{_WSD}}}Scopes")).split()))
        matches.append(found)
    return matches


def scope_findings(scopes: list[str]) -> list[Finding]:
    """Model, name, MAC and type from ONVIF scopes; percent-escapes decoded."""
    out = []
    for scope in scopes:
        if not scope.lower().startswith(_SCOPE_PREFIX):
            continue
        category, _, rest = scope[len(_SCOPE_PREFIX) :].partition("/")
        fld = _SCOPE_FIELDS.get(category.lower())
        value = unquote(rest).strip()
        if fld is not None and value:
            out.append(Finding(fld, value, Protocol.WS_DISCOVERY, f"ProbeMatch/Scopes/{category}"))
    return out


def xaddr_host(xaddr: str) -> str | None:
    """The host of a service address such as ``http://192.168.1.64/onvif/device_service``."""
    try:
        return urlsplit(xaddr).hostname
    except ValueError:
        return None
