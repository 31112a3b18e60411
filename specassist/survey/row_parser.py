"""One data row → one SurveyCamera, cell by cell; a bad cell costs that cell only."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from specassist.domain.device_words import (
    is_device_state_word,
    is_device_type_word,
    model_in_text,
)
from specassist.domain.issues import Severity
from specassist.domain.survey import SurveyCamera
from specassist.domain.units import (
    Kind,
    ParsedQuantity,
    QuantityParseError,
    parse_quantity,
    parse_range,
)
from specassist.domain.values import (
    DateOrder,
    ValueParseError,
    parse_bool,
    parse_dori,
    parse_environment,
    parse_form_factor,
    parse_ip,
    parse_mac,
    parse_megapixels,
    parse_resolution,
    parse_sheet_date,
    parse_status,
)
from specassist.survey.headers import ColumnMapping, Field
from specassist.survey.plausible import check
from specassist.survey.report import IssueSink

_BLANK_WORDS = frozenset({"n/a", "na", "-", "?", "unknown", "tbc", "tbd"})
_WORD_FOCAL = re.compile(
    r"\b(?:fixed|varifocal|vari-focal|motori[sz]ed|motor|zoom|lens|f\s*=|mm\s*lens)\b",
    re.IGNORECASE,
)
_ZOOM_X = re.compile(r"\b\d+(?:[.,]\d+)?\s*x\b", re.IGNORECASE)
_TEXT_FIELDS = {
    Field.TAG: "tag", Field.SITE: "site", Field.LOCATION: "location", Field.MAKE: "make",
    Field.MODEL: "model", Field.SERIAL: "serial", Field.FIRMWARE: "firmware",
    Field.MOUNT: "mount", Field.NOTES: "notes", Field.DEVICE_TYPE: "device_type",
    Field.DEVICE_STATE: "device_state", Field.RECORDER: "recorder", Field.SWITCH: "switch",
    Field.SWITCH_PORT: "switch_port",
}  # fmt: skip
_LENGTHS = ((Field.HEIGHT, "height_m"), (Field.TARGET_DISTANCE, "target_distance_m"),
            (Field.SCENE_WIDTH, "scene_width_m"))  # fmt: skip


def _clean_lens(text: str) -> str:
    """Strip words around a focal length: "2.8mm fixed", "Varifocal 2.8-12 mm", "f=4mm"."""
    cleaned = _WORD_FOCAL.sub(" ", text).replace("=", " ").strip(" ,;:()")
    return " ".join(cleaned.split())


def split_make_model(text: str) -> tuple[str | None, str | None]:
    """ "Hikvision DS-2CD2143G2-I" → ("Hikvision", "DS-2CD2143G2-I"). One word is a make."""
    parts = text.strip().split(None, 1)
    if not parts:
        return None, None
    if len(parts) == 1:
        return parts[0], None
    return parts[0], parts[1].strip()


@dataclass(slots=True)
class RowParser:
    """Parses data rows with one mapping; ``date_orders`` says how each date column is written."""

    mapping: ColumnMapping
    sink: IssueSink
    date_orders: dict[Field, DateOrder | None] = field(default_factory=dict)
    bare_lengths: dict[Field, tuple[int, str, int]] = field(default_factory=dict)
    """Length columns without a unit: (first row, its text, count of unit-less values)."""
    row: int = 0
    where: dict[Field, tuple[int, str]] = field(default_factory=dict)
    """Each mapped field's column index and header, worked out once per file."""

    def __post_init__(self) -> None:
        self.where = {
            fld: (index, self.mapping.headers[index].strip() or f"column {index + 1}")
            for fld, index in self.mapping.fields.items()
        }

    def issue(self, severity: Severity, column: str | None, value: str | None, msg: str) -> None:
        self.sink.add(severity, msg, self.row, column, value)

    def cell(self, cells: list[str], fld: Field) -> tuple[str, str] | None:
        """(header, text) for a field's non-blank cell, or None."""
        where = self.where.get(fld)
        if where is None or where[0] >= len(cells):
            return None
        text = cells[where[0]]
        if not text or (len(text) <= 7 and text.lower() in _BLANK_WORDS):
            return None
        return where[1], text

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
        except (ValueParseError, QuantityParseError, OverflowError) as exc:
            self.issue(Severity.ERROR, header, text, str(exc) or "not a readable value")
            return None

    def measured(
        self, cells: list[str], fld: Field, name: str, value: float | None
    ) -> float | None:
        """Keep ``value`` only if a later stage can use it (see ``plausible``)."""
        if value is None:
            return None
        verdict = check(name, value)
        if verdict is None:
            return value
        found = self.cell(cells, fld)
        header, text = found if found else (None, None)
        severity, message = verdict
        if severity == "error":
            self.issue(Severity.ERROR, header, text, message)
            return None
        self.issue(Severity.WARNING, header, text, message)
        return value

    def parse(self, row: int, cells: list[str], camera: SurveyCamera) -> None:
        self.row = row
        for fld, attr in _TEXT_FIELDS.items():
            found = self.cell(cells, fld)
            if found is not None:
                setattr(camera, attr, found[1])
        combined = self.cell(cells, Field.MAKE_MODEL)
        if combined is not None:
            make, model = split_make_model(combined[1])
            camera.make = camera.make or make
            camera.model = camera.model or model
        camera.mac = self.parsed(cells, Field.MAC, parse_mac)
        camera.ip_address = self.parsed(cells, Field.IP_ADDRESS, parse_ip)
        self._form(cells, camera)
        self._status(cells, camera)
        self._resolution(cells, camera)
        self._lens(cells, camera)
        hfov = self.parsed(
            cells, Field.HFOV, lambda t: parse_quantity(t, Kind.ANGLE, self.unit(Field.HFOV))
        )
        camera.hfov_deg = self.measured(
            cells, Field.HFOV, "hfov_deg", None if hfov is None else hfov.magnitude
        )
        for fld, attr in _LENGTHS:
            setattr(camera, attr, self._length(cells, fld, attr))
        camera.required_dori = self.parsed(cells, Field.REQUIRED_DORI, parse_dori)
        camera.outdoor = self.parsed(cells, Field.ENVIRONMENT, parse_environment)
        camera.vandal_risk = self.parsed(cells, Field.VANDAL, parse_bool)
        power = self.parsed(
            cells, Field.POWER, lambda t: parse_quantity(t, Kind.POWER, self.unit(Field.POWER))
        )
        camera.power_w = self.measured(
            cells, Field.POWER, "power_w", None if power is None else power.magnitude
        )
        camera.audio = self.parsed(cells, Field.AUDIO, parse_bool)
        camera.alarm_io = self.parsed(cells, Field.ALARM_IO, parse_bool)
        for fld, attr in ((Field.SURVEY_DATE, "survey_date"), (Field.INSTALL_DATE, "install_date")):
            order = self.date_orders.get(fld)

            def read_date(text: str, order: DateOrder | None = order) -> object:
                return parse_sheet_date(text, order)

            setattr(camera, attr, self.parsed(cells, fld, read_date))
        self._identity_from_elsewhere(camera)

    def _length(self, cells: list[str], fld: Field, attr: str) -> float | None:
        """A distance in metres. A bare number with no unit anywhere is read as metres."""
        unit = self.unit(fld)
        found = self.cell(cells, fld)
        if found is None:
            return None
        result = self.parsed(cells, fld, lambda t: parse_quantity(t, Kind.DISTANCE, unit))
        if result is None:
            return None
        if unit is None and result.unit_assumed:
            first = self.bare_lengths.get(fld)
            count = first[2] + 1 if first else 1
            self.bare_lengths[fld] = (
                (first[0], first[1], count) if first else (self.row, found[1], 1)
            )
        return self.measured(cells, fld, attr, float(result.magnitude))

    def _form(self, cells: list[str], camera: SurveyCamera) -> None:
        """A camera form; a device-type word in the same column (IPC, NVR) is the device type."""
        self._or_device_word(cells, camera, Field.FORM_FACTOR, parse_form_factor, "form_factor",
                             is_device_type_word, "device_type")  # fmt: skip

    def _status(self, cells: list[str], camera: SurveyCamera) -> None:
        """Survey progress; a device's own status word (Active, Online) is its device state."""
        self._or_device_word(cells, camera, Field.STATUS, parse_status, "status",
                             is_device_state_word, "device_state")  # fmt: skip

    def _or_device_word(
        self,
        cells: list[str],
        camera: SurveyCamera,
        fld: Field,
        parse: Callable[[str], object],
        attr: str,
        is_word: Callable[[str], bool],
        word_attr: str,
    ) -> None:
        """Parse ``fld`` into ``attr``; a device word instead is kept verbatim in ``word_attr``."""
        found = self.cell(cells, fld)
        if found is None:
            return
        header, text = found
        try:
            setattr(camera, attr, parse(text))
        except ValueParseError as exc:
            if is_word(text):
                setattr(camera, word_attr, getattr(camera, word_attr) or text)
            else:
                self.issue(Severity.ERROR, header, text, str(exc))

    def _identity_from_elsewhere(self, camera: SurveyCamera) -> None:
        """A model written inside the camera's name (the class a model's series implies is
        identification's to say, from its model patterns: it is not guessed here)."""
        if camera.model is None:
            for source, text in (("camera name", camera.tag), ("location", camera.location)):
                model = model_in_text(text) if text else None
                if model:
                    camera.model = model
                    self.issue(
                        Severity.INFO,
                        None,
                        text,
                        f"model {model!r} taken from the {source} (no model given)",
                    )
                    break

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
            camera.megapixels = self.measured(
                cells, Field.RESOLUTION, "megapixels", parse_megapixels(text)
            )
        except ValueParseError:
            self.issue(
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
                self.issue(
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
                    camera.focal_min_mm = self.measured(
                        cells, Field.LENS, "focal_min_mm", low.magnitude
                    )
                    camera.focal_max_mm = self.measured(
                        cells, Field.LENS, "focal_max_mm", high.magnitude
                    )
                except (QuantityParseError, OverflowError) as exc:
                    self.issue(Severity.ERROR, header, text, f"{exc} (a focal length)")
        for fld, attr in ((Field.FOCAL_MIN, "focal_min_mm"), (Field.FOCAL_MAX, "focal_max_mm")):
            unit = self.unit(fld)

            def parse_focal(text: str, unit: str | None = unit) -> ParsedQuantity:
                return parse_quantity(_clean_lens(text), Kind.FOCAL_LENGTH, unit)

            value = self.parsed(cells, fld, parse_focal)
            if value is not None:
                setattr(camera, attr, self.measured(cells, fld, attr, value.magnitude))
        if camera.focal_min_mm is not None and camera.focal_max_mm is None:
            camera.focal_max_mm = camera.focal_min_mm
