"""The import's ledger: every issue, capped per kind, and where every row went.

A 1.5-million-row file with one systematic problem must not produce 1.5
million issue objects, nor hide the problem: each kind of issue (severity,
message, column) keeps its first ``cap`` occurrences and then one summary
saying how many more there were. Row accounting proves nothing was dropped:
every row the reader produced is the header, text above it, a stored camera,
or skipped with a reason.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from specassist.domain.issues import InputIssue, Severity

ISSUE_CAP = 1000
"""Issues kept per kind; a survey with 1,000 rows all missing a unit still lists each one."""

_VARIABLE = re.compile(r"'[^']*'|\d+(?:[.,]\d+)*")


def _kind(message: str) -> str:
    """A message with its numbers and quoted values taken out: "also used on row 7" and
    "also used on row 9" are one kind of problem."""
    return _VARIABLE.sub("#", message)


@dataclass(slots=True)
class RowAccounting:
    """Where each row went. ``balanced`` holds for every import."""

    rows_read: int = 0
    """Rows the reader produced (a multi-line cell makes one row of several lines)."""
    above_header: int = 0
    header: int = 0
    stored: int = 0
    skipped: Counter[str] = field(default_factory=Counter)
    """Rows not stored, by reason: blank, note, unreadable …"""
    merged_lines: int = 0
    """Extra physical lines folded into the rows above them (multi-line cells)."""

    @property
    def skipped_total(self) -> int:
        return sum(self.skipped.values())

    @property
    def balanced(self) -> bool:
        counted = self.above_header + self.header + self.stored + self.skipped_total
        unread = sum(n for reason, n in self.skipped.items() if reason.startswith("unreadable"))
        return counted == self.rows_read + unread

    def as_dict(self) -> dict[str, object]:
        return {
            "rows_read": self.rows_read,
            "header": self.header,
            "above_header": self.above_header,
            "stored": self.stored,
            "skipped": dict(self.skipped),
            "merged_lines": self.merged_lines,
            "balanced": self.balanced,
        }

    def summary(self) -> str:
        skipped = ", ".join(f"{n} {reason}" for reason, n in sorted(self.skipped.items()))
        text = f"{self.rows_read} rows read: {self.stored} stored"
        if self.header:
            text += ", 1 header"
        if self.above_header:
            text += f", {self.above_header} above the header"
        if skipped:
            text += f", skipped: {skipped}"
        if self.merged_lines:
            text += f"; {self.merged_lines} extra line(s) inside multi-line cells"
        return text


class IssueSink:
    """Collects issues for one file, keeping at most ``cap`` of each kind."""

    def __init__(self, file: str, cap: int = ISSUE_CAP) -> None:
        self.file = file
        self.cap = cap
        self.issues: list[InputIssue] = []
        self._kinds: Counter[tuple[Severity, str, str | None]] = Counter()
        self._first_over: dict[tuple[Severity, str, str | None], tuple[int | None, str]] = {}

    def add(
        self,
        severity: Severity,
        message: str,
        row: int | None = None,
        column: str | None = None,
        value: str | None = None,
    ) -> None:
        kind = (severity, _kind(message), column)
        self._kinds[kind] += 1
        if self._kinds[kind] <= self.cap:
            if value is not None and len(value) > 200:
                value = value[:200] + "…"
            self.issues.append(InputIssue(severity, message, self.file, row, column, value))
        else:
            self._first_over.setdefault(kind, (row, message))

    def finish(self) -> list[InputIssue]:
        """Every issue in row order (file-wide ones first), with the over-cap summaries."""
        for kind, (row, message) in self._first_over.items():
            severity, _, column = kind
            more = self._kinds[kind] - self.cap
            self.issues.append(
                InputIssue(
                    severity,
                    f"{more:,} more row(s) with the same problem from here on: {message}",
                    self.file,
                    row,
                    column,
                )
            )
        self._first_over.clear()
        return sorted(self.issues, key=lambda i: -1 if i.row is None else i.row)
