"""Cost the rest of the system: recorders, licences, switches, midspans, other devices.

Every line is priced like a camera, through the one ``PriceBook``: a recorder or switch by its
catalog key, a licence by its platform's ``licence_key``, a midspan by a catalog midspan of
the standard it must deliver. Without a price a line is listed as missing, never priced at
zero. Devices with no catalog replacement (door stations, encoders …) are provisional sums:
the project's own sum for the class when it set one, else a price list's
``provisional:<class>`` item, else unpriced. Lines go to their phase and site, so each phase
of the works has its own subtotal.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from specassist.domain import formatting as fmt
from specassist.domain.costing import (
    Costing,
    CostLine,
    LineKind,
    cost,
    items_of,
    price_source,
    unmatched_lines,
)
from specassist.domain.device_class import DeviceClass
from specassist.domain.device_scope import SCOPE_WORDS
from specassist.domain.outcome import CameraOutcome
from specassist.domain.poe import PoeVerdict
from specassist.domain.pricing import PriceBook
from specassist.domain.recording_groups import RecorderGroup
from specassist.domain.system_plan import SystemPlan

Lines = dict[tuple[str, str], list[CostLine]]


@dataclass(frozen=True, slots=True)
class _Item:
    """A line to price: what it is, how many, and under which key the price book finds it."""

    phase: str
    site: str
    kind: LineKind
    vendor: str
    part: str
    description: str
    quantity: int
    unit: str = "nr"


def cost_with_system(
    outcomes: Iterable[CameraOutcome], plan: SystemPlan, book: PriceBook
) -> Costing:
    """The whole bill of quantities: the cameras and everything else the plan needs."""
    outcomes = list(outcomes)
    lines = system_lines(plan, book)
    for key, unmatched in unmatched_lines(outcomes, plan.phase_of).items():
        lines.setdefault(key, []).extend(unmatched)
    return cost(items_of(outcomes, plan.phase_of), book, lines, [p.key for p in plan.phases])


def system_lines(plan: SystemPlan, book: PriceBook) -> Lines:
    """The plan's priced lines by (phase, site)."""
    out: Lines = {}
    items = [*_recording(plan), *_network(plan)]
    for item in items:
        out.setdefault((item.phase, item.site), []).append(_priced(item, book))
    for line_key, line in _devices(plan, book):
        out.setdefault(line_key, []).append(line)
    return out


def _recording(plan: SystemPlan) -> list[_Item]:
    items = []
    for group in plan.groups:
        if not group.costed:
            continue
        model = group.model
        if model is not None and group.choice is not None:
            items.append(
                _Item(
                    group.phase,
                    group.site,
                    LineKind.RECORDER,
                    model.vendor_id,
                    model.model,
                    f"{model.vendor_id} {model.model} {model.kind.value} recorder for "
                    f"{group.name}: {group.demand.channels} cameras, "
                    f"{fmt.storage(group.demand.raw_tb)} raw disk",
                    group.choice.units,
                )
            )
        else:
            items.append(
                _Item(
                    group.phase,
                    group.site,
                    LineKind.PROVISIONAL,
                    "provisional",
                    DeviceClass.RECORDER.value,
                    _server_words(group),
                    1,
                    "sum",
                )
            )
        licence, platform = group.licences, group.platform
        if licence is not None and platform is not None and licence.quantity > 0:
            vendor, _, part = platform.licence_key.partition(":")
            items.append(
                _Item(
                    group.phase,
                    group.site,
                    LineKind.LICENCE,
                    vendor,
                    part,
                    f"{licence.item} for {group.name} ({licence.reason})",
                    licence.quantity,
                )
            )
    return items


def _server_words(group: RecorderGroup) -> str:
    demand = group.demand
    what = f"{group.platform.name} recording server" if group.platform else "Recorder"
    return (
        f"Provisional sum: {what} for {group.name} to the performance specified "
        f"({demand.channels} cameras, {fmt.bitrate(demand.incoming_mbps)}, "
        f"{fmt.storage(demand.raw_tb)} raw disk); no catalog unit fits"
    )


