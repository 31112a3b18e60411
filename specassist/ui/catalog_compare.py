"""The window's side of a team catalog: the catalog a new project takes, and "Compare with
catalog…", which reads the catalog off the GUI thread, lists the differences and, if the
user asks, updates the project's snapshot as one undoable step."""

from __future__ import annotations

import logging
from typing import Protocol

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QMessageBox, QStatusBar, QWidget

from specassist.domain.issues import UserError
from specassist.services import catalog_compare, catalog_service, projects
from specassist.services.catalog_compare import Comparison
from specassist.services.catalog_service import CatalogLoad
from specassist.ui import workers
from specassist.ui.dialogs.catalog_compare_dialog import CatalogCompareDialog
from specassist.ui.settings import AppSettings
from specassist.ui.undo import CatalogSnapshotCommand, Workbench

log = logging.getLogger(__name__)


class Window(Workbench, Protocol):
    settings: AppSettings
    undo_stack: QUndoStack

    def statusBar(self) -> QStatusBar: ...


def read_team_catalog(url: str) -> tuple[CatalogLoad | None, str]:
    """The team catalog at ``url`` for a new project, or (None, why not) when it cannot be
    read, and the project takes the catalog folder. Safe on a worker: the caller shows why
    with ``warn_unread`` on the GUI thread."""
    try:
        return catalog_service.load_catalog(url), ""
    except UserError as exc:
        log.warning("team catalog not read for a new project: %s", exc)
        return None, str(exc)


def warn_unread(parent: QWidget, problem: str) -> None:
    QMessageBox.warning(parent, "Team catalog not read",
                        f"{problem}\n\nThis project uses the catalog folder instead.")  # fmt: skip


def compare_in_background(window: Window, parent: QWidget) -> None:
    project = window.project
    if project is None:
        return
    url = window.settings.catalog_url or None
    window.statusBar().showMessage("Comparing the project's catalog with the catalog…")

    def work(_progress: workers.Progress, _cancelled: object) -> Comparison:
        return catalog_compare.compare_with_catalog(project, url)

    def finished(comparison: Comparison) -> None:
        window.statusBar().clearMessage()
        if window.project is not project:
            return  # another project was opened meanwhile
        summary = projects.summary(project)
        snapshot = f"{summary.catalog_name} {summary.catalog_version}"
        dialog = CatalogCompareDialog(comparison, snapshot, parent)
        if dialog.exec():
            window.undo_stack.push(
                CatalogSnapshotCommand(window, comparison.catalog, comparison.source)
            )

    def failed(message: str) -> None:
        window.statusBar().clearMessage()
        QMessageBox.warning(parent, "Cannot compare with the catalog", message)

    workers.run_task(work, finished, failed)
