"""What the package builders need to know about the cameras, as plain counts and rows.

The builders never read survey rows, decisions or offers: the pipeline sums
its per-camera outcomes into these records once, and every part of the
package (pricing schedule, matrix, acceptance certificate, site constraints)
reads the same figures. ``None`` for survey issues means "not supplied", and
the package then leaves that appendix out rather than print "none". Declared
deviations are printed once, with the schedule of cameras they belong to.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from specassist.domain.pricing import PriceNotice
from specassist.tender.package.system_inputs import SystemInputs


@dataclass(frozen=True, slots=True)
class CameraTypeSpec:
    """One replacement camera type as the specification states it."""

    code: str
    description: str
    count: int
    requirements: tuple[tuple[str, str], ...]
    """(requirement, minimum performance) in the specification's words."""


@dataclass(frozen=True, slots=True)
class TypeQuantity:
    type_code: str
    cameras: int
    """Cameras of this type to supply (a position split between two cameras counts two)."""
    mounts: int
    """Cameras of this type that need a bracket or adapter to fit the existing fixing."""
    positions: int = 0
    """Existing cameras they replace (0: one each)."""

    @property
    def removed(self) -> int:
        return self.positions or self.cameras


@dataclass(frozen=True, slots=True)
class SiteScope:
    """What a site's part of the works is: the quantities the pricing schedule asks for."""

    site: str
    types: tuple[TypeQuantity, ...]
    unmatched: int
    """Excluded cameras with no replacement type yet: priced as a provisional sum."""
    at_height: int
    make_good: int = 0
    """Old fixings the new mounts do not cover, to be made good."""

    @property
    def removed(self) -> int:
        return sum(t.removed for t in self.types) + self.unmatched

    @property
    def installed(self) -> int:
        return sum(t.cameras for t in self.types) + self.unmatched


@dataclass(frozen=True, slots=True)
class DeviceLine:
    """One device to accept on site (the acceptance certificate's row)."""

    tag: str
    site: str
    location: str
    type_code: str


@dataclass(frozen=True, slots=True)
class SiteNote:
    """Free text from the survey or the site settings that may trigger a site constraint."""

    site: str
    tag: str
    text: str


@dataclass(frozen=True, slots=True)
class SurveyIssue:
    tag: str
    row: int | None
    message: str


@dataclass(frozen=True)
class PackageInputs:
    surveyed: int
    excluded: int
    unknown: int
    sites: tuple[str, ...]
    types: tuple[CameraTypeSpec, ...]
    scopes: tuple[SiteScope, ...]
    devices: tuple[DeviceLine, ...]
    notes: tuple[SiteNote, ...] = ()
    survey_issues: tuple[SurveyIssue, ...] | None = None
    price_notices: tuple[PriceNotice, ...] = ()
    system: SystemInputs | None = None
    """Recorders, network, other devices and phases; None when the system was not planned."""

    @property
    def to_replace(self) -> int:
        return sum(scope.removed for scope in self.scopes)


@dataclass(frozen=True)
class Money:
    """How the package states money: currency, fixed rates and the rounding rule's inputs."""

    currency: str
    rates: tuple[tuple[str, Decimal], ...] = ()
    price_date: date | None = None
