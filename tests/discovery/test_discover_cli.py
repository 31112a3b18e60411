"""``specassist discover`` against fake devices on loopback, as a user would run it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fake_devices import FakeCamera, SadpResponder

from specassist.cli.discover_cmd import PASSWORD_VARIABLE
from tests.cli_runner import run_cli


def test_discover_json_finds_the_fake_cameras_model_and_mac(fake_camera: FakeCamera) -> None:
    port = str(fake_camera.wsd.port)
    status, text = run_cli("discover", "--host", "127.0.0.1", "--wsd-port", port, "--json")
    assert status == 0
    report = json.loads(text)
    [device] = report["devices"]
    assert device["address"] == "127.0.0.1"
    assert (device["model"], device["mac"]) == ("DS-2CD2143G2-I", "44:19:B6:12:34:56")
    assert {(s["protocol"], s["source"]) for s in device["found_by"]["model"]} == {
        ("onvif", "GetDeviceInformation/Model"),
        ("ws-discovery", "ProbeMatch/Scopes/hardware"),
    }
    assert device["found_by"]["mac"] == [
        {"protocol": "ws-discovery", "source": "ProbeMatch/Scopes/MAC",
         "value": "44:19:b6:12:34:56"},
    ]  # fmt: skip
    assert report["scan"]["targets"] == 1 and not report["scan"]["timed_out"]
    assert any("needs a login" in i["message"] for i in report["issues"])


def test_the_password_comes_from_the_environment_and_is_never_printed(
    fake_camera: FakeCamera, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    password = fake_camera.onvif.password
    monkeypatch.setenv(PASSWORD_VARIABLE, password)
    project = tmp_path / "site.specassist"
    status, text = run_cli("discover", "--host", "127.0.0.1", "--wsd-port",
                        str(fake_camera.wsd.port), "--onvif-user", "admin", "--json",
                        "--project", str(project))  # fmt: skip
    assert status == 0 and password not in text
    [device] = json.loads(text)["devices"]
    assert {s["source"] for s in device["found_by"]["mac"]} == {
        "ProbeMatch/Scopes/MAC", "GetNetworkInterfaces/HwAddress",
    }  # fmt: skip
    assert ("GetNetworkInterfaces", "valid") in fake_camera.onvif.log.calls
    assert password.encode() not in project.read_bytes()
    from specassist.services import capture, projects

    with projects.open_project(project) as opened:
        [stored] = capture.cameras(opened)
        assert (stored.camera.model, stored.camera.mac) == ("DS-2CD2143G2-I", "44:19:B6:12:34:56")


def test_the_text_report_and_the_refusals(
    fake_sadp: SadpResponder, capsys: pytest.CaptureFixture[str]
) -> None:
    status, text = run_cli("discover", "--host", "127.0.0.1", "--sadp-port", str(fake_sadp.port),
                        "--wsd-port", "9", "--dhip-port", "9", "--timeout", "5")  # fmt: skip
    assert status == 0
    assert "127.0.0.1  -  DS-7608NI-K2  DS-7608NI-K20820210301CCRRF12345678" in text
    assert "[sadp]" in text
    assert run_cli("discover")[0] == 1
    assert "choose an interface" in capsys.readouterr().err
    assert run_cli("discover", "--cidr", "10.0.0.0/8")[0] == 1
    assert "scan it in parts" in capsys.readouterr().err
    assert run_cli("discover", "--interface", "no-such-if0")[0] == 1
    assert "no interface 'no-such-if0'" in capsys.readouterr().err


def test_without_the_variable_the_password_is_asked_for(
    fake_camera: FakeCamera, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(PASSWORD_VARIABLE, raising=False)
    asked: list[str] = []

    def prompt(text: str, stream: object = None) -> str:
        asked.append(text)
        return fake_camera.onvif.password

    monkeypatch.setattr("getpass.getpass", prompt)
    status, _ = run_cli("discover", "--host", "127.0.0.1", "--wsd-port", str(fake_camera.wsd.port),
                     "--onvif-user", "admin", "--json")  # fmt: skip
    assert status == 0 and asked == ["ONVIF password for admin (this scan only): "]
    assert ("GetNetworkInterfaces", "valid") in fake_camera.onvif.log.calls


def test_scanning_a_site_twice_updates_its_devices_unless_asked_to_add(
    fake_camera: FakeCamera, tmp_path: Path
) -> None:
    from specassist.services import capture, projects

    project = tmp_path / "site.specassist"
    scan = ("discover", "--host", "127.0.0.1", "--wsd-port", str(fake_camera.wsd.port),
            "--timeout", "10", "--json", "--project", str(project))  # fmt: skip
    first, second = (json.loads(run_cli(*scan)[1])["project"] for _ in range(2))
    assert (first["added"], first["updated"]) == (1, 0)
    assert (second["added"], second["updated"]) == (0, 1)
    with projects.open_project(project) as opened:
        assert len(capture.cameras(opened)) == 1
    status, text = run_cli(*[a for a in scan if a != "--json"], "--mode", "add")
    assert status == 0 and "1 device(s) added, 0 updated" in text
    with projects.open_project(project) as opened:
        assert len(capture.cameras(opened)) == 2
