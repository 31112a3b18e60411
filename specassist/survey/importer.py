"""Read a survey file into SurveyCamera rows and a list of precise input issues.

The contract: a bad cell costs that cell only. It becomes an issue naming the
file, row, column and value, and the rest of the row and the file still load.
Every row keeps its raw cells, so nothing the surveyor wrote is ever lost.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from specassist.domain.issues import InputIssue, Severity
from specassist.domain.survey import SurveyCamera
from specassist.domain.units import (
    Kind,
    ParsedQuantity,
    QuantityParseError,
    parse_quantity,
    parse_range,
)
from specassist.domain.values import (
    ValueParseError,
    parse_bool,
    parse_dori,
    parse_environment,
    parse_form_factor,
    parse_ip,
    parse_mac,
    parse_megapixels,
    parse_resolution,
    parse_status,
)
from specassist.survey.headers import ColumnMapping, Field, find_header_row, map_headers
from specassist.survey.readers import RawTable, read_table


@dataclass(slots=True)
class SurveyImport:
    """What an import produced: the cameras, every issue, and how columns were read."""

    file: str
    cameras: list[SurveyCamera] = field(default_factory=list)
    issues: list[InputIssue] = field(default_factory=list)
    mapping: dict[str, str] = field(default_factory=dict)
    detail: str = ""
    skipped_rows: int = 0


class _RowContext:
    """Issue helpers bound to one row, so parsers can report without repeating location."""

    def __init__(self, result: SurveyImport, row: int) -> None:
        self.result = result
        self.row = row

    def issue(self, severity: Severity, column: str | None, value: str | None, msg: str) -> None:
        self.result.issues.append(
            InputIssue(severity, msg, self.result.file, self.row, column, value)
        )


_WORD_FOCAL = re.compile(
    r"\b(?:fixed|varifocal|vari-focal|motori[sz]ed|motor|zoom|lens|f\s*=|mm\s*lens)\b",
    re.IGNORECASE,
)
_ZOOM_X = re.compile(r"\b\d+(?:[.,]\d+)?\s*x\b", re.IGNORECASE)


def _clean_lens(text: str) -> str:
    """Strip words around a focal length: "2.8mm fixed", "Varifocal 2.8-12 mm", "f=4mm"."""
    cleaned = _WORD_FOCAL.sub(" ", text).replace("=", " ").strip(" ,;:()")
    return " ".join(cleaned.split())


def _split_make_model(text: str) -> tuple[str | None, str | None]:
    """ "Hikvision DS-2CD2143G2-I" → ("Hikvision", "DS-2CD2143G2-I"). One word is a make."""
    parts = text.strip().split(None, 1)
    if not parts:
        return None, None
    if len(parts) == 1:
        return parts[0], None
    return parts[0], parts[1].strip()


def _is_note_row(cells: list[str], mapping: ColumnMapping) -> bool:
    """A row with text in one cell only, that cannot be a camera, is a note.

    Surveyors write "Cameras below added after the walk-round" across the
    first column, which is usually the tag column; a lone cell is a note when
    it is outside the identity columns, or reads like a sentence (three words
    or more) inside them.
    """
    filled = [i for i, c in enumerate(cells) if c.strip()]
    if len(filled) != 1:
        return False
    identity = {mapping.fields.get(f) for f in (Field.TAG, Field.MAKE, Field.MODEL)}
    return filled[0] not in identity or len(cells[filled[0]].split()) >= 3


class _RowParser:
    """Parses one data row into a SurveyCamera, field by field."""

    def __init__(self, mapping: ColumnMapping, ctx: _RowContext) -> None:
        self.mapping = mapping
        self.ctx = ctx

    def cell(self, cells: list[str], fld: Field) -> tuple[str, str] | None:
        """(header, text) for a field's non-blank cell, or None."""
        index = self.mapping.fields.get(fld)
        if index is None or index >= len(cells):
            return None
        text = cells[index].strip()
        if not text or text.lower() in {"n/a", "na", "-", "?", "unknown", "tbc", "tbd"}:
            return None
        return self.mapping.headers[index].strip(), text

    def unit(self, fld: Field) -> str | None:
        index = self.mapping.fields.get(fld)
        return None if index is None else self.mapping.units.get(index)

    def parsed(self, cells: list[str], fld: Field, parse: Callable[[str], Any]) -> Any:
        """Run ``parse`` on the field's cell; on failure log an error and return None."""
        found = self.cell(cells, fld)
        if found is None:
            return None
        header, text = found
        try:
            return parse(text)
        except (ValueParseError, QuantityParseError) as exc:
            self.ctx.issue(Severity.ERROR, header, text, str(exc))
            return None

    def length(self, cells: list[str], fld: Field) -> float | None:
        """A distance in metres. A bare number with no unit anywhere is read as metres."""
        unit = self.unit(fld)
        result = self.parsed(cells, fld, lambda t: parse_quantity(t, Kind.DISTANCE, unit))
        return None if result is None else float(result.magnitude)

    def parse(self, cells: list[str], camera: SurveyCamera) -> None:
        text_fields = {
            Field.TAG: "tag",
            Field.SITE: "site",
            Field.LOCATION: "location",
            Field.MAKE: "make",
            Field.MODEL: "model",
            Field.SERIAL: "serial",
            Field.FIRMWARE: "firmware",
            Field.MOUNT: "mount",
            Field.RECORDER: "recorder",
            Field.SWITCH: "switch",
            Field.SWITCH_PORT: "switch_port",
            Field.NOTES: "notes",
        }
        for fld, attr in text_fields.items():
            found = self.cell(cells, fld)
            if found is not None:
                setattr(camera, attr, found[1])
        combined = self.cell(cells, Field.MAKE_MODEL)
        if combined is not None:
            make, model = _split_make_model(combined[1])
            camera.make = camera.make or make
            camera.model = camera.model or model
        camera.mac = self.parsed(cells, Field.MAC, parse_mac)
        camera.ip_address = self.parsed(cells, Field.IP_ADDRESS, parse_ip)
        camera.form_factor = self.parsed(cells, Field.FORM_FACTOR, parse_form_factor)
        self._resolution(cells, camera)
        self._lens(cells, camera)
        hfov = self.parsed(
            cells, Field.HFOV, lambda t: parse_quantity(t, Kind.ANGLE, self.unit(Field.HFOV))
        )
        camera.hfov_deg = None if hfov is None else hfov.magnitude
        camera.height_m = self.length(cells, Field.HEIGHT)
        camera.target_distance_m = self.length(cells, Field.TARGET_DISTANCE)
        camera.scene_width_m = self.length(cells, Field.SCENE_WIDTH)
        camera.required_dori = self.parsed(cells, Field.REQUIRED_DORI, parse_dori)
        camera.outdoor = self.parsed(cells, Field.ENVIRONMENT, parse_environment)
        camera.vandal_risk = self.parsed(cells, Field.VANDAL, parse_bool)
        power = self.parsed(
            cells, Field.POWER, lambda t: parse_quantity(t, Kind.POWER, self.unit(Field.POWER))
        )
        camera.power_w = None if power is None else power.magnitude
        camera.audio = self.parsed(cells, Field.AUDIO, parse_bool)
        camera.alarm_io = self.parsed(cells, Field.ALARM_IO, parse_bool)
        camera.status = self.parsed(cells, Field.STATUS, parse_status)

    def _resolution(self, cells: list[str], camera: SurveyCamera) -> None:
        found = self.cell(cells, Field.RESOLUTION)
        if found is None:
            return
        header, text = found
        try:
            camera.resolution = parse_resolution(text)
            camera.megapixels = camera.resolution.megapixels
            return
        except ValueParseError:
            pass
        try:
            camera.megapixels = parse_megapixels(text)
        except ValueParseError:
            self.ctx.issue(
                Severity.ERROR,
                header,
                text,
                "expected a resolution such as '1920x1080', '1080p', '4K' or '4 MP'",
            )

    def _lens(self, cells: list[str], camera: SurveyCamera) -> None:
        found = self.cell(cells, Field.LENS)
        if found is not None:
            header, text = found
            if _ZOOM_X.search(text) and "mm" not in text.lower():
                self.ctx.issue(
                    Severity.WARNING,
                    header,
                    text,
                    "an optical zoom factor is not a focal length; give the range in mm",
                )
            else:
                try:
                    low, high = parse_range(
                        _clean_lens(text), Kind.FOCAL_LENGTH, self.unit(Field.LENS)
                    )
                    camera.focal_min_mm, camera.focal_max_mm = low.magnitude, high.magnitude
                except QuantityParseError as exc:
                    self.ctx.issue(Severity.ERROR, header, text, f"{exc} (a focal length)")
        for fld, attr in ((Field.FOCAL_MIN, "focal_min_mm"), (Field.FOCAL_MAX, "focal_max_mm")):
            unit = self.unit(fld)

            def parse_focal(text: str, unit: str | None = unit) -> ParsedQuantity:
                return parse_quantity(_clean_lens(text), Kind.FOCAL_LENGTH, unit)

            value = self.parsed(cells, fld, parse_focal)
            if value is not None:
                setattr(camera, attr, value.magnitude)
        if camera.focal_min_mm is not None and camera.focal_max_mm is None:
            camera.focal_max_mm = camera.focal_min_mm


