"""Phases of the works, each with its own subtotal, in the estimate and its export."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

from system_cases import analyse, camera, hikvision_camera, hikvision_nvr, plan

from specassist.domain.costing import LineKind
from specassist.domain.device_class import DeviceClass
from specassist.domain.system_costing import cost_with_system
from specassist.domain.system_settings import (
    UNPHASED,
    PhaseRule,
    PhasingSettings,
    SystemSettings,
)
from specassist.tender import boq


def _estate() -> list:  # type: ignore[type-arg]
    return [
        hikvision_camera("A1", site="Annex"),
        hikvision_nvr("N1", site="Depot"),
        hikvision_camera("D1", site="Depot"),
        camera(
            "DOOR",
            site="Depot",
            make="Hikvision",
            model="DS-KV6113-WPE1",
            device_type="Door station",
        ),
        hikvision_camera("H1", site="HQ"),
    ]


def _phased(phasing: PhasingSettings, **settings: object) -> tuple:  # type: ignore[type-arg]
    analysis = analyse(_estate())
    system = plan(analysis, SystemSettings(phasing=phasing, **settings))  # type: ignore[arg-type]
    return analysis, system


def test_one_phase_by_default_costs_as_before() -> None:
    analysis, system = _phased(PhasingSettings())
    [whole] = system.phases
    assert whole.key == "" and len(whole.device_ids) == 5
    costing = cost_with_system(analysis.outcomes, system, analysis.engines.prices)
    assert [s.label for s in costing.sites] == ["Annex", "Depot", "HQ"]
    assert costing.phase_subtotals == [("", costing.subtotal)]


def test_by_site_in_the_order_given_with_subtotals_that_add_up(tmp_path: Path) -> None:
    analysis, system = _phased(PhasingSettings(PhaseRule.SITE, site_order=("HQ", "Depot")))
    assert [p.name for p in system.phases] == ["Phase 1: HQ", "Phase 2: Depot", "Phase 3: Annex"]
    depot = system.phases[1]
    assert len(depot.device_ids) == 3  # NVR, camera and door station
    [group] = [g for g in system.groups if g.site == "Depot"]
    assert group.phase == depot.key
    costing = cost_with_system(analysis.outcomes, system, analysis.engines.prices)
    phases = costing.phase_subtotals
    assert [p for p, _ in phases] == [p.key for p in system.phases]
    assert sum((m for _, m in phases), costing.settings.money(Decimal(0))) == costing.subtotal
    assert costing.sites[0].label == "HQ (Phase 1: HQ)"
    recorder = next(s for s in costing.sites if any(x.kind is LineKind.RECORDER for x in s.lines))
    assert recorder.phase == depot.key
    rows = boq.rows(costing)
    phase_rows = [r for r in rows if r[1] == "phase"]
    assert [r[3] for r in phase_rows] == [f"Phase subtotal: {p.key}" for p in system.phases]
    assert [r[7] for r in phase_rows] == [m.amount for _, m in phases]
    out = tmp_path / "boq.csv"
    boq.write_csv(costing, out)
    assert "Phase subtotal: Phase 2: Depot" in out.read_text(encoding="utf-8-sig")


def test_priority_sites_first() -> None:
    _, system = _phased(PhasingSettings(PhaseRule.PRIORITY, priority_sites=("HQ",)))
    first, rest = system.phases
    assert first.sites == ("HQ",) and "priority" in first.name
    assert set(rest.sites) == {"Annex", "Depot"}
    _, unmarked = _phased(PhasingSettings(PhaseRule.PRIORITY))
    assert len(unmarked.phases) == 1 and unmarked.phases[0].basis.startswith("no site")


def test_by_rule_deadline_earliest_first() -> None:
    """Hikvision is reached by the Australian pack (removal by 30 June 2023); Hytera only by
    §889, which states no removal deadline."""
    cameras = [camera("R1", make="Hytera", model="X1"), hikvision_camera("K1")]
    analysis = analyse(cameras, rule_set_ids=("us-ndaa-889", "au-commonwealth-2023"))
    system = plan(analysis, SystemSettings(phasing=PhasingSettings(PhaseRule.DEADLINE)))
    dated, undated = system.phases
    assert dated.deadline == date(2023, 6, 30) and dated.device_ids == (1,)
    assert "Australia" in dated.basis or "Commonwealth" in dated.basis
    assert undated.deadline is None and undated.device_ids == (0,)
    assert undated.name == "Phase 2: no removal deadline"


def test_by_hand_and_the_devices_left_over() -> None:
    phasing = PhasingSettings(
        PhaseRule.MANUAL,
        phase_names=("Year 1", "Year 2"),
        assignments=((4, "Year 1"), (2, "Year 2"), (3, "Year 2")),
    )
    _, system = _phased(phasing)
    assert [p.name for p in system.phases] == ["Year 1", "Year 2", UNPHASED]
    assert system.phases[1].device_ids == (2, 3)
    assert system.phase_of(0) == UNPHASED
    door = next(d for d in system.devices if d.device_class is DeviceClass.INTERCOM)
    assert door.phase == "Year 2"


def test_provisional_sum_from_the_project_and_from_a_price_list() -> None:
    analysis, system = _phased(
        PhasingSettings(), provisional_sums=((DeviceClass.INTERCOM, Decimal("1200")),)
    )
    costing = cost_with_system(analysis.outcomes, system, analysis.engines.prices)
    door = next(x for x in costing.lines if x.item == "provisional:intercom")
    assert door.total is not None and door.total.amount == Decimal("1200.00")
    assert door.source == "provisional sum (project setting)" and door.unit == "sum"
    disposal = next(x for x in costing.lines if x.item == "weee-devices")
    assert disposal.quantity == 2  # the NVR and the door station
