"""Discover devices…: scan the site network, preview what answered, then add it to the project.

The user chooses where to look (an interface for multicast, hosts, a range)
and may give an ONVIF login for this scan; the password stays in the field and
the running scan, never in settings. The scan runs through ``workers.run_task``
with progress; Stop ends it early and keeps what was found, closing the dialog
abandons it. A second scan is folded into the first by MAC. Nothing enters the
project until the user presses "Add to project", which emits ``sig_accepted``
with the devices as a survey import.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QStatusBar,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from specassist.services import discovery_service as service
from specassist.services.imports import StoredImport, SurveyImport
from specassist.services.projects import Project
from specassist.ui import workers
from specassist.ui.models.discovered_model import DiscoveredModel
from specassist.ui.models.issues_model import IssuesModel

NO_MULTICAST = "(no multicast)"


def _words(text: str) -> tuple[str, ...]:
    return tuple(w for w in re.split(r"[\s,;]+", text.strip()) if w)


class DiscoverDialog(QDialog):
    sig_accepted = Signal(object)
    """The devices as a ``SurveyImport``, when the user adds them to the project."""
    sig_scan_done = Signal()
    """A scan ended (finished, stopped early or failed); for tests and the status line."""

    def __init__(self, parent: QWidget | None = None, ports: service.Ports | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Discover devices")
        self.ports = ports or service.Ports()
        self.found: service.Discovery | None = None
        self.task: workers.Task | None = None
        self._stop = threading.Event()
        self._build()

    def _build(self) -> None:
        self.interface = QComboBox()
        self.interface.addItem(NO_MULTICAST, None)
        for name, address in service.interfaces():
            if address is not None:
                self.interface.addItem(f"{name} ({address})", name)
        self.hosts = QLineEdit(placeholderText="192.168.1.64 192.168.1.65")
        self.ranges = QLineEdit(placeholderText="192.168.1.0/24")
        self.user = QLineEdit(placeholderText="optional, for this scan only")
        self.password = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.time_limit = QDoubleSpinBox(minimum=1, maximum=600, value=service.DEFAULT_TIMEOUT_S,
                                         suffix=" s")  # fmt: skip
        self.rate = QSpinBox(minimum=1, maximum=5000, value=int(service.DEFAULT_RATE),
                             suffix=" packets/s")  # fmt: skip
        form = QFormLayout()
        for label, widget in (("Multicast on", self.interface), ("Hosts", self.hosts),
                              ("Range (CIDR)", self.ranges), ("ONVIF user", self.user),
                              ("ONVIF password", self.password), ("Time limit", self.time_limit),
                              ("Pace", self.rate)):  # fmt: skip
            form.addRow(label, widget)
        self.scan_button = QPushButton("&Scan")
        self.scan_button.clicked.connect(self.scan)
        self.stop_button = QPushButton("S&top")
        self.stop_button.setEnabled(False)
        self.stop_button.clicked.connect(self.stop)
        self.progress = QProgressBar(maximum=100)
        self.status = QLabel("Choose where to look, then Scan. Only those addresses are probed.")
        self.status.setWordWrap(True)
        controls = QHBoxLayout()
        for w in (self.scan_button, self.stop_button, self.progress):
            controls.addWidget(w)
        self.devices = DiscoveredModel(self)
        self.issues = IssuesModel([], self)
        self.device_table = self._table(self.devices, "Discovered devices")
        self.issue_table = self._table(self.issues, "Issues")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.add_button = self.buttons.addButton(
            "&Add to project", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.add_button.setEnabled(False)
        self.buttons.accepted.connect(self._add)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(controls)
        layout.addWidget(self.status)
        layout.addWidget(self.device_table, 3)
        layout.addWidget(self.issue_table, 1)
        layout.addWidget(self.buttons)
        self.resize(980, 640)

    @staticmethod
    def _table(model: DiscoveredModel | IssuesModel, name: str) -> QTableView:
        table = QTableView()
        table.setModel(model)
        table.setAccessibleName(name)
        table.horizontalHeader().setStretchLastSection(True)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        return table

    def request(self) -> service.ScanRequest:
        user = self.user.text().strip()
        return service.ScanRequest(
            interface=self.interface.currentData(),
            hosts=_words(self.hosts.text()),
            ranges=_words(self.ranges.text()),
            ports=self.ports,
            credentials=service.Credentials(user, self.password.text()) if user else None,
            timeout_s=self.time_limit.value(),
            rate=float(self.rate.value()),
        )

    def scan(self) -> None:
        if self.task is not None and not self.task.done:
            return
        request, earlier, stop = self.request(), self.found, threading.Event()
        self._stop = stop

        def work(progress: workers.Progress, cancelled: Callable[[], bool]) -> object:
            found = service.discover(request, progress, lambda: cancelled() or stop.is_set())
            return found if earlier is None else service.fold_rescan(earlier, found)

        self._running(True, "Scanning…")
        self.task = workers.run_task(work, self._finished, self._failed, self._progress,
                                     lambda: self._running(False, "Scan abandoned."))  # fmt: skip

    def stop(self) -> None:
        """End the scan early; what was found so far is kept."""
        self._stop.set()
        self.status.setText("Stopping…")

    def _running(self, running: bool, text: str) -> None:
        self.scan_button.setEnabled(not running)
        self.stop_button.setEnabled(running)
        self.status.setText(text)
        if not running:
            self.sig_scan_done.emit()

    def _progress(self, text: str, fraction: float) -> None:
        self.progress.setValue(int(fraction * 100))
        self.status.setText(text)

    def _finished(self, found: object) -> None:
        assert isinstance(found, service.Discovery)
        self.found = found
        self.devices.set_devices([service.summarise(d) for d in found.devices])
        self.issues = IssuesModel(found.survey.issues, self)
        self.issue_table.setModel(self.issues)
        self.add_button.setEnabled(bool(found.survey.cameras))
        report = found.report
        ending = (" Stopped early: these are the devices found so far." if report.cancelled
                  else " The time limit ended the scan." if report.timed_out else "")  # fmt: skip
        self.progress.setValue(100)
        self._running(False, found.survey.detail + "." + ending)

    def _failed(self, message: str) -> None:
        self._running(False, f"The scan could not run: {message}")

    def _add(self) -> None:
        if self.found is None:
            return
        self.sig_accepted.emit(self.found.survey)
        self.accept()

    def _abandon(self) -> None:
        if self.task is not None and not self.task.done:
            self._stop.set()
            self.task.cancel()

    def reject(self) -> None:
        self._abandon()
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        self._abandon()
        super().closeEvent(event)


class DiscoveryHost(Protocol):
    """What adding discovered devices needs from the main window."""

    @property
    def project(self) -> Project | None: ...

    def record_import(self, stored: StoredImport) -> None: ...

    def statusBar(self) -> QStatusBar: ...


def add_discovered(host: DiscoveryHost, survey: SurveyImport) -> None:
    """Store accepted devices as a new import in the open project (one undoable step)."""
    if host.project is None:
        return
    host.record_import(service.add_to_project(host.project, survey))
    host.statusBar().showMessage(
        f"Added {len(survey.cameras)} discovered device(s) to the project", 10000
    )
