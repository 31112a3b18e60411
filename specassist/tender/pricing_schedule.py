"""The pricing schedule bidders complete: an XLSX with their rates as the only input.

Every line of the document's pricing schedule, with its reference,
description, unit and quantity. The rate cells (and "model offered" where
asked) are unlocked and accept only a number of zero or more; amounts are
``ROUND(quantity × rate, minor unit)`` formulas, group totals ``SUM`` them,
and the summary adds the group totals into the tender sum. Everything else is
protected, so a bidder cannot change a quantity or a formula by accident. The
file is the same byte for byte for the same document.
"""

from __future__ import annotations

import io
from datetime import datetime
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill, Protection
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from specassist.domain.money import MINOR_UNITS
from specassist.tender import reproducible
from specassist.tender.boq import neutralise
from specassist.tender.document import PageSize, TenderDocument

HEADER = ("Ref", "Description", "Unit", "Qty", "Model offered", "Rate", "Amount")
WIDTHS = (8, 70, 6, 8, 28, 12, 14)
FIRST_ROW = 6
"""Rows 1–4 say what the sheet is and how to fill it in; row 5 is the header."""
INPUT = PatternFill("solid", fgColor="FFF2CC")
"""Pale yellow: the cells a bidder fills in, as spreadsheet forms usually mark them."""
BOLD = Font(bold=True)
UNLOCKED = Protection(locked=False)


def write(document: TenderDocument, path: Path) -> None:
    """Write the schedule of ``document.pricing`` to ``path`` (.xlsx)."""
    if not document.pricing:
        raise ValueError("this document has no pricing schedule: build it as a tender package")
    places = MINOR_UNITS.get(document.currency, 2)
    money = "#,##0" + ("." + "0" * places if places else "")
    book = Workbook()
    issued = document.issue_date
    book.properties.creator = "SpecAssist"
    book.properties.title = neutralise(f"Pricing schedule — {document.title}")
    book.properties.created = book.properties.modified = datetime(
        issued.year, issued.month, issued.day
    )
    sheet = book.active
    sheet.title = "Pricing schedule"
    _heading(sheet, document)
    validation = DataValidation(
        type="decimal", operator="greaterThanOrEqual", formula1="0", allow_blank=True,
        showErrorMessage=True, errorTitle="Rate", error="Enter a rate of 0 or more, as a number.",
    )  # fmt: skip
    sheet.add_data_validation(validation)
    row = FIRST_ROW
    totals: list[tuple[str, int]] = []
    for group in document.pricing:
        sheet.cell(row, 1, group.number).font = BOLD
        sheet.cell(row, 2, neutralise(group.title)).font = BOLD
        row += 1
        first = row
        for line in group.lines:
            text = line.description + (" [provisional]" if line.provisional else "")
            values = (line.ref, neutralise(text), line.unit, line.quantity)
            for column, value in enumerate(values, start=1):
                sheet.cell(row, column, value)
            sheet.cell(row, 2).alignment = Alignment(wrap_text=True, vertical="top")
            if line.model_offered:
                _input(sheet.cell(row, 5))
            _input(sheet.cell(row, 6)).number_format = money
            validation.add(f"F{row}")
            sheet.cell(row, 7, f"=ROUND(D{row}*F{row},{places})").number_format = money
            row += 1
        label = f"Total for {group.number} {group.title}"
        sheet.cell(row, 2, neutralise(label)).font = BOLD
        total = sheet.cell(row, 7, f"=SUM(G{first}:G{row - 1})" if group.lines else 0)
        total.number_format, total.font = money, BOLD
        totals.append((f"{group.number} {group.title}", row))
        row += 2
    sheet.cell(row, 2, "Summary").font = BOLD
    row += 1
    first = row
    for label, total_row in totals:
        sheet.cell(row, 2, neutralise(label))
        sheet.cell(row, 7, f"=G{total_row}").number_format = money
        row += 1
    sheet.cell(row, 2, neutralise(f"{document.total_label} ({document.currency})")).font = BOLD
    grand = sheet.cell(row, 7, f"=SUM(G{first}:G{row - 1})")
    grand.number_format, grand.font = money, BOLD
    _finish(sheet, document)
    buffer = io.BytesIO()
    book.save(buffer)
    reproducible.save(buffer.getvalue(), path, issued)


def _input(cell: Any) -> Any:
    cell.protection = UNLOCKED
    cell.fill = INPUT
    return cell


def _heading(sheet: Worksheet, document: TenderDocument) -> None:
    sheet.cell(1, 1, neutralise(f"Pricing schedule — {document.title}")).font = Font(
        bold=True, size=13
    )
    client = f" for {document.client}" if document.client else ""
    sheet.cell(2, 1, neutralise(f"{document.project}{client}; revision {document.revision}, "
                                f"fingerprint {document.fingerprint}"))  # fmt: skip
    sheet.cell(3, 1, "Enter a rate for every line in the yellow cells, and the model offered "
               "where asked. Amounts and totals are calculated; other cells are protected. "
               f"Prices in {document.currency}; rates prevail over amounts.")  # fmt: skip
    sheet.cell(4, 1, "Each amount is the quantity times the rate, rounded to the currency's "
               "minor unit; totals add the rounded amounts.")  # fmt: skip
    for column, title in enumerate(HEADER, start=1):
        sheet.cell(5, column, title).font = BOLD


def _finish(sheet: Worksheet, document: TenderDocument) -> None:
    for index, width in enumerate(WIDTHS):
        sheet.column_dimensions["ABCDEFG"[index]].width = width
    sheet.freeze_panes = f"A{FIRST_ROW}"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = (
        sheet.PAPERSIZE_LETTER if document.page is PageSize.LETTER else sheet.PAPERSIZE_A4
    )
    sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = "5:5"
    sheet.protection.sheet = True
    sheet.protection.formatColumns = False  # bidders may widen columns to read descriptions
