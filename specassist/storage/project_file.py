"""A project is one SQLite file, written only when the user saves, and never half-written.

While a project is open SpecAssist works on a private copy in a temporary
folder. Saving copies that working database to ``<name>.specassist.tmp`` with
SQLite's online backup and then renames it over the project file in one
``os.replace``, which is atomic on every platform SpecAssist runs on: a crash
or a full disk mid-save leaves the previous file intact.
"""

from __future__ import annotations

import shutil
import sqlite3
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Engine, inspect, select
from sqlalchemy.exc import DatabaseError
from sqlalchemy.orm import Session, sessionmaker

from specassist.domain.issues import UserError
from specassist.storage.engine import (
    current_revision,
    head_revision,
    is_known_revision,
    make_engine,
    session_factory,
    sqlite_url,
    upgrade,
)
from specassist.storage.models import ProjectRow

SUFFIX = ".specassist"


class ProjectFileError(UserError):
    """The file is not a SpecAssist project, or is from a newer SpecAssist."""


def utcnow() -> datetime:
    """Naive UTC timestamp: portable across SQLite and PostgreSQL DateTime columns."""
    return datetime.now(UTC).replace(tzinfo=None)


class ProjectFile:
    """An open project: a working database plus the path it is saved to."""

    def __init__(self, working: Path, path: Path | None, workdir: Path) -> None:
        self._working = working
        self._workdir = workdir
        self.path = path
        self.engine: Engine = make_engine(sqlite_url(working))
        self.sessions: sessionmaker[Session] = session_factory(self.engine)
        self.dirty = False

    # ------------------------------------------------------------ life cycle

    @classmethod
    def create(cls, name: str, path: Path | None = None) -> ProjectFile:
        """A new, empty project. Nothing is written to ``path`` until ``save``."""
        workdir = Path(tempfile.mkdtemp(prefix="specassist-"))
        project = cls(workdir / "working.db", path, workdir)
        upgrade(project.engine)
        with project.sessions.begin() as session:
            now = utcnow()
            session.add(ProjectRow(name=name, created_at=now, updated_at=now))
        project.dirty = True
        return project

    @classmethod
    def open(cls, path: Path) -> ProjectFile:
        """Open a saved project; older schemas are upgraded in the working copy only."""
        if not path.exists():
            raise ProjectFileError(f"{path}: file not found")
        _check_sqlite(path)
        workdir = Path(tempfile.mkdtemp(prefix="specassist-"))
        working = workdir / "working.db"
        shutil.copyfile(path, working)
        project = cls(working, path, workdir)
        try:
            project._check_and_upgrade()
        except Exception:
            project.close()
            raise
        return project

    def _check_and_upgrade(self) -> None:
        name = self.path.name if self.path else "project"
        try:
            tables = set(inspect(self.engine).get_table_names())
        except DatabaseError as exc:
            raise ProjectFileError(f"{name}: not a SpecAssist project ({exc.orig})") from exc
        if "projects" not in tables or "alembic_version" not in tables:
            raise ProjectFileError(f"{name}: not a SpecAssist project (no project tables)")
        revision = current_revision(self.engine)
        if revision is not None and not is_known_revision(revision):
            raise ProjectFileError(
                f"{name}: saved by a newer SpecAssist (schema {revision}); please update"
            )
        if revision != head_revision():
            upgrade(self.engine)
            self.dirty = True

    def save(self, path: Path | None = None) -> Path:
        """Write the project atomically to ``path`` (or where it was opened from)."""
        target = path or self.path
        if target is None:
            raise ProjectFileError("no file name given for a new project")
        target = target if target.suffix else target.with_suffix(SUFFIX)
        with self.sessions.begin() as session:
            project = session.scalars(select(ProjectRow)).first()
            if project is not None:
                project.updated_at = utcnow()
        self.write_copy(target)
        self.path = target
        self.dirty = False
        return target

    def write_copy(self, target: Path) -> None:
        """Copy the working database to ``target`` atomically, leaving path and state alone.

        ``save`` writes through it; autosave calls it directly, so the user's own
        file is only written when they save.
        """
        temporary = target.with_name(target.name + ".tmp")
        source = sqlite3.connect(self._working)
        try:
            destination = sqlite3.connect(temporary)
            try:
                source.backup(destination)
            finally:
                destination.close()
        finally:
            source.close()
        temporary.replace(target)  # os.replace: atomic

    def close(self) -> None:
        self.engine.dispose()
        shutil.rmtree(self._workdir, ignore_errors=True)

    def __enter__(self) -> ProjectFile:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    # ------------------------------------------------------------ access

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """A session in one transaction; marks the project as changed when it commits."""
        with self.sessions.begin() as session:
            yield session
        self.dirty = True

    def project_id(self) -> int:
        with self.sessions() as session:
            project_id = session.scalars(select(ProjectRow.id)).first()
        if project_id is None:
            raise ProjectFileError("the file holds no project")
        return project_id


def _check_sqlite(path: Path) -> None:
    with path.open("rb") as handle:
        header = handle.read(16)
    if header != b"SQLite format 3\x00":
        raise ProjectFileError(f"{path.name}: not a SpecAssist project (not an SQLite file)")
