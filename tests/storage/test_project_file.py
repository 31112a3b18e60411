"""A project file round-trips everything, saves atomically and refuses what it cannot read."""

from __future__ import annotations

import errno
import sqlite3
from pathlib import Path

import pytest

from specassist.services import capture, imports, projects
from specassist.storage.project_file import ProjectFile, ProjectFileError, ProjectSaveError


def test_round_trip_keeps_survey_raw_rows_issues_and_catalog(tmp_path: Path, surveys: Path) -> None:
    path = tmp_path / "site.specassist"
    with projects.new_project("Northgate", path) as project:
        imported = imports.import_into(project, surveys / "bad_cells.csv").result
        original_catalog = projects.catalog_of(project)
        assert not path.exists()  # nothing is written before an explicit save
        project.save()
        assert not project.dirty
    with projects.open_project(path) as reopened:
        stored = capture.cameras(reopened)
        assert [s.camera for s in stored] == imported.cameras
        assert projects.issues(reopened) == imported.issues
        summary = projects.summary(reopened)
        assert summary.name == "Northgate" and summary.catalog_version
        reloaded = projects.catalog_of(reopened)
        assert reloaded == original_catalog


def test_sites_are_created_once(tmp_path: Path, surveys: Path) -> None:
    with projects.new_project("x") as project:
        imports.import_into(project, surveys / "semicolon_decimal_comma_cp1252.csv")
        imports.import_into(project, surveys / "semicolon_decimal_comma_cp1252.csv")
        cameras = capture.cameras(project)
    assert len(cameras) == 6 and {c.camera.site for c in cameras} == {"Northgate"}


def test_failed_save_leaves_the_previous_file_intact(
    tmp_path: Path, surveys: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "site.specassist"
    with projects.new_project("x", path) as project:
        project.save()
        before = path.read_bytes()
        imports.import_into(project, surveys / "bad_cells.csv")

        def broken_replace(self: Path, target: Path) -> Path:
            raise OSError(errno.ENOSPC, "No space left on device")

        monkeypatch.setattr(Path, "replace", broken_replace)
        with pytest.raises(ProjectSaveError, match=r"disk is full .* file on disk is unchanged"):
            project.save()
        assert project.dirty
        assert not path.with_name(path.name + ".tmp").exists()  # the space is given back
        monkeypatch.undo()
    assert path.read_bytes() == before
    with ProjectFile.open(path) as reopened:
        assert capture.cameras(reopened) == []


def test_opening_something_else_is_a_clear_error(tmp_path: Path) -> None:
    text = tmp_path / "notes.specassist"
    text.write_text("hello")
    with pytest.raises(ProjectFileError, match="not an SQLite file"):
        ProjectFile.open(text)
    other = tmp_path / "other.specassist"
    sqlite3.connect(other).execute("create table t (x)").connection.commit()
    with pytest.raises(ProjectFileError, match="no project tables"):
        ProjectFile.open(other)
    with pytest.raises(ProjectFileError, match="not found"):
        ProjectFile.open(tmp_path / "missing.specassist")


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "future.specassist"
    with projects.new_project("x", path) as project:
        project.save()
    connection = sqlite3.connect(path)
    connection.execute("update alembic_version set version_num = '9999'")
    connection.commit()
    connection.close()
    with pytest.raises(ProjectFileError, match="newer SpecAssist"):
        ProjectFile.open(path)


def test_rule_profile_is_saved_with_the_project(tmp_path: Path) -> None:
    path = tmp_path / "profile.specassist"
    with projects.new_project("Profile", path) as project:
        assert "us-ndaa-889" in projects.rule_profile(project)
        assert "client-policy-template" not in projects.rule_profile(project)
        projects.set_rule_profile(project, ["uk-sensitive-sites-2022"])
        with pytest.raises(ValueError, match="no-such"):
            projects.set_rule_profile(project, ["no-such"])
        project.save()
    with projects.open_project(path) as reopened:
        assert projects.rule_profile(reopened) == ["uk-sensitive-sites-2022"]
