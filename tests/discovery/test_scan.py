"""Real scans against fake devices on loopback: what is found, where from, within which bounds."""

from __future__ import annotations

import itertools
import logging
import time
from collections.abc import Callable
from typing import Any

import pytest
from fake_devices import (
    CameraFacts,
    DhipResponder,
    FakeCamera,
    OnvifService,
    SadpResponder,
    WsdResponder,
)

from specassist.discovery.limits import TargetError
from specassist.discovery.onvif import Credentials
from specassist.discovery.records import DeviceField, Protocol
from specassist.discovery.scan import Ports, ScanRequest, run_scan

FAST = {"reply_wait_s": 0.3, "rate": 2000.0, "use_arp_cache": False}


def _request(**kwargs: Any) -> ScanRequest:
    return ScanRequest(**{**FAST, **kwargs})


def test_onvif_camera_without_login_is_named_by_its_service_and_scopes(
    fake_camera: FakeCamera,
) -> None:
    report = run_scan(_request(hosts=("127.0.0.1",), ports=Ports(wsd=fake_camera.wsd.port)))
    [device] = report.devices
    assert device.address == "127.0.0.1"
    assert device.value(DeviceField.MODEL) == "DS-2CD2143G2-I"
    assert device.value(DeviceField.MAKER) == "Hikvision"
    assert device.value(DeviceField.SERIAL) == fake_camera.facts.serial
    model_sources = {(f.protocol, f.source) for f in device.sources(DeviceField.MODEL)}
    assert model_sources == {
        (Protocol.ONVIF, "GetDeviceInformation/Model"),
        (Protocol.WS_DISCOVERY, "ProbeMatch/Scopes/hardware"),
    }
    # GetNetworkInterfaces needs a login: the MAC comes from the scopes alone.
    [mac] = device.sources(DeviceField.MAC)
    assert (mac.protocol, mac.value) == (Protocol.WS_DISCOVERY, "44:19:b6:12:34:56")
    assert device.mac == "44:19:B6:12:34:56"
    assert any("GetNetworkInterfaces needs a login" in n for n in device.notes)
    assert fake_camera.onvif.log.calls == [
        ("GetDeviceInformation", "none"),
        ("GetNetworkInterfaces", "none"),
    ]
    assert not report.timed_out and not report.cancelled and report.replies == 2


