"""A site plan as one PNG, for documents that take pictures, not vectors (the DOCX).

The same primitives as the PDF's vector plan (``domain.plan_drawing``), painted
with Pillow at print resolution: the picture scaled to ``WIDTH_PX``, each
coverage band blended at its opacity through a mask cut to its bounding box
(a plan of 500 cameras is thousands of bands, so no full-size layer per band),
then walls, targets, device symbols with their tags, and the legend and scale
bar in a strip under the plan.
"""

from __future__ import annotations

import io
import itertools
import math
from collections.abc import Sequence
from pathlib import Path
from typing import Any

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

WIDTH_PX = 2000
"""About 300 dpi across a 170 mm text column."""
PAPER_WIDTH_PT = 482.0
"""The text column the picture is printed in (A4 less 18 mm margins), to size lines and
text in points as the PDF does."""


def render_png(figure: Figure, font_dir: Path) -> bytes:
    from PIL import Image, ImageDraw, ImageFont

    drawing = figure.drawing
    scale = WIDTH_PX / drawing.width_px
    height = max(1, round(drawing.height_px * scale))
    pt = WIDTH_PX / PAPER_WIDTH_PT  # pixels per point on paper
    rows = math.ceil(len(drawing.legend) / LEGEND_COLUMNS)
    strip = round((rows * LEGEND_ROW + 10 + (14 if drawing.scale_bar else 0)) * pt)
    with Image.open(io.BytesIO(figure.picture)) as source:
        plan = source.convert("RGBA").resize((WIDTH_PX, height), Image.Resampling.LANCZOS)
    fonts = _Fonts(ImageFont, font_dir, pt)
    painter = _Painter(plan, ImageDraw, scale, pt)  # on the plan: coverage stops at its edge
    for primitive in drawing.primitives:
        if isinstance(primitive, Shape):
            painter.shape(primitive)
        elif isinstance(primitive, Marker):
            painter.marker(primitive, fonts)
        elif isinstance(primitive, Label):
            painter.label(primitive, fonts)
    page = Image.new("RGBA", (WIDTH_PX, height + strip), "white")
    page.paste(plan, (0, 0))
    _Painter(page, ImageDraw, scale, pt).legend(drawing, height, fonts)
    buffer = io.BytesIO()
    page.convert("RGB").save(buffer, format="PNG", optimize=False)
    return buffer.getvalue()


class _Fonts:
    def __init__(self, image_font: Any, font_dir: Path, pt: float) -> None:
        self.image_font, self.font_dir, self.pt = image_font, font_dir, pt
        self.cache: dict[tuple[bool, float], Any] = {}

    def get(self, size_pt: float, bold: bool = False) -> Any:
        key = (bold, size_pt)
        if key not in self.cache:
            name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
            self.cache[key] = self.image_font.truetype(
                str(self.font_dir / name), max(6, round(size_pt * self.pt))
            )
        return self.cache[key]


