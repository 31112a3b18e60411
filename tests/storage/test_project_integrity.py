"""A damaged project is refused before it is read or saved over; stale side files do no harm."""

from __future__ import annotations

import random
import shutil
import sqlite3
from pathlib import Path

import pytest
from project_contents import add_cameras, camera_count, project_name, settings, update_settings

from specassist.cli import parse_args, run
from specassist.storage.atomic_save import temporary_path
from specassist.storage.integrity import APPLICATION_ID, CHANGE_COUNTER
from specassist.storage.project_file import (
    ProjectCorruptError,
    ProjectFile,
    ProjectFileError,
    project_path,
)

FLIPS = 60
"""Single-bit flips at seeded random places in a 0.5 MB project: each opens in ~20 ms."""
UNCHECKED = set(range(CHANGE_COUNTER, CHANGE_COUNTER + 4)) | set(
    range(APPLICATION_ID, APPLICATION_ID + 4)
)
"""The only bytes a flip may hit unnoticed: SQLite's change counter and the stamp's mark,
where a flip changes no data (the file is then judged by SQLite's quick_check alone)."""


def dump(path: Path) -> list[tuple[object, ...]]:
    """Every row of every table, read through SQLite: what "the same data" means here."""
    connection = sqlite3.connect(path)
    try:
        query = "select name from sqlite_master where type = 'table' order by name"
        tables = [r[0] for r in connection.execute(query)]
        return [(t, *row) for t in tables for row in connection.execute(f'select * from "{t}"')]
    finally:
        connection.close()


@pytest.fixture
def project_with_cameras(tmp_path: Path) -> Path:
    path = tmp_path / "site.specassist"
    with ProjectFile.create("Site", path) as project:
        add_cameras(project, "C")
        project.save()
    return path


def test_every_flipped_bit_is_refused_or_changes_nothing(project_with_cameras: Path) -> None:
    original = project_with_cameras.read_bytes()
    expected = dump(project_with_cameras)
    flipped = project_with_cameras.with_name("flipped.specassist")
    rng = random.Random(20261127)
    refused = 0
    for offset in [*rng.sample(range(len(original)), FLIPS), 60, 100, 4096]:
        data = bytearray(original)
        data[offset] ^= 1 << rng.randrange(8)
        flipped.write_bytes(data)
        try:
            with ProjectFile.open(flipped) as project:
                assert offset in UNCHECKED, f"a flip at byte {offset} went unnoticed"
                project.save()
            assert dump(flipped) == expected
        except ProjectCorruptError as exc:
            assert "damaged" in str(exc) and str(flipped) in str(exc)
            refused += 1
        except ProjectFileError as exc:  # a flip in the first 16 bytes: no longer SQLite
            assert offset < 16 and "not an SQLite file" in str(exc)
            refused += 1
    assert refused >= FLIPS  # all but flips into the change counter or the mark
    print(f"bit flips: {refused} of {FLIPS + 3} refused as damaged, none read back wrong")


