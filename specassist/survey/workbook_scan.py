"""Look inside an XLSX or ODS package before the spreadsheet reader loads a sheet.

The reader (calamine) holds a sheet's used range as a dense grid, so one
stray value in XFD1048576 next to a survey in A1 asks for 17 billion cells and
the process is killed by the allocator — no exception, no message. This scan
streams the sheet's XML (never holding it) to find the used range, refuses
document type declarations (the XXE and billion-laughs vectors; no spreadsheet
needs one), caps the unpacked size (zip bombs), and notes formula cells that
were saved without a value (files written by programs that do not calculate).
"""

from __future__ import annotations

import html
import re
import zipfile
from dataclasses import dataclass, field

from specassist.survey.limits import ReadLimits
from specassist.survey.table import SurveyReadError

_CHUNK = 1024 * 1024
_DTD = re.compile(rb"<!(?:DOCTYPE|ENTITY)", re.IGNORECASE)
_ROW_REF = re.compile(rb'<row\b[^>]*?\sr="(\d+)"')
_CELL_REF = re.compile(rb'<c\b[^>]*?\sr="([A-Z]{1,3})(\d+)"')
_CELL_NO_REF = re.compile(rb"<c(?=[\s/>])(?![^>]*\sr=)")
_FORMULA_CELL = re.compile(rb'<c\b([^>]*?)\sr="([A-Z]{1,3})(\d+)"([^>]*)>(.*?)</c>', re.DOTALL)
_MAX_LISTED = 1000


def column_number(letters: str) -> int:
    """'A' → 1, 'Z' → 26, 'AA' → 27, 'XFD' → 16384."""
    number = 0
    for char in letters:
        number = number * 26 + ord(char) - 64
    return number


@dataclass(slots=True)
class SheetScan:
    """The used range (1-based, inclusive) and the formula cells without a saved value."""

    min_row: int = 0
    max_row: int = 0
    min_col: int = 0
    max_col: int = 0
    formulas_without_value: list[tuple[int, int]] = field(default_factory=list)
    formula_count: int = 0

    @property
    def cells(self) -> int:
        if not self.max_row:
            return 0
        return (self.max_row - self.min_row + 1) * (self.max_col - self.min_col + 1)

    def add(self, row: int, col: int) -> None:
        self.min_row = min(self.min_row or row, row)
        self.max_row = max(self.max_row, row)
        self.min_col = min(self.min_col or col, col)
        self.max_col = max(self.max_col, col)


def open_package(path_name: str, package: zipfile.ZipFile, limits: ReadLimits) -> None:
    """Refuse a package that unpacks too large or declares XML entities anywhere."""
    total = sum(info.file_size for info in package.infolist())
    if total > limits.max_unpacked_bytes:
        raise SurveyReadError(
            f"{path_name}: unpacks to {total:,} bytes, over the {limits.max_unpacked_bytes:,}-"
            "byte limit for a workbook"
        )
    for info in package.infolist():
        if not info.filename.endswith((".xml", ".rels")):
            continue
        with package.open(info) as member:
            head = member.read(4096)
        if _DTD.search(head):
            raise SurveyReadError(
                f"{path_name}: {info.filename} declares XML entities (a DOCTYPE); spreadsheets "
                "never need one and it can hide an entity-expansion attack, so the file was "
                "refused"
            )


def xlsx_sheet_members(package: zipfile.ZipFile) -> dict[str, str]:
    """Sheet name → worksheet XML member, from the workbook and its relationships."""
    try:
        workbook = package.read("xl/workbook.xml").decode("utf-8", "replace")
        rels = package.read("xl/_rels/workbook.xml.rels").decode("utf-8", "replace")
    except KeyError:
        return {}
    targets = {
        m.group(1): m.group(2)
        for m in re.finditer(r'<Relationship\b[^>]*?Id="([^"]+)"[^>]*?Target="([^"]+)"', rels)
    }
    targets.update(
        {
            m.group(2): m.group(1)
            for m in re.finditer(r'<Relationship\b[^>]*?Target="([^"]+)"[^>]*?Id="([^"]+)"', rels)
        }
    )
    members = {}
    for found in re.finditer(r"<(?:\w+:)?sheet\b([^>]*)/?>", workbook):
        attrs = found.group(1)
        name = re.search(r'\bname="([^"]*)"', attrs)
        rid = re.search(r'\br:id="([^"]*)"|\b\w+:id="([^"]*)"', attrs)
        if not name or not rid:
            continue
        target = targets.get(rid.group(1) or rid.group(2) or "", "")
        target = target.lstrip("/")
        members[html.unescape(name.group(1))] = (
            target if target.startswith("xl/") else ("xl/" + target)
        )
    return members


