"""A site plan in the PDF: the picture, the coverage over it as vectors, a legend and a scale.

``domain.plan_drawing`` decides what is drawn (bands in the IEC 62676-4
colours, walls, targets, device symbols with their schedule tags); this module
only maps plan pixels (y down) to the page (y up) and paints. The plan fills
the page's width or the height left for it, whichever is smaller; with less
than ``MIN_SHARE`` of a page left it moves to the next page whole.
"""

from __future__ import annotations

import io
import math

from reportlab.lib.colors import HexColor
from reportlab.lib.utils import ImageReader
from reportlab.platypus import Flowable

from specassist.domain.plan_drawing import (
    LEGEND_COLUMNS,
    LEGEND_ROW,
    MARKER_RADIUS,
    PRINT_MARKER,
    Label,
    Marker,
    PlanDrawing,
    Shape,
    Style,
    marker_wedge,
)
from specassist.tender.document import Figure
from specassist.tender.pdf_grid import BOLD, FONT, INK, MUTED, RULE

MIN_SHARE = 0.6
"""A plan never shrinks below this share of a full page to fit under a heading."""
SWATCH = (16.0, 7.0)


class PlanFlowable(Flowable):  # type: ignore[misc]
    def __init__(self, figure: Figure, page_height: float) -> None:
        super().__init__()
        self.figure = figure
        self.page_height = page_height
        drawing = figure.drawing
        rows = math.ceil(len(drawing.legend) / LEGEND_COLUMNS)
        self.legend_height = rows * LEGEND_ROW + 8 + (14 if drawing.scale_bar else 0)
        self.scale = 0.0

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        drawing = self.figure.drawing
        room = avail_height if avail_height >= MIN_SHARE * self.page_height else self.page_height
        high = max(room - self.legend_height, 1.0)
        self.scale = min(avail_width / drawing.width_px, high / drawing.height_px)
        self.width = avail_width
        self.height = drawing.height_px * self.scale + self.legend_height
        return self.width, self.height

    # ---------------------------------------------------------------- drawing

    def draw(self) -> None:
        canvas = self.canv
        if getattr(canvas, "dry", False):
            return
        drawing, s = self.figure.drawing, self.scale
        width, height = drawing.width_px * s, drawing.height_px * s
        base = self.legend_height
        canvas.saveState()
        picture = ImageReader(io.BytesIO(self.figure.picture))
        canvas.drawImage(picture, 0, base, width, height)
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.5)
        canvas.rect(0, base, width, height, stroke=1, fill=0)
        clip = canvas.beginPath()
        clip.rect(0, base, width, height)
        canvas.clipPath(clip, stroke=0, fill=0)  # coverage reaching past the plan stops at it
        for primitive in drawing.primitives:
            canvas.saveState()
            if isinstance(primitive, Shape):
                self._shape(primitive, base + height)
            elif isinstance(primitive, Marker):
                self._marker(primitive, base + height)
            elif isinstance(primitive, Label):
                self._label(primitive, base + height)
            canvas.restoreState()
        canvas.restoreState()
        self._legend(drawing)

    def _point(self, x: float, y: float, top: float) -> tuple[float, float]:
        return x * self.scale, top - y * self.scale

    def _shape(self, shape: Shape, top: float) -> None:
        canvas = self.canv
        path = canvas.beginPath()
        for points in shape.polygons:
            if not points:
                continue
            path.moveTo(*self._point(*points[0], top))
            for x, y in points[1:]:
                path.lineTo(*self._point(x, y, top))
            if shape.closed:
                path.close()
        fill = _paint(canvas, shape.style) and shape.closed
        canvas.drawPath(path, stroke=1 if shape.style.stroke else 0, fill=1 if fill else 0,
                        fillMode=0)  # fmt: skip  # 0: non-zero winding, as on screen

    def _marker(self, marker: Marker, top: float) -> None:
        canvas = self.canv
        x, y = self._point(*marker.at, top)
        k = PRINT_MARKER
        canvas.setStrokeColor(HexColor("#ffffff"))
        canvas.setLineWidth(1.0)
        canvas.setFillColor(HexColor(marker.colour))
        wedge = canvas.beginPath()
        corners = [(x + dx * k, y - dy * k) for dx, dy in marker_wedge(marker.bearing_deg)]
        wedge.moveTo(*corners[0])
        for corner in corners[1:]:
            wedge.lineTo(*corner)
        wedge.close()
        canvas.drawPath(wedge, stroke=1, fill=1)
        canvas.circle(x, y, MARKER_RADIUS * k, stroke=1, fill=1)
        if marker.label:
            canvas.setFillColor(INK)
            canvas.setFont(BOLD, 6.0)
            canvas.drawString(x + MARKER_RADIUS * k + 1.5, y - MARKER_RADIUS * k - 4.5,
                              marker.label)  # fmt: skip

    def _label(self, label: Label, top: float) -> None:
        x, y = self._point(*label.at, top)
        self.canv.setFillColor(HexColor(label.colour))
        self.canv.setFont(FONT, label.size_pt * 0.85)
        self.canv.drawString(x + 4, y + 4, label.text)

    def _legend(self, drawing: PlanDrawing) -> None:
        canvas = self.canv
        column = self.width / LEGEND_COLUMNS
        top = self.legend_height - 6
        for n, entry in enumerate(drawing.legend):
            row, col = divmod(n, LEGEND_COLUMNS)
            x, y = col * column, top - (row + 1) * LEGEND_ROW
            canvas.saveState()
            _paint(canvas, entry.style)
            canvas.rect(x, y + 1, *SWATCH, stroke=1 if entry.style.stroke else 0,
                        fill=1 if entry.style.fill else 0)  # fmt: skip
            canvas.restoreState()
            canvas.setFillColor(INK)
            canvas.setFont(FONT, 6.8)
            canvas.drawString(x + SWATCH[0] + 4, y + 2, entry.text)
        bar = drawing.scale_bar
        if bar is None:
            canvas.setFillColor(MUTED)
            canvas.setFont(FONT, 6.8)
            canvas.drawString(0, 2, "No scale set: coverage is not drawn on this plan.")
            return
        length = bar.length_px * self.scale
        canvas.setStrokeColor(INK)
        canvas.setLineWidth(1.2)
        canvas.line(0, 4, length, 4)
        for x in (0, length):
            canvas.line(x, 1, x, 7)
        canvas.setFillColor(INK)
        canvas.setFont(FONT, 6.8)
        canvas.drawString(length + 4, 2, bar.text)


def _paint(canvas: object, style: Style) -> bool:
    """Set the canvas's fill and stroke for ``style``; True when it fills."""
    if style.stroke is not None:
        canvas.setStrokeColor(HexColor(style.stroke))  # type: ignore[attr-defined]
        canvas.setLineWidth(style.stroke_width_pt * 0.7)  # type: ignore[attr-defined]
        canvas.setLineJoin(1)  # type: ignore[attr-defined]
        canvas.setLineCap(1)  # type: ignore[attr-defined]
        if style.dash_pt:
            canvas.setDash([d * 0.7 for d in style.dash_pt])  # type: ignore[attr-defined]
    if style.fill is None:
        return False
    canvas.setFillColor(HexColor(style.fill))  # type: ignore[attr-defined]
    canvas.setFillAlpha(style.fill_opacity)  # type: ignore[attr-defined]
    return True
