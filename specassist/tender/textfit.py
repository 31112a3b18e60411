"""Text that fits: bounded length, no control characters, linear-time line breaking.

Survey cells reach the tender as they were typed, and a cell can hold 130,000
characters with no space in it. Every renderer passes user text through here
first, so the cost of drawing a cell is proportional to its length and no cell
can grow a table row past a page.

No-break tokens: ``document.nobreak`` marks a model number by replacing its
spaces and hyphens with U+00A0 and U+2011. Breaking happens only at ASCII
spaces, so a marked token stays on one line; ``plain`` turns the marks back
into ASCII for output that is searched or copied (PDF text, XLSX cells).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from itertools import accumulate

CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")
"""Characters XML 1.0 cannot hold (openpyxl raises IllegalCharacterError on them); tab,
newline and carriage return are allowed and kept."""

NBSP, NB_HYPHEN = "\u00a0", "\u2011"

MAX_CELL_CHARS = 2000
"""A cell longer than this is cut with a note. 2,000 characters fill about 40 lines of a
60 mm column at 7.5 pt: half a page, so a row always fits a page with its header."""

MAX_TOKEN_CHARS = 48
"""A marked no-break token up to this length is never cut: the renderer condenses it to fit
its column instead. Longer "tokens" are junk and break like any other long word."""

MAX_PARAGRAPH_CHARS = 6000
"""About two pages of 9 pt text; survey notes longer than this are cut with a note."""


def clean(text: str) -> str:
    """Drop control characters (a NUL in a site name must not end the export)."""
    return CONTROL.sub("", text)


def plain(text: str) -> str:
    """No-break marks back to the ASCII space and hyphen."""
    return text.replace(NBSP, " ").replace(NB_HYPHEN, "-")


def bounded(text: str, limit: int) -> str:
    """``text`` cleaned and, beyond ``limit`` characters, cut with a note saying how much."""
    text = clean(text)
    if len(text) <= limit:
        return text
    dropped = len(text) - limit
    return f"{text[:limit]}… [{dropped:,} more characters not shown; see the source file]"


Measure = Callable[[str], float]


MAX_WHOLE_WORD = 10
"""A word up to this length is never cut either: "C008335" cut into "C00833" and "5" reads
as two references. The renderer condenses it to its column instead."""


def is_token(word: str) -> bool:
    """A word to keep whole: short, or a model number marked by ``document.nobreak``."""
    if len(word) <= MAX_WHOLE_WORD:
        return True
    return len(word) <= MAX_TOKEN_CHARS and (NBSP in word or NB_HYPHEN in word)


def split_word(word: str, width: float, measure: Measure) -> list[str]:
    """An over-long word cut into pieces no wider than ``width``, in one pass.

    The widths of single characters are summed (the fonts used here have no
    kerning), so a 20,000-character word costs 20,000 look-ups, not the
    quadratic trimming a one-character-at-a-time search does.
    """
    edges = list(accumulate(measure(ch) for ch in word))
    pieces: list[str] = []
    start, offset = 0, 0.0
    for index, edge in enumerate(edges):
        if edge - offset > width and index > start:
            pieces.append(word[start:index])
            start, offset = index, edges[index - 1]
    pieces.append(word[start:])
    return pieces


def wrap_lines(
    text: str, width: float, measure: Measure, max_lines: int | None = None
) -> list[str]:
    """Greedy line breaking at ASCII spaces; words wider than a line are cut.

    With ``max_lines`` the result is cut to that many lines, the last one
    saying how many characters were left out, so a row never outgrows a page.
    """
    if "\n" not in text and measure(text) <= width:
        return [text]  # most cells: one line, no word to measure
    space = measure(" ")
    lines: list[str] = []
    for paragraph in text.split("\n"):
        words: list[str] = []
        used = 0.0
        for word in paragraph.split(" "):
            size = measure(word)
            if words and used + space + size <= width:
                words.append(word)
                used += space + size
                continue
            if words:
                lines.append(" ".join(words))
            if size > width and len(word) > 1 and not is_token(word):
                *full, word = split_word(word, width, measure)
                lines.extend(full)
                size = measure(word)
            words, used = [word], size
        lines.append(" ".join(words))
    if max_lines is not None and len(lines) > max_lines:
        kept = lines[: max(max_lines - 1, 0)]
        dropped = sum(len(line) for line in lines[len(kept) :])
        note = f"… [{dropped:,} characters not shown]"
        lines = [*kept, note if measure(note) <= width else "…"]
    return lines
