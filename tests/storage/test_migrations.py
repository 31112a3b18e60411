"""The Alembic history builds exactly the schema the models declare."""

from __future__ import annotations

from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect

from specassist.storage.engine import current_revision, head_revision, make_engine, upgrade
from specassist.storage.models import Base


def test_migrations_match_models(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'db.sqlite'}")
    upgrade(engine)
    with engine.connect() as connection:
        diff = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    assert diff == []
    assert current_revision(engine) == head_revision()
    assert {"camera_models", "survey_cameras", "selections", "rules"} <= set(
        inspect(engine).get_table_names()
    )


def test_upgrade_is_idempotent(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'db.sqlite'}")
    upgrade(engine)
    upgrade(engine)
    assert current_revision(engine) == head_revision()
