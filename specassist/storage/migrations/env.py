"""Alembic environment: always runs on a connection handed over by ``storage.engine``."""

from __future__ import annotations

from alembic import context

from specassist.storage.models import Base

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - only reached when run from the alembic CLI
    raise RuntimeError("run migrations through specassist.storage.engine.upgrade()")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,  # SQLite cannot ALTER most things; batch mode works everywhere
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
