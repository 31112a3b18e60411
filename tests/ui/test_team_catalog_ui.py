"""The team catalog in the app: the preference, new projects from it, and "Compare with
catalog…" updating the project's snapshot as one undoable step."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from specassist.app import create_window
from specassist.domain.catalog import Catalog
from specassist.domain.catalog_diff import Change, compare
from specassist.services import projects, team_catalog
from specassist.services.catalog_service import check_catalog
from specassist.services.team_catalog import PublishRequest
from specassist.ui.dialogs.catalog_compare_dialog import CatalogCompareDialog
from specassist.ui.dialogs.preferences_dialog import PreferencesDialog
from specassist.ui.models.catalog_diff_model import CatalogDiffModel
from specassist.ui.settings import AppSettings

MODEL = "axis:P3265-LVE"


def _discontinued(catalog: Catalog) -> Catalog:
    changed = dataclasses.replace(catalog)
    changed.models = [dataclasses.replace(m, discontinued=True) if m.key == MODEL else m
                      for m in catalog.models]  # fmt: skip
    return changed


@pytest.fixture
def team_url(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'team.db'}"
    team_catalog.publish(url, check_catalog().catalog, PublishRequest(approve=True))
    return url


def test_preferences_keep_a_team_catalog_but_never_its_password(
    qtbot: QtBot, app_settings: AppSettings
) -> None:
    dialog = PreferencesDialog(app_settings, [])
    qtbot.addWidget(dialog)
    dialog.catalog_url.setText("postgresql://ana:secret@office-db/catalog")
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted and not dialog.message.isHidden()
    assert "password" in dialog.message.text() and app_settings.catalog_url == ""
    dialog.catalog_url.setText("postgresql://ana@office-db/catalog")
    dialog.accept()
    assert app_settings.catalog_url == "postgresql://ana@office-db/catalog"


def test_differences_model(qtmodeltester: ModelTester) -> None:
    old = check_catalog().catalog
    model = CatalogDiffModel(compare(old, _discontinued(old)))
    assert model.rowCount() == 1
    assert [model.data(model.index(0, c)) for c in range(3)] == [
        "discontinued", "camera model", MODEL,
    ]  # fmt: skip
    qtmodeltester.check(model)


def test_new_projects_snapshot_the_team_catalog_and_compare_updates_it_undoably(
    qtbot: QtBot, app_settings: AppSettings, team_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    app_settings.catalog_url = team_url
    window = create_window(settings=app_settings)
    qtbot.addWidget(window)
    assert window.project is not None
    assert projects.summary(window.project).catalog_version == "team 1 (2026.12.3)"
    team_catalog.publish(team_url, _discontinued(check_catalog().catalog),
                         PublishRequest(base=1, approve=True))  # fmt: skip
    shown: list[CatalogCompareDialog] = []

    def accept(dialog: CatalogCompareDialog) -> int:
        shown.append(dialog)
        return int(QDialog.DialogCode.Accepted)

    monkeypatch.setattr(CatalogCompareDialog, "exec", accept)
    window.action_compare_catalog.trigger()
    qtbot.waitUntil(lambda: bool(shown), timeout=20000)
    dialog = shown[0]
    assert dialog.model.rowCount() == 1 and dialog.update_button.isEnabled()
    assert dialog.model.difference_at(0).change is Change.DISCONTINUED
    assert "1 discontinued" in dialog.summary.text()
    project = window.project
    assert projects.summary(project).catalog_version == "team 2 (2026.12.3)"
    assert window.undo_stack.undoText() == (
        f"Update the catalog from the team catalog {team_url}, version 2"
    )
    window.show()
    window.tabs.setCurrentWidget(window.catalog_tab)  # the catalog is listed when in view
    table = window.catalog_tab.model
    discontinued = {(m := table.model_at(r)).key: m.discontinued for r in range(table.rowCount())}
    assert discontinued[MODEL] is True  # the catalog tab shows the new snapshot
    window.undo_stack.undo()
    assert projects.summary(project).catalog_version == "team 1 (2026.12.3)"
    assert not next(m for m in projects.catalog_of(project).models if m.key == MODEL).discontinued
    window.undo_stack.redo()
    assert projects.summary(project).catalog_version == "team 2 (2026.12.3)"


def test_an_unreachable_team_catalog_falls_back_to_the_folder_and_says_so(
    qtbot: QtBot, app_settings: AppSettings, tmp_path: Path, no_modal_questions: list[str]
) -> None:
    app_settings.catalog_url = f"sqlite:///{tmp_path / 'nothing-here.db'}"
    window = create_window(settings=app_settings)
    qtbot.addWidget(window)
    assert window.project is not None
    assert projects.summary(window.project).catalog_version == check_catalog().catalog.info.version
    [warning] = no_modal_questions
    assert warning.startswith("Team catalog not read: ") and "no team catalog here yet" in warning
    assert warning.endswith("This project uses the catalog folder instead.")
