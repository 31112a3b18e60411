"""What the window says must be true: partial totals, missing rates, empty rules, tags."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from specassist.app import create_window
from specassist.domain.formatting import UnitSystem
from specassist.services import project_settings
from specassist.ui.dialogs.camera_dialog import CameraDialog
from specassist.ui.main_window import MainWindow
from specassist.ui.settings import AppSettings


def _demo(qtbot: QtBot, settings: AppSettings) -> MainWindow:
    window = create_window(demo=True, settings=settings)
    qtbot.addWidget(window)
    qtbot.waitUntil(
        lambda: window.analysis is not None and len(window.analysis.outcomes) == 20,
        timeout=30000,
    )
    return window


def _reanalysed(qtbot: QtBot, window: MainWindow, action: object) -> None:
    with qtbot.waitSignal(window.sig_analysis_done, timeout=30000):
        action() if callable(action) else None


def test_status_bar_marks_an_unpriced_total_as_partial(
    qtbot: QtBot, app_settings: AppSettings
) -> None:
    window = _demo(qtbot, app_settings)
    assert window.costing is not None and window.costing.missing
    text = window.status_label.text()
    assert f"partial: {len(window.costing.missing)} item(s) have no price" in text


def test_a_missing_exchange_rate_is_named(
    qtbot: QtBot, tmp_path: Path, app_settings: AppSettings
) -> None:
    window = _demo(qtbot, app_settings)
    assert window.analysis is not None
    offer = next(r.offer for r in window.analysis.outcomes if r.offer is not None)
    prices = tmp_path / "gbp.csv"
    prices.write_text(
        "Manufacturer,Part No.,Unit Price,Currency,Valid From\n"
        f"{offer.model.vendor_id},{offer.model.model},450.00,GBP,2025-01-01\n",
        encoding="utf-8",
    )
    window.costs_tab.edits["currency"].setText("EUR")
    window.costs_tab.edits["rates"].setText("GBP=1.17")
    _reanalysed(qtbot, window, window.costs_tab.apply)
    _reanalysed(qtbot, window, lambda: window.import_price_list(prices))
    assert window.costing is not None and window.costing.missing_rates == ()
    window.costs_tab.edits["rates"].setText("")
    _reanalysed(qtbot, window, window.costs_tab.apply)
    assert window.costing.missing_rates == ("GBP",)
    message = window.costs_tab.message.text()
    assert "GBP" in message and "EUR" in message and "Exchange rates" in message


def test_changing_currency_converts_the_labour_rate(
    qtbot: QtBot, app_settings: AppSettings
) -> None:
    window = _demo(qtbot, app_settings)
    assert window.project is not None
    window.costs_tab.edits["labour_rate"].setText("65.00")
    window.costs_tab.edits["currency"].setText("USD")
    window.costs_tab.apply()  # no GBP rate: refused, in words
    assert "GBP=" in window.costs_tab.message.text()
    assert project_settings.cost_settings(window.project).currency == "GBP"
    window.costs_tab.edits["rates"].setText("GBP=1.27")
    _reanalysed(qtbot, window, window.costs_tab.apply)
    stored = project_settings.cost_settings(window.project)
    assert stored.currency == "USD" and str(stored.labour_rate) == "82.55"


def test_no_rule_set_is_a_visible_warning_and_blocks_export(
    qtbot: QtBot, app_settings: AppSettings, no_modal_questions: list[str]
) -> None:
    window = _demo(qtbot, app_settings)
    assert window.rules_warning.isHidden()
    for check in window.rules_tab.checks.values():
        check.blockSignals(True)
        check.setChecked(False)
        check.blockSignals(False)
    _reanalysed(qtbot, window, lambda: window.set_rule_profile([]))
    assert not window.rules_warning.isHidden()
    window.choose_export()
    assert any(text.startswith("No rule set chosen") for text in no_modal_questions)


def test_export_of_an_empty_project_is_refused(
    qtbot: QtBot, app_settings: AppSettings, no_modal_questions: list[str]
) -> None:
    window = create_window(settings=app_settings)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.analysis is not None, timeout=30000)
    window.choose_export()
    assert any(text.startswith("Nothing to export") for text in no_modal_questions)


def test_add_camera_refuses_a_tag_in_use(qtbot: QtBot, app_settings: AppSettings) -> None:
    window = _demo(qtbot, app_settings)
    dialog = CameraDialog(None, UnitSystem.METRIC, window, window.survey_model.tags())
    qtbot.addWidget(dialog)
    dialog.fields["tag"].setText("c004")  # type: ignore[union-attr]
    dialog.fields["make"].setText("Axis")  # type: ignore[union-attr]
    dialog.findChild(QDialogButtonBox).accepted.emit()
    assert dialog.camera is None and "already used" in dialog.problems.text()
    dialog.fields["tag"].setText("C099")  # type: ignore[union-attr]
    dialog.findChild(QDialogButtonBox).accepted.emit()
    assert dialog.camera is not None and dialog.camera.tag == "C099"


@pytest.mark.parametrize("units", [UnitSystem.METRIC, UnitSystem.IMPERIAL])
def test_view_units_are_checked(qtbot: QtBot, app_settings: AppSettings, units: UnitSystem) -> None:
    window = create_window(settings=app_settings)
    qtbot.addWidget(window)
    window.set_units(units)
    assert window.action_imperial.isChecked() is (units is UnitSystem.IMPERIAL)
    assert window.action_metric.isChecked() is (units is UnitSystem.METRIC)
