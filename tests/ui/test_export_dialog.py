"""The Export tender dialog: defaults from the project, what needs a package, weights that must
add up, choices kept with the project (undoably, through save and reopen), files never
replaced unasked, and a cancelled export that leaves nothing behind."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSpinBox
from pytestqt.qtbot import QtBot

from specassist.domain.project_settings import TenderOutput
from specassist.services import project_settings
from specassist.services.tender_files import STAGING_PREFIX, named
from specassist.ui import exporter
from specassist.ui.dialogs.export_dialog import SCHEDULE_NEEDS_PACKAGE, ExportDialog
from specassist.ui.main_window import MainWindow


def _dialog(qtbot: QtBot, window: MainWindow) -> ExportDialog:
    dialog = window.choose_export()
    assert dialog is not None
    qtbot.waitExposed(dialog)
    return dialog


def _type(qtbot: QtBot, spin: QSpinBox, value: int) -> None:
    """Replace a spin box's value from the keyboard, as a user would."""
    spin.setFocus()
    spin.selectAll()
    qtbot.keyClicks(spin, str(value))


def _weights(dialog: ExportDialog) -> dict[str, int]:
    return dict(dialog.weights())


def test_defaults_come_from_the_project_and_its_clause_set(
    qtbot: QtBot, demo_window: MainWindow
) -> None:
    window = demo_window
    dialog = _dialog(qtbot, window)
    assert dialog.folder_edit.text() == str(window.files.project_folder())
    assert dialog.name_edit.text() == "Untitled project tender"
    assert dialog.jurisdiction_combo.currentData() == "uk-public"
    assert dialog.jurisdiction_combo.currentText() == "UK public body (Procurement Act 2023)"
    assert not dialog.package_check.isChecked()
    assert _weights(dialog) == {"price": 70, "quality": 15, "social_value": 15}
    assert not dialog.weight_spins["past_performance"].isVisible()
    assert dialog.pdf_check.isChecked() and not dialog.pdf_check.isEnabled()
    assert dialog.estimate_check.isChecked() and not dialog.docx_check.isChecked()
    dialog.reject()

    assert window.project is not None
    chosen = replace(
        project_settings.tender_settings(window.project), jurisdiction="us-federal", package=True,
        weights=(("price", 60), ("quality", 30), ("social_value", 0), ("past_performance", 10)),
        outputs=frozenset({TenderOutput.DOCX, TenderOutput.SCHEDULE}),
    )  # fmt: skip
    project_settings.set_export_choices(window.project, chosen)
    dialog = _dialog(qtbot, window)
    assert dialog.jurisdiction_combo.currentData() == "us-federal"
    assert dialog.package_check.isChecked()
    assert _weights(dialog) == dict(chosen.weights)
    assert dialog.weight_spins["past_performance"].isVisible()
    assert dialog.docx_check.isChecked() and not dialog.estimate_check.isChecked()
    assert dialog.schedule_check.isChecked() and dialog.schedule_check.isEnabled()
    listed = dialog.file_list.text()
    assert "Untitled project tender-pricing-schedule.xlsx" in listed and "boq" not in listed
    # Another jurisdiction shows its own criteria and weights.
    dialog.jurisdiction_combo.setCurrentIndex(dialog.jurisdiction_combo.findData("private"))
    assert _weights(dialog) == {"price": 60, "quality": 40, "social_value": 0}
    dialog.reject()


def test_the_pricing_schedule_waits_for_a_whole_package(
    qtbot: QtBot, demo_window: MainWindow
) -> None:
    dialog = _dialog(qtbot, demo_window)
    schedule = dialog.schedule_check
    assert not schedule.isEnabled() and not schedule.isChecked()
    assert schedule.toolTip() == SCHEDULE_NEEDS_PACKAGE
    assert not dialog.weights_row.isEnabled()
    dialog.package_check.setFocus()
    qtbot.keyClick(dialog.package_check, Qt.Key.Key_Space)
    assert dialog.package_check.isChecked()
    assert schedule.isEnabled() and dialog.weights_row.isEnabled()
    schedule.setFocus()
    qtbot.keyClick(schedule, Qt.Key.Key_Space)
    assert "pricing-schedule.xlsx" in dialog.file_list.text()
    qtbot.keyClick(dialog.package_check, Qt.Key.Key_Space)  # off again: no schedule
    assert not schedule.isEnabled() and "pricing-schedule" not in dialog.file_list.text()
    qtbot.keyClick(dialog.package_check, Qt.Key.Key_Space)  # the tick comes back with it
    assert schedule.isChecked()
    dialog.reject()


