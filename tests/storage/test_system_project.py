"""The recording side in a project file: survey columns, settings, plan, costs and tender."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from pypdf import PdfReader

from specassist.domain.bitrate import Codec
from specassist.domain.device_class import DeviceClass
from specassist.domain.survey import SurveyCamera
from specassist.domain.system_settings import PhaseRule
from specassist.services import analysis, capture, imports, project_settings, projects
from specassist.services import system_service as system
from specassist.services.tender_files import TenderFiles

DAY = date(2026, 12, 1)
DATA = Path(__file__).parents[1] / "data" / "system"


def test_recorder_and_switch_port_survive_save_and_edit(tmp_path: Path) -> None:
    path = tmp_path / "site.specassist"
    with projects.new_project("Depot", path) as project:
        stored = imports.import_into(project, DATA / "sadp_style_site.csv")
        first = stored.camera_ids[0]
        camera = capture.camera(project, first)
        assert camera is not None
        assert (camera.recorder, camera.switch, camera.switch_port) == ("NVR-01", "SW-01", "1")
        capture.update_camera(
            project, first, SurveyCamera(0, tag="CAM-01", recorder="NVR-02", switch_port="Gi1/0/4")
        )
        project.save()
    with projects.open_project(path) as reopened:
        camera = capture.camera(reopened, first)
        assert camera is not None and camera.recorder == "NVR-02" and camera.switch is None
        assert camera.switch_port == "Gi1/0/4"


def test_settings_round_trip_and_bad_values_store_nothing(tmp_path: Path) -> None:
    path = tmp_path / "s.specassist"
    with projects.new_project("S", path) as project:
        defaults = system.settings(project)
        assert defaults.recording.retention_days == 31 and defaults.phasing.rule is PhaseRule.NONE
        system.set_settings(
            project,
            {
                "retention_days": 14,
                "codec": "h265",
                "kept_vms": "milestone-xprotect",
                "provisional_sums": {"intercom": "1200.50"},
                "phasing": {
                    "rule": "manual",
                    "phase_names": ["Year 1"],
                    "assignments": {"7": "Year 1"},
                },
            },
        )
        project.save()
    with projects.open_project(path) as reopened:
        got = system.settings(reopened)
        assert got.recording.retention_days == 14 and got.recording.codec is Codec.H265
        assert got.kept_vms == "milestone-xprotect"
        assert got.provisional_sum(DeviceClass.INTERCOM) == Decimal("1200.50")
        assert got.phasing.assignments == ((7, "Year 1"),)
        before = project_settings.section(reopened, "system")
        for bad, words in (
            ({"fps": "fast"}, "fps 'fast'"),
            ({"retention_days": 0}, "retention"),
            ({"codec": "mjpeg"}, "codec 'mjpeg'"),
            ({"provisional_sums": {"intercom": "lots"}}, "provisional_sums"),
        ):
            with pytest.raises(ValueError, match=words):
                system.set_settings(reopened, bad)
        assert project_settings.section(reopened, "system") == before


def test_project_plan_costs_and_tender_follow_the_settings(tmp_path: Path) -> None:
    with projects.new_project("T", tmp_path / "t.specassist") as project:
        imports.import_into(project, DATA / "sadp_style_site.csv")
        imports.import_into(project, DATA / "configtool_style_site.csv")
        result = analysis.analyse(project, as_of=DAY)
        month = system.project_plan(project, result)
        system.set_settings(project, {"retention_days": 7, "phasing": {"rule": "site"}})
        week = system.project_plan(project, result)
        assert week.groups[0].demand.stored_tb == pytest.approx(
            month.groups[0].demand.stored_tb * 7 / 31
        )
        costing = analysis.costs(result, week)
        assert [phase for phase, _ in costing.phase_subtotals] == [p.key for p in week.phases]
        pdf = tmp_path / "t.pdf"
        analysis.export_tender(project, result, TenderFiles(pdf, estimate=tmp_path / "t.csv"))
        text = " ".join(page.extract_text() for page in PdfReader(pdf).pages)
        for heading in (
            "Phasing programme",
            "Recording and video management",
            "Network and power",
            "Door stations, encoders and other devices",
        ):
            assert heading in text
        assert "7 days" in text and "compliant door station to the performance" in text
        assert "Phase subtotal: Phase 2: Harbour Office" in (tmp_path / "t.csv").read_text(
            encoding="utf-8-sig"
        )
