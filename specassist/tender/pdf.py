"""Draw a TenderDocument as a PDF with reportlab.

Two passes: the first lays the story out on a canvas that draws nothing and
keeps no page, to learn where each heading falls and how many pages there
are; the second draws each page completely — "Page x of y", the contents with
their page numbers — as it is finished, so reportlab compresses it straight
into the file's objects instead of holding every page's drawing operations
until the end. Table cells are wrapped once and shared by both passes.

Determinism: reportlab's ``invariant`` mode fixes the creation date and the
document id, fonts are embedded from the bundled files, and nothing reads the
clock, so the same document gives a byte-identical file.

Safety: every piece of text passes through ``safe`` before it reaches
reportlab's paragraph markup, so a camera named ``<b>x</b> & "y"`` prints as
written and cannot break or restyle the document.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab import rl_config
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfdoc, pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
)

from specassist.domain.project_settings import Layout
from specassist.tender.document import (
    Figure,
    PackagePart,
    PageSize,
    Part,
    Section,
    Table,
    TenderDocument,
    Text,
    with_forms_as_tables,
)
from specassist.tender.pdf_contents import Contents, Heading
from specassist.tender.pdf_grid import BOLD, FONT, INK, MUTED, RULE, GridTable, grid
from specassist.tender.pdf_plan import PlanFlowable
from specassist.tender.textfit import MAX_PARAGRAPH_CHARS, NB_HYPHEN, bounded, split_word

MARGIN = 18 * mm
PAGES = {PageSize.A4: A4, PageSize.LETTER: LETTER}
FOLLOW_MIN = 30 * mm
"""Room a heading needs below it (its first lines or table rows) to stay on its page."""
LONG_WORD = 60
"""Body-text words longer than this (characters) are cut to the line width before layout."""


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
        "package": ParagraphStyle("package", parent=base, fontName=BOLD, fontSize=16,
                                  leading=20, spaceAfter=8),
        "h1": ParagraphStyle("h1", parent=base, fontName=BOLD, fontSize=13, leading=16,
                             spaceBefore=10, spaceAfter=6),
        "title": ParagraphStyle("title", parent=base, fontName=BOLD, fontSize=22, leading=27),
        "subtitle": ParagraphStyle("subtitle", parent=base, fontSize=12, leading=16,
                                   textColor=MUTED),
    }  # fmt: skip


def safe(text: str) -> str:
    """User text as paragraph markup that shows exactly the characters given.

    Bounded in length, words too long for a line cut in linear time (reportlab's own
    long-word splitting is quadratic), non-breaking hyphens printed as hyphens.
    """
    text = bounded(text, MAX_PARAGRAPH_CHARS).replace(NB_HYPHEN, "-")
    if any(len(word) > LONG_WORD for word in text.split()):
        text = " ".join(_cut(word) for word in text.split(" "))
    return escape(text, {'"': "&quot;"}).replace("\n", "<br/>")


def _cut(word: str) -> str:
    if len(word) <= LONG_WORD:
        return word
    return " ".join(split_word(word, 400.0, lambda ch: _CHAR_WIDTH))


_CHAR_WIDTH = 400.0 / LONG_WORD
"""Cut over-long words every LONG_WORD characters: narrower than any body column at 9 pt."""


class _Document(BaseDocTemplate):  # type: ignore[misc]
    """Records the page each heading lands on, for the contents of the second pass."""

    def __init__(self, *args: Any, pages: dict[int, int], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.heading_pages = pages

    def afterFlowable(self, flowable: Flowable) -> None:
        if isinstance(flowable, Heading):
            self.heading_pages[flowable.index] = self.page


def _layout_canvas(document: TenderDocument, total: int | None) -> type[Canvas]:
    """The first pass's canvas (``total`` None: draws and keeps nothing) or the second's."""

    class PageCanvas(Canvas):  # type: ignore[misc]
        dry = total is None

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            kwargs["invariant"] = 1
            super().__init__(*args, **kwargs)

        def showPage(self) -> None:
            if self.dry:
                self._startPage()  # drop the page's drawing operations at once
                return
            if self._pageNumber > 1:
                _furniture(self, document, self._pageNumber, total or 0)
            super().showPage()
            _seal(self._doc.Pages.pages[-1])

        def save(self) -> None:
            if not self.dry:
                super().save()

    return PageCanvas


def _seal(page: pdfdoc.PDFPage) -> None:
    """Compress a finished page's stream now, as the file would hold it, and drop the text.

    reportlab would keep every page's drawing operations as text until ``save``;
    encoding them here with the same filters gives the same bytes in a fraction
    of the memory.
    """
    if not page.compression or not page.stream:
        return
    filters = (
        [pdfdoc.PDFBase85Encode, pdfdoc.PDFZCompress] if rl_config.useA85 else [pdfdoc.PDFZCompress]
    )
    content: str | bytes = page.stream
    for encoder in reversed(filters):
        content = encoder.encode(content)
    stream = pdfdoc.PDFStream(content=content)
    stream.dictionary["Filter"] = pdfdoc.PDFArray([pdfdoc.PDFName(f.pdfname) for f in filters])
    stream.__Comment__ = "page stream"
    page.Contents, page.stream = stream, None


def _furniture(canvas: Canvas, document: TenderDocument, page: int, total: int) -> None:
    width, height = PAGES[document.page]
    canvas.saveState()
    canvas.setFont(FONT, 7.5)
    canvas.setFillColor(MUTED)
    title = f"{document.title} — {document.project}"
    canvas.drawString(MARGIN, height - 11 * mm, bounded(title, 110))
    canvas.drawRightString(width - MARGIN, height - 11 * mm, f"Revision {document.revision}")
    canvas.setStrokeColor(RULE)
    canvas.line(MARGIN, height - 12.5 * mm, width - MARGIN, height - 12.5 * mm)
    canvas.line(MARGIN, 12.5 * mm, width - MARGIN, 12.5 * mm)
    canvas.drawString(MARGIN, 9 * mm, f"Fingerprint {document.fingerprint}")
    canvas.drawCentredString(width / 2, 9 * mm, document.dates.written(document.issue_date))
    canvas.drawRightString(width - MARGIN, 9 * mm, f"Page {page} of {total}")
    canvas.restoreState()


def render(document: TenderDocument, path: Path, font_dir: Path) -> int:
    """Write the PDF to ``path`` (via a temporary file, so a failure leaves no half file).

    Returns the number of pages.
    """
    register_fonts(font_dir)
    styles = _styles()
    page_size = PAGES[document.page]
    temporary = path.with_name(path.name + ".part")
    frame_width = page_size[0] - 2 * MARGIN
    frame_height = page_size[1] - 34 * mm
    tables: dict[int, GridTable] = {}
    headings: dict[int, int] = {}
    pages = 0
    for total in (None, 0):
        doc = _Document(
            str(temporary), pages=headings, pagesize=page_size, leftMargin=MARGIN,
            rightMargin=MARGIN, topMargin=17 * mm, bottomMargin=17 * mm,
            title=document.title, author=document.issuer or "SpecAssist",
            subject=document.project, creator="SpecAssist", invariant=1,
        )  # fmt: skip
        frame = Frame(doc.leftMargin, doc.bottomMargin, doc.width, doc.height, id="body")
        doc.addPageTemplates([PageTemplate(id="page", frames=[frame])])
        known = dict(headings) if total is not None else None
        story = _Story(document, styles, frame_width, frame_height, tables, known).build()
        doc.build(story, canvasmaker=_layout_canvas(document, pages if total is not None else None))
        pages = int(doc.page)
    temporary.replace(path)
    return pages


class _Story:
    """The flowables of one pass; table cells are wrapped in the first and reused."""

    def __init__(self, document: TenderDocument, styles: dict[str, ParagraphStyle],
                 width: float, height: float, tables: dict[int, GridTable],
                 pages: dict[int, int] | None) -> None:  # fmt: skip
        self.document, self.styles, self.width, self.height = document, styles, width, height
        self.tables, self.pages = tables, pages
        self.entries: list[tuple[int, str]] = []
        self.table_index = 0

    def build(self) -> list[Flowable]:
        body = self._body()
        contents = Contents(self.entries, self.pages, self.width)
        head = [Paragraph("Contents", self.styles["h1"]), contents, PageBreak()]
        return self._cover() + head + body

    def _cover(self) -> list[Flowable]:
        d = self.document
        rows = [
            ("Project", d.project), ("Client", d.client or "—"),
            ("Sites", ", ".join(d.sites) or "—"), ("Issued by", d.issuer or "—"),
            ("Revision", d.revision), ("Date of issue", d.dates.written(d.issue_date)),
            ("Document fingerprint", d.fingerprint),
        ]  # fmt: skip
        table = grid(Table(("", ""), tuple(rows), (1, 3)), 150 * mm, self.height, header=False)
        return [
            Spacer(1, 40 * mm),
            Paragraph(safe(d.title), self.styles["title"]),
            Spacer(1, 4 * mm),
            Paragraph(safe(d.kind or _default_kind(d)), self.styles["subtitle"]),
            Spacer(1, 14 * mm),
            table,
            Spacer(1, 12 * mm),
            Paragraph(
                "The fingerprint identifies the survey, the catalog and rule-set versions, the "
                "prices, currency and cost settings, the clause set and the date of issue this "
                "document was produced from; it is printed on every page.",
                self.styles["note"],
            ),
            PageBreak(),
        ]

    def _heading(self, text: str, style: str, level: int) -> Heading:
        self.entries.append((level, text))
        return Heading(safe(text), self.styles[style], len(self.entries) - 1)

    def _body(self) -> list[Flowable]:
        story: list[Flowable] = []
        titles = _PART_TITLES[self.document.layout]
        package: PackagePart | None = None
        label = ""
        for section in self.document.sections:
            pending: list[Flowable] = []
            if section.package_part is not package:
                package = section.package_part
                title = self.document.part_title(package)
                if story and (title or package is PackagePart.APPENDICES):
                    story.append(PageBreak())
                if title:
                    pending.append(self._heading(title, "package", 0))
                label = ""
            sub_parts = package is PackagePart.SPECIFICATION or (
                package is PackagePart.APPENDICES and not self.document.part_titles
            )
            if sub_parts and titles.get(section.part, "") != label:
                label = titles.get(section.part, "")
                pending.append(Paragraph(safe(label), self.styles["part"]))
            title = f"{section.number} {section.title}".strip()
            pending.append(self._heading(title, "h1", 1))
            story.extend(self._section(section, pending))
        return story

    def _section(self, section: Section, headings: list[Flowable]) -> list[Flowable]:
        out: list[Flowable] = []
        lead = list(headings)
        for block in with_forms_as_tables(section.blocks):
            flowable = self._block(block)
            if isinstance(block, Text) and block.style == "label":
                lead.append(flowable)  # a label stays with what it introduces
                continue
            out += _kept(lead, flowable, self.width) if lead else [flowable]
            lead = []
        out += lead
        return out

    def _block(self, block: Text | Table | Figure) -> Flowable:
        if isinstance(block, Table):
            return self._grid(block, header=any(block.header))
        if isinstance(block, Figure):
            return PlanFlowable(block, self.height)
        if block.style == "bullet":
            return Paragraph(safe(block.text), self.styles["bullet"], bulletText="•")
        return Paragraph(safe(block.text), self.styles.get(block.style, self.styles["body"]))

    def _grid(self, block: Table, header: bool = True) -> GridTable:
        index = self.table_index
        self.table_index += 1
        if index not in self.tables:
            self.tables[index] = grid(block, self.width, self.height, header)
        made = self.tables[index]
        return GridTable(made.widths, made.header, made.rows, made.numeric, made.totals,
                         made.fill, 0, made.heights)  # fmt: skip


def _kept(lead: list[Flowable], follower: Flowable, width: float) -> list[Flowable]:
    """Headings and labels that move to the next page unless what follows starts under them."""
    need = sum(f.wrap(width, 10_000)[1] + f.getSpaceBefore() + f.getSpaceAfter() for f in lead)
    if isinstance(follower, GridTable):
        need += follower.first_height()
    else:
        need += min(follower.wrap(width, 10_000)[1], FOLLOW_MIN)
    return [CondPageBreak(need), *lead, follower]


def _default_kind(document: TenderDocument) -> str:
    if document.layout is Layout.CSI:
        return (f"Specification section {document.section_number} "
                "(CSI MasterFormat three-part format)")  # fmt: skip
    return f"Specification work section {document.section_number} (NBS clause structure)"


_PART_TITLES = {
    Layout.CSI: {Part.GENERAL: "PART 1 — GENERAL", Part.PRODUCTS: "PART 2 — PRODUCTS",
                 Part.EXECUTION: "PART 3 — EXECUTION", Part.COMPLETION: "PART 3 — EXECUTION",
                 Part.APPENDIX: "APPENDICES"},
    Layout.NBS: {Part.GENERAL: "General", Part.PRODUCTS: "Products",
                 Part.EXECUTION: "Execution", Part.COMPLETION: "Completion",
                 Part.APPENDIX: "Appendices"},
}  # fmt: skip
