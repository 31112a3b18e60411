"""Write a TenderDocument as an editable DOCX with python-docx.

The same sections, numbers and tables as the PDF, as a procurement team
edits them: real Heading 1/Heading 2 paragraphs (kept with the next
paragraph), a contents field Word fills in when the file is opened, real
tables with a repeating header row, shaded cells where bidders fill in, page
x of y in the footer. Big tables are written as XML rows directly: python-docx's
row API looks cells up through the whole table, quadratic in its length.

Reproducible byte for byte: fixed core properties and zip times
(``reproducible``). User text is cleaned of control characters and bounded
like the PDF's; non-breaking hyphens become Word's own ``w:noBreakHyphen``.
"""

from __future__ import annotations

import io
from datetime import datetime
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor, Twips
from docx.text.paragraph import Paragraph

from specassist.domain.project_settings import Layout
from specassist.tender import plan_raster, reproducible
from specassist.tender.document import (
    Figure,
    PackagePart,
    PageSize,
    Part,
    Table,
    TenderDocument,
    Text,
    with_forms_as_tables,
)
from specassist.tender.textfit import (
    MAX_CELL_CHARS,
    MAX_PARAGRAPH_CHARS,
    NB_HYPHEN,
    bounded,
)

PAGE_MM = {PageSize.A4: (210, 297), PageSize.LETTER: (215.9, 279.4)}
MARGIN_MM = 18
FONT = "Arial"
"""Present on Windows and macOS; LibreOffice maps it to the metric-compatible Liberation Sans."""
SHADE, FILL = "E4E7EB", "FFF8E1"
FILL_ROW_TWIPS = 400
"""Fill-in rows at least 7 mm high: two lines of 8 pt handwriting, as the PDF leaves."""
TEXT_WIDTH_TWIPS = {size: int((w - 2 * MARGIN_MM) / 25.4 * 1440) for size, (w, _) in
                    PAGE_MM.items()}  # fmt: skip
PART_LABELS = {
    Layout.CSI: {Part.GENERAL: "PART 1 — GENERAL", Part.PRODUCTS: "PART 2 — PRODUCTS",
                 Part.EXECUTION: "PART 3 — EXECUTION", Part.COMPLETION: "PART 3 — EXECUTION",
                 Part.APPENDIX: "APPENDICES"},
    Layout.NBS: {Part.GENERAL: "General", Part.PRODUCTS: "Products", Part.EXECUTION: "Execution",
                 Part.COMPLETION: "Completion", Part.APPENDIX: "Appendices"},
}  # fmt: skip


def render(document: TenderDocument, path: Path, font_dir: Path) -> None:
    """Write ``document`` to ``path`` (.docx), the same bytes for the same document.

    ``font_dir`` holds the fonts plan pictures are lettered in.
    """
    word = Document()
    _setup(word, document)
    _cover(word, document)
    _contents(word)
    _body(word, document, font_dir)
    buffer = io.BytesIO()
    word.save(buffer)
    reproducible.save(buffer.getvalue(), path, document.issue_date)


def _setup(word: object, document: TenderDocument) -> None:
    issued = datetime(document.issue_date.year, document.issue_date.month, document.issue_date.day)
    props = word.core_properties  # type: ignore[attr-defined]
    props.title, props.subject = _clean(document.title), _clean(document.project)
    props.author = props.last_modified_by = _clean(document.issuer) or "SpecAssist"
    props.created = props.modified = props.last_printed = issued
    props.revision, props.comments = 1, f"Fingerprint {document.fingerprint}"
    styles = word.styles  # type: ignore[attr-defined]
    normal = styles["Normal"]
    normal.font.name, normal.font.size = FONT, Pt(9.5)
    normal.element.rPr.rFonts.set(qn("w:eastAsia"), FONT)
    normal.paragraph_format.space_after = Pt(5)
    for name, size in (("Heading 1", 16), ("Heading 2", 13), ("Title", 24)):
        style = styles[name]
        style.font.name, style.font.size = FONT, Pt(size)
        style.font.color.rgb = RGBColor(0x1F, 0x29, 0x33)
        style.paragraph_format.keep_with_next = True
    section = word.sections[0]  # type: ignore[attr-defined]
    width, height = PAGE_MM[document.page]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(width), Mm(height)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Mm(MARGIN_MM))
    header = section.header.paragraphs[0]
    header.text = _clean(f"{document.title} — {document.project} — Revision {document.revision}")
    footer = section.footer.paragraphs[0]
    footer.add_run(f"Fingerprint {document.fingerprint}    "
                   f"{document.dates.written(document.issue_date)}    Page ")  # fmt: skip
    _field(footer, "PAGE", "1")
    footer.add_run(" of ")
    _field(footer, "NUMPAGES", "1")
    for paragraph in (header, footer):
        for run in paragraph.runs:
            run.font.size = Pt(7.5)
    update = OxmlElement("w:updateFields")  # Word fills the contents and page fields on opening
    update.set(qn("w:val"), "true")
    word.settings.element.append(update)  # type: ignore[attr-defined]


