"""Export the bill of quantities as CSV or XLSX, safe to open in a spreadsheet.

A cell beginning with ``=``, ``+``, ``-`` or ``@`` (or a tab or carriage
return) is a formula to Excel and LibreOffice: a camera named ``=HYPERLINK(…)``
would run when the BoQ is opened. Such text cells get a leading apostrophe.
Amounts are written as numbers, equal to the tender's figures.
"""

from __future__ import annotations

import csv
from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font

from specassist.domain.costing import Costing

_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
HEADER = ("Site", "Kind", "Item", "Description", "Quantity", "Unit", "Rate", "Amount", "Source")


def neutralise(text: str) -> str:
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


def rows(costing: Costing) -> list[list[str | Decimal | None]]:
    out: list[list[str | Decimal | None]] = []
    for site in costing.sites:
        for line in site.lines:
            out.append([
                neutralise(site.site), line.kind.value, neutralise(line.item),
                neutralise(line.description), line.quantity, line.unit,
                line.unit_price.amount if line.unit_price else None,
                line.total.amount if line.total else None, neutralise(line.source or ""),
            ])  # fmt: skip
        out.append([neutralise(site.site), "subtotal", "", "", None, "", None,
                    site.subtotal.amount, ""])  # fmt: skip
    s = costing.settings
    for label, amount in (
        ("Subtotal", costing.subtotal.amount),
        (f"Contingency {s.contingency_pct}%", costing.contingency.amount),
        (f"Margin {s.margin_pct}%", costing.margin.amount),
        ("Net total", costing.net.amount),
        (f"{s.tax_name} {s.tax_pct}%", costing.tax.amount),
        (f"Total {s.currency}", costing.total.amount),
    ):
        out.append(["", "total", "", label, None, "", None, amount, ""])
    return out


def write_csv(costing: Costing, path: Path) -> None:
    temporary = path.with_name(path.name + ".part")
    with temporary.open("w", newline="", encoding="utf-8-sig") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADER)
        for row in rows(costing):
            writer.writerow(["" if v is None else v for v in row])
    temporary.replace(path)


def write_xlsx(costing: Costing, path: Path) -> None:
    book = Workbook()
    sheet = book.active
    sheet.title = "Bill of quantities"
    sheet.append(list(HEADER))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows(costing):
        sheet.append(row)
        if row[1] in ("subtotal", "total"):
            for cell in sheet[sheet.max_row]:
                cell.font = Font(bold=True)
    for column, width in zip("ABCDEFGHI", (22, 10, 24, 48, 9, 6, 12, 14, 30), strict=True):
        sheet.column_dimensions[column].width = width
    for row_cells in sheet.iter_rows(min_row=2, min_col=7, max_col=8):
        for cell in row_cells:
            cell.number_format = "#,##0.00"
    temporary = path.with_name(path.name + ".part")
    book.save(temporary)
    temporary.replace(path)
