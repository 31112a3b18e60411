"""Read a survey file into SurveyCamera rows and a list of precise input issues.

The contract: a bad cell costs that cell only. It becomes an issue naming the
file, row, column and value, and the rest of the row and the file still load.
Every row keeps its raw cells, so nothing the surveyor wrote is ever lost, and
every row of the file is accounted for: stored, skipped with a reason, or the
header. Rows stream through: with ``on_cameras`` the cameras leave in batches
and a 1.5-million-row file is imported in bounded memory.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import chain, islice
from pathlib import Path

from specassist.domain.issues import InputIssue, Severity
from specassist.domain.survey import SurveyCamera
from specassist.domain.values import DateOrder, infer_date_order
from specassist.survey.cells import CellCleaner
from specassist.survey.columns import SAMPLE_ROWS, assign_by_values
from specassist.survey.headers import (
    ColumnMapping,
    Field,
    find_header_row,
    looks_like_value,
    map_headers,
    normalise_header,
)
from specassist.survey.limits import LIMITS, ReadLimits
from specassist.survey.readers import read_table
from specassist.survey.report import IssueSink, RowAccounting
from specassist.survey.row_parser import RowParser
from specassist.survey.table import RawTable, SurveyReadError

HEADER_LOOK_AHEAD = 15
BATCH = 5_000
"""Cameras handed to ``on_cameras`` at a time: ~5 MB of objects, one executemany each."""


@dataclass(slots=True)
class SurveyImport:
    """What an import produced: the cameras, every issue, and how columns were read."""

    file: str
    cameras: list[SurveyCamera] = field(default_factory=list)
    issues: list[InputIssue] = field(default_factory=list)
    mapping: dict[str, str] = field(default_factory=dict)
    detail: str = ""
    accounting: RowAccounting = field(default_factory=RowAccounting)

    @property
    def skipped_rows(self) -> int:
        return self.accounting.skipped_total


CameraSink = Callable[[list[SurveyCamera]], None]


def _is_note_row(cells: list[str], mapping: ColumnMapping) -> bool:
    """A row with text in one cell only, that cannot be a camera, is a note.

    Surveyors write "Cameras below added after the walk-round" across the
    first column, which is usually the tag column; a lone cell is a note when
    it is outside the identity columns, or reads like a sentence (three words
    or more) inside them.
    """
    filled = [i for i, c in enumerate(cells) if c]
    if len(filled) != 1:
        return False
    identity = {mapping.fields.get(f) for f in (Field.TAG, Field.MAKE, Field.MODEL)}
    return filled[0] not in identity or len(cells[filled[0]].split()) >= 3


def _unique_headers(headers: list[str], sink: IssueSink, header_row: int) -> list[str]:
    """Raw-row keys: a repeated header gets its column number, so both columns' cells are kept."""
    seen: dict[str, int] = {}
    keys = []
    for index, header in enumerate(headers):
        name = header.strip() or f"column {index + 1}"
        if name in seen:
            sink.add(
                Severity.WARNING,
                f"header {name!r} appears twice (columns {seen[name] + 1} and {index + 1}); "
                f"both are kept, the second as {name + f' (column {index + 1})'!r}",
                header_row,
                name,
            )
            name = f"{name} (column {index + 1})"
        else:
            seen[name] = index
        keys.append(name)
    return keys


_CREDENTIAL = re.compile(r"\b(?:pass ?word|passwd|pwd|secret|credentials?|pin)\b")


def _credential_columns(headers: list[str], sink: IssueSink, header_row: int) -> set[int]:
    """Columns of passwords (VMS hardware exports carry them): never stored in a project."""
    found = set()
    for index, header in enumerate(headers):
        if _CREDENTIAL.search(normalise_header(header)):
            found.add(index)
            sink.add(
                Severity.INFO,
                "this column holds credentials; its values are not stored in the project",
                header_row,
                header.strip(),
            )
    return found


