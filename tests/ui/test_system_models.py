"""The System tab's models: data read without a view, and Qt's own model tester for each."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from specassist.domain.costing import Costing
from specassist.domain.pipeline import Analysis, Setup, analyse_cameras
from specassist.domain.pricing import CostSettings
from specassist.domain.survey import SurveyCamera, SurveyedCamera
from specassist.domain.system_plan import SystemPlan
from specassist.domain.system_settings import PhaseRule, PhasingSettings, SystemSettings
from specassist.services import system_service
from specassist.services.catalog_service import check_catalog
from specassist.services.imports import read_survey
from specassist.ui.models.phase_assignment_model import (
    PHASE_COLUMN,
    Assignment,
    PhaseAssignmentModel,
)
from specassist.ui.models.plan_rows import ROW_ROLE, PlanRowsModel
from specassist.ui.models.survey_table_model import SurveyTableModel
from specassist.ui.models.system_devices_model import SystemDevicesModel
from specassist.ui.models.system_phases_model import PhaseRow, SystemPhasesModel
from specassist.ui.models.system_recorders_model import SystemRecordersModel
from specassist.ui.models.system_streams_model import SystemStreamsModel
from specassist.ui.models.system_switches_model import SystemSwitchesModel

DAY = date(2026, 12, 1)
DATA = Path(__file__).parents[1] / "data" / "system"


@pytest.fixture(scope="module")
def planned() -> tuple[Analysis, SystemPlan, Costing]:
    cameras: list[SurveyCamera] = []
    for name in ("sadp_style_site.csv", "configtool_style_site.csv"):
        cameras += read_survey(DATA / name).cameras
    setup = Setup(check_catalog().catalog, None, DAY, costs=CostSettings(price_date=DAY))
    analysis = analyse_cameras(setup, cameras)
    plan = system_service.plan(analysis, SystemSettings(phasing=PhasingSettings(PhaseRule.SITE)))
    return analysis, plan, system_service.costs(analysis, plan)


def _rows(model: PlanRowsModel) -> list[dict[str, str]]:
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    return [
        {h: model.data(model.index(r, c)) for c, h in enumerate(headers)}
        for r in range(model.rowCount())
    ]


def test_recorders_and_their_streams(
    qtmodeltester: ModelTester, planned: tuple[Analysis, SystemPlan, Costing]
) -> None:
    analysis, plan, _ = planned
    model = SystemRecordersModel()
    model.set_rows(plan.groups)
    assert _rows(model)[0]["Recorded by"].startswith("hanwha XRN-")  # no names yet: the id
    model.vendor_names = analysis.catalog.vendor_names()
    first = _rows(model)[0]
    assert first["Recorder"] == "NVR-01" and first["Action"] == "replace"
    assert first["Cameras"] == "3" and first["Incoming"].endswith("Mbit/s")
    assert first["Raw disk"].endswith("TB")
    assert first["Recorded by"].startswith("Hanwha Vision XRN-")
    assert first["Phase"] == "Phase 1: Riverside Depot"
    tip = model.data(model.index(0, 0), Qt.ItemDataRole.ToolTipRole)
    assert "excluded" in tip and "smallest compliant choice" in tip
    assert model.data(model.index(0, 3), Qt.ItemDataRole.TextAlignmentRole) is not None
    assert model.data(model.index(0, 0), ROW_ROLE) is plan.groups[0]
    qtmodeltester.check(model)
    streams = SystemStreamsModel()
    streams.set_rows(plan.groups[0].streams)
    assert [r["Tag"] for r in _rows(streams)] == ["CAM-01", "CAM-02", "CAM-03"]
    assert _rows(streams)[0]["Picture from"] == "replacement"
    qtmodeltester.check(streams)


def test_switches_devices_and_phases(
    qtmodeltester: ModelTester, planned: tuple[Analysis, SystemPlan, Costing]
) -> None:
    _, plan, costing = planned
    switches = SystemSwitchesModel()
    switches.set_rows(plan.switches)
    [row] = _rows(switches)
    assert row["Switch"] == "SW-01" and row["Devices"] == "4" and row["Verdict"] == "unknown"
    assert "not surveyed" in switches.data(switches.index(0, 0), Qt.ItemDataRole.ToolTipRole)
    qtmodeltester.check(switches)
    devices = SystemDevicesModel()
    devices.set_rows(plan.devices)
    by_tag = {r["Tag"]: r for r in _rows(devices)}
    assert by_tag["DOOR-01"]["Class"] == "intercom"
    assert by_tag["DOOR-01"]["Priced as"] == "provisional sum"
    assert by_tag["NVR-A"]["Replaced by"].startswith("taken over by the recorder")
    qtmodeltester.check(devices)
    phases = SystemPhasesModel()
    totals = dict(costing.phase_subtotals)
    phases.set_rows([PhaseRow(p, totals.get(p.key)) for p in plan.phases])
    rows = _rows(phases)
    assert [r["Phase"] for r in rows] == ["Phase 1: Riverside Depot", "Phase 2: Harbour Office"]
    assert rows[0]["Devices"] == "5" and rows[0]["Subtotal"].startswith("GBP ")
    qtmodeltester.check(phases)


def test_phase_assignment_is_editable_and_asks_for_the_change(
    qtmodeltester: ModelTester, qtbot: QtBot
) -> None:
    model = PhaseAssignmentModel()
    model.set_rows(
        [
            Assignment(4, "C4", "Depot", "camera, to replace", "Year 1"),
            Assignment(5, "N1", "Depot", "recorder, not a camera", ""),
        ]
    )
    qtmodeltester.check(model)
    cell = model.index(1, PHASE_COLUMN)
    assert model.flags(cell) & Qt.ItemFlag.ItemIsEditable
    assert not model.flags(model.index(1, 0)) & Qt.ItemFlag.ItemIsEditable
    with qtbot.waitSignal(model.sig_assigned) as asked:
        assert model.setData(cell, " Year 2 ")
    assert asked.args == [5, "Year 2"] and model.data(cell) == "Year 2"
    assert not model.setData(model.index(0, PHASE_COLUMN), "Year 1")  # unchanged: no request
    assert not model.setData(model.index(0, 0), "X")


def test_survey_table_shows_each_device_class(
    planned: tuple[Analysis, SystemPlan, Costing],
) -> None:
    analysis, _, _ = planned
    model = SurveyTableModel()
    model.set_cameras([SurveyedCamera(o.id, o.camera) for o in analysis.outcomes])
    model.set_results(analysis.outcomes)
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    column = headers.index("Class")
    classes = [model.data(model.index(r, column)) for r in range(model.rowCount())]
    assert classes[:5] == ["camera", "camera", "camera", "recorder", "intercom"]
    status = [model.data(model.index(r, 0)) for r in range(model.rowCount())]
    assert status[3] == status[4] == "not a camera"
