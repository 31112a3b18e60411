"""Importing with the user in the loop: columns mapped in words with the first rows in view,
the encoding named when the text looks wrong, and a report of how the file was read."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from specassist.app import create_window
from specassist.services.imports import field_labels
from specassist.ui.dialogs.column_mapping import ColumnMappingDialog, read_preview
from specassist.ui.models.preview_model import PreviewModel
from specassist.ui.settings import AppSettings

LABELS = field_labels()


@pytest.fixture
def mac_survey(tmp_path: Path) -> Path:
    """A survey saved by an old Mac: Mac Roman bytes, one column SpecAssist does not know,
    one height it cannot read."""
    path = tmp_path / "walk.csv"
    text = ("Ref,Brand,Type no,Zone,Étage,Height (m)\n"
            "W1,Hikvision,DS-2CD2143G2-I,Entrée,Rez-de-chaussée,3.5\n"
            "W2,Axis,P3265-LVE,Café counter,1er,tall\n")  # fmt: skip
    path.write_bytes(text.encode("mac_roman"))
    return path


def _cells(model: PreviewModel) -> list[list[str]]:
    return [[model.data(model.index(r, c)) for c in range(model.columnCount())]
            for r in range(model.rowCount())]  # fmt: skip


def test_preview_model_shows_rows_below_the_header_under_their_fields(
    qtmodeltester: ModelTester,
) -> None:
    model = PreviewModel()
    rows = [(1, ["Site survey, March"]), (2, ["Ref", "Zone"]), (3, ["W1", "Lobby"]),
            (4, ["W2"])]  # fmt: skip
    model.set_preview(["Ref", "Zone"], rows)
    assert _cells(model) == [["W1", "Lobby"], ["W2", ""]]
    assert model.headerData(1, Qt.Orientation.Vertical) == "4"  # the file's own row number
    model.set_labels({"Ref": "Tag", "Zone": "Location"})
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Ref\n→ Tag"
    qtmodeltester.check(model)


def test_mapping_dialog_reads_the_file_again_in_the_chosen_encoding(
    qtbot: QtBot, mac_survey: Path
) -> None:
    dialog = ColumnMappingDialog(mac_survey, read_preview(mac_survey))
    qtbot.addWidget(dialog)
    assert _cells(dialog.model)[0][3] == "EntrŽe"  # read as Windows-1252: wrong
    assert dialog.combos["Zone"].currentText() == LABELS["location"]
    header = dialog.model.headerData(3, Qt.Orientation.Horizontal)
    assert header == f"Zone\n→ {LABELS['location']}"
    dialog.combos["Zone"].setCurrentIndex(dialog.combos["Zone"].findData("notes"))
    assert dialog.model.headerData(3, Qt.Orientation.Horizontal).endswith(LABELS["notes"])
    with qtbot.waitSignal(dialog.sig_preview_ready, timeout=20000):
        dialog.encoding.setCurrentIndex(dialog.encoding.findData("mac_roman"))
    assert _cells(dialog.model)[0][3:5] == ["Entrée", "Rez-de-chaussée"]
    assert "Étage" in dialog.combos and "ƒtage" not in dialog.combos
    assert dialog.combos["Zone"].currentData() == "notes"  # the user's choice stays made
    assert dialog.chosen_encoding() == "mac_roman"


def test_workbooks_are_not_offered_an_encoding(qtbot: QtBot, tmp_path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Ref", "Brand", "Étage"])
    sheet.append(["W1", "Axis", "1er"])
    workbook = tmp_path / "walk.xlsx"
    book.save(workbook)
    dialog = ColumnMappingDialog(workbook, read_preview(workbook))
    qtbot.addWidget(dialog)
    assert dialog.encoding.isHidden() and dialog.chosen_encoding() is None


def _when_shown(kind: type, act: Callable[[object], None]) -> QTimer:
    """Act on a dialog of ``kind`` once it is open (it runs modally inside the flow)."""
    timer = QTimer()
    timer.setInterval(50)

    def look() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, kind) and widget.isVisible():
                timer.stop()
                act(widget)
                return

    timer.timeout.connect(look)
    timer.start()
    return timer


def test_import_uses_the_encoding_and_reports_how_the_file_was_read(
    qtbot: QtBot, mac_survey: Path, app_settings: AppSettings
) -> None:
    window = create_window(settings=app_settings)
    qtbot.addWidget(window)

    def choose(dialog: object) -> None:
        assert isinstance(dialog, ColumnMappingDialog)
        with qtbot.waitSignal(dialog.sig_preview_ready, timeout=20000):
            dialog.encoding.setCurrentIndex(dialog.encoding.findData("mac_roman"))
        dialog.accept()

    timer = _when_shown(ColumnMappingDialog, choose)
    with qtbot.waitSignal(window.sig_import_done, timeout=30000) as done:
        assert window.import_survey(mac_survey)
    timer.stop()
    assert done.args == [True]
    qtbot.waitUntil(lambda: window.survey_model.rowCount() == 2, timeout=20000)
    cameras = sorted((window.survey_model.camera_at(r).camera for r in range(2)),
                     key=lambda c: c.source_row)  # fmt: skip
    assert [c.location for c in cameras] == ["Entrée", "Café counter"]
    assert cameras[0].extra.get("Étage") == "Rez-de-chaussée"
    headers = ["Ref", "Brand", "Type no", "Zone", "Étage", "Height (m)"]
    assert app_settings.column_mapping(headers)
    report = window.importer.report
    assert report is not None
    assert report.read_as.text() == "CSV, mac-roman (chosen), comma-separated"
    assert report.rows.text() == "3 rows read: 2 stored, 1 header"