def _field(paragraph: Paragraph, instruction: str, shown: str) -> None:
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), instruction)
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = shown
    run.append(text)
    field.append(run)
    paragraph._p.append(field)


def _cover(word: object, document: TenderDocument) -> None:
    word.add_paragraph(_clean(document.title), style="Title")  # type: ignore[attr-defined]
    if document.kind:
        word.add_paragraph(_clean(document.kind), style="Subtitle")  # type: ignore[attr-defined]
    rows = (
        ("Project", document.project), ("Client", document.client or "—"),
        ("Sites", ", ".join(document.sites) or "—"), ("Issued by", document.issuer or "—"),
        ("Revision", document.revision),
        ("Date of issue", document.dates.written(document.issue_date)),
        ("Document fingerprint", document.fingerprint),
    )  # fmt: skip
    _table(word, Table(("", ""), rows, (1, 3)), document.page, header=False)
    note = word.add_paragraph(  # type: ignore[attr-defined]
        "The fingerprint identifies the survey, the catalog and rule-set versions, the prices, "
        "currency and cost settings, the clause set and the date of issue this document was "
        "produced from; it is printed on every page."
    )
    _note(note)
    note.add_run().add_break(WD_BREAK.PAGE)


def _contents(word: object) -> None:
    word.add_paragraph("Contents", style="Heading 1")  # type: ignore[attr-defined]
    paragraph = word.add_paragraph()  # type: ignore[attr-defined]
    run = paragraph.add_run()
    parts = []
    for kind, text in (("begin", None), (None, 'TOC \\o "1-2" \\h \\z \\u'), ("separate", None),
                       ("text", "Open in Word or update fields (F9) to list the contents."),
                       ("end", None)):  # fmt: skip
        if kind == "text":
            element = OxmlElement("w:t")
            element.text = text
        elif kind is None:
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = text
        else:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        parts.append(element)
    for element in parts:
        run._r.append(element)
    run.add_break(WD_BREAK.PAGE)


def _body(word: object, document: TenderDocument, font_dir: Path) -> None:
    add = word.add_paragraph  # type: ignore[attr-defined]
    has_parts = bool(document.part_titles)
    package: PackagePart | None = None
    label = ""
    first = True
    for section in document.sections:
        if section.package_part is not package:
            package = section.package_part
            title = document.part_title(package)
            if not first and (title or package is PackagePart.APPENDICES):
                add().add_run().add_break(WD_BREAK.PAGE)
            if title:
                add(_clean(title), style="Heading 1")
            label = ""
        first = False
        if package is PackagePart.SPECIFICATION or (
            package is PackagePart.APPENDICES and not has_parts
        ):
            wanted = PART_LABELS[document.layout].get(section.part, "")
            if wanted != label:
                label = wanted
                part = add()
                part.paragraph_format.keep_with_next = True
                run = part.add_run(label)
                run.bold, run.font.color.rgb = True, RGBColor(0x52, 0x60, 0x6D)
        heading = f"{section.number} {section.title}".strip()
        add(_clean(heading), style="Heading 2" if has_parts else "Heading 1")
        for block in with_forms_as_tables(section.blocks):
            _block(word, block, document.page, font_dir)


def _block(word: object, block: Text | Table | Figure, page: PageSize, font_dir: Path) -> None:
    if isinstance(block, Table):
        _table(word, block, page, header=any(block.header))
    elif isinstance(block, Figure):
        picture = io.BytesIO(plan_raster.render_png(block, font_dir))
        width = Twips(TEXT_WIDTH_TWIPS[page])
        word.add_picture(picture, width=width)  # type: ignore[attr-defined]
    else:
        style = "List Bullet" if block.style == "bullet" else None
        paragraph = word.add_paragraph(style=style)  # type: ignore[attr-defined]
        _runs(paragraph._p, bounded(block.text, MAX_PARAGRAPH_CHARS), bold=block.style == "label")
        if block.style == "label":
            paragraph.paragraph_format.keep_with_next = True
            paragraph.paragraph_format.space_before = Pt(6)
        elif block.style == "note":
            _note(paragraph)


