"""All cameras' coverage as one picture, painted a slice at a time between events.

Hundreds of overlapping, translucent coverage shapes are too many to composite
on every repaint: 500 cameras on a plan took about 350 ms a frame as separate
(even cached) items. The layer paints them once into an image of the visible
part of the plan at the view's zoom, and every repaint is one image blit.
Cameras being dragged are left out of the picture and drawn live on top, so a
drag repaints one camera, not five hundred. After a zoom or an edit the old
picture stays on screen until the new one is complete.

The picture is painted on the GUI thread in slices of a few milliseconds, not
on a worker: PySide6 keeps the GIL while QPainter draws, so a worker painting
large paths stalled the GUI thread for whole paths at a time anyway.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from PySide6.QtCore import QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QImage, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsObject,
    QStyleOptionGraphicsItem,
    QWidget,
)

Part = tuple[QPainterPath, QPen, QBrush]
Key = tuple[int, int]
"""(device id, layer order): later orders are painted over earlier ones."""

MARGIN = 0.5
"""The picture covers the visible area plus half of it on each side: scrolling that far needs
no new picture."""
MAX_PIXELS = 16_000_000
"""Largest picture (64 MB as ARGB): beyond it the zoom is capped and the picture stretched."""


@dataclass(frozen=True)
class Picture:
    image: QImage
    rect: QRectF
    scale: float
    generation: int


SLICE_SECONDS = 0.006
"""Painting per event-loop turn: with a repaint of ~11 ms for 500 cameras, a frame stays
under 20 ms. One large path may overrun a slice; it is never split."""


class Painting:
    """A picture being painted: the image, its painter and the parts still to paint."""

    def __init__(self, parts: list[Part], rect: QRectF, scale: float, generation: int) -> None:
        width = max(1, math.ceil(rect.width() * scale))
        height = max(1, math.ceil(rect.height() * scale))
        self.image = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)
        self.image.fill(Qt.GlobalColor.transparent)
        self.painter = QPainter(self.image)
        self.painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.painter.scale(scale, scale)
        self.painter.translate(-rect.left(), -rect.top())
        self.parts, self.next = parts, 0
        self.rect, self.scale, self.generation = rect, scale, generation

    def step(self, seconds: float) -> Picture | None:
        """Paint for about ``seconds``; the finished picture when nothing is left."""
        start = time.perf_counter()
        while self.next < len(self.parts) and time.perf_counter() - start < seconds:
            path, pen, brush = self.parts[self.next]
            self.painter.setPen(pen)
            self.painter.setBrush(brush)
            self.painter.drawPath(path)
            self.next += 1
        if self.next < len(self.parts):
            return None
        self.painter.end()
        return Picture(self.image, self.rect, self.scale, self.generation)


class CoverageLayer(QGraphicsObject):
    sig_rendered = Signal()
    """A new picture is shown (tests and benchmarks wait for it)."""

    def __init__(self, visible: Callable[[], tuple[QRectF, float] | None]) -> None:
        super().__init__()
        self._visible = visible
        self._parts: dict[Key, list[Part]] = {}
        self._bounds: dict[Key, QRectF] = {}
        self._live: set[int] = set()
        self._rect = QRectF()
        self._generation = 0
        self._picture: Picture | None = None
        self._painting: Painting | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(15)  # coalesce the changes of one event-loop turn
        self._timer.timeout.connect(self._start)
        self._stepper = QTimer(self)
        self._stepper.setInterval(0)
        self._stepper.timeout.connect(self._step)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption)

    @property
    def busy(self) -> bool:
        current = self._picture is not None and self._picture.generation == self._generation
        return not current or self._painting is not None

    def keys(self) -> set[Key]:
        return set(self._parts)

    @property
    def picture(self) -> Picture | None:
        return self._picture

    @property
    def live(self) -> frozenset[int]:
        return frozenset(self._live)

    def set_area(self, rect: QRectF) -> None:
        self.prepareGeometryChange()
        self._rect = rect
        self._changed()

    def set_parts(self, key: Key, parts: list[Part]) -> None:
        if parts:
            self._parts[key] = parts
            bounds = QRectF()
            for path, _pen, _brush in parts:
                bounds = bounds.united(path.boundingRect())
            self._bounds[key] = bounds
        else:
            self._parts.pop(key, None)
            self._bounds.pop(key, None)
        if key[0] not in self._live:
            self._changed()

    def clear(self) -> None:
        self._parts.clear()
        self._bounds.clear()
        self._live.clear()
        self._picture = None
        self._changed()

    def set_live(self, device_ids: Iterable[int]) -> None:
        """Leave these devices out of the picture (they are drawn live while dragged)."""
        live = set(device_ids)
        if live != self._live:
            self._live = live
            self._changed()

    def request(self) -> None:
        """A new picture for the current zoom and scroll position (after a zoom or scroll)."""
        self._timer.start()

    def _changed(self) -> None:
        self._generation += 1
        self._timer.start()

    def _start(self) -> None:
        if self._painting is not None:
            return  # one picture at a time; a newer one follows when it ends
        wanted = self._visible()
        if wanted is None:
            return
        visible, scale = wanted
        rect = visible.adjusted(-visible.width() * MARGIN, -visible.height() * MARGIN,
                                visible.width() * MARGIN, visible.height() * MARGIN)  # fmt: skip
        rect = rect.intersected(self._rect)
        if rect.isEmpty():
            return
        scale = min(scale, math.sqrt(MAX_PIXELS / (rect.width() * rect.height())))
        parts = [
            part
            for key in sorted(self._parts, key=lambda k: (k[1], k[0]))
            if key[0] not in self._live and self._bounds[key].intersects(rect)
            for part in self._parts[key]
        ]
        self._painting = Painting(parts, rect, scale, self._generation)
        self._stepper.start()

    def _step(self) -> None:
        painting = self._painting
        if painting is None:
            self._stepper.stop()
            return
        picture = painting.step(SLICE_SECONDS)
        if picture is None:
            return
        self._stepper.stop()
        self._painting = None
        self._picture = picture
        self.update()
        self.sig_rendered.emit()
        if self._outdated():
            self._timer.start()

    def _outdated(self) -> bool:
        """True when the picture is older than the parts, or the view shows more of the plan,
        or at another zoom, than the picture holds (False while no view shows the layer)."""
        wanted, picture = self._visible(), self._picture
        if wanted is None:
            return False
        if picture is None or picture.generation != self._generation:
            return True
        visible, scale = wanted
        enough = picture.rect.contains(visible.intersected(self._rect))
        capped = picture.image.width() * picture.image.height() >= MAX_PIXELS * 0.95
        sharp = math.isclose(picture.scale, scale, rel_tol=0.02) or (
            capped and scale > picture.scale
        )
        return not (enough and sharp)

    def boundingRect(self) -> QRectF:
        return self._rect

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:  # fmt: skip
        picture = self._picture
        if picture is not None:
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            painter.drawImage(picture.rect, picture.image)
        if self._outdated() and self._painting is None and not self._timer.isActive():
            self._timer.start()
