"""The system plan: recorders for the surveyed cameras, other devices never offered a camera,
the retained VMS, and a worked storage example through the whole plan."""

from __future__ import annotations

import pytest
from system_cases import (
    analyse,
    axis_1080p,
    camera,
    hikvision_camera,
    hikvision_nvr,
    plan,
    sample,
)

from specassist.domain.bitrate import Codec, RecordingPlan
from specassist.domain.costing import LineKind
from specassist.domain.device_class import DeviceClass
from specassist.domain.outcome import Status
from specassist.domain.recording_groups import UNKNOWN_SIZE_NOTE, GroupAction
from specassist.domain.system_costing import cost_with_system
from specassist.domain.system_settings import SystemSettings

EXCLUDED_MAKERS = {"hikvision", "dahua"}


@pytest.mark.parametrize(
    ("name", "nvr", "door"),
    [
        ("sadp_style_site.csv", "NVR-01", "DOOR-01"),
        ("configtool_style_site.csv", "NVR-A", "VTO-01"),
    ],
)
def test_tool_exports_give_a_recorder_line_and_an_intercom_scope_line(
    name: str, nvr: str, door: str
) -> None:
    analysis = analyse(sample(name))
    by_tag = {o.camera.display_tag: o for o in analysis.outcomes}
    for tag, cls in ((nvr, DeviceClass.RECORDER), (door, DeviceClass.INTERCOM)):
        outcome = by_tag[tag]
        assert outcome.identification.device_class is cls
        assert outcome.status is Status.NOT_A_CAMERA
        assert outcome.offer is None and outcome.match is None  # never a camera
    cameras = [o for o in analysis.outcomes if o.identification.device_class is DeviceClass.CAMERA]
    assert len(cameras) == 3
    # A camera with no lens, view or catalog entry is for a site check, not guessed at.
    assert all(o.offer is not None or o.status is Status.SITE_CHECK for o in cameras)

    system = plan(analysis)
    [group] = system.groups
    assert group.action is GroupAction.REPLACE and group.replaces == (by_tag[nvr].id,)
    assert group.demand.channels == 3  # sized for the surveyed cameras, not for the NVR's 8
    assert {s.camera_id for s in group.streams} == {o.id for o in cameras}
    assert group.model is not None and group.model.vendor_id not in EXCLUDED_MAKERS
    assert group.choice is not None and group.choice.units == 1
    assert group.model.channels is not None and group.model.channels >= 3
    door_path = next(d for d in system.devices if d.tag == door)
    assert door_path.provisional and door_path.action.startswith("compliant door station")
    assert dict(door_path.performance)["Function"].startswith("door or video intercom")

    costing = cost_with_system(analysis.outcomes, system, analysis.engines.prices)
    kinds = [line.kind for line in costing.lines]
    assert kinds.count(LineKind.RECORDER) == 1
    recorder = next(line for line in costing.lines if line.kind is LineKind.RECORDER)
    assert recorder.item == group.model.key and "3 cameras" in recorder.description
    provisional = [line for line in costing.lines if line.kind is LineKind.PROVISIONAL]
    scope = next(line for line in provisional if "door station" in line.description)
    assert door in scope.description
    assert scope.total is None and scope in costing.missing  # no price: listed, never zero
    # Cameras for a site check stay in the estimate as one provisional, unpriced line.
    checks = [o.camera.display_tag for o in cameras if o.status is Status.SITE_CHECK]
    unsized = [line for line in provisional if line.item == "provisional:camera"]
    assert sum(line.quantity for line in unsized) == len(checks)
    assert all(tag in unsized[0].description for tag in checks) if checks else not unsized
    assert all(line in costing.missing for line in unsized)
    equipment = [line for line in costing.lines if line.kind is LineKind.EQUIPMENT]
    offered = sum(1 for o in cameras if o.offer is not None)
    assert sum(line.quantity for line in equipment) == offered  # cameras only


def test_a_recorder_named_by_address_and_one_not_surveyed() -> None:
    cameras = [
        hikvision_nvr("NVR-1"),
        hikvision_camera("C1", recorder="nvr-1"),  # the tag, in other case
        hikvision_camera("C2", recorder="10.0.0.9"),
        hikvision_camera("C3", recorder="NVR-9"),  # no such row
    ]
    cameras[0].ip_address = "10.0.0.9"
    system = plan(analyse(cameras))
    by_name = {g.name: g for g in system.groups}
    assert by_name["NVR-1"].demand.channels == 2 and by_name["NVR-1"].costed
    unsurveyed = by_name["NVR-9"]
    assert unsurveyed.action is GroupAction.CONFIRM and not unsurveyed.costed
    assert "not in the survey" in unsurveyed.why


