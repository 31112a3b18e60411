"""One writer per project: a second process is refused by name; a dead holder's lock is taken."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from project_contents import CAMERAS_PER_BATCH, camera_count
from project_processes import Worker

from specassist.cli import parse_args, run
from specassist.storage import project_lock
from specassist.storage.file_lock import LockState
from specassist.storage.project_file import ProjectFile, ProjectLockedError
from specassist.storage.project_lock import lock_path

ROUNDS = 10
"""Rounds in which two processes import into one project at the same moment. Ten rounds
take about 3 s; the first trials of the unlocked code lost an import in 14 of 30."""


def saved_project(folder: Path) -> Path:
    path = folder / "site.specassist"
    with ProjectFile.create("Site", path) as project:
        project.save()
    return path


def test_a_second_process_is_refused_with_the_holders_details(
    tmp_path: Path, surveys: Path, workers: list[Worker], private_temp: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    path = saved_project(tmp_path)
    holder = Worker("hold", str(path), temp=private_temp)
    workers.append(holder)
    assert json.loads(holder.answer())["pid"] == holder.pid
    with pytest.raises(ProjectLockedError) as refused:
        ProjectFile.open(path)
    assert refused.value.holder is not None
    assert (refused.value.holder.pid, refused.value.holder.host) == (
        holder.pid,
        socket.gethostname(),
    )
    message = str(refused.value)
    assert f"process {holder.pid}" in message and "since" in message and str(path) in message
    with pytest.raises(ProjectLockedError, match="open in another SpecAssist"):
        ProjectFile.create("Other").save(path)  # a Save As onto it is refused too

    status = run(parse_args(["import", str(surveys / "bad_cells.csv"), "--project", str(path)]))
    err = capsys.readouterr().err
    assert status == 1 and err.count("\n") == 1 and f"process {holder.pid}" in err

    assert "Traceback" not in holder.finish()
    assert not lock_path(path).exists()  # released when it closed
    with ProjectFile.open(path) as reopened:
        assert reopened.took_over is None


def test_a_lock_left_by_a_killed_process_is_taken_over(
    tmp_path: Path, workers: list[Worker], private_temp: Path
) -> None:
    path = saved_project(tmp_path)
    holder = Worker("hold", str(path), temp=private_temp)
    workers.append(holder)
    holder.answer()
    holder.kill()
    assert json.loads(lock_path(path).read_text())["pid"] == holder.pid  # left behind
    with ProjectFile.open(path) as project:
        assert project.took_over is not None and project.took_over.pid == holder.pid
        assert json.loads(lock_path(path).read_text())["pid"] != holder.pid
    assert not lock_path(path).exists()


def test_two_processes_importing_at_once_lose_nothing(
    tmp_path: Path, workers: list[Worker], private_temp: Path
) -> None:
    path = tmp_path / "site.specassist"  # neither finds it: both race to create it, too
    racers = [Worker("race", str(path), temp=private_temp) for _ in range(2)]
    workers.extend(racers)
    assert [r.answer() for r in racers] == ["ready", "ready"]
    outcomes = []
    for _ in range(ROUNDS):
        for racer in racers:
            racer.send("go")
        outcomes.append([r.answer() for r in racers])
    assert all("Traceback" not in r.finish() for r in racers)

    saved = sum(o == "ok" for round_ in outcomes for o in round_)
    refused = [o for round_ in outcomes for o in round_ if o != "ok"]
    assert all("ok" in round_ for round_ in outcomes)  # a refusal always has a winner
    for message in refused:
        assert message.startswith("locked\t") and "open in another SpecAssist" in message
        assert any(f"process {r.pid}," in message for r in racers)
    with ProjectFile.open(path) as project:
        cameras = camera_count(project)
    assert cameras == CAMERAS_PER_BATCH * saved  # every import reported as saved is in the file
    print(f"{ROUNDS} rounds: {saved} imports saved, {len(refused)} refused, {cameras} cameras")


def test_one_process_may_reopen_the_file_it_has_open(tmp_path: Path) -> None:
    path = saved_project(tmp_path)
    first = ProjectFile.open(path)
    second = ProjectFile.open(path)  # the app reopening the file it shows
    first.close()
    assert lock_path(path).exists()
    second.close()
    assert not lock_path(path).exists()


def test_without_os_locks_the_holders_process_decides(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(project_lock, "try_lock", lambda _fd: LockState.UNSUPPORTED)
    path = saved_project(tmp_path)
    ended = subprocess.Popen([sys.executable, "-c", "pass"])
    ended.wait()

    def left_by(host: str, pid: int) -> None:
        lock_path(path).write_text(json.dumps({"host": host, "pid": pid, "user": "u",
                                               "since": "2026-01-05 08:00"}))  # fmt: skip

    left_by(socket.gethostname(), ended.pid)
    with ProjectFile.open(path) as project:
        assert project.took_over is not None and project.took_over.pid == ended.pid
    left_by(socket.gethostname(), 1)  # alive: init
    with pytest.raises(ProjectLockedError, match="process 1,"):
        ProjectFile.open(path)
    left_by("another-laptop", ended.pid)  # cannot be checked from here, so it counts
    with pytest.raises(ProjectLockedError, match="another-laptop"):
        ProjectFile.open(path)
