"""The Discover devices dialog against fake devices on loopback, driven with clicks."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "discovery"))
from fake_devices import CameraFacts, OnvifService, SadpResponder, WsdResponder

from specassist.app import create_window
from specassist.discovery.records import DeviceField, DeviceRecord, Finding, Protocol
from specassist.services import capture, discovery_service
from specassist.survey.importer import SurveyImport
from specassist.ui.dialogs.discover_dialog import DiscoverDialog
from specassist.ui.models.discovered_model import DiscoveredModel


@pytest.fixture
def camera() -> Iterator[WsdResponder]:
    facts = CameraFacts()
    service = OnvifService(facts).start()
    responder = WsdResponder(facts, service.url).start()
    yield responder
    responder.stop()
    service.stop()


def _dialog(qtbot: QtBot, ports: discovery_service.Ports) -> DiscoverDialog:
    dialog = DiscoverDialog(ports=ports)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_model_shows_values_and_their_sources(qtmodeltester: ModelTester) -> None:
    record = DeviceRecord("10.0.0.5")
    model_source = "ProbeMatch/DeviceDescription"
    record.add(
        [
            Finding(DeviceField.MODEL, "DS-2CD2143G2-I", Protocol.SADP, model_source),
            Finding(DeviceField.MAC, "44-19-b6-12-34-56", Protocol.SADP, "ProbeMatch/MAC"),
        ]
    )
    model = DiscoveredModel()
    model.set_devices([discovery_service.summarise(record)])
    row = [model.data(model.index(0, c)) for c in range(model.columnCount())]
    assert row[:3] == ["10.0.0.5", "", "DS-2CD2143G2-I"]
    assert row[5] == "44:19:B6:12:34:56" and row[-1] == "sadp"
    tip = model.data(model.index(0, 2), Qt.ItemDataRole.ToolTipRole)
    assert tip == "sadp ProbeMatch/DeviceDescription: DS-2CD2143G2-I"
    qtmodeltester.check(model)


def test_scan_preview_then_add(qtbot: QtBot, camera: WsdResponder) -> None:
    dialog = _dialog(qtbot, discovery_service.Ports(wsd=camera.port))
    qtbot.keyClicks(dialog.hosts, "127.0.0.1")
    assert not dialog.add_button.isEnabled()
    with qtbot.waitSignal(dialog.sig_scan_done, timeout=30000):
        qtbot.mouseClick(dialog.scan_button, Qt.MouseButton.LeftButton)
    model = dialog.devices
    assert model.rowCount() == 1
    assert model.data(model.index(0, 2)) == "DS-2CD2143G2-I"
    assert model.data(model.index(0, 5)) == "44:19:B6:12:34:56"
    assert "1 device(s)" in dialog.status.text()
    assert dialog.issues.rowCount() >= 1  # GetNetworkInterfaces needed a login
    with qtbot.waitSignal(dialog.sig_accepted) as accepted:
        qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    survey = accepted.args[0]
    assert isinstance(survey, SurveyImport) and survey.cameras[0].model == "DS-2CD2143G2-I"


def test_stop_keeps_what_was_found_so_far(qtbot: QtBot) -> None:
    sadp = SadpResponder(CameraFacts(model="DS-7608NI-K2")).start()
    try:
        ports = discovery_service.Ports(wsd=9, sadp=sadp.port, dhip=9)
        dialog = _dialog(qtbot, ports)
        dialog.ranges.setText("127.0.0.0/24")
        dialog.rate.setValue(20)  # slow enough to stop half-way: 1016 datagrams take ~50 s
        qtbot.mouseClick(dialog.scan_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: len(sadp.received) >= 1, timeout=10000)
        assert dialog.stop_button.isEnabled() and not dialog.scan_button.isEnabled()
        with qtbot.waitSignal(dialog.sig_scan_done, timeout=10000):
            qtbot.mouseClick(dialog.stop_button, Qt.MouseButton.LeftButton)
        assert "Stopped early" in dialog.status.text()
        assert dialog.found is not None and dialog.found.report.cancelled
        assert dialog.devices.rowCount() == 1
    finally:
        sadp.stop()


def test_a_second_scan_merges_by_mac(qtbot: QtBot, camera: WsdResponder) -> None:
    dialog = _dialog(qtbot, discovery_service.Ports(wsd=camera.port))
    dialog.hosts.setText("127.0.0.1")
    for _ in range(2):
        with qtbot.waitSignal(dialog.sig_scan_done, timeout=30000):
            qtbot.mouseClick(dialog.scan_button, Qt.MouseButton.LeftButton)
    assert dialog.devices.rowCount() == 1
    assert dialog.found is not None and dialog.found.merged is not None
    assert len(dialog.found.merged.unchanged) == 1
    assert "merged with an earlier scan by MAC" in dialog.status.text()


def test_a_bad_range_is_reported_in_words(qtbot: QtBot) -> None:
    dialog = _dialog(qtbot, discovery_service.Ports())
    dialog.ranges.setText("10.0.0.0/8")
    with qtbot.waitSignal(dialog.sig_scan_done, timeout=10000):
        qtbot.mouseClick(dialog.scan_button, Qt.MouseButton.LeftButton)
    assert "scan it in parts" in dialog.status.text()
    assert dialog.scan_button.isEnabled()


def test_the_window_adds_accepted_devices_as_a_new_import(
    qtbot: QtBot, camera: WsdResponder
) -> None:
    window = create_window()
    qtbot.addWidget(window)
    assert window.action_discover in window.menuBar().actions()[0].menu().actions()
    dialog = window.discover_devices()
    dialog.ports = discovery_service.Ports(wsd=camera.port)
    dialog.hosts.setText("127.0.0.1")
    with qtbot.waitSignal(dialog.sig_scan_done, timeout=30000):
        qtbot.mouseClick(dialog.scan_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(window.sig_project_changed, timeout=20000):
        qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    assert window.project is not None
    [stored] = capture.cameras(window.project)
    assert stored.camera.model == "DS-2CD2143G2-I" and stored.camera.ip_address == "127.0.0.1"
    assert window.project.dirty
