"""Clean every cell before it is interpreted: width, length, control characters.

Control characters (a NUL, a form feed, a bidirectional override pasted from
a web page) are invisible in a spreadsheet yet break the PDF and XLSX writers
later, so they are removed here and reported once per column. A cell longer
than Excel's own limit is cut there with an error, and a row wider than the
column limit is cut with an error, so nothing later sees unbounded input.
"""

from __future__ import annotations

import re
from collections import Counter

from specassist.domain.issues import Severity
from specassist.survey.limits import ReadLimits
from specassist.survey.report import IssueSink

_CONTROL = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f"  # C0 and C1 controls, DEL (tab, LF, CR kept)
    "\u200b\u202a-\u202e\u2066-\u2069"  # zero-width space, bidirectional overrides
    "\ud800-\udfff]"  # lone surrogates (from UTF-16 damage)
)


class CellCleaner:
    """Cleans rows in place of their trouble and tallies what it removed."""

    def __init__(self, limits: ReadLimits, sink: IssueSink) -> None:
        self.limits = limits
        self.sink = sink
        self.removed: Counter[int] = Counter()
        self.undecodable: Counter[int] = Counter()
        self.first: dict[tuple[str, int], int] = {}

    def clean(self, row: int, cells: list[str]) -> list[str]:
        if len(cells) > self.limits.max_columns:
            self.sink.add(
                Severity.ERROR,
                f"row has {len(cells):,} cells; only the first {self.limits.max_columns:,} "
                "were read",
                row,
            )
            cells = cells[: self.limits.max_columns]
        joined = "\n".join(cells)
        fits = joined.isascii() and len(joined) <= self.limits.max_cell_chars
        if fits and _CONTROL.search(joined) is None:
            return [c.strip() for c in cells]
        return [self._cell(row, i, c) for i, c in enumerate(cells)]

    def _cell(self, row: int, index: int, text: str) -> str:
        if _CONTROL.search(text):
            text = _CONTROL.sub("", text)
            self.removed[index] += 1
            self.first.setdefault(("removed", index), row)
        if "\ufffd" in text:
            self.undecodable[index] += 1
            self.first.setdefault(("undecodable", index), row)
        text = text.strip()
        if len(text) > self.limits.max_cell_chars:
            self.sink.add(
                Severity.ERROR,
                f"cell is {len(text):,} characters long; cut to the first "
                f"{self.limits.max_cell_chars:,} (the most a spreadsheet cell holds)",
                row,
                f"column {index + 1}",
                text[:80],
            )
            text = text[: self.limits.max_cell_chars]
        return text

    def report(self, header_name: dict[int, str]) -> None:
        """One issue per column that had characters removed or undecodable."""
        kinds = (
            ("removed", self.removed, "cell(s) had invisible control characters removed"),
            ("undecodable", self.undecodable, "cell(s) hold characters that could not be "
             "decoded (shown as �); check the file's encoding"),
        )  # fmt: skip
        for kind, counts, what in kinds:
            for index, count in sorted(counts.items()):
                self.sink.add(
                    Severity.WARNING,
                    f"{count:,} {what} (first on this row)",
                    self.first[(kind, index)],
                    header_name.get(index, f"column {index + 1}"),
                )
