"""Active sensor widths behind the nominal "inch" formats that CCTV datasheets quote.

A format such as 1/2.8" is a vidicon-tube legacy name, not a size: the active
width is pixel pitch × columns, and different sensors sold under one name
differ by up to a fifth. So each format carries

* a **typical** width, pitch × columns of a named common sensor, used to
  estimate a field of view when a datasheet gives focal length but no angle;
* **known sensors** (columns, pitch): when a row's resolution has the same
  column count, that sensor's width is the better estimate;
* a **range** (narrowest, widest) of sensors sold under the name, which the
  optics check uses so that it only rejects figures no such sensor could give.

Where the figures come from: pixel pitches and column counts are the sensor
makers' published figures as commonly quoted (Sony IMX, OmniVision,
onsemi); the classic tube-format widths (1" = 12.8 mm, 1/2" = 6.4 mm,
1/3" = 4.8 mm, all 4:3) are the traditional format table. None of these has
been re-read on a sensor datasheet for this catalog (domain notes §5 and §8
mark them unchecked), which is why a datasheet's own width or pitch always
wins and why the check works on the range, not the typical figure.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class KnownSensor:
    """A sensor sold under a format name: its active columns and pixel pitch."""

    columns: int
    pitch_um: float
    example: str

    @property
    def width_mm(self) -> float:
        return self.columns * self.pitch_um / 1000


@dataclass(frozen=True, slots=True)
class SensorFormat:
    """One nominal format: typical, narrowest and widest active width, and why."""

    typical_mm: float
    narrowest_mm: float
    widest_mm: float
    basis: str
    sensors: tuple[KnownSensor, ...] = ()

    def width_for_columns(self, columns: int | None) -> KnownSensor | None:
        """The known sensor with exactly this many active columns, if there is one."""
        return next((s for s in self.sensors if s.columns == columns), None)


def _s(columns: int, pitch_um: float, example: str) -> KnownSensor:
    return KnownSensor(columns, pitch_um, example)


# Worked example of how a range is used: a 1/3" row with a 2.8 mm lens. On
# the narrowest 1/3" sensor (4.61 mm) a rectilinear lens sees 2·atan(4.61/5.6)
# = 78.9°; a datasheet printing 70° for that lens is narrower than any 1/3"
# sensor allows, whichever one the camera has.
SENSOR_FORMATS: dict[str, SensorFormat] = {
    '1"': SensorFormat(
        13.13,
        12.8,
        13.2,
        "Sony IMX183/IMX283 5472 × 2.4 µm = 13.13 mm; classic 1-inch 4:3 width 12.8 mm",
        (_s(5472, 2.4, "Sony IMX183"),),
    ),
    '2/3"': SensorFormat(
        8.8,
        8.4,
        8.8,
        "classic 2/3-inch 4:3 width 8.8 mm; Sony IMX250 2448 × 3.45 µm = 8.45 mm",
        (_s(2448, 3.45, "Sony IMX250"),),
    ),
    '1/1.2"': SensorFormat(
        11.14,
        10.7,
        11.21,
        "3840 × 2.9 µm = 11.14 mm (e.g. Sony IMX485, 3864 active columns = 11.21 mm); "
        "10.7 mm is the 4:3 width of the format's 13.3 mm diagonal",
        (_s(3840, 2.9, "Sony IMX485"),),
    ),
    '1/1.6"': SensorFormat(
        8.0,
        7.4,
        8.7,
        "no CCTV sensor of this name checked: 4:3 (8.0 mm) to 16:9 (8.7 mm) width of "
        "the format's 10 mm diagonal; 7.4 mm covers 4000 × 1.85 µm parts",
    ),
    '1/1.7"': SensorFormat(
        7.40,
        7.2,
        7.6,
        "Sony IMX226 4000 × 1.85 µm = 7.40 mm",
        (_s(4000, 1.85, "Sony IMX226"),),
    ),
    '1/1.8"': SensorFormat(
        7.68,
        7.2,
        7.9,
        "3840 × 2.0 µm = 7.68 mm (Sony IMX334, domain notes §5); 4 MP 2688 × 2.9 µm = "
        "7.80 mm; Sony IMX178 3072 × 2.4 µm = 7.37 mm",
        (_s(3840, 2.0, "Sony IMX334"), _s(2688, 2.9, "4 MP 2.9 µm"), _s(3072, 2.4, "Sony IMX178")),
    ),
    '1/1.9"': SensorFormat(
        7.20,
        6.4,
        7.3,
        'Sony IMX185 1920 × 3.75 µm = 7.20 mm; range as for 1/2" (a Hikvision 1/1.9" PTZ prints '
        "59.8° at 5.7 mm and 2.8° at 142.5 mm, both about 6.6 mm wide)",
        (_s(1920, 3.75, "Sony IMX185"),),
    ),
    '1/2"': SensorFormat(
        7.20,
        6.4,
        7.3,
        "Sony IMX385 1920 × 3.75 µm = 7.20 mm (domain notes §5); classic 1/2-inch 4:3 width 6.4 mm",
        (_s(1920, 3.75, "Sony IMX385"),),
    ),
    '1/2.3"': SensorFormat(
        6.17,
        6.0,
        6.3,
        "4:3 width of the 7.7 mm diagonal, 6.17 mm; Sony IMX477 4056 × 1.55 µm = 6.29 mm",
        (_s(4056, 1.55, "Sony IMX477"),),
    ),
    '1/2.4"': SensorFormat(
        5.9,
        5.3,
        6.5,
        "no CCTV sensor of this name checked: 4:3 width of a 6.7 mm diagonal (5.3 mm) to "
        "16:9 width of a 7.5 mm diagonal (6.5 mm), typical taken mid-range",
    ),
    '1/2.5"': SensorFormat(
        6.22,
        5.1,
        6.3,
        "Sony IMX274 3840 × 1.62 µm = 6.22 mm; 5.1 mm is the 4:3 width of a 6.4 mm diagonal",
        (_s(3840, 1.62, "Sony IMX274"),),
    ),
    '1/2.7"': SensorFormat(
        5.76,
        5.1,
        5.9,
        'onsemi AR0230 1920 × 3.0 µm = 5.76 mm (domain notes §5); range as for 1/2.8"',
        (_s(1920, 3.0, "onsemi AR0230"),),
    ),
    '1/2.8"': SensorFormat(
        5.57,
        5.1,
        5.7,
        "1920 × 2.9 µm (Sony IMX327/IMX290) or 3840 × 1.45 µm (Sony IMX415) = 5.57 mm; "
        "Sony IMX335 2592 × 2.0 µm = 5.18 mm (domain notes §5)",
        (_s(1920, 2.9, "Sony IMX327"), _s(3840, 1.45, "Sony IMX415"), _s(2592, 2.0, "Sony IMX335")),
    ),
    '1/2.9"': SensorFormat(
        5.38,
        4.9,
        5.7,
        "Sony IMX323 1920 × 2.8 µm = 5.38 mm; range 4:3 width of a 6.2 mm diagonal "
        '(4.9 mm) to the widest 1/2.8" part',
        (_s(1920, 2.8, "Sony IMX323"),),
    ),
    '1/3"': SensorFormat(
        5.38,
        4.6,
        5.4,
        "common 4 MP sensors 2688 × 2.0 µm = 5.38 mm (domain notes §8); classic 1/3-inch "
        "4:3 width 4.8 mm; 3 MP 2304 × 2.0 µm = 4.61 mm",
        (_s(2688, 2.0, "4 MP 2.0 µm"), _s(2304, 2.0, "3 MP 2.0 µm")),
    ),
    '1/3.6"': SensorFormat(
        4.0,
        3.7,
        4.3,
        "classic 4:3 width of the format's 5 mm diagonal, 4.0 mm",
    ),
    '1/4"': SensorFormat(
        3.6,
        3.2,
        3.9,
        "classic 1/4-inch 4:3 width 3.6 mm; 720p parts 1280 × 3.0 µm = 3.84 mm",
    ),
}
