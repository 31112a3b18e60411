"""Checks on camera-model rows that need domain knowledge, not just types.

Two questions are asked of every row:

* **Can its optics be true?** The published field of view is compared with
  what the sensor and the focal length allow. A rectilinear lens is the
  narrowest a lens can map (HFOV = 2·atan(w/2f)); barrel distortion only
  widens the view, and short CCTV lenses are at most as wide as an
  equisolid-angle fisheye (HFOV = 4·asin(w/4f)). A published angle outside
  that bracket, or a zoom whose wide and tele angles disagree with its
  focal ratio, is a transcription error somewhere in the row.
* **Does "verified" mean something?** A verified row names the independent
  source its figures were checked against, when, and which columns; every
  optical figure it carries must be among them.

Both return plain findings; the catalog loader turns them into
file:line:column issues.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass

from specassist.domain.catalog import CameraModel, Catalog, FormFactor
from specassist.domain.optics import equisolid_hfov_deg, hfov_deg, model_sensor_width

FOCAL_TOLERANCE = 0.05
"""How far a lens's true focal length may be from the one printed on it (5 %).

This is the tolerance photographic lens markings are held to (ISO 517), and
CCTV datasheets round focal lengths to one decimal of a nominal series (2.8,
3.6, 4, 6 mm). Worked example: a "2.8 mm" lens may be 2.66 to 2.94 mm, so on a
5.57 mm sensor the narrowest rectilinear HFOV is 2·atan(5.57/5.88) = 87.1°,
not 89.7°.
"""

ANGLE_ROUNDING_WHOLE = 0.5
"""Half a degree: the rounding of an angle printed in whole degrees ("103°")."""

ANGLE_ROUNDING_DECIMAL = 0.05
"""Half a tenth: the rounding of an angle printed with one decimal ("59.8°")."""

ZOOM_RATIO_TOLERANCE = 0.15
"""How far a zoom's printed angles may span short of (or beyond) its printed focal ratio.

Both marked focal lengths may be off by 5 % (10 % on the ratio), and PTZ
datasheets print tele angles a little wide of rectilinear: the AUTODOME IP
starlight 5000i datasheet gives 60.9°–2.4° for 4.5–135 mm (30×), which spans
tan(30.45°)/tan(1.2°) = 28×, 6 % short. 15 % covers both; a VIVOTEK row with
7–22 mm (3.1×) and 39.3°–15.5° (2.6×, 16 % short) is past it.
"""

PANORAMIC_DEG = 150.0
"""Published views this wide are fisheye or stitched images, not rectilinear ones.

