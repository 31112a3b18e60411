"""Fixtures for the team catalog: a PostgreSQL server, a fresh database per test, roles,
and catalog folders to publish.

The server is ``SPECASSIST_TEST_PG_URL`` (a superuser's URL: tests create databases and
roles), as ``.ci/run`` exports it; without it the tests start their own throwaway server
with ``.ci/postgres.sh``, and are skipped, saying why, only when that cannot be done.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from team_helpers import NoServer, own_database, postgres_server


@pytest.fixture(scope="session")
def pg_server() -> Iterator[str]:
    try:
        with postgres_server() as url:
            yield url
    except NoServer as exc:
        pytest.skip(f"no PostgreSQL: {exc}")


@pytest.fixture
def pg_url(pg_server: str) -> Iterator[str]:
    """A URL to an empty database of its own, dropped after the test."""
    with own_database(pg_server, "specassist_t") as url:
        yield url


@pytest.fixture
def pg_logins(pg_url: str) -> Iterator[list[str]]:
    """Roles made by a test in ``pg_url``'s database (``make_login``); dropped after it."""
    made: list[str] = []
    yield made
    admin = create_engine(pg_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        for role in reversed(made):
            connection.execute(text(f'DROP OWNED BY "{role}"'))  # its privileges here
            connection.execute(text(f'DROP ROLE IF EXISTS "{role}"'))
    admin.dispose()


@pytest.fixture
def catalog_copy(tmp_path: Path, shipped_catalog: Path) -> Path:
    folder = tmp_path / "catalog"
    shutil.copytree(shipped_catalog, folder)
    return folder
