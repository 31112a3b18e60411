"""Importing an updated survey: cameras found again by MAC, serial or tag are updated, not
copied; the rest are added; repeats are reported; undo puts everything back."""

from __future__ import annotations

from pathlib import Path

from specassist.services import capture, imports, projects
from specassist.services.imports import ImportMode

FIRST = """Tag,Site,Make,Model,MAC,Serial,Height (m),Notes
C1,Depot,Hikvision,DS-2CD2143G2-I,44:19:B6:00:00:01,,3,
C2,Depot,Hikvision,DS-2CD2143G2-I,,SER-2,3,
C3,Depot,Dahua,IPC-HDW2431T-AS-S2,,,4,
C4,Depot,Dahua,IPC-HDW2431T-AS-S2,,,4,loading bay
"""
UPDATED = """Tag,Site,Make,Model,MAC,Serial,Height (m),Notes
Gate-1,Depot,Hikvision,DS-2CD2143G2-I,44-19-b6-00-00-01,,3.5,
C2-renamed,Depot,Hikvision,DS-2CD2143G2-I,,SER-2,,
C3,Depot,Dahua,IPC-HDW2431T-AS-S2,,,4.2,
C9,Yard,Axis,P3265-LVE,,,5,
C3,Depot,Dahua,IPC-HDW2431T-AS-S2,,,9,
"""


def _write(tmp: Path, name: str, text: str) -> Path:
    path = tmp / name
    path.write_text(text, encoding="utf-8")
    return path


def test_update_matches_by_mac_serial_and_tag_and_undo_restores(tmp_path: Path) -> None:
    with projects.new_project("modes") as project:
        imports.import_into(project, _write(tmp_path, "first.csv", FIRST))
        before = {c.camera.tag: c for c in capture.cameras(project)}
        stored = imports.import_into(project, _write(tmp_path, "updated.csv", UPDATED),
                                     mode=ImportMode.UPDATE)  # fmt: skip
        assert (stored.added, stored.updated, stored.absent) == (1, 3, 1)
        after = {c.camera.tag: c for c in capture.cameras(project)}
        assert set(after) == {"Gate-1", "C2-renamed", "C3", "C4", "C9"}
        # The same rows in the project, with the new values where the file states them.
        assert after["Gate-1"].id == before["C1"].id and after["Gate-1"].camera.height_m == 3.5
        assert after["C2-renamed"].id == before["C2"].id
        assert after["C2-renamed"].camera.height_m == 3  # blank in the new file: kept
        assert after["C3"].camera.height_m == 4.2  # the later repeat is not applied
        assert after["C4"].camera.notes == "loading bay"
        messages = [i.message for i in stored.result.issues]
        assert any("not applied twice" in m for m in messages)
        assert any("1 camera(s) of the project are not in this file" in m for m in messages)
        imports.remove(project, stored)
        undone = {c.camera.tag: c.camera for c in capture.cameras(project)}
        assert undone == {tag: item.camera for tag, item in before.items()}


def test_add_copies_with_a_warning_per_known_camera(tmp_path: Path) -> None:
    with projects.new_project("modes") as project:
        first = _write(tmp_path, "first.csv", FIRST)
        imports.import_into(project, first)
        stored = imports.import_into(project, first, mode=ImportMode.ADD)
        assert stored.added == 4 and stored.known == 4
        assert len(capture.cameras(project)) == 8
        warnings = [i for i in stored.result.issues if "already has" in i.message]
        assert [i.row for i in warnings] == [2, 3, 4, 5]
