"""A project's own settings for the tender, typed, with the defaults every new project gets.

They are stored with the project (the services layer reads and writes them);
the tender renderer and the app both read this one type.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from specassist.domain.formatting import UnitSystem


class Layout(StrEnum):
    """How the specification's sections are numbered and grouped."""

    CSI = "csi"
    """CSI MasterFormat three-part section: Part 1 General, Part 2 Products, Part 3 Execution."""
    NBS = "nbs"
    """UK NBS-style clauses numbered in hundreds (110, 120, …)."""


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
