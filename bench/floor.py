"""The floor the tender bench is measured against: the least any program could do with the
same input and output sizes.

Usage: python bench/floor.py SURVEY.csv SCHEDULE_ROWS BOQ_ROWS OUT_FOLDER

It reads the survey with the csv module (every cell), draws SCHEDULE_ROWS rows
of seven text cells as a table on a bare reportlab canvas (no layout engine,
no fonts beyond Helvetica), and writes BOQ_ROWS rows with openpyxl in
write-only mode. SpecAssist does all of that and identifies, matches, costs
and lays out a document besides; the ratio of the two shows what that costs.
"""

from __future__ import annotations

import csv
import sys
import time
from pathlib import Path


def main(survey: Path, schedule_rows: int, boq_rows: int, folder: Path) -> None:
    from openpyxl import Workbook
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.pdfgen.canvas import Canvas

    start = time.perf_counter()
    with survey.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    width, height = landscape(A4)
    canvas = Canvas(str(folder / "floor.pdf"), pagesize=(width, height))
    canvas.setFont("Helvetica", 7)
    y = height - 40
    for n in range(schedule_rows):
        source = rows[1 + n % max(1, len(rows) - 1)]
        for column, text in enumerate(source[:7]):
            canvas.drawString(30 + column * 110, y, text[:24])
        canvas.line(30, y - 3, width - 30, y - 3)
        y -= 12
        if y < 40:
            canvas.showPage()
            canvas.setFont("Helvetica", 7)
            y = height - 40
    canvas.save()
    book = Workbook(write_only=True)
    sheet = book.create_sheet("BoQ")
    for n in range(boq_rows):
        sheet.append([f"item {n}", "description of the item", n % 7 + 1, "nr", 123.45, 456.78])
    book.save(folder / "floor.xlsx")
    print(f"{time.perf_counter() - start:.3f}")


if __name__ == "__main__":
    main(Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), Path(sys.argv[4]))
