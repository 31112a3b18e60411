"""PoE per surveyed switch: the devices each powers after the works, against its budget.

Only what the survey says is used: a device is on a switch when its row names one; a switch's
ports, standard and budget are known when its row (or the name itself) gives a model in the
catalog's switch or recorder tables. Devices that stay are counted at their own class,
replacements at theirs. An excluded switch or PoE recorder has to go whatever its load.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from specassist.domain.catalog import Catalog
from specassist.domain.device_class import DeviceClass
from specassist.domain.outcome import CameraOutcome, Status
from specassist.domain.poe import PoeSupply, PoweredDevice, SwitchBudget, switch_budget
from specassist.domain.recording_groups import existing
from specassist.domain.system import PoeStandard, SwitchKind, SwitchModel


@dataclass(frozen=True, slots=True)
class MidspanNeed:
    """Ports to power from midspans beside a switch, at one standard, and the catalog unit."""

    standard: PoeStandard
    ports: int
    model: SwitchModel | None


@dataclass(frozen=True, slots=True)
class SwitchPlan:
    """A surveyed switch (or PoE recorder) and the devices it powers after the works."""

    key: str
    site: str
    name: str
    budget: SwitchBudget
    ports: tuple[tuple[int, str, str | None], ...]
    """(device id, tag, port) per powered device, in survey order."""
    device_id: int | None = None
    """The switch's own survey row, when it has one."""
    notes: tuple[str, ...] = ()
    phase: str = ""
    midspans: tuple[MidspanNeed, ...] = ()
    top_class: int | None = None
    """The highest PoE class among the devices whose class is known."""


def powered(outcome: CameraOutcome) -> PoweredDevice:
    """A device at the class it will announce: its replacement's, else its own."""
    tag = outcome.camera.display_tag
    offer = outcome.offer
    if offer is not None:
        return PoweredDevice(tag, offer.model.poe_class, offer.model.max_power_w)
    if outcome.status is Status.NOT_A_CAMERA or outcome.status is Status.NO_REPLACEMENT:
        return PoweredDevice(tag)  # the replacement is not chosen yet: its class is unknown
    model = outcome.identification.model
    if model is not None and (model.poe_class is not None or model.max_power_w is not None):
        return PoweredDevice(tag, model.poe_class, model.max_power_w)
    return PoweredDevice(tag, power_w=outcome.camera.power_w)


def _cameras(outcome: CameraOutcome) -> int:
    return outcome.offer.quantity if outcome.offer is not None else 1


def _catalog_supply(text: str, catalog: Catalog, name: str) -> PoeSupply | None:
    """A switch or PoE recorder of the catalog named in ``text`` (its model number)."""
    folded = text.casefold()
    for switch in catalog.switches:
        if switch.model.casefold() in folded:
            return PoeSupply.from_model(name, switch)
    for recorder in catalog.recorders:
        if recorder.poe_ports and recorder.model.casefold() in folded:
            return PoeSupply(name, recorder.poe_ports, recorder.poe_standard, recorder.poe_budget_w)
    return None


def _supply(name: str, device: CameraOutcome | None, catalog: Catalog) -> PoeSupply:
    text = " ".join(filter(None, (name, device.camera.model if device else None)))
    found = _catalog_supply(text, catalog, name) or PoeSupply(name)
    if device is not None and device.status.excluded:
        why = f"{existing(device)} is excluded"
        return PoeSupply(name, found.poe_ports, found.poe_standard, found.budget_w, why)
    return found


def build(
    outcomes: Sequence[CameraOutcome],
    catalog: Catalog,
    compliant: Callable[[str], bool],
    phase_of: Mapping[int, str],
) -> tuple[list[SwitchPlan], list[tuple[str, int]]]:
    """Every named switch's budget, and per site the replacements no switch is named for."""
    by_name: dict[tuple[str, str], CameraOutcome] = {}
    for outcome in outcomes:
        if outcome.identification.device_class is not DeviceClass.CAMERA:
            for name in (outcome.camera.tag, outcome.camera.ip_address):
                if name:
                    by_name.setdefault((outcome.site, name.casefold()), outcome)
    # Switches are named per site: "SW1" at two sites is two switches.
    members: dict[tuple[str, str], list[CameraOutcome]] = {}
    unswitched: dict[str, int] = {}
    for outcome in outcomes:
        name = (outcome.camera.switch or "").strip()
        if name:
            members.setdefault((outcome.site, name), []).append(outcome)
        elif outcome.offer is not None:
            unswitched[outcome.site] = unswitched.get(outcome.site, 0) + _cameras(outcome)
    replacements = [s for s in catalog.switches if compliant(s.vendor_id)]
    plans = [
        _plan(name, devices, by_name.get((site, name.casefold())), catalog, replacements, phase_of)
        for (site, name), devices in members.items()
    ]
    return plans, list(unswitched.items())


def _plan(
    name: str,
    devices: list[CameraOutcome],
    device: CameraOutcome | None,
    catalog: Catalog,
    replacements: list[SwitchModel],
    phase_of: Mapping[int, str],
) -> SwitchPlan:
    supply = _supply(name, device, catalog)
    # A position split between two or three cameras takes a port (and power) for each.
    loads = [load for o in devices for load in [powered(o)] * _cameras(o)]
    budget = switch_budget(supply, loads, replacements)
    top = max((c for d in loads if (c := d.resolved_class) is not None), default=None)
    ports = tuple((o.id, o.camera.display_tag, o.camera.switch_port) for o in devices)
    seen: dict[str, str] = {}
    notes = []
    for _, tag, port in ports:
        if port and port in seen:
            notes.append(f"port {port} is given for both {seen[port]} and {tag}")
        elif port:
            seen[port] = tag
    site = devices[0].site
    phase = next(
        (phase_of[o.id] for o in (*([device] if device else []), *devices) if o.id in phase_of), ""
    )
    return SwitchPlan(
        f"switch:{site}:{name.casefold()}",
        site,
        name,
        budget,
        ports,
        device.id if device else None,
        tuple(notes),
        phase,
        _midspans(budget, replacements),
        top,
    )


def _midspans(budget: SwitchBudget, catalog: list[SwitchModel]) -> tuple[MidspanNeed, ...]:
    """The ports moved to midspans, by standard, each with the smallest catalog midspan that
    delivers it (None when the catalog has none: the line is then listed without a price)."""
    ports: dict[PoeStandard, int] = {}
    for _, standard in budget.midspans:
        ports[standard] = ports.get(standard, 0) + 1
    units = [m for m in catalog if m.kind is SwitchKind.MIDSPAN and m.poe_standard is not None]
    return tuple(
        MidspanNeed(
            standard,
            count,
            min(
                (
                    m
                    for m in units
                    if m.poe_standard and m.poe_standard.max_class >= standard.max_class
                ),
                key=lambda m: (m.poe_budget_w or 0, m.key),
                default=None,
            ),
        )
        for standard, count in ports.items()
    )
