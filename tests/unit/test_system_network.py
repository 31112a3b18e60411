"""PoE per surveyed switch in the plan, and system lines priced through the one price book."""

from __future__ import annotations

import shutil
from decimal import Decimal
from pathlib import Path

from system_cases import analyse, axis_1080p, camera, hikvision_camera, hikvision_nvr, plan

from specassist.catalog.loader import load_catalog_folder
from specassist.domain.catalog import Price as CatalogPrice
from specassist.domain.catalog import PriceType, Provenance
from specassist.domain.costing import LineKind
from specassist.domain.poe import PoeVerdict
from specassist.domain.system import PoeStandard
from specassist.domain.system_costing import cost_with_system
from specassist.domain.system_settings import SystemSettings


def _switch_row() -> object:
    return camera("SW-1", make="Netgear", model="GS728TPv2", device_type="PoE switch")


def test_overloaded_switch_moves_cameras_to_midspans() -> None:
    # 13 cameras that stay, each drawing 20 W (class 4: 30 W reserved) = 390 W on a 190 W
    # GS728TPv2: six stay on the switch (180 W), seven move to 802.3at midspans.
    cameras = [_switch_row()] + [
        axis_1080p(f"A{i:02d}", power_w=20.0, switch="SW-1", switch_port=str(i)) for i in range(13)
    ]
    system = plan(analyse(cameras))  # type: ignore[arg-type]
    [switch] = system.switches
    budget = switch.budget
    assert budget.verdict is PoeVerdict.ADD_MIDSPAN and switch.device_id == 0
    assert budget.supply.budget_w == 190.0 and budget.allocated_w == 180.0
    assert [(m.standard, m.ports, m.model) for m in switch.midspans] == [(PoeStandard.AT, 7, None)]
    assert budget.replacement is not None and budget.replacement.model == "GS752TPP"
    assert switch.top_class == 4


def test_excluded_poe_recorder_as_switch_is_replaced_and_ports_are_checked() -> None:
    cameras = [
        hikvision_nvr("NVR-1"),
        axis_1080p("A1", power_w=6.0, switch="NVR-1", switch_port="1"),
        axis_1080p("A2", power_w=6.0, switch="NVR-1", switch_port="1"),
    ]
    analysis = analyse(cameras)
    system = plan(analysis)
    [switch] = system.switches
    assert switch.budget.verdict is PoeVerdict.REPLACE_SWITCH
    assert any("is excluded" in reason for reason in switch.budget.reasons)
    assert switch.notes == ("port 1 is given for both A1 and A2",)
    new = switch.budget.replacement
    assert new is not None and new.vendor_id == "netgear"
    costing = cost_with_system(analysis.outcomes, system, analysis.engines.prices)
    line = next(x for x in costing.lines if x.kind is LineKind.SWITCH)
    assert line.item == new.key and "replace NVR-1" in line.description


def test_replacements_without_a_named_switch_are_counted_per_site() -> None:
    system = plan(analyse([hikvision_camera("C1"), hikvision_camera("C2", site="Annex")]))
    assert dict(system.unswitched) == {"Depot": 1, "Annex": 1}


def test_recorder_and_licence_prices_come_from_the_price_book() -> None:
    prices = (
        CatalogPrice(
            "hanwha:XRN-820S",
            "Acme",
            "GBP",
            Decimal("1450.00"),
            PriceType.QUOTE,
            Provenance("Acme list 2026-11", "2026-11-01"),
        ),
        CatalogPrice(
            "milestone:milestone-xprotect:licence",
            "Acme",
            "GBP",
            Decimal("55.50"),
            PriceType.QUOTE,
            Provenance("Acme list 2026-11", "2026-11-01"),
        ),
    )
    cameras = [hikvision_nvr("NVR-1")] + [hikvision_camera(f"C{i}") for i in range(3)]
    analysis = analyse(cameras, extra_prices=prices)
    system = plan(analysis)
    costing = cost_with_system(analysis.outcomes, system, analysis.engines.prices)
    recorder = next(x for x in costing.lines if x.kind is LineKind.RECORDER)
    assert recorder.item == "hanwha:XRN-820S"
    assert recorder.total is not None and recorder.total.amount == Decimal("1450.00")
    assert recorder.source is not None and recorder.source.startswith("Acme quote price")
    kept = plan(analysis, SystemSettings(kept_vms="milestone-xprotect"))
    licensed = cost_with_system(analysis.outcomes, kept, analysis.engines.prices)
    licence = next(x for x in licensed.lines if x.kind is LineKind.LICENCE)
    assert licence.total is not None and licence.total.amount == Decimal("166.50")  # 3 × 55.50


def test_catalog_prices_may_name_recorders_switches_and_licences(tmp_path: Path) -> None:
    folder = tmp_path / "catalog"
    shutil.copytree(Path(__file__).parents[2] / "catalog", folder)
    with (folder / "prices.csv").open("a", encoding="utf-8") as handle:
        for item in (
            "hanwha:XRN-820S",
            "netgear:GS728TPv2",
            "milestone:milestone-xprotect:licence",
            "provisional:intercom",
            "nobody:NOPE-1",
        ):
            handle.write(f"{item},Acme,GBP,100.00,quote,2026-01-01,,test list,2026-12-01,no,\n")
    load = load_catalog_folder(folder)
    errors = [i for i in load.issues if i.file == "prices.csv"]
    assert [(i.value, i.column) for i in errors] == [("nobody:NOPE-1", "item")]
    assert "recorder, switch or licence" in errors[0].message
    assert len(load.catalog.prices) == 5  # a bad reference is reported, the row still loads
