"""Figures as results carry them: magnitudes with their unit, never text with units in it.

A requirement, a check or a note is read by the desktop app, the command line,
the PDF and JSON, each in the reader's unit system. So results hold numbers
in canonical units (``Amount``), image detail as a density at a distance
(``Detail``) and sentences with their figures left as figures (``Note``); the
one formatter (``domain/formatting``) turns them into metric or imperial text.
"""

from __future__ import annotations

from dataclasses import dataclass

from specassist.domain import optics
from specassist.domain.survey import DoriLevel

DEG = "deg"
METRE = "m"
MILLIMETRE = "mm"
PIXELS = "px"
PX_PER_M = "px/m"
WATT = "W"
MBIT_S = "Mbit/s"
TERABYTE = "TB"
"""10¹² bytes, as drive makers and recorder datasheets count it."""
UNITS = frozenset({DEG, METRE, MILLIMETRE, PIXELS, PX_PER_M, WATT, MBIT_S, TERABYTE})
"""Canonical units an ``Amount`` may carry; the formatter knows how to write each."""


@dataclass(frozen=True, slots=True)
class Amount:
    """A magnitude in one of the canonical ``UNITS`` (the pint unit's name)."""

    value: float
    unit: str

    def __post_init__(self) -> None:
        if self.unit not in UNITS:
            raise ValueError(f"not a canonical unit: {self.unit!r}")


@dataclass(frozen=True, slots=True)
class Detail:
    """Image detail at a target: pixels per metre there, and (when known) how far it is.

    The IEC 62676-4 level follows from the density, so it is never stored apart
    from it and can never disagree with it.
    """

    density_px_per_m: float
    distance_m: float | None = None

    @property
    def level(self) -> DoriLevel | None:
        return optics.dori_level(self.density_px_per_m)


Figure = Amount | Detail | str | bool | None
"""Anything a check or a note may say about a model or a requirement."""


@dataclass(frozen=True, slots=True)
class Note:
    """A sentence whose figures stay figures: ``template`` has one ``{}`` per argument.

    >>> Note("{} wide at {} (survey)", (Amount(6, "m"), Amount(8, "m")))
    """

    template: str
    args: tuple[Figure, ...] = ()

    def __post_init__(self) -> None:
        if self.template.count("{}") != len(self.args):
            raise ValueError(f"note {self.template!r} takes {self.template.count('{}')} figures")


def deg(value: float) -> Amount:
    return Amount(value, DEG)


def metres(value: float) -> Amount:
    return Amount(value, METRE)


def pixels(value: float) -> Amount:
    return Amount(value, PIXELS)


def px_per_m(value: float) -> Amount:
    return Amount(value, PX_PER_M)


def watts(value: float) -> Amount:
    return Amount(value, WATT)


def mbit_s(value: float) -> Amount:
    return Amount(value, MBIT_S)


def terabytes(value: float) -> Amount:
    return Amount(value, TERABYTE)