A rectilinear lens cannot reach 180° (tan 90° is infinite) and no CCTV lens
sold as rectilinear reaches 150°: AXIS M3106-LVE Mk II's 130° at 2.4 mm is
already near the equisolid limit, 4·asin(5.76/9.6) = 147°.
"""

NOT_INDEPENDENT = ("ch-bas/cctv-camera-database",)
"""Datasets the catalog was transcribed from: they cannot confirm their own figures."""

CHECKED_FIGURES = ("resolution", "sensor_width", "pixel_pitch", "focal_min", "focal_max",
                   "hfov_max", "hfov_min")  # fmt: skip
"""Columns matching and requirements read first: a verified row must have checked each one."""

CHECKABLE_COLUMNS = frozenset({
    "form_factor", "resolution", "sensor_format", "sensor_width", "pixel_pitch", "lens_type",
    "focal_min", "focal_max", "hfov_max", "hfov_min", "ir_range", "wdr", "ip_rating",
    "ik_rating", "temp_min", "temp_max", "poe_class", "max_power", "mount_family", "audio",
    "alarm_io", "onvif", "outdoor", "discontinued",
})  # fmt: skip


@dataclass(frozen=True, slots=True)
class Finding:
    """One cell that cannot be right, and why, in words a catalog editor can act on."""

    column: str
    message: str
    value: str
    blocking: bool = True
    """False when the figure is only doubtful: reported, but the row still counts as valid."""


def _rounding(angle: float) -> float:
    return ANGLE_ROUNDING_WHOLE if angle == round(angle) else ANGLE_ROUNDING_DECIMAL


def _fmt(value: float) -> str:
    return f"{value:.3g}" if value < 10 else f"{value:.1f}".removesuffix(".0")


def is_rectilinear(model: CameraModel) -> bool:
    """False for fisheye and stitched views, where the rectilinear bracket does not apply."""
    if model.form_factor in (FormFactor.FISHEYE, FormFactor.MULTISENSOR):
        return False
    widest = max(a for a in (model.hfov_max_deg, model.hfov_min_deg, 0.0) if a is not None)
    return widest < PANORAMIC_DEG


def optics_findings(model: CameraModel) -> list[Finding]:
    """Every published angle the sensor, the focal length and the zoom ratio rule out."""
    if not is_rectilinear(model):
        return []
    findings = _fixed_lens(model)
    findings += _against_sensor(model)
    findings += _zoom_ratio(model)
    return findings


def _fixed_lens(model: CameraModel) -> list[Finding]:
    wide, tele, focal = model.hfov_max_deg, model.hfov_min_deg, model.focal_min_mm
    if focal is None or focal != model.focal_max_mm or wide is None or tele is None:
        return []
    if abs(wide - tele) <= _rounding(wide) + _rounding(tele):
        return []
    message = f"a fixed {_fmt(focal)} mm lens has one field of view, but hfov_max is {_fmt(wide)}°"
    return [Finding("hfov_min", message, f"{_fmt(tele)}°")]


def _ends(model: CameraModel) -> list[tuple[str, float, float]]:
    """(column, focal, published angle) for the wide end and, on a zoom, the tele end."""
    ends = []
    if model.focal_min_mm and model.hfov_max_deg:
        ends.append(("hfov_max", model.focal_min_mm, model.hfov_max_deg))
    zoom = model.focal_max_mm != model.focal_min_mm
    if zoom and model.focal_max_mm and model.hfov_min_deg:
        ends.append(("hfov_min", model.focal_max_mm, model.hfov_min_deg))
    return ends


_CHECK_AGAINST = "check focal length, sensor and field of view against the datasheet"


def _against_sensor(model: CameraModel) -> list[Finding]:
    """Each published angle inside [rectilinear on the narrowest, equisolid on the widest]."""
    width = model_sensor_width(model)
    if width is None:
        return []
    narrowest, widest = width.bounds()
    if width.from_datasheet:
        basis = f"a {_fmt(width.mm)} mm sensor ({width.source})"
    else:
        basis = f"any {model.sensor_format} sensor ({_fmt(narrowest)} to {_fmt(widest)} mm)"
    findings = []
    for column, focal, published in _ends(model):
        low = hfov_deg(narrowest, focal * (1 + FOCAL_TOLERANCE)) - _rounding(published)
        high = equisolid_hfov_deg(widest, focal / (1 + FOCAL_TOLERANCE)) + _rounding(published)
        angle = f"{_fmt(published)}° at {_fmt(focal)} mm"
        if published < low:
            message = (
                f"{angle} is narrower than {basis} allows: a rectilinear lens sees at least "
                f"{_fmt(low)}° (focal ±5 %); {_CHECK_AGAINST}"
            )
            findings.append(Finding(column, message, f"{_fmt(published)}°"))
        elif published > high:
            # Only a datasheet width makes this an error: format names understate some
            # sensors and zoom lenses overstate their tele focal length (Dahua's
            # IPC-HFW2441T-ZS datasheet prints 104°–29° for 2.7–13.5 mm, which needs a
            # 7 mm wide 4 MP sensor at the tele end), so against a format it is a warning.
            message = (
                f"{angle} is wider than barrel distortion allows on {basis}: even an equisolid "
                f"fisheye sees at most {_fmt(high)}°; {_CHECK_AGAINST}"
            )
            findings.append(
                Finding(column, message, f"{_fmt(published)}°", blocking=width.from_datasheet)
            )
    return findings


def _zoom_ratio(model: CameraModel) -> list[Finding]:
    """Wide and tele angles against the focal ratio, needing no sensor width at all.

    On any lens the tele end is close to rectilinear, so tan(h/2) fixes the
    sensor width; the wide end must then lie between rectilinear and equisolid
    on that width. As ratios: tan(H/2)/tan(h/2) ≥ f_tele/f_wide (barrel
    distortion only widens H) and sin(H/4)/sin(h/4) ≤ f_tele/f_wide. Worked
    example: 4.4–88 mm (20×) printed with 69.7°–2.2° gives sin(17.4°)/sin(0.55°)
    = 31, a 31× zoom; the figures belong to two different lenses.
    """
    f_wide, f_tele = model.focal_min_mm, model.focal_max_mm
    wide, tele = model.hfov_max_deg, model.hfov_min_deg
    if not (f_wide and f_tele and wide and tele) or f_tele <= f_wide * (1 + FOCAL_TOLERANCE):
        return []
    ratio = f_tele / f_wide
    slack = 1 + ZOOM_RATIO_TOLERANCE
    r_wide, r_tele = _rounding(wide), _rounding(tele)
    rectilinear = _tan_half(wide + r_wide) / _tan_half(max(tele - r_tele, 0.01))
    equisolid = _sin_quarter(wide - r_wide) / _sin_quarter(tele + r_tele)
    span = f"{_fmt(wide)}°–{_fmt(tele)}° on {_fmt(f_wide)}–{_fmt(f_tele)} mm ({_fmt(ratio)}×)"
    wrong = "the focal range or an angle is wrong"
    if rectilinear < ratio / slack:
        message = (
            f"{span}: the wide end is narrower than the tele end allows (a rectilinear "
            f"{_fmt(ratio)}× zoom spans at least {_fmt(ratio / slack)}× in tan(HFOV/2), these "
            f"angles only {_fmt(rectilinear)}×); {wrong}"
        )
        return [Finding("hfov_max", message, f"{_fmt(wide)}°")]
    if equisolid > ratio * slack:
        message = (
            f"{span}: the angles span a {_fmt(equisolid)}× zoom even with fisheye distortion "
            f"at the wide end, more than the focal range allows; {wrong}"
        )
        return [Finding("hfov_min", message, f"{_fmt(tele)}°")]
    return []


def _tan_half(angle: float) -> float:
    return math.tan(math.radians(angle) / 2)


def _sin_quarter(angle: float) -> float:
    return math.sin(math.radians(angle) / 4)


# ------------------------------------------------------------------------------ verification


def verification_findings(model: CameraModel, filled: frozenset[str]) -> list[Finding]:
    """Why a row's verification record cannot stand; ``filled`` = its non-empty columns."""
    findings = []
    for name in model.verified_fields:
        if name not in CHECKABLE_COLUMNS:
            findings.append(Finding("verified_fields", "not a checkable models.csv column", name))
        elif name not in filled:
            message = "listed as checked, but the row has no value"
            findings.append(Finding("verified_fields", message, name))
    source = model.verified_source or ""
    if any(dataset in source for dataset in NOT_INDEPENDENT):
        message = (
            "this is the dataset the catalog was transcribed from; a check needs an "
            "independent source (datasheet, manual, or a document quoting the datasheet)"
        )
        findings.append(Finding("verified_source", message, source))
    if (model.verified_fields or model.provenance.verified) and not source:
        message = "name the independent source the figures were checked against (title or URL)"
        findings.append(Finding("verified_source", message, ""))
    if source and not model.verified_date:
        message = "give the date the source was read or published (YYYY-MM-DD)"
        findings.append(Finding("verified_date", message, ""))
    if model.provenance.verified:
        unchecked = [c for c in CHECKED_FIGURES if c in filled and c not in model.verified_fields]
        if unchecked:
            message = (
                "a verified row must have checked every optical figure it carries; not checked: "
                + ", ".join(unchecked)
                + " (check them, clear them, or set verified to no)"
            )
            findings.append(Finding("verified", message, "yes"))
    return findings