def test_site_recorders_record_the_cameras_that_name_none() -> None:
    analysis = analyse([hikvision_nvr("NVR-1"), hikvision_camera("C1"), hikvision_camera("C2")])
    [group] = plan(analysis).groups
    assert group.key == "site:Depot" and group.action is GroupAction.REPLACE
    assert group.replaces == (analysis.outcomes[0].id,)
    [path] = plan(analysis).devices
    assert path.group_key == group.key and not path.provisional


def test_compliant_recorder_stays_and_unknown_sizes_are_said() -> None:
    cameras = [
        camera("KEPT", make="Hanwha", model="XRN-820S", device_type="NVR"),
        hikvision_camera("C1", recorder="KEPT"),
        camera("C2", make="Axis", model="unlisted", device_type="IPC", recorder="KEPT"),
    ]
    system = plan(analyse(cameras))
    [group] = system.groups
    assert group.action is GroupAction.KEEP and group.choice is None and not group.costed
    assert "KEPT (Hanwha XRN-820S): compliant, stays" in group.why
    replaced, unsized = group.streams
    assert replaced.vms is not None and "the retained recorder KEPT" in replaced.vms.text
    assert unsized.pixels is None and unsized.basis == "unknown"
    assert unsized.demand.bitrate_mbps == 0 and unsized.demand.note == UNKNOWN_SIZE_NOTE
    assert group.demand.channels == 2 and UNKNOWN_SIZE_NOTE in group.demand.notes


def test_retained_vms_licenses_new_servers_and_checks_replacements() -> None:
    analysis = analyse(
        [
            hikvision_nvr("NVR-1"),
            hikvision_camera("C1"),
            hikvision_camera("C2"),
            hikvision_camera("C3", site="Annex"),
        ]
    )
    system = plan(analysis, SystemSettings(kept_vms="milestone-xprotect"))
    assert system.vms is not None and system.vms.name == "Milestone XProtect"
    depot, annex = system.groups
    # Depot's NVR goes: a recording server running XProtect, one licence per camera.
    assert depot.action is GroupAction.REPLACE and depot.platform == system.vms
    assert depot.licences is not None and depot.licences.quantity == 2
    assert depot.model is None  # no XProtect appliance in the catalog: to the performance
    # Annex has no recorder in the survey: the retained VMS records it, licences carry over.
    assert annex.action is GroupAction.KEEP and annex.licences is None
    for stream in (*depot.streams, *annex.streams):
        assert stream.vms is not None and "Milestone XProtect" in stream.vms.text
        assert system.vms_check(stream.camera_id) == stream.vms
    costing = cost_with_system(analysis.outcomes, system, analysis.engines.prices)
    licence = next(line for line in costing.lines if line.kind is LineKind.LICENCE)
    assert licence.item == "milestone:milestone-xprotect:licence" and licence.quantity == 2
    server = next(line for line in costing.lines if line.item == "provisional:recorder")
    assert "Milestone XProtect recording server" in server.description


def test_unknown_retained_vms_is_noted() -> None:
    system = plan(analyse([hikvision_camera("C1")]), SystemSettings(kept_vms="nope"))
    assert system.vms is None and "'nope' is not in the catalog" in system.notes[0]


def test_worked_example_through_the_plan() -> None:
    """16 compliant 1920×1080 cameras stay, their excluded NVR goes; H.265, 15 fps, 30 days.

    The figures are those worked by hand in test_sizing's
    test_worked_example_sixteen_1080p_cameras against catalog/sizing_constants.csv:
    1.148811 Mbit/s per camera (0.060 bit/px × 1920 × 1080 × 30 × (15/30)^0.70 × 0.5);
    372.2 GB per camera for 30 days; 16 cameras → 5.955 TB of video, 18.38 Mbit/s incoming;
    5.955 / 0.9 (filesystem headroom) = 6.617 TB raw with independent drives.
    Recorder: 16 channels exceed the 8 of an XRN-820S, so the smallest single unit that
    takes 16 channels, 18.4 Mbit/s and 6.6 TB is chosen, with every figure published.
    """
    cameras = [hikvision_nvr("NVR-1")] + [axis_1080p(f"A{i:02d}") for i in range(16)]
    settings = SystemSettings(RecordingPlan(fps=15, codec=Codec.H265, retention_days=30))
    [group] = plan(analyse(cameras), settings).groups
    assert [s.basis for s in group.streams] == ["survey"] * 16
    assert group.streams[0].demand.bitrate_mbps == pytest.approx(1.148811, rel=1e-4)
    assert group.demand.stored_tb == pytest.approx(5.955, rel=1e-3)
    assert group.demand.incoming_mbps == pytest.approx(18.38, rel=1e-3)
    assert group.demand.raw_tb == pytest.approx(6.617, rel=1e-3)
    assert group.choice is not None and group.choice.units == 1
    assert group.model is not None and group.model.key == "hanwha:XRN-3210B4"
