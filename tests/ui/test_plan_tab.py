"""The Plans tab driven like a user: drop cameras, drag them, turn them, draw walls, undo."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QDropEvent
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from specassist.app import create_window
from specassist.domain.plan_coverage import View
from specassist.services import plan_service
from specassist.ui.main_window import MainWindow
from specassist.ui.plan.plan_tab import PlanTab
from specassist.ui.plan.view import PlanView, Tool

DEMO = Path(__file__).parents[2] / "resources" / "demo" / "demo-survey.csv"
SITE = "Riverside Police Station"


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path) -> Iterator[MainWindow]:
    shown = create_window()
    qtbot.addWidget(shown)
    shown.resize(1400, 900)
    shown.show()
    with qtbot.waitSignal(shown.sig_analysis_done, timeout=20000):
        pass  # the empty project's first analysis
    with qtbot.waitSignal(shown.sig_analysis_done, timeout=20000):
        assert shown.import_survey(DEMO, ask_mapping=False)
    image = tmp_path / "ground.png"
    Image.new("RGB", (1000, 600), "white").save(image)
    tab = shown.plans_tab
    shown.tabs.setCurrentWidget(tab)
    assert tab.import_plan(image, SITE, "Ground floor")
    assert tab.set_scale((0.0, 0.0), (1000.0, 0.0), "50 m")  # 0.05 m per pixel
    yield shown  # closing asks to discard; the UI fixtures answer "Discard"


def drop(tab: PlanTab, tags: list[str], at: QPointF) -> None:
    """Drop the listed cameras on the view, with the mime data the list itself produces."""
    items = [tab.unplaced.item(n) for n in range(tab.unplaced.count())]
    chosen = [i for i in items if i.text().split(" ·")[0] in tags]
    data = tab.unplaced.mimeData(chosen)
    view = tab.view_a
    event = QDropEvent(QPointF(view.mapFromScene(at)), Qt.DropAction.CopyAction, data,
                       Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)  # fmt: skip
    view.dropEvent(event)


def stored(window: MainWindow, tab: PlanTab) -> dict[str, tuple[float, float, float]]:
    assert window.project is not None and tab.plan_id is not None
    plan = plan_service.plan(window.project, tab.plan_id)
    return {d.label: (*d.position, d.direction_deg) for d in plan.devices}


def screen_point(view: PlanView, x: float, y: float) -> QPoint:
    return view.mapFromScene(QPointF(x, y))


def test_dropped_cameras_are_placed_and_leave_the_unplaced_list(window: MainWindow) -> None:
    tab = window.plans_tab
    assert tab.unplaced.count() == 8  # the station's eight cameras
    drop(tab, ["C001", "C003"], QPointF(300.0, 300.0))
    placed = stored(window, tab)
    assert set(placed) == {"C001", "C003"}
    assert placed["C001"][:2] == pytest.approx((300.0, 300.0), abs=2.0)  # a screen pixel away
    assert placed["C003"][0] > 300.0  # dropped side by side, not on top of each other
    assert tab.unplaced.count() == 6
    assert window.undo_stack.undoText() == "Place 2 camera(s) on Ground floor"
    window.undo_stack.undo()
    assert stored(window, tab) == {} and tab.unplaced.count() == 8
    window.undo_stack.redo()
    assert set(stored(window, tab)) == {"C001", "C003"}


def test_dragging_a_camera_moves_it_and_undo_puts_it_back(window: MainWindow) -> None:
    tab = window.plans_tab
    drop(tab, ["C003"], QPointF(300.0, 300.0))
    view = tab.view_a
    (device_id,) = [d.id for d in tab.document.plan.devices]  # type: ignore[union-attr]
    before = tab.document.coverages[(device_id, View.NEW)].outline
    origin = stored(window, tab)["C003"][:2]
    start, end = screen_point(view, *origin), screen_point(view, 500.0, 200.0)
    QTest.mousePress(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     start)  # fmt: skip
    for step in range(1, 11):
        QTest.mouseMove(view.viewport(), start + (end - start) * step / 10)
    QTest.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier, end)  # fmt: skip
    x, y, _ = stored(window, tab)["C003"]
    assert (x, y) == pytest.approx(view.mapToScene(end).toTuple(), abs=1.0)
    assert tab.document.coverages[(device_id, View.NEW)].outline != before  # recomputed
    assert window.undo_stack.undoText() == "Move C003"
    window.undo_stack.undo()
    assert stored(window, tab)["C003"][:2] == origin
    item = tab.scene_a.devices[device_id]
    assert (item.pos().x(), item.pos().y()) == origin
    assert tab.document.coverages[(device_id, View.NEW)].outline == before


def test_turning_by_handle_and_by_field(window: MainWindow) -> None:
    tab = window.plans_tab
    drop(tab, ["C003"], QPointF(300.0, 300.0))
    view = tab.view_a
    item = next(iter(tab.scene_a.devices.values()))
    item.setSelected(True)
    assert tab.panel.device is not None and tab.panel.device.label == "C003"
    handle = view.mapFromScene(item.handle.scenePos())
    east = handle + QPoint(60, 30)  # the handle dragged round to the right of the camera
    QTest.mousePress(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     handle)  # fmt: skip
    QTest.mouseMove(view.viewport(), east)
    QTest.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier, east)  # fmt: skip
    bearing = stored(window, tab)["C003"][2]
    assert 60.0 < bearing < 120.0
    assert tab.panel.direction_box.value() == pytest.approx(bearing)
    tab.panel.tilt_box.setValue(35.0)
    tab.panel.tilt_box.editingFinished.emit()
    assert tab.document.plan.devices[0].tilt_deg == 35.0  # type: ignore[union-attr]
    window.undo_stack.undo()
    assert tab.document.plan.devices[0].tilt_deg != 35.0  # type: ignore[union-attr]


def test_a_wall_drawn_with_the_mouse_clips_the_view_until_undone(window: MainWindow) -> None:
    tab = window.plans_tab
    drop(tab, ["C003"], QPointF(300.0, 300.0))  # looks up the plan (bearing 0)
    (device_id,) = [d.id for d in tab.document.plan.devices]  # type: ignore[union-attr]
    assert not tab.document.coverages[(device_id, View.NEW)].clipped
    view = tab.view_a
    tab.set_tool(Tool.WALL)
    for x in (150.0, 450.0):
        QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                         Qt.KeyboardModifier.NoModifier, screen_point(view, x, 150.0))  # fmt: skip
    QTest.keyClick(view.viewport(), Qt.Key.Key_Return)
    assert tab.view_a.tool is Tool.SELECT
    (wall,) = tab.document.plan.walls  # type: ignore[union-attr]
    assert wall.points[0] == pytest.approx((150.0, 150.0), abs=1.0)
    assert tab.document.coverages[(device_id, View.NEW)].clipped
    window.undo_stack.undo()
    assert tab.document.plan.walls == ()  # type: ignore[union-attr]
    assert not tab.document.coverages[(device_id, View.NEW)].clipped


def test_side_by_side_shows_the_existing_and_the_replacement_views(window: MainWindow) -> None:
    tab = window.plans_tab
    drop(tab, ["C003"], QPointF(300.0, 300.0))
    tab.mode_combo.setCurrentText("Side by side")
    assert tab.view_b.isVisible()
    assert [s.view for s in tab.scene_a.styles] == [View.OLD]
    assert [s.view for s in tab.scene_b.styles] == [View.NEW]
    (device_id,) = tab.scene_a.devices
    assert tab.scene_a.layer.keys() == {(device_id, 0)} == tab.scene_b.layer.keys()
    tab.mode_combo.setCurrentText("Overlay")
    assert not tab.view_b.isVisible()
    assert tab.scene_a.layer.keys() == {(device_id, 0), (device_id, 1)}  # old under new


def test_deleting_a_plan_is_undoable(window: MainWindow) -> None:
    tab = window.plans_tab
    drop(tab, ["C001"], QPointF(100.0, 100.0))
    tab.delete_plan()
    assert tab.plan_id is None and tab.plan_combo.count() == 0
    window.undo_stack.undo()
    assert tab.plan_id is not None and set(stored(window, tab)) == {"C001"}


def alpha_at(tab: PlanTab, x: float, y: float) -> int:
    picture = tab.scene_a.layer.picture
    assert picture is not None
    px = (x - picture.rect.left()) * picture.scale
    py = (y - picture.rect.top()) * picture.scale
    return picture.image.pixelColor(int(px), int(py)).alpha()


def test_coverage_is_one_picture_and_a_dragged_camera_is_drawn_live(
    window: MainWindow, qtbot: QtBot
) -> None:
    tab = window.plans_tab
    drop(tab, ["C003"], QPointF(500.0, 400.0))  # looks up the plan, 4.5 m up
    layer = tab.scene_a.layer
    qtbot.waitUntil(lambda: not layer.busy, timeout=5000)
    (device_id,) = tab.scene_a.devices
    x, y, _ = stored(window, tab)["C003"]
    assert alpha_at(tab, x, y - 200) > 0  # 10 m ahead: covered
    assert alpha_at(tab, x, y + 100) == 0  # 5 m behind: not
    view = tab.view_a
    start = screen_point(view, x, y)
    QTest.mousePress(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     start)  # fmt: skip
    assert layer.live == {device_id} and tab.scene_a.live[device_id]
    qtbot.waitUntil(lambda: not layer.busy, timeout=5000)
    assert alpha_at(tab, x, y - 200) == 0  # the picture leaves the dragged camera out
    QTest.mouseMove(view.viewport(), start + QPoint(40, 0))
    QTest.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier, start + QPoint(40, 0))  # fmt: skip
    qtbot.waitUntil(lambda: not tab.scene_a.live, timeout=5000)
    assert layer.live == frozenset() and alpha_at(tab, x + 40 / view.transform().m11(),
                                                  y - 200) > 0  # fmt: skip


def test_rotation_scale_and_target_tools_are_undoable(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    tab = window.plans_tab
    drop(tab, ["C003"], QPointF(900.0, 100.0))
    tab.rotate(90.0)
    plan = tab.document.plan
    assert plan is not None and (plan.width_px, plan.height_px) == (600, 1000)
    # Turned 90° anticlockwise about the centre: (900, 100) on 1000 × 600 goes to (100, 100).
    item = tab.scene_a.devices[plan.devices[0].id]
    assert (item.pos().x(), item.pos().y()) == pytest.approx((100.0, 100.0), abs=1.0)
    window.undo_stack.undo()
    assert (tab.document.plan.width_px, tab.document.plan.height_px) == (1000, 600)  # type: ignore[union-attr]
    view = tab.view_a
    monkeypatch.setattr(tab, "ask_distance", lambda: "100 ft")
    tab.set_tool(Tool.SCALE)
    for x in (100.0, 700.0):
        QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                         Qt.KeyboardModifier.NoModifier, screen_point(view, x, 500.0))  # fmt: skip
    scale = tab.document.plan.scale  # type: ignore[union-attr]
    assert scale is not None and scale.distance_m == pytest.approx(30.48)
    tab.level_combo.setCurrentText("identify")
    tab.set_tool(Tool.TARGET)
    start, end = screen_point(view, 400.0, 300.0), screen_point(view, 400.0, 360.0)
    QTest.mousePress(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     start)  # fmt: skip
    QTest.mouseMove(view.viewport(), end)
    QTest.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier, end)  # fmt: skip
    (target,) = tab.document.plan.targets  # type: ignore[union-attr]
    assert len(target.points) == 2 and target.required.value == "identify"
    assert tab.scene_a.targets[target.id] is not None
    window.undo_stack.undo()
    window.undo_stack.undo()
    assert tab.document.plan.targets == ()  # type: ignore[union-attr]
    assert tab.document.plan.scale.distance_m == 50.0  # type: ignore[union-attr]
