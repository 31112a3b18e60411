"""The whole job in the app: demo → excluded camera → override → undo/redo → tender package."""

from __future__ import annotations

from pathlib import Path

import docx
from openpyxl import load_workbook
from pypdf import PdfReader
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from specassist.app import create_window
from specassist.domain.outcome import Status
from specassist.domain.rules import Verdict
from specassist.services import capture, imports, project_settings, projects, recovery
from specassist.services.catalog_service import check_catalog
from specassist.ui import workers
from specassist.ui.main_window import MainWindow
from specassist.ui.models.survey_table_model import row_status
from specassist.ui.settings import AppSettings


def _window(qtbot: QtBot, settings: AppSettings) -> MainWindow:
    window = create_window(demo=True, settings=settings)
    qtbot.addWidget(window)
    window.show()
    # The empty project the window starts with is analysed first: wait for the demo's.
    qtbot.waitUntil(
        lambda: window.analysis is not None and len(window.analysis.outcomes) == 20,
        timeout=20000,
    )
    return window


def _status(window: MainWindow, camera_id: int) -> str:
    assert window.analysis is not None
    return row_status(window.analysis.by_id(camera_id))


def test_override_undo_redo_and_export(
    qtbot: QtBot, tmp_path: Path, app_settings: AppSettings, no_modal_questions: list[str]
) -> None:
    window = _window(qtbot, app_settings)
    assert window.analysis is not None
    target = next(r for r in window.analysis.outcomes
                  if r.verdict is Verdict.EXCLUDED and r.match and r.match.alternates)  # fmt: skip
    tag = target.camera.display_tag
    assert window.select_tag(tag)
    assert window.detail.camera_id == target.id
    assert window.detail.choices.count() >= 2
    alternate = target.match.alternates[0].model  # type: ignore[union-attr]

    window.detail.choices.setCurrentRow(1)
    with qtbot.waitSignal(window.sig_analysis_done, timeout=20000):
        window.detail.use_button.click()
    assert _status(window, target.id) == "overridden"
    result = window.analysis.by_id(target.id)
    assert result is not None and result.offer is not None
    assert result.offer.model.key == alternate.key
    assert window.undo_stack.canUndo() and "*" in window.windowTitle()

    with qtbot.waitSignal(window.sig_analysis_done, timeout=20000):
        window.action_undo.trigger()
    assert _status(window, target.id) == "to replace"
    with qtbot.waitSignal(window.sig_analysis_done, timeout=20000):
        window.action_redo.trigger()
    assert _status(window, target.id) == "overridden"

    # Export through the dialog: a US federal package with every output, from one tender.
    dialog = window.choose_export()
    assert dialog is not None and dialog.isVisible() and dialog.isModal()
    out = tmp_path / "out"
    out.mkdir()
    dialog.folder_edit.setText(str(out))
    dialog.name_edit.clear()
    qtbot.keyClicks(dialog.name_edit, "depot")
    dialog.jurisdiction_combo.setCurrentIndex(dialog.jurisdiction_combo.findData("us-federal"))
    for check in (dialog.package_check, dialog.docx_check, dialog.schedule_check):
        if not check.isChecked():
            check.setFocus()
            qtbot.keyClick(check, Qt.Key.Key_Space)
    assert dialog.estimate_check.isChecked()
    names = ["depot.pdf", "depot.docx", "depot-pricing-schedule.xlsx", "depot-boq.xlsx"]
    assert all(name in dialog.file_list.text() for name in names)
    with qtbot.waitSignal(window.sig_export_done, timeout=60000) as done:
        dialog.ok.click()
    pdf = out / "depot.pdf"
    assert done.args == [str(pdf)]
    assert sorted(p.name for p in out.iterdir()) == sorted(names)
    finished = no_modal_questions[-1]
    assert finished.startswith("Tender written") and all(name in finished for name in names)
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(pdf).pages).split())
    vendor = next(
        v.name for v in check_catalog().catalog.vendors if v.vendor_id == alternate.vendor_id
    )  # the document prints display names
    assert f"{vendor} {alternate.model}" in text.replace("\n", " ")
    assert "overridden" in text
    assert "offeror" in text and "52.204-25" in text  # the US package's words
    word = " ".join(p.text for p in docx.Document(str(out / "depot.docx")).paragraphs)
    assert "offeror" in word and "52.204-25" in word
    schedule = load_workbook(out / "depot-pricing-schedule.xlsx").active
    assert schedule is not None and schedule.title == "Pricing schedule"
    labels = [str(row[1]) for row in schedule.iter_rows(values_only=True) if row[1]]
    assert any(label.startswith("Total price") for label in labels)  # the US set's wording
    assert str(schedule.page_setup.paperSize) == schedule.PAPERSIZE_LETTER  # US letter
    estimate = load_workbook(out / "depot-boq.xlsx").active
    assert estimate is not None and estimate.title == "Bill of quantities"
    assert any(row[1] == "total" for row in estimate.iter_rows(values_only=True))
    assert window.project is not None
    stored = project_settings.tender_settings(window.project)
    assert (stored.jurisdiction, stored.package) == ("us-federal", True)
    assert app_settings.export_folder == str(out)


