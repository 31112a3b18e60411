"""Each protocol's messages, built and read without a network."""

from __future__ import annotations

import base64
import hashlib
import json
import struct
import xml.etree.ElementTree as ET
from datetime import UTC, datetime

import pytest

from specassist.discovery import arp, dhip, onvif, sadp, wsd
from specassist.discovery.records import DeviceField, Protocol

PROBE_MATCHES = """<?xml version="1.0" encoding="UTF-8"?>
<SOAP-ENV:Envelope xmlns:SOAP-ENV="http://www.w3.org/2003/05/soap-envelope"
  xmlns:wsa="http://schemas.xmlsoap.org/ws/2004/08/addressing"
  xmlns:wsdd="http://schemas.xmlsoap.org/ws/2005/04/discovery"
  xmlns:dn="http://www.onvif.org/ver10/network/wsdl">
 <SOAP-ENV:Header>
  <wsa:MessageID>uuid:1111d68a-2dd2-21b2-0000-010101010101</wsa:MessageID>
  <wsa:RelatesTo>uuid:88da372f-98bc-4189-bdd4-f4ad54cfdad3</wsa:RelatesTo>
  <wsa:Action>http://schemas.xmlsoap.org/ws/2005/04/discovery/ProbeMatches</wsa:Action>
 </SOAP-ENV:Header>
 <SOAP-ENV:Body><wsdd:ProbeMatches><wsdd:ProbeMatch>
  <wsa:EndpointReference><wsa:Address>urn:uuid:1111d68a-2dd2-21b2-0000-010101010101</wsa:Address>
  </wsa:EndpointReference>
  <wsdd:Types>dn:NetworkVideoTransmitter</wsdd:Types>
  <wsdd:Scopes>onvif://www.onvif.org/type/NetworkVideoTransmitter
   onvif://www.onvif.org/hardware/IPC-HFW2441S-S onvif://www.onvif.org/name/Car%20Park%20East
   onvif://www.onvif.org/location/country/china onvif://www.onvif.org/MAC/fc:5f:49:01:02:03
   http://example.invalid/custom</wsdd:Scopes>
  <wsdd:XAddrs>http://192.168.1.108/onvif/device_service http://[fe80::1]/onvif/device_service</wsdd:XAddrs>
  <wsdd:MetadataVersion>1</wsdd:MetadataVersion>
 </wsdd:ProbeMatch></wsdd:ProbeMatches></SOAP-ENV:Body>
</SOAP-ENV:Envelope>"""
RELATES = "uuid:88da372f-98bc-4189-bdd4-f4ad54cfdad3"


def test_probe_is_soap_asking_for_one_type_with_our_message_id() -> None:
    ids, probes = wsd.build_probes()
    assert len(ids) == len(probes) == 2 and len(set(ids)) == 2
    root = ET.fromstring(probes[0])
    ns = {"s": "http://www.w3.org/2003/05/soap-envelope",
          "a": "http://schemas.xmlsoap.org/ws/2004/08/addressing",
          "d": "http://schemas.xmlsoap.org/ws/2005/04/discovery"}  # fmt: skip
    assert root.findtext("s:Header/a:MessageID", namespaces=ns) == ids[0]
    assert root.findtext("s:Body/d:Probe/d:Types", namespaces=ns) == "dn:NetworkVideoTransmitter"
    assert ET.fromstring(probes[1]).findtext("s:Body/d:Probe/d:Types", namespaces=ns) == (
        "tds:Device"
    )


def test_probe_match_scopes_give_model_name_mac_and_types() -> None:
    [match] = wsd.parse_probe_matches(PROBE_MATCHES.encode(), {RELATES})
    values = {(f.field, f.value, f.source) for f in match.findings}
    assert (DeviceField.MODEL, "IPC-HFW2441S-S", "ProbeMatch/Scopes/hardware") in values
    assert (DeviceField.NAME, "Car Park East", "ProbeMatch/Scopes/name") in values
    assert (DeviceField.MAC, "fc:5f:49:01:02:03", "ProbeMatch/Scopes/MAC") in values
    assert (DeviceField.DEVICE_CLASS, "NetworkVideoTransmitter", "ProbeMatch/Types") in values
    assert not any("china" in f.value for f in match.findings)
    assert match.xaddrs[0] == "http://192.168.1.108/onvif/device_service"
    assert wsd.xaddr_host(match.xaddrs[0]) == "192.168.1.108"
    assert all(f.protocol is Protocol.WS_DISCOVERY for f in match.findings)


def test_probe_matches_for_someone_else_and_non_xml_are_told_apart() -> None:
    assert wsd.parse_probe_matches(PROBE_MATCHES.encode(), {"uuid:other"}) == []
    assert wsd.parse_probe_matches(b"<Probe/>", None) == []
    with pytest.raises(ValueError, match="not a WS-Discovery message"):
        wsd.parse_probe_matches(b"\x00\x01garbage", None)


