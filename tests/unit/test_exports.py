"""Device lists exported by the tools installers already have, read by the general mechanism.

Each sample in tests/data/surveys was written for these tests from the column
names the tool shows or documents; the values are invented. Where the columns
came from:

- sadp_device_list.csv: Hikvision SADP's device list (ID, Device Type, Status,
  IPv4 Address, Port, …, Device Serial No., MAC Address, …), as listed in the
  SADP user manual's device table. [column order from the manual's figure,
  unchecked against a saved export]
- configtool_device_list.csv: Dahua ConfigTool's device list (No., Status, Type,
  Model, IP, MAC, Version, …, SN). [unchecked: from the tool's list view]
- onvif_device_manager.csv: the identification fields ONVIF Device Manager shows
  (Name, Location, Manufacturer, Model, Firmware version, Serial number,
  Hardware ID, IP address, MAC address: the ONVIF GetDeviceInformation fields
  and scopes), typed into a sheet — ODM has no export of its own.
- milestone_hardware.csv: MilestonePSTools Export-HardwareCsv's default fields
  (HardwareName, HardwareAddress, MacAddress, UserName, Password, DriverNumber,
  DriverDisplayName, RecordingServerName, RecordingServerId), per the cmdlet's
  help at powershellgallery.com/packages/MilestonePSTools (read Dec 2026).
- nx_witness_devices.csv: Nx Witness's device list dialog columns (Recording,
  Name, Vendor, Model, Firmware, IP/Name, MAC address, Server). [unchecked]
- hikvision_nvr_channels.csv: a Hikvision NVR's IP camera list (Camera No.,
  Add/Delete, Status, Security, IP Camera Address, …, Device Model, Serial No.,
  Firmware Version). [unchecked: from the recorder's local menu]
"""

from __future__ import annotations

from pathlib import Path

import pytest

from specassist.catalog.loader import load_catalog_folder
from specassist.domain.issues import Severity
from specassist.domain.pipeline import Setup, analyse_cameras
from specassist.survey.importer import import_survey

EXPECTED = {
    "sadp_device_list.csv": (
        ["DS-2CD2143G2-I", "DS-2CD2T46G2-4I", "DS-2DE4425IW-DE", "DS-7608NI-K2", "DS-KV6113-WPE1"],
        {"DS-7608NI-K2": "recorder", "DS-KV6113-WPE1": "intercom"},
    ),
    "configtool_device_list.csv": (
        ["IPC-HFW2431S-S-S2", "SD49225XA-HNR", "NVR4108HS-4KS2/L", "VTO2202F-P",
         "IPC-HDBW2431E-S-S2"],
        {"NVR4108HS-4KS2/L": "recorder", "VTO2202F-P": "intercom"},
    ),
    "onvif_device_manager.csv": (
        ["DS-2CD2143G2-I", "IPC-HFW5442E-ZE", "P3265-LVE", "XNV-6080R"], {}
    ),
    "milestone_hardware.csv": (
        ["DS-2CD2143G2-I", "IPC-HFW5442E-ZE", "P3265-LVE", "DS-7616NI-K2"],
        {"DS-7616NI-K2": "recorder"},
    ),
    "nx_witness_devices.csv": (
        ["DS-2CD2143G2-I", "IPC-HFW5442E-ZE", "P3265-LVE", "VTO2202F-P"],
        {"VTO2202F-P": "intercom"},
    ),
    "hikvision_nvr_channels.csv": (
        ["DS-2CD2143G2-I", "DS-2CD2T46G2-4I", "IPC-HDW2431T-AS-S2", "DS-2DE4425IW-DE"], {}
    ),
}  # fmt: skip


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_every_model_found_and_every_other_device_classed(
    surveys: Path, shipped_catalog: Path, name: str
) -> None:
    """The importer finds every model; identification then says which are not cameras,
    from the type column where the export has one and from the model's series where not."""
    result = import_survey(surveys / name)
    models, classes = EXPECTED[name]
    assert [c.model for c in result.cameras] == models
    assert not [i for i in result.issues if i.severity is Severity.ERROR]
    assert result.accounting.balanced and result.accounting.stored == len(models)
    catalog = load_catalog_folder(shipped_catalog).catalog
    analysis = analyse_cameras(Setup(catalog), result.cameras)
    for outcome in analysis.outcomes:
        found = outcome.identification.device_class.value
        assert found == classes.get(outcome.camera.model or "", "camera"), outcome.camera.model
        if found != "camera":  # never offered a camera
            assert outcome.offer is None and outcome.requirement is None


def test_sadp_status_is_device_state_and_serial_mac_ip_are_read(surveys: Path) -> None:
    result = import_survey(surveys / "sadp_device_list.csv")
    first = result.cameras[0]
    assert first.device_state == "Active" and first.status is None
    assert first.mac == "BC:AD:28:11:22:33" and first.ip_address == "192.168.1.64"
    assert first.serial == "DS-2CD2143G2-I20220315AAWRJ12345678"
    assert result.mapping["Device Type"] == "model"
    note = next(i for i in result.issues if i.message.startswith("column 'Device Type'"))
    assert "DS-2CD2143G2-I" in note.message and note.severity is Severity.INFO


def test_configtool_type_column_is_the_device_type(surveys: Path) -> None:
    result = import_survey(surveys / "configtool_device_list.csv")
    assert [c.device_type for c in result.cameras] == ["IPC", "SD", "NVR", "VTO", "IPC"]
    assert all(c.form_factor is None for c in result.cameras)
    assert result.cameras[3].device_state == "Uninitialized"


def test_vms_export_model_from_name_url_as_address_and_no_passwords(surveys: Path) -> None:
    result = import_survey(surveys / "milestone_hardware.csv")
    gate = result.cameras[0]
    assert gate.tag == "Front Gate (DS-2CD2143G2-I)" and gate.ip_address == "10.1.0.21"
    assert gate.mac == "BC:AD:28:11:22:33"
    evidence = [i for i in result.issues if "taken from the camera name" in i.message]
    assert len(evidence) == 4 and evidence[0].value == "Front Gate (DS-2CD2143G2-I)"
    assert all("Password" not in c.raw and "Password" not in c.extra for c in result.cameras)
    assert not any("Secret" in str(c.raw) for c in result.cameras)
