"""A project is one SQLite file, written only when the user saves, and never half-written.

While a project is open SpecAssist works on a private copy in a temporary
folder (``working_copy``) and holds a lock on the file (``project_lock``), so
a second SpecAssist is refused rather than overwriting the first one's work.
Opening checks the file (``integrity``) before anything is read from it;
saving writes through ``atomic_save``: a crash, a full disk or a read-only
folder mid-save leaves the previous file intact and the open work as it was.
"""

from __future__ import annotations

import errno
import logging
import sqlite3
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Engine, inspect, select
from sqlalchemy.exc import DatabaseError
from sqlalchemy.orm import Session, sessionmaker

from specassist.storage import integrity
from specassist.storage.atomic_save import save_reason, write_atomically
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
from specassist.storage.project_errors import (
    LockHolder,
    ProjectCorruptError,
    ProjectFileError,
    ProjectLockedError,
    ProjectSaveError,
)
from specassist.storage.project_lock import ProjectLock
from specassist.storage.working_copy import WorkingCopy

__all__ = [
    "SUFFIX",
    "LockHolder",
    "ProjectCorruptError",
    "ProjectFile",
    "ProjectFileError",
    "ProjectLockedError",
    "ProjectSaveError",
    "project_name",
    "project_path",
]

log = logging.getLogger(__name__)

SUFFIX = ".specassist"


def project_path(path: Path) -> Path:
    """The file a project name means: ``site`` and ``site.v2`` gain ``.specassist``.

    The one rule for every front end, so ``--project site`` finds the file the
    previous run saved instead of starting a new project over it.
    """
    return path if path.name.lower().endswith(SUFFIX) else path.with_name(path.name + SUFFIX)


def project_name(path: Path) -> str:
    """The project's display name for a file: ``site.specassist`` → ``site``."""
    name = path.name
    return name[: -len(SUFFIX)] if name.lower().endswith(SUFFIX) else name


def utcnow() -> datetime:
    """Naive UTC timestamp: portable across SQLite and PostgreSQL DateTime columns."""
    return datetime.now(UTC).replace(tzinfo=None)


