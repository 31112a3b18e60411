"""Write a working database over a project file so that the file is always whole: old or new.

The copy goes to ``<file>.tmp`` through SQLite's ``VACUUM INTO``, is checked with
``quick_check`` (a damaged working copy is never saved), stamped with its
checksum, given the old file's permissions and renamed over the file in one
``os.replace``, which is atomic on every platform SpecAssist runs on. Whatever
stops a save — a full disk, a read-only folder, a kill — leaves the previous
file as it was; every failure is one ``ProjectSaveError`` worded for the user.
"""

from __future__ import annotations

import errno
import logging
import os
import shutil
import sqlite3
import stat
import sys
from pathlib import Path

from specassist.storage.integrity import quick_check, stamp
from specassist.storage.project_errors import ProjectSaveError

log = logging.getLogger(__name__)

SQLITE_SIDE_FILES = ("-journal", "-wal", "-shm")
"""Files SQLite keeps beside a database. Beside a project file they are always stale,
since SpecAssist never opens the file in place; left there, SQLite would replay a stale
``-wal`` into the new file the next time any program opened it."""

_SQLITE_FULL, _SQLITE_CANTOPEN, _SQLITE_READONLY = 13, 14, 8
"""Primary result codes, https://www.sqlite.org/rescode.html."""


class _Refused(Exception):
    """A save that must not start; the message is the reason."""


def temporary_path(target: Path) -> Path:
    return target.with_name(target.name + ".tmp")


def write_atomically(working: Path, target: Path) -> None:
    """Replace ``target`` by a checked copy of the database ``working``."""
    existed = target.exists()
    temporary = temporary_path(target)
    try:
        _refuse_read_only(target, existed)
        remove_side_files(temporary, with_main=True)
        _copy_compacted(working, temporary)
        stamp(temporary)
        if existed:
            temporary.chmod(stat.S_IMODE(target.stat().st_mode))
        remove_side_files(target, with_main=False)
        temporary.replace(target)  # os.replace: atomic
    except (OSError, sqlite3.Error, _Refused) as exc:
        _discard(temporary, exc)
        raise ProjectSaveError(target, save_reason(exc, target), existed) from exc
    sync_folder(target.parent)


def remove_side_files(database: Path, with_main: bool) -> None:
    """Delete SQLite's side files of ``database`` (and the file itself when asked)."""
    for suffix in ("", *SQLITE_SIDE_FILES) if with_main else SQLITE_SIDE_FILES:
        Path(f"{database}{suffix}").unlink(missing_ok=True)


def _refuse_read_only(target: Path, existed: bool) -> None:
    if existed and not _read_only_drive(target.parent):
        mode = target.stat().st_mode
        if not mode & 0o222 or not _may_write(target):
            raise _Refused(
                f"the file is read-only ({stat.filemode(mode)}); make it writable "
                "or save under another name"
            )


def _copy_compacted(working: Path, temporary: Path) -> None:
    """``VACUUM INTO``: a consistent copy without free pages, so removing photos shrinks the file.

    It takes about as long as SQLite's backup (0.19 s against 0.16 s for a 74 MB
    project of photos and 100,000 camera rows, SQLite 3.40 on the development
    machine) and lets a user who filled the disk free space by deleting work.
    """
    source = sqlite3.connect(working)
    try:
        source.execute("VACUUM INTO ?", (str(temporary),))
    finally:
        source.close()
    destination = sqlite3.connect(temporary)
    try:
        problems = quick_check(destination)
    finally:
        destination.close()
    if problems is not None:
        raise _Refused(f"the open project failed SQLite's integrity check ({problems})")


def save_reason(exc: BaseException, target: Path) -> str:
    """What went wrong, in the user's words, with the folder or file it concerns."""
    folder = target.parent
    code = getattr(exc, "errno", None)
    if isinstance(exc, sqlite3.Error):
        code = {
            _SQLITE_FULL: errno.ENOSPC,
            _SQLITE_READONLY: errno.EROFS,
            _SQLITE_CANTOPEN: _cannot_create(folder),
        }.get(getattr(exc, "sqlite_errorcode", 0) & 0xFF)
    if isinstance(exc, _Refused):
        return str(exc)
    if code is None:
        return f"{exc} (writing {temporary_path(target)})"
    if code in (errno.ENOSPC, errno.EDQUOT):
        return f"the disk is full ({_free(folder)} free in {folder})"
    if code == errno.EROFS or _read_only_drive(folder):
        return f"the drive holding {folder} is read-only"
    if code in (errno.EACCES, errno.EPERM):
        return f"no permission to write in {folder}"
    if code == errno.ENOENT and not folder.is_dir():
        return f"the folder {folder} does not exist"
    where = getattr(exc, "filename", None)
    return f"{os.strerror(code)} ({where or folder})"


def _cannot_create(folder: Path) -> int | None:
    """SQLite says only "unable to open database file"; find out why."""
    if not folder.is_dir():
        return errno.ENOENT
    if _read_only_drive(folder):
        return errno.EROFS
    return errno.EACCES if not _may_write(folder) else None


def _may_write(path: Path) -> bool:
    """Asked for the effective user, the one who writes (setuid programs have two users)."""
    effective = os.access in os.supports_effective_ids
    return os.access(path, os.W_OK, effective_ids=effective)


def _read_only_drive(folder: Path) -> bool:
    if sys.platform == "win32" or not folder.is_dir():
        return False
    return bool(os.statvfs(folder).f_flag & os.ST_RDONLY)


def _free(folder: Path) -> str:
    try:
        free = shutil.disk_usage(folder).free
    except OSError:
        return "no space"
    return f"{free / 1e6:.1f} MB"


def _discard(temporary: Path, cause: BaseException) -> None:
    """Give a full disk its space back; a failure here is noted on the error being raised."""
    try:
        remove_side_files(temporary, with_main=True)
    except OSError as exc:
        cause.add_note(f"the partial copy {temporary} could not be removed: {exc}")
        log.warning("could not remove %s after a failed save: %s", temporary, exc)


def sync_folder(folder: Path) -> None:
    """Make the rename durable. The file is already in place, so a failure is only logged."""
    if sys.platform == "win32":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
    except OSError as exc:  # some network filesystems cannot sync a folder
        log.info("could not sync folder %s: %s", folder, exc)