class _Importer:
    """One pass over one table: header, column roles, then every data row."""

    def __init__(
        self,
        table: RawTable,
        column_map: dict[str, str] | None,
        on_cameras: CameraSink | None,
        limits: ReadLimits,
        by_values: bool = True,
    ) -> None:
        self.by_values = by_values
        self.table = table
        self.column_map = column_map
        self.on_cameras = on_cameras
        self.sink = IssueSink(table.file)
        self.result = SurveyImport(file=table.file, detail=table.detail)
        self.cleaner = CellCleaner(limits, self.sink)
        self.batch: list[SurveyCamera] = []
        self.seen_tags: dict[str, int] = {}
        self.blank_run: tuple[int, int] | None = None
        self.secret: set[int] = set()

    def rows(self) -> Iterator[tuple[int, list[str]]]:
        for row, cells in self.table.rows:
            self.result.accounting.rows_read += 1
            yield row, self.cleaner.clean(row, cells)

    def run(self) -> SurveyImport:
        rows = self.rows()
        head = list(islice(rows, HEADER_LOOK_AHEAD))
        header_pos = find_header_row(head)
        if header_pos is None:
            for _ in rows:
                pass
            self._no_header(head)
            return self._finish({})
        header_row, headers = head[header_pos]
        self.result.accounting.header = 1
        for row, cells in head[:header_pos]:
            self.result.accounting.above_header += 1
            if any(cells):
                text = " ".join(c for c in cells if c)[:80]
                self.sink.add(Severity.INFO, "text above the header row skipped", row, None, text)
        sample = head[header_pos + 1 :] + list(islice(rows, SAMPLE_ROWS))
        mapping = self._mapping(headers, header_row, sample)
        parser = RowParser(mapping, self.sink, self._date_orders(mapping, sample, header_row))
        keys = _unique_headers(headers, self.sink, header_row)
        self.secret = _credential_columns(headers, self.sink, header_row)
        for row, cells in chain(sample, rows):
            self._row(row, cells, parser, keys)
        self._close_blank_run()
        self._bare_length_warnings(parser)
        self._flush()
        return self._finish(dict(enumerate(keys)))

    def _mapping(
        self, headers: list[str], header_row: int, sample: list[tuple[int, list[str]]]
    ) -> ColumnMapping:
        mapping = map_headers(headers, self.column_map)
        chosen = {
            i
            for i, h in enumerate(headers)
            if self.column_map and h.strip() in {k.strip() for k in self.column_map}
        }
        if not self.by_values:
            chosen = set(range(len(headers)))
        for note in assign_by_values(mapping, sample, chosen):
            self.sink.add(Severity.INFO, note, header_row)
        self.result.mapping = mapping.describe()
        for name in mapping.extra.values():
            self.sink.add(
                Severity.INFO, "column not interpreted; kept as an extra field", header_row, name
            )
        return mapping

    def _date_orders(
        self, mapping: ColumnMapping, sample: list[tuple[int, list[str]]], header_row: int
    ) -> dict[Field, DateOrder | None]:
        orders: dict[Field, DateOrder | None] = {}
        every: list[str] = []
        for fld in (Field.SURVEY_DATE, Field.INSTALL_DATE):
            index = mapping.fields.get(fld)
            if index is None:
                continue
            values = [cells[index] for _, cells in sample if index < len(cells) and cells[index]]
            every += values
            order, conflict = infer_date_order(values)
            orders[fld] = order
            if conflict:
                self.sink.add(
                    Severity.WARNING,
                    "dates in this column are written both day-first and month-first; "
                    "ambiguous ones are not read",
                    header_row,
                    mapping.headers[index].strip(),
                )
        # One surveyor writes every date the same way: 25/09 in one column settles 01/09 in another.
        whole_file, conflict = infer_date_order(every)
        return {fld: order or (None if conflict else whole_file) for fld, order in orders.items()}

    def _row(self, row: int, cells: list[str], parser: RowParser, keys: list[str]) -> None:
        mapping = parser.mapping
        accounting = self.result.accounting
        if not any(cells):
            accounting.skipped["blank"] += 1
            start = self.blank_run[0] if self.blank_run else row
            self.blank_run = (start, row)
            return
        self._close_blank_run()
        if self.secret:
            cells = ["" if i in self.secret else c for i, c in enumerate(cells)]
        if _is_note_row(cells, mapping):
            accounting.skipped["note"] += 1
            text = next(c for c in cells if c)
            self.sink.add(Severity.INFO, "note row skipped (no camera data)", row, None, text[:80])
            return
        self.batch.append(self._camera(row, cells, parser, keys))
        accounting.stored += 1
        if self.on_cameras is not None and len(self.batch) >= BATCH:
            self._flush()

    def _camera(
        self, row: int, cells: list[str], parser: RowParser, keys: list[str]
    ) -> SurveyCamera:
        mapping = parser.mapping
        camera = SurveyCamera(source_row=row)
        camera.raw = {
            (keys[i] if i < len(keys) else f"column {i + 1}"): text
            for i, text in enumerate(cells)
            if text
        }
        camera.extra = {keys[i]: cells[i] for i in mapping.extra if i < len(cells) and cells[i]}
        for i in range(len(keys), len(cells)):
            if cells[i]:
                camera.extra[f"column {i + 1}"] = cells[i]
        parser.parse(row, cells, camera)
        if camera.tag is None:
            self.sink.add(Severity.WARNING, "no camera tag; the row number will be used", row)
        elif camera.tag in self.seen_tags:
            self.sink.add(
                Severity.WARNING,
                f"duplicate tag: also used on row {self.seen_tags[camera.tag]}",
                row,
                mapping.headers[mapping.fields[Field.TAG]].strip(),
                camera.tag,
            )
        else:
            self.seen_tags[camera.tag] = row
        if camera.make is None and camera.model is None:
            self.sink.add(Severity.WARNING, "neither make nor model given", row)
        return camera

    def _close_blank_run(self) -> None:
        if self.blank_run is None:
            return
        start, end = self.blank_run
        if start == end:
            self.sink.add(Severity.INFO, "blank row skipped", start)
        else:
            self.sink.add(Severity.INFO, f"rows {start}–{end} are blank; skipped", start)
        self.blank_run = None

    def _bare_length_warnings(self, parser: RowParser) -> None:
        for fld, (row, text, count) in parser.bare_lengths.items():
            header = parser.mapping.headers[parser.mapping.fields[fld]].strip()
            self.sink.add(
                Severity.WARNING,
                f"{count} value(s) without a unit were read as metres; "
                f"add the unit to the header, e.g. '{header} (ft)', if they are feet",
                row,
                header,
                text,
            )

    def _flush(self) -> None:
        if self.on_cameras is not None and self.batch:
            self.on_cameras(self.batch)
            self.batch = []

    def _no_header(self, head: list[tuple[int, list[str]]]) -> None:
        first = next((row for row, cells in head if any(cells)), head[0][0] if head else 1)
        message = (
            "no header row found: expected a row naming at least two columns such as "
            "'Camera ID', 'Make', 'Model', 'Location'"
        )
        if not any(any(cells) for _, cells in head):
            message = "no header row found: the file has no text in its first rows"
        elif any(_data_like(cells) for _, cells in head):
            message += "; the first rows hold data (model numbers, addresses), so add a header row"
        else:
            message += "; this does not look like a survey"
        if self.table.other_sheets:
            names = ", ".join(repr(n) for n in self.table.other_sheets[:5])
            message += f" (other sheets in the workbook: {names})"
        self.sink.add(Severity.ERROR, message, first)
        accounting = self.result.accounting
        accounting.skipped["no header row"] = accounting.rows_read

    def _finish(self, names: dict[int, str]) -> SurveyImport:
        self.cleaner.report(names)
        accounting = self.result.accounting
        accounting.merged_lines = self.table.counts.merged_lines
        for reason, count in self.table.counts.unread.items():
            accounting.skipped[f"unreadable: {reason}"] += count
        for note in self.table.notes:
            column = None
            if note.column is not None:
                column = names.get(note.column, f"column {note.column + 1}")
            self.sink.add(note.severity, note.message, note.row, column, note.value)
        self.result.cameras = self.batch if self.on_cameras is None else []
        self.result.issues = self.sink.finish()
        return self.result


