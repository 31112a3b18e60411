"""The importer over the sample folder, nasty files included."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from specassist.domain.catalog import FormFactor, Resolution
from specassist.domain.issues import InputIssue, Severity
from specassist.domain.survey import DoriLevel, SurveyStatus
from specassist.survey.importer import import_survey
from specassist.survey.readers import SurveyReadError


def _issue(issues: list[InputIssue], row: int, column: str | None = None) -> InputIssue:
    found = [i for i in issues if i.row == row and i.column == column]
    assert found, f"no issue at row {row}, column {column}: {[str(i) for i in issues]}"
    return found[0]


def test_every_sample_loads_without_crashing(surveys: Path) -> None:
    for path in sorted(surveys.iterdir()):
        result = import_survey(path)
        assert result.cameras, path.name
        assert all(c.raw for c in result.cameras)


def test_semicolon_decimal_comma_cp1252_with_title_and_feet(surveys: Path) -> None:
    result = import_survey(surveys / "semicolon_decimal_comma_cp1252.csv")
    assert "Windows-1252" in result.detail and "semicolon" in result.detail
    first, second, third = result.cameras
    assert first.tag == "N-01" and first.site == "Northgate" and first.make == "Hikvision"
    assert first.height_m == pytest.approx(14.5 * 0.3048)
    assert first.target_distance_m == pytest.approx(50 * 0.3048)
    assert second.location == "Café entrance"
    assert (second.focal_min_mm, second.focal_max_mm) == (2.8, 2.8)
    assert second.target_distance_m == pytest.approx(12.5 * 0.3048)
    assert (third.focal_min_mm, third.focal_max_mm) == (3.4, 8.9)
    title = _issue(result.issues, 1)
    assert title.severity is Severity.INFO and "header" in title.message
    assert not [i for i in result.issues if i.severity is not Severity.INFO]


def test_tab_bom_combined_make_model(surveys: Path) -> None:
    result = import_survey(surveys / "tab_bom_combined.txt")
    t1, t2, t3 = result.cameras
    assert (t1.make, t1.model) == ("Hikvision", "DS-2CD2143G2-I")
    assert t1.mac == "BC:AD:28:AA:BB:CC" and t1.outdoor is False and t1.hfov_deg == 103
    assert (t2.focal_min_mm, t2.focal_max_mm) == (2.7, 13.5) and t2.outdoor is True
    assert t2.mac == "3C:EF:8C:01:02:03"
    assert (t3.focal_min_mm, t3.focal_max_mm) == (3.2, 10.0) and t3.mount == "Pole"
    assert result.issues == []


def test_bad_cells_are_reported_precisely_and_lose_nothing(surveys: Path) -> None:
    result = import_survey(surveys / "bad_cells.csv")
    issues = result.issues
    assert [c.tag for c in result.cameras] == ["C1", "C2", "C3", "C1", None]
    c2 = result.cameras[1]
    # The bad MAC and IP cost those cells only: the rest of the row loaded.
    assert _issue(issues, 3, "MAC").value == "not-a-mac"
    assert _issue(issues, 3, "IP").severity is Severity.ERROR
    assert c2.mac is None and c2.ip_address is None
    assert c2.model == "IPC-HFW2431S" and c2.megapixels == 4.0
    assert c2.target_distance_m == pytest.approx(40 * 0.3048)
    assert c2.required_dori is DoriLevel.RECOGNISE and c2.status is SurveyStatus.VISITED
    assert "zoom" in _issue(issues, 3, "Lens").message
    assert c2.raw["MAC"] == "not-a-mac"  # the raw row keeps what was written
    assert _issue(issues, 4).message == "blank row skipped"
    assert "note row" in _issue(issues, 5).message
    c3 = result.cameras[2]
    assert _issue(issues, 6, "Lens").value == "three mm"
    assert _issue(issues, 6, "Distance to target").value == "far"
    assert _issue(issues, 6, "Purpose").value == "spot the face"
    assert c3.height_m == 2.5 and c3.resolution == Resolution(1920, 1080)
    assert "duplicate tag" in _issue(issues, 7, "Cam Ref").message
    assert result.cameras[3].status is SurveyStatus.NO_ACCESS
    assert result.cameras[3].target_distance_m == 9.0
    assert "no camera tag" in _issue(issues, 8).message
    unit_warning = _issue(issues, 2, "Height")
    assert unit_warning.severity is Severity.WARNING and "metres" in unit_warning.message
    assert result.cameras[0].extra == {"Cable run": "Cat6 20m"}
    assert "Cable run" in _issue(issues, 1, "Cable run").column  # type: ignore[operator]
    assert result.skipped_rows == 2


def test_utf16_export(surveys: Path) -> None:
    result = import_survey(surveys / "utf16_export.csv")
    (camera,) = result.cameras
    assert (camera.tag, camera.make, camera.site) == ("U1", "Hikvision", "Depot")


def _workbook(path: Path, sheet_title: str = "Survey") -> Path:
    book = openpyxl.Workbook()
    cover = book.active
    cover.title = "Cover"
    cover.append(["Client: Anytown Council"])
    sheet = book.create_sheet(sheet_title)
    sheet.append(["Anytown Council CCTV survey"])
    sheet.append([])
    sheet.append(["Asset ID", "Manufacturer", "Model", "Type", "Lens (mm)", "Height (ft)", "Qty"])
    sheet.append(["A-1", "Dahua", "IPC-HDBW2431E-S-S2", "Dome", 2.8, 10, 1])
    sheet.append(["A-2", "Hikvision", "DS-2CD2T86G2-4I", "Bullet", "4", 16.5, 1])
    book.save(path)
    return path


def test_xlsx_named_sheet_with_title_rows_and_numeric_cells(tmp_path: Path) -> None:
    path = _workbook(tmp_path / "survey.xlsx")
    result = import_survey(path, sheet="Survey")
    a1, a2 = result.cameras
    assert a1.source_row == 4 and a1.form_factor is FormFactor.DOME
    assert a1.focal_min_mm == 2.8 and a1.height_m == pytest.approx(3.048)
    assert a2.height_m == pytest.approx(16.5 * 0.3048) and a2.focal_min_mm == 4.0
    assert a1.extra == {"Qty": "1"}


def test_xlsx_first_sheet_by_default_and_unknown_sheet_is_a_clear_error(tmp_path: Path) -> None:
    path = _workbook(tmp_path / "survey.xlsx")
    first = import_survey(path)
    assert first.cameras == [] and first.issues[0].severity is Severity.ERROR
    with pytest.raises(SurveyReadError, match="Nope"):
        import_survey(path, sheet="Nope")


def test_unreadable_files_raise_one_clear_error(tmp_path: Path) -> None:
    with pytest.raises(SurveyReadError, match="not found"):
        import_survey(tmp_path / "missing.csv")
    legacy = tmp_path / "old.xls"
    legacy.write_bytes(b"\xd0\xcf\x11\xe0")
    with pytest.raises(SurveyReadError, match=r"old\.xls: not a readable XLS"):
        import_survey(legacy)
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"not a zip")
    with pytest.raises(SurveyReadError, match=r"broken\.xlsx"):
        import_survey(broken)


def test_column_map_override(surveys: Path) -> None:
    result = import_survey(surveys / "bad_cells.csv", column_map={"Cable run": "notes"})
    assert result.cameras[0].notes == "Cat6 20m"
