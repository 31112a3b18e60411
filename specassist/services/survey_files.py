"""Read survey and price-list files without a project: the command line's flag, match and
tender, and the import dialogs' previews.

Kept apart from ``services.imports``, which stores what it reads in a project, so reading a
survey loads no database layer (a command that only reads a file starts faster).
"""

from __future__ import annotations

from pathlib import Path

from specassist.survey import headers
from specassist.survey.importer import SurveyImport, import_survey, preview_rows
from specassist.survey.importer import header_preview as _header_preview
from specassist.survey.price_list import PriceListImport, import_price_list

__all__ = ["SurveyImport", "field_labels", "header_preview", "preview", "read_price_list",
           "read_survey"]  # fmt: skip


def field_labels() -> dict[str, str]:
    """Every survey field a column can be mapped to, with the words the mapping dialog shows
    (``"extra"``, kept as a note column, included)."""
    return headers.field_labels()


def header_preview(
    path: Path,
    sheet: str | None = None,
    column_map: dict[str, str] | None = None,
    encoding: str | None = None,
) -> tuple[list[str], dict[str, str]]:
    """The header row and how each column would be read, before importing."""
    return _header_preview(path, sheet, column_map, encoding)


def preview(
    path: Path, rows: int = 20, sheet: str | None = None, encoding: str | None = None
) -> list[tuple[int, list[str]]]:
    """The first rows exactly as read (numbered), for the column-mapping dialog."""
    return preview_rows(path, rows, sheet, encoding)


def read_survey(
    path: Path,
    sheet: str | None = None,
    column_map: dict[str, str] | None = None,
    encoding: str | None = None,
) -> SurveyImport:
    """Read a survey file without a project (the command line's ``flag``/``match``/``tender``)."""
    return import_survey(path, sheet, column_map, encoding=encoding)


def read_price_list(
    path: Path, default_currency: str | None = None, project_currency: str | None = None
) -> PriceListImport:
    """Read a price list without a project (the command line's ``--prices``)."""
    return import_price_list(
        path, default_currency=default_currency, project_currency=project_currency
    )