# ------------------------------------------------------------------------------------ stats


def resolution_band(model: CameraModel) -> str:
    if model.resolution is None:
        return "unknown"
    mp = model.resolution.megapixels
    if mp < 2.5:
        return "≤2 MP"
    if mp < 5.5:
        return "3–5 MP"
    if mp < 8.5:
        return "6–8 MP (4K)"
    return ">8 MP"


@dataclass(frozen=True, slots=True)
class CatalogStats:
    by_vendor: Counter[str]
    by_form: Counter[str]
    by_resolution: Counter[str]
    verified: int
    unverified: int
    without_price: list[str]
    verified_by_vendor: Counter[str]


def catalog_stats(catalog: Catalog) -> CatalogStats:
    priced = {p.item.upper() for p in catalog.prices}
    models = catalog.models
    return CatalogStats(
        by_vendor=Counter(m.vendor_id for m in models),
        by_form=Counter(m.form_factor.value for m in models),
        by_resolution=Counter(resolution_band(m) for m in models),
        verified=sum(m.provenance.verified for m in models),
        unverified=sum(not m.provenance.verified for m in models),
        without_price=[m.key for m in models if m.key.upper() not in priced],
        verified_by_vendor=Counter(m.vendor_id for m in models if m.provenance.verified),
    )
