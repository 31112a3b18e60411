"""On-site capture, photos, overrides and settings round-trip through the project file."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

from pypdf import PdfReader

from specassist.domain.outcome import Override, Status
from specassist.domain.rules import Verdict
from specassist.domain.survey import SurveyCamera, SurveyStatus
from specassist.resources import demo_survey
from specassist.services import analysis, capture, imports, overrides, project_settings, projects
from specassist.services.tender_files import TenderFiles

DAY = date(2026, 11, 27)


def test_capture_edit_delete_and_photos_survive_save(tmp_path: Path) -> None:
    path = tmp_path / "site.specassist"
    with projects.new_project("Walkround", path) as project:
        camera = SurveyCamera(0, tag="N-1", site="North", make="Hikvision",
                              model="DS-2CD2143G2-I", status=SurveyStatus.NEEDS_LADDER,
                              notes="above the door")  # fmt: skip
        camera_id = capture.add_camera(project, camera)
        camera.location = "Gate"
        capture.update_camera(project, camera_id, camera)
        spare = capture.add_camera(project, SurveyCamera(0, tag="N-2"))
        capture.delete_camera(project, spare)
        photo = tmp_path / "n1.jpg"
        photo.write_bytes(b"\xff\xd8\xff photo bytes")
        capture.add_photo(project, camera_id, photo)
        project.save()
    with projects.open_project(path) as reopened:
        stored = capture.cameras(reopened)
        assert [s.camera.tag for s in stored] == ["N-1"]
        got = stored[0].camera
        assert got.location == "Gate" and got.site == "North"
        assert got.status is SurveyStatus.NEEDS_LADDER and got.notes == "above the door"
        ((_, name, data),) = capture.photos(reopened, stored[0].id)
        assert name == "n1.jpg" and data == photo.read_bytes()


def test_override_is_stored_applied_and_printed(tmp_path: Path) -> None:
    path = tmp_path / "demo.specassist"
    with projects.new_project("Demo", path) as project:
        imports.import_into(project, demo_survey())
        result = analysis.analyse(project, as_of=DAY)
        target = next(
            o for o in result.outcomes
            if o.verdict is Verdict.EXCLUDED and o.match and o.match.alternates
        )  # fmt: skip
        assert target.match is not None
        alternate = target.match.alternates[0].model
        overrides.set_override(project, target.id, Override(alternate.key, "client standard"))
        project.save()
    with projects.open_project(path) as reopened:
        result = analysis.analyse(reopened, as_of=DAY)
        outcome = result.by_id(target.id)
        assert outcome is not None and outcome.status is Status.OVERRIDDEN
        assert outcome.offer is not None and outcome.offer.model.key == alternate.key
        pdf = tmp_path / "t.pdf"
        analysis.export_tender(reopened, result, TenderFiles(pdf))
        text = " ".join(" ".join(p.extract_text() for p in PdfReader(pdf).pages).split())
        assert "overridden: client standard" in text
        overrides.clear_override(reopened, target.id)
        assert analysis.analyse(reopened, as_of=DAY).by_id(target.id).override is None  # type: ignore[union-attr]


def test_settings_and_price_lists(tmp_path: Path) -> None:
    with projects.new_project("Costs") as project:
        project_settings.set_cost_settings(
            project, {"currency": "EUR", "labour_rate": "72.50", "rates": {"GBP": "1.17"}}
        )
        costs = project_settings.cost_settings(project)
        assert costs.currency == "EUR" and costs.labour_rate == Decimal("72.50")
        assert costs.exchange.rates == {"GBP": Decimal("1.17")}
        project_settings.set_tender_settings(
            project, {"client": "Council", "layout": "nbs", "project": "Depot cameras"}
        )
        tender = project_settings.tender_settings(project)
        assert tender.client == "Council" and tender.layout.value == "nbs"
        prices = tmp_path / "p.csv"
        prices.write_text("Part,Price,Currency\nP3265-LVE,459.00,GBP\nX,bad,GBP\n", "utf-8")
        stored = imports.import_prices(project, prices, "Dist")
        assert len(stored.result.prices) == 1 and len(stored.result.issues) == 1
        assert any(p.supplier == "Dist" for p in projects.catalog_of(project).prices)
        imports.remove_prices(project, stored)
        assert not any(p.supplier == "Dist" for p in projects.catalog_of(project).prices)


def test_required_figures_are_a_project_setting_the_analysis_reads(tmp_path: Path) -> None:
    """A client who insists on the old cameras' IR ratings: the project says so, the analysis
    makes the old rating a hard requirement, and the choice survives save and reopen."""
    from specassist.domain.requirements import Options

    path = tmp_path / "site.specassist"
    with projects.new_project("Depot", path) as project:
        imports.import_into(project, demo_survey())
        loose = analysis.analyse(project, as_of=DAY)
        project_settings.set_matching_options(project, Options(required=frozenset({"IR range"})))
        project.save()
    with projects.open_project(path) as reopened:
        assert project_settings.matching_options(reopened).required == {"IR range"}
        strict = analysis.analyse(reopened, as_of=DAY)

    def ir(result: analysis.Analysis) -> dict[int, float]:
        return {
            o.id: o.requirement.min_ir_m.value
            for o in result.outcomes
            if o.requirement and o.requirement.min_ir_m and o.requirement.min_ir_m.hard
        }

    # The target's need (distance + 20 %) is hard either way; marked required, the old
    # rating is the need wherever it is the higher.
    assert ir(strict).keys() >= ir(loose).keys()
    assert any(ir(strict)[k] > v for k, v in ir(loose).items())
