"""ONVIF device service calls over plain SOAP: who made the device, its model, serial and MAC.

``GetDeviceInformation`` (Manufacturer, Model, FirmwareVersion, SerialNumber)
and ``GetNetworkInterfaces`` (each interface's HwAddress) from the ONVIF device
service WSDL (http://www.onvif.org/ver10/device/wsdl). Each call is tried first
without credentials, as many devices answer GetDeviceInformation to anyone;
only when the device refuses and the user gave credentials for this scan is it
repeated, once, with a WS-Security UsernameToken whose password is sent as a
digest: Base64(SHA-1(nonce + created + password)), per the OASIS UsernameToken
Profile 1.0. No other password is ever tried. The password lives only in the
``Credentials`` object: never logged, never in a repr, never written anywhere.
"""

from __future__ import annotations

import base64
import hashlib
import http.client
import os
import xml.etree.ElementTree as ET
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from urllib.parse import urlsplit

from specassist.discovery.records import DeviceField, Finding, Protocol

_SOAP = "http://www.w3.org/2003/05/soap-envelope"
_TDS = "http://www.onvif.org/ver10/device/wsdl"
_TT = "http://www.onvif.org/ver10/schema"
_WSSE = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd"
_WSU = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd"
_DIGEST = (
    "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0"
    "#PasswordDigest"
)
_BASE64 = (
    "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-soap-message-security-1.0#Base64Binary"
)
MAX_RESPONSE = 1 << 20
"""A device-information answer is a few kB; a megabyte means something else is talking."""


@dataclass(frozen=True, slots=True)
class Credentials:
    """One user name and password, given for this scan only."""

    user: str
    password: str = field(repr=False)

    def __repr__(self) -> str:
        return f"Credentials(user={self.user!r}, password=<hidden>)"


@dataclass(slots=True)
class OnvifAnswer:
    """What one device's service said, what it refused, and which calls needed the login."""

    findings: list[Finding] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    authenticated: list[str] = field(default_factory=list)


class OnvifError(Exception):
    """A call failed: the device refused, answered with a fault, or could not be reached."""

    def __init__(self, message: str, needs_auth: bool = False) -> None:
        super().__init__(message)
        self.needs_auth = needs_auth


def password_digest(nonce: bytes, created: str, password: str) -> str:
    return base64.b64encode(
        hashlib.sha1(nonce + created.encode() + password.encode()).digest()
    ).decode()


def username_token(credentials: Credentials, now: datetime, nonce: bytes | None = None) -> str:
    """A wsse:Security header carrying a digest of the password, never the password."""
    nonce = nonce if nonce is not None else os.urandom(16)
    created = now.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"
    user = credentials.user.replace("&", "&amp;").replace("<", "&lt;")
    return (
        f'<wsse:Security xmlns:wsse="{_WSSE}" xmlns:wsu="{_WSU}" s:mustUnderstand="true">'
        f"<wsse:UsernameToken><wsse:Username>{user}</wsse:Username>"
        f'<wsse:Password Type="{_DIGEST}">{password_digest(nonce, created, credentials.password)}'
        "</wsse:Password>"
        f'<wsse:Nonce EncodingType="{_BASE64}">{base64.b64encode(nonce).decode()}</wsse:Nonce>'
        f"<wsu:Created>{created}</wsu:Created></wsse:UsernameToken></wsse:Security>"
    )


def envelope(operation: str, security: str = "") -> bytes:
    header = f"<s:Header>{security}</s:Header>" if security else ""
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><s:Envelope xmlns:s="{_SOAP}">{header}'
        f'<s:Body><{operation} xmlns="{_TDS}"/></s:Body></s:Envelope>'
    ).encode()


def post(url: str, operation: str, body: bytes, timeout: float) -> ET.Element:
    """POST one SOAP request; the response body's root element, or OnvifError."""
    parts = urlsplit(url)
    if parts.scheme != "http" or not parts.hostname:
        raise OnvifError(f"{url}: only plain http service addresses are queried")
    connection = http.client.HTTPConnection(parts.hostname, parts.port or 80, timeout=timeout)
    try:
        connection.request(
            "POST",
            parts.path or "/",
            body,
            {
                "Content-Type": f'application/soap+xml; charset=utf-8; action="{_TDS}/{operation}"',
            },
        )
        response = connection.getresponse()
        data = response.read(MAX_RESPONSE + 1)
    except (OSError, http.client.HTTPException) as exc:
        raise OnvifError(f"{operation}: {exc or type(exc).__name__}") from None
    finally:
        connection.close()
    if len(data) > MAX_RESPONSE:
        raise OnvifError(f"{operation}: answer larger than {MAX_RESPONSE} bytes")
    try:
        root = ET.fromstring(data) if data.strip() else None
    except ET.ParseError:
        root = None
    fault = root.find(f"{{{_SOAP}}}Body/{{{_SOAP}}}Fault") if root is not None else None
    if response.status == 401 or fault is not None or response.status >= 300 or root is None:
        raise _failure(operation, response.status, fault)
    return root