_LENGTH_FIELDS = (Field.HEIGHT, Field.TARGET_DISTANCE, Field.SCENE_WIDTH)


def _warn_assumed_units(
    table: RawTable, rows: list[tuple[int, list[str]]], mapping: ColumnMapping, result: SurveyImport
) -> None:
    """One warning per length column whose bare numbers had to be read as metres."""
    for fld in _LENGTH_FIELDS:
        index = mapping.fields.get(fld)
        if index is None or index in mapping.units:
            continue
        bare = [
            (n, cells[index])
            for n, cells in rows
            if index < len(cells) and re.fullmatch(r"\s*[+\-]?\d+(?:[.,]\d+)?\s*", cells[index])
        ]
        if bare:
            header = mapping.headers[index].strip()
            result.issues.append(
                InputIssue(
                    Severity.WARNING,
                    f"{len(bare)} value(s) without a unit were read as metres; "
                    f"add the unit to the header, e.g. '{header} (ft)', if they are feet",
                    table.file,
                    bare[0][0],
                    header,
                    bare[0][1],
                )
            )


def import_table(table: RawTable, column_map: dict[str, str] | None = None) -> SurveyImport:
    """Import an already-read table (shared by the CSV/XLSX path and tests)."""
    result = SurveyImport(file=table.file, detail=table.detail)
    header_pos = find_header_row(table.rows)
    if header_pos is None:
        first = table.rows[0][0] if table.rows else 1
        result.issues.append(
            InputIssue(
                Severity.ERROR,
                "no header row found: expected a row naming at least two columns such as "
                "'Camera ID', 'Make', 'Model', 'Location'",
                table.file,
                first,
            )
        )
        return result
    header_row, headers = table.rows[header_pos]
    mapping = map_headers(headers, column_map)
    result.mapping = mapping.describe()
    for row, cells in table.rows[:header_pos]:
        if any(c.strip() for c in cells):
            result.issues.append(
                InputIssue(
                    Severity.INFO,
                    "text above the header row skipped",
                    table.file,
                    row,
                    None,
                    " ".join(c for c in cells if c.strip())[:80],
                )
            )
    for name in mapping.extra.values():
        result.issues.append(
            InputIssue(
                Severity.INFO,
                "column not interpreted; kept as an extra field",
                table.file,
                header_row,
                name,
            )
        )
    data_rows = table.rows[header_pos + 1 :]
    _warn_assumed_units(table, data_rows, mapping, result)
    seen_tags: dict[str, int] = {}
    for row, cells in data_rows:
        if not any(c.strip() for c in cells):
            result.skipped_rows += 1
            result.issues.append(InputIssue(Severity.INFO, "blank row skipped", table.file, row))
            continue
        if _is_note_row(cells, mapping):
            result.skipped_rows += 1
            text = next(c for c in cells if c.strip())
            result.issues.append(
                InputIssue(
                    Severity.INFO,
                    "note row skipped (no camera data)",
                    table.file,
                    row,
                    None,
                    text[:80],
                )
            )
            continue
        result.cameras.append(_camera_from_row(row, cells, mapping, result, seen_tags))
    return result