def _data_like(cells: list[str]) -> bool:
    return sum(1 for c in cells if looks_like_value(c)) >= 2


def import_table(
    table: RawTable,
    column_map: dict[str, str] | None = None,
    on_cameras: CameraSink | None = None,
    limits: ReadLimits = LIMITS,
    by_values: bool = True,
) -> SurveyImport:
    """Import an already-read table (shared by every file format and tests).

    With ``on_cameras``, cameras are handed over in batches as they are read
    and ``result.cameras`` stays empty; otherwise they are all in the result.
    ``by_values=False`` trusts the headers alone (the app's own camera form).
    """
    try:
        return _Importer(table, column_map, on_cameras, limits, by_values).run()
    except (OSError, UnicodeError, csv.Error, MemoryError) as exc:
        raise SurveyReadError(f"{table.file}: reading stopped ({exc})") from exc


def import_survey(
    path: Path,
    sheet: str | None = None,
    column_map: dict[str, str] | None = None,
    *,
    encoding: str | None = None,
    on_cameras: CameraSink | None = None,
    limits: ReadLimits = LIMITS,
) -> SurveyImport:
    """Import a survey file. Raises SurveyReadError only when the file cannot be read."""
    table = read_table(path, sheet, encoding, limits)
    return import_table(table, column_map, on_cameras, limits)


