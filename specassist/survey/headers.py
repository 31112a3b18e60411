"""Map a survey's column headers onto SurveyCamera fields.

Surveys come from many hands: "Cam Ref", "Camera ID", "Asset No." all mean the
camera's tag. Headers are normalised (case, punctuation and a trailing unit
such as "(ft)" removed) and looked up in a synonym table. When no synonym
matches exactly, a header that ends or starts with a synonym is accepted
("Existing camera manufacturer" → make), longest synonym first so that
"camera model" beats "camera". Columns that match nothing are kept as extra
fields, never dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
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
    Field.SERIAL: ("serial", "serial no", "serial number", "s n", "sn"),
    Field.MAC: ("mac", "mac address", "mac addr", "hw address", "hardware address", "ethernet"),
    Field.IP_ADDRESS: ("ip", "ip address", "ip addr", "ipv4", "address ip", "network address"),
    Field.FIRMWARE: ("firmware", "firmware version", "fw", "fw version", "software version"),
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


def normalise_header(header: str) -> str:
    """Lower-case, drop a trailing "(unit)" and turn punctuation into single spaces.

    "Model No." → "model no"; "Distance to target (ft)" → "distance to target";
    "MAC_Address" → "mac address". ``&`` and ``/`` survive so that "Make/Model"
    stays distinguishable from "Make Model", then are spaced out for matching.
    """
    text = _TRAILING_UNIT.sub("", header.strip().lower())
    text = text.replace("#", " no ").replace("№", " no ")
    text = _NON_WORD.sub(" ", text).strip()
    return text


def match_header(header: str) -> Field | None:
    """The field a header names, or None."""
    found = _match(header)
    return None if found is None else found[0]


def _match(header: str) -> tuple[Field, bool] | None:
    """(field, exact) for a header: exact synonym, else a synonym it starts or ends with."""
    key = normalise_header(header)
    if not key:
        return None
    plain = " ".join(key.replace("/", " ").replace("&", " ").split())
    for candidate in (key, plain):
        if candidate in _LOOKUP:
            return _LOOKUP[candidate], True
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
    Among ties the row with most recognised cells wins.
    """
    best: tuple[int, int] | None = None
    for position, (_, cells) in enumerate(rows[:look_ahead]):
        recognised = len({f for c in cells if (f := match_header(c)) is not None})
        if recognised >= 2 and (best is None or recognised > best[1]):
            best = (position, recognised)
    return None if best is None else best[0]
