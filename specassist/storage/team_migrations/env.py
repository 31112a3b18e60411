"""Alembic environment of the team catalog: runs on a connection handed over by ``storage.engine``.

Its own history and its own version table (``engine.TEAM``), separate from a
project file's: the team database holds no project tables.
"""

from __future__ import annotations

from alembic import context

from specassist.storage.team_models import TeamBase

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - only reached when run from the alembic CLI
    raise RuntimeError("run migrations through specassist.storage.engine.upgrade()")

context.configure(
    connection=connection,
    target_metadata=TeamBase.metadata,
    version_table=context.config.attributes["version_table"],
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
