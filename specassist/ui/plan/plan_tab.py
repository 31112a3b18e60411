"""The Plans tab: site plans with the cameras on them and their coverage, old and new.

The window hands the tab its undo stack once and, after every analysis, the
project, the analysis and the unit system (``show_analysis``). Everything
else happens here: every edit is a command on the window's undo stack, and
the plan document recomputes only the coverage of what an edit touched.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QPointF, Qt, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QInputDialog,
    QLabel,
    QMessageBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from specassist.domain.formatting import UnitSystem
from specassist.domain.pipeline import Analysis
from specassist.domain.plans import (
    Crop,
    PlacedDevice,
    PlanCamera,
    PlanError,
    PlanScale,
    Target,
    Wall,
    WallKind,
)
from specassist.domain.survey import DoriLevel
from specassist.domain.units import Kind, QuantityParseError, parse_quantity
from specassist.services import plan_service
from specassist.services.plan_optics import plan_cameras
from specassist.services.projects import Project
from specassist.ui.plan.commands import (
    ScaleCommand,
    SnapshotCommand,
    device_command,
    target_command,
    wall_command,
)
from specassist.ui.plan.device_panel import DevicePanel, UnplacedList
from specassist.ui.plan.document import PlanDocument
from specassist.ui.plan.items import DeviceItem
from specassist.ui.plan.modes import MODES, build_toolbar
from specassist.ui.plan.scene import PlanScene
from specassist.ui.plan.view import PlanView, Tool

PLAN_FILTER = "Plans (*.png *.jpg *.jpeg *.pdf);;All files (*)"
DROP_SPACING_PX = 30.0
"""Screen pixels between cameras dropped together, so each can be grabbed on its own."""


class PlanTab(QWidget):
    sig_plan_shown = Signal(int)
    """The id of the plan now shown (-1 for none)."""

    def __init__(self, undo_stack: QUndoStack, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.undo_stack = undo_stack
        self._project: Project | None = None
        self.cameras: dict[int, PlanCamera] = {}
        self._analysis: Analysis | None = None
        self._camera_sites: frozenset[str] | None = None
        self.units = UnitSystem.METRIC
        self.document = PlanDocument(self)
        self.scene_a = PlanScene(self.document)
        self.scene_b = PlanScene(self.document)
        self.view_a, self.view_b = PlanView(self.scene_a), PlanView(self.scene_b)
        self.view_b.hide()
        self.unplaced = UnplacedList()
        self.panel = DevicePanel()
        self.plan_combo = QComboBox()
        self.plan_combo.setAccessibleName("Plan")
        self.plan_combo.setMinimumContentsLength(24)
        self.mode_combo = QComboBox()
        self.mode_combo.addItems(list(MODES))
        self.mode_combo.setAccessibleName("Coverage shown")
        self.level_combo = QComboBox()
        self.level_combo.addItems([lv.value for lv in DoriLevel])
        self.level_combo.setCurrentText(DoriLevel.RECOGNISE.value)
        self.level_combo.setAccessibleName("Detail level new targets need")
        self.toolbar = build_toolbar(self)
        self._layout()
        self._connect()

    def _layout(self) -> None:
        self.views = views = QSplitter(Qt.Orientation.Horizontal)
        views.addWidget(self.view_a)
        views.addWidget(self.view_b)
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(QLabel("Not on a plan yet"))
        side_layout.addWidget(self.unplaced, 2)
        side_layout.addWidget(self.panel, 1)
        body = QSplitter(Qt.Orientation.Horizontal)
        body.addWidget(views)
        body.addWidget(side)
        body.setStretchFactor(0, 4)
        body.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.toolbar)
        layout.addWidget(body, 1)

    def _connect(self) -> None:
        for scene in (self.scene_a, self.scene_b):
            scene.sig_devices_edited.connect(self.edit_devices)
            scene.selectionChanged.connect(self._selection_changed)
        for view in (self.view_a, self.view_b):
            view.sig_dropped.connect(self.place_cameras)
            view.sig_drawn.connect(self._drawn)
            view.sig_delete.connect(self.delete_selected)
        self.unplaced.sig_place.connect(self._place_at_centre)
        self.panel.sig_edit.connect(lambda before, after: self.edit_devices([(before, after)]))
        self.panel.sig_remove.connect(lambda device: self.remove_devices([device]))
        self.document.sig_devices.connect(self._devices_changed)
        self.plan_combo.currentIndexChanged.connect(self._plan_chosen)
        self.mode_combo.currentTextChanged.connect(self.set_mode)

    # ------------------------------------------------------------ the window's side

    @property
    def project(self) -> Project | None:
        return self._project

    def show_analysis(self, project: Project | None, analysis: Analysis | None,
                      units: UnitSystem) -> None:  # fmt: skip
        """After each analysis: the cameras' optics may have changed, or the project itself."""
        if project is not self._project:
            self._project = project
            self.document.clear()
        self.set_units(units)
        if project is not None:
            plan_service.relink(project)  # the survey may have been re-imported
        self._analysis, self._camera_sites = analysis, None
        current = self.plan_id
        self._fill_plans(current)
        if current is not None and self.plan_id == current:
            self.plan_changed(current)
        self._refresh_cameras()

    def _refresh_cameras(self) -> None:
        """The cameras of the sites that have plans, rebuilt when that set of sites changes."""
        project, analysis = self._project, self._analysis
        sites = frozenset(s.site for s in plan_service.plans(project)) if project else frozenset()
        if sites == self._camera_sites:
            return
        self._camera_sites = sites
        # Without a plan no camera is shown: a large estate is not walked for nothing.
        self.cameras = plan_cameras(analysis, sites) if analysis is not None and sites else {}
        self.document.set_cameras(self.cameras)
        self._refresh_unplaced()

    def set_units(self, units: UnitSystem) -> None:
        """Metric or imperial for the legend, the scale bar and the height field."""
        self.units = self.panel.units = self.view_a.units = self.view_b.units = units
        device = self.panel.device
        self.panel.show_device(device, self.document.camera_of(device) if device else None)
        for view in (self.view_a, self.view_b):
            view.viewport().update()

    @property
    def plan_id(self) -> int | None:
        return self.document.plan.id if self.document.plan is not None else None

    def _fill_plans(self, select: int | None) -> None:
        summaries = plan_service.plans(self._project) if self._project is not None else []
        self.plan_combo.blockSignals(True)
        self.plan_combo.clear()
        for summary in summaries:
            self.plan_combo.addItem(f"{summary.site} / {summary.name}", summary.id)
        index = self.plan_combo.findData(select) if select is not None else -1
        self.plan_combo.setCurrentIndex(index if index >= 0 else 0 if summaries else -1)
        self.plan_combo.blockSignals(False)
        self._refresh_cameras()  # a plan of a new site brings that site's cameras
        chosen = self.plan_combo.currentData()
        if chosen != self.plan_id:
            self.show_plan(chosen)

    def _plan_chosen(self, _index: int) -> None:
        self.show_plan(self.plan_combo.currentData())

    def show_plan(self, plan_id: int | None) -> None:
        if self._project is None or plan_id is None:
            self.document.clear()
        else:
            plan = plan_service.plan(self._project, plan_id)
            self.document.set_plan(plan, plan_service.image(self._project, plan_id).data)
            self.fit()
        self._refresh_unplaced()
        self.panel.show_device(None, None)
        self.sig_plan_shown.emit(plan_id if plan_id is not None else -1)

    def plan_changed(self, plan_id: int | None, image: bool = False) -> None:
        """Called by plan commands after they changed the project."""
        if plan_id is None or plan_id != self.plan_id or self._project is None:
            self._fill_plans(plan_id)
            return
        plan = plan_service.plan(self._project, plan_id)
        self.document.set_plan(plan, plan_service.image(self._project, plan_id).data if image
                               else None)  # fmt: skip
        self._refresh_unplaced()

    def _refresh_unplaced(self) -> None:
        plan = self.document.plan
        if plan is None or self._project is None:
            self.unplaced.show_cameras([])
            return
        placed = plan_service.placed_camera_ids(self._project, plan.site)
        self.unplaced.show_cameras(
            c for c in self.cameras.values()
            if c.link.site in (plan.site, None) and c.id not in placed
        )  # fmt: skip

    # ------------------------------------------------------------ modes

    def fit(self) -> None:
        self.view_a.fit()
        self.view_b.fit()

    def set_mode(self, mode: str) -> None:
        left, right = MODES[mode]
        self.scene_a.set_styles(left)
        if right:
            self.scene_b.set_styles(right)
        self.view_b.setVisible(bool(right))
        if right:
            half = max(self.views.width() // 2, 1)
            self.views.setSizes([half, half])
        self.fit()

    # ------------------------------------------------------------ devices

    def place_cameras(self, camera_ids: list[int], at: QPointF) -> None:
        plan = self.document.plan
        if plan is None or self._project is None or not camera_ids:
            return
        placed = {d.camera_id for d in plan.devices}
        facts = [f for f in plan_service.camera_facts(self._project, camera_ids)
                 if f.id not in placed]  # fmt: skip
        step = DROP_SPACING_PX / max(self.view_a.transform().m11(), 1e-9)
        self.undo_stack.beginMacro(f"Place {len(facts)} camera(s) on {plan.name}")
        for n, fact in enumerate(facts):
            device = plan_service.new_device(fact, (at.x() + n * step, at.y()))
            self.undo_stack.push(device_command(self, plan.id, None, device,
                                                f"Place {device.label}"))  # fmt: skip
        self.undo_stack.endMacro()

    def _place_at_centre(self, camera_ids: list[int]) -> None:
        centre = self.view_a.mapToScene(self.view_a.viewport().rect().center())
        self.place_cameras(camera_ids, centre)

    def edit_devices(self, edits: list[tuple[PlacedDevice, PlacedDevice]]) -> None:
        """One undoable step for a gesture, however many cameras it moved."""
        if self.plan_id is None or not edits:
            return
        texts = [
            f"{'Move' if before.position != after.position else 'Aim'} {after.label}"
            for before, after in edits
        ]
        self.undo_stack.beginMacro(texts[0] if len(edits) == 1 else f"Move {len(edits)} cameras")
        for (before, after), text in zip(edits, texts, strict=True):
            self.undo_stack.push(device_command(self, self.plan_id, before, after, text))
        self.undo_stack.endMacro()

    def remove_devices(self, devices: list[PlacedDevice]) -> None:
        if self.plan_id is None or not devices:
            return
        self.undo_stack.beginMacro(f"Remove {len(devices)} camera(s) from the plan")
        for device in devices:
            self.undo_stack.push(device_command(self, self.plan_id, device, None,
                                                f"Remove {device.label}"))  # fmt: skip
        self.undo_stack.endMacro()

    def _selected_scene(self) -> PlanScene:
        sender = self.sender()
        return sender if isinstance(sender, PlanScene) else self.scene_a

    def _selection_changed(self) -> None:
        items = [i for i in self._selected_scene().selectedItems() if isinstance(i, DeviceItem)]
        device = items[-1].device if items else None
        self.panel.show_device(device, self.document.camera_of(device) if device else None)

    def _devices_changed(self, device_ids: list[int]) -> None:
        shown = self.panel.device
        plan = self.document.plan
        if shown is not None and shown.id in device_ids and plan is not None:
            device = plan.device(shown.id)
            self.panel.show_device(device, self.document.camera_of(device) if device else None)

    def delete_selected(self) -> None:
        plan, scene = self.document.plan, self._selected_scene()
        if plan is None:
            return
        selected = scene.selectedItems()
        devices = [i.device for i in selected if isinstance(i, DeviceItem)]
        walls = [w for w in plan.walls if scene.walls.get(w.id) in selected]
        targets = [t for t in plan.targets if scene.targets.get(t.id) in selected]
        if not (devices or walls or targets):
            return
        self.undo_stack.beginMacro("Delete from the plan")
        self.remove_devices(devices)
        for wall in walls:
            self.undo_stack.push(wall_command(self, plan.id, wall, None, "Delete wall"))
        for target in targets:
            self.undo_stack.push(target_command(self, plan.id, target, None,
                                                f"Delete target {target.name}"))  # fmt: skip
        self.undo_stack.endMacro()

    # ------------------------------------------------------------ drawing tools

    def set_tool(self, tool: Tool) -> None:
        self.view_a.set_tool(tool)
        self.view_b.set_tool(tool)

    def _drawn(self, tool_name: str, points: list[tuple[float, float]]) -> None:
        plan = self.document.plan
        if plan is None:
            return
        tool = Tool(tool_name)
        if tool in (Tool.WALL, Tool.OBSTACLE):
            kind = WallKind.OBSTACLE if tool is Tool.OBSTACLE else WallKind.WALL
            self.undo_stack.push(wall_command(self, plan.id, None, Wall(0, tuple(points), kind),
                                              f"Draw {kind.value}"))  # fmt: skip
        elif tool is Tool.TARGET:
            target = Target(0, f"Target {len(plan.targets) + 1}", tuple(points[:2]),
                            DoriLevel(self.level_combo.currentText()))  # fmt: skip
            self.undo_stack.push(target_command(self, plan.id, None, target, f"Add {target.name}"))
        elif tool is Tool.SCALE:
            self.set_scale(points[0], points[1], self.ask_distance())
        elif tool is Tool.CROP:
            (x0, y0), (x1, y1) = points[0], points[-1]
            self.crop(Crop(min(x0, x1), min(y0, y1), abs(x1 - x0), abs(y1 - y0)))
        self.set_tool(Tool.SELECT)

    def ask_distance(self) -> str | None:
        text, ok = QInputDialog.getText(
            self, "Plan scale", "Real distance between the two points (e.g. 12 m, 40 ft):"
        )
        return text if ok else None  # fmt: skip

    def set_scale(self, start: tuple[float, float], end: tuple[float, float],
                  distance: str | None) -> bool:  # fmt: skip
        plan = self.document.plan
        if plan is None or not distance:
            return False
        try:
            parsed = parse_quantity(distance, Kind.DISTANCE)
            if parsed.unit_assumed:
                raise QuantityParseError("give the unit, such as 12 m or 40 ft")
            scale = PlanScale(start, end, parsed.magnitude)
        except (QuantityParseError, PlanError) as exc:
            self._error("Cannot set the scale", f"{distance!r}: {exc}")
            return False
        self.undo_stack.push(ScaleCommand(self, plan.id, plan.scale, scale))
        return True

    # ------------------------------------------------------------ whole-plan edits

    def choose_plan_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Import plan", "", PLAN_FILTER)
        if not path:
            return
        sites = sorted({c.link.site for c in self.cameras.values() if c.link.site})
        site, ok = QInputDialog.getItem(self, "Import plan", "Site the plan shows:",
                                        sites or [""], 0, True)  # fmt: skip
        if not ok or not site.strip():
            return
        page, dpi = 1, plan_service.DEFAULT_PDF_DPI
        if path.lower().endswith(".pdf"):
            page, ok = QInputDialog.getInt(self, "Import plan", "PDF page:", 1, 1, 9999)
            dpi, ok2 = QInputDialog.getInt(self, "Import plan", "Resolution (dpi):",
                                           int(dpi), 10, 1200)  # fmt: skip
            if not (ok and ok2):
                return
        self.import_plan(Path(path), site, None, page, float(dpi))

    def import_plan(self, path: Path, site: str, name: str | None = None, page: int = 1,
                    dpi: float = plan_service.DEFAULT_PDF_DPI) -> bool:  # fmt: skip
        if self._project is None:
            return False
        try:
            plan = plan_service.import_plan(self._project, path, site, name, page, dpi)
        except PlanError as exc:
            self._error("Cannot import plan", str(exc))
            return False
        after = plan_service.snapshot(self._project, plan.id)
        self.undo_stack.push(SnapshotCommand(self, f"Import plan {plan.name}", None, after))
        return True

    def delete_plan(self) -> None:
        if self._project is None or self.plan_id is None:
            return
        before = plan_service.snapshot(self._project, self.plan_id)
        plan_service.delete_plan(self._project, self.plan_id)
        self.undo_stack.push(SnapshotCommand(self, f"Delete plan {before.plan.name}", before, None))

    def rotate(self, degrees: float) -> None:
        def turn(project: Project, plan_id: int) -> object:
            return plan_service.rotate_plan(project, plan_id, degrees)

        self._reshape(f"Rotate plan {degrees:g}°", turn)

    def ask_rotation(self) -> None:
        degrees, ok = QInputDialog.getDouble(self, "Rotate plan", "Degrees anticlockwise:", 0.0,
                                             -359.9, 359.9, 1)  # fmt: skip
        if ok and not math.isclose(degrees, 0.0):
            self.rotate(degrees)

    def crop(self, area: Crop) -> None:
        def cut(project: Project, plan_id: int) -> object:
            return plan_service.crop_plan(project, plan_id, area)

        self._reshape("Crop plan", cut)

    def _reshape(self, text: str, change: Callable[[Project, int], object]) -> None:
        if self._project is None or self.plan_id is None:
            return
        before = plan_service.snapshot(self._project, self.plan_id)
        try:
            change(self._project, self.plan_id)
        except PlanError as exc:
            self._error("Cannot change the plan", str(exc))
            return
        after = plan_service.snapshot(self._project, self.plan_id)
        self.undo_stack.push(SnapshotCommand(self, text, before, after))

    def _error(self, title: str, text: str) -> None:
        QMessageBox.warning(self, title, text)