SADP_REPLY = b"""<?xml version="1.0" encoding="UTF-8"?>
<ProbeMatch><Uuid>11223344-5566-7788-9900-112233445566</Uuid><Types>inquiry</Types>
<DeviceType>139</DeviceType><DeviceDescription>DS-2CD2143G2-I</DeviceDescription>
<DeviceSN>DS-2CD2143G2-I20220101AAWRJ12345678</DeviceSN><CommandPort>8000</CommandPort>
<MAC>44-19-b6-12-34-56</MAC><IPv4Address>192.168.1.64</IPv4Address>
<SoftwareVersion>V5.7.3build 220112</SoftwareVersion><DSPVersion>V7.3</DSPVersion>
<Activated>true</Activated></ProbeMatch>"""


def test_sadp_inquiry_and_reply() -> None:
    inquiry = ET.fromstring(sadp.build_inquiry("ABC"))
    assert (inquiry.tag, inquiry.findtext("Uuid"), inquiry.findtext("Types")) == (
        "Probe", "ABC", "inquiry",
    )  # fmt: skip
    parsed = sadp.parse_reply(SADP_REPLY)
    assert parsed is not None
    address, findings = parsed
    assert address == "192.168.1.64"
    assert {(f.field, f.value) for f in findings} == {
        (DeviceField.MODEL, "DS-2CD2143G2-I"),
        (DeviceField.SERIAL, "DS-2CD2143G2-I20220101AAWRJ12345678"),
        (DeviceField.MAC, "44-19-b6-12-34-56"),
        (DeviceField.FIRMWARE, "V5.7.3build 220112"),
    }
    assert sadp.parse_reply(sadp.build_inquiry()) is None  # our own inquiry, heard back
    with pytest.raises(ValueError):
        sadp.parse_reply(b"\xff\xfe")


def _dhip(payload: dict[str, object]) -> bytes:
    body = json.dumps(payload).encode()
    return struct.pack("<I4s8sIIII", 32, b"DHIP", bytes(8), len(body), 0, len(body), 0) + body


def test_dhip_search_framing() -> None:
    search = dhip.build_search()
    size, magic = struct.unpack_from("<I4s", search)
    first, second = struct.unpack_from("<I", search, 16)[0], struct.unpack_from("<I", search, 24)[0]
    body = search[32:]
    assert (size, magic) == (32, b"DHIP") and search[8:16] == bytes(8)
    assert first == second == len(body)
    assert json.loads(body) == {"method": "DHDiscover.search", "params": {"mac": "", "uni": 1}}


def test_dhip_reply_gives_model_serial_class_and_mac_but_no_placeholder_maker() -> None:
    reply = _dhip({"mac": "4c:11:bf:c2:0b:9d", "method": "client.notifyDevInfo",
                   "params": {"deviceInfo": {
                       "DeviceClass": "NVR", "DeviceType": "DHI-NVR4108HS-8P-4KS2",
                       "IPv4Address": {"IPAddress": "10.1.2.3"}, "Manufacturer": "Private",
                       "SerialNo": "1F006E4PAX00075", "Vendor": "General", "Version": "4.001",
                       "HttpPort": 80, "AlarmInputChannels": 0, "Init": True}}})  # fmt: skip
    parsed = dhip.parse_reply(reply)
    assert parsed is not None
    address, findings = parsed
    assert address == "10.1.2.3"
    by_field = {f.field: f.value for f in findings}
    assert by_field == {
        DeviceField.MAC: "4c:11:bf:c2:0b:9d",
        DeviceField.MODEL: "DHI-NVR4108HS-8P-4KS2",
        DeviceField.SERIAL: "1F006E4PAX00075",
        DeviceField.FIRMWARE: "4.001",
        DeviceField.DEVICE_CLASS: "NVR",
    }
    assert dhip.parse_reply(dhip.build_search()) is None
    assert dhip.parse_reply(b"not dhip at all, long enough to hold a header......") is None
    with pytest.raises(ValueError, match="not JSON"):
        dhip.parse_reply(_dhip({"method": "x"})[:-3])


def test_username_token_digest_follows_the_oasis_formula() -> None:
    nonce = b"0123456789abcdef"
    when = datetime(2026, 12, 1, 9, 30, 5, 123000, tzinfo=UTC)
    token = onvif.username_token(onvif.Credentials("admin", "s3cret&<"), when, nonce)
    assert "s3cret" not in token
    created = "2026-12-01T09:30:05.123Z"
    expected = base64.b64encode(hashlib.sha1(nonce + created.encode() + b"s3cret&<").digest())
    assert f">{expected.decode()}</wsse:Password>" in token
    assert f"<wsu:Created>{created}</wsu:Created>" in token
    assert base64.b64encode(nonce).decode() in token
    assert "password=<hidden>" in repr(onvif.Credentials("admin", "s3cret"))
    assert "s3cret" not in repr(onvif.Credentials("admin", "s3cret"))


