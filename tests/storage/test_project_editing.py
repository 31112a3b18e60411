"""On-site capture, photos, overrides and settings round-trip through the project file."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

from pypdf import PdfReader

from specassist.domain.rules import Verdict
from specassist.domain.survey import SurveyCamera, SurveyStatus
from specassist.resources import demo_survey
from specassist.services import analysis_service, project_service

DAY = date(2026, 11, 27)


def test_capture_edit_delete_and_photos_survive_save(tmp_path: Path) -> None:
    path = tmp_path / "site.specassist"
    with project_service.new_project("Walkround", path) as project:
        camera = SurveyCamera(0, tag="N-1", site="North", make="Hikvision",
                              model="DS-2CD2143G2-I", status=SurveyStatus.NEEDS_LADDER,
                              notes="above the door")  # fmt: skip
        camera_id = project_service.add_camera(project, camera)
        camera.location = "Gate"
        project_service.update_camera(project, camera_id, camera)
        spare = project_service.add_camera(project, SurveyCamera(0, tag="N-2"))
        project_service.delete_camera(project, spare)
        photo = tmp_path / "n1.jpg"
        photo.write_bytes(b"\xff\xd8\xff photo bytes")
        project_service.add_photo(project, camera_id, photo)
        project.save()
    with project_service.open_project(path) as reopened:
        stored = project_service.cameras(reopened)
        assert [s.camera.tag for s in stored] == ["N-1"]
        got = stored[0].camera
        assert got.location == "Gate" and got.site == "North"
        assert got.status is SurveyStatus.NEEDS_LADDER and got.notes == "above the door"
        ((_, name, data),) = project_service.photos(reopened, stored[0].id)
        assert name == "n1.jpg" and data == photo.read_bytes()


def test_override_is_stored_applied_and_printed(tmp_path: Path) -> None:
    path = tmp_path / "demo.specassist"
    with project_service.new_project("Demo", path) as project:
        project_service.import_into(project, demo_survey())
        analysis = analysis_service.analyse(project, DAY)
        target = next(r for r in analysis.results
                      if r.matched.verdict is Verdict.EXCLUDED and r.matched.match
                      and r.matched.match.alternates)  # fmt: skip
        assert target.matched.match is not None
        alternate = target.matched.match.alternates[0].model
        project_service.set_override(project, target.id, alternate.key, "client standard")
        project.save()
    with project_service.open_project(path) as reopened:
        analysis = analysis_service.analyse(reopened, DAY)
        result = analysis.by_id(target.id)
        assert result is not None and result.override is not None
        assert result.offer is not None and result.offer.model.key == alternate.key
        pdf = tmp_path / "t.pdf"
        analysis_service.export_tender(reopened, analysis, pdf)
        text = " ".join(" ".join(p.extract_text() for p in PdfReader(pdf).pages).split())
        assert "overridden: client standard" in text
        project_service.clear_override(reopened, target.id)
        assert analysis_service.analyse(reopened, DAY).by_id(target.id).override is None  # type: ignore[union-attr]


def test_settings_and_price_lists(tmp_path: Path) -> None:
    with project_service.new_project("Costs") as project:
        project_service.set_cost_settings(
            project, {"currency": "EUR", "labour_rate": "72.50", "rates": {"GBP": "1.17"}}
        )
        costs = project_service.cost_settings(project)
        assert costs.currency == "EUR" and costs.labour_rate == Decimal("72.50")
        assert costs.exchange.rates == {"GBP": Decimal("1.17")}
        project_service.set_tender_settings(
            project, {"client": "Council", "layout": "nbs", "project": "Depot cameras"}
        )
        tender = project_service.tender_settings(project)
        assert tender.client == "Council" and tender.layout.value == "nbs"
        prices = tmp_path / "p.csv"
        prices.write_text("Part,Price,Currency\nP3265-LVE,459.00,GBP\nX,bad,GBP\n", "utf-8")
        result = project_service.import_prices(project, prices, "Dist")
        assert len(result.prices) == 1 and len(result.issues) == 1
        catalog = project_service.catalog_of(project)
        assert catalog is not None
        assert any(p.supplier == "Dist" for p in catalog.catalog.prices)
