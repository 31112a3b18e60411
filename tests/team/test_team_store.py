"""The team catalog on SQLite (any SQLAlchemy URL works): upserts, versions, approval, locking.

The same code runs on PostgreSQL in test_team_postgres.py, with real concurrent writers
and roles; these tests pin the rules themselves and run everywhere.
"""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine, inspect, text
from team_helpers import edit_model

from specassist.catalog.loader import load_catalog_folder
from specassist.domain.catalog_keys import entries
from specassist.services import team_catalog
from specassist.services.catalog_service import load_catalog
from specassist.services.team_catalog import PublishRequest, TeamCatalogError
from specassist.storage.engine import TEAM, current_revision, head_revision, make_engine, upgrade
from specassist.storage.team_models import TeamBase

MODEL = "axis:P3265-LVE"


@pytest.fixture
def url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'team.db'}"


def _rows(catalog: object) -> list[tuple[str, str, object]]:
    return [(e.kind.slug, e.key, e.item) for e in entries(catalog)]  # type: ignore[arg-type]


def test_a_whole_catalog_goes_in_and_comes_back_out_the_same(
    url: str, shipped_catalog: Path
) -> None:
    folder = load_catalog_folder(shipped_catalog).catalog
    published = team_catalog.publish(url, folder)
    assert published.version == 1 and len(published.added) == len(_rows(folder))
    with pytest.raises(TeamCatalogError, match="no row of the team catalog is approved"):
        team_catalog.read(url)  # new rows are not used before approval
    assert team_catalog.approve(url, None).version == 2
    team = team_catalog.read(url)
    assert _rows(team.catalog) == _rows(folder) and team.version == 2 and not team.pending
    info = load_catalog(url).catalog.info
    assert info.name == folder.info.name and info.version == f"team 2 ({folder.info.version})"


def test_a_second_publish_must_name_its_base_and_changes_only_what_differs(
    url: str, catalog_copy: Path
) -> None:
    team_catalog.publish(url, team_catalog.load_folder(catalog_copy).catalog,
                         PublishRequest(approve=True))  # fmt: skip
    with pytest.raises(TeamCatalogError, match="say which version your copy was taken from"):
        team_catalog.publish(url, team_catalog.load_folder(catalog_copy).catalog)
    same = team_catalog.publish(url, team_catalog.load_folder(catalog_copy).catalog,
                                PublishRequest(base=1))  # fmt: skip
    assert same.version is None and same.unchanged > 3000  # nothing differed: no version made
    edit_model(catalog_copy, "P3265-LVE", "ir_range", "45 m")
    edited = team_catalog.publish(url, team_catalog.load_folder(catalog_copy).catalog,
                                  PublishRequest(base=1))  # fmt: skip
    assert edited.version == 2 and edited.changed == [f"model/{MODEL}"] and not edited.added


def test_an_edit_awaits_approval_and_readers_keep_the_approved_row(
    url: str, catalog_copy: Path
) -> None:
    team_catalog.publish(url, team_catalog.load_folder(catalog_copy).catalog,
                         PublishRequest(approve=True))  # fmt: skip
    before = _model(url)
    edit_model(catalog_copy, "P3265-LVE", "ir_range", "45 m")
    team_catalog.publish(url, team_catalog.load_folder(catalog_copy).catalog,
                         PublishRequest(base=1))  # fmt: skip
    assert _model(url) == before  # still the approved content
    [pending] = team_catalog.pending(url)
    assert (pending.ref, pending.change, pending.row_version) == (f"model/{MODEL}", "edit", 2)
    assert "1 row(s) await approval" in load_catalog(url).issues[0].message
    with pytest.raises(TeamCatalogError, match="changed since the version you reviewed"):
        team_catalog.approve(url, [f"model/{MODEL}@1"])  # reviewed the old version
    with pytest.raises(TeamCatalogError, match="not awaiting approval"):
        team_catalog.approve(url, ["model/axis:NO-SUCH-MODEL"])
    done = team_catalog.approve(url, [f"model/{MODEL}@2"])
    assert done.approved == [f"model/{MODEL}"] and _model(url).ir_range_m == 45
    assert dataclasses.replace(_model(url), ir_range_m=before.ir_range_m) == before


def _model(url: str):  # type: ignore[no-untyped-def]
    return next(m for m in team_catalog.read(url).catalog.models if m.key == MODEL)


def test_a_lost_update_is_refused_by_the_version_check(url: str, catalog_copy: Path,
                                                       tmp_path: Path) -> None:  # fmt: skip
    team_catalog.publish(url, team_catalog.load_folder(catalog_copy).catalog,
                         PublishRequest(approve=True))  # fmt: skip
    theirs, ours = tmp_path / "theirs", catalog_copy
    shutil.copytree(ours, theirs)
    edit_model(theirs, "P3265-LVE", "ir_range", "45 m")
    edit_model(ours, "P3265-LVE", "ir_range", "50 m")
    # Both copies were taken at version 1; theirs is published first.
    first = team_catalog.publish(url, team_catalog.load_folder(theirs).catalog,
                                 PublishRequest(base=1))  # fmt: skip
    assert first.version == 2
    with pytest.raises(TeamCatalogError) as refused:
        team_catalog.publish(url, team_catalog.load_folder(ours).catalog, PublishRequest(base=1))
    message = str(refused.value)
    assert "publish refused: 1 row(s) were changed after catalog version 1" in message
    assert f"camera model {MODEL} (row version 2, changed by" in message
    assert "in catalog version 2" in message
    assert [p.ref for p in team_catalog.pending(url)] == [f"model/{MODEL}"]
    # Naming the newer version as the base overwrites on purpose.
    third = team_catalog.publish(url, team_catalog.load_folder(ours).catalog,
                                 PublishRequest(base=2))  # fmt: skip
    assert third.changed == [f"model/{MODEL}"]


