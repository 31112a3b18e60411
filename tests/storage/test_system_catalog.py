"""Recorders, VMS platforms, switches and sizing constants survive the catalog snapshot."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import func, select

from specassist.catalog.loader import load_catalog_folder
from specassist.storage.catalog_store import read_catalog, write_catalog
from specassist.storage.engine import make_engine, session_factory, sqlite_url, upgrade
from specassist.storage.models import RecorderModelRow, SizingConstantRow


def test_system_tables_round_trip(tmp_path: Path, shipped_catalog: Path) -> None:
    catalog = load_catalog_folder(shipped_catalog).catalog
    assert catalog.recorders and catalog.vms_platforms and catalog.switches
    engine = make_engine(sqlite_url(tmp_path / "snapshot.sqlite"))
    upgrade(engine)
    sessions = session_factory(engine)
    with sessions.begin() as session:
        write_catalog(session, catalog)
    with sessions.begin() as session:
        write_catalog(session, catalog)  # replacing the snapshot leaves one copy, not two
    with sessions() as session:
        assert session.scalar(select(func.count()).select_from(RecorderModelRow)) == len(
            catalog.recorders
        )
        assert session.scalar(select(func.count()).select_from(SizingConstantRow)) == 8
        stored = read_catalog(session)
    assert stored is not None
    assert stored.recorders == catalog.recorders
    assert stored.vms_platforms == catalog.vms_platforms
    assert stored.switches == catalog.switches
    assert stored.sizing_constants == catalog.sizing_constants
