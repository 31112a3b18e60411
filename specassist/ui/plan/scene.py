"""One picture of the open plan: the image, coverage in chosen styles, walls, targets, devices.

Two scenes can show the same document side by side (existing cameras on one,
replacements on the other). A scene builds items once and then updates only
the items of devices the document reports as changed.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QObject, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QPixmap
from PySide6.QtWidgets import QGraphicsItem, QGraphicsPixmapItem, QGraphicsScene

from specassist.domain.plan_coverage import View
from specassist.domain.plan_drawing import (
    REPLACEMENT_ONLY,
    Primitive,
    ViewStyle,
    coverage_primitives,
    device_marker,
    target_primitives,
    wall_primitives,
)
from specassist.domain.plans import PlacedDevice, Target, Wall
from specassist.ui.plan.document import PlanDocument
from specassist.ui.plan.items import DeviceItem, PrimitivesItem


class PlanScene(QGraphicsScene):
    sig_devices_edited = Signal(list)
    """[(before, after)] of the devices a finished drag or turn changed."""

    def __init__(self, document: PlanDocument, styles: Sequence[ViewStyle] = REPLACEMENT_ONLY,
                 parent: QObject | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.document = document
        self.styles = tuple(styles)
        self.setBackgroundBrush(QColor("#eceff1"))
        self.background: QGraphicsPixmapItem | None = None
        self.devices: dict[int, DeviceItem] = {}
        self.coverage: dict[tuple[int, View], PrimitivesItem] = {}
        self.walls: dict[int, PrimitivesItem] = {}
        self.targets: dict[int, PrimitivesItem] = {}
        document.sig_reset.connect(self.rebuild)
        document.sig_devices.connect(self._devices_changed)
        document.sig_coverage.connect(self._coverage_changed)
        document.sig_walls.connect(self._walls_changed)
        document.sig_checks.connect(self._targets_changed)
        self.rebuild()

    @property
    def checked_view(self) -> View:
        """Targets are judged against the view painted first (filled)."""
        return self.styles[0].view

    def set_styles(self, styles: Sequence[ViewStyle]) -> None:
        if tuple(styles) == self.styles:
            return
        self.styles = tuple(styles)
        for item in self.coverage.values():
            self.removeItem(item)
        self.coverage.clear()
        self._coverage_changed([d.id for d in self._plan_devices()])
        self._targets_changed()

    def _plan_devices(self) -> tuple[PlacedDevice, ...]:
        return self.document.plan.devices if self.document.plan is not None else ()

    # ------------------------------------------------------------ building

    def rebuild(self) -> None:
        self.clear()
        self.background = None
        self.devices.clear()
        self.coverage.clear()
        self.walls.clear()
        self.targets.clear()
        plan = self.document.plan
        if plan is None:
            self.setSceneRect(QRectF(0, 0, 400, 300))
            return
        pixmap = QPixmap()
        pixmap.loadFromData(self.document.image)
        self.background = self.addPixmap(pixmap)
        self.background.setZValue(0)
        self.background.setTransformationMode(Qt.TransformationMode.SmoothTransformation)
        margin = max(plan.width_px, plan.height_px) * 0.1
        self.setSceneRect(QRectF(-margin, -margin, plan.width_px + 2 * margin,
                                 plan.height_px + 2 * margin))  # fmt: skip
        self._devices_changed([d.id for d in plan.devices])
        self._coverage_changed([d.id for d in plan.devices])
        self._walls_changed()
        self._targets_changed()

    def _devices_changed(self, device_ids: list[int]) -> None:
        plan = self.document.plan
        for device_id in device_ids:
            device = plan.device(device_id) if plan is not None else None
            item = self.devices.get(device_id)
            if device is None:
                if item is not None:
                    self.removeItem(item)
                    del self.devices[device_id]
                continue
            marker = device_marker(device, self.document.camera_of(device))
            if item is None:
                item = DeviceItem(device, marker, self.document.preview, self._edited)
                self.addItem(item)
                self.devices[device_id] = item
            elif item.device != device or item.marker != marker:
                item.follow(device, marker)

    def _edited(self, edits: list[tuple[PlacedDevice, PlacedDevice]]) -> None:
        self.sig_devices_edited.emit(edits)

    def _coverage_changed(self, device_ids: list[int]) -> None:
        for device_id in device_ids:
            for layer, style in enumerate(self.styles):
                key = (device_id, style.view)
                found = self.document.coverages.get(key)
                item = self.coverage.get(key)
                if found is None:
                    if item is not None:
                        self.removeItem(item)
                        del self.coverage[key]
                    continue
                primitives = coverage_primitives(found, style.paint)
                if item is None:
                    item = PrimitivesItem(primitives)
                    item.setZValue(10 + (len(self.styles) - layer))
                    self.addItem(item)
                    self.coverage[key] = item
                else:
                    item.set_primitives(primitives)

    def _walls_changed(self) -> None:
        plan = self.document.plan
        walls: tuple[Wall, ...] = plan.walls if plan is not None else ()
        wanted: dict[int, Sequence[Primitive]] = {w.id: wall_primitives([w]) for w in walls}
        _replace(self, self.walls, wanted, 500)

    def _targets_changed(self) -> None:
        plan = self.document.plan
        targets: tuple[Target, ...] = plan.targets if plan is not None else ()
        checks = self.document.checks.get(self.checked_view, {})
        wanted: dict[int, Sequence[Primitive]] = {
            t.id: target_primitives(t, checks.get(t.id)) for t in targets
        }
        _replace(self, self.targets, wanted, 600)


def _replace(scene: QGraphicsScene, items: dict[int, PrimitivesItem],
             wanted: dict[int, Sequence[Primitive]], z: float) -> None:  # fmt: skip
    """Selectable items (walls, targets) rebuilt when they change; few, so not cached."""
    for key in list(items):
        if key not in wanted:
            scene.removeItem(items.pop(key))
    for key, primitives in wanted.items():
        item = items.get(key)
        if item is None:
            item = PrimitivesItem(primitives, cached=False)
            item.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
            item.setData(0, key)
            item.setZValue(z)
            scene.addItem(item)
            items[key] = item
        else:
            item.set_primitives(primitives)