def _note(paragraph: Paragraph) -> None:
    for run in paragraph.runs:
        run.font.size, run.font.color.rgb = Pt(7.5), RGBColor(0x52, 0x60, 0x6D)
    for run in paragraph._p.iter(qn("w:r")):
        properties = run.find(qn("w:rPr"))
        if properties is None:
            properties = OxmlElement("w:rPr")
            run.insert(0, properties)
        if properties.find(qn("w:sz")) is None:
            size = OxmlElement("w:sz")
            size.set(qn("w:val"), "15")
            properties.append(size)


def _clean(text: str) -> str:
    return bounded(text, MAX_CELL_CHARS).replace(NB_HYPHEN, "-")


def _runs(parent: object, text: str, bold: bool = False) -> None:
    """Text as runs in ``parent`` (a w:p): line breaks as w:br, no-break hyphens as Word's."""
    run = OxmlElement("w:r")
    if bold:
        properties = OxmlElement("w:rPr")
        properties.append(OxmlElement("w:b"))
        run.append(properties)
    for n, line in enumerate(bounded(text, MAX_PARAGRAPH_CHARS).split("\n")):
        if n:
            run.append(OxmlElement("w:br"))
        for m, piece in enumerate(line.split(NB_HYPHEN)):
            if m:
                run.append(OxmlElement("w:noBreakHyphen"))
            if piece:
                element = OxmlElement("w:t")
                element.set(qn("xml:space"), "preserve")
                element.text = piece
                run.append(element)
    parent.append(run)  # type: ignore[attr-defined]


def _table(word: object, block: Table, page: PageSize, header: bool = True) -> None:
    weights = block.widths or tuple(1.0 for _ in block.header)
    widths = [int(TEXT_WIDTH_TWIPS[page] * w / sum(weights)) for w in weights]
    table = word.add_table(rows=0, cols=len(widths))  # type: ignore[attr-defined]
    table.style = "Table Grid"
    tbl = table._tbl
    grid = tbl.tblGrid
    for column, width in zip(grid.iter(qn("w:gridCol")), widths, strict=False):
        column.set(qn("w:w"), str(width))
    if header:
        tbl.append(_row(block.header, widths, block, head=True))
    for index, cells in enumerate(block.rows):
        tbl.append(_row(cells, widths, block, total=index in block.totals))
    word.add_paragraph()  # type: ignore[attr-defined]  # Word needs a paragraph between tables


def _row(cells: tuple[str, ...], widths: list[int], block: Table, head: bool = False,
         total: bool = False) -> object:  # fmt: skip
    row = OxmlElement("w:tr")
    properties = OxmlElement("w:trPr")
    if head:
        properties.append(OxmlElement("w:tblHeader"))  # repeated on every page
    properties.append(OxmlElement("w:cantSplit"))
    if block.fill and not head:
        height = OxmlElement("w:trHeight")  # room to write by hand, as on the PDF
        height.set(qn("w:val"), str(FILL_ROW_TWIPS))
        height.set(qn("w:hRule"), "atLeast")
        properties.append(height)
    row.append(properties)
    for column, (text, width) in enumerate(zip(cells, widths, strict=True)):
        cell = OxmlElement("w:tc")
        cell_properties = OxmlElement("w:tcPr")
        size = OxmlElement("w:tcW")
        size.set(qn("w:w"), str(width))
        size.set(qn("w:type"), "dxa")
        cell_properties.append(size)
        shade = SHADE if head else FILL if column in block.fill else None
        if shade:
            shading = OxmlElement("w:shd")
            shading.set(qn("w:val"), "clear")
            shading.set(qn("w:fill"), shade)
            cell_properties.append(shading)
        cell.append(cell_properties)
        paragraph = OxmlElement("w:p")
        paragraph_properties = OxmlElement("w:pPr")
        spacing = OxmlElement("w:spacing")
        spacing.set(qn("w:after"), "0")
        paragraph_properties.append(spacing)
        if column in block.numeric and not head:
            justify = OxmlElement("w:jc")
            justify.set(qn("w:val"), "right")
            paragraph_properties.append(justify)
        run_size = OxmlElement("w:rPr")
        points = OxmlElement("w:sz")
        points.set(qn("w:val"), "16")
        run_size.append(points)
        paragraph_properties.append(run_size)
        paragraph.append(paragraph_properties)
        _runs(paragraph, bounded(text, MAX_CELL_CHARS), bold=head or total)
        for run in paragraph.iter(qn("w:r")):
            existing = run.find(qn("w:rPr"))
            if existing is None:
                existing = OxmlElement("w:rPr")
                run.insert(0, existing)
            small = OxmlElement("w:sz")
            small.set(qn("w:val"), "16")
            existing.append(small)
        cell.append(paragraph)
        row.append(cell)
    return row
