"""The hard-constraint funnel over whole candidate pools at once, with numpy.

``matching.failures`` states each constraint for one candidate and words it for
the explanation; this module applies the same constraints, in the same order,
to every candidate of a form family in one array operation each. A 10,000-camera
estate asks the catalog ~10,000 different questions, so the per-candidate loop
in Python was most of the analysis time. A test holds the two to the same
answers for every candidate.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]
BoolArray = npt.NDArray[np.bool_]

FOV_TOLERANCE = 1.03
"""A lens may fall 3 % short of the old angle: 100° for an old 103° lens loses 1.5° each side,
within the accuracy of published figures."""
ZOOM_TOLERANCE = 1.05
"""A PTZ's narrowest angle may be 5 % wider than the old one's (3.0° for 2.86°)."""

NO_FAILURE = -1
FOV, ZOOM, PIXELS, DORI, IP, IK, IR, POWER, AUDIO, ALARM = range(1, 11)
"""Positions in ``matching.CHECK_ORDER`` (0 is the form, decided by the pool itself)."""


@dataclass(frozen=True)
class Columns:
    """The figures of a pool of candidates, one array per figure; NaN or -1 when unknown."""

    wide: FloatArray
    tele: FloatArray
    width_px: FloatArray
    ip_a: IntArray
    ip_b: IntArray
    ik: IntArray
    ir: FloatArray
    power: FloatArray
    audio: BoolArray
    alarm: BoolArray

    @classmethod
    def build(
        cls,
        lenses: Sequence[tuple[float, float] | None],
        widths: Sequence[int | None],
        ips: Sequence[tuple[int, int] | None],
        iks: Sequence[int | None],
        irs: Sequence[float | None],
        powers: Sequence[float | None],
        audios: Sequence[bool],
        alarms: Sequence[bool],
    ) -> Columns:
        def floats(values: Sequence[float | int | None]) -> FloatArray:
            return np.array([math.nan if v is None else float(v) for v in values], dtype=float)

        def ints(values: Sequence[int | None]) -> IntArray:
            return np.array([-1 if v is None else v for v in values], dtype=np.int64)

        return cls(
            wide=floats([lens[0] if lens else None for lens in lenses]),
            tele=floats([lens[1] if lens else None for lens in lenses]),
            width_px=floats(widths),
            ip_a=ints([ip[0] if ip else None for ip in ips]),
            ip_b=ints([ip[1] if ip else None for ip in ips]),
            ik=ints(iks),
            ir=floats(irs),
            power=floats(powers),
            audio=np.array(audios, dtype=bool),
            alarm=np.array(alarms, dtype=bool),
        )

    def __len__(self) -> int:
        return len(self.wide)


@dataclass(frozen=True)
class Query:
    """A requirement reduced to the numbers the funnel compares (None = not required)."""

    scene: float | None
    old_tele: float | None
    need_px: int | None
    distance: float | None
    need_density: float | None
    panoramic: bool
    need_ip: tuple[int, int] | None
    ip_required: bool
    need_ik: int | None
    ik_required: bool
    need_ir: float | None
    budget: float | None
    audio: bool
    alarm: bool


@dataclass(frozen=True)
class Outcome:
    first_failure: IntArray
    """Per candidate, the position of the first failed constraint, or ``NO_FAILURE``."""
    failure_count: IntArray
    setting: FloatArray
    px: FloatArray
    density: FloatArray


def run(columns: Columns, query: Query) -> Outcome:
    """Apply every constraint to every candidate; NaN figures never pass a required check."""
    n = len(columns)
    lens_unknown = np.isnan(columns.wide)
    if query.scene is not None:
        setting = np.clip(query.scene, columns.tele, columns.wide)
    else:
        setting = columns.wide.copy()
    with np.errstate(invalid="ignore", divide="ignore"):
        if query.panoramic or query.scene is None:
            px = columns.width_px.copy()
        else:
            half = math.radians(query.scene) / 2
            ratio = math.tan(half) / np.tan(np.radians(setting) / 2)
            px = np.where(query.scene >= setting, columns.width_px, columns.width_px * ratio)
        px[np.isnan(setting)] = math.nan
        if query.distance is not None:
            angle = np.full(n, query.scene) if query.scene is not None else setting
            if query.panoramic:
                span = np.radians(angle) * query.distance
            else:
                span = 2 * query.distance * np.tan(np.radians(angle) / 2)
            density = px / span
        else:
            density = np.full(n, math.nan)

        masks: list[tuple[int, BoolArray]] = []
        fov = lens_unknown.copy()
        if query.scene is not None:
            fov |= query.scene > columns.wide * FOV_TOLERANCE
        masks.append((FOV, fov))
        if query.old_tele is not None:
            masks.append((ZOOM, lens_unknown | (columns.tele > query.old_tele * ZOOM_TOLERANCE)))
        if query.need_px is not None:
            masks.append((PIXELS, np.isnan(px) | (px < query.need_px)))
        if query.need_density is not None and query.distance is not None:
            masks.append((DORI, np.isnan(density) | (density < query.need_density - 1e-9)))
        if query.ip_required:
            if query.need_ip is None:
                masks.append((IP, np.ones(n, dtype=bool)))
            else:
                a, b = query.need_ip
                below = (columns.ip_a < a) | ((columns.ip_a == a) & (columns.ip_b < b))
                masks.append((IP, (columns.ip_a < 0) | below))
        if query.ik_required:
            need_ik = query.need_ik if query.need_ik is not None else 1 << 30
            masks.append((IK, (columns.ik < 0) | (columns.ik < need_ik)))
        if query.need_ir is not None:
            masks.append((IR, np.isnan(columns.ir) | (columns.ir < query.need_ir)))
        if query.budget is not None:
            masks.append((POWER, ~np.isnan(columns.power) & (columns.power > query.budget + 1e-9)))
        if query.audio:
            masks.append((AUDIO, ~columns.audio))
        if query.alarm:
            masks.append((ALARM, ~columns.alarm))

    first = np.full(n, NO_FAILURE, dtype=np.int64)
    count = np.zeros(n, dtype=np.int64)
    for position, mask in masks:
        first[(first == NO_FAILURE) & mask] = position
        count += mask
    return Outcome(first, count, setting, px, density)
