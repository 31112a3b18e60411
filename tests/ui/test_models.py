"""Every Qt model: data read without a view, and Qt's own model tester."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester

from specassist.domain.costing import Costing
from specassist.domain.issues import InputIssue, Severity
from specassist.domain.pipeline import Analysis
from specassist.domain.survey import SurveyedCamera
from specassist.resources import demo_survey
from specassist.services import analysis, capture, imports, projects
from specassist.services.catalog_service import check_catalog
from specassist.ui.models.catalog_table_model import CatalogFilter, CatalogTableModel
from specassist.ui.models.issues_model import IssuesModel
from specassist.ui.models.site_costs_model import SiteCostsModel
from specassist.ui.models.survey_filter import SurveyFilter
from specassist.ui.models.survey_table_model import ID_ROLE, SORT_ROLE, SurveyTableModel

DAY = date(2026, 11, 27)


def _analysed() -> tuple[list[SurveyedCamera], Analysis, Costing]:
    project = projects.new_project("models")
    imports.import_into(project, demo_survey())
    result = analysis.analyse(project, as_of=DAY)
    return capture.cameras(project), result, analysis.costs(result)


def test_survey_model_shows_status_replacement_and_sorts_numbers(
    qtmodeltester: ModelTester,
) -> None:
    cameras, result, _ = _analysed()
    model = SurveyTableModel()
    model.set_cameras(cameras)
    model.set_results(result.outcomes)
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    row = {h: model.data(model.index(0, c)) for c, h in enumerate(headers)}
    assert row["Status"] == "to replace" and row["Tag"] == "C001"
    assert row["Replacement"] and row["Maker"] == "hikvision"
    distance = headers.index("Distance")
    assert isinstance(model.data(model.index(0, distance), SORT_ROLE), float)
    assert model.data(model.index(0, 0), ID_ROLE) == cameras[0].id
    assert model.data(model.index(0, 0), Qt.ItemDataRole.DecorationRole) is not None
    qtmodeltester.check(model)
    proxy = SurveyFilter(model)
    proxy.set_filters(site="Depot")
    assert 0 < proxy.rowCount() < model.rowCount()
    qtmodeltester.check(proxy)


def test_issues_model(qtmodeltester: ModelTester) -> None:
    issues = [InputIssue(Severity.ERROR, "expected a MAC", "s.csv", 3, "MAC", "zz")]
    model = IssuesModel(issues)
    assert [model.data(model.index(0, c)) for c in range(6)] == [
        "error", "s.csv", "3", "MAC", "zz", "expected a MAC"
    ]  # fmt: skip
    qtmodeltester.check(model)


def test_catalog_model_and_filter(qtmodeltester: ModelTester) -> None:
    models = check_catalog().catalog.models
    model = CatalogTableModel(models)
    assert model.rowCount() == len(models)
    assert model.data(model.index(0, 0)) == models[0].vendor_id
    proxy = CatalogFilter(model)
    proxy.set_filters(vendor="axis", form="dome")
    assert 0 < proxy.rowCount() < model.rowCount()
    proxy.set_filters(min_megapixels=8.0)
    for row in range(proxy.rowCount()):
        source = proxy.mapToSource(proxy.index(row, 0)).row()
        resolution = model.model_at(source).resolution
        assert resolution is not None and resolution.megapixels >= 8.0
    qtmodeltester.check(model)
    qtmodeltester.check(proxy)


def test_site_costs_model(qtmodeltester: ModelTester) -> None:
    _, _, costing = _analysed()
    model = SiteCostsModel()
    model.set_costing(costing)
    texts = [model.data(model.index(r, 0)) for r in range(model.rowCount())]
    assert texts[:3] == ["Riverside Police Station", "Town Hall", "Depot"]
    assert texts[-1] == "Total"
    assert model.data(model.index(model.rowCount() - 1, 4)).startswith("GBP ")
    qtmodeltester.check(model)


def test_camera_dialog_validates_like_the_importer(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from specassist.domain.formatting import UnitSystem
    from specassist.ui.dialogs.camera_dialog import CameraDialog

    dialog = CameraDialog(None, UnitSystem.METRIC)
    qtbot.addWidget(dialog)
    dialog.fields["tag"].setText("N-9")  # type: ignore[union-attr]
    dialog.fields["make"].setText("Hikvision")  # type: ignore[union-attr]
    dialog.fields["height"].setText("12 ft")  # type: ignore[union-attr]
    dialog.fields["mac"].setText("not-a-mac")  # type: ignore[union-attr]
    dialog.try_accept()
    assert dialog.camera is None and "MAC" in dialog.problems.text()
    dialog.fields["mac"].setText("44:19:B6:11:22:33")  # type: ignore[union-attr]
    dialog.try_accept()
    assert dialog.camera is not None and dialog.camera.tag == "N-9"
    assert abs((dialog.camera.height_m or 0) - 3.6576) < 1e-6
