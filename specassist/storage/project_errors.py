"""What can go wrong with a project file, each worded so a front end can show it as it is.

Every error is a ``ProjectFileError``, so a caller that only wants "cannot open
or save" catches one class; the subclasses carry the file and the details a
caller may want to act on (who holds a lock, why a save failed).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from specassist.domain.issues import UserError


class ProjectFileError(UserError):
    """A project file cannot be opened or saved; ``str(error)`` is the message to show."""


@dataclass(frozen=True, slots=True)
class LockHolder:
    """Who has a project open for writing, as written in its lock file."""

    host: str
    pid: int
    user: str
    since: str
    """ISO 8601 time in UTC, to the minute, when the holder opened the project."""

    def describe(self) -> str:
        return f"user {self.user} on {self.host}, process {self.pid}, since {self.since} UTC"


class ProjectLockedError(ProjectFileError):
    """Another SpecAssist has the project open for writing."""

    def __init__(self, path: Path, holder: LockHolder | None, same_process: bool = False) -> None:
        self.path = path
        self.holder = holder
        if same_process:
            message = f"{path}: already open in this SpecAssist"
        else:
            who = f" ({holder.describe()})" if holder else ""
            message = (
                f"{path}: open in another SpecAssist{who}. Close it there first, "
                "or save your work under another name"
            )
        super().__init__(message)


class ProjectCorruptError(ProjectFileError):
    """The file is damaged; it was neither opened nor changed."""

    def __init__(self, path: Path, detail: str) -> None:
        self.path = path
        self.detail = detail
        super().__init__(
            f"{path}: the file is damaged ({detail}). It was not opened and has not been "
            "changed; restore it from a backup or an autosave"
        )


class ProjectSaveError(ProjectFileError):
    """A save failed; the open work and the file on disk are both as they were."""

    def __init__(self, path: Path, reason: str, existed: bool) -> None:
        self.path = path
        self.reason = reason
        kept = "the file on disk is unchanged" if existed else "nothing was written"
        super().__init__(f"cannot save {path}: {reason}; {kept}")
