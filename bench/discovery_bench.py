"""Time a /24 unicast sweep against fake devices on loopback and print the figures.

Usage: python bench/discovery_bench.py [RATE ...]   (default: 250 1000)

Fakes answer on several 127.0.0.x addresses: ONVIF cameras (a WS-Discovery
responder plus a SOAP service each), Hikvision SADP and Dahua DHIP responders.
The sweep covers 127.0.0.0/24 (254 addresses, four datagrams each) and then
asks every ONVIF camera for its device information. Nothing leaves loopback.
Loopback answers in microseconds, so the figures measure SpecAssist's own
pacing and processing; on a site network add the devices' answer times.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests" / "discovery"))

from fake_devices import (
    CameraFacts,
    DhipResponder,
    OnvifService,
    SadpResponder,
    UdpResponder,
    WsdResponder,
    shared_port,
)

from specassist.discovery.scan import Ports, ScanRequest, run_scan

CAMERAS = [f"127.0.0.{n}" for n in range(10, 34)]
SADP_HOSTS = [f"127.0.0.{n}" for n in range(40, 44)]
DHIP_HOSTS = [f"127.0.0.{n}" for n in range(50, 54)]


def start_fleet() -> tuple[list[UdpResponder | OnvifService], Ports]:
    fakes: list[UdpResponder | OnvifService] = []
    wsd_port, sadp_port, dhip_port = (shared_port(h) for h in (CAMERAS, SADP_HOSTS, DHIP_HOSTS))
    for n, host in enumerate(CAMERAS):
        facts = CameraFacts(model=f"DS-2CD2{n:03d}G2-I", mac=f"44:19:b6:00:01:{n:02x}")
        service = OnvifService(facts, host=host).start()
        fakes += [service, WsdResponder(facts, service.url, host, wsd_port).start()]
    for n, host in enumerate(SADP_HOSTS):
        facts = CameraFacts(model="DS-7608NI-K2", mac=f"bc:ad:28:00:02:{n:02x}")
        fakes.append(SadpResponder(facts, host, sadp_port).start())
    for n, host in enumerate(DHIP_HOSTS):
        facts = CameraFacts(maker="Dahua", model="IPC-HDW2431T-AS", mac=f"3c:ef:8c:00:03:{n:02x}")
        fakes.append(DhipResponder(facts, host, dhip_port).start())
    return fakes, Ports(wsd=wsd_port, sadp=sadp_port, dhip=dhip_port)


def sweep(rate: float, ports: Ports) -> None:
    request = ScanRequest(ranges=("127.0.0.0/24",), ports=ports, rate=rate, timeout_s=60.0)
    phases: dict[str, float] = {}
    started = time.perf_counter()

    def progress(text: str, _fraction: float) -> None:
        phase = text.split(":")[0].split(" ")[0]
        phases.setdefault(phase, time.perf_counter() - started)

    report = run_scan(request, progress)
    total = time.perf_counter() - started
    expected = len(CAMERAS) + len(SADP_HOSTS) + len(DHIP_HOSTS)
    print(
        f"rate {rate:6.0f}/s: {report.sent} datagrams to {report.targets} addresses, "
        f"{len(report.devices)}/{expected} devices, total {total:5.2f} s "
        f"(probes done {phases.get('Listening', 0):5.2f} s, ONVIF from "
        f"{phases.get('Asking', 0):5.2f} s; includes {request.reply_wait_s:.1f} s listening)"
    )


def main(rates: list[float]) -> None:
    fakes, ports = start_fleet()
    try:
        for rate in rates:
            sweep(rate, ports)
    finally:
        for fake in fakes:
            fake.stop()


if __name__ == "__main__":
    main([float(a) for a in sys.argv[1:]] or [250.0, 1000.0])
