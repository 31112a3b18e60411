"""Second processes and a dropped privilege for the project-file fault tests."""

from __future__ import annotations

import os
import select
import shutil
import signal
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

WORKER = Path(__file__).with_name("project_worker.py")
ANSWER_TIMEOUT_S = 30.0
"""Longest wait for one line from a worker: its start-up (about 1.5 s on an idle machine)
on a shared two-core machine, with room to spare; a hung worker fails the test, not CI."""


class Worker:
    """A project_worker.py process: send it lines, read its answers, kill it."""

    def __init__(self, *args: str, temp: Path) -> None:
        env = {**os.environ, "TMPDIR": str(temp)}  # its working copies land where tests look
        self.process = subprocess.Popen(
            [sys.executable, str(WORKER), *args],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=env,
        )
        self._buffer = b""

    @property
    def pid(self) -> int:
        return self.process.pid

    def send(self, line: str) -> None:
        assert self.process.stdin is not None
        self.process.stdin.write(line.encode() + b"\n")
        self.process.stdin.flush()

    def answer(self, timeout: float = ANSWER_TIMEOUT_S) -> str:
        """The next line the worker prints; fails with its stderr if none comes in time."""
        assert self.process.stdout is not None
        fd = self.process.stdout.fileno()
        while b"\n" not in self._buffer:
            ready, _, _ = select.select([fd], [], [], timeout)
            chunk = os.read(fd, 65536) if ready else b""
            if not chunk:
                self.kill()
                raise AssertionError(f"worker gave no answer: {self.stderr()}")
            self._buffer += chunk
        line, _, self._buffer = self._buffer.partition(b"\n")
        return line.decode()

    def finish(self) -> str:
        """Close its input, wait for it to end, and return its stderr."""
        assert self.process.stdin is not None
        self.process.stdin.close()
        self.process.wait(timeout=ANSWER_TIMEOUT_S)
        return self.stderr()

    def kill(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=ANSWER_TIMEOUT_S)

    def stderr(self) -> str:
        assert self.process.stderr is not None
        if self.process.poll() is None:
            return "(still running)"
        return self.process.stderr.read().decode(errors="replace")


class Unprivileged:
    """Run part of a test as an ordinary user, so folder permissions apply even under root.

    Root may write anywhere, which would make a read-only-folder test pass for the
    wrong reason; as root the block runs with effective user and group 65534
    ("nobody") and everything it touches lives in a folder that user can reach.
    """

    NOBODY = 65534

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    @contextmanager
    def dropped(self) -> Iterator[None]:
        if os.geteuid() != 0:
            yield
            return
        os.setegid(self.NOBODY)
        os.seteuid(self.NOBODY)
        try:
            yield
        finally:
            os.seteuid(0)
            os.setegid(0)


def can_mount() -> bool:
    return sys.platform == "linux" and os.geteuid() == 0 and shutil.which("mount") is not None
