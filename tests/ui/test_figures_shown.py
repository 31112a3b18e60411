"""Figures the window shows must not look better than they are: partial totals in the site
table, replacements that miss requirements, the two views in the field-of-view picture."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from specassist.domain.formatting import UnitSystem
from specassist.domain.outcome import Status
from specassist.domain.pipeline import Analysis
from specassist.domain.rules import Verdict
from specassist.domain.survey import SurveyedCamera
from specassist.resources import demo_survey
from specassist.services import analysis, imports, projects
from specassist.ui.main_window import MainWindow
from specassist.ui.models.site_costs_model import SiteCostsModel
from specassist.ui.models.survey_table_model import REPLACEMENT, SurveyTableModel
from specassist.ui.styles import WARNING_RED
from specassist.ui.widgets.detail_panel import DetailPanel
from specassist.ui.widgets.fov_view import NEW_COLOUR, OLD_COLOUR, FovScene, FovView

DAY = date(2026, 11, 27)


@pytest.fixture(scope="module")
def demo() -> Analysis:
    project = projects.new_project("figures")
    imports.import_into(project, demo_survey())
    return analysis.analyse(project, as_of=DAY)


# ------------------------------------------------------------------ partial totals


def test_site_table_marks_every_sum_that_leaves_unpriced_items_out(
    qtmodeltester: ModelTester, demo: Analysis
) -> None:
    costing = analysis.costs(demo)
    assert costing.missing, "the demo has unpriced items"
    model = SiteCostsModel()
    model.set_costing(costing)
    rows = [model.row_at(r) for r in range(model.rowCount())]
    sites = [r for r in rows if r.cameras is not None]
    partial_sites = [r for r in sites if r.unpriced]
    assert partial_sites and sum(r.unpriced for r in sites) == len(costing.missing)
    for n, row in enumerate(rows):
        subtotal = model.data(model.index(n, 4))
        assert subtotal.endswith("(partial)") == bool(row.unpriced)
        if row.unpriced:
            assert model.data(model.index(n, 4), Qt.ItemDataRole.ForegroundRole) == QColor(
                WARNING_RED
            )
            tip = model.data(model.index(n, 4), Qt.ItemDataRole.ToolTipRole)
            assert f"{row.unpriced} item(s) have no price" in tip
    total = rows[-1]
    assert total.label == "Total" and total.unpriced == len(costing.missing)
    qtmodeltester.check(model)


def test_costs_tab_shows_the_partial_total_as_a_warning(demo_window: MainWindow) -> None:
    window = demo_window
    assert window.costing is not None and window.costing.missing
    tab = window.costs_tab
    assert tab.message.text().startswith(f"Partial total: {len(window.costing.missing)} item(s)")
    assert "background" in tab.message.styleSheet()
    last = tab.model.rowCount() - 1
    assert tab.model.data(tab.model.index(last, 4)).endswith("(partial)")


# ------------------------------------------------------------------ replacements that miss


def test_an_override_that_misses_requirements_is_marked_and_explained(
    qtbot: QtBot, demo_window: MainWindow
) -> None:
    window = demo_window
    result = window.analysis
    assert result is not None
    target = next(o for o in result.outcomes if o.verdict is Verdict.EXCLUDED and o.match
                  and o.match.choice and not o.match.choice.failed)  # fmt: skip
    assert target.requirement is not None
    failing = next(m for m in result.matcher.allowed_models()
                   if (offer := result.matcher.offer(m.key, target.requirement))
                   and len(offer.failed) >= 2)  # fmt: skip
    with qtbot.waitSignal(window.sig_analysis_done, timeout=30000):
        window.edits.use_offer(target.id, failing.key, "client standard")
    outcome = window.analysis.by_id(target.id)  # type: ignore[union-attr]
    assert outcome is not None and outcome.status is Status.OVERRIDDEN
    assert outcome.offer is not None and len(outcome.offer.failed) >= 2

    model = window.survey_model
    row = model.row_of(target.id)
    assert row is not None
    column = [model.headerData(c, Qt.Orientation.Horizontal)
              for c in range(model.columnCount())].index(REPLACEMENT)  # fmt: skip
    cell = model.index(row, column)
    assert model.data(cell).endswith(f"— does not meet {len(outcome.offer.failed)}")
    assert model.data(cell, Qt.ItemDataRole.ForegroundRole) == QColor(WARNING_RED)
    assert model.data(cell, Qt.ItemDataRole.DecorationRole) is not None
    tip = model.data(cell, Qt.ItemDataRole.ToolTipRole)
    assert all(check.name in tip for check in outcome.offer.failed)

    assert window.select_tag(target.camera.display_tag)
    html = window.detail.text.toHtml()
    text = window.detail.text.toPlainText()
    misses = f"Does not meet {len(outcome.offer.failed)} requirement(s)"
    assert misses in text
    assert text.index(misses) < text.index("Reasons") < text.index("Requirement")
    assert "The recommended" in text and "meets every requirement" in text
    assert WARNING_RED in html
    first = window.detail.choices.item(0)
    assert "does not meet" in first.text()
    assert first.foreground().color() == QColor(WARNING_RED)


def test_a_site_check_reason_comes_before_the_long_details(qtbot: QtBot, tmp_path: Path) -> None:
    survey = tmp_path / "vague.csv"
    survey.write_text("Tag,Make,Camera Type,Lens,Distance to target\n"
                      "L1,Hikvision,Dome,2.8 mm,6\n", encoding="utf-8")  # fmt: skip
    project = projects.new_project("vague")
    imports.import_into(project, survey)
    found = analysis.analyse(project, as_of=DAY)
    (vague,) = found.outcomes
    assert vague.status is Status.SITE_CHECK
    panel = DetailPanel()
    qtbot.addWidget(panel)
    panel.show_camera(SurveyedCamera(vague.id, vague.camera), vague, [])
    text = panel.text.toPlainText()
    assert text.index("Site check") < text.index("Reasons") < text.index("Evidence")
    assert "measure the view on site" in text
    project.close()


def test_survey_model_names_vendors_and_leaves_unknown_ids_alone(demo: Analysis) -> None:
    model = SurveyTableModel()
    outcomes = demo.outcomes
    model.set_cameras([SurveyedCamera(o.id, o.camera) for o in outcomes])
    model.set_results(outcomes)
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    maker = headers.index("Maker")
    assert model.data(model.index(0, maker)) == "hikvision"  # no names given: the id
    names = demo.catalog.vendor_names()
    model.set_vendor_names(names)
    assert model.data(model.index(0, maker)) == names["hikvision"] != "hikvision"
    offer = outcomes[0].offer
    assert offer is not None
    replacement = model.data(model.index(0, headers.index(REPLACEMENT)))
    assert replacement == f"{names[offer.model.vendor_id]} {offer.model.model}"


# ------------------------------------------------------------------ the field-of-view picture


def _picture(qtbot: QtBot, scene: FovScene, units: UnitSystem) -> tuple[FovView, QImage]:
    view = FovView()
    qtbot.addWidget(view)
    view.resize(420, 300)
    view.set_scene(scene, units)
    return view, view.grab().toImage()


def _has_colour(image: QImage, colour: str, tolerance: int = 24) -> bool:
    wanted = QColor(colour)
    for y in range(0, image.height(), 2):
        for x in range(0, image.width(), 2):
            pixel = image.pixelColor(x, y)
            if (abs(pixel.red() - wanted.red()) + abs(pixel.green() - wanted.green())
                    + abs(pixel.blue() - wanted.blue())) <= tolerance:  # fmt: skip
                return True
    return False


def test_fov_picture_tells_the_old_view_from_the_new_with_a_legend_and_scale(
    qtbot: QtBot,
) -> None:
    scene = FovScene(new_hfov=92.0, new_px=2688, old_hfov=40.0, old_px=1920, distance_m=8.0)
    view, image = _picture(qtbot, scene, UnitSystem.METRIC)
    legend = {item.kind: item.text for item in view.legend()}
    assert legend["new"] == "Replacement, 92°"
    assert legend["old"] == "Existing camera, 40°"
    assert legend["target"] == "Target, 8 m"
    assert "Identify (≥ 250 px/m)" in [i.text for i in view.legend()]
    bar = view.scale()
    assert bar.text.endswith(" m") and 0 < bar.length_px < view.width() / 2
    assert _has_colour(image, OLD_COLOUR) and _has_colour(image, NEW_COLOUR)


def test_fov_scale_bar_and_legend_follow_imperial_units(qtbot: QtBot) -> None:
    scene = FovScene(new_hfov=92.0, new_px=2688, old_hfov=100.0, distance_m=8.0)
    view, _ = _picture(qtbot, scene, UnitSystem.IMPERIAL)
    assert view.scale().text.endswith(" ft")
    texts = [item.text for item in view.legend()]
    assert "Target, 26.2 ft" in texts and any("px/ft" in t for t in texts)


def test_fov_picture_without_a_replacement_or_its_view_says_so(qtbot: QtBot) -> None:
    view, _ = _picture(qtbot, FovScene(new_hfov=None, new_px=2688), UnitSystem.METRIC)
    assert view.legend() == []
    view.set_scene(None)
    assert not view.grab().isNull()
