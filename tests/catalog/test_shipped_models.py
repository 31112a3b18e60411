"""The shipped models.csv passes the optics check and its verified rows mean something."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from specassist.catalog.loader import load_catalog_folder
from specassist.domain.catalog import CameraModel
from specassist.domain.catalog_checks import CHECKED_FIGURES, NOT_INDEPENDENT, optics_findings
from specassist.domain.issues import Severity

EXCLUDED_MAKERS = {"hikvision", "hilook", "hiwatch", "dahua", "lorex"}


@pytest.fixture(scope="module")
def models() -> dict[str, CameraModel]:
    load = load_catalog_folder(Path(__file__).parents[2] / "catalog")
    errors = [str(i) for i in load.issues if i.severity is Severity.ERROR]
    assert errors == []
    return {m.key: m for m in load.catalog.models}


def test_every_impossible_figure_is_fixed_or_explained(models: dict[str, CameraModel]) -> None:
    blocking = [
        (key, f.column)
        for key, m in models.items()
        for f in optics_findings(m)
        if f.blocking and not m.optics_waiver
    ]
    assert blocking == []
    waived = [m for m in models.values() if m.optics_waiver]
    assert all(any(f.blocking for f in optics_findings(m)) for m in waived)


def test_verified_rows_name_an_independent_source(models: dict[str, CameraModel]) -> None:
    for model in models.values():
        if not model.provenance.verified:
            continue
        assert model.verified_source and model.verified_date and model.verified_fields, model.key
        assert not any(dataset in model.verified_source for dataset in NOT_INDEPENDENT)
        optical = {
            "resolution": model.resolution,
            "focal_min": model.focal_min_mm,
            "focal_max": model.focal_max_mm,
            "hfov_max": model.hfov_max_deg,
            "hfov_min": model.hfov_min_deg,
        }
        for column in CHECKED_FIGURES:
            if optical.get(column) is not None:
                assert column in model.verified_fields, (model.key, column)


def test_verified_counts(models: dict[str, CameraModel]) -> None:
    verified = [m for m in models.values() if m.provenance.verified]
    excluded = [m for m in verified if m.vendor_id in EXCLUDED_MAKERS]
    compliant = Counter(m.vendor_id for m in verified if m.vendor_id not in EXCLUDED_MAKERS)
    assert len(excluded) >= 40
    assert sum(compliant.values()) >= 40 and len(compliant) >= 6


AUDITED = [  # rows an audit found wrong, as their datasheets print them (or cleared when unknown)
    ("axis:M2035-LE", "focal_min_mm", 3.2),
    ("axis:M3086-V", "hfov_max_deg", 130.0),
    ("axis:P1465-LE", "hfov_max_deg", 117.0),
    ("axis:P1465-LE", "hfov_min_deg", 37.0),
    ("dahua:IPC-HFW2441S-S", "hfov_max_deg", 95.0),
    ("vivotek:IB9387-EHTV-V3", "focal_min_mm", None),
    ("avigilon:8.0C-H5A-PTZ-DP36", "focal_max_mm", None),
    ("avigilon:8.0C-H5A-PTZ-DC36", "focal_max_mm", None),
    ("avigilon:8.0C-H5A-IRPTZ-DP36-WP", "focal_max_mm", None),
    ("pelco:ESCE1-8X36-RLU", "focal_max_mm", None),
    ("hikvision:DS-2CD2087G2-LU", "sensor_format", None),
    ("hikvision:DS-2CD2387G2-LU", "sensor_format", None),
    ("axis:Q1786-LE", "sensor_format", None),
]


@pytest.mark.parametrize(("key", "field", "expected"), AUDITED)
def test_audited_rows_are_corrected(
    models: dict[str, CameraModel], key: str, field: str, expected: float | None
) -> None:
    assert getattr(models[key], field) == expected
