"""The private folder an open project is edited in, and the cleanup of folders left by crashes.

Each folder is named ``specassist-work-<pid>-<random>`` in the temporary folder
and holds ``owner.lock``, locked by its process for as long as the project is
open. A SpecAssist that is killed leaves its folder behind (a full copy of the
project) but its lock dies with it, so the next start removes every folder
whose lock it can take — and never one whose owner still runs.
"""

from __future__ import annotations

import logging
import os
import re
import shutil
import sys
import tempfile
import weakref
from pathlib import Path

from specassist.storage.file_lock import LockState, process_alive, try_lock, unlock

log = logging.getLogger(__name__)

PREFIX = "specassist-work-"
OWNER = "owner.lock"
DATABASE = "working.db"
_NAME = re.compile(re.escape(PREFIX) + r"(\d+)-")


class WorkingCopy:
    """A fresh folder, marked as this process's until ``remove``."""

    def __init__(self, temp: Path | None = None) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix=f"{PREFIX}{os.getpid()}-", dir=temp))
        self.database = self.folder / DATABASE
        owner = _locked_owner(self.folder)
        # Also runs when the interpreter exits with the project still open.
        self._finalizer = weakref.finalize(self, _remove_own, self.folder, owner)

    def remove(self) -> None:
        self._finalizer()


def _locked_owner(folder: Path) -> int:
    """Create ``owner.lock`` already locked, so a cleaner never finds it unlocked.

    On POSIX the file is locked under another name and renamed into place; a
    cleaner that looks in between finds no owner file and goes by the process
    id in the folder's name. Windows cannot rename an open file, so there it is
    locked in place, leaving a window of microseconds right after creation.
    """
    if sys.platform == "win32":
        owner = os.open(folder / OWNER, os.O_RDWR | os.O_CREAT, 0o600)
        try_lock(owner)
        return owner
    pending = folder / (OWNER + ".new")
    owner = os.open(pending, os.O_RDWR | os.O_CREAT, 0o600)
    try_lock(owner)  # UNSUPPORTED leaves the process id in the name to go by
    pending.replace(folder / OWNER)
    return owner


def _remove_own(folder: Path, owner: int) -> None:
    if sys.platform == "win32":  # Windows cannot delete an open file
        unlock(owner)
        os.close(owner)
        _remove_folder(folder)
    else:  # keep it locked while deleting, so a cleaner never sees it half gone
        _remove_folder(folder)
        os.close(owner)


def clean_stale_working_copies(temp: Path | None = None) -> list[Path]:
    """Remove the working folders of SpecAssist processes that ended without closing.

    Returns the folders removed. Folders of live processes, of other users and
    anything not named like a working folder are left alone.
    """
    base = temp or Path(tempfile.gettempdir())
    removed = []
    for folder in sorted(base.glob(PREFIX + "*")):
        match = _NAME.match(folder.name)
        if match is None or folder.is_symlink() or not folder.is_dir():
            continue
        if _remove_if_abandoned(folder, int(match.group(1))):
            removed.append(folder)
    return removed


def _remove_if_abandoned(folder: Path, pid: int) -> bool:
    try:
        fd = os.open(folder / OWNER, os.O_RDWR)
    except FileNotFoundError:  # killed before it could lock, or still starting
        if process_alive(pid):
            return False
        return _remove_folder(folder)
    except OSError:  # another user's folder
        return False
    try:
        state = try_lock(fd)
        if state is LockState.BUSY or (state is LockState.UNSUPPORTED and process_alive(pid)):
            return False
        if sys.platform == "win32":
            unlock(fd)
            os.close(fd)
            fd = -1
        return _remove_folder(folder)
    finally:
        if fd >= 0:
            os.close(fd)


def _remove_folder(folder: Path) -> bool:
    try:
        shutil.rmtree(folder)
    except FileNotFoundError:  # another cleaner got there first: gone is what was wanted
        return False
    except OSError as exc:
        log.warning("could not remove the working folder %s: %s", folder, exc)
        return False
    return True
