"""Fixtures for the team catalog: a PostgreSQL server, a fresh database per test, roles,
and catalog folders to publish.

The server is ``SPECASSIST_TEST_PG_URL`` (a superuser's URL: tests create databases and
roles), as ``.ci/run`` exports it; without it the tests start their own throwaway server
with ``.ci/postgres.sh``, and are skipped, saying why, only when that cannot be done.
"""

from __future__ import annotations

import os
import secrets
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, make_url, text

REPO = Path(__file__).parent.parent.parent
SERVER_SCRIPT = REPO / ".ci" / "postgres.sh"
START_TIMEOUT_S = 120
"""initdb and the first start take 3–4 s on an idle machine; a shared two-core CI machine can
be ten times slower, and a hung start must fail, not stall CI."""


@pytest.fixture(scope="session")
def pg_server() -> Iterator[str]:
    given = os.environ.get("SPECASSIST_TEST_PG_URL")
    if given:
        yield given
        return
    try:
        started = subprocess.run([str(SERVER_SCRIPT), "start"], capture_output=True, text=True,
                                 timeout=START_TIMEOUT_S, check=False)  # fmt: skip
    except (OSError, subprocess.TimeoutExpired) as exc:
        pytest.skip(f"no PostgreSQL: SPECASSIST_TEST_PG_URL is not set and none started ({exc})")
    if started.returncode:
        why = (started.stderr.strip().splitlines() or ["no reason given"])[-1]
        pytest.skip(f"no PostgreSQL: SPECASSIST_TEST_PG_URL is not set and none started ({why})")
    values = dict(line.split("=", 1) for line in started.stdout.split())
    try:
        yield values["SPECASSIST_TEST_PG_URL"]
    finally:
        subprocess.run([str(SERVER_SCRIPT), "stop", values["SPECASSIST_TEST_PG_DIR"]],
                       capture_output=True, timeout=START_TIMEOUT_S, check=False)  # fmt: skip


def _admin(server: str):  # type: ignore[no-untyped-def]
    return create_engine(server, isolation_level="AUTOCOMMIT")


@pytest.fixture
def pg_url(pg_server: str) -> Iterator[str]:
    """A URL to an empty database of its own, dropped after the test."""
    name = f"specassist_t_{secrets.token_hex(4)}"
    admin = _admin(pg_server)
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(pg_server).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture
def pg_logins(pg_url: str) -> Iterator[list[str]]:
    """Roles made by a test in ``pg_url``'s database (``make_login``); dropped after it."""
    made: list[str] = []
    yield made
    admin = _admin(pg_url)
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
