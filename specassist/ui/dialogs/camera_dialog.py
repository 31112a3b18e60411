"""Add or edit a surveyed camera on site, with the importer's validation and units.

A surveyor types what they see ("12 ft", "2.8-12mm", "4MP"); the form reads it
exactly as an imported spreadsheet cell would be read and shows any problem next
to the buttons, naming the field. Nothing is saved until it reads cleanly. The
fields scroll, so the dialog fits a 600-pixel-high screen with its buttons in view.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from specassist.domain import formatting as fmt
from specassist.domain import requirements
from specassist.domain.catalog import FormFactor
from specassist.domain.formatting import UnitSystem
from specassist.domain.issues import Severity
from specassist.domain.survey import DoriLevel, SurveyCamera, SurveyStatus
from specassist.services import capture

LABELS = {
    "tag": "Tag", "site": "Site", "location": "Location", "make": "Make (label)",
    "model": "Model", "form_factor": "Camera type", "resolution": "Resolution", "lens": "Lens",
    "mount": "Mounting", "height": "Height", "target_distance": "Distance to target",
    "scene_width": "Scene width", "required_dori": "Detail needed",
    "environment": "Indoor / outdoor", "vandal": "Vandal risk", "mac": "MAC address",
    "status": "Survey status", "recorder": "Recorder", "switch": "Switch",
    "switch_port": "Switch port", "notes": "Notes",
}  # fmt: skip
CHOICES = {
    "form_factor": ["", *(f.value for f in FormFactor)],
    "required_dori": ["", *(d.value for d in DoriLevel)],
    "environment": ["", "Indoor", "Outdoor"],
    "vandal": ["", "yes", "no"],
    "status": ["", *(s.value.replace("_", " ") for s in SurveyStatus)],
}
HINTS = {
    "resolution": "2688x1520 or 4MP", "lens": "2.8 mm or 2.8-12 mm",
    "height": "e.g. 4.5 m or 15 ft", "target_distance": "e.g. 8 m or 26 ft",
    "scene_width": "e.g. 6 m", "mac": "AA:BB:CC:DD:EE:FF",
}  # fmt: skip


def fits_in_view(dialog: QDialog, width: int, height: int, room: int = 140) -> None:
    """Size ``dialog`` to its content, but no taller than the screen it opens on (less
    ``room`` for the title bar, buttons and panel): the rest scrolls."""
    screen = dialog.screen()
    available = screen.availableGeometry().height() if screen is not None else 600
    dialog.resize(width, min(height + room, available - 40))


class CameraDialog(QDialog):
    """``taken_tags`` are the other cameras' tags (case-folded): a tag names one camera only."""

    def __init__(self, camera: SurveyCamera | None, units: UnitSystem,
                 parent: QWidget | None = None, taken_tags: set[str] | None = None,
                 ) -> None:  # fmt: skip
        super().__init__(parent)
        self.taken_tags = taken_tags or set()
        self.setWindowTitle("Edit camera" if camera else "Add camera")
        self.source_row = camera.source_row if camera else 0
        self.camera: SurveyCamera | None = None
        values = capture.form_values(camera, units) if camera else {}
        self.fields: dict[str, QLineEdit | QComboBox | QPlainTextEdit] = {}
        form_widget = QWidget()
        form = QFormLayout(form_widget)
        for key, label in LABELS.items():
            widget: QLineEdit | QComboBox | QPlainTextEdit
            if key in CHOICES:
                widget = QComboBox()
                widget.setEditable(key == "status")
                widget.addItems(CHOICES[key])
                current = values.get(key, "")
                widget.setCurrentIndex(max(0, widget.findText(current)))
            elif key == "notes":
                widget = QPlainTextEdit(values.get(key, ""))
                widget.setFixedHeight(60)
            else:
                widget = QLineEdit(values.get(key, ""))
                widget.setPlaceholderText(HINTS.get(key, ""))
            widget.setAccessibleName(label)
            self.fields[key] = widget
            form.addRow(label, widget)
        self.view_basis = QLabel()
        self.view_basis.setWordWrap(True)
        self.view_basis.setAccessibleName("What the old view is worked out from")
        self.units = units
        form.addRow("", self.view_basis)
        for key in ("lens", "resolution"):
            field = self.fields[key]
            if isinstance(field, QLineEdit):
                field.textChanged.connect(self._show_view_basis)
        self._show_view_basis()
        self.problems = QLabel()
        self.problems.setWordWrap(True)
        self.problems.setStyleSheet("color: #b71c1c")
        self.problems.setAccessibleName("Problems with the entered values")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.try_accept)
        buttons.rejected.connect(self.reject)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(form_widget)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.problems)
        layout.addWidget(buttons)
        fits_in_view(self, form_widget.sizeHint().width() + 40, form_widget.sizeHint().height())

    def _show_view_basis(self) -> None:
        """Say, as the surveyor types, what the old view will be worked out from: a lens alone
        is estimated on the typical sensor of its resolution, or sent to the site check."""
        values = {k: v for k, v in self.values().items() if k in ("lens", "resolution")}
        camera = capture.read_camera_form({"tag": "view", **values}, 0).cameras
        note = requirements.view_basis(camera[0]) if camera and values["lens"].strip() else None
        self.view_basis.setText(fmt.note(note, self.units) if note else "")

    def values(self) -> dict[str, str]:
        out = {}
        for key, widget in self.fields.items():
            if isinstance(widget, QComboBox):
                out[key] = widget.currentText()
            elif isinstance(widget, QPlainTextEdit):
                out[key] = widget.toPlainText()
            else:
                out[key] = widget.text()
        return out

    def try_accept(self) -> None:
        """Read the form; accept only when no value was rejected."""
        result = capture.read_camera_form(self.values(), self.source_row)
        errors = [i for i in result.issues if i.severity is Severity.ERROR]
        warnings = [i for i in result.issues if i.severity is Severity.WARNING]
        if not result.cameras:
            self.problems.setText("Enter at least a tag, make or model.")
            return
        if errors:
            self.problems.setText("\n".join(f"{i.column}: {i.message}" for i in errors))
            return
        camera = result.cameras[0]
        if camera.tag and camera.tag.casefold() in self.taken_tags:
            self.problems.setText(f"Tag: {camera.tag} is already used by another camera")
            return
        self.camera = camera
        self.problems.setText("\n".join(f"{i.column}: {i.message}" for i in warnings))
        self.accept()
