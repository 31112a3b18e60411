from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester

from specassist.domain.formatting import UnitSystem
from specassist.domain.survey import SurveyedCamera
from specassist.services.imports import read_survey
from specassist.ui.models.survey_table_model import SurveyTableModel


def _cameras(surveys: Path) -> list[SurveyedCamera]:
    result = read_survey(surveys / "semicolon_decimal_comma_cp1252.csv")
    return [SurveyedCamera(i, c) for i, c in enumerate(result.cameras, start=1)]


def test_data_without_a_view(surveys: Path) -> None:
    model = SurveyTableModel()
    model.set_cameras(_cameras(surveys))
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert model.rowCount() == 3
    row = {h: model.data(model.index(0, c)) for c, h in enumerate(headers)}
    assert row["Tag"] == "N-01" and row["Make"] == "Hikvision" and row["Lens"] == "4 mm"
    assert row["Height"] == "4.42 m"
    model.set_unit_system(UnitSystem.IMPERIAL)
    assert model.data(model.index(0, headers.index("Height"))) == "14.5 ft"
    tooltip = model.data(model.index(0, 1), Qt.ItemDataRole.ToolTipRole)
    assert "Mounting height (ft): 14,5" in tooltip


def test_model_passes_qt_model_tester(qtmodeltester: ModelTester, surveys: Path) -> None:
    model = SurveyTableModel()
    model.set_cameras(_cameras(surveys))
    qtmodeltester.check(model)
