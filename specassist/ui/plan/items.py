"""Graphics items of a plan: shapes (walls, targets, live coverage) and the devices.

Devices are drawn at a fixed screen size whatever the zoom
(``ItemIgnoresTransformations``) and cached as small pixmaps, so hundreds of
them cost one blit each per repaint. A device reports a drag to its host (the
scene): when it starts, as it moves, and when the mouse is released, which the
scene turns into one undoable edit.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import replace
from typing import Protocol

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPainterPath, QPainterPathStroker, QPen
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsSceneMouseEvent,
    QStyleOptionGraphicsItem,
    QWidget,
)

from specassist.domain.plan_drawing import Label, Marker, Primitive, Shape
from specassist.domain.plans import PlacedDevice
from specassist.ui.plan.painting import (
    HANDLE_DISTANCE,
    brush_for,
    marker_bounds,
    paint_marker,
    path_for,
    pen_for,
)


class DeviceHost(Protocol):
    """What a device item reports its drags to."""

    def preview(self, device: PlacedDevice) -> None: ...

    def drag_started(self, device_ids: list[int]) -> None: ...

    def drag_finished(self, edits: list[tuple[PlacedDevice, PlacedDevice]]) -> None: ...


_MARKER_BOUNDS = marker_bounds()
_MARKER_SHAPE = QPainterPath()
_MARKER_SHAPE.addEllipse(QPointF(0, 0), 11, 11)


class PrimitivesItem(QGraphicsItem):
    """Shapes and labels in plan coordinates, painted from prebuilt paths."""

    def __init__(self, primitives: Sequence[Primitive]) -> None:
        super().__init__()
        self._parts: list[tuple[QPainterPath, QPen, QBrush]] = []
        self._labels: list[Label] = []
        self._rect = QRectF()
        self.set_primitives(primitives)

    def set_primitives(self, primitives: Sequence[Primitive]) -> None:
        self.prepareGeometryChange()
        self._parts, self._labels = [], []
        rect = QRectF()
        for primitive in primitives:
            if isinstance(primitive, Shape):
                path = path_for(primitive)
                self._parts.append((path, pen_for(primitive.style), brush_for(primitive.style)))
                rect = rect.united(path.boundingRect())
            elif isinstance(primitive, Label):
                self._labels.append(primitive)
                rect = rect.united(QRectF(primitive.at[0], primitive.at[1] - 12, 160, 16))
        self._rect = rect.adjusted(-4, -4, 4, 4)
        self.update()

    def boundingRect(self) -> QRectF:
        return self._rect

    def shape(self) -> QPainterPath:
        """Lines are hard to hit: widen them, so a wall can be clicked and selected."""
        outline = QPainterPath()
        stroker = QPainterPathStroker()
        stroker.setWidth(8.0 / max(self._view_scale(), 1e-6))
        for path, _pen, brush in self._parts:
            outline.addPath(
                path if brush.style() != Qt.BrushStyle.NoBrush else stroker.createStroke(path)
            )
        return outline

    def _view_scale(self) -> float:
        scene = self.scene()
        views = scene.views() if scene is not None else []
        return views[0].transform().m11() if views else 1.0

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:  # fmt: skip
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        for path, pen, brush in self._parts:
            if self.isSelected():
                pen = QPen(pen)
                pen.setColor(QColor("#ffd600"))
            painter.setPen(pen)
            painter.setBrush(brush)
            painter.drawPath(path)
        if self._labels:
            font = QFont(painter.font())
            for label in self._labels:
                font.setPointSizeF(label.size_pt)
                painter.setFont(font)
                painter.setPen(QColor(label.colour))
                painter.save()
                painter.translate(label.at[0], label.at[1])
                scale = self._view_scale()
                painter.scale(1 / scale, 1 / scale)  # text stays readable at any zoom
                painter.drawText(QPointF(8, -6), label.text)
                painter.restore()


class DirectionHandle(QGraphicsItem):
    """The dot at the end of a device's pointer: drag it to turn the camera."""

    def __init__(self, device_item: DeviceItem) -> None:
        super().__init__(device_item)
        self.device_item = device_item
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.setAcceptedMouseButtons(Qt.MouseButton.LeftButton)
        self.setToolTip("Drag to turn the camera")
        self.follow(device_item.device.direction_deg)

    def follow(self, bearing_deg: float) -> None:
        bearing = math.radians(bearing_deg)
        self.setPos(math.sin(bearing) * HANDLE_DISTANCE, -math.cos(bearing) * HANDLE_DISTANCE)

    def boundingRect(self) -> QRectF:
        return QRectF(-5, -5, 10, 10)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:  # fmt: skip
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(QColor("#212121"), 1.2))
        painter.setBrush(QColor("#ffd600"))
        painter.drawEllipse(QPointF(0, 0), 4.5, 4.5)

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        self.device_item.start_gesture()
        event.accept()

    def mouseMoveEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        centre = self.device_item.scenePos()
        dx, dy = event.scenePos().x() - centre.x(), event.scenePos().y() - centre.y()
        if math.hypot(dx, dy) > 1e-9:
            self.device_item.turn_to(math.degrees(math.atan2(dx, -dy)) % 360)

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        self.device_item.end_edit()


