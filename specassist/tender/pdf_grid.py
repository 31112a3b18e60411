"""Ruled tables drawn straight onto the canvas: fast, bounded, and safe with user text.

Cells are plain strings wrapped to their column by ``textfit`` (linear time,
cut to a page), drawn as text and never parsed as markup. A table piece is one
block of text operators for all its rows (``pdf_text``), not one per cell: the schedule of a
10,000-camera estate has 70,000 cells. A line wider than its column (a model
number that must not break) is drawn condensed to fit.
"""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import Flowable

from specassist.tender.document import Table
from specassist.tender.pdf_text import CellText
from specassist.tender.textfit import MAX_CELL_CHARS, bounded, plain, wrap_lines

FONT, BOLD = "SpecSans", "SpecSans-Bold"
INK = colors.HexColor("#1f2933")
MUTED = colors.HexColor("#52606d")
RULE = colors.HexColor("#9aa5b1")
SHADE = colors.HexColor("#e4e7eb")
FILL = colors.HexColor("#fff8e1")
"""Pale yellow under the cells a tenderer fills in, as on a paper form."""
PAD = 3.0
CELL_SIZE, CELL_LEADING = 7.5, 9.5
FILL_LINES = 2
"""Lines of room to write by hand in a blank fill-in row."""
MIN_SCALE = 55.0
"""Narrowest horizontal scale (%) for a line that must not break; 55 % stays legible at 7.5 pt."""


class Widths:
    """Widths of cell text in one font at the cell size, each distinct text measured once.

    The same words recur across a schedule (site names, verdicts, model
    numbers), so a plain dictionary answers most look-ups; it lives as long as
    one document's tables are being wrapped.
    """

    def __init__(self, font: str) -> None:
        self.font = font
        self.known: dict[str, float] = {}

    def __call__(self, text: str) -> float:
        width = self.known.get(text)
        if width is None:
            width = float(pdfmetrics.stringWidth(plain(text), self.font, CELL_SIZE))
            if len(text) < 64:
                self.known[text] = width
        return width


_WIDTHS = {FONT: Widths(FONT), BOLD: Widths(BOLD)}


Row = list[list[str]]


def wrap_row(cells: tuple[str, ...], widths: list[float], font: str, max_lines: int) -> Row:
    measure = _WIDTHS[font]
    return [
        wrap_lines(bounded(text, MAX_CELL_CHARS), widths[i] - 2 * PAD, measure, max_lines)
        for i, text in enumerate(cells)
    ]


class GridTable(Flowable):  # type: ignore[misc]
    """A ruled table split across pages with its header repeated."""

    def __init__(self, widths: list[float], header: list[Row], rows: list[Row],
                 numeric: frozenset[int], totals: frozenset[int], fill: frozenset[int],
                 first_row: int = 0, heights: list[float] | None = None) -> None:  # fmt: skip
        super().__init__()
        self.widths, self.header, self.rows = widths, header, rows
        self.numeric, self.totals, self.fill = numeric, totals, fill
        self.first_row = first_row
        # Heights are computed once and sliced on split: a 1,000-page table splits 1,000 times.
        self.heights = heights if heights is not None else [self._height(r) for r in rows]
        self.header_height = sum(self._height(row, header=True) for row in header)

    def _height(self, row: Row, header: bool = False) -> float:
        lines = max((len(cell) for cell in row), default=1)
        if self.fill and not header:
            lines = max(lines, FILL_LINES)
        return lines * CELL_LEADING + 2 * PAD

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = sum(self.widths)
        self.height = self.header_height + sum(self.heights)
        return self.width, self.height

    def first_height(self, rows: int = 3) -> float:
        """Header and the first rows: what must fit under a heading for it to stay there."""
        return self.header_height + sum(self.heights[:rows])

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        used, count = self.header_height, 0
        for height in self.heights:
            if used + height > avail_height:
                break
            used += height
            count += 1
        if count == len(self.rows) - 1 and count > 2:
            count -= 1  # never leave one row alone at the top of the next page
        if count == 0 or count == len(self.rows):
            return []  # nothing fits here (or everything does): let the frame move on
        return [self._piece(0, count), self._piece(count, len(self.rows))]

    def _piece(self, start: int, stop: int) -> GridTable:
        return GridTable(self.widths, self.header, self.rows[start:stop], self.numeric,
                         self.totals, self.fill, self.first_row + start,
                         self.heights[start:stop])  # fmt: skip

    def draw(self) -> None:
        canvas = self.canv
        if getattr(canvas, "dry", False):
            return  # the first pass only needs the layout
        body = self.height - self.header_height
        x = 0.0
        for column, width in enumerate(self.widths):
            if column in self.fill:
                canvas.setFillColor(FILL)
                canvas.rect(x, 0, width, body, 0, 1)
            x += width
        if self.header:
            canvas.setFillColor(SHADE)
            canvas.rect(0, body, self.width, self.header_height, 0, 1)
        canvas.setFillColor(INK)
        text = CellText(canvas)
        rules: list[float] = [self.height]
        y = self.height
        for row in self.header:
            height = self._height(row, header=True)
            self._lines(text, row, y, BOLD)
            y -= height
            rules.append(y)
        for index, (row, height) in enumerate(zip(self.rows, self.heights, strict=True)):
            total = self.first_row + index in self.totals
            if total:
                canvas.setStrokeColor(INK)
                canvas.setLineWidth(0.8)
                canvas.line(0, y, self.width, y)
            self._lines(text, row, y, BOLD if total else FONT)
            y -= height
            rules.append(y)
        text.finish()
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.25)
        canvas.lines([(0, r, self.width, r) for r in rules])
        if self.fill:
            edges = [sum(self.widths[:i]) for i in range(1, len(self.widths))]
            canvas.lines([(e, 0, e, self.height) for e in edges])

    def _lines(self, text: CellText, row: Row, top: float, font: str) -> None:
        text.set_font(font, CELL_SIZE)
        measure = _WIDTHS[font]
        known = measure.known  # most lines were measured when they were wrapped
        x = 0.0
        baseline = top - PAD - CELL_SIZE
        for column, (lines, width) in enumerate(zip(row, self.widths, strict=True)):
            room = width - 2 * PAD
            for n, line in enumerate(lines):
                if not line:
                    continue
                size = known.get(line) or measure(line)
                scale = 100.0
                if size > room:  # a token that must not break: condense it to its column
                    scale = max(MIN_SCALE, 100.0 * room / size)
                    size = size * scale / 100
                offset = width - PAD - size if column in self.numeric else PAD
                text.line(x + offset, baseline - n * CELL_LEADING, plain(line), scale)
            x += width


def grid(block: Table, width: float, page_height: float, header: bool = True) -> GridTable:
    """A ``Table`` block as a GridTable ``width`` wide whose rows never outgrow a page."""
    weights = block.widths or tuple(1.0 for _ in block.header)
    total = sum(weights)
    widths = [width * w / total for w in weights]
    max_lines = max(int((page_height * 0.8 - 2 * PAD) / CELL_LEADING) // 2, 4)
    return GridTable(
        widths,
        [wrap_row(block.header, widths, BOLD, max_lines)] if header else [],
        [wrap_row(row, widths, FONT, max_lines) for row in block.rows],
        frozenset(block.numeric), frozenset(block.totals), frozenset(block.fill),
    )  # fmt: skip
