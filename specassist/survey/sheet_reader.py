"""Read an XLSX, XLS or ODS sheet with calamine, row by row, into cell text.

calamine (Rust) reads a 20,000-row survey several times faster than
openpyxl; openpyxl stays for writing. Row numbers are the sheet's own, blank
leading rows included, so issues point at the row a person sees in Excel.
Which sheet is read is always said: hidden sheets are never chosen unless
named, and merged cells hand their value to every cell they cover (a "Site"
merged down twenty rows belongs to all twenty).
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from specassist.domain.issues import Severity
from specassist.survey.limits import ReadLimits
from specassist.survey.table import RawTable, ReadNote, SurveyReadError
from specassist.survey.workbook_scan import (
    SheetScan,
    open_package,
    scan_ods,
    scan_xlsx_sheet,
    xlsx_sheet_members,
)

_MAX_MERGE_NOTES = 50


def cell_text(value: object) -> str:
    """The text a person reads in the cell: 2.8 not 2.8000000000000003, dates as ISO."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            return ""
        return str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time(0) else value.isoformat(" ")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, time | timedelta):
        return str(value)
    return str(value)


def _letters(column: int) -> str:
    text = ""
    while column:
        column, rest = divmod(column - 1, 26)
        text = chr(65 + rest) + text
    return text


def _choose(path: Path, metas: list[Any], sheet: str | None) -> tuple[str, list[ReadNote]]:
    notes: list[ReadNote] = []
    sheets = [m for m in metas if str(m.typ).endswith("WorkSheet")]
    if not sheets:
        raise SurveyReadError(f"{path.name}: the workbook has no worksheets")
    hidden = [m.name for m in sheets if not str(m.visible).endswith(".Visible")]
    if sheet is not None:
        names = [m.name for m in sheets]
        if sheet not in names:
            listing = ", ".join(repr(n) for n in names)
            raise SurveyReadError(f"{path.name}: no sheet named {sheet!r} (sheets: {listing})")
        if sheet in hidden:
            notes.append(
                ReadNote(Severity.WARNING, f"sheet {sheet!r} is hidden in the workbook", None)
            )
        return sheet, notes
    visible = [m.name for m in sheets if m.name not in hidden]
    if not visible:
        listing = ", ".join(repr(n) for n in hidden)
        raise SurveyReadError(
            f"{path.name}: every sheet is hidden ({listing}); name the one to read"
        )
    if hidden:
        listing = ", ".join(repr(n) for n in hidden)
        notes.append(ReadNote(Severity.INFO, f"hidden sheet(s) not read: {listing}", None))
    return visible[0], notes


def _scan(path: Path, kind: str, sheet: str, limits: ReadLimits) -> SheetScan | None:
    if kind == "xls":
        return None
    try:
        with zipfile.ZipFile(path) as package:
            open_package(path.name, package, limits)
            if kind == "ods":
                return scan_ods(package, limits).get(sheet)
            member = xlsx_sheet_members(package).get(sheet)
            if member is None or member not in package.namelist():
                return None
            return scan_xlsx_sheet(package, member, limits)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, EOFError) as exc:
        raise SurveyReadError(
            f"{path.name}: not a readable {kind.upper()} workbook ({exc})"
        ) from exc


def _check_size(path: Path, sheet: str, cells: int, span: str, limits: ReadLimits) -> None:
    if cells > limits.max_sheet_cells:
        raise SurveyReadError(
            f"{path.name}: sheet {sheet!r} spans {span} ({cells:,} cells), over the limit of "
            f"{limits.max_sheet_cells:,}; delete the stray cells at its far edge or copy the "
            "survey to a new sheet"
        )


