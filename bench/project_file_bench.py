"""Open and save a large project and print how long each step takes.

Usage: python bench/project_file_bench.py [CAMERAS] [PHOTO_MB]   (default 50000 cameras, 100 MB)

Saving is a compacted copy (VACUUM INTO), SQLite's quick_check of the copy, a
CRC-32 stamp and a rename; opening is a copy that computes the CRC, the header
checks and quick_check of the copy. The steps are timed on their own as well,
so a slow save can be traced to the one that grew. Photos are random bytes
(incompressible, like JPEGs) in rows of 250 kB.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

PHOTO_BYTES = 250_000


def build(folder: Path, cameras: int, photo_mb: int) -> Path:
    from import_bench import write_csv

    from specassist.domain.survey import SurveyCamera
    from specassist.services import capture, imports, projects

    survey = folder / "survey.csv"
    write_csv(survey, cameras)
    path = folder / "estate.specassist"
    with projects.new_project("bench", path) as project:
        imports.import_into(project, survey)
        holder = capture.add_camera(project, SurveyCamera(0, tag="PHOTOS"))
        photo = folder / "photo.jpg"
        for _ in range(photo_mb * 1_000_000 // PHOTO_BYTES):
            photo.write_bytes(os.urandom(PHOTO_BYTES))
            capture.add_photo(project, holder, photo)
        project.save()
    return path


def timed(label: str, action: object) -> float:
    start = time.perf_counter()
    action()  # type: ignore[operator]
    seconds = time.perf_counter() - start
    print(f"  {label:<44} {seconds:6.2f} s")
    return seconds


def main(cameras: int, photo_mb: int) -> None:
    from specassist.storage import integrity
    from specassist.storage.project_file import ProjectFile

    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        path = build(folder, cameras, photo_mb)
        size = path.stat().st_size / 1e6
        print(f"project: {cameras} cameras, {photo_mb} MB of photos, {size:.0f} MB on disk")
        copy = folder / "copy.db"
        timed("reference: plain copy (shutil.copyfile)", lambda: shutil.copyfile(path, copy))
        timed("open: copy and CRC-32", lambda: integrity.copy_counting(path, copy))
        timed("open: quick_check", lambda: integrity.check_database(path, copy))
        opened: list[ProjectFile] = []
        timed("open: all (ProjectFile.open)", lambda: opened.append(ProjectFile.open(path)))
        opened[0].close()
        timed(
            "open: all, second time (file in cache)", lambda: opened.append(ProjectFile.open(path))
        )
        with opened[1] as project:
            timed("save: all (ProjectFile.save)", project.save)
        connection = sqlite3.connect(path)
        timed("save: quick_check of the copy", lambda: integrity.quick_check(connection))
        connection.close()
        timed("save: CRC-32 stamp and fsync", lambda: integrity.stamp(path))


if __name__ == "__main__":
    arguments = [int(a) for a in sys.argv[1:]]
    main(*(arguments + [50_000, 100][len(arguments) :]))
