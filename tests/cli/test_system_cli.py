"""The system plan on the command line: match --json, the tender and the bidders' schedule."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from tests.cli_runner import run_cli

DATA = Path(__file__).parents[1] / "data" / "system"
SADP, CONFIGTOOL = str(DATA / "sadp_style_site.csv"), str(DATA / "configtool_style_site.csv")


def test_match_json_has_the_system_object() -> None:
    status, text = run_cli(
        "match", SADP, "--json", "--retention", "14", "--codec", "h265", "--as-of", "2026-12-01"
    )
    assert status == 0
    found = json.loads(text)
    cameras, system = found["cameras"], found["system"]
    assert {c["tag"]: c["device_class"] for c in cameras}["DOOR-01"] == "intercom"
    assert all(c["choice"] is None for c in cameras if c["device_class"] != "camera")
    assert set(system) >= {"recorders", "licences", "switches", "devices", "phases"}
    assert system["settings"]["retention_days"] == 14 and system["settings"]["codec"] == "h265"
    [recorder] = system["recorders"]
    assert recorder["action"] == "replace" and recorder["cameras"] == 3
    assert recorder["raw_disk"]["unit"] == "TB" and recorder["recorder"]["vendor"] == "hanwha"
    assert len(recorder["streams"]) == 3 and recorder["streams"][0]["bitrate"]["unit"] == "Mbit/s"
    [switch] = system["switches"]
    assert switch["name"] == "SW-01" and switch["verdict"] == "unknown"
    assert [p["port"] for p in switch["ports"]] == ["1", "2", "3", "8"]
    door = next(d for d in system["devices"] if d["tag"] == "DOOR-01")
    assert door["provisional"] and door["action"].startswith("compliant door station")
    assert system["phases"][0]["devices"] and system["phases"][0]["subtotal"]["currency"] == "GBP"


def test_match_json_says_what_the_retained_vms_asks_of_each_replacement() -> None:
    status, text = run_cli("match", SADP, "--json", "--vms", "milestone-xprotect")
    cameras = {c["tag"]: c for c in json.loads(text)["cameras"]}
    assert status == 0 and cameras["DOOR-01"]["vms_support"] is None
    assert cameras["CAM-02"]["status"] == "site check" and cameras["CAM-02"]["vms_support"] is None
    support = cameras["CAM-03"]["vms_support"]
    assert "recorded by Milestone XProtect" in support and "Profile S or T" in support
    assert "confirm with the platform's list before ordering" in support


def test_match_text_lists_the_system_and_bad_options_are_refused(
    capsys: pytest.CaptureFixture[str],
) -> None:
    status, text = run_cli("match", CONFIGTOOL, "--vms", "milestone-xprotect")
    assert status == 0
    assert "2 not cameras (below)" in text.splitlines()[0]
    assert "recorder Harbour Office / NVR-A: replace" in text
    assert "intercom VTO-01: compliant door station to the performance below" in text
    assert run_cli("match", CONFIGTOOL, "--retention", "0")[0] == 1
    assert "retention" in capsys.readouterr().err


def test_tender_package_prints_the_system_sections_and_prices_them(tmp_path: Path) -> None:
    pdf, sheet = tmp_path / "tender.pdf", tmp_path / "schedule.xlsx"
    status, text = run_cli(
        "tender",
        SADP,
        "-o",
        str(pdf),
        "--schedule",
        str(sheet),
        "--jurisdiction",
        "uk-public",
        "--phase-by",
        "site",
        "--as-of",
        "2026-12-01",
    )
    assert status == 0 and "recorder Riverside Depot / NVR-01: replace" in text
    words = " ".join(" ".join(p.extract_text() for p in PdfReader(pdf).pages).split())
    for heading in (
        "Phasing programme",
        "Recording and video management",
        "Network and power",
        "Door stations, encoders and other devices",
    ):
        assert heading in words
    assert "Hanwha Vision XRN-820S or equivalent" in words
    assert "Estimate (GBP)" not in words  # bidders get no phase money
    cells = [
        str(c.value) for row in load_workbook(sheet).active.iter_rows() for c in row if c.value
    ]
    assert any(c.startswith("Supply, install and commission recorder type R-1") for c in cells)
    assert any("Provisional: compliant door station" in c for c in cells)
    assert not any("on the client's existing VMS" in c for c in cells)
