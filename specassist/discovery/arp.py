"""MAC addresses from the operating system's ARP cache, read without raw sockets.

After the probes, the OS has resolved the MAC of every device on the local
segment that answered; reading its cache costs no traffic. Linux exposes it in
/proc/net/arp; elsewhere ``arp -a`` prints it (numeric: ``-n`` on macOS and
BSD so no name lookups go out). A device behind a router shows the router's
MAC, so ARP findings rank below anything the device said itself.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from specassist.discovery.records import DeviceField, Finding, Protocol
from specassist.domain.values import normalise_mac

PROC_ARP = Path("/proc/net/arp")
ARP_TIMEOUT_S = 5.0
"""``arp -a`` answers in milliseconds from the cache; five seconds allows a slow laptop."""

# "? (192.168.1.64) at 44:19:b6:0:0:1 on en0 ifscope [ethernet]"  (macOS, BSD; zeros unpadded)
_BSD = re.compile(r"\((\d+\.\d+\.\d+\.\d+)\) at ([0-9a-f]{1,2}(?::[0-9a-f]{1,2}){5})\b", re.I)
# "  192.168.1.64          44-19-b6-00-00-01     dynamic"  (Windows)
_WINDOWS = re.compile(r"^\s*(\d+\.\d+\.\d+\.\d+)\s+([0-9a-f]{2}(?:-[0-9a-f]{2}){5})\s", re.I | re.M)
_INCOMPLETE = "00:00:00:00:00:00"


def parse_proc_net_arp(text: str) -> dict[str, str]:
    """IPv4 → MAC from /proc/net/arp, leaving out incomplete entries (flags 0x0, zero MAC)."""
    table = {}
    for line in text.splitlines()[1:]:
        parts = line.split()
        if len(parts) < 4 or parts[2] == "0x0":
            continue
        mac = normalise_mac(parts[3])
        if mac and mac != _INCOMPLETE:
            table[parts[0]] = mac
    return table


def parse_arp_a(text: str) -> dict[str, str]:
    """IPv4 → MAC from ``arp -a`` output in the BSD/macOS or the Windows layout."""
    table = {}
    for ip, raw in _BSD.findall(text):
        mac = normalise_mac(":".join(part.zfill(2) for part in raw.split(":")))
        if mac and mac != _INCOMPLETE:
            table[ip] = mac
    for ip, raw in _WINDOWS.findall(text):
        mac = normalise_mac(raw)
        if mac and mac != "FF:FF:FF:FF:FF:FF":
            table[ip] = mac
    return table


def read_cache() -> tuple[dict[str, str], str | None]:
    """The ARP cache, and a note when it could not be read (the scan goes on without it)."""
    if PROC_ARP.exists():
        try:
            return parse_proc_net_arp(PROC_ARP.read_text(encoding="ascii", errors="replace")), None
        except OSError as exc:
            return {}, f"ARP cache not read: {exc}"
    command = ["arp", "-a"] if sys.platform == "win32" else ["arp", "-an"]
    try:
        done = subprocess.run(
            command, capture_output=True, text=True, timeout=ARP_TIMEOUT_S, check=False
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        return {}, f"ARP cache not read: {exc}"
    return parse_arp_a(done.stdout), None


def findings_for(address: str, table: dict[str, str]) -> list[Finding]:
    mac = table.get(address)
    if mac is None:
        return []
    source = "/proc/net/arp" if PROC_ARP.exists() else "arp -a"
    return [Finding(DeviceField.MAC, mac, Protocol.ARP, source)]
