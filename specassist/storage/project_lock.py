"""One writer per project file: a lock file beside it, naming who holds it.

``site.specassist.lock`` is created when a project is opened (or first saved)
and removed when it is closed. The holder keeps it locked with an operating
system lock (``file_lock``), so a second SpecAssist is refused with the
holder's user, host, process and start time, while a lock file left by a
process that died is unlocked and simply taken over. Within one process the
lock is shared and counted: the app may reopen the file it has open.
"""

from __future__ import annotations

import getpass
import json
import logging
import os
import socket
import sys
import threading
import time
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path

from specassist.storage.file_lock import LockState, process_alive, try_lock, unlock
from specassist.storage.project_errors import LockHolder, ProjectFileError, ProjectLockedError

log = logging.getLogger(__name__)

LOCK_SUFFIX = ".lock"
ATTEMPTS = 3
"""Each retry follows a lock file that was removed and recreated between our open and our
lock (its holder closed just then); three covers two such closes in a row."""
READ_RETRIES = 3
READ_PAUSE_S = 0.02
"""A holder writes its details right after locking; a reader that finds the text half
written waits 20 ms up to three times, far longer than writing ~150 bytes takes."""


def lock_path(project: Path) -> Path:
    return project.with_name(project.name + LOCK_SUFFIX)


def this_holder() -> LockHolder:
    try:
        user = getpass.getuser()
    except (KeyError, OSError):  # no login name in the environment nor the user database
        user = str(os.getuid()) if hasattr(os, "getuid") else "unknown"
    since = datetime.now(UTC).strftime("%Y-%m-%d %H:%M")
    return LockHolder(socket.gethostname(), os.getpid(), user, since)


@dataclass
class _Held:
    fd: int
    file: Path
    count: int


_held: dict[str, _Held] = {}
_guard = threading.Lock()


class ProjectLock:
    """This process's hold on one project path; ``release`` it once."""

    def __init__(self, project: Path, key: str, took_over: LockHolder | None) -> None:
        self.path = project
        self._key = key
        self.took_over = took_over
        """The holder of a stale lock this one replaced (a SpecAssist that died), if any."""
        self._released = False

    @classmethod
    def acquire(cls, project: Path) -> ProjectLock:
        """Lock ``project`` for writing, or raise ``ProjectLockedError`` naming the holder.

        Raises ``OSError`` when the lock file cannot be created (a read-only folder).
        """
        file = lock_path(project)
        key = str(file.resolve())
        with _guard:
            held = _held.get(key)
            if held is not None:
                held.count += 1
                return cls(project, key, None)
            for _ in range(ATTEMPTS):
                fd = os.open(file, os.O_RDWR | os.O_CREAT, 0o644)
                try:
                    previous = _claim(fd, file, project)
                except BaseException:
                    os.close(fd)
                    raise
                if previous is _REPLACED:
                    os.close(fd)
                    continue
                _held[key] = _Held(fd, file, 1)
                took_over = previous if isinstance(previous, LockHolder) else None
                if took_over is not None:
                    log.warning("%s: took over the lock left by %s (no longer running)",
                                project, took_over.describe())  # fmt: skip
                return cls(project, key, took_over)
        raise ProjectFileError(f"{project}: cannot lock it; its lock file {file} keeps changing")

    def release(self) -> None:
        if self._released:
            return
        self._released = True
        with _guard:
            held = _held[self._key]
            held.count -= 1
            if held.count:
                return
            del _held[self._key]
            _remove(held)


class _Replaced:
    """The lock file was unlinked by its previous holder between our open and our lock."""


_REPLACED = _Replaced()


def _claim(fd: int, file: Path, project: Path) -> LockHolder | _Replaced | None:
    """Lock the open lock file and write our details; returns the stale holder it replaced."""
    state = try_lock(fd)
    if state is LockState.BUSY:
        holder = _read_holder(fd, retry=True)
        same = holder is not None and holder.pid == os.getpid() and holder.host == _host()
        raise ProjectLockedError(project, holder, same_process=same)
    previous = _read_holder(fd, retry=False)
    if state is LockState.UNSUPPORTED and previous is not None and _may_be_alive(previous):
        raise ProjectLockedError(project, previous)
    if not _same_file(fd, file):
        return _REPLACED
    text = json.dumps(asdict(this_holder())).encode()
    os.lseek(fd, 0, os.SEEK_SET)
    os.write(fd, text)
    os.ftruncate(fd, len(text))
    return previous


def _read_holder(fd: int, retry: bool) -> LockHolder | None:
    for attempt in range(READ_RETRIES if retry else 1):
        if attempt:
            time.sleep(READ_PAUSE_S)
        os.lseek(fd, 0, os.SEEK_SET)
        text = os.read(fd, 4096)
        try:
            data = json.loads(text)
            return LockHolder(str(data["host"]), int(data["pid"]), str(data["user"]),
                              str(data["since"]))  # fmt: skip
        except (ValueError, KeyError, TypeError):
            continue  # empty, half written, or not ours
    return None


def _host() -> str:
    return socket.gethostname()


def _may_be_alive(holder: LockHolder) -> bool:
    """Without OS locks: a holder on another machine cannot be checked, so it counts as alive."""
    return holder.host != _host() or process_alive(holder.pid)


def _same_file(fd: int, file: Path) -> bool:
    try:
        on_disk = file.stat()
    except FileNotFoundError:
        return False
    mine = os.fstat(fd)
    return (mine.st_dev, mine.st_ino) == (on_disk.st_dev, on_disk.st_ino)


def _remove(held: _Held) -> None:
    """Remove the lock file, then let go of it, so no one can lock a file about to vanish.

    Windows cannot remove an open file, so there the order is reversed.
    """
    if sys.platform == "win32":
        unlock(held.fd)
        os.close(held.fd)
    try:
        held.file.unlink(missing_ok=True)
    except OSError as exc:  # the next opener finds it unlocked and takes it over
        log.warning("could not remove the lock file %s: %s", held.file, exc)
    if sys.platform != "win32":
        os.close(held.fd)
