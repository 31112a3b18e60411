"""Published HFOVs against the pinhole model: outliers listed, verified ones explained."""

from __future__ import annotations

from pathlib import Path

from specassist.catalog.loader import load_catalog_folder
from specassist.domain.catalog import CameraModel, FormFactor, Provenance
from specassist.domain.catalog_checks import HFOV_TOLERANCE, hfov_checks, hfov_outliers


def _model(hfov: float, notes: str | None = None) -> CameraModel:
    return CameraModel(
        vendor_id="x", model="M", form_factor=FormFactor.DOME,
        provenance=Provenance("test", verified=True, notes=notes),
        sensor_width_mm=5.57, focal_min_mm=4.0, focal_max_mm=4.0, hfov_max_deg=hfov,
    )  # fmt: skip


def test_outlier_detection_and_explanations() -> None:
    assert hfov_outliers([_model(69.7)]) == []  # 2·atan(5.57/8) = 69.7°
    (outlier,) = hfov_outliers([_model(90.0)])
    assert outlier.relative_difference > HFOV_TOLERANCE and not outlier.explained
    assert hfov_outliers([_model(90.0, "published FOV includes distortion")])[0].explained


def test_shipped_verified_rows_pass_or_explain(shipped_catalog: Path) -> None:
    models = load_catalog_folder(shipped_catalog).catalog.models
    outliers = hfov_outliers(models)
    listing = "\n".join(
        f"{o.model.key} {o.end}: published {o.published_deg:.1f}°, computed "
        f"{o.computed_deg:.1f}° ({o.relative_difference:.0%})"
        for o in outliers
    )
    print(f"{len(hfov_checks(models))} HFOV figures checked; outliers:\n{listing}")
    unexplained = [o for o in outliers if o.model.provenance.verified and not o.explained]
    assert unexplained == [], listing