class DeviceItem(QGraphicsItem):
    """A placed camera: drag to move, drag its handle to turn; edits are reported on release."""

    def __init__(self, device: PlacedDevice, marker: Marker, host: DeviceHost) -> None:
        super().__init__()
        self.device, self.marker, self.host = device, marker, host
        self._before: PlacedDevice | None = None
        flags = QGraphicsItem.GraphicsItemFlag
        for flag in (flags.ItemIsMovable, flags.ItemIsSelectable,
                     flags.ItemIgnoresTransformations, flags.ItemSendsGeometryChanges):  # fmt: skip
            self.setFlag(flag)
        self.setZValue(1000)
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.setCursor(Qt.CursorShape.OpenHandCursor)
        self.setPos(*device.position)
        self.handle = DirectionHandle(self)
        self.handle.setVisible(False)

    def follow(self, device: PlacedDevice, marker: Marker) -> None:
        """Follow the document (another view's drag, an undo); only a user's drag reports back."""
        self.device, self.marker = device, marker
        self.setPos(*device.position)
        self.handle.follow(device.direction_deg)
        self.update()

    def boundingRect(self) -> QRectF:
        return _MARKER_BOUNDS  # asked for thousands of times a frame: built once

    def shape(self) -> QPainterPath:
        return _MARKER_SHAPE

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:  # fmt: skip
        paint_marker(painter, self.marker, self.isSelected())

    def itemChange(self, change: QGraphicsItem.GraphicsItemChange, value: object) -> object:
        kinds = QGraphicsItem.GraphicsItemChange
        if change == kinds.ItemSelectedHasChanged:
            self.handle.setVisible(bool(value))
        elif change == kinds.ItemPositionHasChanged and self._before is not None:
            self.device = replace(self.device, position=(self.pos().x(), self.pos().y()))
            self.host.preview(self.device)
        return value  # the base class returns the value unchanged; PySide6 fails converting flags

    def begin_edit(self) -> None:
        self._before = self.device

    def take_edit(self) -> tuple[PlacedDevice, PlacedDevice] | None:
        """The finished edit (before, after), if the device changed; ends the edit."""
        before, self._before = self._before, None
        return (before, self.device) if before is not None and before != self.device else None

    def turn_to(self, bearing_deg: float) -> None:
        self.device = replace(self.device, direction_deg=round(bearing_deg, 1))
        self.marker = replace(self.marker, bearing_deg=self.device.direction_deg)
        self.handle.follow(self.device.direction_deg)
        self.update()
        self.host.preview(self.device)

    def end_edit(self) -> None:
        """Report the edits of every device this gesture moved (a drag moves all selected)."""
        edits = [e for item in self._gesture() if (e := item.take_edit())]
        self.host.drag_finished(edits)

    def _gesture(self) -> list[DeviceItem]:
        """This device and every other selected one: a drag moves them together."""
        scene = self.scene()
        others = [i for i in scene.selectedItems() if isinstance(i, DeviceItem)] if scene else []
        return list(dict.fromkeys([self, *others]))

    def start_gesture(self) -> None:
        items = self._gesture()
        for item in items:
            item.begin_edit()
        self.host.drag_started([item.device.id for item in items])

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        super().mousePressEvent(event)
        self.start_gesture()

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        self.end_edit()
