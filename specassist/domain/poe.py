"""PoE per switch: can the switch that powers the old cameras power their replacements?

A switch reserves power per port by the class the camera announces, at the
switch end of the cable (15.4 W for class 3, 30 W for class 4), and the sum of
those reservations must stay within its PoE budget. So each replacement is
checked twice: its class against what the port's standard can deliver, and
the switch's total against its budget. What does not fit moves to a midspan
(an injector between switch and camera) unless the switch has to go anyway.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from specassist.domain.requirements import port_class
from specassist.domain.system import PoeStandard, SwitchKind, SwitchModel
from specassist.domain.units import Quantity, quantity

PSE_ALLOCATION_W = {0: 15.4, 1: 4.0, 2: 7.0, 3: 15.4, 4: 30.0, 5: 45.0, 6: 60.0, 7: 75.0, 8: 90.0}
"""Power the switch reserves per port by class: the device's budget (``POE_BUDGET_W``) plus what
the cable may lose. IEEE 802.3af/at/bt as tabulated in the TRENDnet TC-NTP1 manual ("PoE
Specification": PSE output 15.4/4/7/15.4/30/45/60/75 W for classes 0–7) and ITWissen's 802.3bt
entry (90 W for class 8). Worked example: Axis's S2108 manual powers eight class 3 cameras as
8 × 15.4 W = 123.2 W of reservations."""

FOUR_PAIR_NOTE = ("802.3bt powers over all four pairs (TRENDnet PoE table): the reused cable "
                  "must have all four pairs terminated")  # fmt: skip


def standard_for_class(poe_class: int) -> PoeStandard:
    """The lowest standard whose ports power ``poe_class``."""
    for standard in PoeStandard:
        if poe_class <= standard.max_class:
            return standard
    raise ValueError(f"no PoE standard powers class {poe_class}")


@dataclass(frozen=True, slots=True)
class PoweredDevice:
    """A replacement camera on a switch port: its announced class, or its maximum draw."""

    device_id: str
    poe_class: int | None = None
    power_w: float | None = None

    @property
    def resolved_class(self) -> int | None:
        """The class given, else the smallest class whose budget covers the draw."""
        if self.poe_class is not None:
            return self.poe_class
        return None if self.power_w is None else port_class(self.power_w)

    @property
    def allocation_w(self) -> float | None:
        cls = self.resolved_class
        return None if cls is None else PSE_ALLOCATION_W[cls]


@dataclass(frozen=True, slots=True)
class PoeSupply:
    """A surveyed switch (or a recorder's built-in PoE ports) as far as the survey knows it.

    ``must_replace`` gives a reason the switch goes whatever the load (for
    example, it is made by an excluded maker)."""

    supply_id: str
    poe_ports: int | None = None
    poe_standard: PoeStandard | None = None
    budget_w: float | None = None
    must_replace: str | None = None

    @classmethod
    def from_model(cls, supply_id: str, model: SwitchModel) -> PoeSupply:
        return cls(supply_id, model.poe_ports, model.poe_standard, model.poe_budget_w)


class PoeVerdict(StrEnum):
    FITS = "fits"
    ADD_MIDSPAN = "add midspan"
    REPLACE_SWITCH = "replace switch"
    UNKNOWN = "unknown"


@dataclass(frozen=True, slots=True)
class SwitchBudget:
    """One switch after the replacement: load, budget, what moves to midspans, and the verdict."""

    supply: PoeSupply
    devices: int
    allocated_w: float
    demanded_w: float
    midspans: tuple[tuple[str, PoeStandard], ...]
    verdict: PoeVerdict
    reasons: tuple[str, ...]
    replacement: SwitchModel | None = None

    @property
    def allocated_q(self) -> Quantity:
        return quantity(self.allocated_w, "W")

    @property
    def demanded_q(self) -> Quantity:
        return quantity(self.demanded_w, "W")


def switch_budget(
    supply: PoeSupply, devices: Sequence[PoweredDevice], catalog: Iterable[SwitchModel] = ()
) -> SwitchBudget:
    """Check one switch against the replacement cameras it will power.

    ``allocated_w`` is what stays on the switch after cameras move to midspans;
    ``demanded_w`` is what all the cameras reserve together, which a
    replacement switch must cover. ``catalog`` offers compliant switches for a
    replacement (the caller filters by the rules).
    """
    reasons: list[str] = []
    known = [(d, d.resolved_class) for d in devices if d.resolved_class is not None]
    unknown = [d.device_id for d in devices if d.resolved_class is None]
    demanded = sum(PSE_ALLOCATION_W[c] for _, c in known)
    top_class = max((c for _, c in known), default=0)
    midspans: list[tuple[str, PoeStandard]] = []
    on_switch = list(known)
    verdict = PoeVerdict.FITS
    if supply.must_replace:
        verdict = PoeVerdict.REPLACE_SWITCH
        reasons.append(supply.must_replace)
    elif supply.poe_ports is not None and len(devices) > supply.poe_ports:
        verdict = PoeVerdict.REPLACE_SWITCH
        reasons.append(f"{len(devices)} cameras, {supply.poe_ports} PoE ports")
    elif supply.poe_standard is None or supply.budget_w is None:
        verdict = PoeVerdict.UNKNOWN
        reasons.append("the switch's PoE standard or budget was not surveyed")
    else:
        on_switch, midspans = _offload(on_switch, supply.poe_standard, supply.budget_w, reasons)
        if midspans:
            verdict = PoeVerdict.ADD_MIDSPAN
    if unknown:
        reasons.append(f"PoE class not known for {len(unknown)} camera(s): {', '.join(unknown)}")
        if verdict is PoeVerdict.FITS:
            verdict = PoeVerdict.UNKNOWN
    if top_class > PoeStandard.AT.max_class:
        reasons.append(FOUR_PAIR_NOTE)
    replacement = None
    if verdict in (PoeVerdict.REPLACE_SWITCH, PoeVerdict.ADD_MIDSPAN) and not unknown:
        replacement = smallest_switch(catalog, len(devices), top_class, demanded)
        if replacement is None:
            reasons.append(f"no switch in the catalog powers {len(devices)} cameras up to class "
                           f"{top_class} ({standard_for_class(top_class).value}) within "
                           f"{demanded:g} W")  # fmt: skip
    return SwitchBudget(
        supply, len(devices), sum(PSE_ALLOCATION_W[c] for _, c in on_switch), demanded,
        tuple(midspans), verdict, tuple(reasons), replacement,
    )  # fmt: skip


def _offload(
    known: list[tuple[PoweredDevice, int]],
    standard: PoeStandard,
    budget_w: float,
    reasons: list[str],
) -> tuple[list[tuple[PoweredDevice, int]], list[tuple[str, PoeStandard]]]:
    """Move to midspans the cameras the port cannot power, then the hungriest until in budget."""
    midspans = [(d.device_id, standard_for_class(c)) for d, c in known if c > standard.max_class]
    if midspans:
        reasons.append(f"{len(midspans)} camera(s) need more than {standard.value} "
                       f"(class {standard.max_class}) delivers")  # fmt: skip
    kept = sorted(((d, c) for d, c in known if c <= standard.max_class),
                  key=lambda dc: (PSE_ALLOCATION_W[dc[1]], dc[0].device_id))  # fmt: skip
    total = sum(PSE_ALLOCATION_W[c] for _, c in kept)
    over = total > budget_w + 1e-9
    if over:
        reasons.append(f"{total:g} W of reservations on a {budget_w:g} W budget")
    while kept and total > budget_w + 1e-9:
        device, cls = kept.pop()
        total -= PSE_ALLOCATION_W[cls]
        midspans.append((device.device_id, standard_for_class(cls)))
    return kept, midspans


def smallest_switch(
    catalog: Iterable[SwitchModel], ports: int, top_class: int, demanded_w: float
) -> SwitchModel | None:
    """The switch with the smallest budget that powers every camera on its own ports."""
    fitting = [
        s for s in catalog
        if s.kind is SwitchKind.SWITCH and s.poe_ports is not None and s.poe_ports >= ports
        and s.poe_standard is not None and s.poe_standard.max_class >= top_class
        and s.poe_budget_w is not None and s.poe_budget_w + 1e-9 >= demanded_w
    ]  # fmt: skip
    return min(fitting, key=lambda s: (s.poe_budget_w or 0, s.poe_ports or 0, s.key), default=None)
