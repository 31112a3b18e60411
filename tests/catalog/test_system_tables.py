"""The system tables load clean; a bad cell in them is reported at file:line:column."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from test_loader import _append, _errors

from specassist.catalog.loader import load_catalog_folder
from specassist.domain.bitrate import REQUIRED_CONSTANTS, BitrateModel
from specassist.domain.issues import Severity
from specassist.domain.system import PoeStandard, RaidLevel


@pytest.fixture
def copy(tmp_path: Path, shipped_catalog: Path) -> Path:
    return Path(shutil.copytree(shipped_catalog, tmp_path / "catalog"))


def test_shipped_system_tables(shipped_catalog: Path) -> None:
    load = load_catalog_folder(shipped_catalog)
    assert _errors(load.issues) == []
    counts = load.counts()
    assert counts["recorders"] >= 10 and counts["switches"] >= 4
    assert counts["VMS platforms"] >= 5 and counts["sizing constants"] == len(REQUIRED_CONSTANTS)
    catalog = load.catalog
    rows = [*catalog.recorders, *catalog.vms_platforms, *catalog.switches]
    assert all(r.provenance.source and r.provenance.source_date for r in rows)
    xrn = next(r for r in catalog.recorders if r.model == "XRN-3210B4")
    assert xrn.raid_levels == (RaidLevel.RAID5, RaidLevel.RAID6) and xrn.max_raw_tb == 160.0
    assert xrn.max_incoming_q.to("Mbit/s").magnitude == 150.0  # type: ignore[union-attr]
    gs = next(s for s in catalog.switches if s.model == "GS752TPP")
    assert (gs.poe_ports, gs.poe_standard, gs.poe_budget_w) == (48, PoeStandard.AT, 760.0)
    model = BitrateModel.from_constants(catalog.sizing_constants)
    assert model.bits_per_pixel_h264 == 0.060 and model.fps_exponent == 0.70


def test_bad_recorder_row_reports_each_cell(copy: Path) -> None:
    line = _append(
        copy / "recorders.csv",
        "axis,X9,blob,,no-such-vms,many,fast,2,12 kg,7;RAID 5,-1,802.3zz,lots,,maybe,"
        "x,2026,perhaps,",
    )
    errors = _errors(load_catalog_folder(copy).issues)
    for column in ("kind", "channels", "max_incoming", "max_raw", "raid_levels", "poe_ports",
                   "poe_standard", "poe_budget", "discontinued", "verified"):  # fmt: skip
        prefix = f"recorders.csv:{line}:{column}:"
        assert any(e.startswith(prefix) for e in errors), (column, errors)


def test_references_and_duplicates(copy: Path) -> None:
    ghost = _append(copy / "recorders.csv", "axis,X10,nvr,,no-such-vms,8,,,,,,,,,,x,,no,")
    dup = _append(copy / "switches.csv", "netgear,GS752TPP,switch,52,48,802.3at,760 W,,x,,no,")
    nobody = _append(copy / "vms.csv", "x-vms,nobody,X,yes,,S;T,x,,no,")
    profile = _append(copy / "vms.csv", "y-vms,axis,Y,yes,,S;TT,x,,no,")
    errors = _errors(load_catalog_folder(copy).issues)
    assert (
        f"recorders.csv:{ghost}:vms_id: error: no such vms_id in vms.csv (found 'no-such-vms')"
        in errors
    )
    assert any(e.startswith(f"switches.csv:{dup}:model: error: duplicate of line") for e in errors)
    assert any(e.startswith(f"vms.csv:{nobody}:vendor_id:") for e in errors)
    assert any(e.startswith(f"vms.csv:{profile}:onvif:") for e in errors)


def test_switch_with_more_poe_ports_than_ports(copy: Path) -> None:
    line = _append(copy / "switches.csv", "netgear,GS1,switch,8,10,802.3af,60 W,,x,,no,")
    errors = _errors(load_catalog_folder(copy).issues)
    assert any(e.startswith(f"switches.csv:{line}:poe_ports:") for e in errors), errors


def test_constants_out_of_range_unknown_and_missing(copy: Path) -> None:
    path = copy / "sizing_constants.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    kept = [ln for ln in lines if not ln.startswith("fps_exponent,")]
    path.write_text("\n".join(kept) + "\n", encoding="utf-8")
    bad = _append(path, "h265_factor,1.5,,x,,no,")
    odd = _append(path, "gamma,2.2,,x,,no,")
    text = _append(path, "activity_high,two,,x,,no,")
    load = load_catalog_folder(copy)
    errors = _errors(load.issues)
    assert any(e.startswith(f"sizing_constants.csv:{bad}:value: error: expected a value from")
               for e in errors)  # fmt: skip
    assert any(e.startswith(f"sizing_constants.csv:{text}:value:") for e in errors)
    assert "sizing_constants.csv:key: error: constant missing (or its row was rejected) " \
           "(found 'fps_exponent')" in errors  # fmt: skip
    warnings = [str(i) for i in load.issues if i.severity is Severity.WARNING]
    assert any(w.startswith(f"sizing_constants.csv:{odd}:key: warning:") for w in warnings)
    # The rest still loads: the other recorders and switches are all there.
    assert len(load.catalog.switches) == 4 and load.catalog.recorders


def test_missing_system_file_is_an_error_not_a_crash(copy: Path) -> None:
    (copy / "recorders.csv").unlink()
    load = load_catalog_folder(copy)
    assert "recorders.csv: error: file missing" in _errors(load.issues)
    assert load.catalog.recorders == [] and load.catalog.switches