class ProjectFile:
    """An open project: a working database, the path it is saved to, and the lock on that path."""

    def __init__(self, working: WorkingCopy, path: Path | None, lock: ProjectLock | None) -> None:
        self._working = working
        self._lock = lock
        self.path = path
        self.engine: Engine = make_engine(sqlite_url(working.database), scratch=True)
        self.sessions: sessionmaker[Session] = session_factory(self.engine)
        self.dirty = False
        self.created = False
        """True when ``open_or_create`` found no file and started a new project."""

    # ------------------------------------------------------------ life cycle

    @classmethod
    def create(cls, name: str, path: Path | None = None) -> ProjectFile:
        """A new, empty project. Nothing is written to ``path`` (nor locked) until ``save``."""
        return cls._new(name, path, None)

    @classmethod
    def open(cls, path: Path, *, lock: bool = True) -> ProjectFile:
        """Open a saved project; older schemas are upgraded in the working copy only.

        With ``lock`` the file is locked for writing (``ProjectLockedError`` when
        another SpecAssist has it); in a folder where no lock file can be made,
        such as a read-only share, it opens unlocked, and saving there fails as
        any save into that folder would. Without ``lock`` (an autosave being
        recovered) the lock is taken by the first save.
        """
        _check_readable(path)
        held = _lock_where_possible(path) if lock else None
        return cls._open_locked(path, held)

    @classmethod
    def open_or_create(cls, path: Path, name: str) -> ProjectFile:
        """Lock ``path`` first, then open the project there or start a new one.

        Locking before looking means two processes creating the same file cannot
        both find it missing and overwrite each other's work.
        """
        try:
            held = ProjectLock.acquire(path)
        except OSError as exc:
            raise ProjectSaveError(path, save_reason(exc, path), path.exists()) from exc
        if path.exists():
            _check_readable(path, held)
            return cls._open_locked(path, held)
        project = cls._new(name, path, held)
        project.created = True
        return project

    @classmethod
    def _new(cls, name: str, path: Path | None, held: ProjectLock | None) -> ProjectFile:
        project = cls(_working_copy(path, held), path, held)
        try:
            upgrade(project.engine)
            with project.sessions.begin() as session:
                now = utcnow()
                session.add(ProjectRow(name=name, created_at=now, updated_at=now))
        except BaseException:
            project.close()
            raise
        project.dirty = True
        return project

    @classmethod
    def _open_locked(cls, path: Path, held: ProjectLock | None) -> ProjectFile:
        working = _working_copy(path, held)
        try:
            _copy_checked(path, working)
        except BaseException:
            working.remove()
            if held is not None:
                held.release()
            raise
        project = cls(working, path, held)
        try:
            project._check_and_upgrade()
        except BaseException:
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

    @property
    def working_folder(self) -> Path:
        """The private folder the open project is edited in."""
        return self._working.folder

    @property
    def took_over(self) -> LockHolder | None:
        """The SpecAssist that died holding this file's lock, when opening took it over."""
        return self._lock.took_over if self._lock is not None else None

    def save(self, path: Path | None = None) -> Path:
        """Write the project atomically to ``path`` (or where it was opened from).

        A new ``path`` gets the ``.specassist`` suffix and is locked before it is
        written; the lock on the old path is let go once the save succeeded.
        Raises ``ProjectSaveError`` (or ``ProjectLockedError``) with the work
        still open and unsaved and the file on disk untouched.
        """
        target = project_path(path) if path is not None else self.path
        if target is None:
            raise ProjectFileError("no file name given for a new project")
        lock = self._lock_for(target)
        try:
            with self.sessions.begin() as session:
                project = session.scalars(select(ProjectRow)).first()
                if project is not None:
                    project.updated_at = utcnow()
            self.write_copy(target)
        except BaseException:
            if lock is not self._lock:
                lock.release()
            raise
        if lock is not self._lock:
            if self._lock is not None:
                self._lock.release()
            self._lock = lock
        self.path = target
        self.dirty = False
        return target

    def _lock_for(self, target: Path) -> ProjectLock:
        if self._lock is not None and self._lock.path.resolve() == target.resolve():
            return self._lock
        try:
            return ProjectLock.acquire(target)
        except OSError as exc:
            raise ProjectSaveError(target, save_reason(exc, target), target.exists()) from exc

    def write_copy(self, target: Path) -> None:
        """Copy the working database to ``target`` atomically, leaving path and state alone.

        ``save`` writes through it; autosave calls it directly, so the user's own
        file is only written when they save. Raises ``ProjectSaveError``.
        """
        write_atomically(self._working.database, target)

    def close(self) -> None:
        self.engine.dispose()
        if self._lock is not None:
            self._lock.release()
            self._lock = None
        self._working.remove()

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


def _check_readable(path: Path, held: ProjectLock | None = None) -> None:
    problem = None
    if not path.exists():
        problem = f"{path}: file not found"
    elif path.is_dir():
        problem = f"{path}: is a folder, not a project file"
    else:
        try:
            with path.open("rb"):
                pass
        except OSError as exc:
            problem = f"{path}: cannot read it ({exc.strerror})"
    if problem is not None:
        if held is not None:
            held.release()
        raise ProjectFileError(problem)


def _lock_where_possible(path: Path) -> ProjectLock | None:
    try:
        return ProjectLock.acquire(path)
    except OSError as exc:  # no lock file can be made here, so no save can be either
        log.info("%s: opened without a lock: %s", path, exc)
        return None


def _working_copy(path: Path | None, held: ProjectLock | None) -> WorkingCopy:
    try:
        return WorkingCopy()
    except OSError as exc:
        if held is not None:
            held.release()
        raise ProjectFileError(
            f"{path or 'project'}: cannot make a working copy in the temporary folder "
            f"{tempfile.gettempdir()} ({exc.strerror})"
        ) from exc


def _copy_checked(path: Path, working: WorkingCopy) -> None:
    """Copy the file into the working folder and check it; nothing reads it before that."""
    try:
        copied = integrity.copy_counting(path, working.database)
    except OSError as exc:
        where = "the temporary folder is full" if exc.errno == errno.ENOSPC else exc.strerror
        raise ProjectFileError(f"{path}: cannot copy it to open it ({where})") from exc
    integrity.check_copy(path, copied)
    wal_mode = copied.header[18] == 2
    beside = Path(f"{path}-wal")
    if wal_mode and beside.exists():  # another program left committed changes in its log
        integrity.copy_counting(beside, Path(f"{working.database}-wal"))
    integrity.check_database(path, working.database)
    if wal_mode:
        connection = sqlite3.connect(working.database)
        try:
            connection.execute("PRAGMA journal_mode=DELETE")
        finally:
            connection.close()
