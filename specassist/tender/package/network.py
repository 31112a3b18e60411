"""The network and power section: PoE per surveyed switch, midspans, and the cabling assumed.

A switch reserves power per port by the class each device announces, and the total must stay
within its budget; the section shows both checks per switch and what follows — keep, add
midspans, or replace the switch to the performance stated.
"""

from __future__ import annotations

from specassist.domain.poe import FOUR_PAIR_NOTE
from specassist.tender.document import Block, Part, Section, Table, Text
from specassist.tender.package.registry import PackageContext, register
from specassist.tender.package.system_inputs import SystemInputs

CABLE_ASSUMPTIONS = (
    "The existing cable to each camera position is reused where its run is within the 100 m "
    "channel of IEEE 802.3 twisted-pair Ethernet and it passes the test for the PoE class "
    "offered; a run that fails is replaced and recorded in the as-built records.",
    FOUR_PAIR_NOTE[0].upper() + FOUR_PAIR_NOTE[1:] + ".",
    "A switch port reserves power by the class the device announces (15.4 W for class 3, "
    "30 W for class 4, at the switch), so the sum of reservations, not the cameras' typical "
    "draw, is checked against the switch's PoE budget.",
)


def _switches(system: SystemInputs) -> list[Block]:
    rows = tuple(
        (s.ref, s.site, s.name, str(s.devices), s.reserved, s.budget, s.action)
        for s in system.switches
    )
    blocks: list[Block] = [
        Table(
            ("Ref", "Site", "Switch", "Devices", "Reserved", "PoE budget", "Action"),
            rows,
            (0.6, 1.6, 1.3, 0.8, 1, 1, 2.6),
            numeric=(3, 4, 5),
        ),
    ]
    for switch in system.switches:
        reasons = "; ".join(switch.reasons)
        if reasons:
            blocks.append(Text(f"{switch.ref} {switch.name}: {reasons}.", "note"))
        if switch.replacement:
            blocks.append(Text(f"Switch type {switch.ref}: replaces {switch.name}", "label"))
            blocks.append(
                Table(("Requirement", "Minimum performance"), switch.replacement, (1, 2.2))
            )
        for standard, ports in switch.midspans:
            blocks.append(
                Text(
                    f"{switch.ref}: {ports} × single-port PoE midspan, {standard}, "
                    f"between {switch.name} and the camera.",
                    "bullet",
                )
            )
    return blocks


@register("network")
def network(ctx: PackageContext) -> Section | None:
    system = ctx.inputs.system
    if system is None:
        return None
    blocks: list[Block] = [Text("Cabling and PoE", "label")]
    blocks += [Text(text, "bullet") for text in CABLE_ASSUMPTIONS]
    if system.switches:
        blocks.append(Text("PoE per surveyed switch", "label"))
        blocks += _switches(system)
    else:
        blocks.append(Text("The survey names no switch for any camera.", "note"))
    for site, cameras in system.unswitched:
        blocks.append(
            Text(
                f"{site}: the survey names no switch for {cameras} replacement camera(s); the "
                f"{ctx.clauses.profile.bidder} confirms each port's PoE standard and the switch's "
                "budget at the site visit and allows for midspans where they fall short.",
                "bullet",
            )
        )
    return Section("network", "Network and power", Part.PRODUCTS, tuple(blocks))
