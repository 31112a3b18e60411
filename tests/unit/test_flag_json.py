"""The flag output carries the device class, the serial's reading and the rule packs' versions."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from specassist.catalog.loader import load_catalog_folder
from specassist.domain.outcome import Status
from specassist.domain.pipeline import Setup, analyse_cameras
from specassist.domain.survey import SurveyCamera
from specassist.services.outputs import decision_json

REPO = Path(__file__).parent.parent.parent


def test_flag_json_has_class_serial_dates_and_pack_stamps() -> None:
    catalog = load_catalog_folder(REPO / "catalog").catalog
    cameras = [
        SurveyCamera(1, tag="R1", make="Hikvision", model="DS-7608NI-K2"),
        SurveyCamera(2, tag="D1", serial="DS-2CD2143G2-I20220315AAWRJ12345678"),
        SurveyCamera(3, tag="L1", make="Lorex", model="LNB4321B"),
        SurveyCamera(4, tag="V1", make="Acme", model="X-1", device_type="Door station"),
    ]
    analysis = analyse_cameras(Setup(catalog, None, date(2026, 12, 1)), cameras)
    packs = analysis.engines.rules.rule_sets
    rows = {o.camera.tag: decision_json(o, packs) for o in analysis.outcomes}
    assert rows["R1"]["device_class"] == "recorder" and rows["R1"]["verdict"] == "excluded"
    recorder = next(o for o in analysis.outcomes if o.camera.tag == "R1")
    # Only cameras are matched to cameras: the recorder gets no requirement and no camera.
    assert recorder.status is Status.NOT_A_CAMERA
    assert recorder.requirement is None and recorder.offer is None
    assert rows["D1"]["serial"] == {
        "serial": "DS-2CD2143G2-I20220315AAWRJ12345678",
        "model": "DS-2CD2143G2-I",
        "made_on": "2022-03-15",
        "channels": None,
    }
    assert rows["L1"]["verdict"] == "unknown"
    assert rows["L1"]["pending"] and "serial number" in str(rows["L1"]["pending"])
    assert rows["V1"]["device_class"] == "intercom"
    stamps = rows["R1"]["rule_packs"]
    assert isinstance(stamps, list) and stamps
    assert all(s["version"] != "unversioned" and s["reviewed"] for s in stamps)
    fcc = next(s for s in stamps if s["id"] == "us-fcc-covered-list")
    assert fcc["applies_to_installed"] is False
