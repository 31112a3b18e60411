"""What the team-catalog tests (and its bench) do to servers and folders: start a throwaway
PostgreSQL server, make a database of their own on it, make a login role, edit a cell."""

from __future__ import annotations

import csv
import os
import secrets
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import create_engine, make_url, text

SERVER_SCRIPT = Path(__file__).parent.parent.parent / ".ci" / "postgres.sh"
START_TIMEOUT_S = 120
"""initdb and the first start take 3–4 s on an idle machine; a shared two-core CI machine can
be ten times slower, and a hung start must fail, not stall CI."""


class NoServer(Exception):
    """No server URL was given and none could be started; the message says why."""


@contextmanager
def postgres_server() -> Iterator[str]:
    """``SPECASSIST_TEST_PG_URL`` (a superuser's URL), else a server started for the while."""
    given = os.environ.get("SPECASSIST_TEST_PG_URL")
    if given:
        yield given
        return
    try:
        started = subprocess.run([str(SERVER_SCRIPT), "start"], capture_output=True, text=True,
                                 timeout=START_TIMEOUT_S, check=False)  # fmt: skip
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise NoServer(f"SPECASSIST_TEST_PG_URL is not set and none started ({exc})") from None
    if started.returncode:
        why = (started.stderr.strip().splitlines() or ["no reason given"])[-1]
        raise NoServer(f"SPECASSIST_TEST_PG_URL is not set and none started ({why})")
    values = dict(line.split("=", 1) for line in started.stdout.split())
    try:
        yield values["SPECASSIST_TEST_PG_URL"]
    finally:
        subprocess.run([str(SERVER_SCRIPT), "stop", values["SPECASSIST_TEST_PG_DIR"]],
                       capture_output=True, timeout=START_TIMEOUT_S, check=False)  # fmt: skip


@contextmanager
def own_database(server_url: str, prefix: str) -> Iterator[str]:
    """A URL to a new, empty database on the server, dropped afterwards."""
    name = f"{prefix}_{secrets.token_hex(4)}"
    admin = create_engine(server_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(server_url).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def make_login(url: str, made: list[str], role: str, member_of: str) -> str:
    """A login role that is a member of ``member_of``; returns a URL that logs in as it."""
    password = secrets.token_hex(12)
    engine = create_engine(url, isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        statement = f'CREATE ROLE "{role}" LOGIN PASSWORD \'{password}\' IN ROLE "{member_of}"'
        connection.execute(text(statement))
    engine.dispose()
    made.append(role)
    return make_url(url).set(username=role, password=password).render_as_string(False)


def edit_model(folder: Path, model: str, column: str, value: str) -> None:
    """Change one cell of models.csv, as someone editing the folder in a spreadsheet would."""
    path = folder / "models.csv"
    with path.open(newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        fields = list(reader.fieldnames or [])
        rows = list(reader)
    matching = [r for r in rows if r["model"] == model]
    assert len(matching) == 1, model
    matching[0][column] = value
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields)
        writer.writeheader()
        writer.writerows(rows)
