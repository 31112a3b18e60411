"""The tender as plain data: what it says, with no idea how it is drawn.

``content`` fills this model from the pipeline's results; ``pdf`` draws it.
Keeping them apart lets tests read the document without parsing a PDF, and
keeps every piece of user text as text until the renderer escapes it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from specassist.domain.project_settings import Layout


class Part(StrEnum):
    GENERAL = "General"
    PRODUCTS = "Products"
    EXECUTION = "Execution"
    APPENDIX = "Appendices"


@dataclass(frozen=True, slots=True)
class Text:
    text: str
    style: str = "body"
    """``body``, ``note`` (smaller, grey), ``label`` (bold lead-in), ``bullet``."""


@dataclass(frozen=True, slots=True)
class Table:
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    widths: tuple[float, ...] = ()
    """Relative column widths; equal when empty."""
    numeric: tuple[int, ...] = ()
    """Columns aligned right (amounts, quantities)."""
    totals: tuple[int, ...] = ()
    """Rows drawn as totals (bold, ruled above)."""


Block = Text | Table


@dataclass(frozen=True, slots=True)
class Section:
    key: str
    """Stable identifier (``scope``, ``compliance`` …) used by tests and numbering."""
    title: str
    part: Part
    blocks: tuple[Block, ...] = ()
    number: str = ""


@dataclass(frozen=True)
class TenderDocument:
    title: str
    project: str
    client: str
    issuer: str
    revision: str
    issue_date: date
    sites: tuple[str, ...]
    fingerprint: str
    layout: Layout
    section_number: str
    sections: tuple[Section, ...] = field(default_factory=tuple)

    def section(self, key: str) -> Section:
        return next(s for s in self.sections if s.key == key)
