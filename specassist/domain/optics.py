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

from specassist.domain.catalog import CameraModel
from specassist.domain.sensor_formats import SENSOR_FORMATS
from specassist.domain.survey import DoriLevel
from specassist.domain.units import Quantity, quantity

# Typical active width by nominal format, in mm: the table and the basis of
# every figure live in ``sensor_formats``; a datasheet's own figure always wins.
SENSOR_WIDTH_MM: dict[str, float] = {k: f.typical_mm for k, f in SENSOR_FORMATS.items()}
SENSOR_WIDTH_SOURCE = "typical active width for the nominal format (sensor_formats; unchecked)"

_FORMAT_RE = re.compile(r'^\s*(\d)\s*/\s*(\d+(?:\.\d+)?)\s*(?:"|”|″|in(?:ch)?|-inch|-type)?\s*$')
_ONE_INCH_RE = re.compile(r'^\s*1\s*(?:"|”|″|in(?:ch)?|-inch|-type)\s*$')


def normalise_format(text: str) -> str | None:
    """'1/2.8 inch', '1/2.8"' and '1/2.8”' → '1/2.8"'; None if it is not a format."""
    if _ONE_INCH_RE.match(text):
        return '1"'
    match = _FORMAT_RE.match(text)
    return f'{match.group(1)}/{match.group(2)}"' if match else None


@dataclass(frozen=True, slots=True)
class SensorWidth:
    """A sensor width and where it came from, so estimates are never passed off as data.

    ``narrowest_mm``/``widest_mm`` bound the width when it is only known from the
    nominal format (any sensor sold under that name); they are None when the
    width is the datasheet's own figure.
    """

    mm: float
    from_datasheet: bool
    source: str
    narrowest_mm: float | None = None
    widest_mm: float | None = None

    def bounds(self) -> tuple[float, float]:
        """(narrowest, widest) width this figure stands for."""
        return (self.narrowest_mm or self.mm, self.widest_mm or self.mm)


def model_sensor_width(model: CameraModel) -> SensorWidth | None:
    """A catalog model's sensor width from everything its row gives (see ``sensor_width``)."""
    columns = model.resolution.width if model.resolution else None
    return sensor_width(model.sensor_width_mm, model.sensor_format, model.pixel_pitch_um, columns)


def sensor_width(
    datasheet_mm: float | None,
    nominal_format: str | None,
    pitch_um: float | None = None,
    columns: int | None = None,
) -> SensorWidth | None:
    """The best active width: datasheet width, else pixel pitch × columns, else the format.

    With only a format, a known sensor of that format with the same column
    count beats the format's typical width (a 1/2.8" row with 2592 columns is
    an IMX335-class part, 5.18 mm, not 5.57 mm).
    """
    if datasheet_mm is not None:
        return SensorWidth(datasheet_mm, True, "datasheet")
    if pitch_um is not None and columns:
        return SensorWidth(pitch_um * columns / 1000, True, "pixel pitch × columns (datasheet)")
    key = normalise_format(nominal_format) if nominal_format else None
    fmt = SENSOR_FORMATS.get(key) if key else None
    if fmt is None:
        return None
    known = fmt.width_for_columns(columns)
    if known is not None:
        source = f"typical {key} sensor, {known.columns} × {known.pitch_um} µm ({known.example})"
        return SensorWidth(known.width_mm, False, source, fmt.narrowest_mm, fmt.widest_mm)
    return SensorWidth(fmt.typical_mm, False, SENSOR_WIDTH_SOURCE, fmt.narrowest_mm, fmt.widest_mm)


def sensor_height_mm(width_mm: float, columns: int, rows: int) -> float:
    """Active height from the width and the pixel grid: CCTV sensors have square pixels."""
    return width_mm * rows / columns


def vfov_deg(sensor_height: float, focal_mm: float) -> float:
    """Vertical field of view of a rectilinear lens, in degrees (same formula on the height)."""
    return hfov_deg(sensor_height, focal_mm)


def hfov_deg(sensor_width_mm: float, focal_mm: float) -> float:
    """Horizontal field of view of a rectilinear lens, in degrees."""
    return math.degrees(2 * math.atan(sensor_width_mm / (2 * focal_mm)))


def focal_for_hfov_mm(sensor_width_mm: float, hfov: float) -> float:
    """The focal length that gives ``hfov`` degrees on this sensor (inverse of ``hfov_deg``)."""
    return sensor_width_mm / (2 * math.tan(math.radians(hfov) / 2))


def width_for_hfov_mm(focal_mm: float, hfov: float) -> float:
    """The sensor width a rectilinear lens of ``focal_mm`` needs to see ``hfov`` degrees."""
    return 2 * focal_mm * math.tan(math.radians(hfov) / 2)


def equisolid_hfov_deg(sensor_width_mm: float, focal_mm: float) -> float:
    """Field of view of an equisolid-angle (r = 2f·sin(θ/2)) lens: the barrel-distortion limit.

    Short CCTV lenses map somewhere between rectilinear (r = f·tan θ) and this
    fisheye projection, so the two bracket a published angle. Example: 5.57 mm
    behind 2.8 mm is 89.7° rectilinear and 4·asin(5.57/11.2) = 119.3° equisolid.
    """
    ratio = min(sensor_width_mm / (4 * focal_mm), 1.0)
    return math.degrees(4 * math.asin(ratio))


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


