"""Judge a replacement the way a specialist would: by criteria, not by model names.

Each corpus row records what the old camera really was and what its scene
needs (``Criteria``); the judge reads the offered model's own catalog figures
and works out, independently of the matcher, whether the replacement

* is of an acceptable form family,
* covers the old view at the target (all cameras together when the scene is split),
* gives the needed detail there (the survey's purpose, else what the old camera gave,
  less the 10 % a like-for-like may lose),
* suits the environment (IP66 outdoors) and
* lights the target when the old camera had infrared (its own IR or an illuminator's).

A criterion the replacement misses is acceptable only when the offer declares a
deviation for it; a miss without one is a **silent downgrade**. A camera with
nothing to size it on (``expect`` = "site check") is answered correctly by the
site-check list. The module reads attributes the way older matchers had them
too (no deviations, one camera per offer), so the same judge scores before and
after.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

from specassist.domain.constraints import ip_level
from specassist.domain.optics import lens_range, model_sensor_width

VIEW_TOLERANCE = 1.03
"""A lens may fall 3 % short of the old angle (100° for 103°): published angles of one lens
differ by a few degrees between vendors, and a surveyor's view is no more precise. The same
tolerance a specialist applies by eye, and the matcher's (constraints.FOV_TOLERANCE)."""
DETAIL_TOLERANCE = 0.98
"""Detail is checked on the replacement's own figures: 2 % covers rounding of published angles."""
ESTIMATE_TOLERANCE = 1.10
"""An estimated view (a lens and a resolution, no model) may be 10 % narrower than the truth
before it counts as a miss; beyond that the offer must declare it (it does, with the spread of
sensors its resolution class comes with)."""

DECLARES = {
    "form": {"form"},
    "coverage": {"field of view"},
    "detail": {"pixels on target", "DORI at target"},
    "environment": {"ingress (IP)"},
    "infrared": {"IR range"},
}
"""Which declared deviations answer which criterion."""
PANORAMIC = {"fisheye (360°)", "multi-sensor"}


@dataclass(frozen=True)
class Criteria:
    families: frozenset[str]
    view_deg: float | None
    distance_m: float | None
    detail_px_per_m: float | None
    pixels: float | None
    outdoor: bool
    ir_m: float | None
    expect: str
    estimated: bool = False


@dataclass
class Verdict:
    status: str
    accepted: bool
    missed: list[str] = field(default_factory=list)
    declared: list[str] = field(default_factory=list)
    silent: list[str] = field(default_factory=list)

    @property
    def replaced(self) -> bool:
        return self.status in ("to replace", "overridden")


def judge(outcome: Any, crit: Criteria) -> Verdict:
    """The verdict on one excluded camera's outcome."""
    status = outcome.status.value
    offer = outcome.offer
    if offer is None:
        return Verdict(status, status == "site check" and crit.expect == "site check")
    if crit.expect == "site check":
        # Nothing says what the old camera saw: any replacement was sized on a guess.
        return Verdict(status, False, ["sized on a guess"], [], ["sized on a guess"])
    declared = {d.requirement for d in getattr(offer, "deviations", ())}
    missed = [name for name, ok in _criteria_met(offer, crit).items() if not ok]
    silent = [name for name in missed if not (DECLARES[name] & declared)]
    return Verdict(status, not silent, missed, [m for m in missed if m not in silent], silent)


def _criteria_met(offer: Any, crit: Criteria) -> dict[str, bool]:
    from specassist.domain.requirements import FAMILY_OF

    model = offer.model
    family = FAMILY_OF[model.form_factor].value
    cameras = int(getattr(offer, "quantity", 1))
    lens = lens_range(model.hfov_max_deg, model.hfov_min_deg, model.focal_min_mm,
                      model.focal_max_mm, model_sensor_width(model))  # fmt: skip
    width = model.resolution.width if model.resolution else None
    met = {"form": family in crit.families}
    if family == "PTZ" and "PTZ" in crit.families:
        coverage, detail = _zoomed(lens, width, crit)
    else:
        coverage, detail = _view(lens, width, cameras, family in PANORAMIC, crit)
    met["coverage"] = coverage
    met["detail"] = detail
    if crit.outdoor:
        level = ip_level(model.ip_rating)
        met["environment"] = level is not None and level >= (6, 6)
    if crit.ir_m is not None:
        reach = [model.ir_range_m or 0.0]
        reach += [getattr(u.accessory, "ir_range_m", None) or 0.0
                  for u in offer.accessories if u.accessory is not None]  # fmt: skip
        met["infrared"] = max(reach) >= crit.ir_m - 1e-9
    return met


def _view(
    lens: Any, width: int | None, cameras: int, panoramic: bool, crit: Criteria
) -> tuple[bool, bool]:
    """(covers the view, gives the detail) for ``cameras`` of this lens sharing the scene."""
    if lens is None or crit.view_deg is None:
        return False, False
    scene = min(crit.view_deg, 179.0)
    flat = math.tan(math.radians(scene) / 2)
    if panoramic:
        share = scene / cameras
        setting = min(max(share, lens.tele_deg), lens.wide_deg)
        covers = cameras * lens.wide_deg * _tolerance(crit) >= scene
        px = (width or 0) * min(1.0, share / setting) if setting > 0 else 0.0
        span = math.radians(share)
    else:
        share = math.degrees(2 * math.atan(flat / cameras))
        setting = min(max(share, lens.tele_deg), lens.wide_deg)
        wide = min(lens.wide_deg * _tolerance(crit), 179.0)
        covers = cameras * math.tan(math.radians(wide) / 2) >= flat
        half = math.tan(math.radians(share) / 2)
        px = (width or 0) * min(1.0, half / math.tan(math.radians(setting) / 2))
        span = 2 * half
    if width is None:
        detail = crit.detail_px_per_m is None and crit.pixels is None
    elif crit.detail_px_per_m is not None and crit.distance_m:
        detail = px / (span * crit.distance_m) >= crit.detail_px_per_m * DETAIL_TOLERANCE
    elif crit.pixels is not None:
        detail = px * cameras >= crit.pixels * DETAIL_TOLERANCE
    else:
        detail = True
    return covers, detail


def _zoomed(lens: Any, width: int | None, crit: Criteria) -> tuple[bool, bool]:
    """A PTZ replacing a PTZ covers by panning; its detail is at the target zoomed in."""
    if lens is None or width is None:
        return lens is not None, False
    span = 2 * math.tan(math.radians(lens.tele_deg) / 2)
    if crit.detail_px_per_m is not None and crit.distance_m:
        return True, width / (span * crit.distance_m) >= crit.detail_px_per_m * DETAIL_TOLERANCE
    if crit.pixels is not None and crit.view_deg is not None:
        share = math.tan(math.radians(crit.view_deg) / 2) / math.tan(
            math.radians(lens.tele_deg) / 2
        )
        return True, width * min(1.0, share) >= crit.pixels * DETAIL_TOLERANCE
    return True, True


def _tolerance(crit: Criteria) -> float:
    return ESTIMATE_TOLERANCE if crit.estimated else VIEW_TOLERANCE
