"""Plans made ready for print: pictures reduced, dash patterns cut, the wedge shared."""

from __future__ import annotations

import io
import itertools
import math

import pytest
from PIL import Image

from specassist.domain.plan_drawing import MARKER_RADIUS, MARKER_TIP, marker_wedge
from specassist.services.plan_images import for_print, image_from_bytes
from specassist.tender.plan_raster import _dashed


def _png(width: int, height: int) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), "white").save(buffer, format="PNG")
    return buffer.getvalue()


def test_a_large_plan_is_reduced_for_print_in_proportion_and_a_small_one_is_left_alone() -> None:
    big = image_from_bytes(_png(6000, 3000), "big.png")
    small = image_from_bytes(_png(800, 600), "small.png")
    reduced = for_print(big, longest=2400)
    assert (reduced.width_px, reduced.height_px, reduced.format) == (2400, 1200, "PNG")
    assert for_print(small, longest=2400) is small


def test_a_dash_pattern_cuts_a_line_into_pieces_of_the_pattern() -> None:
    pieces = _dashed([(0.0, 0.0), (10.0, 0.0), (10.0, 10.0)], [4.0, 2.0])
    lengths = [sum(math.dist(a, b) for a, b in itertools.pairwise(p)) for p in pieces]
    assert lengths == pytest.approx([4.0, 4.0, 4.0, 2.0])  # 20 long: 4 on, 2 off, …, 2 left
    assert pieces[1][0] == (6.0, 0.0) and pieces[2][0] == pytest.approx((10.0, 2.0))
    assert _dashed([(0.0, 0.0), (5.0, 0.0)], []) == [[(0.0, 0.0), (5.0, 0.0)]]


def test_the_direction_wedge_points_along_the_bearing() -> None:
    left, tip, right = marker_wedge(90.0)  # east: x grows, y (down the plan) stays
    assert tip == pytest.approx((MARKER_RADIUS * MARKER_TIP, 0.0))
    assert left[0] == pytest.approx(right[0]) and left[1] < 0 < right[1]
    north = marker_wedge(0.0)[1]
    assert north == pytest.approx((0.0, -MARKER_RADIUS * MARKER_TIP))
