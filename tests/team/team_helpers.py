"""What the team-catalog tests do to folders and servers: edit a cell, make a login role."""

from __future__ import annotations

import csv
import secrets
from pathlib import Path

from sqlalchemy import create_engine, make_url, text


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
