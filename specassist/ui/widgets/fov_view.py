"""A top-down picture of the old and new cameras' fields of view, with the detail bands.

The camera sits at the bottom centre; each view is a wedge of its horizontal
angle. The replacement's wedge is filled with coloured bands showing how far
each IEC 62676-4 level reaches, edged in solid blue; the existing camera's
view is a dashed orange outline over a faint orange fill, so the two read
apart even in grey print. A dotted arc marks the target distance. A legend
names every mark and a scale bar gives lengths in metres or feet.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from specassist.domain import formatting as fmt
from specassist.domain import optics
from specassist.domain.formatting import UnitSystem
from specassist.domain.plan_drawing import BAND_COLOURS, ScaleBar, scale_bar
from specassist.domain.survey import DoriLevel

OLD_COLOUR = "#e65100"
"""Existing camera: deep orange, far from the bands' greens and the replacement's blue."""
NEW_COLOUR = "#0d47a1"
TARGET_COLOUR = "#37474f"
PANORAMIC_FILL = "#90caf9"
MARGIN = 24.0
BAND_LEVELS = (DoriLevel.IDENTIFY, DoriLevel.RECOGNISE, DoriLevel.OBSERVE, DoriLevel.DETECT)
"""The levels drawn as bands (inspect is too close to show, monitor too far to matter)."""


@dataclass(frozen=True)
class FovScene:
    new_hfov: float | None
    new_px: int | None
    old_hfov: float | None = None
    old_px: int | None = None
    distance_m: float | None = None
    panoramic: bool = False


@dataclass(frozen=True)
class LegendItem:
    text: str
    kind: str
    """"old", "new", "band", "target": how its swatch is drawn."""
    colour: str


class FovView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.scene: FovScene | None = None
        self.units = UnitSystem.METRIC
        self.setMinimumSize(240, 150)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName("Field of view picture")
        self.setToolTip("Top-down view: dashed orange = existing camera, blue edge and coloured "
                        "bands = replacement and its detail levels")  # fmt: skip

    def set_scene(self, scene: FovScene | None, units: UnitSystem = UnitSystem.METRIC) -> None:
        self.scene, self.units = scene, units
        self.update()

    # ------------------------------------------------------------ what is drawn

    def reach(self) -> float:
        """Metres shown from the camera to the top edge."""
        scene = self.scene
        if scene is None:
            return 5.0
        candidates = [scene.distance_m * 1.4 if scene.distance_m else 0.0]
        if scene.new_px and scene.new_hfov and not scene.panoramic:
            candidates.append(
                optics.distance_for_density_from_hfov(scene.new_px, scene.new_hfov, 62.5) * 1.1
            )
        return max(5.0, min(max(candidates), 400.0))

    def pixels_per_metre(self) -> float:
        """As large as fits: the full reach upwards, and the wedge's width beside the legend."""
        reach = self.reach()
        scale = (self.height() - 2 * MARGIN) / reach
        half_width = self._drawing_area()[1] / 2 - 8
        spread = self._spread()
        if spread > 0 and half_width > 0:
            scale = min(scale, half_width / (reach * spread))
        return max(scale, 1e-6)

    def _spread(self) -> float:
        """The wedges' half-width at their far end, as a share of the reach (1 past 180°)."""
        scene = self.scene
        angles = [a for a in (scene.new_hfov, scene.old_hfov) if a] if scene else []
        widest = min(max(angles, default=0.0), 180.0)
        return math.sin(math.radians(widest / 2))

    def _drawing_area(self) -> tuple[float, float]:
        """(left, width) of the part of the widget the wedges are drawn in: right of the
        legend when that leaves room for a picture, else the whole width under it."""
        legend = self._legend_width()
        rest = self.width() - legend - 12
        return (legend + 12, rest) if rest >= 160 else (0.0, float(self.width()))

    def _legend_width(self) -> float:
        items = self.legend()
        if not items:
            return 0.0
        metrics = QFontMetricsF(self._small_font(QFont(self.font())))
        return max(metrics.horizontalAdvance(i.text) for i in items) + 40

    def scale(self) -> ScaleBar:
        """A round length near a fifth of the picture's width, in the reader's units."""
        return scale_bar(1.0 / self.pixels_per_metre(), self.width(), self.units)

    def legend(self) -> list[LegendItem]:
        scene = self.scene
        if scene is None or scene.new_hfov is None:
            return []
        items = [LegendItem(f"Replacement, {fmt.angle(scene.new_hfov)}", "new", NEW_COLOUR)]
        if scene.new_px and not scene.panoramic:
            for level in BAND_LEVELS:
                need = fmt.density(optics.DORI_PX_PER_M[level], self.units)
                items.append(LegendItem(f"{level.value.capitalize()} (≥ {need})", "band",
                                        BAND_COLOURS[level]))  # fmt: skip
        if scene.old_hfov:
            items.append(LegendItem(f"Existing camera, {fmt.angle(scene.old_hfov)}", "old",
                                    OLD_COLOUR))  # fmt: skip
        if scene.distance_m:
            items.append(LegendItem(f"Target, {fmt.length(scene.distance_m, self.units)}",
                                    "target", TARGET_COLOUR))  # fmt: skip
        return items

    # ------------------------------------------------------------ painting

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("#fafafa"))
        scene = self.scene
        if scene is None or scene.new_hfov is None:
            why = ("No replacement to draw for this camera" if scene is None else
                   "The replacement's field of view is not known: nothing to draw")  # fmt: skip
            painter.setPen(QColor("#757575"))
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                             why)  # fmt: skip
            painter.end()
            return
        left, width = self._drawing_area()
        origin = QPointF(left + width / 2, self.height() - MARGIN)
        scale, reach = self.pixels_per_metre(), self.reach()
        self._new_view(painter, scene, origin, scale, reach)
        if scene.old_hfov:
            wedge = self._wedge(origin, scale, min(scene.old_hfov, 358.0), 0.0, reach)
            fill = QColor(OLD_COLOUR)
            fill.setAlpha(28)
            painter.setBrush(fill)
            painter.setPen(QPen(QColor(OLD_COLOUR), 2.0, Qt.PenStyle.DashLine))
            painter.drawPath(wedge)
        if scene.distance_m:
            radius = scene.distance_m * scale
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(QPen(QColor(TARGET_COLOUR), 1.5, Qt.PenStyle.DotLine))
            painter.drawArc(QRectF(origin.x() - radius, origin.y() - radius, 2 * radius,
                                   2 * radius), 0, 180 * 16)  # fmt: skip
        painter.setPen(QColor("#212121"))
        painter.setBrush(QColor("#212121"))
        painter.drawEllipse(origin, 4, 4)
        self._draw_scale(painter)
        self._draw_legend(painter)
        painter.end()

    def _new_view(self, painter: QPainter, scene: FovScene, origin: QPointF, scale: float,
                  reach: float) -> None:  # fmt: skip
        assert scene.new_hfov is not None
        hfov = min(scene.new_hfov, 358.0)
        if scene.new_px and not scene.panoramic:
            distances = optics.dori_distances_m(scene.new_px, scene.new_hfov)
            inner = 0.0
            for level in BAND_LEVELS:
                outer = min(distances[level], reach)
                if outer <= inner:
                    continue
                self._band(painter, origin, scale, hfov, inner, outer, QColor(BAND_COLOURS[level]))
                inner = outer
        else:
            self._band(painter, origin, scale, hfov, 0.0, reach, QColor(PANORAMIC_FILL))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QPen(QColor(NEW_COLOUR), 1.5))
        painter.drawPath(self._wedge(origin, scale, hfov, 0.0, reach))

    def _draw_scale(self, painter: QPainter) -> None:
        bar = self.scale()
        left, y = 10.0, self.height() - 10.0
        painter.setPen(QPen(QColor("#212121"), 2.0))
        painter.drawLine(QPointF(left, y), QPointF(left + bar.length_px, y))
        for x in (left, left + bar.length_px):
            painter.drawLine(QPointF(x, y - 4), QPointF(x, y + 1))
        painter.setFont(self._small_font(painter.font()))
        painter.drawText(QPointF(left + bar.length_px + 6, y + 3), bar.text)

    def _draw_legend(self, painter: QPainter) -> None:
        items = self.legend()
        painter.setFont(self._small_font(painter.font()))
        line = painter.fontMetrics().height() + 2
        box = QRectF(6, 6, self._legend_width() - 6, line * len(items) + 6)
        painter.setPen(QPen(QColor("#b0bec5")))
        painter.setBrush(QColor(255, 255, 255, 225))
        painter.drawRect(box)
        for n, item in enumerate(items):
            y = box.top() + 4 + n * line
            swatch = QRectF(box.left() + 6, y + 2, 18, line - 6)
            self._swatch(painter, item, swatch)
            painter.setPen(QColor("#212121"))
            painter.drawText(QPointF(swatch.right() + 6, y + line - 5), item.text)

    def _swatch(self, painter: QPainter, item: LegendItem, rect: QRectF) -> None:
        colour = QColor(item.colour)
        middle = rect.center().y()
        if item.kind == "band":
            colour.setAlpha(190)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colour)
            painter.drawRect(rect)
        elif item.kind == "old":
            painter.setPen(QPen(colour, 2.0, Qt.PenStyle.DashLine))
            painter.drawLine(QPointF(rect.left(), middle), QPointF(rect.right(), middle))
        elif item.kind == "target":
            painter.setPen(QPen(colour, 1.5, Qt.PenStyle.DotLine))
            painter.drawLine(QPointF(rect.left(), middle), QPointF(rect.right(), middle))
        else:
            painter.setPen(QPen(colour, 1.5))
            painter.drawLine(QPointF(rect.left(), middle), QPointF(rect.right(), middle))

    @staticmethod
    def _small_font(base: QFont) -> QFont:
        font = QFont(base)
        font.setPointSizeF(7.5)
        return font

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
