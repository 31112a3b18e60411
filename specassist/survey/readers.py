"""Turn a CSV, XLSX, XLS or ODS file into rows of cell text, whatever its bytes.

Everything downstream sees text only: number formatting from spreadsheets
(``2.8`` stored as a float, dates as datetimes) is turned back into the text a
person would read, so the header mapping and unit parsing work the same on
every format. The format is decided from the file's first bytes, not its name,
so a workbook saved as ``.csv`` or a photo renamed ``.xlsx`` gets a clear
answer. Every way a file can fail to open ends in one ``SurveyReadError`` whose
message names the file and says what to do.
"""

from __future__ import annotations

import os
from pathlib import Path

from specassist.survey.csv_reader import read_csv
from specassist.survey.decoding import EncodingError, choose_encoding
from specassist.survey.limits import LIMITS, ReadLimits
from specassist.survey.sheet_reader import cell_text, read_sheet
from specassist.survey.table import RawTable, ReadNote, SurveyReadError

__all__ = ["RawTable", "ReadNote", "SurveyReadError", "cell_text", "read_table"]

# First bytes of files people mistake for surveys, to name them in the error.
_MAGIC = (
    (b"%PDF", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x7fELF", "a program"),
    (b"MZ", "a Windows program"),
    (b"Rar!", "a RAR archive"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"7z\xbc\xaf", "a 7-Zip archive"),
    (b"SQLite format 3", "a database (perhaps a SpecAssist project)"),
)
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def _check_file(path: Path, limits: ReadLimits) -> int:
    """The file's size, after making sure it is a readable regular file within the limit."""
    if not path.exists():
        raise SurveyReadError(f"{path}: file not found")
    if path.is_dir():
        raise SurveyReadError(f"{path}: is a folder, not a survey file")
    if not path.is_file():
        raise SurveyReadError(f"{path}: is not a regular file")
    if not os.access(path, os.R_OK):
        raise SurveyReadError(f"{path}: you do not have permission to read this file")
    size = path.stat().st_size
    if size > limits.max_file_bytes:
        raise SurveyReadError(
            f"{path.name}: {size:,} bytes is over the {limits.max_file_bytes:,}-byte limit for "
            "a survey; split it into smaller files"
        )
    if size == 0:
        raise SurveyReadError(f"{path.name}: the file is empty")
    return size


def _head(path: Path) -> bytes:
    try:
        with path.open("rb") as handle:
            return handle.read(64 * 1024)
    except OSError as exc:
        raise SurveyReadError(f"{path}: cannot be read ({exc.strerror or exc})") from exc


def _workbook_kind(path: Path, head: bytes) -> str | None:
    """'xlsx', 'ods' or 'xls' from the file's bytes (zip packages are told apart by content)."""
    if head.startswith(_OLE):
        return "xls"
    if head.startswith(b"PK\x03\x04"):
        if b"mimetypeapplication/vnd.oasis.opendocument.spreadsheet" in head[:200]:
            return "ods"
        if path.suffix.lower() == ".ods":
            return "ods"
        return "xlsx"
    return None


def read_table(
    path: Path,
    sheet: str | None = None,
    encoding: str | None = None,
    limits: ReadLimits = LIMITS,
) -> RawTable:
    """Open any survey file; ``encoding`` overrides detection for text files."""
    size = _check_file(path, limits)
    head = _head(path)
    kind = _workbook_kind(path, head)
    try:
        if kind is not None:
            if size > limits.max_sheet_file_bytes:
                raise SurveyReadError(
                    f"{path.name}: {size:,} bytes is over the {limits.max_sheet_file_bytes:,}-"
                    "byte limit for a workbook; save the survey sheet on its own or as CSV"
                )
            return read_sheet(path, kind, sheet, limits)
        if path.suffix.lower() in {".xlsx", ".xlsm", ".xls", ".ods"} and not encoding:
            raise SurveyReadError(
                f"{path.name}: not a readable {path.suffix[1:].upper()} workbook "
                f"({_what(head) or 'its contents are not a spreadsheet'})"
            )
        if path.suffix.lower() == ".numbers":
            raise SurveyReadError(f"{path.name}: export it from Numbers as .xlsx or .csv")
        what = _what(head)
        if what is not None:
            raise SurveyReadError(f"{path.name}: this is {what}, not a survey (CSV or workbook)")
        return read_csv(path, choose_encoding(path, head, encoding), limits)
    except EncodingError as exc:
        raise SurveyReadError(f"{path.name}: {exc}") from exc
    except OSError as exc:
        raise SurveyReadError(f"{path}: cannot be read ({exc.strerror or exc})") from exc


def _what(head: bytes) -> str | None:
    """Name a binary file by its signature, or flag any other binary content."""
    for magic, name in _MAGIC:
        if head.startswith(magic):
            return name
    if head.startswith(b"PK\x03\x04"):
        return "a zip archive"
    sample = head[:4096]
    if sample.startswith((b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff")):
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    if max(even, odd) > 0.3 * len(sample) / 2 and min(even, odd) < 0.1 * max(even, odd):
        return None  # UTF-16 without its byte-order mark
    controls = sum(1 for byte in sample if byte < 32 and byte not in (9, 10, 12, 13))
    if controls > max(8, 0.05 * len(sample)):
        return "binary data (5 % or more of its first bytes are control codes)"
    return None
