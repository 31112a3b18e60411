"""The System tab: per site, the recorders and their cameras, bandwidth and storage, PoE per
switch, the devices that are not cameras, and the phases with their subtotals.

It shows what the last analysis planned (``Loaded.system``) and changes only the project's
system settings, through services and the window's undo stack; the next analysis brings the
new plan back. It never builds a plan itself.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QItemSelection, Qt
from PySide6.QtGui import QShowEvent, QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from specassist.domain import formatting as fmt
from specassist.domain.costing import Costing
from specassist.domain.pipeline import Analysis
from specassist.domain.system_plan import SystemPlan
from specassist.services import project_settings, system_service
from specassist.services.system_values import system_values
from specassist.ui.analysis_runner import Loaded
from specassist.ui.models.phase_assignment_model import Assignment, PhaseAssignmentModel
from specassist.ui.models.plan_rows import PlanRowsModel
from specassist.ui.models.system_devices_model import SystemDevicesModel
from specassist.ui.models.system_phases_model import PhaseRow, SystemPhasesModel
from specassist.ui.models.system_recorders_model import SystemRecordersModel
from specassist.ui.models.system_streams_model import SystemStreamsModel
from specassist.ui.models.system_switches_model import SystemSwitchesModel
from specassist.ui.undo import SettingsCommand, Workbench
from specassist.ui.widgets.system_settings_form import SystemSettingsForm

ALL_SITES = "All sites"


def _table(model: PlanRowsModel, name: str) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setAccessibleName(name)
    view.setAlternatingRowColors(True)
    view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
    view.verticalHeader().setDefaultSectionSize(22)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.horizontalHeader().setStretchLastSection(True)
    return view


class SystemTab(QWidget):
    def __init__(
        self, bench: Workbench, undo_stack: QUndoStack, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.bench, self.undo_stack = bench, undo_stack
        self.plan: SystemPlan | None = None
        self._waiting: Loaded | None = None
        """An analysis not yet shown because the tab was out of view."""
        self.costing: Costing | None = None
        self.analysis: Analysis | None = None
        self.site = QComboBox()
        self.site.setAccessibleName("Site")
        self.site.currentTextChanged.connect(lambda _text: self._show_site())
        self.summary = QLabel("Import a survey to plan the recorders, network and phases.")
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName("Site totals")
        self.recorders = SystemRecordersModel(self)
        self.streams = SystemStreamsModel(self)
        self.switches = SystemSwitchesModel(self)
        self.devices = SystemDevicesModel(self)
        self.phases = SystemPhasesModel(self)
        self.assignments = PhaseAssignmentModel(self)
        self.assignments.sig_assigned.connect(self.assign_phase)
        self.recorder_view = _table(self.recorders, "Recorders")
        self.recorder_view.selectionModel().selectionChanged.connect(self._recorder_selected)
        self.stream_view = _table(self.streams, "Cameras of the selected recorder")
        self.form = SystemSettingsForm()
        self.form.sig_apply.connect(self.apply_settings)
        self._build()

    def _build(self) -> None:
        recording = QSplitter(Qt.Orientation.Vertical)
        recording.addWidget(self.recorder_view)
        recording.addWidget(self.stream_view)
        phasing = QSplitter(Qt.Orientation.Vertical)
        phasing.addWidget(_table(self.phases, "Phases"))
        self.assignment_view = _table(self.assignments, "Phase of each device")
        self.assignment_view.setEditTriggers(
            QTableView.EditTrigger.DoubleClicked | QTableView.EditTrigger.EditKeyPressed
        )
        phasing.addWidget(self.assignment_view)
        self.views = QTabWidget()
        self.views.addTab(recording, "Recorders")
        self.views.addTab(_table(self.switches, "Switches"), "PoE per switch")
        self.views.addTab(_table(self.devices, "Other devices"), "Other devices")
        self.views.addTab(phasing, "Phases")
        bar = QHBoxLayout()
        bar.addWidget(QLabel("Site"))
        bar.addWidget(self.site, 1)
        right = QVBoxLayout()
        right.addLayout(bar)
        right.addWidget(self.summary)
        right.addWidget(self.views, 1)
        layout = QHBoxLayout(self)
        layout.addWidget(self.form, 1)
        layout.addLayout(right, 3)

    # ------------------------------------------------------------ showing the plan

    def show_loaded(self, loaded: Loaded) -> None:
        """A finished analysis of the open project, with its system plan: shown now if the
        tab is in view, else when it is next shown. Filling the tables of a large estate
        takes about 100 ms, which every edit would otherwise add to the window's thread."""
        self._waiting = loaded
        if self.isVisible():
            self._show_loaded()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._show_loaded()

    def _show_loaded(self) -> None:
        loaded, self._waiting = self._waiting, None
        if loaded is None:
            return
        self.analysis, self.plan, self.costing = loaded.analysis, loaded.system, loaded.costing
        names = loaded.analysis.catalog.vendor_names()
        self.recorders.vendor_names = self.switches.vendor_names = names
        project = self.bench.project
        if project is not None:
            settings = system_service.settings(project)
            self.form.show_settings(settings, list(loaded.analysis.catalog.vms_platforms))
        if loaded.system_error:
            self.form.message.setText(f"The system could not be planned: {loaded.system_error}")
        current = self.site.currentText()
        sites = [ALL_SITES, *(self.plan.sites if self.plan else ())]
        self.site.blockSignals(True)
        self.site.clear()
        self.site.addItems(sites)
        self.site.setCurrentIndex(max(0, self.site.findText(current)))
        self.site.blockSignals(False)
        self._show_site()

    def _show_site(self) -> None:
        plan = self.plan
        site = self.site.currentText()
        if plan is None:
            for model in (
                self.recorders,
                self.streams,
                self.switches,
                self.devices,
                self.phases,
                self.assignments,
            ):
                model.set_rows([])
            return

        def here(item: Any) -> bool:
            return site in ("", ALL_SITES) or item.site == site

        self.recorders.set_rows([g for g in plan.groups if here(g)])
        self.streams.set_rows([])
        self.switches.set_rows([s for s in plan.switches if here(s)])
        self.devices.set_rows([d for d in plan.devices if here(d)])
        totals = dict(self.costing.phase_subtotals) if self.costing else {}
        self.phases.set_rows([PhaseRow(p, totals.get(p.key)) for p in plan.phases])
        self.assignments.set_rows(self._assignments(plan, here))
        self.summary.setText(self._summary(plan, site))
        if self.recorders.rowCount():
            self.recorder_view.selectRow(0)

    def _assignments(self, plan: SystemPlan, here: Any) -> list[Assignment]:
        if self.analysis is None:
            return []
        return [
            Assignment(
                o.id,
                o.camera.display_tag,
                o.site,
                f"{o.identification.device_class.value}, {o.status.value}",
                plan.phase_of(o.id),
            )
            for o in self.analysis.outcomes
            if o.status.excluded and here(o)
        ]

    def _summary(self, plan: SystemPlan, site: str) -> str:
        sites = plan.sites if site in ("", ALL_SITES) else (site,)
        parts = []
        for name in sites:
            t = plan.site_totals(name)
            parts.append(
                f"{name}: {t.cameras} cameras recorded, "
                f"{fmt.bitrate(t.incoming_mbps)} incoming, "
                f"{fmt.storage(t.stored_tb)} of video, {fmt.storage(t.raw_tb)} raw disk"
            )
        rec = plan.settings.recording
        parts.append(
            f"Sized for {rec.fps:g} fps, {rec.codec.value}, {rec.activity.value} "
            f"activity, {rec.mode.value} recording, {rec.retention_days} days."
        )
        return "\n".join(parts + list(plan.notes))

    def _recorder_selected(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        rows = self.recorder_view.selectionModel().selectedRows()
        group = self.recorders.row_at(rows[0].row()) if rows else None
        self.streams.set_rows(group.streams if group else [])

    # ------------------------------------------------------------ changing the settings

    def apply_settings(
        self, values: dict[str, Any], text: str = "Change recording settings"
    ) -> None:
        project = self.bench.project
        if project is None:
            return
        before = project_settings.section(project, "system")
        try:
            system_service.set_settings(project, values)
        except ValueError as exc:
            self.form.message.setText(str(exc))
            return
        self.undo_stack.push(SettingsCommand(self.bench, "system", text, before))
        self.bench.after_settings_change()

    def assign_phase(self, device_id: int, phase: str) -> None:
        """Phasing by hand: the device goes to ``phase`` ("" = not yet phased)."""
        project = self.bench.project
        if project is None:
            return
        stored = system_values(system_service.settings(project))
        phasing = stored["phasing"]
        assignments = dict(phasing["assignments"])
        if phasing["rule"] != "manual" and self.plan is not None:
            # From another rule to "by hand": start from the phases shown, not from nothing.
            phasing["phase_names"] = [p.name for p in self.plan.phases]
            assignments = {str(i): p.name for p in self.plan.phases for i in p.device_ids}
        if phase:
            assignments[str(device_id)] = phase
        else:
            assignments.pop(str(device_id), None)
        names = list(dict.fromkeys([*phasing["phase_names"], *([phase] if phase else [])]))
        values = {
            "phasing": {
                **phasing,
                "rule": "manual",
                "assignments": assignments,
                "phase_names": names,
            }
        }
        self.apply_settings(values, "Change the phase of a device")
