"""One picture of the open plan: the image, coverage in chosen styles, walls, targets, devices.

Two scenes can show the same document side by side (existing cameras on one,
replacements on the other). Coverage goes into one :class:`CoverageLayer`
picture; only the cameras being dragged are separate live items. Devices,
walls and targets are items of their own, updated when the document reports
them changed.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QObject, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QPixmap, QPixmapCache
from PySide6.QtWidgets import QGraphicsItem, QGraphicsPixmapItem, QGraphicsScene

from specassist.domain.plan_coverage import View
from specassist.domain.plan_drawing import (
    REPLACEMENT_ONLY,
    Layer,
    Paint,
    Primitive,
    Shape,
    ViewStyle,
    coverage_primitives,
    device_marker,
    target_primitives,
    wall_primitives,
)
from specassist.domain.plans import PlacedDevice, Target, Wall
from specassist.ui.plan.document import PlanDocument
from specassist.ui.plan.items import DeviceItem, PrimitivesItem
from specassist.ui.plan.layer import CoverageLayer, Part
from specassist.ui.plan.painting import brush_for, path_for, pen_for

PIXMAP_CACHE_KB = 32 * 1024
"""Device symbols are cached as small pixmaps (about 25 KB each with the label): 500 of them
need 12.5 MB, more than Qt's default 10 MB cache, which would repaint them every frame."""


