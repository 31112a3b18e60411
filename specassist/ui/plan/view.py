"""The plan view: zoom and pan, drawing tools, cameras dropped from the device list.

Tools turn mouse gestures into requests (signals); the tab turns requests
into undoable edits. The legend and the scale bar are painted over the plan in
screen coordinates, so they stay put and readable at any zoom.
"""

from __future__ import annotations

import math
from enum import StrEnum

from PySide6.QtCore import QEvent, QMimeData, QPointF, QRect, QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPen,
    QWheelEvent,
)
from PySide6.QtWidgets import QGraphicsPathItem, QGraphicsView, QWidget

from specassist.domain.formatting import UnitSystem
from specassist.domain.plan_drawing import legend, scale_bar
from specassist.domain.plans import Point
from specassist.ui.plan.painting import brush_for, pen_for
from specassist.ui.plan.scene import PlanScene

CAMERA_MIME = "application/x-specassist-camera-ids"
"""Dragged cameras: their ids as ASCII, comma-separated."""


def camera_mime(camera_ids: list[int]) -> QMimeData:
    data = QMimeData()
    data.setData(CAMERA_MIME, ",".join(map(str, camera_ids)).encode("ascii"))
    return data


def camera_ids(data: QMimeData) -> list[int]:
    if not data.hasFormat(CAMERA_MIME):
        return []
    text = bytes(data.data(CAMERA_MIME).data()).decode("ascii")
    return [int(part) for part in text.split(",") if part.strip().isdigit()]


class Tool(StrEnum):
    SELECT = "select"
    WALL = "wall"
    OBSTACLE = "obstacle"
    TARGET = "target"
    SCALE = "scale"
    CROP = "crop"


