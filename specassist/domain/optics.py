"""Rectilinear camera optics: field of view, scene width and pixel density.

The pinhole model: HFOV = 2·atan(w / 2f); scene width at distance d is d·w/f;
pixel density is H_px·f / (d·w). Worked example (domain notes §5): 1920 px,
f = 4 mm, w = 5.568 mm, d = 10 m → 137.9 px/m, which meets "recognise"
(125 px/m) under IEC 62676-4:2015.

Short CCTV lenses have barrel distortion, so datasheet HFOVs for wide lenses
run wider than this formula; callers prefer the datasheet figure when present.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

# Active sensor width by nominal optical format, in mm, for the formats CCTV
# datasheets quote. "Inch" formats are vidicon-tube legacy names with no fixed
# geometry: these are typical values (pixel pitch × columns) and a datasheet's
# own figure always wins. Source: domain notes §5 (pitches marked unchecked).
SENSOR_WIDTH_MM: dict[str, float] = {
    '1/3"': 4.80,
    '1/2.8"': 5.57,  # 1920 × 2.9 µm or 3840 × 1.45 µm; an IMX335 (2592 × 2.0 µm) is 5.18
    '1/2.7"': 5.76,
    '1/2"': 6.40,  # 4:3; an IMX385 is 7.20
    '1/1.8"': 7.68,
}
SENSOR_WIDTH_SOURCE = "typical active widths for the nominal format (domain notes §5; unchecked)"

_FORMAT_RE = re.compile(r'^\s*1\s*/\s*(\d+(?:\.\d+)?)\s*(?:"|”|″|in(?:ch)?|-inch)?\s*$')


def normalise_format(text: str) -> str | None:
    """'1/2.8 inch', '1/2.8"' and '1/2.8”' → '1/2.8"'; None if it is not a format."""
    match = _FORMAT_RE.match(text)
    return f'1/{match.group(1)}"' if match else None


@dataclass(frozen=True, slots=True)
class SensorWidth:
    """A sensor width and where it came from, so estimates are never passed off as data."""

    mm: float
    from_datasheet: bool
    source: str


def sensor_width(datasheet_mm: float | None, nominal_format: str | None) -> SensorWidth | None:
    if datasheet_mm is not None:
        return SensorWidth(datasheet_mm, True, "datasheet")
    key = normalise_format(nominal_format) if nominal_format else None
    if key is not None and key in SENSOR_WIDTH_MM:
        return SensorWidth(SENSOR_WIDTH_MM[key], False, SENSOR_WIDTH_SOURCE)
    return None


def hfov_deg(sensor_width_mm: float, focal_mm: float) -> float:
    """Horizontal field of view of a rectilinear lens, in degrees."""
    return math.degrees(2 * math.atan(sensor_width_mm / (2 * focal_mm)))


def focal_for_hfov_mm(sensor_width_mm: float, hfov: float) -> float:
    """The focal length that gives ``hfov`` degrees on this sensor (inverse of ``hfov_deg``)."""
    return sensor_width_mm / (2 * math.tan(math.radians(hfov) / 2))


def scene_width_m(sensor_width_mm: float, focal_mm: float, distance_m: float) -> float:
    return distance_m * sensor_width_mm / focal_mm


def focal_for_scene_mm(sensor_width_mm: float, scene_m: float, distance_m: float) -> float:
    """Focal length that makes the scene ``scene_m`` wide at ``distance_m``."""
    return sensor_width_mm * distance_m / scene_m


def pixel_density_px_per_m(
    horizontal_px: int, sensor_width_mm: float, focal_mm: float, distance_m: float
) -> float:
    return horizontal_px * focal_mm / (distance_m * sensor_width_mm)


def distance_for_density_m(
    horizontal_px: int, sensor_width_mm: float, focal_mm: float, density_px_per_m: float
) -> float:
    """The farthest distance at which the density is still met."""
    return horizontal_px * focal_mm / (density_px_per_m * sensor_width_mm)
