"""Fake cameras on loopback: a WS-Discovery responder, an ONVIF SOAP service, SADP and DHIP.

Each fake writes its wire messages by hand from the vendors' documented shapes
(not with the code under test), so a framing mistake in SpecAssist cannot be
mirrored here and pass unnoticed. Every fake listens on 127.0.0.0/8 only, or,
with ``in_test_namespace``, inside a network namespace a test created (see
netns_fakes.py); every loop ends on ``stop()`` or after ``MAX_LIFETIME_S``.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
import select
import socket
import struct
import threading
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

MAX_LIFETIME_S = 120.0
POLL_S = 0.05


class UdpResponder:
    """A UDP socket on a loopback address that answers datagrams from a thread.

    With ``group`` it listens on ``port`` as a member of that multicast group on
    the interface holding ``host``, as real devices do; with ``reply_to_group``
    it answers to the group instead of the sender (SADP devices do).
    """

    def __init__(
        self,
        facts: CameraFacts,
        host: str = "127.0.0.1",
        port: int = 0,
        group: str | None = None,
        reply_to_group: bool = False,
        in_test_namespace: bool = False,
    ) -> None:
        assert host.startswith("127.") or in_test_namespace, "fakes stay on loopback"
        self.facts = facts
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        if group is None:
            self.sock.bind((host, port))
        else:
            self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            self.sock.bind(("", port))
            membership = socket.inet_aton(group) + socket.inet_aton(host)
            self.sock.setsockopt(socket.IPPROTO_IP, socket.IP_ADD_MEMBERSHIP, membership)
            self.sock.setsockopt(socket.IPPROTO_IP, socket.IP_MULTICAST_IF, socket.inet_aton(host))
            self.sock.setsockopt(socket.IPPROTO_IP, socket.IP_MULTICAST_TTL, 1)
        self.host, self.port = host, int(self.sock.getsockname()[1])
        self.group_target = (group, self.port) if group and reply_to_group else None
        self.received: list[tuple[float, bytes, tuple[str, int]]] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)

    def start(self) -> UdpResponder:
        self._thread.start()
        return self

    def answer(self, data: bytes) -> bytes | None:
        raise NotImplementedError

    def _serve(self) -> None:
        until = time.monotonic() + MAX_LIFETIME_S
        while not self._stop.is_set() and time.monotonic() < until:
            ready, _, _ = select.select([self.sock], [], [], POLL_S)
            if not ready:
                continue
            data, source = self.sock.recvfrom(65535)
            self.received.append((time.monotonic(), data, source))
            reply = self.answer(data)
            if reply is not None:
                self.sock.sendto(reply, self.group_target or source)

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=2)
        self.sock.close()


@dataclass
class CameraFacts:
    maker: str = "Hikvision"
    model: str = "DS-2CD2143G2-I"
    serial: str = "DS-2CD2143G2-I20220101AAWRJ12345678"
    firmware: str = "V5.7.3 build 220112"
    mac: str = "44:19:b6:12:34:56"
    name: str = "Front Gate"
    scopes_mac: bool = True
    reported_address: str | None = None
    """What SADP and DHIP replies say the address is (default: where the fake listens)."""


class WsdResponder(UdpResponder):
    """Answers a WS-Discovery Probe with a ProbeMatch naming its ONVIF service address."""

    def __init__(self, facts: CameraFacts, xaddr: str, host: str = "127.0.0.1", port: int = 0,
                 **options: Any) -> None:  # fmt: skip
        super().__init__(facts, host, port, **options)
        self.xaddr = xaddr

    def answer(self, data: bytes) -> bytes | None:
        text = data.decode("utf-8", "replace")
        if "discovery/Probe<" not in text:
            return None
        message_id = re.search(r"<[\w:]*MessageID>([^<]+)<", text)
        relates = message_id.group(1) if message_id else ""
        facts = self.facts
        scopes = [
            "onvif://www.onvif.org/type/video_encoder",
            "onvif://www.onvif.org/Profile/Streaming",
            f"onvif://www.onvif.org/hardware/{facts.model}",
            "onvif://www.onvif.org/name/" + facts.name.replace(" ", "%20"),
            "onvif://www.onvif.org/location/country/china",
        ]
        if facts.scopes_mac:
            scopes.append(f"onvif://www.onvif.org/MAC/{facts.mac}")
        return (
            '<?xml version="1.0" encoding="UTF-8"?>'
            '<SOAP-ENV:Envelope xmlns:SOAP-ENV="http://www.w3.org/2003/05/soap-envelope" '
            'xmlns:wsa="http://schemas.xmlsoap.org/ws/2004/08/addressing" '
            'xmlns:wsdd="http://schemas.xmlsoap.org/ws/2005/04/discovery" '
            'xmlns:dn="http://www.onvif.org/ver10/network/wsdl" '
            'xmlns:tds="http://www.onvif.org/ver10/device/wsdl"><SOAP-ENV:Header>'
            "<wsa:MessageID>urn:uuid:4a2b1c3d-0000-4000-8000-001912345678</wsa:MessageID>"
            f"<wsa:RelatesTo>{relates}</wsa:RelatesTo>"
            "<wsa:Action>http://schemas.xmlsoap.org/ws/2005/04/discovery/ProbeMatches"
            "</wsa:Action></SOAP-ENV:Header><SOAP-ENV:Body><wsdd:ProbeMatches><wsdd:ProbeMatch>"
            "<wsa:EndpointReference><wsa:Address>urn:uuid:4a2b1c3d-0000-4000-8000-001912345678"
            "</wsa:Address></wsa:EndpointReference>"
            "<wsdd:Types>dn:NetworkVideoTransmitter tds:Device</wsdd:Types>"
            f"<wsdd:Scopes>{' '.join(scopes)}</wsdd:Scopes>"
            f"<wsdd:XAddrs>{self.xaddr}</wsdd:XAddrs>"
            "<wsdd:MetadataVersion>1</wsdd:MetadataVersion>"
            "</wsdd:ProbeMatch></wsdd:ProbeMatches></SOAP-ENV:Body></SOAP-ENV:Envelope>"
        ).encode()


class SadpResponder(UdpResponder):
    """Answers a SADP inquiry the way Hikvision devices do (dashed MAC, DeviceDescription)."""

    def answer(self, data: bytes) -> bytes | None:
        text = data.decode("utf-8", "replace")
        if "<Types>inquiry</Types>" not in text or "<Probe>" not in text:
            return None
        uuid = re.search(r"<Uuid>([^<]+)</Uuid>", text)
        f = self.facts
        return (
            '<?xml version="1.0" encoding="UTF-8"?>\n<ProbeMatch>'
            f"<Uuid>{uuid.group(1) if uuid else ''}</Uuid><Types>inquiry</Types>"
            "<DeviceType>139</DeviceType>"
            f"<DeviceDescription>{f.model}</DeviceDescription><DeviceSN>{f.serial}</DeviceSN>"
            "<CommandPort>8000</CommandPort><HttpPort>80</HttpPort>"
            f"<MAC>{f.mac.replace(':', '-')}</MAC>"
            f"<IPv4Address>{f.reported_address or self.host}</IPv4Address>"
            "<IPv4SubnetMask>255.0.0.0</IPv4SubnetMask><DHCP>false</DHCP>"
            "<AnalogChannelNum>0</AnalogChannelNum><DigitalChannelNum>1</DigitalChannelNum>"
            f"<SoftwareVersion>{f.firmware}</SoftwareVersion>"
            "<DSPVersion>V7.3 build 220112</DSPVersion><Activated>true</Activated>"
            "</ProbeMatch>"
        ).encode()


class DhipResponder(UdpResponder):
    """Answers DHDiscover.search with a framed client.notifyDevInfo, as Dahua devices do."""

    def answer(self, data: bytes) -> bytes | None:
        if data[4:8] != b"DHIP" or b"DHDiscover.search" not in data:
            return None
        f = self.facts
        body = json.dumps({
            "mac": f.mac,
            "method": "client.notifyDevInfo",
            "params": {"deviceInfo": {
                "DeviceClass": "IPC", "DeviceType": f.model, "HttpPort": 80,
                "IPv4Address": {"IPAddress": f.reported_address or self.host,
                                "SubnetMask": "255.0.0.0"},
                "MachineName": f.serial, "Manufacturer": "Private", "Port": 37777,
                "SerialNo": f.serial, "Vendor": f.maker, "Version": f.firmware,
            }},
        }).encode()  # fmt: skip
        header = struct.pack("<I4sQIIII", 0x20, b"DHIP", 0, len(body), 0, len(body), 0)
        return header + body


@dataclass
class OnvifLog:
    """What the fake ONVIF service was asked: (operation, credentials state) in order."""

    calls: list[tuple[str, str]] = field(default_factory=list)


class OnvifService:
    """An ONVIF device service: GetDeviceInformation open, GetNetworkInterfaces behind a login.

    The login is a WS-Security UsernameToken with a password digest, checked
    here from the OASIS formula. ``delay_s`` makes every answer slow.
    """

    def __init__(
        self,
        facts: CameraFacts,
        user: str = "admin",
        password: str = "Cam-pass-42",
        host: str = "127.0.0.1",
        delay_s: float = 0.0,
        locked: frozenset[str] = frozenset({"GetNetworkInterfaces"}),
        in_test_namespace: bool = False,
    ) -> None:
        self.facts, self.user, self.password = facts, user, password
        self.delay_s, self.locked = delay_s, locked
        self.log = OnvifLog()
        service = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                status, reply = service.handle(body.decode("utf-8", "replace"))
                if service.delay_s:
                    time.sleep(service.delay_s)
                self.send_response(status)
                self.send_header("Content-Type", "application/soap+xml; charset=utf-8")
                self.send_header("Content-Length", str(len(reply)))
                self.end_headers()
                self.wfile.write(reply)

            def log_message(self, *_: object) -> None:
                pass

        assert host.startswith("127.") or in_test_namespace, "fakes stay on loopback"
        self.server = ThreadingHTTPServer((host, 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://{host}:{self.server.server_address[1]}/onvif/device_service"
        self._thread = threading.Thread(target=self.server.serve_forever, args=(POLL_S,))
        self._thread.daemon = True

    def start(self) -> OnvifService:
        self._thread.start()
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()
        self._thread.join(timeout=2)

    def _login(self, text: str) -> str:
        """'none', 'valid' or 'invalid', from the UsernameToken in the request."""
        fields = {
            name: re.search(rf"<[\w:]*{name}(?:\s[^>]*)?>([^<]*)<", text)
            for name in ("Username", "Password", "Nonce", "Created")
        }
        if not all(fields.values()):
            return "none"
        user, digest, nonce, created = (m.group(1) for m in fields.values() if m)
        expected = base64.b64encode(
            hashlib.sha1(base64.b64decode(nonce) + created.encode() + self.password.encode())
            .digest()
        ).decode()  # fmt: skip
        return "valid" if user == self.user and digest == expected else "invalid"

    def handle(self, text: str) -> tuple[int, bytes]:
        operation = next(
            (op for op in ("GetDeviceInformation", "GetNetworkInterfaces", "GetSystemDateAndTime")
             if f"<{op}" in text), "unknown",
        )  # fmt: skip
        login = self._login(text)
        self.log.calls.append((operation, login))
        if operation in self.locked and login != "valid":
            return 400, _fault("ter:NotAuthorized", "Sender not Authorized")
        f = self.facts
        now = datetime.now(UTC)
        bodies = {
            "GetDeviceInformation": (
                f"<tds:GetDeviceInformationResponse><tds:Manufacturer>{f.maker}</tds:Manufacturer>"
                f"<tds:Model>{f.model}</tds:Model><tds:FirmwareVersion>{f.firmware}"
                f"</tds:FirmwareVersion><tds:SerialNumber>{f.serial}</tds:SerialNumber>"
                "<tds:HardwareId>88</tds:HardwareId></tds:GetDeviceInformationResponse>"
            ),
            "GetNetworkInterfaces": (
                '<tds:GetNetworkInterfacesResponse><tds:NetworkInterfaces token="eth0">'
                "<tt:Enabled>true</tt:Enabled><tt:Info><tt:Name>eth0</tt:Name>"
                f"<tt:HwAddress>{f.mac}</tt:HwAddress><tt:MTU>1500</tt:MTU></tt:Info>"
                "</tds:NetworkInterfaces></tds:GetNetworkInterfacesResponse>"
            ),
            "GetSystemDateAndTime": (
                "<tds:GetSystemDateAndTimeResponse><tds:SystemDateAndTime><tt:UTCDateTime>"
                f"<tt:Date><tt:Year>{now.year}</tt:Year><tt:Month>{now.month}</tt:Month>"
                f"<tt:Day>{now.day}</tt:Day></tt:Date><tt:Time><tt:Hour>{now.hour}</tt:Hour>"
                f"<tt:Minute>{now.minute}</tt:Minute><tt:Second>{now.second}</tt:Second>"
                "</tt:Time></tt:UTCDateTime></tds:SystemDateAndTime>"
                "</tds:GetSystemDateAndTimeResponse>"
            ),
        }
        if operation not in bodies:
            return 400, _fault("ter:ActionNotSupported", "unknown operation")
        return 200, _envelope(bodies[operation])


@dataclass
class FakeCamera:
    """An ONVIF camera: a WS-Discovery responder whose XAddrs name the SOAP service."""

    facts: CameraFacts
    wsd: WsdResponder
    onvif: OnvifService


def _envelope(body: str) -> bytes:
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<SOAP-ENV:Envelope xmlns:SOAP-ENV="http://www.w3.org/2003/05/soap-envelope" '
        'xmlns:tds="http://www.onvif.org/ver10/device/wsdl" '
        'xmlns:tt="http://www.onvif.org/ver10/schema" '
        'xmlns:ter="http://www.onvif.org/ver10/error">'
        f"<SOAP-ENV:Body>{body}</SOAP-ENV:Body></SOAP-ENV:Envelope>"
    ).encode()


def _fault(subcode: str, reason: str) -> bytes:
    return _envelope(
        "<SOAP-ENV:Fault><SOAP-ENV:Code><SOAP-ENV:Value>SOAP-ENV:Sender</SOAP-ENV:Value>"
        f"<SOAP-ENV:Subcode><SOAP-ENV:Value>{subcode}</SOAP-ENV:Value></SOAP-ENV:Subcode>"
        f'</SOAP-ENV:Code><SOAP-ENV:Reason><SOAP-ENV:Text xml:lang="en">{reason}'
        "</SOAP-ENV:Text></SOAP-ENV:Reason></SOAP-ENV:Fault>"
    )


def shared_port(hosts: list[str], attempts: int = 20) -> int:
    """A UDP port free on every one of ``hosts`` (fakes sharing one --wsd-port in a sweep)."""
    for _ in range(attempts):
        probes: list[socket.socket] = []
        try:
            first = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
            probes.append(first)
            first.bind((hosts[0], 0))
            port = int(first.getsockname()[1])
            for host in hosts[1:]:
                other = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
                probes.append(other)
                other.bind((host, port))
            return port
        except OSError:
            continue
        finally:
            for sock in probes:
                sock.close()
    raise RuntimeError(f"no UDP port free on all of {hosts} after {attempts} attempts")
