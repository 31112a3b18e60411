"""A save that cannot happen says why, keeps the open work and leaves the old file as it was."""

from __future__ import annotations

import errno
import os
import subprocess
from pathlib import Path

import pytest
from project_contents import settings, update_settings
from project_processes import Unprivileged, can_mount

from specassist.storage import atomic_save
from specassist.storage.atomic_save import temporary_path
from specassist.storage.project_file import ProjectFile, ProjectSaveError
from specassist.storage.project_lock import lock_path

PADDING = 3_000_000
"""More than the 2 MiB test disk holds: the save after adding it cannot fit."""


def _saved_then_changed(path: Path) -> tuple[ProjectFile, bytes]:
    project = ProjectFile.create("Site", path)
    project.save()
    update_settings(project, note="unsaved work")
    return project, path.read_bytes()


def _work_is_kept(project: ProjectFile, path: Path, before: bytes) -> None:
    assert project.dirty and settings(project)["note"] == "unsaved work"
    assert path.read_bytes() == before
    assert not temporary_path(path).exists()


def test_read_only_folder(unprivileged: Unprivileged) -> None:
    folder = unprivileged.folder / "projects"
    with unprivileged.dropped():
        folder.mkdir()
        path = folder / "site.specassist"
        project, before = _saved_then_changed(path)
        folder.chmod(0o555)
        try:
            with pytest.raises(ProjectSaveError) as failed:
                project.save()
            assert str(failed.value) == (
                f"cannot save {path}: no permission to write in {folder}; "
                "the file on disk is unchanged"
            )
            _work_is_kept(project, path, before)
            with pytest.raises(ProjectSaveError, match=r"no permission .* nothing was written"):
                project.save(folder / "copy")
            assert not (folder / "copy.specassist").exists()
            project.close()  # its lock file cannot be removed now; the next opener takes it over

            reopened = ProjectFile.open(path)  # opens, and says why it cannot save
            with reopened, pytest.raises(ProjectSaveError, match="no permission to write"):
                reopened.save()
            folder.chmod(0o755)
            with ProjectFile.open(path) as reopened:
                reopened.save()
            assert not lock_path(path).exists()
        finally:
            folder.chmod(0o755)


def test_read_only_file_is_refused_and_stays_read_only(tmp_path: Path) -> None:
    path = tmp_path / "site.specassist"
    project, before = _saved_then_changed(path)
    path.chmod(0o444)
    with project:
        with pytest.raises(ProjectSaveError, match=r"read-only \(-r--r--r--\); make it"):
            project.save()
        _work_is_kept(project, path, before)
    assert path.stat().st_mode & 0o777 == 0o444


@pytest.mark.parametrize("mode", [0o600, 0o640, 0o664])
def test_saving_keeps_the_files_permissions(tmp_path: Path, mode: int) -> None:
    path = tmp_path / "site.specassist"
    project, _ = _saved_then_changed(path)
    path.chmod(mode)
    with project:
        project.save()
    assert path.stat().st_mode & 0o777 == mode


def test_full_disk(
    small_disk: Path | None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On a real 2 MiB tmpfs where the test may mount one, else with a simulated ENOSPC."""
    folder = small_disk or tmp_path
    path = folder / "site.specassist"
    project, before = _saved_then_changed(path)
    update_settings(project, padding="p" * PADDING)
    if small_disk is None:

        def full(_temporary: Path) -> None:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(_temporary))

        monkeypatch.setattr(atomic_save, "stamp", full)
    with project:
        with pytest.raises(ProjectSaveError, match=r"the disk is full \(.* MB free in "):
            project.save()
        assert path.read_bytes() == before and not temporary_path(path).exists()
        assert project.dirty and settings(project)["padding"]
        monkeypatch.undo()  # the simulated disk has room again, too
        update_settings(project, padding="")
        project.save()  # the space the failed save took was given back
    with ProjectFile.open(path) as reopened:
        assert settings(reopened)["note"] == "unsaved work"


def test_read_only_drive(tmp_path: Path) -> None:
    """A project opened from a read-only drive opens, and saving there says why it cannot."""
    if not can_mount():
        pytest.skip("needs root and mount for a read-only view of a folder")
    writable, read_only = tmp_path / "rw", tmp_path / "ro"
    writable.mkdir()
    read_only.mkdir()
    with ProjectFile.create("Site", writable / "site.specassist") as project:
        project.save()
    subprocess.run(["mount", "--bind", str(writable), str(read_only)], check=True)
    try:
        subprocess.run(["mount", "-o", "remount,bind,ro", str(read_only)], check=True)
        path = read_only / "site.specassist"
        before = path.read_bytes()
        with ProjectFile.open(path) as project:
            update_settings(project, note="unsaved work")
            with pytest.raises(ProjectSaveError, match=f"the drive holding {read_only} is read"):
                project.save()
            _work_is_kept(project, path, before)
    finally:
        subprocess.run(["umount", str(read_only)], check=True)
