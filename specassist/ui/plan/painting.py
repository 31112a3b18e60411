"""Plan drawing primitives as Qt paths, pens and brushes.

``domain.plan_drawing`` decides what is drawn; this module only translates it.
Pens are cosmetic (their width is in screen pixels whatever the zoom), as the
primitives' widths are in points on paper.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPainterPath, QPen, QPolygonF

from specassist.domain.plan_drawing import MARKER_RADIUS, Marker, Shape, Style, marker_wedge
from specassist.domain.plans import Point

HANDLE_DISTANCE = 26.0
"""Screen pixels from a device's centre to its direction handle."""


def pen_for(style: Style) -> QPen:
    if style.stroke is None:
        return QPen(Qt.PenStyle.NoPen)
    pen = QPen(QColor(style.stroke), style.stroke_width_pt)
    pen.setCosmetic(True)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    if style.dash_pt:
        pen.setDashPattern([max(d / style.stroke_width_pt, 0.5) for d in style.dash_pt])
    return pen


def brush_for(style: Style) -> QBrush:
    if style.fill is None:
        return QBrush(Qt.BrushStyle.NoBrush)
    colour = QColor(style.fill)
    colour.setAlphaF(style.fill_opacity)
    return QBrush(colour)


def polygon_of(points: Sequence[Point]) -> QPolygonF:
    return QPolygonF([QPointF(x, y) for x, y in points])


def path_for(shape: Shape) -> QPainterPath:
    """All polygons of a shape in one path, filled with the non-zero rule (no seams)."""
    path = QPainterPath()
    path.setFillRule(Qt.FillRule.WindingFill)
    for points in shape.polygons:
        if not points:
            continue
        if shape.closed:
            path.addPolygon(polygon_of(points))
            path.closeSubpath()
        else:
            path.moveTo(*points[0])
            for x, y in points[1:]:
                path.lineTo(x, y)
    return path


def paint_marker(painter: QPainter, marker: Marker, selected: bool = False) -> None:
    """A device at the origin of ``painter``: a disc with a wedge pointing along the bearing."""
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(QColor("#ffffff"), 1.5))
    painter.setBrush(QColor(marker.colour))
    painter.drawPolygon(polygon_of(marker_wedge(marker.bearing_deg)))
    ring = QPen(QColor("#ffd600"), 3) if selected else QPen(QColor("#ffffff"), 1.5)
    painter.setPen(ring)
    painter.drawEllipse(QPointF(0, 0), MARKER_RADIUS, MARKER_RADIUS)
    font = QFont(painter.font())
    font.setPointSizeF(7.5)
    font.setBold(True)
    painter.setFont(font)
    painter.setPen(QColor("#212121"))
    painter.drawText(QPointF(MARKER_RADIUS + 3, MARKER_RADIUS + 9), marker.label)


def marker_bounds() -> QRectF:
    reach = MARKER_RADIUS * 2.4
    return QRectF(-reach, -reach, reach * 2 + 90, reach * 2 + 12)
