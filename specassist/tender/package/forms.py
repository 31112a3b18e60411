"""What bidders sign and fill in: the form of tender, the declaration, the matrix, acceptance."""

from __future__ import annotations

from specassist.tender.document import Block, Field, PackagePart, Section, Signature, Table, Text
from specassist.tender.package.registry import PackageContext, fill, register

ATTESTATION_ROWS = 4
"""Blank lines for models offered when the schedule has fewer camera types than this."""


@register("form_of_tender")
def form_of_tender(ctx: PackageContext) -> Section:
    form = ctx.clauses.table("form")
    blocks: list[Block] = [Text(fill(ctx, str(p))) for p in form.get("paragraphs", [])]
    blocks += [Field(str(label), str(hint)) for label, hint in form.get("fields", [])]
    blocks.append(Signature(tuple(str(s) for s in form.get("signature", Signature().lines))))
    return Section("form_of_tender", ctx.clauses.heading("form_of_tender", "Form of tender"),
                   blocks=tuple(blocks), package_part=PackagePart.FORM_OF_TENDER)  # fmt: skip


@register("attestation")
def attestation(ctx: PackageContext) -> Section:
    """The supplier declaration, worded per jurisdiction (FAR 52.204-25(d): one business day)."""
    table = ctx.clauses.table("attestation")
    columns = tuple(str(c) for c in table.get("columns", ("Model offered", "Signed", "Date")))
    rows = max(len(ctx.inputs.types), ATTESTATION_ROWS)
    blocks: tuple[Block, ...] = (
        Text(fill(ctx, f"The {ctx.clauses.profile.bidder} shall complete and sign the following "
                       "for every model offered:")),
        Text(fill(ctx, str(table.get("statement", "")))),
        Text(fill(ctx, str(table.get("notify", "")))),
        Table(columns, tuple(("",) * len(columns) for _ in range(rows)),
              fill=tuple(range(len(columns)))),
    )  # fmt: skip
    return Section("attestation", ctx.clauses.heading("attestation", "Supplier attestation"),
                   blocks=blocks, package_part=PackagePart.FORM_OF_TENDER)  # fmt: skip


@register("deviation_matrix")
def deviation_matrix(ctx: PackageContext) -> Section:
    bidder = ctx.clauses.profile.bidder
    blocks: list[Block] = [
        Text(f"For each camera type, the {bidder} states what the model offered achieves "
             "against every requirement, whether it complies, and any deviation with its "
             "reason. A deviation not declared here is not accepted by the award of the "
             "contract."),
    ]  # fmt: skip
    for spec in ctx.inputs.types:
        blocks.append(Text(f"Camera type {spec.code} ({spec.count} nr): {spec.description}",
                           "label"))  # fmt: skip
        rows = [(name, value, "", "", "") for name, value in spec.requirements]
        rows += [("Manufacturer and model offered", "state", "", "", ""),
                 ("Country of the controlling company", "state", "", "", ""),
                 ("Datasheet reference", "state", "", "", "")]  # fmt: skip
        blocks.append(Table(("Requirement", "Specified", "Offered", "Complies (Y/N)",
                             "Deviation and reason"), tuple(rows), (2, 2.4, 2, 1, 2.4),
                            fill=(2, 3, 4)))  # fmt: skip
    if not ctx.inputs.types:
        blocks.append(Text("No camera type is specified: there is nothing to match.", "note"))
    return Section("deviation_matrix",
                   ctx.clauses.heading("deviation_matrix", "Compliance and deviation matrix"),
                   blocks=tuple(blocks), package_part=PackagePart.FORM_OF_TENDER)  # fmt: skip


@register("acceptance_certificate")
def acceptance_certificate(ctx: PackageContext) -> Section:
    checks = [str(c) for c in ctx.clauses.table("acceptance").get("checks", [])]
    blocks: list[Block] = [
        Text(
            "One line per device. The client's representative ticks each check, and signs "
            "and dates the line when the device is accepted:"
        ),
        *[Text(f"{n}. {check}", "bullet") for n, check in enumerate(checks, start=1)],
    ]
    rows = tuple(
        (d.tag, " / ".join(filter(None, (d.site, d.location))), d.type_code,
         *("" for _ in checks), "", "")
        for d in ctx.inputs.devices
    )  # fmt: skip
    header = ("Tag", "Site / location", "Type", *(str(n) for n in range(1, len(checks) + 1)),
              "Accepted by", "Date")  # fmt: skip
    first_fill = 3
    blocks.append(Table(header, rows, (1.2, 2.6, 0.9, *(0.45 for _ in checks), 1.6, 1.1),
                        fill=tuple(range(first_fill, len(header)))))  # fmt: skip
    if not rows:
        blocks.append(Text("No device is scheduled for replacement.", "note"))
    return Section("acceptance_certificate", ctx.clauses.heading("acceptance_certificate",
                   "Acceptance certificate"), blocks=tuple(blocks),
                   package_part=PackagePart.APPENDICES)  # fmt: skip
