"""Bring surveys and price lists into a project, and take them back out again (undo).

An import returns what it changed — the import's id and its cameras' ids — so
the app can undo it, redo it and re-analyse only those cameras. Reading the
file happens before the transaction, so a file that cannot be read changes
nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from specassist.services import projects
from specassist.services.projects import Project
from specassist.storage import catalog_store, survey_store
from specassist.survey.headers import Field
from specassist.survey.importer import SurveyImport, import_survey, preview_rows
from specassist.survey.importer import header_preview as _header_preview
from specassist.survey.price_list import PriceListImport, import_price_list

__all__ = ["StoredImport", "StoredPrices", "SurveyImport"]
"""``SurveyImport`` is the reader's result; front ends name it through this module."""


@dataclass(frozen=True)
class StoredImport:
    """A survey import as stored: undo removes ``import_id``; redo stores ``result`` again."""

    result: SurveyImport
    import_id: int
    camera_ids: tuple[int, ...] = field(default=())


def field_labels() -> dict[str, str]:
    """Every survey field a column can be mapped to, with the words the mapping dialog shows."""
    return {f.value: f.value.replace("_", " ") for f in Field}


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


def import_into(
    project: Project,
    survey: Path,
    sheet: str | None = None,
    column_map: dict[str, str] | None = None,
    encoding: str | None = None,
    stream: bool = False,
) -> StoredImport:
    """Import a survey file into the project (in the working copy; save to keep it).

    ``stream`` stores cameras batch by batch as they are read, so an estate of
    a million rows never sits in memory whole (the command line's way); the
    result then holds no cameras, and undoing it is by its id. Without it the
    cameras stay in the result, so the app can store them again on redo.
    """
    if not stream:
        return store(project, import_survey(survey, sheet, column_map, encoding=encoding))
    with project.transaction() as session:
        writer = survey_store.ImportWriter(session, project.project_id(), survey.name)
        result = import_survey(survey, sheet, column_map, encoding=encoding, on_cameras=writer.add)
        import_id = _finish(writer, result)
    return StoredImport(result, import_id)


def store(project: Project, result: SurveyImport) -> StoredImport:
    """Store an import already read (a file, or devices found on the network)."""
    with project.transaction() as session:
        writer = survey_store.ImportWriter(session, project.project_id(), result.file)
        writer.add(result.cameras)
        import_id = _finish(writer, result)
        ids = survey_store.camera_ids_of_import(session, import_id)
    return StoredImport(result, import_id, tuple(ids))


def _finish(writer: survey_store.ImportWriter, result: SurveyImport) -> int:
    return writer.finish(
        result.detail, result.mapping, result.issues, result.skipped_rows,
        result.accounting.as_dict(),
    )  # fmt: skip


def remove(project: Project, stored: StoredImport) -> None:
    with project.transaction() as session:
        survey_store.remove_import(session, stored.import_id)


@dataclass(frozen=True)
class StoredPrices:
    result: PriceListImport
    price_ids: tuple[int, ...]


def import_prices(project: Project, path: Path, supplier: str | None = None) -> StoredPrices:
    """Add a supplier's price list to the project's catalog; bad rows are reported, not lost."""
    return store_prices(project, import_price_list(path, supplier))


def store_prices(project: Project, result: PriceListImport) -> StoredPrices:
    ids: list[int] = []
    if result.prices:
        with project.transaction() as session:
            ids = catalog_store.add_prices(session, result.prices)
        projects.catalog_changed(project)
    return StoredPrices(result, tuple(ids))


def remove_prices(project: Project, stored: StoredPrices) -> None:
    with project.transaction() as session:
        catalog_store.remove_prices(session, list(stored.price_ids))
    projects.catalog_changed(project)