# ----------------------------------------------------------------- density from a field of view
#
# Datasheets publish the horizontal field of view, which already includes the
# lens's distortion, so once a camera is installed the scene width at distance d
# is 2·d·tan(HFOV/2). Working from the HFOV keeps the datasheet figure in charge.


def scene_width_from_hfov_m(hfov: float, distance_m: float) -> float:
    return 2 * distance_m * math.tan(math.radians(hfov) / 2)


def hfov_for_scene_deg(scene_m: float, distance_m: float) -> float:
    """The HFOV spanning ``scene_m`` at ``distance_m``; inverse of ``scene_width_from_hfov_m``."""
    return math.degrees(2 * math.atan(scene_m / (2 * distance_m)))


def density_from_hfov(horizontal_px: int | float, hfov: float, distance_m: float) -> float:
    """Pixels per metre across the scene at ``distance_m`` for a camera set to ``hfov`` degrees."""
    return horizontal_px / scene_width_from_hfov_m(hfov, distance_m)


def distance_for_density_from_hfov(
    horizontal_px: int | float, hfov: float, density: float
) -> float:
    """The farthest distance at which ``density`` px/m is still met at ``hfov`` degrees."""
    return horizontal_px / (2 * math.tan(math.radians(hfov) / 2) * density)


def arc_width_m(hfov: float, distance_m: float) -> float:
    """The span of a panoramic or fisheye view at ``distance_m``: the arc, not a flat width.

    A 180° view has no finite flat width (tan 90°), but its image spreads the
    pixels along the arc, so density at a distance is pixels / (angle in radians × d).
    """
    return math.radians(hfov) * distance_m


def span_m(hfov: float, distance_m: float, panoramic: bool) -> float:
    """The scene width a view spreads its pixels over: flat for rectilinear, arc for panoramic."""
    return arc_width_m(hfov, distance_m) if panoramic else scene_width_from_hfov_m(hfov, distance_m)


def pixels_across(horizontal_px: int | float, setting_hfov: float, scene_hfov: float) -> float:
    """Pixels that fall across a scene of ``scene_hfov`` when the camera is set to ``setting_hfov``.

    A camera set wider than the scene spends part of its width outside it:
    the share is tan(scene/2) / tan(setting/2) for a rectilinear image.
    """
    if scene_hfov >= setting_hfov:
        return float(horizontal_px)
    return (
        horizontal_px
        * math.tan(math.radians(scene_hfov) / 2)
        / math.tan(math.radians(setting_hfov) / 2)
    )


# ------------------------------------------------------------------------------- DORI levels

DORI_PX_PER_M: dict[DoriLevel, float] = {
    DoriLevel.MONITOR: 12.5,
    DoriLevel.DETECT: 25.0,
    DoriLevel.OBSERVE: 62.5,
    DoriLevel.RECOGNISE: 125.0,
    DoriLevel.IDENTIFY: 250.0,
    DoriLevel.INSPECT: 1000.0,
}
DORI_CITATION = (
    "IEC 62676-4:2015 (EN 62676-4:2015) Video surveillance systems for use in security "
    "applications — Part 4: Application guidelines, image detail levels in px/m at the target"
)


def dori_level(density_px_per_m: float) -> DoriLevel | None:
    """The highest IEC 62676-4 level a density meets; ``None`` below "monitor"."""
    met = [level for level, need in DORI_PX_PER_M.items() if density_px_per_m >= need - 1e-9]
    return met[-1] if met else None


def dori_distances_m(horizontal_px: int | float, hfov: float) -> dict[DoriLevel, float]:
    """The farthest distance at which each level is met, for a camera set to ``hfov``."""
    return {
        level: distance_for_density_from_hfov(horizontal_px, hfov, need)
        for level, need in DORI_PX_PER_M.items()
    }


@dataclass(frozen=True, slots=True)
class LensRange:
    """The horizontal fields of view a camera can be set to, widest first.

    ``from_datasheet`` is False when the figures were computed from the focal
    length and a sensor width, so reports can say the figure is an estimate.
    """

    wide_deg: float
    tele_deg: float
    from_datasheet: bool

    def clamp(self, hfov: float) -> float:
        """The setting nearest to ``hfov`` this lens can reach."""
        return min(max(hfov, self.tele_deg), self.wide_deg)


def lens_range(
    hfov_max: float | None,
    hfov_min: float | None,
    focal_min_mm: float | None,
    focal_max_mm: float | None,
    width: SensorWidth | None,
) -> LensRange | None:
    """A camera's HFOV range: the datasheet's figures, else computed from focal and sensor."""
    if hfov_max is not None:
        return LensRange(hfov_max, hfov_min if hfov_min is not None else hfov_max, True)
    if width is not None and focal_min_mm is not None:
        wide = hfov_deg(width.mm, focal_min_mm)
        tele = hfov_deg(width.mm, focal_max_mm) if focal_max_mm is not None else wide
        return LensRange(wide, tele, False)
    return None


# ------------------------------------------------------------------ pint at the boundaries


def pixel_density(horizontal_px: int | float, hfov: Quantity, distance: Quantity) -> Quantity:
    """Pixel density as a quantity in px/m; convert with ``.to("px/ft")`` for imperial reports."""
    value = density_from_hfov(horizontal_px, hfov.to("deg").magnitude, distance.to("m").magnitude)
    return quantity(value, "px/m")


def dori_density(level: DoriLevel) -> Quantity:
    return quantity(DORI_PX_PER_M[level], "px/m")
