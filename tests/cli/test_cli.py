from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from specassist import __version__, cli
from specassist.__main__ import main
from tests.cli_runner import run_cli


def test_version_and_help(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as version:
        main(["--version"])
    assert version.value.code == 0 and __version__ in capsys.readouterr().out
    with pytest.raises(SystemExit):
        main(["--help"])
    text = capsys.readouterr().out
    assert "import" in text and "catalog" in text


def test_no_arguments_and_a_file_mean_open() -> None:
    assert cli.parse_args([]).command == "open"
    args = cli.parse_args(["survey.csv"])
    assert args.command == "open" and args.file == Path("survey.csv")
    assert cli.parse_args(["--demo"]).demo


def test_import_json_reports_issues_with_locations(surveys: Path) -> None:
    status, text = run_cli("import", str(surveys / "bad_cells.csv"), "--json")
    report = json.loads(text)
    assert status == 0 and report["cameras"] == 5
    mac = next(i for i in report["issues"] if i["column"] == "MAC")
    assert mac == {"severity": "error", "file": "bad_cells.csv", "row": 3, "column": "MAC",
                   "value": "not-a-mac", "message": mac["message"]}  # fmt: skip
    assert run_cli("import", str(surveys / "bad_cells.csv"), "--strict")[0] == 1


def test_import_into_project_then_update_or_add(tmp_path: Path, surveys: Path) -> None:
    """Importing a survey again updates the cameras it names instead of copying them; 'add'
    copies them, with a warning per row; 'new' never overwrites a project."""
    from specassist.services import capture, projects

    project = tmp_path / "site.specassist"
    status, text = run_cli("import", str(surveys / "utf16_export.csv"), "--project", str(project))
    assert status == 0 and f"saved to {project}: 1 added, 0 updated" in text
    status, text = run_cli("import", str(surveys / "utf16_export.csv"), "--project", str(project))
    assert status == 0 and "0 added, 1 updated" in text
    with projects.open_project(project) as opened:
        assert len(capture.cameras(opened)) == 1
    status, text = run_cli("import", str(surveys / "utf16_export.csv"), "--project", str(project),
                        "--mode", "add", "--json")  # fmt: skip
    report = json.loads(text)
    assert status == 0 and report["added"] == 1
    assert sum("already has" in i["message"] for i in report["issues"]) == 1
    with projects.open_project(project) as opened:
        assert len(capture.cameras(opened)) == 2
    status, _ = run_cli("import", str(surveys / "utf16_export.csv"), "--project", str(project),
                     "--mode", "new")  # fmt: skip
    assert status == 1


def test_import_of_a_missing_file_fails_cleanly(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, _ = run_cli("import", str(tmp_path / "nope.csv"))
    assert status == 1 and "nope.csv: file not found" in capsys.readouterr().err


def test_catalog_check_and_stats(tmp_path: Path, shipped_catalog: Path) -> None:
    status, text = run_cli("catalog", "check")
    assert status == 0 and "camera models" in text
    status, text = run_cli("catalog", "stats")
    assert status == 0 and "MAC prefixes" in text
    broken = tmp_path / "catalog"
    shutil.copytree(shipped_catalog, broken)
    models = broken / "models.csv"
    with models.open("a", encoding="utf-8") as handle:
        handle.write("axis,Z9,,,dome,,,,,2.8 kg,,,,,,,,,,,,,,,,,,x,,no,\n")
    line = len(models.read_text(encoding="utf-8").splitlines())
    status, text = run_cli("catalog", "check", str(broken))
    assert status == 1
    assert f"models.csv:{line}:focal_min: error:" in text and "catalog check failed" in text


def test_flag_json_on_the_demo_survey() -> None:
    from specassist.resources import demo_survey

    status, text = run_cli("flag", str(demo_survey()), "--json")
    rows = json.loads(text)
    assert status == 0 and len(rows) == 20
    assert {"tag", "make", "model", "maker", "verdict", "confidence", "reasons", "warnings"} <= set(
        rows[0]
    )
    verdicts = {r["verdict"] for r in rows}
    assert verdicts == {"excluded", "allowed", "unknown"}
    excluded = next(r for r in rows if r["verdict"] == "excluded")
    reason = excluded["reasons"][0]
    assert reason["rule"] and reason["citation"]["title"] and reason["evidence"]
    assert all(r["reasons"] == [] for r in rows if r["verdict"] == "allowed")


def test_flag_profile_and_date_change_the_answer() -> None:
    from specassist.resources import demo_survey

    def excluded(*extra: str) -> int:
        status, text = run_cli("flag", str(demo_survey()), "--json", *extra)
        assert status == 0
        return sum(r["verdict"] == "excluded" for r in json.loads(text))

    today = excluded("--rules", "us-ndaa-889")
    assert today > 0
    assert excluded("--rules", "us-ndaa-889", "--as-of", "2019-01-01") == 0


@pytest.mark.parametrize(
    "name",
    ["bad_cells.csv", "semicolon_decimal_comma_cp1252.csv", "tab_bom_combined.txt",
     "utf16_export.csv"],
)  # fmt: skip
def test_flag_on_messy_surveys(surveys: Path, name: str) -> None:
    status, text = run_cli("flag", str(surveys / name))
    assert status == 0
    head = text.splitlines()[0]
    assert re.search(r": \d+ (cameras?|devices \(.*camera.*\)) — ", head), head


def test_flag_rejects_an_unknown_rule_set(capsys: pytest.CaptureFixture[str]) -> None:
    from specassist.resources import demo_survey

    status, _ = run_cli("flag", str(demo_survey()), "--rules", "no-such-rules")
    assert status == 1
    assert "no-such-rules" in capsys.readouterr().err


def test_rules_list_and_show() -> None:
    status, text = run_cli("rules", "list")
    assert status == 0
    for rule_set in ("us-ndaa-889", "us-fcc-covered-list", "uk-sensitive-sites-2022"):
        assert rule_set in text
    status, text = run_cli("rules", "show", "uk-sensitive-sites-2022")
    assert status == 0 and "controlled from CN" in text and "hcws386" in text
    assert run_cli("rules", "show", "nope")[0] == 1


def test_match_json_on_the_demo_survey() -> None:
    from specassist.resources import demo_survey

    status, text = run_cli("match", str(demo_survey()), "--json")
    rows = json.loads(text)["cameras"]
    assert status == 0 and len(rows) == 20
    excluded = [r for r in rows if r["verdict"] == "excluded"]
    assert excluded and all(r["requirement"] for r in excluded)
    assert all(r["requirement"] is None and r["choice"] is None for r in rows
               if r["verdict"] != "excluded")  # fmt: skip
    for row in excluded:
        assert (row["choice"] is None) == (row["no_match_reason"] is not None)
    chosen = next(r for r in excluded if r["choice"])
    choice = chosen["choice"]
    assert {"vendor", "model", "accessories", "score", "explanation"} <= set(choice)
    assert choice["vendor"] not in {"hikvision", "dahua", "hytera"}
    assert set(choice["detail_at_target"]) == {"level", "density", "distance"}
    assert choice["detail_at_target"]["density"]["unit"] == "px/m"
    assert any(line.startswith("pixels on target") for line in choice["explanation"])
    distance = chosen["requirement"]["distance"]
    assert distance["unit"] == "m" and distance["origin"] == "survey"


@pytest.mark.parametrize("name", ["bad_cells.csv", "tab_bom_combined.txt"])
def test_match_on_messy_surveys(surveys: Path, name: str) -> None:
    status, text = run_cli("match", str(surveys / name))
    assert status == 0 and "excluded" in text.splitlines()[0]


def test_tender_cli_writes_pdf_and_boq(tmp_path: Path) -> None:
    from specassist.resources import demo_survey

    pdf, sheet = tmp_path / "tender.pdf", tmp_path / "boq.xlsx"
    status, text = run_cli("tender", str(demo_survey()), "-o", str(pdf), "--boq", str(sheet),
                        "--client", "Riverside", "--as-of", "2026-11-27")  # fmt: skip
    assert status == 0 and pdf.stat().st_size > 10_000 and sheet.exists()
    assert "for a site check (Appendix C)" in text and "GBP" in text


def test_tender_cli_refuses_unusable_input(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path / "empty.csv"
    empty.write_text("Tag,Make,Model\n", encoding="utf-8")
    status, _ = run_cli("tender", str(empty), "-o", str(tmp_path / "x.pdf"))
    assert status == 1 and "no camera rows" in capsys.readouterr().err
    assert not (tmp_path / "x.pdf").exists()
    status, _ = run_cli("tender", str(tmp_path / "missing.csv"), "-o", str(tmp_path / "x.pdf"))
    assert status == 1
    status, _ = run_cli("tender", str(empty), "-o", str(tmp_path / "x.pdf"), "--rate", "USD=abc")
    assert status == 1 and "CUR=RATE" in capsys.readouterr().err


def test_tender_cli_writes_a_us_package_with_docx_and_schedule(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from specassist.resources import demo_survey

    pdf, word, schedule = tmp_path / "t.pdf", tmp_path / "t.docx", tmp_path / "s.xlsx"
    status, text = run_cli("tender", str(demo_survey()), "-o", str(pdf), "--docx", str(word),
                        "--schedule", str(schedule), "--jurisdiction", "us-federal",
                        "--as-of", "2026-11-27")  # fmt: skip
    assert status == 0 and word.exists() and schedule.exists()
    assert "USD" in text and "pricing schedule for bidders" in text
    status, _ = run_cli("tender", str(demo_survey()), "-o", str(pdf), "--schedule", str(schedule))
    assert status == 1 and "--schedule needs --jurisdiction" in capsys.readouterr().err
    status, _ = run_cli("tender", str(demo_survey()), "-o", str(pdf), "--jurisdiction", "uk-public",
                     "--weights", "price=80,quality=10")  # fmt: skip
    assert status == 1 and "not 100%" in capsys.readouterr().err


def test_match_declares_deviations_and_sends_unsized_cameras_to_the_site_check(
    tmp_path: Path,
) -> None:
    survey = tmp_path / "fence.csv"
    survey.write_text(
        "Cam Ref,Manufacturer,Model No.,Camera Type,Resolution,Lens,Distance to target,"
        "Purpose,Indoor/Outdoor\n"
        "F1,Dahua,IPC-HFW5442E-ZE,Bullet,,2.7-13.5 mm,40,,Outdoor\n"
        "L1,Hikvision,,Dome,,2.8 mm,6,,Indoor\n"
        "B1,Hikvision,DS-2CD1043G0-I,Bullet,2560x1440,2.8 mm,25,Identify,Outdoor\n",
        encoding="utf-8",
    )
    status, text = run_cli("match", str(survey), "--json")
    rows = {r["tag"]: r for r in json.loads(text)["cameras"]}
    assert status == 0
    fence = rows["F1"]
    assert fence["status"] == "to replace" and fence["choice"]["deviations"] == []
    ir = fence["requirement"]["min_ir_range"]
    assert ir["value"] == 48.0 and ir["hard"] and "40 m" in ir["note"]
    assert rows["L1"]["status"] == "site check" and rows["L1"]["choice"] is None
    assert "measure the view on site" in rows["L1"]["site_check"]
    beyond = rows["B1"]["choice"]
    assert beyond["deviations"] and {
        "requirement",
        "needed",
        "offered",
        "share_of_need",
        "severity",
        "reason",
    } <= set(beyond["deviations"][0])
    assert {p["part"] for p in beyond["score_parts"]} >= {"detail margin", "deviations"}
    assert not beyond["meets_every_hard_requirement"]
    status, text = run_cli("match", str(survey))
    assert "DEVIATION, " in text and "site" in text
    status, _ = run_cli("match", str(survey), "--require", "colour")
    assert status == 1


def test_flag_counts_recorders_and_door_stations_apart_from_cameras(surveys: Path) -> None:
    status, text = run_cli("flag", str(surveys / "sadp_device_list.csv"))
    head = text.splitlines()[0]
    assert status == 0 and "devices (" in head and "recorder" in head and "intercom" in head
