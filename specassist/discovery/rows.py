"""Discovered devices as survey rows, read by the survey importer's own validation.

Each device becomes a row of text under headers the importer recognises, and
the whole table goes through ``import_table``: a MAC, an address or anything
else the importer would reject in a file is rejected here the same way, with
the same issue. What only discovery knows is added as issues on the same row:
sources that disagree (a warning) and what could not be asked (a note).
"""

from __future__ import annotations

from specassist.discovery.records import DeviceField, DeviceRecord
from specassist.domain.issues import InputIssue, Severity
from specassist.survey.importer import SurveyImport, import_table
from specassist.survey.readers import RawTable

SOURCE = "network discovery"
CLASS_COLUMN = "Device class"
FOUND_BY_COLUMN = "Found by"
_HEADERS = ["Name", "Make", "Model", "Serial number", "Firmware", "MAC address", "IP address",
            CLASS_COLUMN, FOUND_BY_COLUMN]  # fmt: skip
_FIELD_COLUMNS = {
    DeviceField.MAKER: "Make",
    DeviceField.MODEL: "Model",
    DeviceField.SERIAL: "Serial number",
    DeviceField.FIRMWARE: "Firmware",
    DeviceField.MAC: "MAC address",
    DeviceField.NAME: "Name",
}
# Kept verbatim on every camera (its extra fields), not interpreted by the importer.
COLUMN_MAP = {CLASS_COLUMN: "extra", FOUND_BY_COLUMN: "extra"}


def _tag(record: DeviceRecord) -> str:
    """The name the device reports, unless it is only its serial number again."""
    name = record.value(DeviceField.NAME) or ""
    return "" if name == record.value(DeviceField.SERIAL) else name


def found_by(record: DeviceRecord) -> str:
    """``model ← onvif GetDeviceInformation/Model, sadp ProbeMatch/DeviceDescription; …``"""
    parts = []
    for fld in DeviceField:
        sources = record.sources(fld)
        if sources:
            parts.append(f"{fld} ← " + ", ".join(f.describe() for f in sources))
    return "; ".join(parts)


def row_cells(record: DeviceRecord) -> list[str]:
    classes = dict.fromkeys(f.value for f in record.sources(DeviceField.DEVICE_CLASS))
    return [
        _tag(record),
        record.value(DeviceField.MAKER) or "",
        record.value(DeviceField.MODEL) or "",
        record.value(DeviceField.SERIAL) or "",
        record.value(DeviceField.FIRMWARE) or "",
        record.value(DeviceField.MAC) or "",
        record.address,
        ", ".join(classes),
        found_by(record),
    ]


def _discovery_issues(record: DeviceRecord, row: int) -> list[InputIssue]:
    issues = []
    for fld in record.conflicts():
        said = "; ".join(f"{f.value!r} ({f.describe()})" for f in record.sources(fld))
        issues.append(
            InputIssue(
                Severity.WARNING,
                f"sources disagree on the {fld}: {said}; the first is used",
                SOURCE,
                row,
                _FIELD_COLUMNS.get(fld),
                record.value(fld),
            )
        )
    issues += [InputIssue(Severity.INFO, note, SOURCE, row) for note in record.notes]
    return issues


def survey_import(records: list[DeviceRecord], detail: str) -> SurveyImport:
    """The devices as an import: cameras, every issue by row (row n is device n), the mapping."""
    rows = [(0, list(_HEADERS))] + [(n, row_cells(r)) for n, r in enumerate(records, start=1)]
    result = import_table(RawTable(SOURCE, rows, detail), COLUMN_MAP)
    result.issues = [
        issue
        for issue in result.issues
        if not (issue.severity is Severity.INFO and issue.column in COLUMN_MAP and issue.row == 0)
    ]
    for n, record in enumerate(records, start=1):
        result.issues.extend(_discovery_issues(record, n))
    result.issues.sort(key=lambda i: i.row or 0)
    return result
