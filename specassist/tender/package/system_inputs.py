"""What the recording, network, device and phasing sections need, as rows of finished text.

``tender/system_content.py`` writes these from the ``SystemPlan`` once (figures through the
one formatter), and every builder — the specification's sections and the bidders' pricing
schedule — reads the same rows, so a recorder's reference, channel count and quantity cannot
differ between them.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class RecorderSpec:
    """One recorder group: what it records, what it needs, and what happens to it."""

    ref: str
    site: str
    name: str
    action: str
    """"replace", "keep" or "confirm"."""
    why: str
    cameras: int
    incoming: str
    stored: str
    raw: str
    units: int
    performance: tuple[tuple[str, str], ...]
    basis: str
    caveats: tuple[str, ...] = ()
    replaces: str = ""
    """The excluded recorders it takes over from, as tags."""


@dataclass(frozen=True, slots=True)
class LicenceSpec:
    ref: str
    platform: str
    item: str
    quantity: int
    reason: str


@dataclass(frozen=True, slots=True)
class SwitchSpec:
    ref: str
    site: str
    name: str
    devices: int
    reserved: str
    budget: str
    verdict: str
    action: str
    reasons: tuple[str, ...]
    replacement: tuple[tuple[str, str], ...] = ()
    """The performance a replacement switch must meet, when one is needed."""
    midspans: tuple[tuple[str, int], ...] = ()
    """(standard, ports) to power from midspans."""
    replace: bool = False


@dataclass(frozen=True, slots=True)
class DeviceSpec:
    """An excluded device that is not a camera, and its scope line."""

    ref: str
    tag: str
    site: str
    device_class: str
    existing: str
    action: str
    performance: tuple[tuple[str, str], ...]
    provisional: bool


@dataclass(frozen=True, slots=True)
class PhaseSpec:
    number: int
    name: str
    basis: str
    sites: str
    devices: int
    deadline: str
    subtotal: str | None
    """The client's estimate for the phase; None in a package for bidders."""


@dataclass(frozen=True)
class SystemInputs:
    recording: tuple[tuple[str, str], ...]
    """The recording settings as the specification states them."""
    model_sources: tuple[str, ...]
    recorders: tuple[RecorderSpec, ...]
    licences: tuple[LicenceSpec, ...]
    vms: str | None
    vms_checks: tuple[tuple[str, str, str], ...]
    """(camera tag, its replacement's ONVIF profiles, Profile S or T met / NOT met / confirm)
    for each camera recorded by what stays."""
    switches: tuple[SwitchSpec, ...]
    unswitched: tuple[tuple[str, int], ...]
    devices: tuple[DeviceSpec, ...]
    phases: tuple[PhaseSpec, ...]
    notes: tuple[str, ...] = ()
    phased: bool = False
    """The works are split into phases (the programme is printed); False: one phase."""