def test_weights_that_do_not_add_up_refuse_export_and_say_why(
    qtbot: QtBot, demo_window: MainWindow
) -> None:
    window = demo_window
    assert window.project is not None
    before = project_settings.section(window.project, "tender")
    dialog = _dialog(qtbot, window)
    dialog.package_check.setChecked(True)
    _type(qtbot, dialog.weight_spins["price"], 60)
    assert dialog.weights_total.text() == "Total 90 %"
    assert dialog.weights_error.text() == (
        "The evaluation weights add up to 90 %; they must add up to 100 %."
    )
    assert not dialog.ok.isEnabled()
    dialog.accept()  # Enter, or a click that got through: still refused
    assert dialog.isVisible() and dialog.files is None
    assert project_settings.section(window.project, "tender") == before
    _type(qtbot, dialog.weight_spins["quality"], 25)
    assert not dialog.weights_error.text() and dialog.ok.isEnabled()
    _type(qtbot, dialog.weight_spins["quality"], 5)
    assert not dialog.ok.isEnabled()
    dialog.package_check.setChecked(False)  # weights only count for a package
    assert not dialog.weights_error.text() and dialog.ok.isEnabled()
    dialog.name_edit.setText("a/b")
    assert not dialog.ok.isEnabled() and "cannot contain" in dialog.problem.text()
    dialog.reject()


def test_choices_are_undoable_and_come_back_after_save_and_reopen(
    qtbot: QtBot, demo_window: MainWindow, tmp_path: Path
) -> None:
    window = demo_window
    out = tmp_path / "out"
    out.mkdir()
    dialog = _dialog(qtbot, window)
    dialog.folder_edit.setText(str(out))
    dialog.jurisdiction_combo.setCurrentIndex(dialog.jurisdiction_combo.findData("private"))
    dialog.package_check.setChecked(True)
    _type(qtbot, dialog.weight_spins["price"], 50)
    _type(qtbot, dialog.weight_spins["quality"], 50)
    dialog.docx_check.setChecked(True)
    dialog.estimate_check.setChecked(False)
    with qtbot.waitSignal(window.sig_export_done, timeout=60000):
        dialog.ok.click()
    assert sorted(p.name for p in out.iterdir()) == [
        "Untitled project tender.docx", "Untitled project tender.pdf",
    ]  # fmt: skip
    assert window.action_undo.toolTip() == "Undo change export choices"
    assert window.project is not None
    with qtbot.waitSignal(window.sig_analysis_done, timeout=30000):
        window.action_undo.trigger()
    assert project_settings.tender_settings(window.project).jurisdiction == "uk-public"
    with qtbot.waitSignal(window.sig_analysis_done, timeout=30000):
        window.action_redo.trigger()

    path = tmp_path / "depot.specassist"
    assert window.files.save_to(path)
    window.new_project(confirm=False)
    assert project_settings.tender_settings(window.project).jurisdiction == "uk-public"
    assert window.open_project(path, background=False)
    stored = project_settings.tender_settings(window.project)
    assert (stored.jurisdiction, stored.package) == ("private", True)
    assert dict(stored.weights) == {"price": 50, "quality": 50, "social_value": 0}
    assert stored.outputs == {TenderOutput.DOCX}
    qtbot.waitUntil(lambda: window.analysis is not None and len(window.analysis.outcomes) == 20,
                    timeout=30000)  # fmt: skip
    dialog = _dialog(qtbot, window)
    assert dialog.folder_edit.text() == str(out)  # the folder last exported to
    assert dialog.name_edit.text() == "depot tender"
    assert dialog.jurisdiction_combo.currentData() == "private"
    assert dialog.package_check.isChecked()
    assert _weights(dialog) == {"price": 50, "quality": 50, "social_value": 0}
    assert dialog.docx_check.isChecked() and not dialog.estimate_check.isChecked()
    dialog.reject()


