"""Draw a TenderDocument as a PDF with reportlab.

Determinism: reportlab's ``invariant`` mode fixes the creation date and the
document id, fonts are embedded from the bundled files, and nothing reads the
clock, so the same document gives a byte-identical file.

Safety: every piece of text passes through ``escape`` before it reaches
reportlab's paragraph markup, so a camera named ``<b>x</b> & "y"`` prints as
written and cannot break or restyle the document.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
)

from specassist.domain.project_settings import Layout
from specassist.tender.document import Part, Section, Table, TenderDocument, Text

FONT, BOLD = "SpecSans", "SpecSans-Bold"
INK = colors.HexColor("#1f2933")
MUTED = colors.HexColor("#52606d")
RULE = colors.HexColor("#9aa5b1")
SHADE = colors.HexColor("#e4e7eb")
MARGIN = 18 * mm


def register_fonts(font_dir: Path) -> None:
    if FONT in pdfmetrics.getRegisteredFontNames():
        return
    pdfmetrics.registerFont(TTFont(FONT, str(font_dir / "DejaVuSans.ttf")))
    pdfmetrics.registerFont(TTFont(BOLD, str(font_dir / "DejaVuSans-Bold.ttf")))
    pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=BOLD, italic=FONT, boldItalic=BOLD)


def _styles() -> dict[str, ParagraphStyle]:
    base = ParagraphStyle("body", fontName=FONT, fontSize=9, leading=12.5, textColor=INK,
                          spaceAfter=5)  # fmt: skip
    return {
        "body": base,
        "note": ParagraphStyle("note", parent=base, fontSize=7.5, leading=10, textColor=MUTED),
        "label": ParagraphStyle("label", parent=base, fontName=BOLD, spaceBefore=6, spaceAfter=3),
        "bullet": ParagraphStyle("bullet", parent=base, leftIndent=10, bulletIndent=2),
        "part": ParagraphStyle("part", parent=base, fontName=BOLD, fontSize=10, spaceBefore=8,
                               textColor=MUTED),
        "h1": ParagraphStyle("h1", parent=base, fontName=BOLD, fontSize=13, leading=16,
                             spaceBefore=10, spaceAfter=6),
        "title": ParagraphStyle("title", parent=base, fontName=BOLD, fontSize=22, leading=27),
        "subtitle": ParagraphStyle("subtitle", parent=base, fontSize=12, leading=16,
                                   textColor=MUTED),
    }  # fmt: skip


def safe(text: str) -> str:
    """User text as paragraph markup that shows exactly the characters given."""
    return escape(text, {'"': "&quot;"}).replace("\n", "<br/>")


class _Heading(Paragraph):  # type: ignore[misc]
    """A section heading that also records itself in the table of contents."""

    def __init__(self, text: str, style: ParagraphStyle, toc_text: str) -> None:
        super().__init__(safe(text), style)
        self.toc_text = toc_text


class _Document(BaseDocTemplate):  # type: ignore[misc]
    """Records where each section starts, for the contents page drawn at the end."""

    def __init__(self, *args: Any, contents: list[tuple[str, int]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.contents = contents

    def afterFlowable(self, flowable: Flowable) -> None:
        if isinstance(flowable, _Heading):
            self.contents.append((flowable.toc_text, self.page))


def _numbered_canvas(document: TenderDocument, contents: list[tuple[str, int]]) -> type[Canvas]:
    """A canvas that writes "page x of y" and the contents once every page is laid out.

    Holding the pages until ``save`` gives one layout pass instead of the two a
    table of contents otherwise needs, which halves the time for a large estate.
    """

    class NumberedCanvas(Canvas):  # type: ignore[misc]
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            kwargs["invariant"] = 1
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                if self._pageNumber > 1:
                    _furniture(self, document, self._pageNumber, total)
                if self._pageNumber == CONTENTS_PAGE:
                    _draw_contents(self, contents)
                super().showPage()
            super().save()

    return NumberedCanvas


def _furniture(canvas: Canvas, document: TenderDocument, page: int, total: int) -> None:
    width, height = A4
    canvas.saveState()
    canvas.setFont(FONT, 7.5)
    canvas.setFillColor(MUTED)
    canvas.drawString(MARGIN, height - 11 * mm, f"{document.title} — {document.project}")
    canvas.drawRightString(width - MARGIN, height - 11 * mm, f"Revision {document.revision}")
    canvas.setStrokeColor(RULE)
    canvas.line(MARGIN, height - 12.5 * mm, width - MARGIN, height - 12.5 * mm)
    canvas.line(MARGIN, 12.5 * mm, width - MARGIN, 12.5 * mm)
    canvas.drawString(MARGIN, 9 * mm, f"Fingerprint {document.fingerprint}")
    canvas.drawCentredString(width / 2, 9 * mm, document.issue_date.isoformat())
    canvas.drawRightString(width - MARGIN, 9 * mm, f"Page {page} of {total}")
    canvas.restoreState()


CONTENTS_PAGE = 2


def _draw_contents(canvas: Canvas, contents: list[tuple[str, int]]) -> None:
    width, height = A4
    y = height - 40 * mm
    canvas.saveState()
    canvas.setFillColor(INK)
    left, right = MARGIN + 6, width - MARGIN - 6  # the frame's padding, as the heading has
    dot = pdfmetrics.stringWidth(" .", FONT, 9.5)
    for title, page in contents:
        canvas.setFont(FONT, 9.5)
        canvas.drawString(left, y, title)
        number = str(page)
        canvas.drawRightString(right, y, number)
        start = left + pdfmetrics.stringWidth(title, FONT, 9.5) + 4
        end = right - pdfmetrics.stringWidth(number, FONT, 9.5) - 4
        canvas.setFillColor(RULE)
        dots = int((end - start) / dot)
        if dots > 0:
            canvas.drawRightString(end, y, " ." * dots)
        canvas.setFillColor(INK)
        y -= 6.5 * mm
    canvas.restoreState()


def render(document: TenderDocument, path: Path, font_dir: Path) -> int:
    """Write the PDF to ``path`` (via a temporary file, so a failure leaves no half file).

    Returns the number of pages.
    """
    register_fonts(font_dir)
    styles = _styles()
    temporary = path.with_name(path.name + ".part")
    contents: list[tuple[str, int]] = []
    doc = _Document(
        str(temporary), contents=contents, pagesize=A4, leftMargin=MARGIN, rightMargin=MARGIN,
        topMargin=17 * mm, bottomMargin=17 * mm, title=document.title,
        author=document.issuer or "SpecAssist", subject=document.project,
        creator="SpecAssist", invariant=1,
    )  # fmt: skip
    frame = Frame(doc.leftMargin, doc.bottomMargin, doc.width, doc.height, id="body")
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame])])
    story = _cover(document, styles) + _contents(styles) + _body(document, styles, doc.width)
    doc.build(story, canvasmaker=_numbered_canvas(document, contents))
    temporary.replace(path)
    return int(doc.page)


def _cover(document: TenderDocument, styles: dict[str, ParagraphStyle]) -> list[Flowable]:
    kind = (
        f"Specification section {document.section_number} (CSI MasterFormat three-part format)"
        if document.layout is Layout.CSI
        else "Specification clauses (NBS-style performance specification)"
    )
    rows = [
        ("Project", document.project),
        ("Client", document.client or "—"),
        ("Sites", ", ".join(document.sites) or "—"),
        ("Issued by", document.issuer or "—"),
        ("Revision", document.revision),
        ("Date of issue", document.issue_date.isoformat()),
        ("Document fingerprint", document.fingerprint),
    ]
    table = _table(Table(("", ""), tuple(rows), (1, 3)), 150 * mm, header=False)
    return [
        Spacer(1, 40 * mm),
        Paragraph(safe(document.title), styles["title"]),
        Spacer(1, 4 * mm),
        Paragraph(safe(kind), styles["subtitle"]),
        Spacer(1, 14 * mm),
        table,
        Spacer(1, 12 * mm),
        Paragraph(
            "The fingerprint identifies the survey, the catalog version and the rule sets this "
            "document was produced from; it is printed on every page.",
            styles["note"],
        ),
        PageBreak(),
    ]


def _contents(styles: dict[str, ParagraphStyle]) -> list[Flowable]:
    """The contents page: its heading now, its lines once the layout is known (``save``)."""
    return [Paragraph("Contents", styles["h1"]), PageBreak()]


_PART_TITLES = {
    Layout.CSI: {Part.GENERAL: "PART 1 — GENERAL", Part.PRODUCTS: "PART 2 — PRODUCTS",
                 Part.EXECUTION: "PART 3 — EXECUTION", Part.APPENDIX: "APPENDICES"},
    Layout.NBS: {Part.GENERAL: "General", Part.PRODUCTS: "Products",
                 Part.EXECUTION: "Execution", Part.APPENDIX: "Appendices"},
}  # fmt: skip


def _body(
    document: TenderDocument, styles: dict[str, ParagraphStyle], width: float
) -> list[Flowable]:
    story: list[Flowable] = []
    part: Part | None = None
    for section in document.sections:
        if section.part is not part:
            part = section.part
            if part is Part.APPENDIX:
                story.append(PageBreak())
            story.append(Paragraph(safe(_PART_TITLES[document.layout][part]), styles["part"]))
        story.extend(_section(section, styles, width))
    return story


def _section(section: Section, styles: dict[str, ParagraphStyle], width: float) -> list[Flowable]:
    title = f"{section.number} {section.title}".strip()
    heading = _Heading(title, styles["h1"], title)
    out: list[Flowable] = []
    first = True
    for block in section.blocks:
        flowable = _table(block, width) if isinstance(block, Table) else _paragraph(block, styles)
        if first:
            out.append(KeepTogether([heading, flowable]))
            first = False
        else:
            out.append(flowable)
    if first:
        out.append(heading)
    return out


def _paragraph(block: Text, styles: dict[str, ParagraphStyle]) -> Flowable:
    if block.style == "bullet":
        return Paragraph(safe(block.text), styles["bullet"], bulletText="•")
    return Paragraph(safe(block.text), styles.get(block.style, styles["body"]))


def _table(block: Table, width: float, header: bool = True) -> Flowable:
    """A table of plain, pre-wrapped strings (see ``GridTable``)."""
    weights = block.widths or tuple(1.0 for _ in block.header)
    total = sum(weights)
    widths = [width * w / total for w in weights]
    return GridTable(
        widths,
        [_wrap_row(block.header, widths, BOLD)] if header else [],
        [_wrap_row(row, widths, FONT) for row in block.rows],
        frozenset(block.numeric),
        frozenset(block.totals),
    )


def _wrap_row(cells: tuple[str, ...], widths: list[float], font: str) -> list[list[str]]:
    return [wrap(text, widths[i] - 2 * PAD, font, CELL_SIZE).split("\n")
            for i, text in enumerate(cells)]  # fmt: skip


PAD = 3.0


class GridTable(Flowable):  # type: ignore[misc]
    """A ruled table drawn straight onto the canvas, split across pages with its header.

    Cells are plain strings already wrapped to their column, drawn as text and
    never parsed as markup, so user text is safe as it is. Drawing rows directly
    is many times faster than a platypus Table with a Paragraph per cell: the
    schedule of a 10,000-camera estate has 70,000 cells.
    """

    def __init__(self, widths: list[float], header: list[list[list[str]]],
                 rows: list[list[list[str]]], numeric: frozenset[int],
                 totals: frozenset[int], first_row: int = 0,
                 heights: list[float] | None = None) -> None:  # fmt: skip
        super().__init__()
        self.widths, self.header, self.rows = widths, header, rows
        self.numeric, self.totals, self.first_row = numeric, totals, first_row
        # Heights are computed once and sliced on split: a 1,000-page table splits 1,000 times.
        self.heights = heights if heights is not None else [self._height(r) for r in rows]
        self.header_height = sum(self._height(row) for row in header)

    @staticmethod
    def _height(row: list[list[str]]) -> float:
        return max((len(lines) for lines in row), default=1) * CELL_LEADING + 2 * PAD

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = sum(self.widths)
        self.height = self.header_height + sum(self.heights)
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        used, count = self.header_height, 0
        for height in self.heights:
            if used + height > avail_height:
                break
            used += height
            count += 1
        if count == 0 or count == len(self.rows):
            return []  # nothing fits here (or everything does): let the frame move on
        head = GridTable(self.widths, self.header, self.rows[:count], self.numeric,
                         self.totals, self.first_row, self.heights[:count])  # fmt: skip
        tail = GridTable(self.widths, self.header, self.rows[count:], self.numeric,
                         self.totals, self.first_row + count, self.heights[count:])  # fmt: skip
        return [head, tail]

    def draw(self) -> None:
        canvas = self.canv
        y = self.height
        if self.header:
            canvas.setFillColor(SHADE)
            canvas.rect(0, y - self.header_height, self.width, self.header_height, 0, 1)
            for row in self.header:
                y = self._draw_row(row, y, BOLD, self._height(row))
        for index, (row, height) in enumerate(zip(self.rows, self.heights, strict=True)):
            total = self.first_row + index in self.totals
            if total:
                canvas.setStrokeColor(INK)
                canvas.setLineWidth(0.8)
                canvas.line(0, y, self.width, y)
            y = self._draw_row(row, y, BOLD if total else FONT, height)

    def _draw_row(self, row: list[list[str]], top: float, font: str, height: float) -> float:
        canvas = self.canv
        canvas.setFillColor(INK)
        x = 0.0
        for column, (lines, width) in enumerate(zip(row, self.widths, strict=True)):
            text = canvas.beginText()
            text.setFont(font, CELL_SIZE, CELL_LEADING)
            baseline = top - PAD - CELL_SIZE
            for n, line in enumerate(lines):
                if column in self.numeric:
                    offset = width - PAD - _width(line, font, CELL_SIZE)
                else:
                    offset = PAD
                text.setTextOrigin(x + offset, baseline - n * CELL_LEADING)
                text.textOut(line)
            canvas.drawText(text)
            x += width
        bottom = top - height
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.25)
        canvas.line(0, bottom, self.width, bottom)
        return bottom


CELL_SIZE, CELL_LEADING = 7.5, 9.5


@functools.lru_cache(maxsize=65536)
def _width(word: str, font: str, size: float) -> float:
    return float(pdfmetrics.stringWidth(word, font, size))


def wrap(text: str, width: float, font: str, size: float) -> str:
    """Break ``text`` into lines no wider than ``width``; over-long words break anywhere."""
    space = _width(" ", font, size)
    lines: list[str] = []
    for paragraph in text.split("\n"):
        words: list[str] = []
        used = 0.0
        for word in paragraph.split(" "):
            size_of_word = _width(word, font, size)
            if words and used + space + size_of_word <= width:
                words.append(word)
                used += space + size_of_word
                continue
            if words:
                lines.append(" ".join(words))
            while size_of_word > width and len(word) > 1:
                cut = len(word) - 1
                while cut > 1 and _width(word[:cut], font, size) > width:
                    cut -= 1
                lines.append(word[:cut])
                word = word[cut:]
                size_of_word = _width(word, font, size)
            words, used = [word], size_of_word
        lines.append(" ".join(words))
    return "\n".join(lines)
