"""The phasing programme: which devices are replaced in which phase of the works, and why.

The client's estimate prints each phase's subtotal; a package for bidders prints the phases
without money, since bidders price their own offer.
"""

from __future__ import annotations

from specassist.tender.document import Block, Part, Section, Table, Text
from specassist.tender.package.registry import PackageContext, register


@register("phasing")
def phasing(ctx: PackageContext) -> Section | None:
    system = ctx.inputs.system
    if system is None or not system.phased or not system.phases:
        return None
    money = any(p.subtotal is not None for p in system.phases) and not ctx.package
    header: tuple[str, ...] = ("Phase", "Why", "Sites", "Devices", "Deadline")
    rows: list[tuple[str, ...]] = [
        (p.name, p.basis, p.sites, str(p.devices), p.deadline) for p in system.phases
    ]
    widths: tuple[float, ...] = (1.6, 2.6, 2, 0.8, 1)
    if money:
        header += (f"Estimate ({ctx.money.currency})",)
        rows = [(*row, p.subtotal or "") for row, p in zip(rows, system.phases, strict=True)]
        widths += (1.2,)
    blocks: list[Block] = [
        Text(
            "The works are carried out in the phases below. Each phase is complete — removal, "
            "installation, recording, commissioning and records for its devices — before it "
            "is accepted; a phase's recorders and switches are installed with its cameras."
        ),
        Table(header, tuple(rows), widths, numeric=(3, 5) if money else (3,)),
    ]
    if money:
        blocks.append(
            Text(
                "Subtotals before contingency, margin and tax, from the client's "
                "estimate; they add up to its subtotal.",
                "note",
            )
        )
    return Section("phasing", "Phasing programme", Part.GENERAL, tuple(blocks))
