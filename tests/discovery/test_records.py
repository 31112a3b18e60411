"""Records, bounds, survey rows and re-scan merging: pure functions, no network."""

from __future__ import annotations

import pytest

from specassist.discovery.limits import Deadline, Pace, TargetError, expand_targets
from specassist.discovery.merge import merge_by_mac
from specassist.discovery.records import DeviceField, DeviceRecord, Finding, Protocol, collect
from specassist.discovery.rows import FOUND_BY_COLUMN, survey_import
from specassist.domain.issues import Severity

F = DeviceField


def _f(
    fld: DeviceField, value: str, protocol: Protocol = Protocol.SADP, source: str = "x"
) -> Finding:
    return Finding(fld, value, protocol, source)


def _device(address: str, *findings: Finding) -> DeviceRecord:
    record = DeviceRecord(address)
    record.add(findings)
    return record


class FakeClock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_targets_expand_hosts_and_ranges_once_each() -> None:
    assert len(expand_targets([], ["192.168.1.0/24"])) == 254
    assert expand_targets(["10.0.0.5", "10.0.0.5"], ["10.0.0.4/31", "10.0.0.9/32"]) == [
        "10.0.0.5", "10.0.0.4", "10.0.0.9",
    ]  # fmt: skip
    assert len(expand_targets([], ["10.0.0.0/20"])) == 4094
    with pytest.raises(TargetError, match="scan it in parts"):
        expand_targets([], ["10.0.0.0/19"])
    with pytest.raises(TargetError, match="CIDR"):
        expand_targets([], ["10.0.0.0/33"])


def test_pace_spaces_events_and_deadline_counts_down() -> None:
    clock = FakeClock()
    pace = Pace(4.0, clock)
    assert pace.wait_time() == 0
    pace.take()
    assert pace.wait_time() == pytest.approx(0.25)
    clock.now += 0.1
    assert pace.wait_time() == pytest.approx(0.15)
    clock.now += 10  # idle time does not bank a burst
    pace.take()
    assert pace.wait_time() == pytest.approx(0.25)
    deadline = Deadline(2.0, clock)
    clock.now += 1.5
    assert deadline.remaining() == pytest.approx(0.5) and not deadline.expired()
    clock.now += 0.5
    assert deadline.expired() and deadline.remaining() == 0
    with pytest.raises(ValueError):
        Pace(0)


def test_the_device_describing_itself_wins_and_disagreements_are_kept() -> None:
    record = _device(
        "10.0.0.2",
        _f(F.MODEL, "IPC", Protocol.WS_DISCOVERY, "ProbeMatch/Scopes/hardware"),
        _f(F.MODEL, "DS-2CD2143G2-I", Protocol.ONVIF, "GetDeviceInformation/Model"),
        _f(F.MAC, "44-19-b6-12-34-56", Protocol.SADP),
        _f(F.MAC, "44:19:B6:12:34:56", Protocol.ARP),
        _f(F.MAC, "44:19:B6:12:34:56", Protocol.ARP),  # a repeat is dropped
    )
    assert record.value(F.MODEL) == "DS-2CD2143G2-I"
    assert record.conflicts() == [F.MODEL]  # MACs agree once normalised
    assert len(record.sources(F.MAC)) == 2 and record.mac == "44:19:B6:12:34:56"
    records = collect([("10.0.0.2", [_f(F.MODEL, "A")]), ("10.0.0.1", []),
                       ("10.0.0.2", [_f(F.SERIAL, "S")])])  # fmt: skip
    assert [r.address for r in records] == ["10.0.0.2", "10.0.0.1"]
    assert records[0].value(F.SERIAL) == "S"


