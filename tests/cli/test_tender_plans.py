"""``specassist tender PROJECT.specassist``: the project's plans drawn in the tender."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from PIL import Image, ImageDraw
from pypdf import PdfReader

from specassist.domain.plans import Wall
from specassist.services import plan_service, projects
from tests.cli_runner import run_cli

DEMO = Path(__file__).parents[2] / "resources" / "demo" / "demo-survey.csv"
PLACED = ("C016", "C017", "C018", "C019", "C020")


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """The demo estate with the Depot's yard plan: five cameras placed and one wall."""
    target = tmp_path / "estate.specassist"
    assert run_cli("import", str(DEMO), "--project", str(target))[0] == 0
    image = tmp_path / "yard.png"
    picture = Image.new("RGB", (1600, 1000), "white")
    ImageDraw.Draw(picture).rectangle((40, 40, 1560, 960), outline="black", width=4)
    picture.save(image)
    assert run_cli("plan", "import", str(target), str(image), "--site", "Depot", "--name",
                "Yard", "--scale", "0,0,1000,0,50m")[0] == 0  # fmt: skip
    for n, tag in enumerate(PLACED):
        x, y = 250 + 280 * n, 300 + 120 * (n % 2)
        assert run_cli("plan", "place", str(target), tag, str(x), str(y),
                    "--direction", str(90 + 40 * n))[0] == 0  # fmt: skip
    with projects.open_project(target) as opened:
        (plan,) = plan_service.plans(opened)
        plan_service.put_wall(opened, plan.id, Wall(0, ((700.0, 100.0), (700.0, 700.0))))
        opened.save()
    return target


def test_the_tender_of_a_project_draws_its_plan_with_the_schedule_tags(
    project: Path, tmp_path: Path
) -> None:
    pdf, docx = tmp_path / "t.pdf", tmp_path / "t.docx"
    status, text = run_cli("tender", str(project), "-o", str(pdf), "--docx", str(docx),
                        "--as-of", "2026-11-27", "--client", "Riverside Council")  # fmt: skip
    assert status == 0, text
    assert "1 plan(s)" in text
    reader = PdfReader(pdf)
    pages = [page.extract_text() for page in reader.pages]
    (start,) = [n for n, t in enumerate(pages) if "Appendix D — Plans" in t and "Yard" in t]
    plan_text = " ".join(pages[start : start + 2])
    assert all(tag in plan_text for tag in PLACED)
    assert "Camera to be replaced" in plan_text and "Recognise" in plan_text
    assert "5 device(s) placed" in plan_text
    plan_page = next(reader.pages[n] for n in (start, start + 1) if "C016" in pages[n])
    resources = plan_page["/Resources"]
    assert resources["/XObject"]  # the plan picture
    assert any(float(state.get_object().get("/ca", 1)) < 1  # bands blended over it
               for state in resources["/ExtGState"].values())  # fmt: skip
    assert "Riverside Council" in pages[0]
    with zipfile.ZipFile(docx) as word:
        media = [n for n in word.namelist() if n.startswith("word/media/")]
        assert len(media) == 1
        with Image.open(io.BytesIO(word.read(media[0]))) as picture:
            assert picture.width == 2000 and picture.height > 1250  # plan and legend strip
            # The bands are painted: some pixel is neither white nor black nor grey.
            colours = picture.convert("RGB").getcolors(1 << 20) or []
            assert any(max(c) - min(c) > 40 for _, c in colours)


def test_a_project_without_plans_has_no_plans_appendix(tmp_path: Path) -> None:
    target = tmp_path / "bare.specassist"
    assert run_cli("import", str(DEMO), "--project", str(target))[0] == 0
    pdf = tmp_path / "t.pdf"
    status, text = run_cli("tender", str(target), "-o", str(pdf), "--as-of", "2026-11-27")
    assert status == 0 and "plan(s)" not in text
    assert not any("— Plans" in p.extract_text() for p in PdfReader(pdf).pages)


def test_a_project_open_in_the_app_is_tendered_as_last_saved(project: Path, tmp_path: Path) -> None:
    pdf = tmp_path / "t.pdf"
    with projects.open_project(project) as opened:
        (plan,) = plan_service.plans(opened)
        plan_service.delete_plan(opened, plan.id)  # not saved
        status, text = run_cli("tender", str(project), "-o", str(pdf), "--as-of", "2026-11-27")
    assert status == 0 and "1 plan(s)" in text


def test_a_missing_project_is_reported_in_words(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, _ = run_cli("tender", str(tmp_path / "none.specassist"), "-o", str(tmp_path / "t.pdf"))
    assert status == 1
    assert "none.specassist" in capsys.readouterr().err
