from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import pytest

from specassist import __version__, cli
from specassist.__main__ import main


def _run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    status = cli.run(cli.parse_args(list(argv)), out)
    return status, out.getvalue()


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
    status, text = _run("import", str(surveys / "bad_cells.csv"), "--json")
    report = json.loads(text)
    assert status == 0 and report["cameras"] == 5
    mac = next(i for i in report["issues"] if i["column"] == "MAC")
    assert mac == {"severity": "error", "file": "bad_cells.csv", "row": 3, "column": "MAC",
                   "value": "not-a-mac", "message": mac["message"]}  # fmt: skip
    assert _run("import", str(surveys / "bad_cells.csv"), "--strict")[0] == 1


def test_import_into_project_then_append(tmp_path: Path, surveys: Path) -> None:
    project = tmp_path / "site.specassist"
    status, text = _run("import", str(surveys / "utf16_export.csv"), "--project", str(project))
    assert status == 0 and f"saved to {project}" in text
    status, _ = _run("import", str(surveys / "utf16_export.csv"), "--project", str(project))
    from specassist.services import project_service

    with project_service.open_project(project) as opened:
        assert len(project_service.cameras(opened)) == 2


def test_import_of_a_missing_file_fails_cleanly(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, _ = _run("import", str(tmp_path / "nope.csv"))
    assert status == 1 and "nope.csv: file not found" in capsys.readouterr().err


def test_catalog_check_and_stats(tmp_path: Path, shipped_catalog: Path) -> None:
    status, text = _run("catalog", "check")
    assert status == 0 and "camera models" in text
    status, text = _run("catalog", "stats")
    assert status == 0 and "MAC prefixes" in text
    broken = tmp_path / "catalog"
    shutil.copytree(shipped_catalog, broken)
    models = broken / "models.csv"
    with models.open("a", encoding="utf-8") as handle:
        handle.write("axis,Z9,,,dome,,,,,2.8 kg,,,,,,,,,,,,,,,,,,x,,no,\n")
    line = len(models.read_text(encoding="utf-8").splitlines())
    status, text = _run("catalog", "check", str(broken))
    assert status == 1
    assert f"models.csv:{line}:focal_min: error:" in text and "catalog check failed" in text
