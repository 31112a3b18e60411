"""Run one bounded scan: probes out at a fixed pace, answers in, ONVIF questions, the ARP cache.

Bounds, all enforced here: datagrams go only to the chosen interface's
multicast groups (TTL 1) and the addresses the user listed; replies from other
addresses are ignored unless the user chose an interface; ONVIF services are
asked only at an address that answered; datagrams and HTTP requests share one
pace; one deadline ends everything; ``cancelled()`` is checked between every
step; credentials are offered once per device, never guessed.
"""

from __future__ import annotations

import ipaddress
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

from specassist.discovery import arp, dhip, onvif, sadp, wsd
from specassist.discovery.limits import (
    DEFAULT_RATE,
    Clock,
    Deadline,
    Pace,
    TargetError,
    expand_targets,
)
from specassist.discovery.onvif import Credentials
from specassist.discovery.records import DeviceRecord, Finding, collect
from specassist.discovery.sockets import Datagrams, interface_address

Progress = Callable[[str, float], None]
Cancelled = Callable[[], bool]

DEFAULT_TIMEOUT_S = 30.0
"""Enough for a /24 at the default pace (~4 s of probes, 2 s of listening) plus ONVIF
questions to a few dozen cameras at 3 s each, four at a time."""
REPLY_WAIT_S = 2.0
"""How long to listen after the last probe. Cameras answer within milliseconds; WS-Discovery
lets a device wait up to APP_MAX_DELAY (500 ms) before answering a multicast probe."""
HTTP_TIMEOUT_S = 3.0
ONVIF_WORKERS = 4
"""ONVIF questions in flight at once: enough to hide network latency, few enough that a
camera VLAN never sees a burst (the shared pace still applies)."""
POLL_S = 0.05
MAX_NOTES = 20
"""Unreadable datagrams are reported one by one up to this many, then counted."""


@dataclass(frozen=True, slots=True)
class Ports:
    """Where each protocol is spoken; tests aim these at fake devices on loopback."""

    wsd: int = wsd.PORT
    sadp: int = sadp.PORT
    dhip: int = dhip.PORT


@dataclass(frozen=True, slots=True)
class ScanRequest:
    """What the user chose: where to look, how fast, for how long, and a login if any."""

    interface: str | None = None
    hosts: tuple[str, ...] = ()
    ranges: tuple[str, ...] = ()
    ports: Ports = Ports()
    credentials: Credentials | None = None
    timeout_s: float = DEFAULT_TIMEOUT_S
    rate: float = DEFAULT_RATE
    reply_wait_s: float = REPLY_WAIT_S
    http_timeout_s: float = HTTP_TIMEOUT_S
    use_arp_cache: bool = True


@dataclass(slots=True)
class ScanReport:
    devices: list[DeviceRecord]
    targets: int
    sent: int = 0
    replies: int = 0
    elapsed_s: float = 0.0
    timed_out: bool = False
    cancelled: bool = False
    notes: list[str] = field(default_factory=list)


def _plan(
    request: ScanRequest, targets: list[str]
) -> tuple[list[tuple[bytes, tuple[str, int]]], set[str]]:
    """Every datagram to send, multicast first, and the WS-Discovery message ids to expect."""
    ids, probes = wsd.build_probes()
    inquiry, search = sadp.build_inquiry(), dhip.build_search()
    ports = request.ports
    plan: list[tuple[bytes, tuple[str, int]]] = []
    if request.interface is not None:
        plan += [(probe, (wsd.GROUP, ports.wsd)) for probe in probes]
        plan += [(inquiry, (sadp.GROUP, ports.sadp)), (search, (dhip.GROUP, ports.dhip))]
    for address in targets:
        plan += [(probe, (address, ports.wsd)) for probe in probes]
        plan += [(inquiry, (address, ports.sadp)), (search, (address, ports.dhip))]
    return plan, set(ids)


