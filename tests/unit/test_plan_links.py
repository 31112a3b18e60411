"""Plans as data: links that survive re-imports, and placements that follow rotation and crops."""

from __future__ import annotations

import pytest

from specassist.domain.device_identity import DeviceLink, resolve_links
from specassist.domain.plan_transforms import crop_map, moved, rotation_map
from specassist.domain.plans import (
    Crop,
    PlacedDevice,
    Plan,
    PlanError,
    PlanScale,
    Wall,
    default_tilt_deg,
)
from specassist.domain.values import normalise_mac


def device(device_id: int, camera_id: int | None, link: DeviceLink) -> PlacedDevice:
    return PlacedDevice(device_id, link, camera_id, (0.0, 0.0))


def test_macs_are_compared_in_one_spelling() -> None:
    assert normalise_mac("bc-ad-28-11-22-33") == "BC:AD:28:11:22:33"
    assert normalise_mac("BCAD.2811.2233") == "BC:AD:28:11:22:33"
    assert normalise_mac("not-a-mac") is None


def test_a_device_keeps_its_camera_while_it_exists() -> None:
    link = DeviceLink("C1", "BC:AD:28:11:22:33", None, "HQ")
    cameras = [(5, link), (9, DeviceLink("C1", None, None, "HQ"))]
    found = resolve_links([device(1, 5, link)], cameras)
    assert found == {1: 5}


def test_after_a_re_import_the_device_follows_mac_then_serial_then_tag() -> None:
    by_mac = device(1, 5, DeviceLink("C1", "BC:AD:28:11:22:33", "S1", "HQ"))
    by_serial = device(2, 6, DeviceLink("C2", None, "SN-2", "HQ"))
    by_tag = device(3, 7, DeviceLink("C3", None, None, "HQ"))
    gone = device(4, 8, DeviceLink("C4", None, None, "HQ"))
    reimported = [
        (15, DeviceLink("C1-renamed", "BC:AD:28:11:22:33", None, "HQ")),  # tag changed
        (16, DeviceLink("C2b", None, "SN-2", "HQ")),
        (17, DeviceLink("C3", None, None, "HQ")),
        (18, DeviceLink("C3", None, None, "Depot")),  # same tag, other site
    ]
    assert resolve_links([by_mac, by_serial, by_tag, gone], reimported) == {
        1: 15, 2: 16, 3: 17, 4: None,
    }  # fmt: skip


def test_a_reused_id_with_another_mac_is_not_taken_for_the_old_camera() -> None:
    placed = device(1, 5, DeviceLink("C1", "BC:AD:28:11:22:33", None, None))
    cameras = [
        (5, DeviceLink("C9", "00:11:22:33:44:55")),
        (6, DeviceLink("C1", "BC:AD:28:11:22:33")),
    ]
    assert resolve_links([placed], cameras) == {1: 6}


def test_quarter_turn_moves_corners_to_corners() -> None:
    # A 200×100 image turned 90° anticlockwise is 100×200; its top-right corner (200, 0)
    # goes to the top-left (0, 0) and its bottom-right (200, 100) to the top-right (100, 0).
    move = rotation_map((200, 100), (100, 200), 90.0)
    assert move((200.0, 0.0)) == pytest.approx((0.0, 0.0))
    assert move((200.0, 100.0)) == pytest.approx((100.0, 0.0))
    assert move((100.0, 50.0)) == pytest.approx((50.0, 100.0))  # the centre stays central


def test_rotating_a_plan_turns_bearings_and_keeps_the_scale() -> None:
    plan = Plan(
        1, "HQ", "Ground", 200, 100, PlanScale((0.0, 0.0), (200.0, 0.0), 20.0),
        devices=(PlacedDevice(1, DeviceLink("C1"), 1, (150.0, 50.0), 90.0),),
        walls=(Wall(1, ((0.0, 0.0), (200.0, 0.0))),),
    )  # fmt: skip
    turned = moved(plan, rotation_map((200, 100), (100, 200), 90.0), (100, 200), -90.0)
    (placed,) = turned.devices
    assert placed.position == pytest.approx((50.0, 50.0))
    assert placed.direction_deg == pytest.approx(0.0)  # east becomes north
    assert turned.scale is not None
    assert turned.scale.metres_per_px == pytest.approx(plan.scale.metres_per_px)  # type: ignore[union-attr]
    cropped = moved(plan, crop_map(Crop(100, 0, 100, 100)), (100, 100))
    assert cropped.devices[0].position == (50.0, 50.0)
    assert cropped.walls[0].points == ((-100.0, 0.0), (100.0, 0.0))


def test_scale_and_default_tilt() -> None:
    assert PlanScale((0.0, 0.0), (1000.0, 0.0), 50.0).metres_per_px == 0.05
    with pytest.raises(PlanError, match="more than zero"):
        PlanScale((0.0, 0.0), (1000.0, 0.0), 0.0)
    with pytest.raises(PlanError, match="apart"):
        PlanScale((5.0, 5.0), (5.0, 5.0), 10.0)
    # 3 m up, target 3 m away: the centre ray points 45° down.
    assert default_tilt_deg(3.0, 3.0) == pytest.approx(45.0)
