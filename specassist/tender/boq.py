"""Export the client's estimate (bill of quantities) as CSV or XLSX, safe to open.

A cell beginning with ``=``, ``+``, ``-`` or ``@`` (or a tab or carriage
return) is a formula to Excel and LibreOffice: a camera named ``=HYPERLINK(…)``
would run when the BoQ is opened. Such text cells get a leading apostrophe.
Control characters are dropped (XML cannot hold them). Amounts are written as
numbers, equal to the tender's figures; rates are the rounded rates the
document prints. This estimate is the client's: bidders get the pricing
schedule (``pricing_schedule``) instead.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font

from specassist.domain.costing import Costing
from specassist.tender import reproducible
from specassist.tender.textfit import clean, plain

_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
HEADER = ("Site", "Kind", "Item", "Description", "Quantity", "Unit", "Rate", "Amount", "Source")


def neutralise(text: str) -> str:
    text = plain(clean(text))
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


def _item(item: str, names: Mapping[str, str]) -> str:
    """``vendor:part`` as "Vendor part", the way the document prints it."""
    vendor, sep, part = item.partition(":")
    return f"{names.get(vendor, vendor)} {part}" if sep else item


def rows(
    costing: Costing, names: Mapping[str, str] | None = None
) -> list[list[str | Decimal | None]]:
    names = names or {}
    out: list[list[str | Decimal | None]] = []
    for site in costing.sites:
        for line in site.lines:
            out.append([
                neutralise(site.label), line.kind.value, neutralise(_item(line.item, names)),
                neutralise(line.description), line.quantity, line.unit,
                line.unit_price.amount if line.unit_price else None,
                line.total.amount if line.total else None, neutralise(line.source or ""),
            ])  # fmt: skip
        out.append([neutralise(site.label), "subtotal", "", "", None, "", None,
                    site.subtotal.amount, ""])  # fmt: skip
    phases = costing.phase_subtotals
    if any(phase for phase, _ in phases):  # a phased project: each phase's own subtotal
        for phase, money in phases:
            out.append(["", "phase", "", neutralise(f"Phase subtotal: {phase or 'not phased'}"),
                        None, "", None, money.amount, ""])  # fmt: skip
    s = costing.settings
    partial = " (partial: items without a price are not included)" if costing.missing else ""
    for label, amount in (
        ("Subtotal", costing.subtotal.amount),
        (f"Contingency {s.contingency_pct}%", costing.contingency.amount),
        (f"Margin {s.margin_pct}%", costing.margin.amount),
        ("Net total", costing.net.amount),
        (f"{s.tax_name} {s.tax_pct}%", costing.tax.amount),
        (f"Total {s.currency}", costing.total.amount),
    ):
        out.append(["", "total", "", label, None, "", None, amount, partial])
    return out


def write_csv(costing: Costing, path: Path, names: Mapping[str, str] | None = None) -> None:
    temporary = path.with_name(path.name + ".part")
    with temporary.open("w", newline="", encoding="utf-8-sig") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADER)
        for row in rows(costing, names):
            writer.writerow(["" if v is None else v for v in row])
    temporary.replace(path)


def write_xlsx(
    costing: Costing, path: Path, names: Mapping[str, str] | None = None,
    issued: date | None = None,
) -> None:  # fmt: skip
    """The estimate as one sheet, bold subtotal and total rows, reproducible byte for byte."""
    issued = issued or costing.settings.price_date or date(2000, 1, 1)
    book = Workbook(write_only=True)  # rows streamed, styled as they are written
    book.properties.creator = "SpecAssist"
    book.properties.created = book.properties.modified = datetime(
        issued.year, issued.month, issued.day
    )
    sheet = book.create_sheet("Bill of quantities")
    for column, width in zip("ABCDEFGHI", (22, 10, 24, 48, 9, 6, 12, 14, 30), strict=True):
        sheet.column_dimensions[column].width = width
    bold = Font(bold=True)
    sheet.append([_cell(sheet, value, bold) for value in HEADER])
    for row in rows(costing, names):
        font = bold if row[1] in ("subtotal", "phase", "total") else None
        sheet.append([
            _cell(sheet, value, font, AMOUNT_FORMAT if column in (6, 7) else None)
            for column, value in enumerate(row)
        ])  # fmt: skip
    buffer = io.BytesIO()
    book.save(buffer)
    reproducible.save(buffer.getvalue(), path, issued)


AMOUNT_FORMAT = "#,##0.00"


def _cell(
    sheet: Any, value: str | Decimal | None, font: Font | None, number_format: str | None = None
) -> WriteOnlyCell:
    cell = WriteOnlyCell(sheet, value=value)
    if font is not None:
        cell.font = font
    if number_format is not None:
        cell.number_format = number_format
    return cell
