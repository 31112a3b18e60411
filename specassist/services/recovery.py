"""Autosave and crash recovery: a copy of unsaved work beside the user's own file, never over it."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from specassist.services import projects
from specassist.services.projects import SUFFIX, Project


def autosave(project: Project, folder: Path, session_id: str) -> Path:
    """Copy the open project to the autosave folder, with a note of where it belongs."""
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{session_id}{SUFFIX}"
    project.write_copy(target)
    marker = folder / f"{session_id}.json"
    marker.write_text(
        json.dumps({"original": str(project.path) if project.path else None,
                    "name": projects.name(project)}),
        encoding="utf-8",
    )  # fmt: skip
    return target


@dataclass(frozen=True)
class Recoverable:
    autosave: Path
    original: Path | None
    name: str


def recoverable(folder: Path, except_session: str | None = None) -> list[Recoverable]:
    """Autosaves left by sessions that did not end cleanly."""
    found = []
    for marker in sorted(folder.glob("*.json")) if folder.exists() else []:
        if except_session and marker.stem == except_session:
            continue
        data = marker.with_suffix(SUFFIX)
        if not data.exists():
            continue
        try:
            info = json.loads(marker.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        original = Path(info["original"]) if info.get("original") else None
        found.append(Recoverable(data, original, str(info.get("name") or data.stem)))
    return found


def recover(item: Recoverable) -> Project:
    """Open an autosave as unsaved work belonging to its original file."""
    project = projects.open_unlocked(item.autosave)  # the first save locks the original
    project.path = item.original
    project.dirty = True
    discard_autosave(item.autosave.parent, item.autosave.stem)
    return project


def discard_autosave(folder: Path, session_id: str) -> None:
    for suffix in (SUFFIX, ".json"):
        (folder / f"{session_id}{suffix}").unlink(missing_ok=True)
