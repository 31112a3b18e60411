"""The one pint registry of the application, and tolerant parsing of quantities.

Surveys and datasheets write quantities in many ways ("2.8mm", "2,8 mm", "98 ft",
"-30 °C", "103°", "30 mtrs"). Everything that reads such text goes through
:func:`parse_quantity` or :func:`parse_range`, so the rules for what is accepted
live in one place and every caller reports the same, precise errors.

The registry is built lazily on first use: it costs about 0.2 s, which the
application should not pay before its window is on screen.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from enum import Enum
from typing import Any

Quantity = Any
"""A ``pint.Quantity``. pint's generic types do not help mypy, so the alias documents intent."""


@functools.cache
def registry() -> Any:
    """Return the application's single unit registry.

    pint's default ``px`` is a CSS length; a camera pixel is a count with its
    own dimension, so ``px``, ``px/m`` and ``px/ft`` mean image pixels here.
    """
    import pint  # here, not at the top: importing pint (and numpy under it) costs start-up time

    ureg: Any = pint.UnitRegistry(on_redefinition="ignore", autoconvert_offset_to_baseunit=True)
    ureg.define("image_pixel = [image_pixel] = px = pixel = pixels")
    ureg.define("megapixel = 1e6 * image_pixel = MP")
    return ureg


def _errors() -> Any:
    import pint.errors

    return pint.errors


def quantity(magnitude: float, unit: str) -> Quantity:
    """Build a quantity in the application registry."""
    return registry().Quantity(magnitude, unit)


class Kind(Enum):
    """The kinds of quantity the application reads, each with its canonical unit.

    The canonical unit is what storage keeps (column names end in it) and what
    a bare number means when nothing else says otherwise.
    """

    FOCAL_LENGTH = ("mm", "[length]", "a length such as '2.8 mm'")
    DISTANCE = ("m", "[length]", "a distance such as '12 m' or '40 ft'")
    ANGLE = ("deg", "", "an angle such as '103°'")
    TEMPERATURE = ("degC", "[temperature]", "a temperature such as '-30 °C'")
    POWER = ("W", "[mass] * [length] ** 2 / [time] ** 3", "a power such as '12.95 W'")
    PIXEL_DENSITY = ("px/m", "[image_pixel] / [length]", "a pixel density such as '125 px/m'")
    LEVEL_DB = ("dB", "", "a level in decibels such as '120 dB'")
    BITRATE = ("Mbit/s", "[information] / [time]", "a bitrate such as '256 Mbit/s'")
    STORAGE = ("TB", "[information]", "a capacity such as '32 TB'")

    def __init__(self, canonical: str, dimensionality: str, example: str) -> None:
        self.canonical = canonical
        self.dimensionality_text = dimensionality
        self.example = example


class QuantityParseError(ValueError):
    """Text that is not a quantity of the expected kind; the message says what was expected."""


@dataclass(frozen=True, slots=True)
class ParsedQuantity:
    """A parsed value in canonical units, with whether the unit had to be assumed."""

    magnitude: float
    kind: Kind
    unit_assumed: bool


# Spellings pint does not know, mapped to ones it does. Keys are lower case.
_UNIT_ALIASES: dict[str, str] = {
    "°": "deg",
    "º": "deg",
    "degs": "deg",
    "degrees": "deg",
    "°c": "degC",
    "ºc": "degC",
    "c": "degC",
    "deg c": "degC",
    "degc": "degC",
    "celsius": "degC",
    "°f": "degF",
    "ºf": "degF",
    "f": "degF",
    "deg f": "degF",
    "degf": "degF",
    "fahrenheit": "degF",
    "'": "ft",
    "’": "ft",
    "′": "ft",
    "ft.": "ft",
    "feet": "ft",
    "foot": "ft",
    '"': "inch",
    "″": "inch",
    "in.": "inch",
    "in": "inch",
    "mtr": "m",
    "mtrs": "m",
    "metre": "m",
    "metres": "m",
    "meters": "m",
    "meter": "m",
    "w.": "W",
    "watt": "W",
    "watts": "W",
    "db": "dB",
    "ppm": "px/m",
    "px/m": "px/m",
    "ppf": "px/ft",
    "px/ft": "px/ft",
    "kbps": "kbit/s",
    "mbps": "Mbit/s",
    "gbps": "Gbit/s",
    "gb": "GB",
    "tb": "TB",
}