def _camera_from_row(
    row: int,
    cells: list[str],
    mapping: ColumnMapping,
    result: SurveyImport,
    seen_tags: dict[str, int],
) -> SurveyCamera:
    ctx = _RowContext(result, row)
    camera = SurveyCamera(source_row=row)
    camera.raw = {
        (
            mapping.headers[i].strip()
            if i < len(mapping.headers) and mapping.headers[i].strip()
            else f"column {i + 1}"
        ): text
        for i, text in enumerate(cells)
        if text.strip()
    }
    camera.extra = {
        name: cells[i] for i, name in mapping.extra.items() if i < len(cells) and cells[i].strip()
    }
    for i in range(len(mapping.headers), len(cells)):
        if cells[i].strip():
            camera.extra[f"column {i + 1}"] = cells[i]
    _RowParser(mapping, ctx).parse(cells, camera)
    if camera.tag is None:
        ctx.issue(Severity.WARNING, None, None, "no camera tag; the row number will be used")
    elif camera.tag in seen_tags:
        ctx.issue(
            Severity.WARNING,
            mapping.headers[mapping.fields[Field.TAG]].strip(),
            camera.tag,
            f"duplicate tag: also used on row {seen_tags[camera.tag]}",
        )
    else:
        seen_tags[camera.tag] = row
    if camera.make is None and camera.model is None:
        ctx.issue(Severity.WARNING, None, None, "neither make nor model given")
    return camera


def import_survey(
    path: Path, sheet: str | None = None, column_map: dict[str, str] | None = None
) -> SurveyImport:
    """Import a CSV or XLSX survey. Raises SurveyReadError only when the file cannot be read."""
    return import_table(read_table(path, sheet), column_map)


def header_preview(
    path: Path, sheet: str | None = None, column_map: dict[str, str] | None = None
) -> tuple[list[str], dict[str, str]]:
    """The header row and how each column would be read, before importing.

    Lets the app ask the user about columns it does not recognise: the second
    value maps each header to a field name or ``"extra"`` (kept verbatim).
    """
    table = read_table(path, sheet)
    at = find_header_row(table.rows)
    if at is None:
        first = next((cells for _, cells in table.rows if any(cells)), [])
        return list(first), dict.fromkeys((c for c in first if c.strip()), "extra")
    headers = table.rows[at][1]
    return list(headers), map_headers(headers, column_map).describe()


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
    table = RawTable("camera form", [(1, headers), (max(source_row, 2), row)], "typed in the app")
    result = import_table(table)
    for camera in result.cameras:
        camera.source_row = source_row
    return result