class PlanView(QGraphicsView):
    sig_dropped = Signal(list, QPointF)
    """Camera ids dropped at a scene position."""
    sig_drawn = Signal(str, list)
    """A finished gesture: the tool's name and its points in plan pixels."""
    sig_delete = Signal()

    def __init__(self, scene: PlanScene, parent: QWidget | None = None) -> None:
        super().__init__(scene, parent)
        self.units = UnitSystem.METRIC
        self.tool = Tool.SELECT
        self._points: list[Point] = []
        self._rubber: QGraphicsPathItem | None = None
        self.setRenderHints(
            QPainter.RenderHint.Antialiasing | QPainter.RenderHint.SmoothPixmapTransform
        )
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setOptimizationFlag(QGraphicsView.OptimizationFlag.DontSavePainterState)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setDragMode(QGraphicsView.DragMode.RubberBandDrag)
        self.setAcceptDrops(True)
        self.setAccessibleName("Plan")

    def plan_scene(self) -> PlanScene:
        scene = self.scene()
        assert isinstance(scene, PlanScene)
        return scene

    # ------------------------------------------------------------ zoom

    def fit(self) -> None:
        plan = self.plan_scene().document.plan
        if plan is not None:
            self.fitInView(QRectF(0, 0, plan.width_px, plan.height_px),
                           Qt.AspectRatioMode.KeepAspectRatio)  # fmt: skip

    def wheelEvent(self, event: QWheelEvent) -> None:
        factor = 1.0015 ** event.angleDelta().y()
        self.scale(factor, factor)

    # ------------------------------------------------------------ tools

    def set_tool(self, tool: Tool) -> None:
        self._cancel()
        self.tool = tool
        drag = QGraphicsView.DragMode
        self.setDragMode(drag.RubberBandDrag if tool is Tool.SELECT else drag.NoDrag)
        cursor = Qt.CursorShape.ArrowCursor if tool is Tool.SELECT else Qt.CursorShape.CrossCursor
        self.viewport().setCursor(cursor)

    def _cancel(self) -> None:
        self._points = []
        if self._rubber is not None:
            self.plan_scene().removeItem(self._rubber)
            self._rubber = None

    def _scene_point(self, event: QMouseEvent) -> Point:
        point = self.mapToScene(event.position().toPoint())
        return (point.x(), point.y())

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if self.tool is Tool.SELECT or event.button() != Qt.MouseButton.LeftButton:
            super().mousePressEvent(event)
            return
        point = self._scene_point(event)
        if self.tool in (Tool.TARGET, Tool.CROP):
            self._points = [point, point]
        else:
            self._points.append(point)
            if self.tool is Tool.SCALE and len(self._points) == 2:
                self._finish()
                return
        self._draw_rubber()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self.tool is Tool.SELECT or not self._points:
            super().mouseMoveEvent(event)
            return
        point = self._scene_point(event)
        dragging = bool(event.buttons() & Qt.MouseButton.LeftButton)
        if self.tool in (Tool.TARGET, Tool.CROP) and dragging:
            self._points[-1] = point
        self._draw_rubber(point)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self.tool in (Tool.TARGET, Tool.CROP) and self._points:
            self._points[-1] = self._scene_point(event)
            start, end = (self.mapFromScene(QPointF(*p)) for p in self._points)
            if math.dist((start.x(), start.y()), (end.x(), end.y())) < 5:
                self._points = self._points[:1]  # a click: a point target
            self._finish()
            return
        super().mouseReleaseEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        if self.tool in (Tool.WALL, Tool.OBSTACLE):
            self._finish()
            return
        super().mouseDoubleClickEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.tool is not Tool.SELECT:
            self._finish()
        elif key == Qt.Key.Key_Escape:
            self._cancel()
        elif key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and self.tool is Tool.SELECT:
            self.sig_delete.emit()
        else:
            super().keyPressEvent(event)

    def event(self, event: QEvent) -> bool:
        """Delete removes what is selected on the plan, not the camera selected in the survey."""
        ours = (Qt.Key.Key_Delete, Qt.Key.Key_Backspace, Qt.Key.Key_Escape)
        override = event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent)
        if override and event.key() in ours:  # type: ignore[attr-defined]
            event.accept()
            return True
        return super().event(event)

    def _finish(self) -> None:
        points = _unique(self._points)
        tool = self.tool
        self._cancel()
        needed = {Tool.WALL: 2, Tool.OBSTACLE: 3, Tool.SCALE: 2, Tool.CROP: 2, Tool.TARGET: 1}
        if len(points) >= needed.get(tool, 99):
            self.sig_drawn.emit(tool.value, points)

    def _draw_rubber(self, hover: Point | None = None) -> None:
        follows = hover is not None and self.tool not in (Tool.TARGET, Tool.CROP)
        points = [*self._points, hover] if follows and hover is not None else list(self._points)
        path = QPainterPath()
        if self.tool is Tool.CROP and len(points) >= 2:
            (x0, y0), (x1, y1) = points[0], points[-1]
            path.addRect(QRectF(QPointF(x0, y0), QPointF(x1, y1)).normalized())
        elif points:
            path.moveTo(*points[0])
            for x, y in points[1:]:
                path.lineTo(x, y)
        if self._rubber is None:
            self._rubber = self.plan_scene().addPath(path, _rubber_pen())
            self._rubber.setZValue(5000)
        else:
            self._rubber.setPath(path)

    # ------------------------------------------------------------ dropping cameras

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if camera_ids(event.mimeData()):
            event.acceptProposedAction()
        else:
            super().dragEnterEvent(event)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if camera_ids(event.mimeData()):
            event.acceptProposedAction()
        else:
            super().dragMoveEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        ids = camera_ids(event.mimeData())
        if not ids:
            super().dropEvent(event)
            return
        event.acceptProposedAction()
        self.sig_dropped.emit(ids, self.mapToScene(event.position().toPoint()))

    # ------------------------------------------------------------ legend and scale bar

    def drawForeground(self, painter: QPainter, rect: QRectF | QRect) -> None:
        scene = self.plan_scene()
        plan = scene.document.plan
        if plan is None:
            return
        painter.save()
        painter.resetTransform()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        entries = legend(scene.styles, self.units)
        height = 16 * len(entries) + 12
        box = QRectF(8, self.viewport().height() - height - 8, 230, height)
        painter.setPen(QPen(QColor("#90a4ae")))
        painter.setBrush(QColor(255, 255, 255, 225))
        painter.drawRect(box)
        for n, entry in enumerate(entries):
            y = box.top() + 8 + 16 * n
            painter.setPen(pen_for(entry.style))
            painter.setBrush(brush_for(entry.style))
            painter.drawRect(QRectF(box.left() + 8, y + 2, 18, 9))
            painter.setPen(QColor("#212121"))
            painter.drawText(QPointF(box.left() + 32, y + 11), entry.text)
        if plan.scale is not None:
            bar = scale_bar(plan.scale.metres_per_px, plan.width_px, self.units)
            length = bar.length_px * self.transform().m11()
            left, base = box.right() + 24, self.viewport().height() - 18.0
            painter.setPen(QPen(QColor("#212121"), 2))
            painter.drawLine(QPointF(left, base), QPointF(left + length, base))
            for x in (left, left + length):
                painter.drawLine(QPointF(x, base - 5), QPointF(x, base + 5))
            painter.drawText(QPointF(left, base - 8), bar.text)
        else:
            painter.setPen(QColor("#c62828"))
            painter.drawText(QPointF(box.right() + 24, self.viewport().height() - 18.0),
                             "No scale: set one to see coverage")  # fmt: skip
        painter.restore()


def _rubber_pen() -> QPen:
    pen = QPen(QColor("#d81b60"), 2, Qt.PenStyle.DashLine)
    pen.setCosmetic(True)
    return pen


def _unique(points: list[Point]) -> list[Point]:
    """Drop repeated clicks (a double-click adds the last point twice)."""
    kept: list[Point] = []
    for point in points:
        if not kept or math.dist(kept[-1], point) > 1e-6:
            kept.append(point)
    return kept
