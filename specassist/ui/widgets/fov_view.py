"""A top-down picture of the old and new cameras' fields of view with the DORI bands.

The camera sits at the bottom centre; each view is a wedge of its horizontal
angle. Inside the new camera's wedge, coloured bands show how far each IEC
62676-4 level reaches; a dashed arc marks the target distance. Distances are
labelled in metres or feet.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from specassist.domain import formatting as fmt
from specassist.domain import optics
from specassist.domain.formatting import UnitSystem
from specassist.domain.plan_drawing import BAND_COLOURS


@dataclass(frozen=True)
class FovScene:
    new_hfov: float | None
    new_px: int | None
    old_hfov: float | None = None
    old_px: int | None = None
    distance_m: float | None = None
    panoramic: bool = False


class FovView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.scene: FovScene | None = None
        self.units = UnitSystem.METRIC
        self.setMinimumSize(260, 220)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName("Field of view picture")
        self.setToolTip(
            "Top-down view: grey = existing camera, bands = replacement's detail levels"
        )

    def set_scene(self, scene: FovScene | None, units: UnitSystem = UnitSystem.METRIC) -> None:
        self.scene, self.units = scene, units
        self.update()

    def _reach(self, scene: FovScene) -> float:
        """Metres shown from the camera to the top edge."""
        candidates = [scene.distance_m * 1.4 if scene.distance_m else 0.0]
        if scene.new_px and scene.new_hfov and not scene.panoramic:
            candidates.append(
                optics.distance_for_density_from_hfov(scene.new_px, scene.new_hfov, 62.5) * 1.1
            )
        return max(5.0, min(max(candidates), 400.0))

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("#fafafa"))
        scene = self.scene
        if scene is None or scene.new_hfov is None:
            painter.setPen(QColor("#757575"))
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter,
                             "No replacement to draw for this camera")  # fmt: skip
            painter.end()
            return
        margin = 24.0
        origin = QPointF(self.width() / 2, self.height() - margin)
        reach = self._reach(scene)
        scale = (self.height() - 2 * margin) / reach  # pixels per metre
        new_px = scene.new_px or 0
        if new_px and not scene.panoramic:
            distances = optics.dori_distances_m(new_px, scene.new_hfov)
            inner = 0.0
            for level in sorted(distances, key=lambda lv: distances[lv]):
                outer = min(distances[level], reach)
                if outer <= inner:
                    continue
                self._band(painter, origin, scale, scene.new_hfov, inner, outer,
                           QColor(BAND_COLOURS[level]))  # fmt: skip
                self._label(painter, origin, scale, (inner + outer) / 2, level.value)
                inner = outer
        else:
            self._band(painter, origin, scale, min(scene.new_hfov, 358.0), 0.0, reach,
                       QColor("#90caf9"))  # fmt: skip
        if scene.old_hfov:
            pen = QPen(QColor("#424242"), 1.5, Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(self._wedge(origin, scale, min(scene.old_hfov, 358.0), 0.0, reach))
        if scene.distance_m:
            radius = scene.distance_m * scale
            painter.setPen(QPen(QColor("#0d47a1"), 1.5, Qt.PenStyle.DotLine))
            painter.drawArc(QRectF(origin.x() - radius, origin.y() - radius, 2 * radius,
                                   2 * radius), 0, 180 * 16)  # fmt: skip
            painter.setPen(QColor("#0d47a1"))
            painter.drawText(QPointF(origin.x() + 6, origin.y() - radius - 4),
                             f"target {fmt.length(scene.distance_m, self.units)}")  # fmt: skip
        painter.setPen(QColor("#212121"))
        painter.setBrush(QColor("#212121"))
        painter.drawEllipse(origin, 4, 4)
        painter.setPen(QColor("#616161"))
        painter.drawText(
            QPointF(margin / 2, self.height() - 6),
            f"top edge = {fmt.length(reach, self.units)}  ·  dashed = existing view",
        )
        painter.end()

    def _wedge(self, origin: QPointF, scale: float, hfov: float, inner: float,
               outer: float) -> QPainterPath:  # fmt: skip
        start = 90 - hfov / 2
        path = QPainterPath()
        r_out, r_in = outer * scale, inner * scale
        path.arcMoveTo(QRectF(origin.x() - r_out, origin.y() - r_out, 2 * r_out, 2 * r_out),
                       start)  # fmt: skip
        path.arcTo(QRectF(origin.x() - r_out, origin.y() - r_out, 2 * r_out, 2 * r_out), start,
                   hfov)  # fmt: skip
        if r_in > 0:
            path.arcTo(QRectF(origin.x() - r_in, origin.y() - r_in, 2 * r_in, 2 * r_in),
                       start + hfov, -hfov)  # fmt: skip
        else:
            path.lineTo(origin)
        path.closeSubpath()
        return path

    def _band(self, painter: QPainter, origin: QPointF, scale: float, hfov: float,
              inner: float, outer: float, colour: QColor) -> None:  # fmt: skip
        colour.setAlpha(190)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawPath(self._wedge(origin, scale, hfov, inner, outer))

    def _label(self, painter: QPainter, origin: QPointF, scale: float, at: float,
               text: str) -> None:  # fmt: skip
        if at * scale < 14:
            return
        font = QFont(painter.font())
        font.setPointSizeF(7.5)
        painter.setFont(font)
        painter.setPen(QColor("#212121"))
        painter.drawText(QPointF(origin.x() - 20, origin.y() - at * scale + 4), text)