def test_the_cli_never_imports_into_a_damaged_project(
    project_with_cameras: Path, surveys: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = bytearray(project_with_cameras.read_bytes())
    data[len(data) // 2] ^= 0x10
    project_with_cameras.write_bytes(data)
    status = run(parse_args(["import", str(surveys / "bad_cells.csv"),
                             "--project", str(project_with_cameras)]))  # fmt: skip
    assert status == 1 and "the file is damaged (its checksum" in capsys.readouterr().err
    assert project_with_cameras.read_bytes() == data  # not re-saved


def test_a_cut_short_file_says_so(project_with_cameras: Path) -> None:
    data = project_with_cameras.read_bytes()
    for length in (len(data) // 2, 4096 * 3):  # mid-page, and on a page boundary
        project_with_cameras.write_bytes(data[:length])
        with pytest.raises(ProjectCorruptError, match=f"cut short: {length} of its"):
            ProjectFile.open(project_with_cameras)


def test_files_saved_before_the_checksum_are_checked_by_sqlite(project_with_cameras: Path) -> None:
    """An unstamped file still opens; damage to its structure is caught by quick_check."""
    data = bytearray(project_with_cameras.read_bytes())
    data[APPLICATION_ID : APPLICATION_ID + 4] = bytes(4)  # as saved by earlier versions
    project_with_cameras.write_bytes(data)
    with ProjectFile.open(project_with_cameras) as project:
        assert camera_count(project) == 5
    page = int.from_bytes(data[16:18])
    connection = sqlite3.connect(project_with_cameras)
    root = connection.execute("select rootpage from sqlite_master "
                              "where name = 'survey_cameras'").fetchone()[0]  # fmt: skip
    connection.close()
    start = (root - 1) * page
    data[start + 8 : start + 64] = bytes(range(56))  # garble the table's b-tree page
    project_with_cameras.write_bytes(data)
    with pytest.raises(ProjectCorruptError, match="SQLite"):
        ProjectFile.open(project_with_cameras)


def test_a_stale_wal_beside_the_project_is_never_replayed(
    project_with_cameras: Path, tmp_path: Path
) -> None:
    other = tmp_path / "other.db"
    writer = sqlite3.connect(other)
    writer.execute("pragma journal_mode=wal")
    writer.execute("create table t (x)")
    writer.executemany("insert into t values (?)", [(i,) for i in range(500)])
    writer.commit()
    stale = Path(f"{project_with_cameras}-wal")
    shutil.copyfile(Path(f"{other}-wal"), stale)  # a log from another database
    writer.close()
    Path(f"{project_with_cameras}-shm").write_bytes(bytes(32768))

    with ProjectFile.open(project_with_cameras) as project:
        assert camera_count(project) == 5
        project.save()
    assert not stale.exists() and not Path(f"{project_with_cameras}-shm").exists()
    assert sqlite3.connect(project_with_cameras).execute("pragma quick_check").fetchall() == [
        ("ok",)
    ]
    with ProjectFile.open(project_with_cameras) as project:
        assert camera_count(project) == 5


def test_changes_another_program_left_in_a_wal_are_kept(project_with_cameras: Path) -> None:
    editor = sqlite3.connect(project_with_cameras)
    editor.execute("pragma journal_mode=wal")
    editor.execute("pragma wal_autocheckpoint=0")
    editor.execute("update projects set name = 'Edited elsewhere'")
    editor.commit()
    copy = project_with_cameras.with_name("copy.specassist")
    shutil.copyfile(project_with_cameras, copy)  # as a sync tool copies the pair mid-session
    shutil.copyfile(Path(f"{project_with_cameras}-wal"), Path(f"{copy}-wal"))
    editor.close()
    with ProjectFile.open(copy) as project:
        assert project_name(project) == "Edited elsewhere"
        project.save()
    assert sqlite3.connect(copy).execute("pragma journal_mode").fetchone() == ("delete",)


def test_a_leftover_tmp_never_blocks_a_save(project_with_cameras: Path) -> None:
    leftover = temporary_path(project_with_cameras)
    leftover.write_bytes(b"half a project " * 5000)
    Path(f"{leftover}-journal").write_bytes(b"\xd9\xd5\x05\xf9\x20\xa1\x63\xd7" * 64)
    with ProjectFile.open(project_with_cameras) as project:
        update_settings(project, note="after the crash")
        project.save()
    assert not leftover.exists() and not Path(f"{leftover}-journal").exists()
    with ProjectFile.open(project_with_cameras) as project:
        assert settings(project)["note"] == "after the crash"


def test_the_suffix_is_added_the_same_way_everywhere(tmp_path: Path, surveys: Path) -> None:
    assert project_path(Path("site")) == Path("site.specassist")
    assert project_path(Path("site.v2")) == Path("site.v2.specassist")
    assert project_path(Path("Site.SPECASSIST")) == Path("Site.SPECASSIST")
    bare = tmp_path / "site"
    for _ in range(2):
        args = parse_args(["import", str(surveys / "bad_cells.csv"), "--project", str(bare),
                           "--mode", "add"])  # fmt: skip
        assert run(args) == 0
    with ProjectFile.open(tmp_path / "site.specassist") as project:
        assert camera_count(project) == 10  # the second run added to the first
        assert project_name(project) == "site"
    with ProjectFile.create("x") as project:
        assert project.save(tmp_path / "other") == tmp_path / "other.specassist"


def test_a_folder_or_an_unreadable_file_is_a_clear_error(tmp_path: Path) -> None:
    folder = tmp_path / "folder.specassist"
    folder.mkdir()
    with pytest.raises(ProjectFileError, match="is a folder"):
        ProjectFile.open(folder)
