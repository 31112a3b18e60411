"""Advisory locks held through an open file, which the operating system drops when a process dies.

A lock that dies with its process needs no guessing about whether a holder
is still alive: a lock file left by a killed SpecAssist is simply unlocked.
POSIX systems use ``flock`` (per open file, so two opens in one process also
exclude each other; NFS emulates it with POSIX record locks). Windows locks
one byte far past the end with ``msvcrt.locking``, leaving the text at the
start of the file readable to the process that is refused. Filesystems that
cannot lock at all report ``UNSUPPORTED`` and callers fall back on
``process_alive``.
"""

from __future__ import annotations

import errno
import os
import sys
from enum import Enum

WINDOWS_LOCK_OFFSET = 1 << 30
"""Windows byte-range locks are mandatory; locking a byte 1 GiB in, far beyond any lock
file's text, keeps the holder's details readable to the process that is refused."""

_NO_LOCKING = {errno.ENOLCK, errno.EOPNOTSUPP, errno.ENOTSUP, errno.EINVAL, errno.ENOSYS}
"""What a filesystem without lock support answers (NFS without lockd, some FUSE mounts)."""


class LockState(Enum):
    HELD = "held"
    BUSY = "busy"
    UNSUPPORTED = "unsupported"


def try_lock(fd: int) -> LockState:
    """Take an exclusive lock on an open file without waiting."""
    if sys.platform == "win32":
        import msvcrt

        os.lseek(fd, WINDOWS_LOCK_OFFSET, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError as exc:
            if exc.errno in (errno.EACCES, errno.EDEADLOCK):
                return LockState.BUSY
            raise
        return LockState.HELD
    import fcntl

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return LockState.BUSY
    except OSError as exc:
        if exc.errno in _NO_LOCKING:
            return LockState.UNSUPPORTED
        raise
    return LockState.HELD


def unlock(fd: int) -> None:
    """Let go of the lock before closing (closing alone is enough on POSIX)."""
    if sys.platform == "win32":
        import msvcrt

        os.lseek(fd, WINDOWS_LOCK_OFFSET, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)


def process_alive(pid: int) -> bool:
    """Whether a process with this id runs on this machine; unsure counts as alive."""
    if sys.platform == "win32" or pid <= 0:
        return True  # os.kill(pid, 0) would terminate the process on Windows
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # it exists, under another user
    return True
