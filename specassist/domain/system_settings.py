"""The project's settings for the recording side, the network and the phasing of the works.

Each has a stated default, so a tender written before anyone touched the settings still says
what it assumed: recording as ``bitrate.RecordingPlan`` defaults (25 fps, H.264, medium
activity, continuous, 31 days), independent drives, no VMS retained, no provisional sums
and one phase for the whole works.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum

from specassist.domain.bitrate import RecordingPlan
from specassist.domain.device_class import DeviceClass
from specassist.domain.system import RaidLevel

DEFAULT_RAID = RaidLevel.NONE
"""Independent drives: what single- and two-bay NVRs run. A client who needs recordings to
survive a failed drive sets RAID 5 or 6, which ``sizing.select_recorder`` then requires."""


class PhaseRule(StrEnum):
    """How devices are grouped into phases of the works, each with its own subtotal."""

    NONE = "none"
    """One phase: the whole works."""
    SITE = "site"
    """One phase per site, in the order given (the rest in survey order)."""
    PRIORITY = "priority"
    """Priority sites first (sensitive sites, under the UK policy), then the rest."""
    DEADLINE = "deadline"
    """By the earliest removal deadline of the rules that exclude each device."""
    MANUAL = "manual"
    """By hand: each device's phase is named; devices not named come last."""


UNPHASED = "Not yet phased"
"""The phase of devices a manual phasing does not name: listed last, never dropped."""


@dataclass(frozen=True)
class PhasingSettings:
    rule: PhaseRule = PhaseRule.NONE
    site_order: tuple[str, ...] = ()
    priority_sites: tuple[str, ...] = ()
    phase_names: tuple[str, ...] = ()
    """The manual phases, in order."""
    assignments: tuple[tuple[int, str], ...] = ()
    """(device id, phase name) for the manual rule."""

    def assigned(self) -> dict[int, str]:
        return dict(self.assignments)


@dataclass(frozen=True)
class SystemSettings:
    """What sizing, costing and phasing assume for the project."""

    recording: RecordingPlan = field(default_factory=RecordingPlan)
    raid: RaidLevel = DEFAULT_RAID
    kept_vms: str | None = None
    """A compliant VMS that stays (a ``vms.csv`` id): new recording servers run it, and every
    replacement camera must be supported by it."""
    provisional_sums: tuple[tuple[DeviceClass, Decimal], ...] = ()
    """The client's provisional sum per device without a catalog replacement (door stations,
    encoders …), in the project currency. None set: the line is listed without a price."""
    phasing: PhasingSettings = field(default_factory=PhasingSettings)

    def provisional_sum(self, device_class: DeviceClass) -> Decimal | None:
        return dict(self.provisional_sums).get(device_class)
