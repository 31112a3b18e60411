"""Reject at import the numbers no later stage can use, and question the unusual ones.

A distance of 0 divides by zero in the optics, "1 lightyear" is a valid unit
but not a camera's target, and a 400-digit number becomes infinity. Each
measured field has a floor (zero and below are rejected), a level above which
the value is kept with a warning, and one above which it is rejected.
"""

from __future__ import annotations

import math
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Plausible:
    what: str
    unit: str
    warn_above: float
    reject_above: float


# Worked bounds: street-lighting columns and CCTV masts are 6–15 m, tall masts up to
# ~30 m; a long-range PTZ resolves a vehicle at ~500 m; PTZ lenses reach ~1,000 mm;
# PoE++ (802.3bt class 8) delivers 71.3 W, heated housings on mains a little more.
PLAUSIBLE = {
    "height_m": Plausible("mounting height", "m", 30, 1_000),
    "target_distance_m": Plausible("distance to target", "m", 500, 20_000),
    "scene_width_m": Plausible("scene width", "m", 500, 20_000),
    "focal_min_mm": Plausible("focal length", "mm", 1_000, 5_000),
    "focal_max_mm": Plausible("focal length", "mm", 1_000, 5_000),
    "hfov_deg": Plausible("field of view", "°", 360, 360),
    "power_w": Plausible("power", "W", 150, 5_000),
    "megapixels": Plausible("resolution", "MP", 50, 1_000),
}


def check(name: str, value: float) -> tuple[str, str] | None:
    """None if fine, else ("error"|"warning", message) for the value of field ``name``."""
    rule = PLAUSIBLE[name]
    if not math.isfinite(value):
        return "error", f"{rule.what} is not a finite number"
    if value <= 0:
        return "error", f"{rule.what} must be more than zero"
    if value > rule.reject_above:
        return "error", (
            f"{rule.what} of {value:,.6g} {rule.unit} is beyond any camera "
            f"(the limit is {rule.reject_above:,.6g} {rule.unit})"
        )
    if value > rule.warn_above:
        return "warning", (
            f"{rule.what} of {value:,.6g} {rule.unit} is unusually large; check the value "
            "and its unit"
        )
    return None
