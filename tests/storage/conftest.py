"""Fixtures for the project-file fault tests: second processes, and a small disk to fill."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from project_processes import Unprivileged, Worker, can_mount


@pytest.fixture
def workers(tmp_path: Path) -> Iterator[list[Worker]]:
    """Start workers with ``workers.append(Worker(...))``; all are killed at the end."""
    started: list[Worker] = []
    yield started
    for worker in started:
        worker.kill()
        for stream in (worker.process.stdin, worker.process.stdout, worker.process.stderr):
            if stream is not None:
                stream.close()


@pytest.fixture
def private_temp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """This process's temporary folder, so working copies are counted without anyone else's."""
    temp = tmp_path / "temp"
    temp.mkdir()
    monkeypatch.setenv("TMPDIR", str(temp))
    monkeypatch.setattr("tempfile.tempdir", None)  # re-read TMPDIR
    return temp


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path | None]:
    """A 2 MiB tmpfs (four empty projects) when the test may mount one, else None."""
    if not can_mount():
        yield None
        return
    folder = tmp_path / "small-disk"
    folder.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=2m,mode=0755", "tmpfs", str(folder)],
        capture_output=True,
        check=False,
    )
    if mounted.returncode:
        yield None
        return
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], capture_output=True, check=False)


@pytest.fixture
def unprivileged(monkeypatch: pytest.MonkeyPatch) -> Iterator[Unprivileged]:
    """A folder everyone may use, with the temporary folder inside it (see ``Unprivileged``)."""
    base = Path(tempfile.mkdtemp(prefix="specassist-test-"))
    base.chmod(0o777)
    temp = base / "temp"
    temp.mkdir()
    temp.chmod(0o777)
    monkeypatch.setenv("TMPDIR", str(temp))
    monkeypatch.setattr("tempfile.tempdir", None)
    try:
        yield Unprivileged(base)
    finally:
        for folder in base.rglob("*"):
            if folder.is_dir():
                folder.chmod(0o755)
        shutil.rmtree(base)
