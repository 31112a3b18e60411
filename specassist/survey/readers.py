"""Turn a CSV or XLSX file into rows of cell text, whatever its encoding and delimiter.

Everything downstream sees text only: number formatting from Excel (``2.8``
stored as a float, dates as datetimes) is turned back into the text a person
would read, so the header mapping and unit parsing work the same on both.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path

from specassist.domain.issues import UserError


class SurveyReadError(UserError):
    """The file as a whole cannot be read (missing, not a spreadsheet, unknown sheet)."""


@dataclass(frozen=True, slots=True)
class RawTable:
    """Cell text by row. ``rows`` pairs each row with its 1-based row number in the file."""

    file: str
    rows: list[tuple[int, list[str]]]
    detail: str
    """How it was read (encoding and delimiter, or the sheet name), for the import report."""


def read_table(path: Path, sheet: str | None = None) -> RawTable:
    suffix = path.suffix.lower()
    if not path.exists():
        raise SurveyReadError(f"{path}: file not found")
    if suffix in {".xlsx", ".xlsm"}:
        return _read_xlsx(path, sheet)
    if suffix in {".xls", ".ods", ".numbers"}:
        raise SurveyReadError(
            f"{path.name}: {suffix} files are not supported; save it as .xlsx or .csv"
        )
    return _read_csv(path)


def _decode(data: bytes) -> tuple[str, str]:
    """Decode UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1252."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), "UTF-16"
    try:
        return data.decode("utf-8-sig"), "UTF-8"
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace"), "Windows-1252"


def _sniff_delimiter(text: str) -> str:
    """Pick the delimiter that splits the first lines most consistently.

    csv.Sniffer guesses badly on short files and on semicolon files with decimal
    commas, so this counts each candidate per line and prefers one that appears
    the same number of times on every line.
    """
    lines = [line for line in text.splitlines()[:20] if line.strip()]
    best, best_score = ",", -1.0
    for delimiter in (",", ";", "\t", "|"):
        counts = [next(csv.reader([line], delimiter=delimiter)).__len__() - 1 for line in lines]
        if not counts or max(counts) == 0:
            continue
        consistent = sum(1 for c in counts if c == max(counts)) / len(counts)
        score = consistent * 10 + max(counts) / 100
        if score > best_score:
            best, best_score = delimiter, score
    return best


def _read_csv(path: Path) -> RawTable:
    text, encoding = _decode(path.read_bytes())
    delimiter = _sniff_delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows: list[tuple[int, list[str]]] = []
    line = 1
    for record in reader:
        rows.append((line, [cell.strip() for cell in record]))
        line = reader.line_num + 1
    name = {"\t": "tab", ",": "comma", ";": "semicolon", "|": "pipe"}[delimiter]
    return RawTable(path.name, rows, f"CSV, {encoding}, {name}-separated")


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time(0) else value.isoformat(" ")
    if isinstance(value, date):
        return value.isoformat()
    return str(value).strip()


def _read_xlsx(path: Path, sheet: str | None) -> RawTable:
    import openpyxl  # imported here: only XLSX imports pay for it

    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many types for a damaged file
        raise SurveyReadError(f"{path.name}: not a readable XLSX workbook ({exc})") from exc
    try:
        if sheet is None:
            worksheet = book.worksheets[0]
        elif sheet in book.sheetnames:
            worksheet = book[sheet]
        else:
            names = ", ".join(book.sheetnames)
            raise SurveyReadError(f"{path.name}: no sheet named {sheet!r} (sheets: {names})")
        rows = [
            (number, [_cell_text(v) for v in values])
            for number, values in _numbered(worksheet.iter_rows(values_only=True))
        ]
        return RawTable(path.name, rows, f"XLSX, sheet {worksheet.title!r}")
    finally:
        book.close()


def _numbered(rows: Iterator[tuple[object, ...]]) -> Iterator[tuple[int, tuple[object, ...]]]:
    yield from enumerate(rows, start=1)
