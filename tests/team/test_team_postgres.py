"""The team catalog on a real PostgreSQL server: schema from an empty database, two writers at
once in two processes, the lost update the version check refuses, approval, and roles.

To make two publishes truly overlap, the test holds the lock every writer takes first (the
``team_catalog_head`` row) from a third connection, starts both writers, waits until the
server shows both waiting for that lock — so both have read the same catalog version — and
only then lets them go.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine, inspect, text
from sqlalchemy.exc import ProgrammingError
from team_helpers import edit_model, make_login

from specassist.catalog.loader import load_catalog_folder
from specassist.domain.catalog_keys import entries
from specassist.services import team_catalog
from specassist.services.team_catalog import PublishRequest, Roles, TeamCatalogError
from specassist.storage.engine import TEAM, current_revision, head_revision, make_engine, upgrade
from specassist.storage.team_models import TeamBase

MODEL, OTHER = "axis:P3265-LVE", "axis:Q1805-LE"
WAIT_S = 60.0
"""Longest wait for the writers to start and reach the lock (1–2 s each on an idle machine;
two cores shared with other work can make it many times that)."""


def test_migration_from_an_empty_database(pg_url: str) -> None:
    engine = make_engine(pg_url)
    assert current_revision(engine, TEAM) is None
    upgrade(engine, TEAM)
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"version_table": TEAM.version_table})
        assert compare_metadata(context, TeamBase.metadata) == []
    assert current_revision(engine, TEAM) == head_revision(TEAM)
    assert "survey_cameras" not in inspect(engine).get_table_names()  # no project tables
    upgrade(engine, TEAM)  # again: nothing to do
    engine.dispose()


def test_publish_approve_and_read_on_postgresql(pg_url: str, shipped_catalog: Path) -> None:
    folder = load_catalog_folder(shipped_catalog).catalog
    first = team_catalog.publish(pg_url, folder)
    assert first.version == 1 and not first.changed
    assert len(team_catalog.pending(pg_url)) == len(list(entries(folder)))
    assert team_catalog.approve(pg_url, ["vendor/axis", "model/axis:P3265-LVE@1"]).version == 2
    partial = team_catalog.read(pg_url)
    assert [m.key for m in partial.catalog.models] == [MODEL] and len(partial.catalog.vendors) == 1
    team_catalog.approve(pg_url, None)
    team = team_catalog.read(pg_url)
    as_read = [(e.kind.slug, e.key, e.item) for e in entries(team.catalog)]
    as_folder = [(e.kind.slug, e.key, e.item) for e in entries(folder)]
    assert sorted(as_read, key=lambda r: r[:2]) == sorted(as_folder, key=lambda r: r[:2])
    assert team.version == 3 and not team.pending


def _writer(url: str, folder: Path, base: int) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "specassist", "catalog", "publish", "--to", url, str(folder),
         "--base", str(base)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=dict(os.environ),
    )  # fmt: skip


def _publish_together(url: str, folders: list[Path], base: int) -> list[tuple[int, str]]:
    """Run one publishing process per folder so that both read version ``base`` first."""
    holder = create_engine(url)
    connection = holder.connect()
    transaction = connection.begin()
    connection.execute(text("SELECT latest FROM team_catalog_head WHERE id = 1 FOR UPDATE"))
    writers = [_writer(url, folder, base) for folder in folders]
    try:
        _wait_for_lock_waiters(url, len(writers))
    finally:
        transaction.commit()  # the writers go
        connection.close()
        holder.dispose()
    results = []
    for writer in writers:
        out, err = writer.communicate(timeout=WAIT_S)
        results.append((writer.returncode, out + err))
    return results


def _wait_for_lock_waiters(url: str, count: int) -> None:
    watcher = create_engine(url)
    deadline = time.monotonic() + WAIT_S
    try:
        while time.monotonic() < deadline:
            with watcher.connect() as connection:
                waiting = connection.scalar(text(
                    "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND "
                    "query LIKE '%team_catalog_head%FOR UPDATE%' AND datname = current_database()"
                ))  # fmt: skip
            if waiting == count:
                return
            time.sleep(0.1)
        raise AssertionError(f"the {count} writers did not reach the lock within {WAIT_S} s")
    finally:
        watcher.dispose()


@pytest.fixture
def published(pg_url: str, catalog_copy: Path, tmp_path: Path) -> tuple[str, Path, Path]:
    """Version 1 published and approved (version 1), and two copies of its folder."""
    team_catalog.publish(pg_url, team_catalog.load_folder(catalog_copy).catalog,
                         PublishRequest(approve=True))  # fmt: skip
    ana, ben = tmp_path / "ana", tmp_path / "ben"
    shutil.copytree(catalog_copy, ana)
    shutil.copytree(catalog_copy, ben)
    return pg_url, ana, ben


def _race(published: tuple[str, Path, Path], bens_model: str) -> list[tuple[int, str]]:
    """Ana edits P3265-LVE's IR range and Ben ``bens_model``'s, both from version 1, and
    both publish at the same moment."""
    url, ana, ben = published
    edit_model(ana, "P3265-LVE", "ir_range", "45 m")
    edit_model(ben, bens_model, "ir_range", "55 m")
    return _publish_together(url, [ana, ben], base=1)


def test_two_writers_at_once_changing_different_rows_both_succeed(
    published: tuple[str, Path, Path],
) -> None:
    url = published[0]
    results = _race(published, "Q1805-LE")
    assert [status for status, _ in results] == [0, 0], results
    versions = sorted(int(text_.split(" as version ")[1].split(":")[0]) for _, text_ in results)
    assert versions == [2, 3]
    assert {p.ref for p in team_catalog.pending(url)} == {f"model/{MODEL}", f"model/{OTHER}"}


def test_two_writers_at_once_changing_the_same_row_one_is_refused(
    published: tuple[str, Path, Path],
) -> None:
    url = published[0]
    results = _race(published, "P3265-LVE")
    statuses = sorted(status for status, _ in results)
    assert statuses == [0, 1], results
    refused = next(text_ for status, text_ in results if status == 1)
    assert "publish refused: 1 row(s) were changed after catalog version 1" in refused
    assert f"camera model {MODEL} (row version 2" in refused
    expected = 45.0 if results[0][0] == 0 else 55.0  # the first writer is Ana
    team_catalog.approve(url, None)
    model = next(m for m in team_catalog.read(url).catalog.models if m.key == MODEL)
    assert model.ir_range_m == expected  # the winner's edit stands; nothing was lost silently


def test_reader_editor_and_approver_roles(
    pg_url: str, catalog_copy: Path, pg_logins: list[str]
) -> None:
    suffix = pg_url.rsplit("_", 1)[-1]
    roles = Roles(f"reader_{suffix}", f"editor_{suffix}", f"approver_{suffix}")
    team_catalog.publish(pg_url, team_catalog.load_folder(catalog_copy).catalog,
                         PublishRequest(approve=True))  # fmt: skip
    team_catalog.grant(pg_url, roles)
    reader = make_login(pg_url, pg_logins, f"r_{suffix}", roles.reader)
    editor = make_login(pg_url, pg_logins, f"e_{suffix}", roles.editor)
    approver = make_login(pg_url, pg_logins, f"a_{suffix}", roles.approver)
    pg_logins.extend([roles.approver, roles.editor, roles.reader])  # group roles go after
    assert team_catalog.read(reader).version == 1
    edit_model(catalog_copy, "P3265-LVE", "ir_range", "45 m")
    changed = team_catalog.load_folder(catalog_copy).catalog
    with pytest.raises(TeamCatalogError, match="your database role may not do this"):
        team_catalog.publish(reader, changed, PublishRequest(base=1))
    _refused(reader, "UPDATE team_catalog_items SET status = 'approved'")
    done = team_catalog.publish(editor, changed, PublishRequest(base=1))
    assert done.changed == [f"model/{MODEL}"]
    assert team_catalog.pending(reader)[0].updated_by == f"e_{suffix}"  # the login, not the OS
    with pytest.raises(TeamCatalogError, match="your database role may not do this"):
        team_catalog.approve(editor, None)
    # An editor cannot put content in front of readers by writing SQL either.
    _refused(editor, "UPDATE team_catalog_items SET approved = proposed")
    _refused(editor, "INSERT INTO team_catalog_items (kind, key, digest, row_version, status, "
             "changed_in, updated_by, updated_at, approved) VALUES ('vendor', 'x', '', 1, "
             "'approved', 1, 'e', now(), '{}')")  # fmt: skip
    assert team_catalog.approve(approver, [f"model/{MODEL}@2"]).approved == [f"model/{MODEL}"]
    model = next(m for m in team_catalog.read(reader).catalog.models if m.key == MODEL)
    assert model.ir_range_m == 45


def _refused(url: str, statement: str) -> None:
    engine = create_engine(url)
    with pytest.raises(ProgrammingError, match="permission denied"), engine.begin() as connection:
        connection.execute(text(statement))
    engine.dispose()


def test_a_writer_stuck_holding_the_catalog_makes_others_give_up_in_words(
    published: tuple[str, Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    url, ana, _ben = published
    monkeypatch.setattr(team_catalog, "LOCK_TIMEOUT_S", 1)
    edit_model(ana, "P3265-LVE", "ir_range", "45 m")
    holder = create_engine(url)
    with holder.connect() as connection, connection.begin():
        connection.execute(text("SELECT latest FROM team_catalog_head WHERE id = 1 FOR UPDATE"))
        with pytest.raises(TeamCatalogError, match="held the team catalog for more than 1 s"):
            team_catalog.publish(url, team_catalog.load_folder(ana).catalog, PublishRequest(base=1))
    holder.dispose()
    assert not team_catalog.pending(url)  # nothing was changed