_NUMBER = r"[+\-−]?\d+(?:[.,]\d+)?"
_QUANTITY_RE = re.compile(rf"^\s*({_NUMBER})\s*(.*?)\s*$")
# A range: "2.8-12mm", "2.8 – 12 mm", "2.8~12 mm", "2.8 to 12mm", "2.8mm-12mm".
_RANGE_RE = re.compile(
    rf"^\s*({_NUMBER})\s*([^\d\s~–—-][^\d~–—-]*?)?\s*(?:-|–|—|~|to)\s*({_NUMBER})\s*(.*?)\s*$",
    re.IGNORECASE,
)


def _to_float(number: str) -> float:
    """Read a number written with a decimal point or a decimal comma."""
    text = number.replace("−", "-")
    if "," in text:
        whole, _, frac = text.partition(",")
        # "1,200" is a thousands separator; "2,8" is a decimal comma.
        text = whole + frac if len(frac) == 3 else f"{whole}.{frac}"
    return float(text)


@functools.lru_cache(maxsize=4096)
def _unit_factor(unit_text: str, kind: Kind) -> tuple[float, float] | None:
    """Return (scale, offset) converting ``unit_text`` to the kind's canonical unit.

    Cached because surveys repeat the same few units thousands of times and
    pint's parser is the slow part of reading a cell.
    """
    key = unit_text.strip().lower()
    name = _UNIT_ALIASES.get(key, unit_text.strip())
    ureg = registry()
    try:
        unit = ureg.parse_units(name)
    except (_errors().UndefinedUnitError, _errors().DefinitionSyntaxError, ValueError):
        return None
    except Exception:  # pint raises assorted errors for odd text; none is the caller's fault
        return None
    try:
        zero = ureg.Quantity(0.0, unit).to(kind.canonical).magnitude
        one = ureg.Quantity(1.0, unit).to(kind.canonical).magnitude
    except _errors().DimensionalityError:
        return None
    return (float(one - zero), float(zero))


def _convert(value: float, unit_text: str, kind: Kind, default_unit: str | None) -> ParsedQuantity:
    unit_assumed = False
    if not unit_text:
        unit_text = default_unit or kind.canonical
        unit_assumed = default_unit is None
    factor = _unit_factor(unit_text, kind)
    if factor is None:
        raise QuantityParseError(f"unit '{unit_text}' is not {kind.example}")
    scale, offset = factor
    # Rounded so that -22 °F reads back as -30 °C, not -29.999999999999687.
    return ParsedQuantity(round(value * scale + offset, 9), kind, unit_assumed)


def parse_quantity(text: str, kind: Kind, default_unit: str | None = None) -> ParsedQuantity:
    """Parse one quantity, converting it to the kind's canonical unit.

    ``default_unit`` applies when the text is a bare number (for example the
    unit was given in a column header). With neither, the canonical unit is
    assumed and ``unit_assumed`` says so, so the caller can warn.
    """
    match = _QUANTITY_RE.match(text)
    if not match:
        raise QuantityParseError(f"expected {kind.example}")
    return _convert(_to_float(match.group(1)), match.group(2), kind, default_unit)


def parse_range(
    text: str, kind: Kind, default_unit: str | None = None
) -> tuple[ParsedQuantity, ParsedQuantity]:
    """Parse a single value or a range ("2.8-12 mm") into (low, high).

    A single value gives (value, value). A unit written only after the second
    number applies to both ends. The ends are returned in ascending order.
    """
    match = _RANGE_RE.match(text)
    if not match:
        single = parse_quantity(text, kind, default_unit)
        return single, single
    low_num, low_unit, high_num, high_unit = match.groups()
    high_unit = high_unit or ""
    low_unit = (low_unit or "").strip() or high_unit
    low = _convert(_to_float(low_num), low_unit, kind, default_unit)
    high = _convert(_to_float(high_num), high_unit, kind, default_unit)
    if low.magnitude > high.magnitude:
        low, high = high, low
    return low, high


def unit_from_header(header: str) -> str | None:
    """Return the unit named in a header such as "Height (ft)" or "Distance [m]", if any."""
    match = re.search(r"[(\[]\s*([^()\[\]]+?)\s*[)\]]\s*$", header)
    if not match:
        return None
    text = match.group(1)
    key = text.lower()
    name = _UNIT_ALIASES.get(key, text)
    try:
        registry().parse_units(name)
    except Exception:
        return None
    return name