def test_existing_files_are_named_and_replaced_only_when_the_user_says_so(
    qtbot: QtBot, demo_window: MainWindow, tmp_path: Path, no_modal_questions: list[str]
) -> None:
    window = demo_window
    old = tmp_path / "Untitled project tender-boq.xlsx"
    old.write_bytes(b"last week's estimate")
    dialog = _dialog(qtbot, window)
    dialog.folder_edit.setText(str(tmp_path))
    assert "Untitled project tender-boq.xlsx  (replaces the file there)" in (
        dialog.file_list.text()
    )
    dialog.ok.click()  # the question is answered No
    assert no_modal_questions[-1].startswith("Replace files?")
    assert "Untitled project tender-boq.xlsx" in no_modal_questions[-1]
    assert dialog.isVisible() and dialog.files is None
    assert old.read_bytes() == b"last week's estimate"
    assert not (tmp_path / "Untitled project tender.pdf").exists()
    dialog.reject()


def test_at_1024_by_600_every_field_and_the_buttons_are_in_view(
    qtbot: QtBot, demo_window: MainWindow
) -> None:
    dialog = _dialog(qtbot, demo_window)
    assert dialog.height() <= 600 - 40 and dialog.width() <= 1024
    dialog.package_check.setChecked(True)
    dialog.weight_spins["price"].setValue(1)  # the error line shows too
    dialog.resize(dialog.width(), 600 - 40)
    assert dialog.ok.isVisible()
    assert dialog.ok.mapTo(dialog, dialog.ok.rect().bottomLeft()).y() <= dialog.height()
    for widget in (dialog.folder_edit, dialog.name_edit, dialog.jurisdiction_combo,
                   dialog.schedule_check, dialog.file_list, dialog.weights_error):  # fmt: skip
        assert widget.accessibleName()
        assert widget.visibleRegion().boundingRect().height() > 0, widget.accessibleName()
    dialog.reject()


def test_a_cancelled_export_leaves_no_file_and_no_staging_folder(
    qtbot: QtBot, demo_window: MainWindow, tmp_path: Path
) -> None:
    window = demo_window
    assert window.project is not None and window.analysis is not None
    files = named(tmp_path / "out", "t", set(TenderOutput), package=True)
    files.pdf.parent.mkdir()
    project_settings.set_export_choices(
        window.project, replace(project_settings.tender_settings(window.project), package=True)
    )
    with qtbot.waitSignal(window.sig_export_done, timeout=60000) as done:
        task = exporter.export_in_background(window, window, window.project, window.analysis,
                                             files, ask_open=False)  # fmt: skip
        task.cancel()  # before the first file: the worker stops at its next check
    assert done.args == [""]
    assert list(files.pdf.parent.iterdir()) == []
    assert "Export cancelled" in window.statusBar().currentMessage()
    assert not list(tmp_path.rglob(f"{STAGING_PREFIX}*"))


def test_a_package_in_another_currency_than_its_jurisdictions_is_pointed_out(
    qtbot: QtBot, demo_window: MainWindow
) -> None:
    dialog = _dialog(qtbot, demo_window)
    assert not dialog.money_note.isVisible()  # UK specification, GBP project
    dialog.package_check.setChecked(True)
    assert not dialog.money_note.isVisible()  # a UK package is priced in GBP with VAT
    dialog.jurisdiction_combo.setCurrentIndex(dialog.jurisdiction_combo.findData("us-federal"))
    assert dialog.money_note.isVisible()
    note = dialog.money_note.text()
    assert "GBP" in note and "USD" in note and "Costs tab" in note
    assert dialog.ok.isEnabled()  # a warning, not a refusal
    dialog.package_check.setChecked(False)
    assert not dialog.money_note.isVisible()
    dialog.reject()
