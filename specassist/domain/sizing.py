"""Size the recording side of an estate: what each recorder must take, and which one takes it.

The pipeline groups cameras by the recorder that records them (the surveyed
recorder being replaced, or one per site), turns each camera into a
:class:`~specassist.domain.bitrate.StreamDemand`, and asks :func:`select_recorder`
for the smallest compliant recorder — or how many of one — that meets the
channels, the incoming bandwidth and the storage, and why. Disk is sized as
raw capacity: the stored video, plus filesystem headroom, divided by the
usable share of the chosen RAID level.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from specassist.domain.bitrate import StreamDemand
from specassist.domain.system import RaidLevel, RecorderModel, VmsPlatform
from specassist.domain.units import Quantity, quantity

MAX_UNITS = 64
"""Recorders of one model to try before saying none fits: 64 × a 16-channel unit already
records 1,024 cameras, beyond which a group should be split by the surveyor, not the tool."""


def raid_usable_fraction(level: RaidLevel, drives: int) -> float:
    """The share of raw capacity that holds video.

    RAID 5 gives one drive to parity, RAID 6 two, RAID 1 and 10 mirror every
    drive. Worked example: 8 drives in RAID 6 keep 6/8 = 75 %.
    """
    if level in (RaidLevel.NONE, RaidLevel.RAID0):
        return 1.0
    if level in (RaidLevel.RAID1, RaidLevel.RAID10):
        return 0.5
    parity = 1 if level is RaidLevel.RAID5 else 2
    if drives <= parity:
        return 0.0
    return (drives - parity) / drives


@dataclass(frozen=True, slots=True)
class RecorderDemand:
    """What a group of cameras asks of the recorders that will record them."""

    channels: int
    incoming_mbps: float
    stored_tb: float
    raw_tb: float
    raid: RaidLevel
    notes: tuple[str, ...] = ()

    @property
    def incoming_q(self) -> Quantity:
        return quantity(self.incoming_mbps, "Mbit/s")

    @property
    def stored_q(self) -> Quantity:
        return quantity(self.stored_tb, "TB")

    @property
    def raw_q(self) -> Quantity:
        return quantity(self.raw_tb, "TB")


def raw_needed_tb(stored_tb: float, headroom: float, raid: RaidLevel, drives: int) -> float:
    """Raw disk for ``stored_tb`` of video: headroom kept free, then RAID overhead on top."""
    fraction = raid_usable_fraction(raid, drives)
    if fraction <= 0:
        return math.inf
    return stored_tb / (1 - headroom) / fraction


def recorder_demand(
    streams: Sequence[StreamDemand], headroom: float, raid: RaidLevel = RaidLevel.NONE
) -> RecorderDemand:
    """Totals for one group. ``raw_tb`` here assumes a four-drive array for parity RAID, the
    smallest that makes RAID 6 worthwhile; :func:`select_recorder` recomputes it with each
    candidate's own drive count."""
    stored = sum(s.storage_tb for s in streams)
    notes = tuple(sorted({s.note for s in streams if s.note}))
    return RecorderDemand(
        channels=len(streams),
        incoming_mbps=sum(s.bitrate_mbps for s in streams),
        stored_tb=stored,
        raw_tb=raw_needed_tb(stored, headroom, raid, 4),
        raid=raid,
        notes=notes,
    )


@dataclass(frozen=True, slots=True)
class RecorderChoice:
    """The answer for one group: a model and a count, or no model and the reason why not."""

    demand: RecorderDemand
    model: RecorderModel | None
    units: int
    reason: str
    caveats: tuple[str, ...] = ()
    rejected: tuple[tuple[str, str], ...] = field(default=())
    """(recorder key, why it was not chosen) for every candidate that lost."""


@dataclass(frozen=True, slots=True)
class _Capacity:
    channels: int
    mbps: float | None
    usable_tb: float


def _capacity(model: RecorderModel, raid: RaidLevel, headroom: float) -> _Capacity | str:
    """What one unit holds, or why it cannot be sized."""
    if model.channels is None:
        return "channel count not known"
    if model.max_raw_tb is None:
        return "storage capacity not known"
    if not model.supports(raid):
        return f"no RAID {raid.value}"
    drives = model.drive_bays or 1
    usable = model.max_raw_tb * raid_usable_fraction(raid, drives) * (1 - headroom)
    if usable <= 0:
        return f"RAID {raid.value} needs more than {drives} drive(s)"
    return _Capacity(model.channels, model.max_incoming_mbps, usable)


def _fits(largest_first: Sequence[StreamDemand], cap: _Capacity, units: int) -> bool:
    """Whether ``units`` recorders take every stream, placing the largest first (first fit)."""
    bins = [[0, 0.0, 0.0] for _ in range(units)]
    for s in largest_first:
        for b in bins:
            mbps_ok = cap.mbps is None or b[1] + s.bitrate_mbps <= cap.mbps + 1e-9
            if b[0] + 1 <= cap.channels and mbps_ok and b[2] + s.storage_tb <= cap.usable_tb + 1e-9:
                b[0] += 1
                b[1] += s.bitrate_mbps
                b[2] += s.storage_tb
                break
        else:
            return False
    return True


