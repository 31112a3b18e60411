"""Export the tender from the window: refused while it would mislead, then written by a worker
with a progress dialog that can cancel it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import Qt, QUrl, SignalInstance
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog, QStatusBar, QWidget

from specassist.domain.pipeline import Analysis, Cancelled
from specassist.services import analysis
from specassist.services.projects import Project
from specassist.ui import workers


class ExportHost(Protocol):
    """What the exporter needs from the window."""

    @property
    def sig_export_done(self) -> SignalInstance: ...

    def statusBar(self) -> QStatusBar: ...

    def _error(self, title: str, text: str) -> None: ...

    def export_tender(self, pdf: Path, boq: Path | None = None, ask_open: bool = False) -> None: ...


def choose_export(
    host: ExportHost, project: Project | None, result: Analysis | None, suggested: Path
) -> None:
    """Ask where to write the tender (``suggested`` first), unless there is nothing honest to
    export yet: no analysis, no camera, or no rule set to judge them by."""
    if project is None or result is None:
        host.statusBar().showMessage("The analysis is still running; try again in a moment")
        return
    if not result.outcomes:
        host._error("Nothing to export", "The project has no cameras yet: import a survey "
                    "or add cameras first.")  # fmt: skip
        return
    if not result.rule_set_ids:
        host._error("No rule set chosen", "No rule set is ticked in the Rules tab, so no "
                    "camera can be excluded. Choose the rules that apply first.")  # fmt: skip
        return
    parent = host if isinstance(host, QWidget) else None
    path, _ = QFileDialog.getSaveFileName(parent, "Export tender", str(suggested), "PDF (*.pdf)")
    if path:
        pdf = Path(path).with_suffix(".pdf")
        host.export_tender(pdf, pdf.with_name(pdf.stem + "-boq.xlsx"), ask_open=True)


def export_in_background(
    parent: QWidget,
    host: ExportHost,
    project: Project,
    result: Analysis,
    pdf: Path,
    boq: Path | None,
    ask_open: bool,
) -> workers.Task:
    """Start writing the tender; the GUI stays live and the user may cancel between stages."""
    dialog = QProgressDialog("Writing the tender…", "Cancel", 0, 100, parent)
    dialog.setWindowTitle("Export tender")
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(300)

    def work(progress: workers.Progress, cancelled: Callable[[], bool]) -> object:
        def report(text: str, fraction: float) -> None:
            if cancelled():
                raise Cancelled()
            progress(text, fraction)

        return analysis.export_tender(project, result, pdf, boq, report)

    def finished(pages: object) -> None:
        dialog.reset()
        host.statusBar().showMessage(f"Tender written: {pdf} ({pages} pages)", 10000)
        host.sig_export_done.emit(str(pdf))
        if ask_open:
            question = f"{pdf.name} ({pages} pages) is ready. Open it?"
            answer = QMessageBox.question(parent, "Tender written", question)
            if answer == QMessageBox.StandardButton.Yes:
                QDesktopServices.openUrl(QUrl.fromLocalFile(str(pdf)))

    def failed(message: str) -> None:
        dialog.reset()
        host._error("Export failed", f"The tender could not be written: {message}")
        host.sig_export_done.emit("")

    def cancelled() -> None:
        dialog.reset()
        host.statusBar().showMessage("Export cancelled", 5000)
        host.sig_export_done.emit("")

    def progress(text: str, fraction: float) -> None:
        dialog.setLabelText(text)
        dialog.setValue(int(fraction * 100))

    task = workers.run_task(work, finished, failed, progress, cancelled)
    dialog.canceled.connect(task.cancel)
    return task
