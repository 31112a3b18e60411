"""Bring surveys and price lists into a project, and take them back out again (undo).

An import returns what it changed — the import's id and its cameras' ids — so
the app can undo it, redo it and re-analyse only those cameras. Reading the
file happens before the transaction, so a file that cannot be read changes
nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from sqlalchemy.orm import Session

from specassist.domain.device_identity import Merger, updated
from specassist.domain.issues import InputIssue, Severity
from specassist.domain.survey import SurveyCamera
from specassist.services import project_settings, projects
from specassist.services.projects import Project
from specassist.services.survey_files import (
    field_labels,
    header_preview,
    preview,
    read_price_list,
    read_survey,
)
from specassist.storage import catalog_store, survey_store
from specassist.survey.importer import SurveyImport, import_survey
from specassist.survey.price_list import PriceListImport, import_price_list

__all__ = ["ImportMode", "StoredImport", "StoredPrices", "SurveyImport", "field_labels",
           "header_preview", "preview", "read_price_list", "read_survey"]  # fmt: skip
"""``SurveyImport`` is the reader's result; front ends name it through this module. The
readers live in ``services.survey_files``, which loads no database layer."""


class ImportMode(StrEnum):
    """What an import does to the cameras the project already has."""

    ADD = "add"
    """Every row becomes a camera; rows naming a camera the project has are reported."""
    UPDATE = "update"
    """Rows naming a camera the project has (by MAC, serial or tag) update it; others are
    added; the cameras the file leaves out are kept and listed."""


@dataclass(frozen=True)
class StoredImport:
    """A survey import as stored. Undo restores ``replaced`` and removes ``import_id`` (its
    added cameras and its issues); redo stores ``result`` again the same way."""

    result: SurveyImport
    import_id: int
    camera_ids: tuple[int, ...] = field(default=())
    """The cameras it added."""
    mode: ImportMode = ImportMode.ADD
    replaced: tuple[tuple[int, SurveyCamera], ...] = ()
    """The cameras it updated, as they were before."""
    absent: int = 0
    """Cameras of the project the file did not mention (update only)."""
    added: int = 0
    known: int = 0
    """Rows naming a camera the project (or an earlier row) already has: updates, repeats, or
    second copies in the add mode — each reported as an issue."""

    @property
    def updated(self) -> int:
        return len(self.replaced)


def import_into(
    project: Project,
    survey: Path,
    sheet: str | None = None,
    column_map: dict[str, str] | None = None,
    encoding: str | None = None,
    stream: bool = False,
    mode: ImportMode = ImportMode.ADD,
) -> StoredImport:
    """Import a survey file into the project (in the working copy; save to keep it).

    ``stream`` stores cameras batch by batch as they are read, so an estate of
    a million rows never sits in memory whole (the command line's way); the
    result then holds no cameras. Without it the cameras stay in the result,
    so the app can store them again on redo.
    """
    if not stream:
        result = import_survey(survey, sheet, column_map, encoding=encoding)
        return store(project, result, mode)
    with project.transaction() as session:
        writer = _Writer(session, project.project_id(), survey.name, mode)
        result = import_survey(survey, sheet, column_map, encoding=encoding,
                               on_cameras=writer.add)  # fmt: skip
        return writer.finish(result)


def store(
    project: Project, result: SurveyImport, mode: ImportMode = ImportMode.ADD
) -> StoredImport:
    """Store an import already read (a file, or devices found on the network)."""
    with project.transaction() as session:
        writer = _Writer(session, project.project_id(), result.file, mode)
        writer.add(result.cameras)
        return writer.finish(result, keep_ids=True)


class _Writer:
    """Stores rows as they come, adding or updating by the mode, and records what it did."""

    def __init__(self, session: Session, project_id: int, file: str, mode: ImportMode) -> None:
        self.session, self.mode = session, mode
        self.rows = survey_store.ImportWriter(session, project_id, file)
        self.merger = Merger(survey_store.device_links(session, project_id))
        self.replaced: list[tuple[int, SurveyCamera]] = []
        self.notes: list[InputIssue] = []
        self.added = self.known = 0

    def add(self, cameras: list[SurveyCamera]) -> None:
        found = self.merger.take(cameras)
        self.known += len(found.updates) + len(found.repeats)
        if self.mode is ImportMode.ADD:
            self.added += len(cameras)
            self.rows.add(cameras)
            for known, camera in found.updates + found.repeats:
                self.notes.append(self._issue(
                    camera, f"names a camera the project already has (#{known}): added as a "
                    "second camera; import with 'update' to refresh it instead",
                ))  # fmt: skip
            return
        self.added += len(found.additions)
        self.rows.add(found.additions)
        before = survey_store.load_cameras_by_id(self.session, [i for i, _ in found.updates])
        for camera_id, camera in found.updates:
            self.replaced.append((camera_id, before[camera_id]))
            survey_store.update_camera(self.session, camera_id, updated(before[camera_id], camera))
        for known, camera in found.repeats:
            self.notes.append(self._issue(
                camera, f"the same camera as an earlier row (#{known}): not applied twice"
            ))  # fmt: skip

    def _issue(self, camera: SurveyCamera, message: str) -> InputIssue:
        return InputIssue(Severity.WARNING, message, self.rows.record.file, camera.source_row,
                          None, camera.display_tag)  # fmt: skip

    def finish(self, result: SurveyImport, keep_ids: bool = False) -> StoredImport:
        result.issues.extend(self.notes)
        absent = len(self.merger.absent()) if self.mode is ImportMode.UPDATE else 0
        if absent:
            result.issues.append(InputIssue(
                Severity.INFO, f"{absent} camera(s) of the project are not in this file: kept",
                self.rows.record.file, None, None, None,
            ))  # fmt: skip
        import_id = self.rows.finish(result.detail, result.mapping, result.issues,
                                     result.skipped_rows, result.accounting.as_dict())  # fmt: skip
        ids = survey_store.camera_ids_of_import(self.session, import_id) if keep_ids else []
        return StoredImport(result, import_id, tuple(ids), self.mode, tuple(self.replaced),
                            absent, self.added, self.known)  # fmt: skip


def remove(project: Project, stored: StoredImport) -> None:
    """Undo an import: the cameras it updated get their old values back; those it added go."""
    with project.transaction() as session:
        for camera_id, before in stored.replaced:
            survey_store.update_camera(session, camera_id, before)
        survey_store.remove_import(session, stored.import_id)


@dataclass(frozen=True)
class StoredPrices:
    result: PriceListImport
    price_ids: tuple[int, ...]


def import_prices(project: Project, path: Path, supplier: str | None = None) -> StoredPrices:
    """Add a supplier's price list to the project's catalog; bad rows are reported, not lost,
    and prices in another currency than the project's are named with the rate they need."""
    costs = project_settings.cost_settings(project)
    found = import_price_list(path, supplier, project_currency=costs.currency,
                              rates_for=costs.exchange.rates)  # fmt: skip
    return store_prices(project, found)


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
