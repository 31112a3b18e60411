"""Engines and sessions for any SQLAlchemy URL, and schema upgrades through Alembic.

A project file is ``sqlite:///path``; a shared team catalog can be any URL
(``postgresql+psycopg://…``). Nothing here is SQLite-specific except turning on
SQLite's foreign-key enforcement, which other databases always do.

Alembic (with Mako and Pygments behind it, a fifth of a second to import) is
imported when a schema is first checked, not with this module: the desktop
app paints its window before it opens any project.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, create_engine, event, make_url
from sqlalchemy.orm import Session, sessionmaker

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).parent / "migrations"


def make_engine(url: str, scratch: bool = False) -> Engine:
    """An engine for ``url``; ``scratch`` for an SQLite file that is only ever a working copy.

    A project's working copy is thrown away after a crash of the machine (the
    saved file and the autosave, each written and synced separately, are what
    survive), so its commits need not wait for the disk: SQLite's
    ``synchronous=OFF`` still survives a crash of SpecAssist itself, and it
    took a one-row edit from 17–48 ms to 2–8 ms on the (shared) development
    machine. It is also in write-ahead-log mode (see ``_sqlite_scratch``).
    """
    engine = create_engine(url, connect_args=_connect_args(url))
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_scratch if scratch else _sqlite_foreign_keys)
    return engine


CONNECT_TIMEOUT_S = 10
"""How long to wait for a database server that does not answer (a team catalog).

A laptop on a site network with no route to the office server would otherwise
wait for the operating system to give up: about 127 s on Linux (six SYN
retries, 1 + 2 + 4 + 8 + 16 + 32 + 64 s). Ten seconds is several round trips
even over a slow VPN.
"""


def _connect_args(url: str) -> dict[str, Any]:
    if make_url(url).get_backend_name() == "postgresql":
        return {"connect_timeout": CONNECT_TIMEOUT_S}
    return {}


def _sqlite_foreign_keys(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def _sqlite_scratch(dbapi_connection: Any, record: Any) -> None:
    _sqlite_foreign_keys(dbapi_connection, record)
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA synchronous=OFF")
    # Write-ahead logging: an edit on the GUI thread commits while the analysis reads on a
    # worker, instead of waiting for the reader (a one-row edit waited 340 ms on 20,000
    # cameras). Saves copy with VACUUM INTO, whose output is an ordinary rollback-mode file.
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.close()


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"


def session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)


@dataclass(frozen=True, slots=True)
class Chain:
    """One Alembic history: its folder and the table that records how far a database got.

    A project file and a team catalog are different databases with different
    schemas, so each has its own history; the team's records its revision in a
    table of its own name, so a team catalog can share a database (and its
    ``alembic_version`` table) with another application.
    """

    folder: Path
    version_table: str = "alembic_version"


PROJECT = Chain(MIGRATIONS)
TEAM = Chain(Path(__file__).parent / "team_migrations", "specassist_team_version")


def _alembic_config(chain: Chain) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(chain.folder))
    config.attributes["version_table"] = chain.version_table
    return config


def head_revision(chain: Chain = PROJECT) -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(_alembic_config(chain)).get_current_head()
    assert head is not None, "the migrations folder has no revision"
    return head


def is_known_revision(revision: str, chain: Chain = PROJECT) -> bool:
    """False for a schema written by a newer SpecAssist than this one."""
    from alembic.script import ScriptDirectory

    try:
        script = ScriptDirectory.from_config(_alembic_config(chain))
        return script.get_revision(revision) is not None
    except Exception:  # alembic raises several error types for unknown ids
        return False


def current_revision(engine: Engine, chain: Chain = PROJECT) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as connection:
        context = MigrationContext.configure(
            connection, opts={"version_table": chain.version_table}
        )
        return context.get_current_revision()


def upgrade(engine: Engine, chain: Chain = PROJECT) -> None:
    """Bring the schema to the newest revision (creates it in an empty database)."""
    from alembic import command

    config = _alembic_config(chain)
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
