"""The flag output carries the device class, the serial's reading and the rule packs' versions."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from specassist.catalog.loader import load_catalog_folder
from specassist.domain.rules import chosen_rule_sets
from specassist.domain.survey import SurveyCamera
from specassist.services.flag_service import decision_json, flag_cameras

REPO = Path(__file__).parent.parent.parent


def test_flag_json_has_class_serial_dates_and_pack_stamps() -> None:
    catalog = load_catalog_folder(REPO / "catalog").catalog
    cameras = [
        SurveyCamera(1, tag="R1", make="Hikvision", model="DS-7608NI-K2"),
        SurveyCamera(2, tag="D1", serial="DS-2CD2143G2-I20220315AAWRJ12345678"),
        SurveyCamera(3, tag="L1", make="Lorex", model="LNB4321B"),
        SurveyCamera(4, tag="V1", make="Acme", model="X-1", device_type="Door station"),
    ]
    flagged = flag_cameras(catalog, cameras, None, date(2026, 12, 1))
    packs = chosen_rule_sets(catalog, None)
    rows = {f.camera.tag: decision_json(f, packs) for f in flagged}
    assert rows["R1"]["device_class"] == "recorder" and rows["R1"]["verdict"] == "excluded"
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