def _failure(operation: str, status: int, fault: ET.Element | None) -> OnvifError:
    """Describe a refusal; ONVIF devices signal a missing login as HTTP 401 or ter:NotAuthorized."""
    codes = []
    reason = ""
    if fault is not None:
        codes = ["".join(v.itertext()).strip() for v in fault.iter(f"{{{_SOAP}}}Value")]
        reason = " ".join("".join(t.itertext()).strip() for t in fault.iter(f"{{{_SOAP}}}Text"))
    words = " ".join([*codes, reason]).lower()
    needs_auth = status == 401 or any(
        w in words for w in ("notauthorized", "not authorized", "failedauthentication")
    )
    detail = reason or (codes[-1] if codes else f"HTTP {status}")
    return OnvifError(f"{operation}: {detail}", needs_auth=needs_auth)


Gate = Callable[[], float | None]
"""Called before every request: waits for the rate limit, then gives the request's timeout in
seconds, or None when the scan is out of time or cancelled and nothing more may be sent."""


def query_device(url: str, credentials: Credentials | None, gate: Gate) -> OnvifAnswer:
    """GetDeviceInformation and GetNetworkInterfaces, each first without credentials.

    A refused call is repeated once with the user's credentials, dated in the
    device's clock. If the device refuses those too, they are not offered
    again: many cameras lock an account after a few failed logins.
    """
    answer = OnvifAnswer()
    offset: timedelta | None = None
    login_refused = False
    for operation, read in _CALLS:
        timeout = gate()
        if timeout is None:
            answer.notes.append(f"{operation} not asked: the scan stopped")
            break
        try:
            answer.findings.extend(read(post(url, operation, envelope(operation), timeout)))
            continue
        except OnvifError as exc:
            if not exc.needs_auth:
                answer.notes.append(str(exc))
                continue
            if credentials is None or login_refused:
                answer.notes.append(f"{operation} needs a login; no usable credentials")
                continue
        if offset is None:
            timeout = gate()
            offset = device_clock_offset(url, timeout) if timeout is not None else timedelta(0)
        timeout = gate()
        if timeout is None:
            answer.notes.append(f"{operation} not asked with credentials: the scan stopped")
            break
        token = username_token(credentials, datetime.now(UTC) + offset)
        try:
            answer.findings.extend(read(post(url, operation, envelope(operation, token), timeout)))
            answer.authenticated.append(operation)
        except OnvifError as exc:
            login_refused = login_refused or exc.needs_auth
            answer.notes.append(f"{exc} (with the credentials given)")
    return answer


def _child_text(parent: ET.Element, path: str) -> str:
    found = parent.find(path)
    return (found.text or "").strip() if found is not None else ""


def device_information(root: ET.Element) -> list[Finding]:
    response = root.find(f"{{{_SOAP}}}Body/{{{_TDS}}}GetDeviceInformationResponse")
    if response is None:
        return []
    pairs = (
        ("Manufacturer", DeviceField.MAKER),
        ("Model", DeviceField.MODEL),
        ("FirmwareVersion", DeviceField.FIRMWARE),
        ("SerialNumber", DeviceField.SERIAL),
    )
    return [
        Finding(fld, text, Protocol.ONVIF, f"GetDeviceInformation/{tag}")
        for tag, fld in pairs
        if (text := _child_text(response, f"{{{_TDS}}}{tag}"))
    ]


def network_interfaces(root: ET.Element) -> list[Finding]:
    """The MAC of each enabled interface (a camera usually has one)."""
    out = []
    path = f"{{{_SOAP}}}Body/{{{_TDS}}}GetNetworkInterfacesResponse/{{{_TDS}}}NetworkInterfaces"
    for interface in root.iterfind(path):
        if _child_text(interface, f"{{{_TT}}}Enabled").lower() == "false":
            continue
        mac = _child_text(interface, f"{{{_TT}}}Info/{{{_TT}}}HwAddress")
        if mac:
            out.append(
                Finding(DeviceField.MAC, mac, Protocol.ONVIF, "GetNetworkInterfaces/HwAddress")
            )
    return out


def device_clock_offset(url: str, timeout: float) -> timedelta:
    """How far the device's clock is from ours; a UsernameToken must be dated in its time.

    GetSystemDateAndTime needs no credentials by the Core Specification. Any
    failure means no correction (offset zero), and the authenticated call
    then says whether the login worked.
    """
    try:
        root = post(url, "GetSystemDateAndTime", envelope("GetSystemDateAndTime"), timeout)
    except OnvifError:
        return timedelta(0)
    utc = root.find(f".//{{{_TT}}}UTCDateTime")
    if utc is None:
        return timedelta(0)
    try:
        values = [int(_child_text(utc, f"{{{_TT}}}{g}/{{{_TT}}}{n}")) for g, n in _UTC_PARTS]
        year, month, day, hour, minute, second = values
        theirs = datetime(year, month, day, hour, minute, second, tzinfo=UTC)
    except ValueError:
        return timedelta(0)
    return theirs - datetime.now(UTC)


_UTC_PARTS = (
    ("Date", "Year"), ("Date", "Month"), ("Date", "Day"),
    ("Time", "Hour"), ("Time", "Minute"), ("Time", "Second"),
)  # fmt: skip

_CALLS: tuple[tuple[str, Callable[[ET.Element], list[Finding]]], ...] = (
    ("GetDeviceInformation", device_information),
    ("GetNetworkInterfaces", network_interfaces),
)
