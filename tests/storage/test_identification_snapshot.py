"""A project's catalog snapshot keeps what identification and the rule packs need.

Device classes and strengths on patterns, and versions, review dates, provisions and
verified citations on rule packs, survive a write to SQLite and a read back; an
older snapshot migrated to this schema reads as the older catalog meant it.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text

from specassist.catalog.loader import load_catalog_folder
from specassist.domain.catalog import Catalog
from specassist.storage.catalog_store import read_catalog, write_catalog
from specassist.storage.engine import make_engine, session_factory, upgrade


@pytest.fixture(scope="module")
def catalog(shipped_catalog_module: Path) -> Catalog:
    load = load_catalog_folder(shipped_catalog_module)
    assert load.ok
    return load.catalog


@pytest.fixture(scope="module")
def shipped_catalog_module() -> Path:
    return Path(__file__).parent.parent.parent / "catalog"


def test_snapshot_round_trip_keeps_identification_data(catalog: Catalog, tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'p.sqlite'}")
    upgrade(engine)
    factory = session_factory(engine)
    with factory.begin() as session:
        write_catalog(session, catalog)
    with factory() as session:
        back = read_catalog(session)
    assert back is not None
    assert back.model_patterns == catalog.model_patterns
    assert back.rule_sets == catalog.rule_sets
    assert back.oem_relations == catalog.oem_relations
    assert back.vendors == catalog.vendors


def test_migrated_rows_read_as_the_older_catalog_meant(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'p.sqlite'}")
    upgrade(engine)
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO rule_sets (rule_set_id, title, jurisdiction, authority, "
                "citation_title, template) VALUES ('old', 'Old', 'US', 'A', 'T', 0)"
            )
        )
        query = (
            "SELECT optional, applies_to_installed, citation_verified, provisions FROM rule_sets"
        )
        row = connection.execute(text(query)).one()
    assert (bool(row[0]), bool(row[1]), bool(row[2]), row[3]) == (False, True, False, "[]")
