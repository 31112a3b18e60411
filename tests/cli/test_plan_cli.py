"""``specassist plan import / place / list`` on a real project file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PIL import Image

from specassist import cli
from tests.cli_runner import run_cli

DEMO = Path(__file__).parents[2] / "resources" / "demo" / "demo-survey.csv"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    target = tmp_path / "estate.specassist"
    assert run_cli("import", str(DEMO), "--project", str(target))[0] == 0
    return target


def test_import_place_and_list_a_plan(project: Path, tmp_path: Path) -> None:
    image = tmp_path / "ground.png"
    Image.new("RGB", (1200, 800), "white").save(image)
    scale = "0,0,1000,0,164ft"
    status, text = run_cli("plan", "import", str(project), str(image),
                        "--site", "Depot", "--name", "Yard", "--scale", scale)  # fmt: skip
    assert status == 0
    assert text.strip() == "plan 1: Depot / Yard, 1200 × 800 px, 1000 px = 49.99 m from ground.png"
    status, text = run_cli("plan", "place", str(project), "C016", "600", "400",
                        "--direction", "135", "--tilt", "25", "--height", "18ft")  # fmt: skip
    assert status == 0
    assert text.strip() == ("C016 on plan 1 (Depot / Yard) at (600, 400), bearing 135°, "
                            "tilt 25.0°")  # fmt: skip
    status, text = run_cli("plan", "place", str(project), "C017", "100", "100")
    # No tilt: aimed at the surveyed target, 10 m away from 4 m up: atan(4 / 10) = 21.8°.
    assert status == 0 and text.strip().endswith("tilt 21.8°")
    status, text = run_cli("plan", "list", str(project))
    assert status == 0
    lines = text.splitlines()
    assert lines[0] == ("plan 1: Depot / Yard, 1200 × 800 px, 1000 px = 49.99 m; 2 placed, "
                        "3 of the site not placed, 0 walls, 0 targets")  # fmt: skip
    assert lines[1].split() == ["C016", "(600,", "400)", "bearing", "135°", "tilt", "25.0°"]
    status, text = run_cli("plan", "list", str(project), "--json")
    (plan,) = json.loads(text)
    device = plan["devices"][0]
    assert device["tag"] == "C016" and device["height"]["value"] == pytest.approx(5.4864)
    assert plan["scale"]["distance"] == {"value": pytest.approx(49.9872), "unit": "m"}


def test_plan_commands_report_problems_in_the_users_words(
    project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    image = tmp_path / "ground.png"
    Image.new("RGB", (100, 100), "white").save(image)
    assert run_cli("plan", "import", str(project), str(image), "--site", "Depot",
                "--scale", "0,0,100,0")[0] == 1  # fmt: skip
    assert "expected X1,Y1,X2,Y2,DISTANCE" in capsys.readouterr().err
    assert run_cli("plan", "place", str(project), "C016", "1", "1")[0] == 1
    assert "site 'Depot' has no plan; import one first" in capsys.readouterr().err
    missing = tmp_path / "none.specassist"
    assert run_cli("plan", "list", str(missing))[0] == 1
    assert "no such project" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        cli.parse_args(["plan", "place", str(project), "C016", "1", "1", "--tilt", "steep"])
