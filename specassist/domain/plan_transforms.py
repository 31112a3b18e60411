"""Keep what is placed on a plan where it was when the plan image is rotated or cropped.

Rotating turns the image about its centre and enlarges the canvas to hold it;
cropping cuts a rectangle out. Positions, walls, targets and the scale points
move with the image, and bearings turn with it, so a camera drawn on a doorway
still points through that doorway. Distances do not change, so neither does
the scale.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import replace

from specassist.domain.plans import Crop, Plan, PlanScale, Point

PointMap = Callable[[Point], Point]


def rotation_map(size: tuple[int, int], new_size: tuple[int, int], degrees: float) -> PointMap:
    """Where a point goes when the image turns ``degrees`` anticlockwise about its centre.

    ``new_size`` is the enlarged canvas, centred on the same point of the drawing.
    Example: a 200×100 image turned 90° becomes 100×200; its top-right corner
    (200, 0) goes to the top-left (0, 0).
    """
    angle = math.radians(degrees)
    cos_a, sin_a = math.cos(angle), math.sin(angle)
    cx, cy = size[0] / 2, size[1] / 2
    nx, ny = new_size[0] / 2, new_size[1] / 2

    def move(point: Point) -> Point:
        dx, dy = point[0] - cx, point[1] - cy
        return (nx + cos_a * dx + sin_a * dy, ny - sin_a * dx + cos_a * dy)

    return move


def crop_map(crop: Crop) -> PointMap:
    def move(point: Point) -> Point:
        return (point[0] - crop.left, point[1] - crop.top)

    return move


def moved(plan: Plan, move: PointMap, new_size: tuple[int, int], turn_deg: float = 0.0) -> Plan:
    """The plan with every placed thing moved by ``move``; bearings turned by ``turn_deg``.

    ``turn_deg`` is clockwise, as bearings are: an anticlockwise image rotation of
    a degrees turns every bearing by −a.
    """
    scale = plan.scale
    if scale is not None:
        scale = PlanScale(move(scale.start), move(scale.end), scale.distance_m)
    return replace(
        plan,
        width_px=new_size[0],
        height_px=new_size[1],
        scale=scale,
        devices=tuple(
            replace(d, position=move(d.position), direction_deg=(d.direction_deg + turn_deg) % 360)
            for d in plan.devices
        ),
        walls=tuple(replace(w, points=tuple(map(move, w.points))) for w in plan.walls),
        targets=tuple(replace(t, points=tuple(map(move, t.points))) for t in plan.targets),
    )