def test_copies_taken_at_one_version_may_change_different_rows(
    url: str, catalog_copy: Path, tmp_path: Path
) -> None:
    team_catalog.publish(url, team_catalog.load_folder(catalog_copy).catalog,
                         PublishRequest(approve=True))  # fmt: skip
    theirs = tmp_path / "theirs"
    shutil.copytree(catalog_copy, theirs)
    edit_model(theirs, "Q1805-LE", "ir_range", "25 m")
    edit_model(catalog_copy, "P3265-LVE", "ir_range", "45 m")
    assert team_catalog.publish(url, team_catalog.load_folder(theirs).catalog,
                                PublishRequest(base=1)).version == 2  # fmt: skip
    ours = team_catalog.publish(url, team_catalog.load_folder(catalog_copy).catalog,
                                PublishRequest(base=1))  # fmt: skip
    # Our copy still has Q1805-LE as it was at version 1: their change stays, ours goes in.
    assert ours.changed == [f"model/{MODEL}"] and ours.kept == 1
    assert {p.ref for p in team_catalog.pending(url)} == {f"model/{MODEL}", "model/axis:Q1805-LE"}


def test_removal_is_only_proposed_and_awaits_approval(url: str, catalog_copy: Path) -> None:
    catalog = team_catalog.load_folder(catalog_copy).catalog
    team_catalog.publish(url, catalog, PublishRequest(approve=True))
    catalog.models = [m for m in catalog.models if m.key != MODEL]
    kept = team_catalog.publish(url, catalog, PublishRequest(base=1))
    assert kept.version is None  # a row missing from a publish is left alone by default
    removal = team_catalog.publish(url, catalog, PublishRequest(base=1, remove_missing=True))
    assert removal.removed == [f"model/{MODEL}"]
    assert any(m.key == MODEL for m in team_catalog.read(url).catalog.models)
    assert team_catalog.pending(url)[0].change == "removal"
    team_catalog.approve(url, None)
    assert not any(m.key == MODEL for m in team_catalog.read(url).catalog.models)


def test_a_catalog_naming_a_row_twice_is_refused(url: str, shipped_catalog: Path) -> None:
    catalog = load_catalog_folder(shipped_catalog).catalog
    catalog.vendors.append(catalog.vendors[0])
    with pytest.raises(TeamCatalogError, match=r"names 1 row\(s\) twice.*vendor/hikvision"):
        team_catalog.publish(url, catalog)


def test_a_row_that_cannot_be_read_is_left_out_and_said_so(url: str, shipped_catalog: Path) -> None:
    team_catalog.publish(url, load_catalog_folder(shipped_catalog).catalog,
                         PublishRequest(approve=True))  # fmt: skip
    engine = create_engine(url)
    with engine.begin() as connection:
        connection.execute(
            text("UPDATE team_catalog_items SET approved = :bad WHERE kind = 'model' AND key = :k"),
            {"bad": '{"vendor_id": "axis", "model": "P3265-LVE", "form_factor": "spherical"}',
             "k": MODEL},
        )  # fmt: skip
    engine.dispose()
    load = load_catalog(url)
    assert not any(m.key == MODEL for m in load.catalog.models)
    [issue] = [i for i in load.issues if i.severity.value == "error"]
    assert issue.message.startswith(f"row left out: model/{MODEL}: CameraModel.form_factor")


def test_the_team_schema_has_its_own_chain_and_migrates_from_an_empty_database(
    url: str,
) -> None:
    engine = make_engine(url)
    upgrade(engine, TEAM)
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"version_table": TEAM.version_table})
        assert compare_metadata(context, TeamBase.metadata) == []
    assert current_revision(engine, TEAM) == head_revision(TEAM)
    assert set(inspect(engine).get_table_names()) == {
        "team_catalog_head", "team_catalog_items", "team_catalog_versions",
        "team_catalog_revisions", "specassist_team_version",
    }  # fmt: skip
    engine.dispose()


def test_a_reader_gets_words_not_tracebacks(tmp_path: Path) -> None:
    with pytest.raises(TeamCatalogError, match="no team catalog here yet"):
        team_catalog.read(f"sqlite:///{tmp_path / 'empty.db'}")
    with pytest.raises(TeamCatalogError, match="not a database URL"):
        team_catalog.read("not a url")
    with pytest.raises(TeamCatalogError, match="cannot reach the team catalog at postgresql"):
        team_catalog.read("postgresql://nobody@127.0.0.1:1/none")  # nothing listens on port 1
    assert team_catalog.url_problem("postgresql://ana:secret@db/x") is not None
    assert team_catalog.url_problem("postgresql://ana@db/x") is None
    assert "secret" not in team_catalog.shown("postgresql://ana:secret@db/x")