def scan_xlsx_sheet(package: zipfile.ZipFile, member: str, limits: ReadLimits) -> SheetScan:
    """Stream one worksheet's XML and find its used range and unsaved formula cells."""
    scan = SheetScan()
    carry = b""
    unpacked = 0
    positional = False
    with package.open(member) as stream:
        while True:
            chunk = stream.read(_CHUNK)
            unpacked += len(chunk)
            if unpacked > limits.max_unpacked_bytes:
                raise SurveyReadError(f"{member} unpacks past the workbook size limit")
            buffer = carry + chunk
            if chunk:
                cut = _safe_cut(buffer)
                buffer, carry = buffer[:cut], buffer[cut:]
            positional = _scan_buffer(buffer, scan) or positional
            if not chunk:
                break
    if positional:
        scan.max_col = max(scan.max_col, _widest_row(package, member))
        scan.min_col = scan.min_col or 1
        scan.min_row = scan.min_row or 1
    return scan


def _safe_cut(buffer: bytes) -> int:
    """Where to split so no cell element straddles two buffers."""
    last_open = buffer.rfind(b"<c ")
    if last_open > buffer.rfind(b"</c>") and last_open > buffer.rfind(b"/>", last_open):
        return last_open
    return buffer.rfind(b">") + 1


def _scan_buffer(buffer: bytes, scan: SheetScan) -> bool:
    """Fold one buffer into ``scan``; True if some cells carry no reference."""
    rows = _ROW_REF.findall(buffer)
    if rows:
        numbers = [int(r) for r in rows]
        scan.min_row = min(scan.min_row or numbers[0], min(numbers))
        scan.max_row = max(scan.max_row, max(numbers))
    refs = _CELL_REF.findall(buffer)
    if refs:
        columns = {column_number(c.decode()) for c in {letters for letters, _ in refs}}
        cell_rows = [int(r) for _, r in refs]
        scan.add(min(cell_rows), min(columns))
        scan.add(max(cell_rows), max(columns))
    if b"<f" in buffer:
        for found in _FORMULA_CELL.finditer(buffer):
            body = found.group(5)
            if b"<f" not in body:
                continue
            scan.formula_count += 1
            unsaved = re.search(rb"<v>[^<]", body) is None and b"<is>" not in body
            if unsaved and len(scan.formulas_without_value) < _MAX_LISTED:
                position = (int(found.group(3)), column_number(found.group(2).decode()))
                scan.formulas_without_value.append(position)
    return _CELL_NO_REF.search(buffer) is not None


def _widest_row(package: zipfile.ZipFile, member: str) -> int:
    """Cells per row when cells carry no reference: count them row by row (rare writers)."""
    widest = 0
    carry = b""
    with package.open(member) as stream:
        while True:
            chunk = stream.read(_CHUNK)
            buffer = carry + chunk
            parts = buffer.split(b"</row>")
            carry = parts.pop() if chunk else b""
            for part in parts:
                widest = max(widest, len(_CELL_NO_REF.findall(part)) + len(_CELL_REF.findall(part)))
            if not chunk:
                return widest


_ODS_TABLE = re.compile(rb'<table:table\b[^>]*?table:name="([^"]*)"')
_ODS_ROW = re.compile(rb"<table:table-row\b([^>]*?)(/>|>(.*?)</table:table-row>)", re.DOTALL)
_ODS_CELL = re.compile(
    rb"<table:(?:covered-)?table-cell\b([^>]*?)(/>|>(.*?)</table:(?:covered-)?table-cell>)",
    re.DOTALL,
)
_REPEAT_ROWS = re.compile(rb'table:number-rows-repeated="(\d+)"')
_REPEAT_COLS = re.compile(rb'table:number-columns-repeated="(\d+)"')


def scan_ods(package: zipfile.ZipFile, limits: ReadLimits) -> dict[str, SheetScan]:
    """Used range per table of an ODS, counting repeated rows and cells that hold content."""
    scans: dict[str, SheetScan] = {}
    info = package.getinfo("content.xml")
    if info.file_size > limits.max_unpacked_bytes:
        raise SurveyReadError("content.xml unpacks past the workbook size limit")
    content = package.read("content.xml")
    tables = list(_ODS_TABLE.finditer(content))
    for index, table in enumerate(tables):
        end = tables[index + 1].start() if index + 1 < len(tables) else len(content)
        scan = SheetScan()
        row = 0
        for found in _ODS_ROW.finditer(content, table.end(), end):
            repeat = _repeat(_REPEAT_ROWS, found.group(1))
            width = _ods_row_width(found.group(3) or b"")
            if width:
                scan.add(row + 1, 1)
                scan.add(row + repeat, width)
            row += repeat
        scans[html.unescape(table.group(1).decode("utf-8", "replace"))] = scan
    return scans


def _repeat(pattern: re.Pattern[bytes], attrs: bytes) -> int:
    found = pattern.search(attrs)
    return int(found.group(1)) if found else 1


def _ods_row_width(body: bytes) -> int:
    """Columns up to the last cell with content, counting repeated cells."""
    column = width = 0
    for cell in _ODS_CELL.finditer(body):
        column += _repeat(_REPEAT_COLS, cell.group(1))
        if b"value-type" in cell.group(1) or (cell.group(3) or b"").strip():
            width = column
    return width
