"""The bounds every scan keeps: which addresses, how fast, for how long.

Only addresses the user named are probed; a range is refused when larger than
``MAX_TARGETS`` rather than silently truncated. Datagrams and HTTP requests
share one pace, and one deadline ends everything.
"""

from __future__ import annotations

import ipaddress
import time
from collections.abc import Callable, Iterable

MAX_TARGETS = 4096
"""A /20: the largest camera VLAN we expect at one site. Sweeping it at the default pace
(4 datagrams per address, 250 a second) takes about 66 s; a bigger range is a mistake."""

DEFAULT_RATE = 250.0
"""Datagrams (and HTTP requests) per second. 250 × ~700-byte probes is ~175 kB/s, far
below what a camera VLAN carries, and a /24 (254 × 4 datagrams) goes out in about 4 s."""

Clock = Callable[[], float]


class TargetError(ValueError):
    """A host or range the user gave cannot be scanned; the message says why."""


def expand_targets(hosts: Iterable[str], ranges: Iterable[str]) -> list[str]:
    """Every IPv4 address to probe, in the order given, each once.

    A range's network and broadcast addresses are left out (``/31`` and
    ``/32`` keep theirs, as RFC 3021 allows).
    """
    out: dict[str, None] = {}
    for host in hosts:
        try:
            out[str(ipaddress.IPv4Address(host.strip()))] = None
        except ValueError:
            raise TargetError(
                f"host {host!r}: expected an IPv4 address such as 192.168.1.64"
            ) from None
    for text in ranges:
        try:
            network = ipaddress.IPv4Network(text.strip(), strict=False)
        except ValueError:
            raise TargetError(
                f"range {text!r}: expected a CIDR range such as 192.168.1.0/24"
            ) from None
        if network.num_addresses > MAX_TARGETS:
            raise TargetError(
                f"range {text!r} has {network.num_addresses} addresses; "
                f"the limit is {MAX_TARGETS} (a /20): scan it in parts"
            )
        addresses = network.hosts() if network.prefixlen < 31 else iter(network)
        out.update(dict.fromkeys(str(a) for a in addresses))
    if len(out) > MAX_TARGETS:
        raise TargetError(f"{len(out)} addresses given; the limit is {MAX_TARGETS}")
    return list(out)


class Pace:
    """At most ``rate`` events a second, evenly spaced (no bursts)."""

    def __init__(self, rate: float, clock: Clock = time.monotonic) -> None:
        if rate <= 0:
            raise ValueError("the rate must be a positive number of packets per second")
        self.interval = 1.0 / rate
        self.clock = clock
        self._next = clock()

    def wait_time(self) -> float:
        """Seconds until the next event may happen (0 when it may happen now)."""
        return max(0.0, self._next - self.clock())

    def take(self) -> None:
        """Record an event happening now (or at its slot, if called early)."""
        self._next = max(self._next, self.clock()) + self.interval


class Deadline:
    """The moment the scan must end."""

    def __init__(self, seconds: float, clock: Clock = time.monotonic) -> None:
        if seconds <= 0:
            raise ValueError("the time limit must be a positive number of seconds")
        self.clock = clock
        self.seconds = seconds
        self.start = clock()
        self.end = self.start + seconds

    def remaining(self) -> float:
        return max(0.0, self.end - self.clock())

    def expired(self) -> bool:
        return self.clock() >= self.end
