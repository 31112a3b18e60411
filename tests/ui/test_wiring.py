"""What the services offer, reachable in the window: photos, dragging cameras onto a plan,
device type and class in the survey, and offer-only rules applied to installed cameras."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QDropEvent
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from specassist.app import create_window
from specassist.domain.rules import Verdict
from specassist.domain.survey import SurveyCamera, SurveyedCamera
from specassist.services import analysis, capture, plan_service, project_settings, projects
from specassist.ui.main_window import MainWindow
from specassist.ui.models.survey_table_model import SurveyTableModel
from specassist.ui.plan.view import CAMERA_MIME, camera_ids
from specassist.ui.settings import AppSettings

FCC = "us-fcc-covered-list"


def _analysed(qtbot: QtBot, window: MainWindow, action: object) -> None:
    with qtbot.waitSignal(window.sig_analysis_done, timeout=30000):
        action() if callable(action) else None


# ------------------------------------------------------------------ photos


def test_photos_show_as_thumbnails_and_open_large(
    qtbot: QtBot, demo_window: MainWindow, tmp_path: Path
) -> None:
    window = demo_window
    assert window.select_tag("C003")
    camera_id = window.detail.camera_id
    assert camera_id is not None and window.detail.photo_strip.isHidden()
    paths = []
    for n, colour in enumerate(("red", "blue")):
        path = tmp_path / f"mount-{n}.png"
        Image.new("RGB", (1600, 1200), colour).save(path)
        paths.append(path)
    odd = tmp_path / "label.heic"
    odd.write_bytes(b"\x00\x00\x00\x18ftypheic" + bytes(64))
    for path in (*paths, odd):
        with qtbot.waitSignal(window.photos.sig_loaded, timeout=20000):
            assert window.edits.add_photo(camera_id, path)
    strip = window.detail.photo_strip
    assert strip.isVisible() and strip.count() == 3
    assert [strip.item(i).text() for i in range(3)] == ["mount-0.png", "mount-1.png", "label.heic"]
    assert not strip.item(0).icon().isNull() and strip.item(2).icon().isNull()
    assert strip.photos[0].thumbnail.width() <= 72 and strip.photos[0].thumbnail.height() <= 72
    viewer = strip.open_viewer(0)
    qtbot.addWidget(viewer)
    assert viewer.windowTitle() == "mount-0.png — photo 1 of 3"
    pixmap = viewer.picture.pixmap()
    assert not pixmap.isNull() and pixmap.width() <= viewer.picture.width()
    assert pixmap.toImage().pixelColor(pixmap.width() // 2, pixmap.height() // 2).red() > 200
    viewer.next_button.click()
    viewer.next_button.click()
    assert viewer.index == 2 and not viewer.next_button.isEnabled()
    assert "cannot be shown" in viewer.picture.text()
    assert window.select_tag("C001")
    assert strip.isHidden()  # another camera: its own (no) photos, never the last one's


# ------------------------------------------------------------------ dragging onto a plan


def test_survey_rows_drag_onto_a_plan(demo_window: MainWindow, tmp_path: Path) -> None:
    window = demo_window
    assert window.table.dragEnabled()
    assert window.tabs.tabBar().changeCurrentOnDrag()
    model, proxy = window.survey_model, window.proxy
    rows = [r for r in range(model.rowCount())
            if model.camera_at(r).camera.display_tag in ("C001", "C003")]  # fmt: skip
    indexes = [model.index(r, 0) for r in rows]
    assert all(model.flags(i) & Qt.ItemFlag.ItemIsDragEnabled for i in indexes)
    assert model.mimeTypes() == [CAMERA_MIME]
    data = proxy.mimeData([proxy.mapFromSource(i) for i in indexes])
    assert sorted(camera_ids(data)) == sorted(model.camera_at(r).id for r in rows)

    image = tmp_path / "ground.png"
    Image.new("RGB", (1000, 600), "white").save(image)
    tab = window.plans_tab
    window.tabs.setCurrentWidget(tab)
    assert tab.import_plan(image, "Riverside Police Station", "Ground floor")
    assert tab.set_scale((0.0, 0.0), (1000.0, 0.0), "50 m")
    view = tab.view_a
    event = QDropEvent(QPointF(view.mapFromScene(QPointF(300.0, 300.0))),
                       Qt.DropAction.CopyAction, data, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)  # fmt: skip
    view.dropEvent(event)
    assert window.project is not None and tab.plan_id is not None
    placed = plan_service.plan(window.project, tab.plan_id).devices
    assert sorted(d.label for d in placed) == ["C001", "C003"]
    labels = {c.link: c.new_model for c in tab.cameras.values()}
    assert any(label and label.startswith("Hanwha Vision ") for label in labels.values())


# ------------------------------------------------------------------ device type, state, class


def test_survey_table_shows_device_type_state_and_class(qtmodeltester: ModelTester) -> None:
    project = projects.new_project("devices")
    recorder = SurveyCamera(2, tag="NVR-1", make="Hikvision", model="DS-7608NI-K2",
                            device_type="NVR", device_state="Online")  # fmt: skip
    camera = SurveyCamera(3, tag="C-1", make="Axis", model="P3265-LVE", device_type="IPC")
    ids = [capture.add_camera(project, c) for c in (recorder, camera)]
    result = analysis.analyse(project)
    model = SurveyTableModel()
    model.set_cameras([SurveyedCamera(i, c) for i, c in zip(ids, (recorder, camera), strict=True)])
    model.set_results(result.outcomes)
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers[-3:] == ["Device type", "Device state", "Class"]
    rows = [[model.data(model.index(r, c)) for c in range(len(headers) - 3, len(headers))]
            for r in range(2)]  # fmt: skip
    assert rows == [["NVR", "Online", "recorder"], ["IPC", "", "camera"]]
    qtmodeltester.check(model)
    project.close()


# ------------------------------------------------------------------ offer-only rules, installed


def test_offer_only_rules_apply_to_installed_cameras_when_ticked_and_undo(
    qtbot: QtBot, demo_window: MainWindow
) -> None:
    window = demo_window
    assert FCC in window.rules_tab.installed and len(window.rules_tab.installed) == 1
    _analysed(qtbot, window, lambda: window.set_rule_profile([FCC]))
    assert window.analysis is not None
    hikvision = next(o for o in window.analysis.outcomes if o.camera.display_tag == "C001")
    assert hikvision.verdict is Verdict.ALLOWED  # the FCC governs offers, not installed use
    extra = window.rules_tab.installed[FCC]
    assert extra.isEnabled()
    _analysed(qtbot, window, lambda: extra.setChecked(True))
    assert window.project is not None
    assert project_settings.installed_rule_sets(window.project) == (FCC,)
    assert window.analysis.by_id(hikvision.id).verdict is Verdict.EXCLUDED  # type: ignore[union-attr]
    assert window.undo_stack.undoText() == "Apply rules to installed equipment"
    _analysed(qtbot, window, window.action_undo.trigger)
    assert project_settings.installed_rule_sets(window.project) == ()
    assert not window.rules_tab.installed[FCC].isChecked()
    assert window.analysis.by_id(hikvision.id).verdict is Verdict.ALLOWED  # type: ignore[union-attr]
    window.rules_tab.checks[FCC].setChecked(False)  # the box follows its rule set
    assert not window.rules_tab.installed[FCC].isEnabled()


def test_only_offer_only_rule_sets_can_be_applied_to_installed_cameras() -> None:
    with projects.new_project("rules") as project:
        with pytest.raises(ValueError, match="us-ndaa-889"):
            project_settings.set_installed_rule_sets(project, ["us-ndaa-889"])
        project_settings.set_installed_rule_sets(project, [FCC])
        assert analysis.setup_of(project).installed_rule_sets == (FCC,)


def test_preferences_apply_offer_only_rules_to_new_projects(
    qtbot: QtBot, app_settings: AppSettings
) -> None:
    from specassist.ui.dialogs.preferences_dialog import PreferencesDialog

    window = create_window(settings=app_settings)
    qtbot.addWidget(window)
    assert window.project is not None
    dialog = PreferencesDialog(app_settings, projects.catalog_of(window.project).rule_sets, window)
    qtbot.addWidget(dialog)
    dialog.rules[FCC].setChecked(True)
    dialog.installed[FCC].setChecked(True)
    dialog.accept()
    assert app_settings.installed_rules == [FCC]
    window.new_project(confirm=False)
    assert project_settings.installed_rule_sets(window.project) == (FCC,)