def _units(
    largest_first: Sequence[StreamDemand], demand: RecorderDemand, cap: _Capacity
) -> int | str:
    """The fewest units of one model that take the group, or why no number of them does."""
    biggest = largest_first[0] if largest_first else None
    if biggest is not None and biggest.storage_tb > cap.usable_tb:
        return f"one camera needs {biggest.storage_tb:.2f} TB, a unit holds {cap.usable_tb:.2f} TB"
    fastest = max((s.bitrate_mbps for s in largest_first), default=0.0)
    if cap.mbps is not None and fastest > cap.mbps:
        return f"one camera sends {fastest:.1f} Mbit/s, a unit takes {cap.mbps:g} Mbit/s"
    lower = max(
        math.ceil(demand.channels / cap.channels),
        math.ceil(demand.stored_tb / cap.usable_tb - 1e-9),
        math.ceil(demand.incoming_mbps / cap.mbps - 1e-9) if cap.mbps else 1,
        1,
    )
    for units in range(lower, MAX_UNITS + 1):
        if _fits(largest_first, cap, units):
            return units
    return f"more than {MAX_UNITS} units would be needed"


def select_recorder(
    streams: Sequence[StreamDemand],
    candidates: Iterable[RecorderModel],
    headroom: float,
    raid: RaidLevel = RaidLevel.NONE,
) -> RecorderChoice:
    """The smallest compliant recorder (or the fewest of one model) for a group of cameras.

    ``candidates`` are recorders the rules allow (the caller filters by verdict).
    Ranking: fewest units, then a model whose figures are all published, then
    the smallest unit (channels, then capacity). A recorder whose incoming
    bandwidth is unpublished is still offered, with a caveat, after the others.
    """
    demand = recorder_demand(streams, headroom, raid)
    largest_first = sorted(streams, key=lambda s: (s.storage_tb, s.bitrate_mbps), reverse=True)
    ranked: list[tuple[tuple[int, int, int, float], RecorderModel, int]] = []
    rejected: list[tuple[str, str]] = []
    for model in candidates:
        cap = _capacity(model, raid, headroom)
        if isinstance(cap, str):
            rejected.append((model.key, cap))
            continue
        units = _units(largest_first, demand, cap)
        if isinstance(units, str):
            rejected.append((model.key, units))
            continue
        unknown = 1 if cap.mbps is None else 0
        ranked.append(((units, unknown, cap.channels, cap.usable_tb), model, units))
    if not ranked:
        return RecorderChoice(demand, None, 0, _nothing_fits(demand, rejected), (), tuple(rejected))
    ranked.sort(key=lambda r: (r[0], r[1].key))
    best, model, units = ranked[0]
    rejected += [(m.key, _lost(best, rank, n)) for rank, m, n in ranked[1:]]
    caveats = list(demand.notes)
    if model.max_incoming_mbps is None:
        caveats.append(f"{model.key}: incoming bandwidth not published; confirm it takes "
                       f"{demand.incoming_mbps:.1f} Mbit/s")  # fmt: skip
    if not model.provenance.verified:
        caveats.append(f"{model.key}: catalog figures not verified against the datasheet")
    return RecorderChoice(
        demand, model, units, _why(demand, model, units), tuple(caveats), tuple(rejected)
    )


def _lost(best: tuple[int, int, int, float], rank: tuple[int, int, int, float], units: int) -> str:
    """Why a recorder that could take the group lost to the chosen one."""
    if rank[0] > best[0]:
        return f"needs {units} units"
    if rank[1] > best[1]:
        return "incoming bandwidth not published"
    return "larger"


def _why(demand: RecorderDemand, model: RecorderModel, units: int) -> str:
    count = f"{units} × " if units > 1 else ""
    limits = [f"{demand.channels} channels", f"{demand.incoming_mbps:.1f} Mbit/s incoming",
              f"{demand.stored_tb:.2f} TB of video"]  # fmt: skip
    if demand.raid is not RaidLevel.NONE:
        limits.append(f"RAID {demand.raid.value}")
    return f"{count}{model.key}: the smallest compliant choice for " + ", ".join(limits)


def _nothing_fits(demand: RecorderDemand, rejected: list[tuple[str, str]]) -> str:
    needs = (f"{demand.channels} channels, {demand.incoming_mbps:.1f} Mbit/s, "
             f"{demand.stored_tb:.2f} TB of video")  # fmt: skip
    if not rejected:
        return f"no compliant recorder in the catalog; needed: {needs}"
    why = "; ".join(f"{key}: {reason}" for key, reason in rejected)
    return f"no compliant recorder in the catalog meets {needs} ({why})"


@dataclass(frozen=True, slots=True)
class LicenceLine:
    """VMS licences to buy for one platform, and how the count was reached."""

    vms_id: str
    item: str
    quantity: int
    reason: str


def licences(platform: VmsPlatform, cameras: int, included: int = 0) -> LicenceLine | None:
    """Per-camera licences for ``cameras`` recorded on ``platform``; ``included`` come with the
    recorders (appliances ship with some). ``None`` when the platform needs none per camera, or
    the catalog does not say — the caller shows "unknown", never zero."""
    if not platform.per_camera_licence:
        return None
    item = platform.licence_item or f"{platform.name} camera licence"
    to_buy = max(0, cameras - included)
    reason = f"one per camera: {cameras} cameras"
    if included:
        reason += f", {min(included, cameras)} included with the recorders"
    return LicenceLine(platform.vms_id, item, to_buy, reason)
