"""Offer the unsaved work a crashed session left in the autosave folder."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QMessageBox, QWidget

from specassist.domain.issues import UserError
from specassist.services import recovery
from specassist.services.projects import Project


def autosave_folder() -> Path:
    """The platform's application-data folder (never next to the program)."""
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(base or Path.home() / ".specassist") / "autosave"


def ask_to_recover(parent: QWidget, folder: Path, session_id: str) -> Project | None:
    """Ask about each leftover autosave; the one the user takes is opened as unsaved work."""
    for item in recovery.recoverable(folder, session_id):
        answer = QMessageBox.question(
            parent, "Recover unsaved work",
            f"SpecAssist closed unexpectedly while '{item.name}' had unsaved changes. "
            "Recover them?",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Discard,
        )  # fmt: skip
        if answer == QMessageBox.StandardButton.Yes:
            try:
                return recovery.recover(item)
            except UserError as exc:  # a damaged autosave: say so, and keep it for a look
                QMessageBox.warning(parent, "Cannot recover", str(exc))
                continue
        recovery.discard_autosave(item.autosave.parent, item.autosave.stem)
    return None
