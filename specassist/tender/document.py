"""The tender as plain data: what it says, with no idea how it is drawn.

``content`` and the ``package`` builders fill this model; ``pdf`` and ``docx``
draw it. Keeping them apart lets tests read the document without parsing a
file, makes the PDF and the DOCX say the same things under the same numbers,
and keeps every piece of user text as text until a renderer escapes it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from enum import StrEnum

from specassist.domain.plan_drawing import PlanDrawing
from specassist.domain.project_settings import Layout
from specassist.tender.textfit import NB_HYPHEN, NBSP


class Part(StrEnum):
    """Where a section sits inside the specification."""

    GENERAL = "General"
    PRODUCTS = "Products"
    EXECUTION = "Execution"
    COMPLETION = "Completion"
    """Testing, acceptance, records and training: CSI files them under Execution."""
    APPENDIX = "Appendices"


class PackagePart(StrEnum):
    """The documents a tender package is made of, in issue order."""

    ITT = "itt"
    SPECIFICATION = "specification"
    CONTRACT = "contract"
    FORM_OF_TENDER = "form"
    PRICING = "pricing"
    APPENDICES = "appendices"


class PageSize(StrEnum):
    A4 = "A4"
    LETTER = "Letter"


class DateStyle(StrEnum):
    """How dates are written: 27 November 2026 (UK) or November 27, 2026 (US)."""

    UK = "uk"
    US = "us"

    def written(self, day: date) -> str:
        month = day.strftime("%B")  # the C locale's English month names, whatever the machine
        if self is DateStyle.US:
            return f"{month} {day.day}, {day.year}"
        return f"{day.day} {month} {day.year}"


def nobreak(token: str) -> str:
    """A model number or reference that no renderer may break across lines.

    Spaces and hyphens become their non-breaking forms (U+00A0, U+2011); every
    renderer wraps only at ASCII spaces and writes ASCII back where text is
    searched or copied, so "DS-2CD2T86G2-4I" never prints as "DS-2CD2T86G2- / 4I".
    """
    return token.replace(" ", NBSP).replace("-", NB_HYPHEN)


@dataclass(frozen=True, slots=True)
class Text:
    text: str
    style: str = "body"
    """``body``, ``note`` (smaller, grey), ``label`` (bold lead-in, kept with what follows),
    ``bullet``."""


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
    fill: tuple[int, ...] = ()
    """Columns a tenderer fills in: drawn shaded, with room to write by hand."""


@dataclass(frozen=True, slots=True)
class Field:
    """A blank the tenderer completes: "Tender sum (excluding VAT): ______"."""

    label: str
    hint: str = ""


@dataclass(frozen=True, slots=True)
class Signature:
    """A signature block: one ruled line per entry (signed, name, position, date …)."""

    lines: tuple[str, ...] = ("Signed", "Name", "Position", "For and on behalf of", "Date")


@dataclass(frozen=True, slots=True)
class Figure:
    """A site plan on a page of its own: the picture with the coverage drawn over it.

    ``drawing`` is in the picture's pixels; the PDF draws it as vectors over the
    picture, the DOCX as one image.
    """

    drawing: PlanDrawing
    picture: bytes
    """The plan as PNG or JPEG, in the proportions of ``drawing.width_px`` × ``height_px``."""


Block = Text | Table | Field | Signature | Figure


FORM_WIDTHS = (2.0, 3.0)
"""Label and answer columns of a form: room to write a company name or a signature."""


def with_forms_as_tables(blocks: tuple[Block, ...]) -> list[Text | Table | Figure]:
    """Blocks as renderers draw them: consecutive fields (and each signature block) become
    one two-column table whose right column is left blank to fill in."""
    out: list[Text | Table | Figure] = []
    rows: list[tuple[str, str]] = []
    for block in (*blocks, None):
        if isinstance(block, Field):
            rows.append((f"{block.label}\n{block.hint}" if block.hint else block.label, ""))
            continue
        if rows:
            out.append(Table(("", ""), tuple(rows), FORM_WIDTHS, fill=(1,)))
            rows = []
        if isinstance(block, Signature):
            out.append(Table(("", ""), tuple((line, "") for line in block.lines), FORM_WIDTHS,
                             fill=(1,)))  # fmt: skip
        elif block is not None:
            out.append(block)
    return out


@dataclass(frozen=True, slots=True)
class PricingLine:
    """A line bidders price: the same in the document's table and in their spreadsheet."""

    ref: str
    description: str
    unit: str
    quantity: Decimal
    model_offered: bool = False
    """The bidder names the model offered on this line."""
    provisional: bool = False
    """Scope not yet fixed (no replacement type): priced per unit, re-measured later."""


@dataclass(frozen=True, slots=True)
class PricingGroup:
    number: int
    title: str
    lines: tuple[PricingLine, ...]


@dataclass(frozen=True, slots=True)
class Section:
    key: str
    """Stable identifier (``scope``, ``compliance`` …) used by tests and numbering."""
    title: str
    part: Part = Part.GENERAL
    blocks: tuple[Block, ...] = ()
    number: str = ""
    package_part: PackagePart = PackagePart.SPECIFICATION


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
    page: PageSize = PageSize.A4
    dates: DateStyle = DateStyle.UK
    part_titles: tuple[tuple[PackagePart, str], ...] = ()
    """Headings of the package's parts ("Part A — Instructions to tenderers" …); empty for a
    specification issued on its own."""
    kind: str = ""
    """What the document is, printed under the title."""
    pricing: tuple[PricingGroup, ...] = ()
    """The bidders' pricing schedule, when the document is a tender package."""
    currency: str = ""
    total_label: str = "Tender sum"
    """What the schedule's total is called ("Tender sum (excluding VAT)", "Total price")."""

    def section(self, key: str) -> Section:
        return next(s for s in self.sections if s.key == key)

    def part_title(self, part: PackagePart) -> str:
        return dict(self.part_titles).get(part, "")
