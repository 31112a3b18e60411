"""The UDP sockets of one scan: the chosen interface, multicast membership, bounded reads.

Plain ``socket`` only: no raw sockets, no packet-capture library. Multicast is
sent with a TTL of 1 so probes never leave the site's segment, and only on the
interface the user chose. Vendors' devices answer SADP and DHIP to the
multicast group's port as well as to the sender, so with an interface chosen
the scan also listens on those ports, joined to their groups on that interface.
"""

from __future__ import annotations

import contextlib
import ipaddress
import select
import socket
import struct
import sys

MAX_DATAGRAM = 65535
READS_PER_POLL = 256
"""A poll drains at most this many datagrams before the caller checks time and cancel again."""


class InterfaceError(ValueError):
    """The interface the user named does not exist or has no IPv4 address."""


def _ipv4_of(name: str) -> str | None:
    """The IPv4 address of a named interface (Linux ioctl SIOCGIFADDR); None elsewhere."""
    if not sys.platform.startswith("linux"):
        return None
    import fcntl

    siocgifaddr = 0x8915  # <linux/sockios.h>
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            packed = fcntl.ioctl(
                probe.fileno(), siocgifaddr, struct.pack("256s", name[:15].encode())
            )
        except OSError:
            return None
    return socket.inet_ntoa(packed[20:24])


def interfaces() -> list[tuple[str, str | None]]:
    """(name, IPv4 address or None) for every interface the OS lists."""
    return [(name, _ipv4_of(name)) for _, name in socket.if_nameindex()]


def interface_address(interface: str) -> str:
    """An interface name (``eth0``) or one of its IPv4 addresses → that address."""
    with contextlib.suppress(ValueError):
        return str(ipaddress.IPv4Address(interface))
    names = dict(interfaces())
    if interface not in names:
        known = ", ".join(sorted(names)) or "none"
        raise InterfaceError(f"no interface {interface!r} (interfaces: {known})")
    address = names[interface]
    if address is None:
        raise InterfaceError(
            f"interface {interface!r} has no IPv4 address; give the address instead"
        )
    return address


class Datagrams:
    """One scan's sockets: a sender (whose replies come back to it) and group listeners."""

    def __init__(self, interface_ip: str | None, groups: list[tuple[str, int]]) -> None:
        self.notes: list[str] = []
        self.sender = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self.sender.setblocking(False)
        self.listeners: list[socket.socket] = []
        try:
            self.sender.bind((interface_ip or "0.0.0.0", 0))
            if interface_ip is not None:
                self.sender.setsockopt(
                    socket.IPPROTO_IP, socket.IP_MULTICAST_IF, socket.inet_aton(interface_ip)
                )
                self.sender.setsockopt(socket.IPPROTO_IP, socket.IP_MULTICAST_TTL, 1)
                for group, port in groups:
                    self._listen(group, port, interface_ip)
        except OSError:
            self.close()
            raise

    def _listen(self, group: str, port: int, interface_ip: str) -> None:
        listener = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        try:
            listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            if hasattr(socket, "SO_REUSEPORT"):
                listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
            listener.bind(("", port))
            membership = socket.inet_aton(group) + socket.inet_aton(interface_ip)
            listener.setsockopt(socket.IPPROTO_IP, socket.IP_ADD_MEMBERSHIP, membership)
        except OSError as exc:
            listener.close()
            self.notes.append(
                f"not listening on {group}:{port} ({exc}); answers sent to the group are missed"
            )
            return
        listener.setblocking(False)
        self.listeners.append(listener)

    def send(self, payload: bytes, target: tuple[str, int]) -> str | None:
        """Send one datagram; a note instead of an exception when the OS refuses it."""
        try:
            self.sender.sendto(payload, target)
        except OSError as exc:
            return f"could not send to {target[0]}:{target[1]}: {exc}"
        return None

    def receive(self, wait: float) -> list[tuple[bytes, tuple[str, int]]]:
        """Datagrams that arrive within ``wait`` seconds (fewer if the wait ends first)."""
        sockets = [self.sender, *self.listeners]
        ready, _, _ = select.select(sockets, [], [], max(0.0, wait))
        out = []
        for sock in ready:
            for _ in range(READS_PER_POLL):
                try:
                    data, source = sock.recvfrom(MAX_DATAGRAM)
                except (BlockingIOError, InterruptedError):
                    break
                except OSError:
                    # An ICMP error queued for an earlier datagram (port unreachable): skip it.
                    continue
                out.append((data, (str(source[0]), int(source[1]))))
        return out

    def close(self) -> None:
        for sock in [self.sender, *self.listeners]:
            sock.close()

    def __enter__(self) -> Datagrams:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()