def test_devices_become_rows_with_the_importers_issues() -> None:
    good = _device(
        "192.168.1.64",
        _f(F.MODEL, "DS-2CD2143G2-I", Protocol.ONVIF, "GetDeviceInformation/Model"),
        _f(F.MODEL, "IPC", Protocol.WS_DISCOVERY, "ProbeMatch/Scopes/hardware"),
        _f(F.MAKER, "HIKVISION", Protocol.ONVIF, "GetDeviceInformation/Manufacturer"),
        _f(F.MAC, "44-19-b6-12-34-56", Protocol.SADP, "ProbeMatch/MAC"),
        _f(F.NAME, "Front Gate", Protocol.WS_DISCOVERY, "ProbeMatch/Scopes/name"),
        _f(F.DEVICE_CLASS, "NetworkVideoTransmitter", Protocol.WS_DISCOVERY, "ProbeMatch/Types"),
    )
    good.notes.append("GetNetworkInterfaces needs a login; no usable credentials")
    broken = _device(
        "192.168.1.65",
        _f(F.MAC, "not-a-mac", Protocol.DHIP, "mac"),
        _f(F.MODEL, "IPC-HDW2431T", Protocol.DHIP, "deviceInfo/DeviceType"),
    )
    result = survey_import([good, broken], "probe of 192.168.1.0/24")
    first, second = result.cameras
    assert (first.tag, first.make, first.model) == ("Front Gate", "HIKVISION", "DS-2CD2143G2-I")
    assert (first.mac, first.ip_address) == ("44:19:B6:12:34:56", "192.168.1.64")
    assert first.extra["Device class"] == "NetworkVideoTransmitter"
    assert "model ← onvif GetDeviceInformation/Model, ws-discovery" in first.extra[FOUND_BY_COLUMN]
    assert second.mac is None and second.model == "IPC-HDW2431T"
    by_row = {(i.row, i.severity, i.column) for i in result.issues}
    assert (2, Severity.ERROR, "MAC address") in by_row  # the importer's own MAC check
    assert (1, Severity.WARNING, "Model") in by_row  # sources disagree
    assert (1, Severity.INFO, None) in by_row
    assert (2, Severity.WARNING, None) in by_row  # no tag: the importer's own warning
    assert not any(i.row == 0 for i in result.issues)
    assert result.file == "network discovery" and result.detail == "probe of 192.168.1.0/24"


def test_rescan_merges_by_mac_keeps_what_only_the_first_scan_knew() -> None:
    earlier = [
        _device("10.0.0.5", _f(F.MAC, "44:19:b6:00:00:01"), _f(F.SERIAL, "SN1", Protocol.ONVIF),
                _f(F.MODEL, "DS-2CD2143G2-I")),
        _device("10.0.0.6", _f(F.MAC, "44:19:b6:00:00:02"), _f(F.MODEL, "DS-2CD2387G2-LU")),
        _device("10.0.0.7", _f(F.MAC, "44:19:b6:00:00:03"), _f(F.MODEL, "DS-7608NI-K2")),
    ]  # fmt: skip
    now = [
        _device("10.0.0.50", _f(F.MAC, "44-19-B6-00-00-01"), _f(F.MODEL, "DS-2CD2143G2-I")),
        _device("10.0.0.6", _f(F.MAC, "44:19:b6:00:00:02"), _f(F.MODEL, "DS-2CD2387G2-LU")),
        _device("10.0.0.8", _f(F.MAC, "3c:ef:8c:00:00:09"), _f(F.MODEL, "IPC-HDW2431T")),
        _device("10.0.0.9", _f(F.MODEL, "unknown box")),
    ]
    merged = merge_by_mac(earlier, now)
    [moved] = merged.updated
    assert moved.address == "10.0.0.50" and moved.value(F.SERIAL) == "SN1"
    assert [d.address for d in merged.unchanged] == ["10.0.0.6"]
    assert [d.address for d in merged.added] == ["10.0.0.8"]
    assert [d.address for d in merged.unmatched] == ["10.0.0.9"]
    assert [d.address for d in merged.missing] == ["10.0.0.7"]
    assert [d.address for d in merged.devices] == [
        "10.0.0.50", "10.0.0.6", "10.0.0.8", "10.0.0.9", "10.0.0.7",
    ]  # fmt: skip


def test_a_routers_mac_in_the_arp_cache_does_not_fold_devices_together() -> None:
    router = "00:1a:2b:3c:4d:5e"
    earlier = [_device("10.9.0.5", _f(F.MAC, router, Protocol.ARP), _f(F.MODEL, "A")),
               _device("10.9.0.6", _f(F.MAC, router, Protocol.ARP), _f(F.MODEL, "B"))]  # fmt: skip
    now = [_device("10.9.0.5", _f(F.MAC, router, Protocol.ARP), _f(F.MODEL, "A")),
           _device("10.9.0.6", _f(F.MAC, router, Protocol.ARP), _f(F.MODEL, "B"),
                   _f(F.SERIAL, "SN-B"))]  # fmt: skip
    merged = merge_by_mac(earlier, now)
    assert len(merged.devices) == 4  # nothing to match on, nothing folded
    assert [d.value(F.MODEL) for d in merged.unmatched] == ["A"]
    assert [d.value(F.MODEL) for d in merged.added] == ["B"]  # new serial, no earlier match
    assert len(merge_by_mac(now, now).unchanged) == 1  # the serial matches B with itself