class _Scan:
    """The state of one running scan; ``run_scan`` is its only user."""

    def __init__(
        self, request: ScanRequest, progress: Progress, cancelled: Cancelled, clock: Clock
    ) -> None:
        self.request = request
        self.progress = progress
        self.is_cancelled = cancelled
        self.deadline = Deadline(request.timeout_s, clock)
        self.pace = Pace(request.rate, clock)
        self.clock = clock
        self.targets = expand_targets(request.hosts, request.ranges)
        self.interface_ip = (
            interface_address(request.interface) if request.interface is not None else None
        )
        if not self.targets and self.interface_ip is None:
            raise TargetError("choose an interface to probe, or hosts or a range to sweep")
        self.report = ScanReport([], len(self.targets))
        self.heard: list[tuple[str, list[Finding]]] = []
        self.xaddrs: dict[str, list[str]] = {}
        self.device_notes: dict[str, list[str]] = {}
        self.expected_ids: set[str] = set()
        self._target_set = frozenset(self.targets)
        self._bad_datagrams = 0
        self._lock = threading.Lock()
        self.sockets: Datagrams | None = None

    # ---------------------------------------------------------------- replies

    def accept(self, data: bytes, source: tuple[str, int]) -> None:
        address = source[0]
        if self.interface_ip is None and address not in self._target_set:
            return  # not an address the user chose
        try:
            found = self._parse(data, address)
        except ValueError as exc:
            self._bad_datagrams += 1
            if self._bad_datagrams <= MAX_NOTES:
                self.report.notes.append(f"unreadable reply from {address}:{source[1]}: {exc}")
            return
        if found:
            self.report.replies += 1
            self.heard.extend((address, findings) for findings in found)

    def _parse(self, data: bytes, address: str) -> list[list[Finding]]:
        if data[4:8] == dhip.MAGIC:
            answer = dhip.parse_reply(data)
            return [] if answer is None else [self._with_reported(address, *answer)]
        if b"Envelope" in data[:512]:
            matches = wsd.parse_probe_matches(data, self.expected_ids)
            for match in matches:
                self.xaddrs.setdefault(address, []).extend(match.xaddrs)
            return [m.findings for m in matches]
        answer = sadp.parse_reply(data)
        return [] if answer is None else [self._with_reported(address, *answer)]

    def _with_reported(
        self, address: str, reported: str | None, found: list[Finding]
    ) -> list[Finding]:
        note = f"answered from {address} but reports its address as {reported}"
        notes = self.device_notes.setdefault(address, [])
        if reported is not None and reported != address and note not in notes:
            notes.append(note)
        return found

    def drain(self, wait: float) -> None:
        assert self.sockets is not None, "sockets are open while probing and listening"
        for data, source in self.sockets.receive(wait):
            self.accept(data, source)

    # ---------------------------------------------------------------- phases

    def stop_now(self) -> bool:
        if self.is_cancelled():
            self.report.cancelled = True
        elif self.deadline.expired():
            self.report.timed_out = True
        return self.report.cancelled or self.report.timed_out

    def probe(self, plan: list[tuple[bytes, tuple[str, int]]]) -> None:
        for n, (payload, target) in enumerate(plan):
            while (wait := self.pace.wait_time()) > 0 and not self.stop_now():
                self.drain(min(wait, self.deadline.remaining()))
            if self.stop_now():
                return
            assert self.sockets is not None
            note = self.sockets.send(payload, target)
            self.pace.take()
            self.report.sent += 1
            if note is not None and len(self.report.notes) < MAX_NOTES:
                self.report.notes.append(note)
            if n % 16 == 0:
                self.progress(
                    f"Probing: {n + 1} of {len(plan)} datagrams sent", 0.6 * n / len(plan)
                )

    def listen(self) -> None:
        self.progress("Listening for answers", 0.6)
        until = self.clock() + self.request.reply_wait_s
        while (left := until - self.clock()) > 0 and not self.stop_now():
            self.drain(min(POLL_S, left, self.deadline.remaining()))

    def gate(self) -> float | None:
        """Before each HTTP request: wait for the pace; the request's timeout or None to stop."""
        with self._lock:
            while (wait := self.pace.wait_time()) > 0:
                if self.stop_now():
                    return None
                time.sleep(min(wait, POLL_S))
            if self.stop_now():
                return None
            self.pace.take()
            return min(self.request.http_timeout_s, self.deadline.remaining())

    def ask_onvif(self, records: list[DeviceRecord]) -> None:
        work = []
        for record in records:
            url = self._service_url(record)
            if url is not None:
                work.append((record, url))
        if not work:
            return
        self.progress(f"Asking {len(work)} ONVIF device(s)", 0.7)
        credentials = self.request.credentials
        with ThreadPoolExecutor(max_workers=ONVIF_WORKERS) as pool:
            futures = [
                (record, pool.submit(onvif.query_device, url, credentials, self.gate))
                for record, url in work
            ]
            for n, (record, future) in enumerate(futures):
                answer = future.result()
                record.add(answer.findings)
                record.notes.extend(answer.notes)
                self.progress(
                    f"ONVIF: {n + 1} of {len(work)} asked", 0.7 + 0.25 * (n + 1) / len(work)
                )

    def _service_url(self, record: DeviceRecord) -> str | None:
        """The first http service address at the device's own address or a chosen target."""
        offered = self.xaddrs.get(record.address, [])
        for url in offered:
            host = wsd.xaddr_host(url)
            if url.lower().startswith("http://") and host in (record.address, *self._target_set):
                return url
        if offered:
            record.notes.append(
                "ONVIF service not asked: its address is outside the scanned addresses or not "
                f"plain http ({' '.join(offered)})"
            )
        return None

    def run(self) -> ScanReport:
        start = self.clock()
        plan, self.expected_ids = _plan(self.request, self.targets)
        groups = [(sadp.GROUP, self.request.ports.sadp), (dhip.GROUP, self.request.ports.dhip)]
        with Datagrams(self.interface_ip, groups) as self.sockets:
            self.report.notes.extend(self.sockets.notes)
            self.probe(plan)
            if not self.stop_now():
                self.listen()
            self.drain(0)  # answers already here when the scan stopped still count
        self.sockets = None
        records = sorted(collect(self.heard), key=lambda r: ipaddress.IPv4Address(r.address))
        for record in records:
            record.notes.extend(self.device_notes.get(record.address, []))
        if not self.stop_now():
            self.ask_onvif(records)
        if self.request.use_arp_cache and not self.report.cancelled:
            table, note = arp.read_cache()
            if note:
                self.report.notes.append(note)
            for record in records:
                record.add(arp.findings_for(record.address, table))
        if self._bad_datagrams > MAX_NOTES:
            self.report.notes.append(f"{self._bad_datagrams - MAX_NOTES} more unreadable replies")
        self.report.devices = records
        self.report.elapsed_s = self.clock() - start
        self.progress(f"Found {len(records)} device(s)", 1.0)
        return self.report


def run_scan(
    request: ScanRequest,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    clock: Clock = time.monotonic,
) -> ScanReport:
    """Scan as the request says. Raises TargetError/InterfaceError for a bad choice, before
    sending anything; a cancelled or timed-out scan returns what it found so far, flagged."""
    scan = _Scan(request, progress or (lambda _t, _f: None), cancelled or (lambda: False), clock)
    return scan.run()