class PlanScene(QGraphicsScene):
    sig_devices_edited = Signal(list)
    """[(before, after)] of the devices a finished drag or turn changed."""

    def __init__(self, document: PlanDocument, styles: Sequence[ViewStyle] = REPLACEMENT_ONLY,
                 parent: QObject | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        QPixmapCache.setCacheLimit(max(QPixmapCache.cacheLimit(), PIXMAP_CACHE_KB))
        self.document = document
        self.styles = tuple(styles)
        self.setBackgroundBrush(QColor("#eceff1"))
        self.background: QGraphicsPixmapItem | None = None
        self.layer = CoverageLayer(self._visible)
        self.devices: dict[int, DeviceItem] = {}
        self.live: dict[int, list[PrimitivesItem]] = {}
        self.walls: dict[int, PrimitivesItem] = {}
        self.targets: dict[int, PrimitivesItem] = {}
        self.outline: PrimitivesItem | None = None
        self._outlined: int | None = None
        document.sig_reset.connect(self.rebuild)
        document.sig_devices.connect(self._devices_changed)
        document.sig_coverage.connect(self._coverage_changed)
        document.sig_walls.connect(self._walls_changed)
        document.sig_checks.connect(self._targets_changed)
        self.selectionChanged.connect(self._outline_selected)
        self.layer.sig_rendered.connect(self._retire_live)
        self.rebuild()

    @property
    def checked_view(self) -> View:
        """Targets are judged against the view painted first (filled)."""
        return self.styles[0].view

    def set_styles(self, styles: Sequence[ViewStyle]) -> None:
        if tuple(styles) == self.styles:
            return
        self.styles = tuple(styles)
        self.layer.clear()
        self._coverage_changed([d.id for d in self._plan_devices()])
        self._targets_changed()

    def _plan_devices(self) -> tuple[PlacedDevice, ...]:
        return self.document.plan.devices if self.document.plan is not None else ()

    def _visible(self) -> tuple[QRectF, float] | None:
        """The part of the plan the first visible view shows, and its zoom."""
        for view in self.views():
            if view.isVisible():
                shown = view.mapToScene(view.viewport().rect()).boundingRect()
                return shown, view.transform().m11()
        return None

    # ------------------------------------------------------------ building

    def rebuild(self) -> None:
        if self.layer.scene() is self:
            self.removeItem(self.layer)  # kept: it holds the picture's worker state
        self.clear()
        self.background = None
        self.devices.clear()
        self.live.clear()
        self.walls.clear()
        self.targets.clear()
        self.layer.clear()
        self.addItem(self.layer)
        self.layer.setZValue(10)
        self.outline = PrimitivesItem([])
        self.outline.setZValue(900)
        self.addItem(self.outline)
        plan = self.document.plan
        if plan is None:
            self.setSceneRect(QRectF(0, 0, 400, 300))
            return
        pixmap = QPixmap()
        pixmap.loadFromData(self.document.image)
        self.background = self.addPixmap(pixmap)
        self.background.setZValue(0)
        self.background.setTransformationMode(Qt.TransformationMode.SmoothTransformation)
        self.layer.set_area(QRectF(0, 0, plan.width_px, plan.height_px))
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
                item = DeviceItem(device, marker, self)
                self.addItem(item)
                self.devices[device_id] = item
            elif item.device != device or item.marker != marker:
                item.follow(device, marker)

    # ------------------------------------------------------------ dragging (DeviceHost)

    def preview(self, device: PlacedDevice) -> None:
        self.document.preview(device)

    def drag_started(self, device_ids: list[int]) -> None:
        """Draw these devices' coverage live while they move; the picture leaves them out."""
        for device_id in device_ids:
            if device_id not in self.live:
                self.live[device_id] = []
        self.layer.set_live(self.live)
        self._coverage_changed(device_ids)

    def drag_finished(self, edits: list[tuple[PlacedDevice, PlacedDevice]]) -> None:
        self.layer.set_live(())  # live items go once the picture holds them again
        if edits:
            self.sig_devices_edited.emit(edits)

    def _retire_live(self) -> None:
        if self.layer.busy or self.layer.live:
            return
        for items in self.live.values():
            for item in items:
                self.removeItem(item)
        self.live.clear()

    # ------------------------------------------------------------ coverage

    def _outline_selected(self) -> None:
        """The selected camera's view without walls, dashed: what the walls take away."""
        selected = [i for i in self.selectedItems() if isinstance(i, DeviceItem)]
        self._outlined = selected[-1].device.id if len(selected) == 1 else None
        self._draw_outline()

    def _draw_outline(self) -> None:
        if self.outline is None:
            return
        outlined = self._outlined
        found = [
            self.document.coverages.get((outlined, s.view)) if outlined is not None else None
            for s in self.styles
        ]
        shapes = [
            shape for coverage in found if coverage is not None
            for shape in coverage_primitives(coverage, Paint.OUTLINED, outline=True)
            if shape.layer is Layer.OUTLINE
        ]  # fmt: skip
        self.outline.set_primitives(shapes)

    def _coverage_changed(self, device_ids: list[int]) -> None:
        if self._outlined in device_ids:
            self._draw_outline()
        for device_id in device_ids:
            shapes_by_order: list[list[Shape]] = []
            for order, style in enumerate(reversed(self.styles)):  # the first style on top
                found = self.document.coverages.get((device_id, style.view))
                shapes = coverage_primitives(found, style.paint) if found is not None else []
                self.layer.set_parts((device_id, order), [_part(s) for s in shapes])
                shapes_by_order.append(shapes)
            if device_id in self.live:
                self._draw_live(device_id, shapes_by_order)

    def _draw_live(self, device_id: int, shapes_by_order: list[list[Shape]]) -> None:
        items = self.live[device_id]
        while len(items) < len(shapes_by_order):
            item = PrimitivesItem([])
            item.setZValue(15 + len(items))
            self.addItem(item)
            items.append(item)
        for item, shapes in zip(items, shapes_by_order, strict=False):
            item.set_primitives(shapes)

    # ------------------------------------------------------------ walls and targets

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


def _part(shape: Shape) -> Part:
    return (path_for(shape), pen_for(shape.style), brush_for(shape.style))


def _replace(scene: QGraphicsScene, items: dict[int, PrimitivesItem],
             wanted: dict[int, Sequence[Primitive]], z: float) -> None:  # fmt: skip
    """Selectable items (walls, targets) rebuilt when they change; few, so not cached."""
    for key in list(items):
        if key not in wanted:
            scene.removeItem(items.pop(key))
    for key, primitives in wanted.items():
        item = items.get(key)
        if item is None:
            item = PrimitivesItem(primitives)
            item.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
            item.setData(0, key)
            item.setZValue(z)
            scene.addItem(item)
            items[key] = item
        else:
            item.set_primitives(primitives)