def preview_rows(
    path: Path, rows: int = 20, sheet: str | None = None, encoding: str | None = None
) -> list[tuple[int, list[str]]]:
    """The first ``rows`` rows exactly as read (numbered), for the column-mapping dialog."""
    table = read_table(path, sheet, encoding)
    return [(number, list(cells)) for number, cells in islice(table.rows, rows)]


def header_preview(
    path: Path,
    sheet: str | None = None,
    column_map: dict[str, str] | None = None,
    encoding: str | None = None,
) -> tuple[list[str], dict[str, str]]:
    """The header row and how each column would be read, before importing.

    Lets the app ask the user about columns it does not recognise: the second
    value maps each header to a field name or ``"extra"`` (kept verbatim). The
    columns' values are looked at too, as the import itself will.
    """
    table = read_table(path, sheet, encoding)
    head = list(islice(table.rows, HEADER_LOOK_AHEAD + SAMPLE_ROWS))
    at = find_header_row(head[:HEADER_LOOK_AHEAD])
    if at is None:
        first = next((cells for _, cells in head if any(c.strip() for c in cells)), [])
        return list(first), dict.fromkeys((c for c in first if c.strip()), "extra")
    headers = head[at][1]
    mapping = map_headers(headers, column_map)
    assign_by_values(mapping, head[at + 1 :], set())
    return list(headers), mapping.describe()


FORM_HEADERS: dict[str, str] = {
    "tag": "Tag", "site": "Site", "location": "Location", "make": "Make", "model": "Model",
    "form_factor": "Camera type", "resolution": "Resolution", "lens": "Lens",
    "mount": "Mounting", "height": "Height", "target_distance": "Distance to target",
    "scene_width": "Scene width", "required_dori": "Purpose", "environment": "Indoor/Outdoor",
    "vandal": "Vandal risk", "mac": "MAC", "status": "Survey status", "notes": "Notes",
    "recorder": "Recorder", "switch": "Switch", "switch_port": "Switch port",
}  # fmt: skip
"""The fields of the in-app camera form, each with a header the importer recognises."""


def camera_from_form(values: dict[str, str], source_row: int = 0) -> SurveyImport:
    """Read a camera typed into the app with exactly the importer's validation and units.

    ``values`` maps ``FORM_HEADERS`` keys to text. The result holds one camera
    (or none if the row was empty) and its issues, with the form label as column.
    """
    headers = [FORM_HEADERS[key] for key in FORM_HEADERS]
    row = [values.get(key, "") for key in FORM_HEADERS]
    rows: Iterable[tuple[int, list[str]]] = [(1, headers), (max(source_row, 2), row)]
    table = RawTable("camera form", rows, "typed in the app")
    result = import_table(table, by_values=False)
    for camera in result.cameras:
        camera.source_row = source_row
    return result
