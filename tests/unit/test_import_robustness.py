"""What the importer does with awkward but real files: workbooks of every kind, dates,
misspelt headers, stray quotes and delimiters, encodings, impossible values, big files."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl
import pytest

from specassist.domain.issues import InputIssue, Severity
from specassist.domain.survey import SurveyCamera
from specassist.survey.headers import field_labels
from specassist.survey.importer import import_survey, preview_rows
from specassist.survey.readers import SurveyReadError
from tests.hostile.corpus import HEADER, ROWS, _ods, _ods_rows, _xls


def _messages(issues: list[InputIssue], severity: Severity | None = None) -> list[str]:
    return [i.message for i in issues if severity is None or i.severity is severity]


def _csv(tmp_path: Path, text: str, name: str = "s.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_xls_and_ods_are_read_like_xlsx(tmp_path: Path) -> None:
    table: list[list[object]] = [HEADER, *ROWS]
    xls = import_survey(_xls(table, hide_first=True)(tmp_path))
    ods = import_survey(_ods(f'<table:table table:name="Survey">{_ods_rows([HEADER, *ROWS])}'
                             "</table:table>")(tmp_path))  # fmt: skip
    for result in (xls, ods):
        assert [c.model for c in result.cameras] == [r[3] for r in ROWS]
        assert result.cameras[2].site == "Café Annex" and result.cameras[0].source_row == 2
    assert "sheet 'Survey'" in xls.detail and "XLS" in xls.detail
    assert any("hidden sheet(s) not read: 'Lookup'" in m for m in _messages(xls.issues))


def _book(tmp_path: Path, build: object) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Survey"
    build(book, sheet)  # type: ignore[operator]
    path = tmp_path / "w.xlsx"
    book.save(path)
    return path


def test_hidden_first_sheet_never_read_silently(tmp_path: Path) -> None:
    def build(book: openpyxl.Workbook, sheet: object) -> None:
        for row in [HEADER, *ROWS]:
            sheet.append(row)  # type: ignore[attr-defined]
        lookup = book.create_sheet("Lookup", 0)
        lookup.append(["Tag", "Make", "Model"])
        lookup.append(["L1", "Axis", "M1065-L"])
        lookup.sheet_state = "hidden"

    path = _book(tmp_path, build)
    result = import_survey(path)
    assert len(result.cameras) == len(ROWS) and result.detail.endswith("sheet 'Survey'")
    named = import_survey(path, sheet="Lookup")
    assert [c.tag for c in named.cameras] == ["L1"]
    assert "sheet 'Lookup' is hidden in the workbook" in _messages(named.issues, Severity.WARNING)


def test_merged_cells_blank_rows_and_formulas_without_values(tmp_path: Path) -> None:
    def build(book: openpyxl.Workbook, sheet: object) -> None:
        sheet.append([])  # type: ignore[attr-defined]
        sheet.append([])  # type: ignore[attr-defined]
        sheet.append(HEADER)  # type: ignore[attr-defined]
        for row in ROWS:
            sheet.append([row[0], "Depot" if row[0] == "C1" else None, *row[2:]])  # type: ignore[attr-defined]
        sheet.merge_cells("B4:B8")  # type: ignore[attr-defined]
        sheet["F5"] = "=2+2"  # type: ignore[index]

    result = import_survey(_book(tmp_path, build))
    assert [c.source_row for c in result.cameras] == [4, 5, 6, 7, 8]
    assert [c.site for c in result.cameras] == ["Depot"] * 5
    merged = next(i for i in result.issues if "merged cells B4:B8" in i.message)
    assert merged.row == 4 and merged.column == "Site"
    formula = next(i for i in result.issues if "formula saved without its value" in i.message)
    assert (formula.row, formula.column, formula.severity) == (5, "Height (m)", Severity.WARNING)
    assert result.cameras[1].height_m is None


def test_a_stray_value_at_the_sheet_edge_is_a_clear_error_not_a_crash(tmp_path: Path) -> None:
    def build(book: openpyxl.Workbook, sheet: object) -> None:
        sheet.append(HEADER)  # type: ignore[attr-defined]
        sheet["XFD1048576"] = "x"  # type: ignore[index]

    with pytest.raises(SurveyReadError, match=r"w\.xlsx: sheet 'Survey' spans A1:XFD1048576"):
        import_survey(_book(tmp_path, build))


def test_vms_style_headers_and_distances_land_right(tmp_path: Path) -> None:
    path = _csv(
        tmp_path,
        "Camera,Manufacterer,Camera Modle,Mounting Hieght (ft),Field of View Target,Status\n"
        "Gate,Hikvision,DS-2CD2143G2-I,12,18 m,Online\n"
        "Yard,Axis,P3265-LVE,10,25 m,Offline\n",
    )
    result = import_survey(path)
    gate = result.cameras[0]
    assert (gate.make, gate.model, gate.device_state) == ("Hikvision", "DS-2CD2143G2-I", "Online")
    assert gate.height_m == pytest.approx(12 * 0.3048) and gate.target_distance_m == 18
    assert gate.hfov_deg is None and gate.status is None
    assert not _messages(result.issues, Severity.ERROR)
    assert any(
        "'Field of View Target' read as target_distance" in m for m in _messages(result.issues)
    )


def test_day_first_dates_accepted_ambiguous_ones_reported(tmp_path: Path) -> None:
    text = (
        "Tag,Model,Survey date,Install date\n"
        "A,DS-2CD2143G2-I,01/09/2025,03/04/2019\nB,P3265-LVE,25/09/2025,05/06/2020\n"
    )
    path = _csv(tmp_path, text)
    result = import_survey(path)
    a, b = result.cameras
    assert (a.survey_date, b.survey_date) == (date(2025, 9, 1), date(2025, 9, 25))
    assert (a.install_date, b.install_date) == (date(2019, 4, 3), date(2020, 6, 5))
    unsettled = _csv(tmp_path, "Tag,Model,Survey date\nA,P3265-LVE,01/09/2025\n", "u.csv")
    (ambiguous,) = [i for i in import_survey(unsettled).issues if "ambiguous" in i.message]
    assert (ambiguous.row, ambiguous.column, ambiguous.value) == (2, "Survey date", "01/09/2025")


def test_duplicate_headers_keep_both_columns(tmp_path: Path) -> None:
    result = import_survey(_csv(tmp_path, "Tag,Model,Model\nA,DS-2CD2143G2-I,spare P3265-LVE\n"))
    (camera,) = result.cameras
    assert camera.model == "DS-2CD2143G2-I"
    assert camera.raw == {
        "Tag": "A",
        "Model": "DS-2CD2143G2-I",
        "Model (column 3)": "spare P3265-LVE",
    }
    assert any("appears twice (columns 2 and 3)" in m for m in _messages(result.issues))


def test_unterminated_quote_and_mixed_delimiters_reported_at_their_rows(tmp_path: Path) -> None:
    text = ("Tag,Site,Make,Model\nA,North,Axis,P3265-LVE\nB,\"South,Axis,P3265-LVE\n"
            "C,East,Axis,P3265-LVE\nD;West;Axis;P3265-LVE\n")  # fmt: skip
    result = import_survey(_csv(tmp_path, text))
    assert [c.tag for c in result.cameras] == ["A", "B", "C", "D"]
    quote = next(i for i in result.issues if "quote" in i.message)
    assert (quote.row, quote.column, quote.severity) == (3, "Site", Severity.ERROR)
    mixed = next(i for i in result.issues if "semicolon-separated" in i.message)
    assert mixed.row == 5 and result.cameras[3].site == "West"
    assert result.accounting.balanced


def test_a_131000_character_cell_is_just_a_long_cell(tmp_path: Path) -> None:
    notes = "n" * 131_000
    result = import_survey(_csv(tmp_path, f"Tag,Model,Notes\nA,P3265-LVE,{notes}\n"))
    assert result.cameras[0].notes == notes[:32_767]
    assert any("cut to the first 32,767" in m for m in _messages(result.issues, Severity.ERROR))


def test_encodings_named_assumed_or_chosen(tmp_path: Path) -> None:
    path = tmp_path / "jp.csv"
    path.write_bytes("Tag,Site,Model\nA,東京駅,P3265-LVE\n".encode("shift_jis"))
    assumed = import_survey(path)
    assert "Windows-1252" in assumed.detail
    assert any("garbled" in m for m in _messages(assumed.issues, Severity.WARNING))
    chosen = import_survey(path, encoding="shift_jis")
    assert chosen.cameras[0].site == "東京駅" and "shift_jis" in chosen.detail
    with pytest.raises(SurveyReadError, match="unknown encoding"):
        import_survey(path, encoding="klingon")


def test_values_no_later_stage_can_use_are_rejected(tmp_path: Path) -> None:
    text = ("Tag,Model,Height,Distance to target,Lens\n"
            "A,P3265-LVE,0,1 lightyear,0 mm\nB,P3265-LVE,-3,45 m,4mm\n"
            f"C,P3265-LVE,{'9' * 400},600 m,4mm\n")  # fmt: skip
    result = import_survey(_csv(tmp_path, text))
    a, b, c = result.cameras
    assert (a.height_m, a.target_distance_m, a.focal_min_mm) == (None, None, None)
    assert (b.height_m, c.height_m) == (None, None)
    assert b.target_distance_m == 45 and c.target_distance_m == 600
    errors = _messages(result.issues, Severity.ERROR)
    assert "mounting height must be more than zero" in errors
    assert any("beyond any camera" in m for m in errors)
    assert any("unusually large" in m for m in _messages(result.issues, Severity.WARNING))


def test_control_characters_are_removed_and_reported(tmp_path: Path) -> None:
    result = import_survey(_csv(tmp_path, "Tag,Site,Model\nA,De\x00po\x07t\u202e,P3265-LVE\n"))
    assert result.cameras[0].site == "Depot"
    issue = next(i for i in result.issues if "control characters" in i.message)
    assert (issue.row, issue.column) == (2, "Site")


def test_every_row_is_accounted_for(surveys: Path) -> None:
    result = import_survey(surveys / "bad_cells.csv")
    accounting = result.accounting
    assert accounting.balanced and accounting.stored == 5
    assert dict(accounting.skipped) == {"blank": 1, "note": 1}
    assert accounting.rows_read == accounting.header + accounting.stored + 2


def test_cameras_stream_out_in_batches(tmp_path: Path) -> None:
    rows = "".join(f"C{i},P3265-LVE\n" for i in range(12_001))
    batches: list[list[SurveyCamera]] = []
    result = import_survey(_csv(tmp_path, "Tag,Model\n" + rows), on_cameras=batches.append)
    assert [len(b) for b in batches] == [5_000, 5_000, 2_001]
    assert result.cameras == [] and result.accounting.stored == 12_001


def test_preview_and_labels_for_the_mapping_dialog(surveys: Path) -> None:
    rows = preview_rows(surveys / "sadp_device_list.csv", rows=3)
    assert [n for n, _ in rows] == [1, 2, 3] and rows[0][1][1] == "Device Type"
    assert field_labels()["device_type"].startswith("Device type")


def test_folders_and_missing_files_in_the_users_words(tmp_path: Path) -> None:
    with pytest.raises(SurveyReadError, match="is a folder, not a survey file"):
        import_survey(tmp_path)
    with pytest.raises(SurveyReadError, match=r"nope\.csv: file not found"):
        import_survey(tmp_path / "nope.csv")
    (tmp_path / "p.csv").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    with pytest.raises(SurveyReadError, match=r"p\.csv: this is a PNG image"):
        import_survey(tmp_path / "p.csv")


def test_repeated_problems_are_capped_with_a_count(tmp_path: Path) -> None:
    from specassist.survey.report import ISSUE_CAP

    rows = "".join(f"C{i % 10},P3265-LVE\n" for i in range(ISSUE_CAP + 500))
    result = import_survey(_csv(tmp_path, "Tag,Model\n" + rows))
    duplicates = [i for i in result.issues if i.message.startswith("duplicate tag")]
    assert len(duplicates) == ISSUE_CAP
    (summary,) = [i for i in result.issues if "more row(s) with the same problem" in i.message]
    assert summary.message.startswith("490 more row(s)") and summary.row == ISSUE_CAP + 12
