"""Export tender: where the files go, which files are written, and what the tender package says.

One export writes the PDF and, as ticked, an editable DOCX, the client's
estimate and — for a whole tender package only — the bidders' pricing
schedule, all from the same tender, as ``specassist tender`` does. The
jurisdiction, package, weights and files are the project's own choices and
are stored through ``store`` on Export; the folder is the user's, remembered
by the window. The dialog says which files will be written and asks before
replacing any.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from specassist.domain.pricing import CostSettings
from specassist.domain.project_settings import TenderOutput, TenderSettings
from specassist.services.tender_files import TenderFiles, named
from specassist.ui.dialogs.camera_dialog import fits_in_view
from specassist.ui.errors import guarded
from specassist.ui.project_files import file_stem
from specassist.ui.styles import WARNING_RED

if TYPE_CHECKING:
    from specassist.services.tender_choices import Jurisdiction

SCHEDULE_NEEDS_PACKAGE = (
    "The bidders' pricing schedule is part of the whole tender package: tick "
    '"Whole tender package" to write it.'
)
WEIGHTS_NEED_PACKAGE = (
    "The evaluation weights are printed in the instructions to tenderers, which only the "
    "whole tender package has."
)


class ExportDialog(QDialog):
    """Export writes nothing itself: on Export the choices are stored through ``store`` (the
    dialog stays open if that fails) and ``files`` says what the window should write."""

    def __init__(
        self,
        current: TenderSettings,
        jurisdictions: Sequence[Jurisdiction],
        folder: Path,
        base: str,
        store: Callable[[TenderSettings], None],
        parent: QWidget | None = None,
        costs: CostSettings | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Export tender")
        self.setModal(True)
        self._current, self._store, self._costs = current, store, costs
        self._jurisdictions = list(jurisdictions)
        self.files: TenderFiles | None = None
        """What to write, set when the dialog is accepted."""
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.addWidget(self._where(folder, base))
        layout.addWidget(self._package(current))
        layout.addWidget(self._outputs(current))
        layout.addStretch(1)
        self.problem = _message("Why the tender cannot be exported yet")
        self.money_note = QLabel()  # beside the buttons: seen whatever the scroll position
        self.money_note.setWordWrap(True)
        self.money_note.setAccessibleName("Currency and tax of the package")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText("&Export")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(content)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        outer = QVBoxLayout(self)
        outer.addWidget(scroll, 1)
        outer.addWidget(self.money_note)
        outer.addWidget(self.problem)
        outer.addWidget(self.buttons)
        for edit in (self.folder_edit, self.name_edit):
            edit.textChanged.connect(self._update)
        for check in (self.docx_check, self.estimate_check, self.schedule_check):
            check.toggled.connect(self._update)
        self.package_check.toggled.connect(self._package_toggled)
        self.jurisdiction_combo.currentIndexChanged.connect(self._jurisdiction_changed)
        self._show_weights(current.weights if current.weights else None)
        self._package_toggled(current.package)
        hint = content.sizeHint()
        # Room for the buttons and a line of problems; a screen 600 pixels high scrolls.
        fits_in_view(self, max(600, hint.width() + 40), hint.height(), room=100)

    # ------------------------------------------------------------ building

    def _where(self, folder: Path, base: str) -> QGroupBox:
        box = QGroupBox("Where")
        form = QFormLayout(box)
        self.folder_edit = QLineEdit(str(folder))
        self.folder_edit.setAccessibleName("Folder")
        self.browse_button = QPushButton("&Browse…")
        self.browse_button.setAccessibleName("Choose the folder")
        self.browse_button.clicked.connect(self.choose_folder)
        row = QHBoxLayout()
        row.addWidget(self.folder_edit, 1)
        row.addWidget(self.browse_button)
        form.addRow(_label("&Folder", self.folder_edit), row)
        self.name_edit = QLineEdit(base)
        self.name_edit.setAccessibleName("File name")
        self.name_edit.setToolTip("The start of every file's name; each file adds its ending")
        form.addRow(_label("File &name", self.name_edit), self.name_edit)
        return box

    def _package(self, current: TenderSettings) -> QGroupBox:
        box = QGroupBox("Tender")
        form = QFormLayout(box)
        self.jurisdiction_combo = QComboBox()
        self.jurisdiction_combo.setAccessibleName("Jurisdiction")
        for found in self._jurisdictions:
            self.jurisdiction_combo.addItem(found.title, found.key)
        self.jurisdiction_combo.setCurrentIndex(
            max(0, self.jurisdiction_combo.findData(current.jurisdiction))
        )
        self.jurisdiction_combo.setToolTip(
            "The clause set: page size, spelling and dates, and for a whole package the "
            "instructions, contract, forms and declarations"
        )
        form.addRow(_label("&Jurisdiction", self.jurisdiction_combo), self.jurisdiction_combo)
        self.package_check = QCheckBox(
            "Whole tender &package: instructions to tenderers, contract, forms and pricing schedule"
        )
        self.package_check.setAccessibleName("Whole tender package")
        self.package_check.setChecked(current.package)
        form.addRow(self.package_check)
        # One spin box per criterion any clause set weights, two to a row; those the chosen
        # set does not name are hidden, so neither the tab order nor the layout moves.
        self.weight_spins: dict[str, QSpinBox] = {}
        self.weight_labels: dict[str, QLabel] = {}
        grid = QGridLayout()
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setColumnMinimumWidth(2, 12)
        for found in self._jurisdictions:
            for criterion in found.criteria:
                if criterion.key in self.weight_spins:
                    continue
                spin = QSpinBox()
                spin.setRange(0, 100)
                spin.setSuffix(" %")
                spin.setAccessibleName(f"{criterion.name} weight, per cent")
                spin.valueChanged.connect(self._update)
                label = _label(criterion.name, spin)
                row, pair = divmod(len(self.weight_spins), 2)
                grid.addWidget(label, row, 3 * pair)
                grid.addWidget(spin, row, 3 * pair + 1)
                self.weight_spins[criterion.key] = spin
                self.weight_labels[criterion.key] = label
        self.weights_total = QLabel()
        self.weights_total.setAccessibleName("Total of the evaluation weights")
        grid.addWidget(self.weights_total, 0, 6)
        grid.setColumnMinimumWidth(5, 12)
        grid.setColumnStretch(7, 1)
        self.weights_row = QWidget()
        self.weights_row.setLayout(grid)
        self.weights_caption = QLabel("Evaluation weights")
        form.addRow(self.weights_caption, self.weights_row)
        self.weights_error = _message("Problem with the evaluation weights")
        self.weights_error.setWordWrap(False)  # one line, kept while empty: nothing moves
        self.weights_error.show()
        self.weights_error.setMinimumHeight(self.weights_error.fontMetrics().height())
        form.addRow(self.weights_error)
        return box

    def _outputs(self, current: TenderSettings) -> QGroupBox:
        box = QGroupBox("Files")
        column = QVBoxLayout(box)
        self.pdf_check = QCheckBox("Tender document (PDF), always written")
        self.pdf_check.setChecked(True)
        self.pdf_check.setEnabled(False)
        self.pdf_check.setToolTip("Every export writes the tender as a PDF")
        self.docx_check = QCheckBox("Editable document (&DOCX)")
        self.docx_check.setToolTip("The same document as a Word file, to edit before issue")
        self.estimate_check = QCheckBox(
            "Client's &estimate: bill of quantities (.xlsx), not for bidders"
        )
        self.schedule_check = QCheckBox("Bidders' pricing &schedule (.xlsx)")
        outputs = current.outputs
        self.docx_check.setChecked(TenderOutput.DOCX in outputs)
        self.estimate_check.setChecked(TenderOutput.ESTIMATE in outputs)
        self._schedule_wanted = TenderOutput.SCHEDULE in outputs
        self.schedule_check.setChecked(self._schedule_wanted)
        for check in (self.pdf_check, self.docx_check, self.estimate_check, self.schedule_check):
            check.setAccessibleName(check.text().replace("&", ""))
            column.addWidget(check)
        self.file_list = QLabel()
        self.file_list.setTextFormat(Qt.TextFormat.PlainText)
        self.file_list.setWordWrap(True)
        self.file_list.setAccessibleName("Files that will be written")
        self.file_list.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        column.addWidget(self.file_list)
        return box

    # ------------------------------------------------------------ reacting

    def _package_toggled(self, package: bool) -> None:
        """The schedule and the weights belong to a whole package: off without one, with the
        reason in their tooltip; the schedule's tick comes back with the package."""
        self.schedule_check.blockSignals(True)
        if package:
            self.schedule_check.setChecked(self._schedule_wanted)
        else:
            self._schedule_wanted = self.schedule_check.isChecked() or self._schedule_wanted
            self.schedule_check.setChecked(False)
        self.schedule_check.blockSignals(False)
        self.schedule_check.setEnabled(package)
        self.schedule_check.setToolTip(
            "The pricing schedule bidders fill in and return" if package
            else SCHEDULE_NEEDS_PACKAGE
        )  # fmt: skip
        self.weights_row.setEnabled(package)
        self.weights_caption.setEnabled(package)
        tip = "Must add up to 100 %" if package else WEIGHTS_NEED_PACKAGE
        for spin in self.weight_spins.values():
            spin.setToolTip(tip)
        self._update()

    def _jurisdiction_changed(self) -> None:
        key = self.jurisdiction_combo.currentData()
        current = self._current
        self._show_weights(current.weights if key == current.jurisdiction and current.weights
                           else None)  # fmt: skip

    def _show_weights(self, chosen: tuple[tuple[str, int], ...] | None) -> None:
        """The chosen set's criteria with ``chosen`` weights, or the set's own."""
        found = self._jurisdiction()
        weights = dict(chosen) if chosen is not None else found.default_weights()
        names = {c.key for c in found.criteria}
        for key, spin in self.weight_spins.items():
            spin.blockSignals(True)
            spin.setValue(weights.get(key, 0))
            spin.blockSignals(False)
            spin.setVisible(key in names)
            self.weight_labels[key].setVisible(key in names)
        self._update()

    def _jurisdiction(self) -> Jurisdiction:
        return self._jurisdictions[max(0, self.jurisdiction_combo.currentIndex())]

    def weights(self) -> tuple[tuple[str, int], ...]:
        """(criterion, %) as shown, for the criteria the chosen set weights."""
        return tuple((c.key, self.weight_spins[c.key].value())
                     for c in self._jurisdiction().criteria)  # fmt: skip

    def weights_problem(self) -> str:
        """Why the weights cannot be used, or "" (they only count for a whole package)."""
        total = sum(value for _, value in self.weights())
        if not self.package_check.isChecked() or total == 100:
            return ""
        return f"The evaluation weights add up to {total} %; they must add up to 100 %."

    def chosen(self) -> TenderSettings:
        """The project's tender settings with the choices made here."""
        outputs = {TenderOutput.DOCX: self.docx_check.isChecked(),
                   TenderOutput.ESTIMATE: self.estimate_check.isChecked(),
                   TenderOutput.SCHEDULE: self.schedule_check.isChecked()
                   or (not self.package_check.isChecked() and self._schedule_wanted)}  # fmt: skip
        weights = self.weights() if not self.weights_problem() else self._current.weights
        defaults = self._jurisdiction().default_weights()
        if sum(value for _, value in weights) != 100 or dict(weights) == defaults:
            weights = ()  # the clause set's own weights
        return replace(
            self._current,
            jurisdiction=str(self.jurisdiction_combo.currentData()),
            package=self.package_check.isChecked(),
            weights=weights,
            outputs=frozenset(output for output, on in outputs.items() if on),
        )

    def target(self) -> TenderFiles:
        chosen = self.chosen()
        folder = Path(self.folder_edit.text().strip())
        return named(folder, self.name_edit.text().strip(), chosen.outputs, chosen.package)

    def problems(self) -> list[str]:
        """What stops the export, in the order the fields are shown."""
        out = []
        folder, name = self.folder_edit.text().strip(), self.name_edit.text().strip()
        if not folder:
            out.append("Choose the folder to write the tender in.")
        elif Path(folder).exists() and not Path(folder).is_dir():
            out.append(f"{folder} is a file, not a folder.")
        if not name:
            out.append("Enter a file name.")
        elif file_stem(name, "") != name:
            out.append(
                'A file name cannot contain \\ / : * ? " < > |, nor start or end with a '
                "dot or a hyphen."
            )
        return out

    def money_mismatch(self) -> str:
        """A warning, not a refusal, when a whole package would be priced in another currency
        or tax than its jurisdiction's: the project's money settings win, on the Costs tab."""
        costs, found = self._costs, self._jurisdiction()
        if costs is None or not self.package_check.isChecked():
            return ""
        if costs.currency == found.currency and costs.tax_pct == found.tax_pct:
            return ""
        theirs = (f"{found.tax_name} at {found.tax_pct.normalize():f} %" if found.tax_pct
                  else "no tax")  # fmt: skip
        return (
            f"This project is priced in {costs.currency} with {costs.tax_name} at "
            f"{costs.tax_pct.normalize():f} %; a {found.title} package is usually priced in "
            f"{found.currency} with {theirs}. Change the currency and tax on the Costs tab "
            "first if the tender should follow them."
        )

    def _update(self) -> None:
        self.money_note.setText(self.money_mismatch())
        self.money_note.setVisible(bool(self.money_note.text()))
        weights_problem = self.weights_problem()
        self.weights_error.setText(weights_problem)
        total = sum(value for _, value in self.weights())
        self.weights_total.setText(f"Total {total} %")
        problems = self.problems()
        self.problem.setText("\n".join(problems))
        self.problem.setVisible(bool(problems))
        self.ok.setEnabled(not problems and not weights_problem)
        self.file_list.setText(self._file_lines() if not problems else "")

    def _file_lines(self) -> str:
        files = self.target()
        folder = files.pdf.parent
        lines = [f"Writes in {folder}" + ("" if folder.is_dir() else " (a new folder)") + ":"]
        for path in files.paths():
            lines.append(f"  {path.name}" + ("  (replaces the file there)" if path.exists()
                                             else ""))  # fmt: skip
        return "\n".join(lines)

    # ------------------------------------------------------------ actions

    def choose_folder(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, "Folder for the tender",
                                                  self.folder_edit.text())  # fmt: skip
        if chosen:
            self.folder_edit.setText(chosen)

    def accept(self) -> None:
        """Refuse while something is wrong; ask before replacing files; store the choices
        (kept open if storing fails), then close with ``files`` set."""
        self._update()
        if not self.ok.isEnabled():
            return
        files = self.target()
        existing = [path for path in files.paths() if path.exists()]
        if existing:
            names = "\n".join(f"  {path.name}" for path in existing)
            answer = QMessageBox.question(
                self, "Replace files?",
                f"These files are already in {files.pdf.parent}:\n{names}\n\n"
                "Replace them with the new export?",
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )  # fmt: skip
            if answer != QMessageBox.StandardButton.Yes:
                return
        made, _ = guarded("The folder could not be made",
                          lambda: files.pdf.parent.mkdir(parents=True, exist_ok=True))  # fmt: skip
        if not made:
            return
        chosen = self.chosen()
        if _export_fields(chosen) != _export_fields(self._current):
            stored, _ = guarded("The export choices were not saved",
                                lambda: self._store(chosen))  # fmt: skip
            if not stored:
                return
        self.files = files
        super().accept()


def _export_fields(settings: TenderSettings) -> tuple[object, ...]:
    return (settings.jurisdiction, settings.package, settings.weights, settings.outputs)


def _label(text: str, buddy: QWidget) -> QLabel:
    label = QLabel(text)
    label.setBuddy(buddy)
    return label


def _message(name: str) -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setStyleSheet(f"color: {WARNING_RED}")
    label.setAccessibleName(name)
    label.hide()
    return label