def test_the_login_is_offered_once_as_a_digest_and_never_logged(
    fake_camera: FakeCamera, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    password = fake_camera.onvif.password
    request = _request(
        hosts=("127.0.0.1",),
        ports=Ports(wsd=fake_camera.wsd.port),
        credentials=Credentials("admin", password),
    )
    report = run_scan(request)
    [device] = report.devices
    macs = {(f.protocol, f.source) for f in device.sources(DeviceField.MAC)}
    assert (Protocol.ONVIF, "GetNetworkInterfaces/HwAddress") in macs
    assert fake_camera.onvif.log.calls == [
        ("GetDeviceInformation", "none"),
        ("GetNetworkInterfaces", "none"),
        ("GetSystemDateAndTime", "none"),
        ("GetNetworkInterfaces", "valid"),
    ]
    assert password not in repr(request) and password not in caplog.text
    assert password not in repr(report)


def test_a_refused_login_is_not_tried_again(start_fake: Callable[[Any], Any]) -> None:
    facts = CameraFacts()
    locked = frozenset({"GetDeviceInformation", "GetNetworkInterfaces"})
    service = start_fake(OnvifService(facts, locked=locked))
    responder = start_fake(WsdResponder(facts, service.url))
    request = _request(
        hosts=("127.0.0.1",),
        ports=Ports(wsd=responder.port),
        credentials=Credentials("admin", "wrong"),
    )
    [device] = run_scan(request).devices
    attempts = [c for c in service.log.calls if c[1] != "none"]
    assert attempts == [("GetDeviceInformation", "invalid")]
    assert device.value(DeviceField.MODEL) == facts.model  # from the scopes still
    assert any("with the credentials given" in n for n in device.notes)


def test_scopes_identify_a_camera_whose_service_does_not_answer(
    start_fake: Callable[[Any], Any],
) -> None:
    facts = CameraFacts(model="DS-2CD2347G2-LU", name="Loading Bay")
    responder = start_fake(WsdResponder(facts, "http://127.0.0.1:9/onvif/device_service"))
    [device] = run_scan(_request(hosts=("127.0.0.1",), ports=Ports(wsd=responder.port))).devices
    assert device.value(DeviceField.MODEL) == "DS-2CD2347G2-LU"
    assert device.value(DeviceField.NAME) == "Loading Bay"
    assert device.mac == "44:19:B6:12:34:56"
    assert {f.protocol for f in device.findings} == {Protocol.WS_DISCOVERY}
    assert any("GetDeviceInformation" in n for n in device.notes)


def test_a_service_address_outside_the_scan_is_not_asked(
    start_fake: Callable[[Any], Any],
) -> None:
    facts = CameraFacts()
    elsewhere = start_fake(OnvifService(facts, host="127.0.0.9"))
    responder = start_fake(WsdResponder(facts, elsewhere.url))
    [device] = run_scan(_request(hosts=("127.0.0.1",), ports=Ports(wsd=responder.port))).devices
    assert elsewhere.log.calls == []
    assert any("outside the scanned addresses" in n for n in device.notes)


def test_sadp_and_dhip_devices_answer_without_credentials(
    fake_sadp: SadpResponder, fake_dhip: DhipResponder
) -> None:
    # Both fakes are on 127.0.0.1, so they are one address with two answers: use two scans.
    hik = run_scan(_request(hosts=("127.0.0.1",), ports=Ports(wsd=9, sadp=fake_sadp.port, dhip=9)))
    [nvr] = hik.devices
    assert nvr.value(DeviceField.MODEL) == "DS-7608NI-K2"
    assert nvr.mac == "BC:AD:28:AA:BB:01"
    assert nvr.value(DeviceField.FIRMWARE) == "V4.30.085 build 210918"
    assert {f.protocol for f in nvr.findings} == {Protocol.SADP}
    dahua = run_scan(
        _request(hosts=("127.0.0.1",), ports=Ports(wsd=9, sadp=9, dhip=fake_dhip.port))
    )
    [ipc] = dahua.devices
    assert ipc.value(DeviceField.MODEL) == "IPC-HDW2431T-AS-S2"
    assert ipc.value(DeviceField.MAKER) == "Dahua"  # "Private" in Manufacturer is no maker
    assert [f.value for f in ipc.sources(DeviceField.MAKER)] == ["Dahua"]
    assert ipc.value(DeviceField.DEVICE_CLASS) == "IPC"
    assert ipc.mac == "3C:EF:8C:41:6C:CE"


def test_a_device_answering_with_another_address_is_noted(
    start_fake: Callable[[Any], Any],
) -> None:
    # A device configured for another subnet still answers SADP, and says so.
    facts = CameraFacts(reported_address="192.0.0.64")
    sadp = start_fake(SadpResponder(facts))
    [device] = run_scan(
        _request(hosts=("127.0.0.1",), ports=Ports(wsd=9, sadp=sadp.port, dhip=9))
    ).devices
    assert device.address == "127.0.0.1"
    assert device.notes == ["answered from 127.0.0.1 but reports its address as 192.0.0.64"]


def test_no_target_and_bad_targets_are_refused_before_sending() -> None:
    with pytest.raises(TargetError, match="choose an interface"):
        run_scan(_request())
    with pytest.raises(TargetError, match="limit is 4096"):
        run_scan(_request(ranges=("10.0.0.0/16",)))
    with pytest.raises(TargetError, match="expected an IPv4 address"):
        run_scan(_request(hosts=("camera-1.local",)))


def test_the_time_limit_ends_a_scan_stuck_on_a_slow_device(
    start_fake: Callable[[Any], Any],
) -> None:
    facts = CameraFacts()
    slow = start_fake(OnvifService(facts, delay_s=8.0))
    responder = start_fake(WsdResponder(facts, slow.url))
    started = time.monotonic()
    report = run_scan(
        _request(hosts=("127.0.0.1",), ports=Ports(wsd=responder.port), timeout_s=1.0)
    )
    elapsed = time.monotonic() - started
    assert report.timed_out and not report.cancelled
    [device] = report.devices
    assert device.value(DeviceField.MODEL) == facts.model  # the probe's answer is kept
    assert {f.protocol for f in device.findings} == {Protocol.WS_DISCOVERY}
    # The device answers after 8 s; the scan gave up at its 1 s limit (generous margin).
    assert elapsed < 5.0


def test_datagrams_keep_the_pace(start_fake: Callable[[Any], Any]) -> None:
    listener = start_fake(SadpResponder(CameraFacts()))
    rate = 10.0
    ports = Ports(wsd=listener.port, sadp=listener.port, dhip=listener.port)
    run_scan(_request(hosts=("127.0.0.1",), ports=ports, rate=rate))
    arrivals = [t for t, _, _ in listener.received]
    assert len(arrivals) == 4  # two WS-Discovery probes, one SADP inquiry, one DHIP search
    # Three intervals of 1/rate between the first and the last (10 % allowed for timer jitter).
    assert arrivals[-1] - arrivals[0] >= 0.9 * 3 / rate
    assert min(b - a for a, b in itertools.pairwise(arrivals)) >= 0.5 / rate


def test_cancel_stops_sending(start_fake: Callable[[Any], Any]) -> None:
    listener = start_fake(SadpResponder(CameraFacts()))
    ports = Ports(wsd=listener.port, sadp=listener.port, dhip=listener.port)
    progress: list[float] = []
    report = run_scan(
        _request(ranges=("127.0.0.0/24",), ports=ports, rate=100.0),
        progress=lambda _text, fraction: progress.append(fraction),
        cancelled=lambda: len(progress) >= 2,
    )
    assert report.cancelled and not report.timed_out
    assert 0 < report.sent < 254 * 4
    assert len(listener.received) <= report.sent


def test_a_sweep_finds_devices_on_several_loopback_addresses(
    start_fake: Callable[[Any], Any],
) -> None:
    from fake_devices import shared_port

    cameras = {"127.0.0.10": "DS-2CD2143G2-I", "127.0.0.77": "DS-2CD2387G2-LU",
               "127.0.0.200": "IPC-HFW2441S-S"}  # fmt: skip
    wsd_port = shared_port(list(cameras))
    for n, (host, model) in enumerate(cameras.items()):
        facts = CameraFacts(model=model, mac=f"44:19:b6:00:00:{n:02x}")
        service = start_fake(OnvifService(facts, host=host))
        start_fake(WsdResponder(facts, service.url, host=host, port=wsd_port))
    sadp_host = start_fake(SadpResponder(CameraFacts(model="DS-7608NI-K2"), host="127.0.0.30"))
    ports = Ports(wsd=wsd_port, sadp=sadp_host.port, dhip=9)
    report = run_scan(_request(ranges=("127.0.0.0/24",), ports=ports, timeout_s=20.0))
    found = {d.address: d.value(DeviceField.MODEL) for d in report.devices}
    assert found == {**cameras, "127.0.0.30": "DS-7608NI-K2"}
    assert report.targets == 254 and report.sent == 254 * 4
    assert not report.timed_out
