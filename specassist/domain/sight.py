"""Two-dimensional line of sight on a plan: what walls hide from a camera.

Walls are segments in plan coordinates and are taken to be taller than the
camera, so a ground point is hidden when the straight line from the camera's
position to it crosses a wall. The visible region from a point is a star-shaped
polygon found by casting rays: towards every wall end (and just either side of
it), where walls cross, and at regular steps in between; between two
neighbouring rays the boundary is a piece of one wall or open ground, so
joining the hits with straight edges is exact up to the reach.

Detail bands are convex (trapezoids), so clipping them against the visible
region is Sutherland–Hodgman with the band as the clipping window. Pieces the
walls cut apart come back joined by zero-width edges along the band's border,
which fill to nothing.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

from specassist.domain.plans import Point, Segment

FloatArray = npt.NDArray[np.float64]

EDGE_STEP_DEG = 10.0
"""Angle between rays over open ground. The visible region's edge there is a chord of the
reach circle; drawing reach at R / cos 5° keeps every chord outside the circle of radius R."""

SIDE_STEP_RAD = 1e-5
"""How far either side of a wall end the extra rays pass: at 100 m the two rays are 1 mm apart,
so a wall end seen past another wall is located to within a millimetre."""


class Walls:
    """Wall segments as arrays, built once per plan and shared by every camera on it."""

    def __init__(self, segments: Sequence[Segment]) -> None:
        data = np.array([(a[0], a[1], b[0], b[1]) for a, b in segments], dtype=np.float64)
        self._data = data.reshape(-1, 4)

    def __len__(self) -> int:
        return int(self._data.shape[0])

    def near(self, eye: Point, reach: float) -> Walls:
        """Only the walls that come within ``reach`` of ``eye``."""
        if len(self) == 0:
            return self
        a, b = self._data[:, 0:2], self._data[:, 2:4]
        p = np.array(eye, dtype=np.float64)
        ab = b - a
        length2 = np.maximum((ab * ab).sum(axis=1), 1e-12)
        t = np.clip(((p - a) * ab).sum(axis=1) / length2, 0.0, 1.0)
        closest = a + ab * t[:, None]
        keep = np.hypot(*(closest - p).T) <= reach
        subset = Walls(())
        subset._data = self._data[keep]
        return subset

    def cast(self, eye: Point, angles: FloatArray, min_range: float, far: float) -> FloatArray:
        """Distance along each ray to the first wall beyond ``min_range``; ``far`` if none.

        ``min_range`` lets a camera mounted on a wall see away from that wall.
        """
        directions = np.stack([np.cos(angles), np.sin(angles)], axis=1)
        if len(self) == 0:
            return np.full(angles.shape, far)
        a, edge = self._data[:, 0:2], self._data[:, 2:4] - self._data[:, 0:2]
        to_a = a - np.array(eye, dtype=np.float64)
        dx, dy = directions[:, 0:1], directions[:, 1:2]
        denom = dx * edge[:, 1] - dy * edge[:, 0]
        parallel = np.abs(denom) < 1e-12
        safe = np.where(parallel, 1.0, denom)
        t = (to_a[:, 0] * edge[:, 1] - to_a[:, 1] * edge[:, 0]) / safe
        u = (to_a[:, 0] * dy - to_a[:, 1] * dx) / safe
        hit = ~parallel & (u >= -1e-9) & (u <= 1 + 1e-9) & (t > min_range)
        distances: FloatArray = np.minimum(np.where(hit, t, far).min(axis=1), far)
        return distances

    def _critical_angles(self, eye: Point, min_range: float) -> FloatArray:
        ends = self._data.reshape(-1, 2)
        points = [ends, *self._crossings()]
        every = np.concatenate(points) if points else np.empty((0, 2))
        offsets = every - np.array(eye, dtype=np.float64)
        far_enough = np.hypot(offsets[:, 0], offsets[:, 1]) > min_range
        base = np.arctan2(offsets[far_enough, 1], offsets[far_enough, 0])
        return np.concatenate([base - SIDE_STEP_RAD, base, base + SIDE_STEP_RAD])

    def _crossings(self) -> list[FloatArray]:
        """Points where two walls cross: the boundary turns there without a wall end."""
        count = len(self)
        if count < 2:
            return []
        a, edge = self._data[:, 0:2], self._data[:, 2:4] - self._data[:, 0:2]
        i, j = np.triu_indices(count, k=1)
        denom = edge[i, 0] * edge[j, 1] - edge[i, 1] * edge[j, 0]
        ok = np.abs(denom) > 1e-12
        i, j, denom = i[ok], j[ok], denom[ok]
        diff = a[j] - a[i]
        t = (diff[:, 0] * edge[j, 1] - diff[:, 1] * edge[j, 0]) / denom
        u = (diff[:, 0] * edge[i, 1] - diff[:, 1] * edge[i, 0]) / denom
        inside = (t > 1e-9) & (t < 1 - 1e-9) & (u > 1e-9) & (u < 1 - 1e-9)
        return [a[i[inside]] + edge[i[inside]] * t[inside, None]]

    def visible_region(self, eye: Point, reach: float, min_range: float) -> list[Point]:
        """The polygon of ground visible from ``eye`` out to at least ``reach``."""
        steps = np.radians(np.arange(-180.0, 180.0, EDGE_STEP_DEG))
        angles = np.sort(np.concatenate([steps, self._critical_angles(eye, min_range)]))
        far = reach / math.cos(math.radians(EDGE_STEP_DEG / 2)) * 1.01
        distances = self.cast(eye, angles, min_range, far)
        xs = eye[0] + np.cos(angles) * distances
        ys = eye[1] + np.sin(angles) * distances
        return list(zip(xs.tolist(), ys.tolist(), strict=True))

    def blocks(self, eye: Point, point: Point, min_range: float) -> bool:
        """True when a wall crosses the sight line from ``eye`` to ``point``."""
        dx, dy = point[0] - eye[0], point[1] - eye[1]
        distance = math.hypot(dx, dy)
        if distance <= min_range or len(self) == 0:
            return False
        angle = np.array([math.atan2(dy, dx)])
        return bool(self.cast(eye, angle, min_range, distance)[0] < distance - 1e-9)


def signed_area(polygon: Sequence[Point]) -> float:
    return 0.5 * sum(
        x0 * y1 - x1 * y0
        for (x0, y0), (x1, y1) in zip(polygon, [*polygon[1:], polygon[0]], strict=True)
    )


def clip_convex(subject: Sequence[Point], window: Sequence[Point]) -> list[Point]:
    """Sutherland–Hodgman: the part of ``subject`` inside the convex polygon ``window``."""
    if len(window) < 3 or len(subject) < 3:
        return []
    sign = 1.0 if signed_area(window) >= 0 else -1.0
    output = list(subject)
    for (ax, ay), (bx, by) in zip(window, [*window[1:], window[0]], strict=True):
        if not output:
            break
        ex, ey = bx - ax, by - ay

        def side(p: Point, ax: float = ax, ay: float = ay, ex: float = ex,
                 ey: float = ey) -> float:  # fmt: skip
            return sign * (ex * (p[1] - ay) - ey * (p[0] - ax))

        source, output = output, []
        previous = source[-1]
        previous_side = side(previous)
        for current in source:
            current_side = side(current)
            if current_side >= 0:
                if previous_side < 0:
                    output.append(_cross_point(previous, current, previous_side, current_side))
                output.append(current)
            elif previous_side >= 0:
                output.append(_cross_point(previous, current, previous_side, current_side))
            previous, previous_side = current, current_side
    return output if len(output) >= 3 and abs(signed_area(output)) > 1e-9 else []


def _cross_point(p: Point, q: Point, side_p: float, side_q: float) -> Point:
    t = side_p / (side_p - side_q)
    return (p[0] + (q[0] - p[0]) * t, p[1] + (q[1] - p[1]) * t)
