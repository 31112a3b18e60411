"""Say what the survey's columns hold, seeing the first rows, and how a CSV file is encoded.

Every column gets a choice of field, in words ("Mounting height", "Kept as a
note"); below, the first rows of the file show what is in each column under a
header that follows the choices. For a text file the encoding can be named:
the file is read again off the GUI thread and the choices and rows follow.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from specassist.services import imports
from specassist.services.imports import field_labels
from specassist.ui import workers
from specassist.ui.models.preview_model import PreviewModel

KEEP = "extra"
LABELS = field_labels()
PREVIEW_ROWS = 12
WORKBOOK_SUFFIXES = {".xlsx", ".xlsm", ".xls", ".ods"}
ENCODINGS: dict[str, str] = {
    "": "Detect automatically",
    "utf-8": "UTF-8",
    "cp1252": "Windows-1252 (Western Europe)",
    "latin-1": "ISO-8859-1 (Latin-1)",
    "cp1250": "Windows-1250 (Central Europe)",
    "cp1251": "Windows-1251 (Cyrillic)",
    "utf-16": "UTF-16",
    "mac_roman": "Mac Roman",
    "shift_jis": "Shift-JIS (Japanese)",
    "gbk": "GBK (Simplified Chinese)",
    "big5": "Big5 (Traditional Chinese)",
    "euc_kr": "EUC-KR (Korean)",
}
"""The encodings survey exports come in, by the names Python's codecs know them."""


@dataclass(frozen=True)
class SurveyPreview:
    headers: list[str]
    mapping: dict[str, str]
    """Each header's field as the importer would read it (``"extra"`` when unknown)."""
    rows: list[tuple[int, list[str]]]


def read_preview(path: Path, encoding: str | None = None) -> SurveyPreview:
    """The header, its reading and the first rows (for a worker thread)."""
    headers, mapping = imports.header_preview(path, encoding=encoding)
    rows = imports.preview(path, PREVIEW_ROWS + 8, encoding=encoding)
    return SurveyPreview(headers, mapping, rows)


class ColumnMappingDialog(QDialog):
    sig_preview_ready = Signal()
    """The file was read again (another encoding) and the dialog shows it."""

    def __init__(
        self,
        path: Path,
        preview: SurveyPreview,
        remembered: dict[str, str] | None = None,
        parent: QWidget | None = None,
        encoding: str | None = None,
        reader: Callable[[Path, str | None], SurveyPreview] = read_preview,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Map survey columns — {path.name}")
        self.path, self.reader = path, reader
        self.remembered = dict(remembered or {})
        self.preview = preview
        self.combos: dict[str, QComboBox] = {}
        self.encoding = QComboBox()
        self.encoding.setAccessibleName("Text encoding")
        for codec, label in ENCODINGS.items():
            self.encoding.addItem(label, codec)
        self.encoding.setCurrentIndex(max(0, self.encoding.findData(encoding or "")))
        self.encoding.currentIndexChanged.connect(self._reread)
        self.status = QLabel()
        self.form_widget = QWidget()
        self.form = QFormLayout(self.form_widget)
        self.model = PreviewModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName("First rows of the survey")
        self.table.setWordWrap(False)
        self.table.horizontalHeader().setDefaultSectionSize(110)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self._layout(path)
        self._show(preview)

    def _layout(self, path: Path) -> None:
        intro = QLabel("Some columns were not recognised. Choose what each one holds; the "
                       "choice is remembered for surveys with the same headers. The first "
                       "rows of the file are shown below.")  # fmt: skip
        intro.setWordWrap(True)
        encoding_row = QHBoxLayout()
        encoding_row.addWidget(QLabel("Text encoding"))
        encoding_row.addWidget(self.encoding, 1)
        encoding_row.addWidget(self.status, 2)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.form_widget)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(scroll)
        splitter.addWidget(self.table)
        splitter.setSizes([260, 200])
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        if path.suffix.lower() not in WORKBOOK_SUFFIXES:
            layout.addLayout(encoding_row)
        else:
            self.encoding.hide()
        layout.addWidget(splitter, 1)
        layout.addWidget(self.buttons)
        self.resize(760, 540)

    def _show(self, preview: SurveyPreview) -> None:
        """Fill the choices and the rows; a choice the user made stays made."""
        chosen = {**self.remembered, **self.mapping()}
        while self.form.rowCount():
            self.form.removeRow(0)
        self.combos.clear()
        self.preview = preview
        for header in preview.headers:
            if not header.strip():
                continue
            combo = QComboBox()
            combo.setAccessibleName(f"Field for column {header}")
            for value, label in LABELS.items():
                combo.addItem(label, value)
            current = chosen.get(header, preview.mapping.get(header, KEEP))
            combo.setCurrentIndex(max(0, combo.findData(current)))
            combo.currentIndexChanged.connect(self._labels_changed)
            self.combos[header] = combo
            self.form.addRow(header, combo)
        self.model.set_preview(preview.headers, preview.rows)
        self._labels_changed()
        self.table.resizeColumnsToContents()  # a score of rows: cheap to measure

    def _labels_changed(self) -> None:
        self.model.set_labels({h: c.currentText() for h, c in self.combos.items()})

    def _reread(self) -> None:
        encoding = self.chosen_encoding()
        self.status.setText("Reading the file again…")
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
        path, reader = self.path, self.reader

        def work(_progress: workers.Progress, _cancelled: object) -> object:
            return reader(path, encoding)

        def done(preview: object) -> None:
            assert isinstance(preview, SurveyPreview)
            self.remembered = self.mapping()
            self._show(preview)
            self.status.setText("")
            self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(True)
            self.sig_preview_ready.emit()

        def failed(message: str) -> None:
            self.status.setText(f"Cannot read it so: {message}")
            self.sig_preview_ready.emit()

        workers.run_task(work, done, failed)

    def chosen_encoding(self) -> str | None:
        return str(self.encoding.currentData() or "") or None

    def mapping(self) -> dict[str, str]:
        return {header: str(combo.currentData()) for header, combo in self.combos.items()}