def _network(plan: SystemPlan) -> list[_Item]:
    items = []
    for switch in plan.switches:
        budget = switch.budget
        if budget.verdict is PoeVerdict.REPLACE_SWITCH:
            new = budget.replacement
            if new is not None:
                items.append(
                    _Item(
                        switch.phase,
                        switch.site,
                        LineKind.SWITCH,
                        new.vendor_id,
                        new.model,
                        f"{new.vendor_id} {new.model} PoE switch to replace "
                        f"{switch.name} ({budget.devices} devices, "
                        f"{fmt.power(budget.demanded_w)} reserved)",
                        1,
                    )
                )
            else:
                items.append(
                    _Item(
                        switch.phase,
                        switch.site,
                        LineKind.PROVISIONAL,
                        "provisional",
                        "switch",
                        f"Provisional sum: PoE switch to replace "
                        f"{switch.name} to the performance specified",
                        1,
                        "sum",
                    )
                )
        elif budget.verdict is PoeVerdict.ADD_MIDSPAN:
            for need in switch.midspans:
                unit = need.model
                vendor, part = (
                    (unit.vendor_id, unit.model) if unit else ("midspan", need.standard.value)
                )
                items.append(
                    _Item(
                        switch.phase,
                        switch.site,
                        LineKind.MIDSPAN,
                        vendor,
                        part,
                        f"PoE midspan, {need.standard.value}, one port each, beside {switch.name}",
                        need.ports,
                    )
                )
    return items


def _devices(plan: SystemPlan, book: PriceBook) -> list[tuple[tuple[str, str], CostLine]]:
    settings = book.settings
    out = []
    removed: dict[tuple[str, str], int] = {}
    for device in plan.devices:
        key = (device.phase, device.site)
        removed[key] = removed.get(key, 0) + 1
        if not device.provisional:
            continue
        words = SCOPE_WORDS[device.device_class]
        description = (
            f"Provisional sum: compliant {words} to replace {device.tag} "
            f"({device.existing}), to the performance specified"
        )
        own = plan.settings.provisional_sum(device.device_class)
        item = f"provisional:{device.device_class.value}"
        if own is not None:
            rate = settings.money(own)
            out.append(
                (
                    key,
                    CostLine(
                        device.site,
                        LineKind.PROVISIONAL,
                        item,
                        description,
                        Decimal(1),
                        "sum",
                        rate,
                        rate.rounded(),
                        "provisional sum (project setting)",
                    ),
                )
            )
            continue
        out.append(
            (
                key,
                _priced(
                    _Item(
                        device.phase,
                        device.site,
                        LineKind.PROVISIONAL,
                        "provisional",
                        device.device_class.value,
                        description,
                        1,
                        "sum",
                    ),
                    book,
                ),
            )
        )
    rate = settings.money(settings.disposal_per_camera)
    for (phase, site), count in removed.items():
        quantity = Decimal(count)
        out.append(
            (
                (phase, site),
                CostLine(
                    site,
                    LineKind.DISPOSAL,
                    "weee-devices",
                    "Disposal of removed recorders and other devices (WEEE), storage media wiped",
                    quantity,
                    "nr",
                    rate,
                    rate.times(quantity).rounded(),
                    "project rate",
                ),
            )
        )
    return out


def _priced(item: _Item, book: PriceBook) -> CostLine:
    found = book.find(item.vendor, item.part)
    key = f"{item.vendor}:{item.part}"
    quantity = Decimal(item.quantity)
    if found is None:
        return CostLine(
            item.site, item.kind, key, item.description, quantity, item.unit, None, None
        )
    rate, price = found
    return CostLine(
        item.site,
        item.kind,
        key,
        item.description,
        quantity,
        item.unit,
        rate,
        rate.times(quantity).rounded(),
        price_source(price),
    )
