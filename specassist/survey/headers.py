"""Map a survey's column headers onto SurveyCamera fields.

Surveys come from many hands: "Cam Ref", "Camera ID", "Asset No." all mean the
camera's tag. Headers are normalised (case, punctuation and a trailing unit
such as "(ft)" removed) and looked up in a synonym table. When no synonym
matches exactly, a close misspelling of one is accepted ("Mounting Hieght",
"Manufacterer"), then a header that ends or starts with a synonym
("Existing camera manufacturer" → make), longest synonym first so that
"camera model" beats "camera". Columns that match nothing are kept as extra
fields, never dropped. What a column's values show can still overrule its
header (``survey/columns.py``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from difflib import SequenceMatcher, get_close_matches
from enum import StrEnum

from specassist.domain.units import unit_from_header


class Field(StrEnum):
    """The survey fields SpecAssist interprets. ``MAKE_MODEL`` is a combined column."""

    TAG = "tag"
    SITE = "site"
    LOCATION = "location"
    MAKE = "make"
    MODEL = "model"
    MAKE_MODEL = "make_model"
    SERIAL = "serial"
    MAC = "mac"
    IP_ADDRESS = "ip_address"
    FIRMWARE = "firmware"
    FORM_FACTOR = "form_factor"
    RESOLUTION = "resolution"
    LENS = "lens"
    FOCAL_MIN = "focal_min"
    FOCAL_MAX = "focal_max"
    HFOV = "hfov"
    MOUNT = "mount"
    RECORDER = "recorder"
    SWITCH = "switch"
    SWITCH_PORT = "switch_port"
    HEIGHT = "height"
    TARGET_DISTANCE = "target_distance"
    SCENE_WIDTH = "scene_width"
    REQUIRED_DORI = "required_dori"
    ENVIRONMENT = "environment"
    VANDAL = "vandal"
    POWER = "power"
    AUDIO = "audio"
    ALARM_IO = "alarm_io"
    STATUS = "status"
    NOTES = "notes"
    DEVICE_TYPE = "device_type"
    DEVICE_STATE = "device_state"
    SURVEY_DATE = "survey_date"
    INSTALL_DATE = "install_date"


# Normalised synonyms (see ``normalise_header``). Order inside a list does not matter.
SYNONYMS: dict[Field, tuple[str, ...]] = {
    Field.TAG: (
        "tag",
        "cam ref",
        "camera ref",
        "camera reference",
        "ref",
        "reference",
        "camera id",
        "cam id",
        "id",
        "camera no",
        "cam no",
        "camera number",
        "asset",
        "asset no",
        "asset id",
        "asset tag",
        "asset number",
        "camera name",
        "name",
        "camera",
        "cam",
        "channel name",
        "device name",
        "point",
        "camera tag",
        "hardware name",
        "display name",
        "camera title",
    ),
    Field.SITE: (
        "site",
        "building",
        "site name",
        "property",
        "premises",
        "station",
        "campus",
        "facility",
        "estate",
        "block",
    ),
    Field.LOCATION: (
        "location",
        "area",
        "position",
        "description",
        "camera location",
        "zone",
        "room",
        "view",
        "coverage",
        "where",
        "floor",
        "location description",
    ),
    Field.MAKE: (
        "make",
        "manufacturer",
        "brand",
        "vendor",
        "mfr",
        "mfg",
        "maker",
        "camera make",
        "camera manufacturer",
        "camera brand",
        "oem",
    ),
    Field.MODEL: (
        "model",
        "model no",
        "model number",
        "model nr",
        "part number",
        "part no",
        "sku",
        "camera model",
        "product",
        "product code",
        "type number",
        "model name",
        "device model",
        "hardware model",
        "product model",
        "modelname",
    ),
    Field.MAKE_MODEL: (
        "make model",
        "make and model",
        "make & model",
        "manufacturer model",
        "make/model",
        "brand model",
        "camera type model",
    ),
    Field.SERIAL: (
        "serial",
        "serial no",
        "serial number",
        "s n",
        "sn",
        "device serial no",
        "device serial number",
        "serialnumber",
    ),
    Field.MAC: (
        "mac",
        "mac address",
        "mac addr",
        "hw address",
        "hardware address",
        "ethernet",
        "macaddress",
        "physical address",
    ),
    Field.IP_ADDRESS: (
        "ip",
        "ip address",
        "ip addr",
        "ipv4",
        "address ip",
        "network address",
        "ipv4 address",
        "ipaddress",
        "ip camera address",
    ),
    Field.FIRMWARE: (
        "firmware",
        "firmware version",
        "fw",
        "fw version",
        "software version",
        "version",
    ),
    Field.FORM_FACTOR: (
        "form",
        "form factor",
        "type",
        "camera type",
        "style",
        "body",
        "housing",
        "camera style",
        "format",
    ),
    Field.RESOLUTION: (
        "resolution",
        "mp",
        "megapixel",
        "megapixels",
        "pixels",
        "image resolution",
        "sensor resolution",
        "res",
    ),
    Field.LENS: ("lens", "focal length", "focal", "lens mm", "lens size", "focal range", "f"),
    Field.FOCAL_MIN: ("focal min", "min focal length", "lens min", "focal length min"),
    Field.FOCAL_MAX: ("focal max", "max focal length", "lens max", "focal length max"),
    Field.HFOV: (
        "hfov",
        "horizontal fov",
        "fov",
        "field of view",
        "angle of view",
        "horizontal angle",
        "viewing angle",
        "horizontal field of view",
        "aov",
    ),
    Field.MOUNT: (
        "mount",
        "mounting",
        "mount type",
        "bracket",
        "fixing",
        "mounted on",
        "mounting type",
        "installation",
        "mounting surface",
    ),
    # Never plain "port": tool exports use it for the device's own service port (8000, 37777).
    Field.RECORDER: (
        "recorder",
        "nvr",
        "dvr",
        "recorded on",
        "records to",
        "recording device",
        "recorder name",
        "recorder tag",
        "nvr name",
        "video recorder",
    ),
    Field.SWITCH: ("switch", "network switch", "poe switch", "switch name", "connected switch"),
    Field.SWITCH_PORT: ("switch port", "poe port", "switch port no", "port on switch"),
    Field.HEIGHT: (
        "height",
        "mounting height",
        "mount height",
        "install height",
        "camera height",
        "installation height",
        "height above ground",
    ),
    Field.TARGET_DISTANCE: (
        "distance",
        "distance to target",
        "target distance",
        "range",
        "subject distance",
        "viewing distance",
        "distance to subject",
        "target range",
        "dist",
    ),
    Field.SCENE_WIDTH: (
        "scene width",
        "field width",
        "view width",
        "width of view",
        "target width",
        "coverage width",
        "width",
    ),
    Field.REQUIRED_DORI: (
        "dori",
        "required dori",
        "detail level",
        "purpose",
        "operational requirement",
        "or",
        "image detail",
        "required detail",
        "observation category",
    ),
    Field.ENVIRONMENT: (
        "environment",
        "env",
        "indoor outdoor",
        "internal external",
        "int ext",
        "indoor",
        "outdoor",
        "in out",
        "location type",
        "external",
    ),
    Field.VANDAL: ("vandal", "vandal risk", "vandal resistant", "ik required", "vandal proof"),
    Field.POWER: ("power", "poe", "power draw", "power consumption", "max power", "watts"),
    Field.AUDIO: ("audio", "microphone", "mic", "speaker"),
    Field.ALARM_IO: ("alarm", "alarm io", "alarm i o", "io", "i o", "alarm inputs"),
    Field.STATUS: ("status", "survey status", "state", "visited", "access"),
    Field.DEVICE_TYPE: (
        "device type",
        "device class",
        "product type",
        "equipment type",
        "device category",
        "hardware type",
        "type of device",
        "producttype",
    ),
    Field.DEVICE_STATE: (
        "device status",
        "device state",
        "online status",
        "connection status",
        "activation status",
        "camera status",
        "connection state",
    ),
    Field.SURVEY_DATE: (
        "survey date",
        "date surveyed",
        "date",
        "surveyed on",
        "visit date",
        "inspection date",
        "date of survey",
    ),
    Field.INSTALL_DATE: (
        "install date",
        "installation date",
        "installed",
        "date installed",
        "installed on",
        "commissioned",
        "commissioning date",
    ),
    Field.NOTES: (
        "notes",
        "note",
        "comments",
        "comment",
        "remarks",
        "observations",
        "surveyor notes",
    ),
}

_LOOKUP: dict[str, Field] = {syn: f for f, syns in SYNONYMS.items() for syn in syns}
_BY_LENGTH: list[tuple[str, Field]] = sorted(_LOOKUP.items(), key=lambda kv: -len(kv[0]))
_TRAILING_UNIT = re.compile(r"\s*[(\[][^()\[\]]*[)\]]\s*$")
_NON_WORD = re.compile(r"[^0-9a-z&/]+")
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")
"""Where exports run words together: "HardwareName", "MacAddress" (Milestone, Nx)."""


def normalise_header(header: str) -> str:
    """Lower-case, drop a trailing "(unit)" and turn punctuation into single spaces.

    "Model No." → "model no"; "Distance to target (ft)" → "distance to target";
    "MAC_Address" and "MacAddress" → "mac address". ``&`` and ``/`` survive so that "Make/Model"
    stays distinguishable from "Make Model", then are spaced out for matching.
    """
    text = _CAMEL.sub(" ", header.strip())
    text = _TRAILING_UNIT.sub("", text.lower())
    text = text.replace("#", " no ").replace("№", " no ")
    text = _NON_WORD.sub(" ", text).strip()
    return text


def match_header(header: str) -> Field | None:
    """The field a header names, or None."""
    found = _match(header)
    return None if found is None else found[0]


_FUZZY_KEYS = [syn for syn in _LOOKUP if len(syn) >= 5]


def _close_words(a: str, b: str) -> bool:
    """Word by word: "mounting hieght" ~ "mounting height", but "camera note" !~ "camera no"."""
    left, right = a.split(), b.split()
    if len(left) != len(right):
        return False
    for x, y in zip(left, right, strict=True):
        if x == y:
            continue
        if min(len(x), len(y)) < 4 or SequenceMatcher(None, x, y).ratio() < 0.75:
            return False
    return True


def _fuzzy(plain: str) -> Field | None:
    """A synonym the header misspells: "Manufacterer", "Camera Modle", "Mounting Hieght"."""
    if len(plain) < 5 or len(plain) > 40:
        return None
    for candidate in get_close_matches(plain, _FUZZY_KEYS, n=3, cutoff=0.85):
        if _close_words(plain, candidate):
            return _LOOKUP[candidate]
    return None


def _match(header: str) -> tuple[Field, bool] | None:
    """(field, exact) for a header: exact synonym, a misspelt one, else a prefix or suffix."""
    key = normalise_header(header)
    if not key:
        return None
    plain = " ".join(key.replace("/", " ").replace("&", " ").split())
    for candidate in (key, plain, plain.replace(" ", "")):
        if candidate in _LOOKUP:
            return _LOOKUP[candidate], True
    fuzzy = _fuzzy(plain)
    if fuzzy is not None:
        return fuzzy, False
    for synonym, fld in _BY_LENGTH:
        if len(synonym) < 3:
            continue
        if plain.endswith(" " + synonym) or plain.startswith(synonym + " "):
            return fld, False
    return None


@dataclass(slots=True)
class ColumnMapping:
    """Which column index feeds which field, and the unit a header declares."""

    fields: dict[Field, int] = field(default_factory=dict)
    units: dict[int, str] = field(default_factory=dict)
    extra: dict[int, str] = field(default_factory=dict)
    """Columns kept verbatim, by index, with their header text."""
    headers: list[str] = field(default_factory=list)

    def describe(self) -> dict[str, str]:
        """Header text → field name (or "extra"), for reports."""
        out = {self.headers[i]: f.value for f, i in self.fields.items()}
        out.update(dict.fromkeys(self.extra.values(), "extra"))
        return out


def map_headers(headers: list[str], overrides: dict[str, str] | None = None) -> ColumnMapping:
    """Build the mapping for one header row.

    ``overrides`` maps a header text (as written) to a field name, or to
    ``"extra"`` to keep a column uninterpreted; it wins over the synonyms.
    When two columns name the same field, the first wins and the second is
    kept as an extra so nothing is lost.
    """
    overrides = {normalise_header(k): v for k, v in (overrides or {}).items()}
    mapping = ColumnMapping(headers=list(headers))
    candidates: list[tuple[int, Field, bool]] = []
    for index, header in enumerate(headers):
        if not header.strip():
            continue
        unit = unit_from_header(header)
        if unit:
            mapping.units[index] = unit
        chosen = overrides.get(normalise_header(header))
        if chosen is not None:
            if chosen == "extra":
                mapping.extra[index] = header.strip()
            else:
                candidates.append((index, Field(chosen), True))
            continue
        found = _match(header)
        if found is None:
            mapping.extra[index] = header.strip()
        else:
            candidates.append((index, *found))
    # Exact names first, so "Model" wins over "Replacement model" wherever it stands.
    for index, fld, _exact in sorted(candidates, key=lambda c: (not c[2], c[0])):
        if fld in mapping.fields:
            mapping.extra[index] = headers[index].strip()
        else:
            mapping.fields[fld] = index
    mapping.extra = dict(sorted(mapping.extra.items()))
    return mapping


def find_header_row(rows: list[tuple[int, list[str]]], look_ahead: int = 15) -> int | None:
    """Index (into ``rows``) of the header row: the first of the top rows naming two fields.

    Survey sheets often start with a title, a client name or a blank line; the
    header is the first row where at least two cells are recognised headers.
    Among ties the row with most recognised cells wins. A row holding values
    (model numbers, addresses, measurements) is data, even when some of its
    words happen to be header words ("Camera", "Indoor"), so a file without a
    header row is reported instead of losing its first camera to the header.
    """
    best: tuple[int, int] | None = None
    for position, (_, cells) in enumerate(rows[:look_ahead]):
        if sum(1 for c in cells if looks_like_value(c)) >= 2:
            continue
        recognised = len({f for c in cells if len(c) <= 60 and (f := match_header(c)) is not None})
        if recognised >= 2 and (best is None or recognised > best[1]):
            best = (position, recognised)
    return None if best is None else best[0]


_VALUE_SHAPES = re.compile(
    r"^\s*(?:[+-]?\d+(?:[.,]\d+)?\s*(?:m|mm|ft|cm|°|deg|w|mp|px)?"
    r"|(?:[0-9a-f]{2}[:\-]){5}[0-9a-f]{2}"
    r"|\d{1,3}(?:\.\d{1,3}){3}(?::\d+)?)\s*$",
    re.IGNORECASE,
)


def looks_like_value(cell: str) -> bool:
    """A cell no header would hold: a number or measurement, a MAC, an IP, a model number."""
    from specassist.domain.device_words import is_model_number

    text = cell.strip()
    return bool(text) and (_VALUE_SHAPES.match(text) is not None or is_model_number(text))


FIELD_LABELS: dict[Field, str] = {
    Field.TAG: "Camera tag / name", Field.SITE: "Site", Field.LOCATION: "Location",
    Field.MAKE: "Make (manufacturer)", Field.MODEL: "Model number",
    Field.MAKE_MODEL: "Make and model in one cell", Field.SERIAL: "Serial number",
    Field.MAC: "MAC address", Field.IP_ADDRESS: "IP address", Field.FIRMWARE: "Firmware version",
    Field.FORM_FACTOR: "Camera form (dome, bullet …)", Field.RESOLUTION: "Resolution",
    Field.LENS: "Lens (focal length)", Field.FOCAL_MIN: "Focal length, shortest",
    Field.FOCAL_MAX: "Focal length, longest", Field.HFOV: "Horizontal field of view (angle)",
    Field.MOUNT: "Mounting", Field.HEIGHT: "Mounting height",
    Field.TARGET_DISTANCE: "Distance to target", Field.SCENE_WIDTH: "Scene width",
    Field.REQUIRED_DORI: "Required detail (DORI)", Field.ENVIRONMENT: "Indoor / outdoor",
    Field.VANDAL: "Vandal risk", Field.POWER: "Power", Field.AUDIO: "Audio",
    Field.ALARM_IO: "Alarm inputs/outputs", Field.STATUS: "Survey status",
    Field.NOTES: "Notes", Field.DEVICE_TYPE: "Device type (IPC, NVR, door station …)",
    Field.DEVICE_STATE: "Device state (Active, Online …)", Field.SURVEY_DATE: "Survey date",
    Field.INSTALL_DATE: "Installation date",
    Field.RECORDER: "Recorder it records to", Field.SWITCH: "Network switch",
    Field.SWITCH_PORT: "Switch port",
}  # fmt: skip
"""What the column-mapping dialog shows for each field."""

EXTRA_LABEL = "Keep as an extra column (not interpreted)"


def field_labels() -> dict[str, str]:
    """Field name → human label, in form order, plus ``"extra"``: the mapping dialog's choices."""
    labels = {f.value: FIELD_LABELS[f] for f in Field}
    labels["extra"] = EXTRA_LABEL
    return labels