class _Painter:
    def __init__(self, page: Any, image_draw: Any, scale: float, pt: float) -> None:
        self.page, self.image_draw, self.scale, self.pt = page, image_draw, scale, pt
        self.draw = image_draw.Draw(page)

    def _xy(self, points: Sequence[tuple[float, float]]) -> list[tuple[float, float]]:
        return [(x * self.scale, y * self.scale) for x, y in points]

    def shape(self, shape: Shape) -> None:
        style = shape.style
        polygons = [self._xy(p) for p in shape.polygons if len(p) >= 2]
        if not polygons:
            return
        if style.fill is not None and shape.closed:
            self._blend(polygons, style)
        if style.stroke is not None:
            width = max(1, round(style.stroke_width_pt * 0.7 * self.pt))
            for points in polygons:
                line = [*points, points[0]] if shape.closed else points
                for segment in _dashed(line, [d * 0.7 * self.pt for d in style.dash_pt]):
                    self.draw.line(segment, fill=style.stroke, width=width, joint="curve")

    def _blend(self, polygons: list[list[tuple[float, float]]], style: Style) -> None:
        """Fill the polygons together (overlaps once, as the non-zero rule) at the opacity."""
        from PIL import Image

        xs = [x for p in polygons for x, _ in p]
        ys = [y for p in polygons for _, y in p]
        left, top = max(0, math.floor(min(xs))), max(0, math.floor(min(ys)))
        right = min(self.page.width, math.ceil(max(xs)) + 1)
        bottom = min(self.page.height, math.ceil(max(ys)) + 1)
        if right <= left or bottom <= top:
            return
        mask = Image.new("L", (right - left, bottom - top), 0)
        pen = self.image_draw.Draw(mask)
        for points in polygons:
            pen.polygon([(x - left, y - top) for x, y in points], fill=255)
        mask = mask.point(lambda v: round(v * style.fill_opacity))
        colour = Image.new("RGBA", mask.size, style.fill)
        self.page.paste(colour, (left, top), mask)

    def marker(self, marker: Marker, fonts: _Fonts) -> None:
        x, y = marker.at[0] * self.scale, marker.at[1] * self.scale
        k = PRINT_MARKER * self.pt
        wedge = [(x + dx * k, y + dy * k) for dx, dy in marker_wedge(marker.bearing_deg)]
        outline = max(1, round(self.pt))
        self.draw.polygon(wedge, fill=marker.colour, outline="white", width=outline)
        r = MARKER_RADIUS * k
        self.draw.ellipse((x - r, y - r, x + r, y + r), fill=marker.colour, outline="white",
                          width=outline)  # fmt: skip
        if marker.label:
            self.draw.text((x + r + 2 * self.pt, y + r * 0.2), marker.label, fill="#1f2933",
                           font=fonts.get(6.0, bold=True))  # fmt: skip

    def label(self, label: Label, fonts: _Fonts) -> None:
        x, y = label.at[0] * self.scale, label.at[1] * self.scale
        self.draw.text((x + 4 * self.pt, y - 12 * self.pt), label.text, fill=label.colour,
                       font=fonts.get(label.size_pt * 0.85))  # fmt: skip

    def legend(self, drawing: PlanDrawing, top: int, fonts: _Fonts) -> None:
        pt, column = self.pt, self.page.width / LEGEND_COLUMNS
        font = fonts.get(6.8)
        for n, entry in enumerate(drawing.legend):
            row, col = divmod(n, LEGEND_COLUMNS)
            x, y = col * column, top + (6 + row * LEGEND_ROW) * pt
            box = (x, y, x + 16 * pt, y + 7 * pt)
            style = entry.style
            if style.fill is not None:
                self._blend([[(box[0], box[1]), (box[2], box[1]), (box[2], box[3]),
                              (box[0], box[3])]], style)  # fmt: skip
            if style.stroke is not None:
                self.draw.rectangle(box, outline=style.stroke, width=max(1, round(pt)))
            self.draw.text((x + 20 * pt, y - 1 * pt), entry.text, fill="#1f2933", font=font)
        y = top + (8 + math.ceil(len(drawing.legend) / LEGEND_COLUMNS) * LEGEND_ROW) * pt
        bar = drawing.scale_bar
        if bar is None:
            self.draw.text((0, y), "No scale set: coverage is not drawn on this plan.",
                           fill="#52606d", font=font)  # fmt: skip
            return
        length = bar.length_px * self.scale
        width = max(1, round(1.2 * pt))
        self.draw.line([(0, y + 5 * pt), (length, y + 5 * pt)], fill="#1f2933", width=width)
        for x in (0, length):
            self.draw.line([(x, y + 2 * pt), (x, y + 8 * pt)], fill="#1f2933", width=width)
        self.draw.text((length + 4 * pt, y + 1 * pt), bar.text, fill="#1f2933", font=font)


def _dashed(
    points: list[tuple[float, float]], dash: list[float]
) -> list[list[tuple[float, float]]]:
    """A polyline as the pieces a dash pattern draws (the whole line when there is none)."""
    if not dash or sum(dash) <= 0:
        return [points]
    pieces: list[list[tuple[float, float]]] = []
    index, left, drawing_on = 0, dash[0], True
    current: list[tuple[float, float]] = [points[0]]
    for (x0, y0), (x1, y1) in itertools.pairwise(points):
        length = math.hypot(x1 - x0, y1 - y0)
        done = 0.0
        while length - done > left:
            done += left
            t = done / length
            point = (x0 + (x1 - x0) * t, y0 + (y1 - y0) * t)
            if drawing_on:
                pieces.append([*current, point])
            current = [point]
            drawing_on = not drawing_on
            index = (index + 1) % len(dash)
            left = dash[index]
        left -= length - done
        current.append((x1, y1))
    if drawing_on and len(current) > 1:
        pieces.append(current)
    return pieces
