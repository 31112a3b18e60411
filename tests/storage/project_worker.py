"""A second SpecAssist process for the fault tests: holds, saves or races for a project file.

Run as ``python project_worker.py COMMAND PROJECT [ARG]``; it answers on stdout
one line at a time and takes its cues from stdin, so a test can line up two
processes and release them together. Every loop is bounded in count and time.
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

LIMIT_S = 60.0
"""No worker outlives a minute, even when the test that started it has died."""


def say(text: str) -> None:
    print(text, flush=True)


def hold(path: Path) -> None:
    """Open the project (taking its lock), report, and keep it open until stdin closes."""
    from specassist.storage.project_file import ProjectFile

    with ProjectFile.open(path) as project:
        say(json.dumps({"pid": os.getpid(), "folder": str(project.working_folder)}))
        sys.stdin.read()


def saves(path: Path, padding: int) -> None:
    """Save over and over, each save a new counter, until killed.

    ``padding`` random bytes, stored once in a table of their own, make every
    save write a file that size while each edit between saves stays small.
    """
    from sqlalchemy import select, text

    from specassist.storage.models import ProjectRow
    from specassist.storage.project_file import ProjectFile

    started = time.monotonic()
    with ProjectFile.open(path) as project:
        with project.transaction() as session:
            session.execute(text("CREATE TABLE IF NOT EXISTS padding (data BLOB)"))
            session.execute(text("DELETE FROM padding"))
            session.execute(text("INSERT INTO padding VALUES (:data)"),
                            {"data": os.urandom(padding)})  # fmt: skip
        say(json.dumps({"pid": os.getpid(), "folder": str(project.working_folder)}))
        for counter in range(1, 100_000):
            if time.monotonic() - started > LIMIT_S:
                break
            with project.transaction() as session:
                session.scalars(select(ProjectRow)).one().settings = {"counter": counter}
            project.save()
            say(str(counter))


def forks(path: Path, padding: int) -> None:
    """On each "fork" line, start a child that runs ``saves``; on "reap", wait for it to die.

    The modules are imported once here, so each child starts saving within
    milliseconds and a test can kill many savers without paying for start-ups.
    """
    import specassist.storage.project_file  # noqa: F401  (loaded before forking)

    say("ready")
    started = time.monotonic()
    child = 0
    for line in sys.stdin:
        if time.monotonic() - started > LIMIT_S:
            break
        if line.strip() == "fork":
            child = os.fork()
            if child == 0:
                try:
                    saves(path, padding)
                finally:
                    os._exit(0)
        elif line.strip() == "reap":
            _, status = os.waitpid(child, 0)
            say(f"reaped {status}")


def race(path: Path) -> None:
    """On each "go" line, open or create the project, add five cameras and save it."""
    from project_contents import add_cameras

    from specassist.storage.project_file import ProjectFile, ProjectLockedError

    say("ready")
    started = time.monotonic()
    for round_, line in enumerate(sys.stdin):
        if line.strip() != "go" or time.monotonic() - started > LIMIT_S:
            break
        try:
            with ProjectFile.open_or_create(path, "Site") as project:
                add_cameras(project, f"{os.getpid()}-{round_}")
                project.save()
        except ProjectLockedError as exc:
            say(f"locked\t{exc}")
        else:
            say("ok")


if __name__ == "__main__":
    command, project = sys.argv[1], Path(sys.argv[2])
    if command == "hold":
        hold(project)
    elif command == "saves":
        saves(project, int(sys.argv[3]))
    elif command == "forks":
        forks(project, int(sys.argv[3]))
    elif command == "race":
        race(project)
    else:
        raise SystemExit(f"unknown command {command!r}")
