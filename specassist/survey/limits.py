"""The limits every survey read is held to, stated once so errors can quote them.

A survey is a table a person could scroll through. Anything far beyond these
figures is a damaged file, a stray keystroke at the edge of a sheet, or an
attack, and reading it as-is would take minutes and gigabytes before failing.
Each limit is enforced with an error that names the file, and where it
applies, the row and column.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class ReadLimits:
    max_file_bytes: int = 2 * 1024**3
    """2 GiB. A 1.5-million-row survey CSV with 16 columns is about 212 MB."""
    max_sheet_file_bytes: int = 256 * 1024**2
    """256 MiB for a workbook (compressed): a 20,000-row XLSX survey is about 1.5 MB."""
    max_unpacked_bytes: int = 1024**3
    """1 GiB of XML inside a workbook; a ratio bomb stops here, not in memory."""
    max_cell_chars: int = 32_767
    """Excel's own limit for one cell ("Excel specifications and limits", Microsoft)."""
    max_line_chars: int = 1024**2
    """1 Mi characters for one CSV record (a row of 32 full cells); longer is not a survey row."""
    max_columns: int = 1_000
    """Surveys have 10–60 columns; a row wider than 1,000 is cut there, with an error."""
    max_rows: int = 5_000_000
    """Rows read from one file; five times the largest estate seen (1.5 million rows)."""
    max_sheet_cells: int = 20_000_000
    """Rows × columns of a sheet's used range, e.g. 400,000 rows × 50 columns.

    The reader holds the used range in memory at about 32 bytes a cell, so this
    bounds it near 640 MB; a sheet with one value in A1 and one in XFD1048576
    (17 billion cells) is refused instead of exhausting memory.
    """


LIMITS = ReadLimits()
