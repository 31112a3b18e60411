"""The one place quantities become text, for the UI and the PDF alike.

Unknown values are shown as "unknown", never as a blank or a zero, so a
reader can tell "the survey does not say" from "none".
"""

from __future__ import annotations

from enum import StrEnum

from specassist.domain.units import quantity

UNKNOWN = "unknown"


class UnitSystem(StrEnum):
    METRIC = "metric"
    IMPERIAL = "imperial"


def _number(value: float, digits: int = 2) -> str:
    text = f"{value:.{digits}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def length(metres: float | None, system: UnitSystem = UnitSystem.METRIC) -> str:
    if metres is None:
        return UNKNOWN
    if system is UnitSystem.IMPERIAL:
        return f"{_number(quantity(metres, 'm').to('ft').magnitude, 1)} ft"
    return f"{_number(metres, 2)} m"


def focal_range(low_mm: float | None, high_mm: float | None) -> str:
    if low_mm is None:
        return UNKNOWN
    if high_mm is None or abs(high_mm - low_mm) < 1e-9:
        return f"{_number(low_mm)} mm"
    return f"{_number(low_mm)}–{_number(high_mm)} mm"


def angle(degrees: float | None) -> str:
    return UNKNOWN if degrees is None else f"{_number(degrees, 1)}°"


def power(watts: float | None) -> str:
    return UNKNOWN if watts is None else f"{_number(watts)} W"


def yes_no(value: bool | None, yes: str = "yes", no: str = "no") -> str:
    return UNKNOWN if value is None else (yes if value else no)


def density(px_per_m: float | None, system: UnitSystem = UnitSystem.METRIC) -> str:
    """Pixel density in px/m, or px/ft for imperial reports."""
    if px_per_m is None:
        return UNKNOWN
    if system is UnitSystem.IMPERIAL:
        return f"{_number(quantity(px_per_m, 'px/m').to('px/ft').magnitude, 1)} px/ft"
    return f"{_number(px_per_m, 1)} px/m"
