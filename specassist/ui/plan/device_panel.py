"""The cameras of the site not yet on a plan, and the fields of the selected camera.

Unplaced cameras are dragged onto the plan (or placed at the view's centre with
Enter or a double-click). The fields set a placed camera's direction, tilt and
mounting height exactly; each change is one undoable edit.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from PySide6.QtCore import QMimeData, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from specassist.domain import formatting as fmt
from specassist.domain.formatting import UnitSystem
from specassist.domain.plans import Outcome, PlacedDevice, PlanCamera
from specassist.domain.units import quantity
from specassist.ui.plan.view import camera_mime

ROLE_ID = Qt.ItemDataRole.UserRole


class UnplacedList(QListWidget):
    """Cameras to drag onto the plan."""

    sig_place = Signal(list)
    """Camera ids to place at the view's centre (double-click or Enter)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDragEnabled(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setAccessibleName("Cameras not on a plan")
        self.setToolTip("Drag cameras onto the plan, or double-click to place one in the middle")
        self.itemActivated.connect(lambda _item: self.sig_place.emit(self.selected_ids()))

    def show_cameras(self, cameras: Iterable[PlanCamera]) -> None:
        self.clear()
        for camera in sorted(cameras, key=lambda c: c.label):
            text = camera.label + (f" · {camera.location}" if camera.location else "")
            item = QListWidgetItem(text)
            item.setData(ROLE_ID, camera.id)
            item.setToolTip(f"{camera.outcome.value}" + (f": {camera.new_model}"
                                                          if camera.new_model else ""))  # fmt: skip
            self.addItem(item)

    def selected_ids(self) -> list[int]:
        return [int(item.data(ROLE_ID)) for item in self.selectedItems()]

    def mimeData(self, items: list[QListWidgetItem]) -> QMimeData:  # type: ignore[override]
        return camera_mime([int(item.data(ROLE_ID)) for item in items])


class DevicePanel(QWidget):
    """The selected camera: what it is, and its direction, tilt and height on the plan."""

    sig_edit = Signal(object, object)
    """(before, after) PlacedDevice."""
    sig_remove = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.device: PlacedDevice | None = None
        self.units = UnitSystem.METRIC
        self.title = QLabel("Select a camera on the plan")
        self.title.setWordWrap(True)
        self.direction_box = _spin(0.0, 359.9, "°", "Bearing: 0° points to the top of the plan")
        self.direction_box.setWrapping(True)
        self.tilt_box = _spin(-90.0, 90.0, "°", "Degrees below the horizon")
        self.height_box = _spin(0.0, 330.0, " m", "Mounting height above the floor")
        self.height_box.setSpecialValueText("as surveyed")
        self.remove = QPushButton("Remove from plan")
        form = QFormLayout()
        form.addRow("Direction", self.direction_box)
        form.addRow("Tilt", self.tilt_box)
        form.addRow("Height", self.height_box)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(form)
        layout.addWidget(self.remove)
        layout.addStretch(1)
        for box in (self.direction_box, self.tilt_box, self.height_box):
            box.editingFinished.connect(self._edited)
        self.remove.clicked.connect(self._remove)
        self.show_device(None, None)

    def show_device(self, device: PlacedDevice | None, camera: PlanCamera | None) -> None:
        self.device = device
        for widget in (self.direction_box, self.tilt_box, self.height_box, self.remove):
            widget.setEnabled(device is not None)
        if device is None:
            self.title.setText("Select a camera on the plan")
            return
        what = ["<b>" + device.label + "</b>"]
        if camera is None:
            what.append("no longer in the survey")
        else:
            what.append(camera.location or "")
            model = f": {camera.new_model}" if camera.new_model else ""
            what.append(camera.outcome.value + model)
            if camera.old is None:
                what.append("existing camera's view unknown (no lens angle or resolution)")
            if camera.new is None and camera.outcome is Outcome.REPLACED:
                what.append("replacement's view unknown (no lens angle or resolution)")
            if device.height_m is None:
                what.append(f"surveyed height {fmt.length(camera.height_m, self.units)}")
        self.title.setText("<br>".join(w for w in what if w))
        imperial = self.units is UnitSystem.IMPERIAL
        self.height_box.setSuffix(" ft" if imperial else " m")
        shown = ((self.direction_box, device.direction_deg), (self.tilt_box, device.tilt_deg),
                 (self.height_box, self._height_shown(device.height_m)))  # fmt: skip
        for box, value in shown:
            box.blockSignals(True)
            box.setValue(value)
            box.blockSignals(False)

    def _height_shown(self, metres: float | None) -> float:
        if metres is None:
            return 0.0
        if self.units is UnitSystem.IMPERIAL:
            return float(quantity(metres, "m").to("ft").magnitude)
        return metres

    def _height_metres(self) -> float | None:
        value = float(self.height_box.value())
        if value <= 0:
            return None
        if self.units is UnitSystem.IMPERIAL:
            return float(quantity(value, "ft").to("m").magnitude)
        return value

    def _remove(self) -> None:
        if self.device is not None:
            self.sig_remove.emit(self.device)

    def _edited(self) -> None:
        if self.device is None:
            return
        after = replace(self.device, direction_deg=self.direction_box.value(),
                        tilt_deg=self.tilt_box.value(), height_m=self._height_metres())  # fmt: skip
        if after != self.device:
            self.sig_edit.emit(self.device, after)


def _spin(low: float, high: float, suffix: str, tip: str) -> QDoubleSpinBox:
    box = QDoubleSpinBox()
    box.setRange(low, high)
    box.setDecimals(1)
    box.setSuffix(suffix)
    box.setToolTip(tip)
    box.setAccessibleName(tip)
    box.setKeyboardTracking(False)
    return box
