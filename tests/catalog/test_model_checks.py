"""Camera-model rows in the catalog folder: optics and verification checked at file:line:column."""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

import pytest
from sqlalchemy.orm import Session

from specassist import cli
from specassist.catalog.loader import load_catalog_folder
from specassist.domain.issues import InputIssue, Severity
from specassist.storage.catalog_store import read_catalog, write_catalog
from specassist.storage.engine import make_engine, upgrade

DATASHEET = "Example datasheet https://example.invalid/ds.pdf"
# 102° behind 2.8 mm on a 1/1.2" sensor: a rectilinear lens already sees at least 122°.
IMPOSSIBLE = {"sensor_format": '1/1.2"', "lens_type": "fixed", "focal_min": "2.8 mm",
              "focal_max": "2.8 mm", "hfov_max": "102°", "hfov_min": "102°"}  # fmt: skip
# 4.4-88 mm is a 20× zoom; 69.7°-2.2° spans 31×.
TWO_LENSES = {"form_factor": "ptz", "lens_type": "motorised", "focal_min": "4.4 mm",
              "focal_max": "88 mm", "hfov_max": "69.7°", "hfov_min": "2.2°"}  # fmt: skip


@pytest.fixture
def folder(tmp_path: Path, shipped_catalog: Path) -> Path:
    copy = tmp_path / "catalog"
    shutil.copytree(shipped_catalog, copy)
    return copy


def _append(folder: Path, **cells: str) -> int:
    """Append a models.csv row from named cells; returns its line number."""
    path = folder / "models.csv"
    header = next(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))
    row = {
        "vendor_id": "axis",
        "form_factor": "bullet",
        "source": DATASHEET,
        "verified": "no",
        **cells,
    }
    out = io.StringIO()
    csv.DictWriter(out, fieldnames=header, lineterminator="\n").writerow(row)
    with path.open("a", encoding="utf-8") as handle:
        handle.write(out.getvalue())
    return len(path.read_text(encoding="utf-8").splitlines())


def _issues(folder: Path, line: int, severity: Severity) -> list[InputIssue]:
    issues = load_catalog_folder(folder).issues
    return [
        i for i in issues if i.file == "models.csv" and i.row == line and i.severity is severity
    ]


def test_impossible_optics_fail_naming_file_row_and_column(folder: Path) -> None:
    line = _append(folder, model="WRONG-1", resolution="3840x2160", **IMPOSSIBLE)
    (error,) = _issues(folder, line, Severity.ERROR)
    assert str(error).startswith(f"models.csv:{line}:hfov_max: error: 102° at 2.8 mm is narrower")
    load = load_catalog_folder(folder)
    assert "WRONG-1" not in {m.model for m in load.catalog.models}
    out = io.StringIO()
    status = cli.run(cli.parse_args(["catalog", "check", str(folder)]), out)
    assert status == 1 and f"models.csv:{line}:hfov_max: error:" in out.getvalue()
    assert "catalog check failed: 1 error(s)" in out.getvalue()


def test_zoom_inconsistency_fails(folder: Path) -> None:
    line = _append(folder, model="WRONG-2", **TWO_LENSES)
    (error,) = _issues(folder, line, Severity.ERROR)
    assert error.column == "hfov_min" and "20×" in error.message and error.value == "2.2°"


def test_a_waiver_keeps_the_row_and_says_why(folder: Path) -> None:
    line = _append(
        folder, model="KEPT-1", optics_waiver="printed so on the datasheet", **IMPOSSIBLE
    )
    assert _issues(folder, line, Severity.ERROR) == []
    (warning,) = _issues(folder, line, Severity.WARNING)
    assert warning.column == "hfov_max" and "kept: printed so on the datasheet" in warning.message
    assert "KEPT-1" in {m.model for m in load_catalog_folder(folder).catalog.models}
    idle = _append(folder, model="KEPT-2", optics_waiver="just in case")
    (warning,) = _issues(folder, idle, Severity.WARNING)
    assert warning.column == "optics_waiver" and "nothing to waive" in warning.message


def test_verified_means_an_independent_source_and_every_figure_checked(folder: Path) -> None:
    figures = {"resolution": "1920x1080", "focal_min": "2.8 mm", "focal_max": "2.8 mm"}
    bare = _append(folder, model="V-1", verified="yes", **figures)
    assert {i.column for i in _issues(folder, bare, Severity.ERROR)} == {
        "verified_source",
        "verified",
    }
    copied = _append(
        folder,
        model="V-2",
        verified="yes",
        verified_fields="resolution;focal_min;focal_max",
        verified_source="ch-bas/cctv-camera-database cameras/axis/x.json",
        verified_date="2026-12-01",
        **figures,
    )
    (error,) = _issues(folder, copied, Severity.ERROR)
    assert error.column == "verified_source" and "independent" in error.message
    partial = _append(
        folder,
        model="V-3",
        verified="yes",
        verified_fields="resolution;hfov_max;gps",
        verified_source=DATASHEET,
        **figures,
    )
    messages = {(i.column, i.value) for i in _issues(folder, partial, Severity.ERROR)}
    assert messages == {
        ("verified_fields", "hfov_max"),
        ("verified_fields", "gps"),
        ("verified_date", ""),
        ("verified", "yes"),
    }
    good = _append(
        folder,
        model="V-4",
        verified="yes",
        verified_date="2026-12-01",
        verified_fields="resolution;focal_min;focal_max",
        verified_source=DATASHEET,
        **figures,
    )
    assert _issues(folder, good, Severity.ERROR) == []
    unverified = _append(
        folder,
        model="V-5",
        verified_fields="resolution",
        verified_date="2026",
        verified_source=DATASHEET,
        **figures,
    )
    assert _issues(folder, unverified, Severity.ERROR) == []


def test_pixel_pitch_needs_its_unit(folder: Path) -> None:
    line = _append(folder, model="P-1", pixel_pitch="2.0")
    assert any(i.column == "pixel_pitch" for i in _issues(folder, line, Severity.ERROR))
    ok = _append(folder, model="P-2", pixel_pitch="2.0 µm", resolution="2688x1520")
    assert _issues(folder, ok, Severity.ERROR) == []
    model = next(m for m in load_catalog_folder(folder).catalog.models if m.model == "P-2")
    assert model.pixel_pitch_um == pytest.approx(2.0)


def test_check_results_survive_the_project_file(tmp_path: Path, shipped_catalog: Path) -> None:
    catalog = load_catalog_folder(shipped_catalog).catalog
    engine = make_engine(f"sqlite:///{tmp_path / 'db.sqlite'}")
    upgrade(engine)
    with Session(engine) as session, session.begin():
        write_catalog(session, catalog)
    with Session(engine) as session:
        stored = read_catalog(session)
    assert stored is not None
    before = {m.key: m for m in catalog.models}
    after = {m.key: m for m in stored.models}
    assert after == before
    waived = [m for m in after.values() if m.optics_waiver]
    assert waived and all(m.verified_source for m in after.values() if m.provenance.verified)
