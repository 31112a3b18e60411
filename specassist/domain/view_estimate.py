"""The old camera's view when the survey gives a lens but nothing says which sensor is behind it.

A focal length alone is not a field of view: 2.8 mm is 79° on a narrow 1/3"
sensor and 108° on a 1/1.8" one. What usually settles it is the resolution:
the excluded makers' cameras of one resolution class mostly share a sensor
format (the counts below are the catalog's own Hikvision and Dahua rows, each
with its source). So a lens with a known resolution is sized on the typical
sensor of that class, and the requirement says so; a lens with no resolution,
model or angle has nothing to size on, and the camera goes to the site-check
list instead (``requirements.derive``).
"""

from __future__ import annotations

from dataclasses import dataclass

from specassist.domain import optics
from specassist.domain.measures import Amount, Note, pixels

TYPICAL_FORMAT_BY_COLUMNS: tuple[tuple[int, str, str, str], ...] = (
    (2100, '1/2.8"', '1/2.9"', '1/1.8"'),
    (2800, '1/3"', '1/3"', '1/1.8"'),
    (3400, '1/2.7"', '1/2.8"', '1/2.4"'),
    (3900, '1/2.8"', '1/2.8"', '1/1.8"'),
    (1_000_000, '1/1.7"', '1/2.8"', '1/1.7"'),
)
"""(up to this many columns, the typical format, the narrowest and the widest seen), from the
formats catalog/models.csv records for Hikvision and Dahua cameras: 2 MP (1920 px) 1/2.8" 10 of
17 rows (1/2.9" 5, 1/1.9" and 1/1.8" one each); 3–4 MP (2560/2688 px) 1/3" 20 of 51 (1/1.8"
12, 1/2.8" 8, 1/2.9" 6, 1/2.7" 5); 5–6 MP (2592/2960/3200 px) 1/2.7" 8 of 10 (1/2.4" 2);
8 MP (3840 px) 1/2.8" 13 of 25 (1/1.8" 6, 1/2.7" 5, 1/2.5" 1); 12 MP and more 1/1.7"
(1/1.8" and 1/2.8" also occur). The width of each comes from ``sensor_formats`` (the
known sensor with that column count when there is one). The spread is wide — 2.8 mm is about
101° on a 4 MP 1/3" sensor and up to 112° on a 1/1.8" one — so an estimate carries its range,
and an offer that would not cover the whole range says so."""

DISTORTION_SHARE = 0.5
"""Where a short lens's published angle falls between the rectilinear angle (no distortion)
and the equisolid angle (fisheye-like barrel distortion): 0 is rectilinear, 1 equisolid. The
catalog's 173 rows with a focal length of 4.5 mm or less, a sensor format and a datasheet
angle give a median of 0.53. Worked example: 2.8 mm on a 1/2.8" sensor (5.57 mm) is 89.7°
rectilinear and 119.2° equisolid, so 89.7 + 0.5 × 29.5 = 104.5° (Hikvision prints 103–108°
for its 2.8 mm 1/2.8" and 1/3" cameras). Long lenses barely distort: 8 mm gives 38.4°
rectilinear and 38.9° equisolid."""


@dataclass(frozen=True, slots=True)
class ViewEstimate:
    """A view worked out from a focal length and the typical sensor of a resolution class."""

    lens: optics.LensRange
    sensor_format: str
    sensor_width_mm: float
    columns: int
    focal_min_mm: float
    focal_max_mm: float | None = None
    range_deg: tuple[float, float] | None = None
    """The widest setting's angle as narrow and as wide as it could plausibly be: undistorted
    on the class's narrowest and on its widest sensor (or the estimate, if wider)."""

    @property
    def note(self) -> Note:
        """'estimated: 2.8 mm lens on the typical 1/2.8" sensor of a 1920 px camera (5.57 mm
        wide)' — the basis of the figure, kept beside it wherever it is shown."""
        focal: tuple[Amount, ...] = (Amount(self.focal_min_mm, "mm"),)
        template = "{}"
        if self.focal_max_mm and abs(self.focal_max_mm - self.focal_min_mm) > 1e-9:
            focal, template = (*focal, Amount(self.focal_max_mm, "mm")), "{}–{}"
        return Note(
            f"estimated: {template} lens on the typical {{}} sensor of a {{}} camera ({{}} wide)",
            (*focal, self.sensor_format, pixels(self.columns),
             Amount(round(self.sensor_width_mm, 2), "mm")),
        )  # fmt: skip


def typical_format(columns: int) -> str:
    """The sensor format most cameras of this resolution class have (see the table)."""
    return next(row[1] for row in TYPICAL_FORMAT_BY_COLUMNS if columns <= row[0])


def format_range(columns: int) -> tuple[str, str]:
    """The narrowest and widest format seen for this resolution class."""
    row = next(r for r in TYPICAL_FORMAT_BY_COLUMNS if columns <= r[0])
    return row[2], row[3]


def lens_angle_deg(sensor_width_mm: float, focal_mm: float) -> float:
    """A published-style angle: rectilinear plus the typical share of barrel distortion."""
    rectilinear = optics.hfov_deg(sensor_width_mm, focal_mm)
    equisolid = optics.equisolid_hfov_deg(sensor_width_mm, focal_mm)
    return rectilinear + DISTORTION_SHARE * (equisolid - rectilinear)


def estimate(focal_min_mm: float, focal_max_mm: float | None, columns: int) -> ViewEstimate | None:
    """The view of a ``focal_min``–``focal_max`` lens on the typical sensor for ``columns``."""
    if focal_min_mm <= 0 or columns <= 0:
        return None
    key = typical_format(columns)
    width = optics.sensor_width(None, key, None, columns)
    if width is None:
        return None
    wide = lens_angle_deg(width.mm, focal_min_mm)
    tele = lens_angle_deg(width.mm, focal_max_mm) if focal_max_mm else wide
    lens = optics.LensRange(wide, min(tele, wide), False)
    # The narrowest plausible view is the undistorted one on the class's narrowest sensor; the
    # widest, the undistorted one on its widest sensor (short lenses on large sensors are drawn
    # nearly rectilinear: the catalog's 2.8 mm 1/1.8" cameras print 104–112°, 108° undistorted)
    # or the typical estimate, whichever is wider.
    narrow, broad = (optics.sensor_width(None, f, None, columns) for f in format_range(columns))
    low = optics.hfov_deg(narrow.mm, focal_min_mm) if narrow else wide
    high = optics.hfov_deg(broad.mm, focal_min_mm) if broad else wide
    span = (min(low, wide), max(high, wide))
    return ViewEstimate(lens, key, width.mm, columns, focal_min_mm, focal_max_mm, span)


def columns_of_megapixels(megapixels: float) -> int:
    """Columns of a camera known only by megapixels, 16:9 assumed: √(MP × 16/9)."""
    return int((megapixels * 1e6 * 16 / 9) ** 0.5)
