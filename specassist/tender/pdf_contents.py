"""The contents pages: one line per heading, filled with the pages the first pass found.

The contents has one line per heading whatever the page numbers are, so it
takes the same room in both passes and the layout the first pass measured is
the layout the second one draws.
"""

from __future__ import annotations

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import Flowable, Paragraph

from specassist.tender.pdf_grid import BOLD, FONT, INK, RULE
from specassist.tender.textfit import plain, wrap_lines

LINE = 6.0 * mm
SIZE = 9.5
INDENT = 4 * mm


class Heading(Paragraph):  # type: ignore[misc]
    """A heading the contents lists; ``index`` is its line in the contents."""

    def __init__(self, markup: str, style: ParagraphStyle, index: int) -> None:
        super().__init__(markup, style)
        self.index = index


class Contents(Flowable):  # type: ignore[misc]
    """Lines of (level, title) with dot leaders and page numbers; splits across pages."""

    def __init__(self, entries: list[tuple[int, str]], pages: dict[int, int] | None,
                 width: float, first: int = 0) -> None:  # fmt: skip
        super().__init__()
        self.entries, self.pages, self.first = entries, pages, first
        self.lines = [self._fit(level, title, width) for level, title in entries]

    @staticmethod
    def _fit(level: int, title: str, width: float) -> str:
        room = width - INDENT * level - 30
        font = BOLD if level == 0 else FONT
        lines = wrap_lines(plain(title), room, lambda t: pdfmetrics.stringWidth(t, font, SIZE))
        return lines[0] + ("…" if len(lines) > 1 else "")

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        return avail_width, LINE * len(self.lines)

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        fits = int(avail_height // LINE)
        if fits <= 0 or fits >= len(self.lines):
            return []
        return [self._piece(0, fits), self._piece(fits, len(self.lines))]

    def _piece(self, start: int, stop: int) -> Contents:
        piece = Contents([], self.pages, self.width, self.first + start)
        piece.entries, piece.lines = self.entries[start:stop], self.lines[start:stop]
        return piece

    def draw(self) -> None:
        canvas = self.canv
        if getattr(canvas, "dry", False):
            return
        dot = pdfmetrics.stringWidth(" .", FONT, SIZE)
        y = LINE * len(self.lines) - SIZE
        for offset, ((level, _), line) in enumerate(zip(self.entries, self.lines, strict=True)):
            font = BOLD if level == 0 else FONT
            page = str((self.pages or {}).get(self.first + offset, ""))
            left = INDENT * level
            canvas.setFillColor(INK)
            canvas.setFont(font, SIZE)
            canvas.drawString(left, y, line)
            canvas.drawRightString(self.width, y, page)
            start = left + pdfmetrics.stringWidth(line, font, SIZE) + 4
            end = self.width - pdfmetrics.stringWidth(page, FONT, SIZE) - 4
            dots = int((end - start) / dot)
            if dots > 0:
                canvas.setFillColor(RULE)
                canvas.setFont(FONT, SIZE)
                canvas.drawRightString(end, y, " ." * dots)
            y -= LINE
