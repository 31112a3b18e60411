"""A project's own settings for the tender, typed, with the defaults every new project gets.

They are stored with the project (the services layer reads and writes them);
the tender renderer and the app both read this one type.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from pathlib import Path

from specassist.domain.formatting import UnitSystem


class TenderOutput(StrEnum):
    """A file a tender export writes besides the PDF, which it always writes."""

    DOCX = "docx"
    """The document as an editable DOCX."""
    ESTIMATE = "estimate"
    """The client's estimate, a bill of quantities (.xlsx); it is not for bidders."""
    SCHEDULE = "schedule"
    """The bidders' pricing schedule (.xlsx): part of the whole tender package only."""


DEFAULT_OUTPUTS = frozenset({TenderOutput.ESTIMATE})
"""What an export writes besides the PDF until the project says otherwise: the estimate, as
the app always wrote one."""


class Layout(StrEnum):
    """How the specification's sections are numbered and grouped."""

    CSI = "csi"
    """CSI MasterFormat three-part section: Part 1 General, Part 2 Products, Part 3 Execution."""
    NBS = "nbs"
    """A UK work section (CAWS/NBS): clause groups 100 general, 300 products, 600 execution,
    900 completion, each clause numbered within its group (110, 120 …)."""


@dataclass(frozen=True)
class TenderSettings:
    title: str = "Replacement of excluded CCTV cameras"
    project: str = "CCTV camera replacement"
    client: str = ""
    issuer: str = ""
    revision: str = "A"
    issue_date: date = field(default_factory=date.today)
    layout: Layout = Layout.CSI
    section_number: str = "28 23 00"
    """MasterFormat 2004 "Video Surveillance"; the 2016 edition files IP cameras under 28 21 13."""
    units: UnitSystem = UnitSystem.METRIC
    jurisdiction: str = "uk-public"
    """The clause set (``tender/clauses.JURISDICTIONS``): page size, dates, words, declaration."""
    package: bool = False
    """The whole tender package (ITT, contract, forms, pricing schedule) rather than the
    specification with the client's estimate."""
    clauses: Path | None = None
    """A user's edited clause file, used instead of the jurisdiction's own."""
    weights: tuple[tuple[str, int], ...] = ()
    """Evaluation weights for this project (criterion, %); the clause set's when empty."""
    outputs: frozenset[TenderOutput] = DEFAULT_OUTPUTS
    """The files the app's export writes besides the PDF; the pricing schedule only with
    ``package``."""