SOAP = "http://www.w3.org/2003/05/soap-envelope"


def test_device_information_and_network_interfaces_are_read() -> None:
    info = ET.fromstring(
        f'<s:Envelope xmlns:s="{SOAP}" xmlns:tds="http://www.onvif.org/ver10/device/wsdl">'
        "<s:Body><tds:GetDeviceInformationResponse><tds:Manufacturer>AXIS</tds:Manufacturer>"
        "<tds:Model>P3265-LVE</tds:Model><tds:FirmwareVersion>11.11.73</tds:FirmwareVersion>"
        "<tds:SerialNumber>ACCC8E123456</tds:SerialNumber><tds:HardwareId>7C1</tds:HardwareId>"
        "</tds:GetDeviceInformationResponse></s:Body></s:Envelope>"
    )
    assert {(f.field, f.value) for f in onvif.device_information(info)} == {
        (DeviceField.MAKER, "AXIS"), (DeviceField.MODEL, "P3265-LVE"),
        (DeviceField.FIRMWARE, "11.11.73"), (DeviceField.SERIAL, "ACCC8E123456"),
    }  # fmt: skip
    interfaces = ET.fromstring(
        f'<s:Envelope xmlns:s="{SOAP}" xmlns:tds="http://www.onvif.org/ver10/device/wsdl" '
        'xmlns:tt="http://www.onvif.org/ver10/schema"><s:Body><tds:GetNetworkInterfacesResponse>'
        '<tds:NetworkInterfaces token="eth0"><tt:Enabled>true</tt:Enabled><tt:Info>'
        "<tt:HwAddress>ac:cc:8e:12:34:56</tt:HwAddress></tt:Info></tds:NetworkInterfaces>"
        '<tds:NetworkInterfaces token="wlan0"><tt:Enabled>false</tt:Enabled><tt:Info>'
        "<tt:HwAddress>ac:cc:8e:99:99:99</tt:HwAddress></tt:Info></tds:NetworkInterfaces>"
        "</tds:GetNetworkInterfacesResponse></s:Body></s:Envelope>"
    )
    assert [f.value for f in onvif.network_interfaces(interfaces)] == ["ac:cc:8e:12:34:56"]


def test_refusals_that_mean_a_login_is_needed() -> None:
    fault = ET.fromstring(
        f'<s:Fault xmlns:s="{SOAP}"><s:Code><s:Value>s:Sender</s:Value><s:Subcode>'
        "<s:Value>ter:NotAuthorized</s:Value></s:Subcode></s:Code><s:Reason>"
        '<s:Text xml:lang="en">Sender not Authorized</s:Text></s:Reason></s:Fault>'
    )
    assert onvif._failure("GetNetworkInterfaces", 400, fault).needs_auth
    assert onvif._failure("GetNetworkInterfaces", 401, None).needs_auth
    assert not onvif._failure("GetNetworkInterfaces", 500, None).needs_auth
    with pytest.raises(onvif.OnvifError, match="only plain http"):
        onvif.post("https://192.0.2.1/onvif", "GetDeviceInformation", b"", 1.0)


PROC_NET_ARP = """IP address       HW type     Flags       HW address            Mask     Device
192.168.1.64     0x1         0x2         44:19:b6:12:34:56     *        eth0
192.168.1.65     0x1         0x0         00:00:00:00:00:00     *        eth0
192.168.1.108    0x1         0x2         3c:ef:8c:41:6c:ce     *        eth0
"""
ARP_MACOS = """? (192.168.1.1) at 0:1a:2b:3c:4d:5e on en0 ifscope [ethernet]
? (192.168.1.64) at 44:19:b6:12:34:56 on en0 ifscope [ethernet]
? (192.168.1.70) at (incomplete) on en0 ifscope [ethernet]
"""
ARP_WINDOWS = """
Interface: 192.168.1.10 --- 0xb
  Internet Address      Physical Address      Type
  192.168.1.64          44-19-b6-12-34-56     dynamic
  192.168.1.255         ff-ff-ff-ff-ff-ff     static
"""


def test_arp_cache_layouts() -> None:
    assert arp.parse_proc_net_arp(PROC_NET_ARP) == {
        "192.168.1.64": "44:19:B6:12:34:56",
        "192.168.1.108": "3C:EF:8C:41:6C:CE",
    }
    assert arp.parse_arp_a(ARP_MACOS) == {
        "192.168.1.1": "00:1A:2B:3C:4D:5E",
        "192.168.1.64": "44:19:B6:12:34:56",
    }
    assert arp.parse_arp_a(ARP_WINDOWS) == {"192.168.1.64": "44:19:B6:12:34:56"}
    table, note = arp.read_cache()  # this machine's real cache
    assert note is None and all(":" in mac for mac in table.values())
    [finding] = arp.findings_for("192.168.1.64", {"192.168.1.64": "44:19:B6:12:34:56"})
    assert (finding.protocol, finding.field) == (Protocol.ARP, DeviceField.MAC)
