"""Checks on catalog content that need domain knowledge, not just types.

The HFOV check recomputes each model's field of view from its sensor width
and focal length and compares it with the published figure. Wide lenses
with barrel distortion legitimately publish wider angles than the pinhole
model gives, so a verified row that disagrees must explain itself in its
notes (any note mentioning "FOV" or "distortion") rather than be "fixed".
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from specassist.domain.catalog import CameraModel, Catalog
from specassist.domain.optics import hfov_deg, sensor_width

HFOV_TOLERANCE = 0.05
"""Relative difference above which computed and published HFOV are listed (5 %)."""


@dataclass(frozen=True, slots=True)
class HfovCheck:
    model: CameraModel
    end: str  # "wide" or "tele"
    published_deg: float
    computed_deg: float
    sensor_from_datasheet: bool

    @property
    def relative_difference(self) -> float:
        return abs(self.computed_deg - self.published_deg) / self.published_deg

    @property
    def explained(self) -> bool:
        notes = (self.model.provenance.notes or "").lower()
        return "fov" in notes or "distortion" in notes


def hfov_checks(models: list[CameraModel]) -> list[HfovCheck]:
    """Every published HFOV that can be recomputed, at the wide and the tele end."""
    checks = []
    for model in models:
        width = sensor_width(model.sensor_width_mm, model.sensor_format)
        if width is None:
            continue
        ends = (("wide", model.focal_min_mm, model.hfov_max_deg),
                ("tele", model.focal_max_mm, model.hfov_min_deg))  # fmt: skip
        for end, focal, published in ends:
            if (
                focal
                and published
                and not (end == "tele" and model.focal_max_mm == model.focal_min_mm)
            ):
                checks.append(
                    HfovCheck(
                        model, end, published, hfov_deg(width.mm, focal), width.from_datasheet
                    )
                )
    return checks


def hfov_outliers(models: list[CameraModel], tolerance: float = HFOV_TOLERANCE) -> list[HfovCheck]:
    return [c for c in hfov_checks(models) if c.relative_difference > tolerance]


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
    )