def read_sheet(path: Path, kind: str, sheet: str | None, limits: ReadLimits) -> RawTable:
    """Read one sheet of an ``xlsx``/``xls``/``ods`` workbook (``kind``)."""
    import python_calamine  # imported here: only spreadsheet imports pay for it

    try:
        book = python_calamine.CalamineWorkbook.from_path(str(path))
        metas = list(book.sheets_metadata)
    except Exception as exc:  # calamine raises its own types and ValueErrors for damaged files
        raise SurveyReadError(
            f"{path.name}: not a readable {kind.upper()} workbook ({exc})"
        ) from exc
    name, notes = _choose(path, metas, sheet)
    scan = _scan(path, kind, name, limits)
    if scan is not None and scan.cells:
        span = f"{_letters(scan.min_col)}{scan.min_row}:{_letters(scan.max_col)}{scan.max_row}"
        _check_size(path, name, scan.cells, span, limits)
    try:
        worksheet = book.get_sheet_by_name(name)
    except Exception as exc:
        raise SurveyReadError(f"{path.name}: sheet {name!r} cannot be read ({exc})") from exc
    (top, left), (bottom, right) = worksheet.start or (0, 0), worksheet.end or (0, 0)
    cells = (bottom - top + 1) * (right - left + 1) if worksheet.end else 0
    _check_size(path, name, cells, f"{cells:,} cells", limits)
    if scan is not None:
        notes.extend(_formula_notes(scan))
    merges = _merges(worksheet, notes)
    others = [m.name for m in metas if m.name != name and str(m.visible).endswith(".Visible")]
    detail = f"{kind.upper()}, sheet {name!r}"
    rows = _rows(worksheet, left, merges)
    return RawTable(path.name, rows, detail, notes, other_sheets=others)


def _formula_notes(scan: SheetScan) -> list[ReadNote]:
    notes = [
        ReadNote(
            Severity.WARNING,
            "formula saved without its value (the program that wrote the file did not "
            "calculate it); read as blank — open and save the file in Excel or LibreOffice",
            row,
            column - 1,
        )
        for row, column in scan.formulas_without_value
    ]
    return notes


Merge = tuple[int, int, int, int]
"""A merged range as 0-based (first row, first column, last row, last column)."""


def _merges(worksheet: Any, notes: list[ReadNote]) -> list[Merge]:
    merges: list[Merge] = []
    for (r0, c0), (r1, c1) in worksheet.merged_cell_ranges or []:
        merges.append((r0, c0, r1, c1))
        if len(merges) <= _MAX_MERGE_NOTES:
            span = f"{_letters(c0 + 1)}{r0 + 1}:{_letters(c1 + 1)}{r1 + 1}"
            notes.append(
                ReadNote(
                    Severity.INFO,
                    f"merged cells {span}: the value of {_letters(c0 + 1)}{r0 + 1} is used for "
                    "every cell of the range",
                    r0 + 1,
                    c0,
                )
            )
    return merges


def _rows(worksheet: Any, left: int, merges: list[Merge]) -> Iterator[tuple[int, list[str]]]:
    """Rows numbered as in the sheet (calamine yields from row 1, blank leading rows included).

    Columns are padded back to column A when the used range starts a little to
    the right, so "column 3" means column C; a range starting far right is not
    padded (that would make every row thousands of cells wide).
    """
    by_row: dict[int, list[int]] = {}
    for number, (r0, _c0, r1, _c1) in enumerate(merges):
        for row in range(r0, r1 + 1):
            by_row.setdefault(row, []).append(number)
    values: dict[int, str] = {}
    pad, offset = ([""] * left, 0) if left <= 50 else ([], left)
    for index, raw in enumerate(worksheet.iter_rows()):
        cells = pad + [cell_text(v) for v in raw]
        for number in by_row.get(index, ()):
            r0, c0, _r1, c1 = merges[number]
            if index == r0:
                values[number] = cells[c0 - offset] if 0 <= c0 - offset < len(cells) else ""
            for column in range(c0 - offset, c1 - offset + 1):
                if 0 <= column < len(cells) and not cells[column]:
                    cells[column] = values.get(number, "")
        yield index + 1, cells
