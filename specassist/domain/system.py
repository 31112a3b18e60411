"""The rest of a video system as catalog data: recorders, VMS platforms, PoE switches.

A surveillance estate is not only cameras: the recorders and the switches that
power the cameras are replaced or re-sized with them, and a VMS may need a
licence per camera. These rows carry, like every catalog row, where their
figures come from. ``None`` means "the source does not say", never zero: a
recorder whose incoming bandwidth is unpublished is not a recorder with none.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from specassist.domain.catalog import Provenance
from specassist.domain.units import Quantity, quantity


class RaidLevel(StrEnum):
    """How a recorder's drives are combined; ``NONE`` is independent drives (no redundancy)."""

    NONE = "none"
    RAID0 = "0"
    RAID1 = "1"
    RAID5 = "5"
    RAID6 = "6"
    RAID10 = "10"


class PoeStandard(StrEnum):
    """What a PoE port can deliver, by the IEEE amendment (and 802.3bt type) it implements."""

    AF = "802.3af"
    AT = "802.3at"
    BT_TYPE3 = "802.3bt type 3"
    BT_TYPE4 = "802.3bt type 4"

    @property
    def max_class(self) -> int:
        """The highest PoE class a port of this standard powers.

        802.3af: classes 0–3; 802.3at (Type 2) adds class 4; 802.3bt Type 3 adds
        classes 5–6 and Type 4 classes 7–8 (TRENDnet TC-NTP1 manual, "PoE
        Specification" reference table; Axis S20 appliance manual, PoE tab).
        """
        return {"802.3af": 3, "802.3at": 4, "802.3bt type 3": 6, "802.3bt type 4": 8}[self.value]


class SwitchKind(StrEnum):
    SWITCH = "switch"
    MIDSPAN = "midspan"


class RecorderKind(StrEnum):
    """An embedded NVR, a recording appliance running a VMS, or a recording server."""

    NVR = "nvr"
    APPLIANCE = "appliance"
    SERVER = "server"


@dataclass(frozen=True, slots=True)
class RecorderModel:
    """A network video recorder or recording server with the limits that size it."""

    vendor_id: str
    model: str
    kind: RecorderKind
    provenance: Provenance
    series: str | None = None
    vms_id: str | None = None
    channels: int | None = None
    max_incoming_mbps: float | None = None
    drive_bays: int | None = None
    max_raw_tb: float | None = None
    raid_levels: tuple[RaidLevel, ...] = ()
    poe_ports: int | None = None
    poe_budget_w: float | None = None
    poe_standard: PoeStandard | None = None
    licences_included: int | None = None
    discontinued: bool | None = None

    @property
    def key(self) -> str:
        return f"{self.vendor_id}:{self.model}"

    @property
    def max_incoming_q(self) -> Quantity | None:
        mbps = self.max_incoming_mbps
        return None if mbps is None else quantity(mbps, "Mbit/s")

    @property
    def max_raw_q(self) -> Quantity | None:
        return None if self.max_raw_tb is None else quantity(self.max_raw_tb, "TB")

    def supports(self, level: RaidLevel) -> bool:
        """Independent drives need no RAID support; any other level must be listed."""
        return level is RaidLevel.NONE or level in self.raid_levels


@dataclass(frozen=True, slots=True)
class VmsPlatform:
    """A video management platform and how it is licensed.

    ``per_camera_licence`` says whether every recorded camera needs a licence
    item (``licence_item`` names it); ``onvif_profiles`` are the profiles the
    platform records from, so a replacement camera's profiles can be checked.
    """

    vms_id: str
    vendor_id: str
    name: str
    provenance: Provenance
    per_camera_licence: bool | None = None
    licence_item: str | None = None
    onvif_profiles: tuple[str, ...] = ()

    @property
    def licence_key(self) -> str:
        """The per-camera licence as a price list names it: ``milestone:milestone-xprotect:licence``
        (vendor, platform, "licence")."""
        return f"{self.vendor_id}:{self.vms_id}:licence"


@dataclass(frozen=True, slots=True)
class SwitchModel:
    """A PoE switch or midspan: how many ports it powers, to which standard, within what budget."""

    vendor_id: str
    model: str
    kind: SwitchKind
    provenance: Provenance
    poe_ports: int | None = None
    poe_standard: PoeStandard | None = None
    poe_budget_w: float | None = None
    ports: int | None = None
    discontinued: bool | None = None

    @property
    def key(self) -> str:
        return f"{self.vendor_id}:{self.model}"

    @property
    def poe_budget_q(self) -> Quantity | None:
        return None if self.poe_budget_w is None else quantity(self.poe_budget_w, "W")


@dataclass(frozen=True, slots=True)
class ModelConstant:
    """One constant of the bitrate and storage model, with the source it rests on."""

    key: str
    value: float
    provenance: Provenance
    unit: str | None = None