def test_filters_by_site_status_and_text(qtbot: QtBot, app_settings: AppSettings) -> None:
    window = _window(qtbot, app_settings)
    total = window.proxy.rowCount()
    window.site_filter.setCurrentText("Depot")
    depot = window.proxy.rowCount()
    assert 0 < depot < total
    window.site_filter.setCurrentText("")
    window.status_filter.setCurrentText("allowed")
    assert window.proxy.rowCount() == window.analysis.counts()[Status.ALLOWED]  # type: ignore[union-attr]
    window.status_filter.setCurrentText("")
    window.search.setText("amcrest")
    assert window.proxy.rowCount() == 1
    assert "shown" in window.status_label.text()


def test_rule_profile_change_reevaluates(qtbot: QtBot, app_settings: AppSettings) -> None:
    window = _window(qtbot, app_settings)
    assert window.analysis is not None and window.analysis.verdict_counts()[Verdict.EXCLUDED] > 0
    with qtbot.waitSignal(window.sig_analysis_done, timeout=20000):
        for check in window.rules_tab.checks.values():
            check.setChecked(False)
    qtbot.waitUntil(lambda: window.analysis is not None
                    and window.analysis.rule_set_ids == [], timeout=20000)  # fmt: skip
    assert window.analysis.verdict_counts()[Verdict.EXCLUDED] == 0


def test_capture_edit_and_delete_with_undo(qtbot: QtBot, app_settings: AppSettings) -> None:
    from specassist.domain.survey import SurveyCamera
    from specassist.ui.undo import AddCameraCommand, DeleteCameraCommand

    window = _window(qtbot, app_settings)
    before = window.survey_model.rowCount()

    def rows(n: int) -> None:
        qtbot.waitUntil(
            lambda: (
                window.survey_model.rowCount() == n
                and window.analysis is not None
                and len(window.analysis.outcomes) == n
            ),
            timeout=20000,
        )

    new = SurveyCamera(0, tag="NEW-1", make="Hikvision", model="DS-2CD2143G2-I")
    window.undo_stack.push(AddCameraCommand(window, new))
    rows(before + 1)
    assert window.select_tag("NEW-1")
    new_id = window.detail.camera_id
    assert new_id is not None and _status(window, new_id) == "to replace"
    camera = capture.camera(window.project, new_id)  # type: ignore[arg-type]
    assert camera is not None
    window.undo_stack.push(DeleteCameraCommand(window, new_id, camera))
    rows(before)
    window.action_undo.trigger()
    rows(before + 1)
    window.action_undo.trigger()
    window.action_undo.trigger()
    rows(before)


def test_autosave_is_offered_after_a_crash(qtbot: QtBot, tmp_path: Path,
                                           app_settings: AppSettings) -> None:  # fmt: skip
    from specassist.ui import main_window

    window = _window(qtbot, app_settings)
    assert window.project is not None
    window.project.dirty = True
    before = len(workers.running())
    window.autosave()  # on a worker
    window.autosave()  # the minute's timer firing meanwhile: no second writer of the copy
    assert len(workers.running()) - before <= 1
    folder = main_window.autosave_folder()
    qtbot.waitUntil(lambda: bool(list(folder.glob("*.json"))), timeout=20000)
    assert list(folder.glob("*.json"))
    # A second session finds what the first (never closed) left behind.
    found = recovery.recoverable(folder, except_session="another")
    assert len(found) == 1 and found[0].name == "Untitled project"
    recovered = recovery.recover(found[0])
    assert len(capture.cameras(recovered)) == 20 and recovered.dirty
    recovered.close()
    assert not list(folder.glob("*.json"))


def test_drop_a_survey_and_remembered_column_mapping(
    qtbot: QtBot, tmp_path: Path, app_settings: AppSettings
) -> None:
    from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
    from PySide6.QtGui import QDropEvent

    survey = tmp_path / "walk.csv"
    survey.write_text("Ref,Brand,Type no,Where\nW1,Hikvision,DS-2CD2143G2-I,Lobby\n", "utf-8")
    app_settings.remember_mapping(["Ref", "Brand", "Type no", "Where"],
                                  {"Ref": "tag", "Brand": "make", "Type no": "model",
                                   "Where": "location"})  # fmt: skip
    window = create_window(settings=app_settings)
    qtbot.addWidget(window)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(survey))])
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime,
                       Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)  # fmt: skip
    with qtbot.waitSignal(window.sig_analysis_done, timeout=20000):
        window.dropEvent(event)
    qtbot.waitUntil(lambda: window.survey_model.rowCount() == 1, timeout=20000)
    camera = window.survey_model.camera_at(0).camera
    assert (camera.tag, camera.make, camera.location) == ("W1", "Hikvision", "Lobby")


def test_opening_a_project_while_analysing_is_quietly_handled(
    qtbot: QtBot, tmp_path: Path, app_settings: AppSettings, no_modal_questions: list[str]
) -> None:
    from specassist.resources import demo_survey

    path = tmp_path / "saved.specassist"
    with projects.new_project("Saved", path) as project:
        imports.import_into(project, demo_survey())
        project.save()
    window = create_window(settings=app_settings)
    qtbot.addWidget(window)
    for _ in range(3):  # replace the project while the previous analysis may still run
        assert window.open_project(path)
    qtbot.waitUntil(lambda: window.survey_model.rowCount() == 20
                    and window.analysis is not None
                    and len(window.analysis.outcomes) == 20, timeout=20000)  # fmt: skip
    assert not [text for text in no_modal_questions if "failed" in text.lower()]
