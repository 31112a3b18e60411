"""The pricing schedule's lines for the rest of the system: recorders, licences, switches,
midspans and other devices, by the references the specification gives them (R-1, S-1, D-1)."""

from __future__ import annotations

from decimal import Decimal

from specassist.tender.document import PricingGroup, PricingLine
from specassist.tender.package.system_inputs import SystemInputs

Item = tuple[str, str, int, bool, bool]
"""(description, unit, quantity, model offered, provisional)."""


def _recording(system: SystemInputs) -> list[Item]:
    items: list[Item] = []
    for r in system.recorders:
        if r.action != "replace":
            continue
        items.append(
            (
                f"Supply, install and commission recorder type {r.ref} as specified "
                f"({r.site}, {r.name}: {r.cameras} cameras)",
                "nr",
                r.units or 1,
                True,
                not r.units,
            )
        )
        for licence in system.licences:
            if licence.ref == r.ref:
                items.append(
                    (
                        f"VMS camera licences for recorder type {r.ref} "
                        f"({licence.platform}): {licence.item}",
                        "nr",
                        licence.quantity,
                        True,
                        False,
                    )
                )
        if r.replaces:
            count = len(r.replaces.split(", "))
            items.append(
                (
                    f"Remove the excluded recorder(s) {r.replaces}; wipe or destroy their "
                    "storage media; dispose through a WEEE route",
                    "nr",
                    count,
                    False,
                    False,
                )
            )
    if system.vms and system.vms_checks:
        items.append(
            (
                f"Add the replacement cameras to {system.vms}, with the licences of the "
                "removed cameras transferred (rate per camera)",
                "nr",
                len(system.vms_checks),
                False,
                False,
            )
        )
    return items


def _network(system: SystemInputs) -> list[Item]:
    items: list[Item] = []
    for s in system.switches:
        if s.replace:
            items.append(
                (
                    f"Supply and install PoE switch type {s.ref} as specified, replacing "
                    f"{s.name} ({s.site})",
                    "nr",
                    1,
                    True,
                    False,
                )
            )
        for standard, ports in s.midspans:
            items.append(
                (
                    f"Single-port PoE midspan, {standard}, beside {s.name} ({s.site})",
                    "nr",
                    ports,
                    True,
                    False,
                )
            )
    return items


def _devices(system: SystemInputs) -> list[Item]:
    return [
        (
            f"Provisional: {d.action.replace(' below', ' specified')} to replace {d.tag} "
            f"({d.site}), {d.ref}; supply, install and commission",
            "item",
            1,
            True,
            True,
        )
        for d in system.devices
        if d.provisional
    ]


def system_groups(system: SystemInputs | None, first: int) -> list[PricingGroup]:
    """The system's pricing groups, numbered from ``first``; a group with no line is left out."""
    if system is None:
        return []
    groups: list[PricingGroup] = []
    for title, items in (
        ("Recording and video management", _recording(system)),
        ("Network and power", _network(system)),
        ("Door stations, encoders and other devices", _devices(system)),
    ):
        kept = [i for i in items if i[2] > 0]
        if not kept:
            continue
        number = first + len(groups)
        lines = tuple(
            PricingLine(f"{number}.{n:02d}", text, unit, Decimal(qty), model, provisional)
            for n, (text, unit, qty, model, provisional) in enumerate(kept, start=1)
        )
        groups.append(PricingGroup(number, title, lines))
    return groups
