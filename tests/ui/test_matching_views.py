"""The detail panel and the camera form say what matching decided, in the user's words."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from pytestqt.qtbot import QtBot

from specassist.domain.formatting import UnitSystem
from specassist.domain.pipeline import Setup, analyse_cameras
from specassist.services.catalog_service import check_catalog
from specassist.survey.importer import import_survey
from specassist.ui.dialogs.camera_dialog import CameraDialog
from specassist.ui.widgets.detail_panel import DetailPanel

SURVEY = (
    "Cam Ref,Manufacturer,Model No.,Camera Type,Resolution,Lens,Distance to target,Purpose,"
    "Indoor/Outdoor\n"
    "B1,Hikvision,DS-2CD1043G0-I,Bullet,2560x1440,2.8 mm,25,Identify,Outdoor\n"
    "L1,Hikvision,,Dome,,2.8 mm,6,,Indoor\n"
    "F1,Dahua,IPC-HFW5442E-ZE,Bullet,,2.7-13.5 mm,40,,Outdoor\n"
)


def test_the_camera_form_says_what_a_lens_alone_is_estimated_from(qtbot: QtBot) -> None:
    dialog = CameraDialog(None, UnitSystem.METRIC)
    qtbot.addWidget(dialog)
    dialog.fields["lens"].setText("2.8 mm")  # type: ignore[union-attr]
    assert "site-check list" in dialog.view_basis.text()
    dialog.fields["resolution"].setText("1920x1080")  # type: ignore[union-attr]
    text = dialog.view_basis.text()
    assert 'typical 1/2.8" sensor' in text and "104.5°" in text
    dialog.fields["lens"].setText("")  # type: ignore[union-attr]
    assert dialog.view_basis.text() == ""


def test_the_detail_panel_shows_hard_and_soft_needs_deviations_and_score_parts(
    qtbot: QtBot, tmp_path: Path
) -> None:
    survey = tmp_path / "survey.csv"
    survey.write_text(SURVEY, encoding="utf-8")
    cameras = import_survey(survey).cameras
    analysis = analyse_cameras(Setup(check_catalog().catalog, None, date(2026, 12, 1)), cameras)
    panel = DetailPanel()
    qtbot.addWidget(panel)
    by_tag = {o.camera.display_tag: o for o in analysis.outcomes}

    beyond = by_tag["B1"]
    assert beyond.offer is not None and beyond.deviations
    panel.show_camera(_stored(beyond), beyond, [])
    html = panel.text.toPlainText()
    assert "Declared deviations" in html and "critical" in html
    assert "required" in html and "Score" in html and "detail margin" in html
    labels = [panel.choices.item(i).text() for i in range(panel.choices.count())]
    assert any("of 100" in label for label in labels)

    fence = by_tag["F1"]
    panel.show_camera(_stored(fence), fence, [])
    html = panel.text.toPlainText()
    assert "IR range" in html and "target 40 m + 20% margin" in html
    assert "preference" in html  # the old camera's PoE class, say, only scores

    unsized = by_tag["L1"]
    panel.show_camera(_stored(unsized), unsized, [])
    html = panel.text.toPlainText()
    assert "Site check" in html and "measure the view on site" in html


def _stored(outcome):  # type: ignore[no-untyped-def]
    from specassist.domain.survey import SurveyedCamera

    return SurveyedCamera(outcome.id, outcome.camera)
