"""What every reader hands the importer: numbered rows of cell text, and what it noticed.

Rows may be a one-shot stream (a big CSV is never held in memory), so what a
reader learns while reading — a quote that never closed, a row it could not
read — is added to ``notes`` and ``counts`` as it goes, and the importer reads
them after the last row.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from specassist.domain.issues import Severity, UserError


class SurveyReadError(UserError):
    """The file as a whole cannot be read (missing, not a spreadsheet, over a limit …)."""


@dataclass(frozen=True, slots=True)
class ReadNote:
    """Something the reader saw, by row and 0-based column index (the importer names it)."""

    severity: Severity
    message: str
    row: int | None
    column: int | None = None
    value: str | None = None


@dataclass(slots=True)
class ReadCounts:
    """Physical rows the reader folded or dropped, so the importer can account for them."""

    merged_lines: int = 0
    """Extra physical lines inside multi-line cells (one record, several lines)."""
    unread: Counter[str] = field(default_factory=Counter)
    """Rows the reader could not read, by reason (each also has an error note)."""


@dataclass(slots=True)
class RawTable:
    """Cell text by row. ``rows`` pairs each row with its 1-based row number in the file."""

    file: str
    rows: Iterable[tuple[int, list[str]]]
    detail: str
    """How it was read (encoding and delimiter, or the sheet name), for the import report."""
    notes: list[ReadNote] = field(default_factory=list)
    counts: ReadCounts = field(default_factory=ReadCounts)
    other_sheets: list[str] = field(default_factory=list)
    """Visible sheets not read, so a "no header" error can point at them."""
