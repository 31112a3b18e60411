"""Export the tender from the window: refused while it would mislead, then the Export tender
dialog (files, jurisdiction, package, weights), then every chosen file written by a worker
with a progress dialog that can cancel it between files."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import Qt, QUrl, SignalInstance
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QStatusBar, QWidget

from specassist.domain.pipeline import Analysis, Cancelled
from specassist.domain.project_settings import TenderSettings
from specassist.services import analysis, project_settings
from specassist.services.projects import Project
from specassist.services.tender_files import TenderFiles, Written
from specassist.ui import workers

if TYPE_CHECKING:
    from specassist.ui.dialogs.export_dialog import ExportDialog


class ExportHost(Protocol):
    """What the exporter needs from the window."""

    @property
    def sig_export_done(self) -> SignalInstance: ...

    def statusBar(self) -> QStatusBar: ...

    def _error(self, title: str, text: str) -> None: ...

    def export_tender(self, files: TenderFiles, ask_open: bool = False) -> None: ...

    def store_export_choices(self, chosen: TenderSettings) -> None: ...

    def remember_export_folder(self, folder: Path) -> None: ...


def choose_export(
    host: ExportHost, project: Project | None, result: Analysis | None, folder: Path, base: str
) -> ExportDialog | None:
    """Open the Export tender dialog (``folder`` and file name ``base`` first), unless there is
    nothing honest to export yet: no analysis, no camera, or no rule set to judge them by.
    On Export the choices are stored with the project and the files are written."""
    if project is None or result is None:
        host.statusBar().showMessage("The analysis is still running; try again in a moment")
        return None
    if not result.outcomes:
        host._error("Nothing to export", "The project has no cameras yet: import a survey "
                    "or add cameras first.")  # fmt: skip
        return None
    if not result.rule_set_ids:
        host._error("No rule set chosen", "No rule set is ticked in the Rules tab, so no "
                    "camera can be excluded. Choose the rules that apply first.")  # fmt: skip
        return None
    # The clause sets load here, when the dialog first opens, not before the first paint.
    from specassist.services import tender_choices
    from specassist.ui.dialogs.export_dialog import ExportDialog

    parent = host if isinstance(host, QWidget) else None
    current = project_settings.tender_settings(project)
    dialog = ExportDialog(current, tender_choices.jurisdictions(), folder, base,
                          host.store_export_choices, parent,
                          costs=project_settings.cost_settings(project))  # fmt: skip

    def accepted() -> None:
        assert dialog.files is not None
        host.remember_export_folder(dialog.files.pdf.parent)
        host.export_tender(dialog.files, ask_open=True)

    dialog.accepted.connect(accepted)
    dialog.open()  # window-modal; the window's event loop keeps running
    return dialog


def export_in_background(
    parent: QWidget,
    host: ExportHost,
    project: Project,
    result: Analysis,
    files: TenderFiles,
    ask_open: bool,
) -> workers.Task:
    """Start writing the tender; the GUI stays live and the user may cancel between stages and
    between files. Files are put in place only when all are written (``tender_files``), so a
    cancel leaves the folder as it was."""
    dialog = QProgressDialog("Writing the tender…", "Cancel", 0, 100, parent)
    dialog.setWindowTitle("Export tender")
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(300)
    written: list[Written] = []
    """Set by the worker once the files are in place: a cancel that comes after that
    (while the worker returns) is too late, and the export is reported as done."""

    def work(progress: workers.Progress, cancelled: Callable[[], bool]) -> object:
        def report(text: str, fraction: float) -> None:
            if cancelled():
                raise Cancelled()
            progress(text, fraction)

        done = analysis.export_tender(project, result, files, report, cancelled)
        written.append(done)
        return done

    def finished(done: object) -> None:
        assert isinstance(done, Written)
        dialog.reset()
        pdf = files.pdf
        host.statusBar().showMessage(f"Tender written: {pdf} ({done.pages} pages)", 10000)
        host.sig_export_done.emit(str(pdf))
        if ask_open:
            listed = "\n".join(f"  {path.name}" for path in done.files)
            question = (f"Written in {pdf.parent}:\n{listed}\n\nThe PDF has {done.pages} "
                        "pages. Open it?")  # fmt: skip
            answer = QMessageBox.question(parent, "Tender written", question)
            if answer == QMessageBox.StandardButton.Yes:
                QDesktopServices.openUrl(QUrl.fromLocalFile(str(pdf)))

    def failed(message: str) -> None:
        dialog.reset()
        host._error("Export failed", f"The tender could not be written: {message}")
        host.sig_export_done.emit("")

    def cancelled() -> None:
        if written:
            finished(written[0])
            return
        dialog.reset()
        host.statusBar().showMessage("Export cancelled: no file was written", 5000)
        host.sig_export_done.emit("")

    def progress(text: str, fraction: float) -> None:
        dialog.setLabelText(text)
        dialog.setValue(int(fraction * 100))

    task = workers.run_task(work, finished, failed, progress, cancelled)
    dialog.canceled.connect(task.cancel)
    return task
