"""A SpecAssist killed while saving leaves a whole file; its working copy goes at the next start."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from project_processes import Worker
from sqlalchemy import select

from specassist.storage.atomic_save import temporary_path
from specassist.storage.models import ProjectRow
from specassist.storage.project_file import ProjectFile
from specassist.storage.working_copy import PREFIX, clean_stale_working_copies

KILLS = 8
PADDING = 3_000_000
"""Each save writes a ~3.5 MB file, which takes tens of milliseconds, while the edit between
two saves is one small row: most kills at a random moment land inside a save."""
LONGEST_DELAY_S = 0.3


def counter_in(path: Path) -> int | None:
    with ProjectFile.open(path) as project, project.sessions() as session:
        settings = session.scalars(select(ProjectRow)).one().settings or {}
    return settings.get("counter")


def test_kill_during_save_leaves_the_old_or_the_new_file(
    tmp_path: Path, workers: list[Worker], private_temp: Path
) -> None:
    path = tmp_path / "site.specassist"
    with ProjectFile.create("Site", path) as project:
        project.save()
    with ProjectFile.create("Other", tmp_path / "other.specassist") as other:
        other.save()
    bystander = Worker("hold", str(tmp_path / "other.specassist"), temp=private_temp)
    workers.append(bystander)
    live_folder = Path(json.loads(bystander.answer())["folder"])

    savers = Worker("forks", str(path), str(PADDING), temp=private_temp)
    workers.append(savers)
    assert savers.answer() == "ready"
    rng = random.Random(889)
    mid_save = 0
    for _ in range(KILLS):
        savers.send("fork")
        child = json.loads(savers.answer())
        saved = [int(savers.answer())]  # it has saved once: a stale .tmp never blocks a save
        time.sleep(rng.uniform(0, LONGEST_DELAY_S))
        os.kill(child["pid"], signal.SIGKILL)
        savers.send("reap")
        while (line := savers.answer()) != f"reaped {signal.SIGKILL}":
            saved.append(int(line))
        mid_save += temporary_path(path).exists()

        on_disk = counter_in(path)  # opens: header, checksum and quick_check all pass
        assert on_disk in (saved[-1], saved[-1] + 1)  # the last save reported, or one after

        folder = Path(child["folder"])
        assert folder.exists()
        assert folder in clean_stale_working_copies()
        assert not folder.exists() and live_folder.exists()  # a live process's copy stays

    assert "Traceback" not in bystander.finish()
    assert not list(private_temp.iterdir())
    print(f"kill -9 during saves: {KILLS}/{KILLS} intact, {mid_save} killed inside a save")


def test_cleaning_goes_by_the_process_id_while_a_folder_has_no_owner_file(
    private_temp: Path,
) -> None:
    ended = subprocess.Popen([sys.executable, "-c", "pass"])
    ended.wait()
    starting = private_temp / f"{PREFIX}{os.getpid()}-abc"  # being created right now
    crashed = private_temp / f"{PREFIX}{ended.pid}-abc"  # died before it could lock
    unrelated = private_temp / "specassist-work-notes"
    for folder in (starting, crashed, unrelated):
        folder.mkdir()
        (folder / "working.db").write_bytes(b"x")
    assert clean_stale_working_copies() == [crashed]
    assert starting.exists() and unrelated.exists()
