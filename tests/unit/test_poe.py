"""PoE per switch: port class, budget, midspans, and when the switch has to go."""

from __future__ import annotations

from pathlib import Path

import pytest

from specassist.catalog.loader import load_catalog_folder
from specassist.domain.poe import (
    FOUR_PAIR_NOTE,
    PSE_ALLOCATION_W,
    PoeSupply,
    PoeVerdict,
    PoweredDevice,
    smallest_switch,
    standard_for_class,
    switch_budget,
)
from specassist.domain.system import PoeStandard, SwitchModel


@pytest.fixture(scope="module")
def switches() -> list[SwitchModel]:
    return load_catalog_folder(Path(__file__).parents[2] / "catalog").catalog.switches


def cams(n: int, poe_class: int | None, prefix: str = "C") -> list[PoweredDevice]:
    return [PoweredDevice(f"{prefix}{i}", poe_class) for i in range(n)]


def test_eight_class_3_cameras_fit_the_axis_example() -> None:
    # Axis S2108 manual: 8 class 3 devices request 8 × 15.4 W = 123.2 W, within 125 W.
    supply = PoeSupply("SW1", poe_ports=8, poe_standard=PoeStandard.AT, budget_w=125.0)
    result = switch_budget(supply, cams(8, 3))
    assert result.verdict is PoeVerdict.FITS
    assert result.allocated_q.to("W").magnitude == pytest.approx(123.2)
    assert result.midspans == () and result.replacement is None


def test_over_budget_moves_the_hungriest_to_midspans(switches: list[SwitchModel]) -> None:
    # 6 class 4 (30 W) + 2 class 2 (7 W) = 194 W on a 150 W budget: two class 4 cameras move
    # to midspans (194 − 60 = 134 W), the switch keeps the rest.
    devices = cams(6, 4) + cams(2, 2, prefix="D")
    supply = PoeSupply("SW2", poe_ports=24, poe_standard=PoeStandard.AT, budget_w=150.0)
    result = switch_budget(supply, devices, switches)
    assert result.verdict is PoeVerdict.ADD_MIDSPAN
    assert result.demanded_w == pytest.approx(194.0) and result.allocated_w == pytest.approx(134.0)
    assert [standard for _, standard in result.midspans] == [PoeStandard.AT, PoeStandard.AT]
    assert "194 W of reservations on a 150 W budget" in result.reasons
    # A replacement that powers all of them: the smallest catalog budget of at least 194 W.
    assert result.replacement is not None and result.replacement.model == "GS728TPPv2"


def test_class_beyond_the_port_standard_needs_a_bt_midspan() -> None:
    devices = [*cams(3, 3), PoweredDevice("PTZ1", 6)]
    supply = PoeSupply("SW3", poe_ports=8, poe_standard=PoeStandard.AF, budget_w=61.6)
    result = switch_budget(supply, devices)
    assert result.verdict is PoeVerdict.ADD_MIDSPAN
    assert result.midspans == (("PTZ1", PoeStandard.BT_TYPE3),)
    assert FOUR_PAIR_NOTE in result.reasons
    assert result.allocated_w == pytest.approx(3 * 15.4)
    assert result.replacement is None  # no catalog passed: said, not silently skipped
    assert any(r.startswith("no switch in the catalog powers 4 cameras up to class 6") for r in
               result.reasons)  # fmt: skip


def test_too_few_ports_or_an_excluded_switch_means_replace(switches: list[SwitchModel]) -> None:
    short = switch_budget(PoeSupply("SW4", 8, PoeStandard.AT, 240.0), cams(10, 3), switches)
    assert short.verdict is PoeVerdict.REPLACE_SWITCH
    assert "10 cameras, 8 PoE ports" in short.reasons
    assert short.replacement is not None and short.replacement.model == "GS728TPv2"
    excluded = PoeSupply("SW5", 8, PoeStandard.AT, 120.0, must_replace="made by Hikvision")
    result = switch_budget(excluded, cams(4, 3), switches)
    assert result.verdict is PoeVerdict.REPLACE_SWITCH and "made by Hikvision" in result.reasons


def test_unknowns_are_not_guessed() -> None:
    supply = PoeSupply("SW6", 8, PoeStandard.AT, 120.0)
    result = switch_budget(supply, [*cams(2, 3), PoweredDevice("X1")])
    assert result.verdict is PoeVerdict.UNKNOWN
    assert any("PoE class not known for 1 camera(s): X1" in r for r in result.reasons)
    assert result.allocated_w == pytest.approx(30.8)
    unsurveyed = switch_budget(PoeSupply("SW7"), cams(2, 3))
    assert unsurveyed.verdict is PoeVerdict.UNKNOWN
    assert "not surveyed" in unsurveyed.reasons[0]


def test_class_from_power_draw_and_standards() -> None:
    assert PoweredDevice("A", power_w=20.0).resolved_class == 4
    assert PoweredDevice("B", power_w=12.95).allocation_w == PSE_ALLOCATION_W[3] == 15.4
    assert PoweredDevice("C", power_w=80.0).resolved_class is None
    assert [standard_for_class(c) for c in (0, 3, 4, 5, 6, 7, 8)] == [
        PoeStandard.AF, PoeStandard.AF, PoeStandard.AT, PoeStandard.BT_TYPE3,
        PoeStandard.BT_TYPE3, PoeStandard.BT_TYPE4, PoeStandard.BT_TYPE4,
    ]  # fmt: skip
    with pytest.raises(ValueError):
        standard_for_class(9)


def test_smallest_switch_respects_ports_class_and_budget(switches: list[SwitchModel]) -> None:
    assert smallest_switch(switches, 30, 4, 300.0).model == "GS752TPv2"  # type: ignore[union-attr]
    assert smallest_switch(switches, 48, 4, 500.0).model == "GS752TPP"  # type: ignore[union-attr]
    assert smallest_switch(switches, 8, 6, 100.0) is None  # no 802.3bt switch in the catalog
    assert smallest_switch(switches, 100, 3, 10.0) is None
