"""Multicast discovery between two network namespaces this test creates (root only).

The scanner runs in one namespace, a fake camera in the other, joined by a
veth pair that exists only inside them; nothing reaches the host's own
networks. Skipped, with the reason, where namespaces cannot be made.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
SCANNER_IP, DEVICE_IP = "10.231.0.1", "10.231.0.2"


def _ip(*args: str) -> None:
    subprocess.run(["ip", *args], check=True, capture_output=True, text=True, timeout=10)


@pytest.fixture
def namespaces() -> Iterator[tuple[str, str, str, str]]:
    if shutil.which("ip") is None or os.geteuid() != 0:
        pytest.skip("multicast test needs root and iproute2 to create network namespaces")
    tag = str(os.getpid())
    scan_ns, device_ns = f"sa-scan-{tag}", f"sa-dev-{tag}"
    link, peer = f"vs{tag}"[:15], f"vd{tag}"[:15]
    made: list[str] = []
    try:
        for ns in (scan_ns, device_ns):
            _ip("netns", "add", ns)
            made.append(ns)
        _ip("link", "add", link, "netns", scan_ns, "type", "veth", "peer", "name", peer,
            "netns", device_ns)  # fmt: skip
        for ns, dev, address in ((scan_ns, link, SCANNER_IP), (device_ns, peer, DEVICE_IP)):
            _ip("-n", ns, "addr", "add", f"{address}/24", "dev", dev)
            _ip("-n", ns, "link", "set", dev, "up", "multicast", "on")
            _ip("-n", ns, "link", "set", "lo", "up")
            _ip("-n", ns, "route", "add", "224.0.0.0/4", "dev", dev)
    except (subprocess.CalledProcessError, subprocess.TimeoutExpired) as exc:
        for ns in made:
            subprocess.run(["ip", "netns", "del", ns], check=False, timeout=10)
        message = exc.stderr if isinstance(exc, subprocess.CalledProcessError) else str(exc)
        pytest.skip(f"cannot create network namespaces here: {message}")
    try:
        yield scan_ns, device_ns, link, peer
    finally:
        for ns in made:
            subprocess.run(["ip", "netns", "del", ns], check=False, timeout=10)


def test_multicast_probes_on_the_chosen_interface_find_the_device(
    namespaces: tuple[str, str, str, str],
) -> None:
    scan_ns, device_ns, link, peer = namespaces
    env = {**os.environ, "SPECASSIST_TEST_NETNS": device_ns,
           "PYTHONPATH": os.pathsep.join([str(HERE), *sys.path])}  # fmt: skip
    device = subprocess.Popen(
        ["ip", "netns", "exec", device_ns, sys.executable, str(HERE / "netns_fakes.py"), DEVICE_IP],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=env,
    )  # fmt: skip
    try:
        assert device.stdout is not None
        onvif_url = device.stdout.readline().strip()
        assert onvif_url.startswith(f"http://{DEVICE_IP}:")
        scan = subprocess.run(
            ["ip", "netns", "exec", scan_ns, sys.executable, "-m", "specassist", "discover",
             "--interface", link, "--json", "--timeout", "20"],
            capture_output=True, text=True, timeout=60, env=env,
        )  # fmt: skip
    finally:
        if device.stdin is not None:
            device.stdin.close()
        device.wait(timeout=10)
    assert scan.returncode == 0, scan.stderr
    report = json.loads(scan.stdout)
    [found] = report["devices"]
    assert found["address"] == DEVICE_IP
    assert (found["model"], found["mac"]) == ("DS-2CD2387G2-LU", "44:19:B6:77:00:01")
    assert set(found["protocols"]) == {"ws-discovery", "onvif", "sadp", "dhip", "arp"}
    # The ARP cache holds the veth's own MAC, which the fake does not report: both are kept.
    veth = subprocess.run(["ip", "-n", device_ns, "-j", "link", "show", peer],
                          capture_output=True, text=True, check=True, timeout=10)  # fmt: skip
    veth_mac = json.loads(veth.stdout)[0]["address"].upper()
    assert {"protocol": "arp", "source": "/proc/net/arp", "value": veth_mac} in (
        found["found_by"]["mac"]
    )
    # SADP answered to the group: heard on the group listener, not the sender socket.
    assert any(s["protocol"] == "sadp" for s in found["found_by"]["model"])
    assert report["scan"]["targets"] == 0 and "multicast on " + link in report["scan"]["detail"]
