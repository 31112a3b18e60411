"""The pricing schedule bidders complete, and the rules the document states about money.

The same ``schedule`` feeds the PDF/DOCX section and the XLSX bidders fill
in, so their item references, descriptions and quantities cannot disagree.
Lines describe the work by camera type, never by a basis-of-design part number
or a distributor's price: the client's own estimate is a separate document.
"""

from __future__ import annotations

from decimal import Decimal

from specassist.tender.document import (
    Block,
    PackagePart,
    Part,
    PricingGroup,
    PricingLine,
    Section,
    Table,
    Text,
)
from specassist.tender.package.inputs import PackageInputs
from specassist.tender.package.registry import PackageContext, register
from specassist.tender.package.system_pricing import system_groups


def schedule(inputs: PackageInputs) -> tuple[PricingGroup, ...]:
    """General items first, then one group per site, numbered 1, 2 … with items n.01 …"""
    groups: list[PricingGroup] = []

    def group(title: str, items: list[tuple[str, str, int, bool, bool]]) -> None:
        number = len(groups) + 1
        lines = tuple(
            PricingLine(f"{number}.{n:02d}", text, unit, Decimal(qty), model, provisional)
            for n, (text, unit, qty, model, provisional) in enumerate(
                (i for i in items if i[2] > 0), start=1)
        )  # fmt: skip
        groups.append(PricingGroup(number, title, lines))

    # With a system plan, recording and licences are priced per recorder (system_groups).
    replaced = sum(s.installed for s in inputs.scopes) if inputs.system is None else 0
    group("General items", [
        ("Preliminaries: set-up, supervision, insurances, risk assessments and method "
         "statements, for the whole contract", "item", 1, False, False),
        ("Submittals: datasheets and the compliance matrix for every model offered; design "
         "check of fields of view", "item", 1, False, False),
        (f"Video management system: licences and integration for the {replaced} replacement "
         "camera(s), on the client's existing VMS (rate per camera)", "nr", replaced, True,
         False),
        ("As-built records, reference images, acceptance certificates and operator training",
         "item", 1, False, False),
    ])  # fmt: skip
    for scope in inputs.scopes:
        items: list[tuple[str, str, int, bool, bool]] = []
        for t in scope.types:
            items += [
                (f"Supply camera type {t.type_code} as specified", "nr", t.cameras, True, False),
                (f"Bracket or adapter for camera type {t.type_code} to suit the existing fixing",
                 "nr", t.mounts, True, False),
                (f"Remove the existing camera; install, configure and commission camera type "
                 f"{t.type_code}", "nr", t.cameras, False, False),
            ]  # fmt: skip
        items += [
            ("Provisional: replace an excluded camera whose requirement is to be confirmed at "
             "survey (supply, install and commission, rate per camera)", "nr", scope.unmatched,
             True, True),
            ("Make good an old fixing the new mount does not cover (rate per fixing)", "nr",
             scope.make_good, False, False),
            ("Access equipment for cameras at height (rate per camera)", "nr", scope.at_height,
             False, False),
            ("Disposal of removed cameras through a WEEE route, storage media wiped, with "
             "certificates", "nr", scope.removed, False, False),
        ]  # fmt: skip
        group(scope.site, items)
    groups += system_groups(inputs.system, len(groups) + 1)
    return tuple(groups)


def total_label(ctx: PackageContext) -> str:
    profile = ctx.clauses.profile
    tax = f" (excluding {profile.tax_name})" if profile.tax_pct else ""
    return ctx.clauses.heading("total", "Tender sum") + tax


@register("pricing_schedule")
def pricing_schedule(ctx: PackageContext) -> Section:
    bidder = ctx.clauses.profile.bidder
    blocks: list[Block] = [
        Text(f"The {bidder} prices every line in the pricing schedule spreadsheet issued with "
             f"this package: a rate for each line and the model offered where asked. Amounts "
             f"and totals are formulas; the {total_label(ctx).lower()} is their total in "
             f"{ctx.money.currency}. The table below shows the same lines and quantities."),
        Text(ROUNDING_RULE, "note"),
    ]  # fmt: skip
    for group in schedule(ctx.inputs):
        blocks.append(Text(f"{group.number} {group.title}", "label"))
        rows = tuple(
            (line.ref, line.description + (" [provisional]" if line.provisional else ""),
             line.unit, f"{line.quantity.normalize():f}", "", "", "")
            for line in group.lines
        )  # fmt: skip
        blocks.append(Table(("Ref", "Description", "Unit", "Qty", "Model offered", "Rate",
                             "Amount"), rows, (0.8, 4.2, 0.6, 0.6, 1.8, 1, 1.1),
                            numeric=(3, 5, 6), fill=(4, 5, 6)))  # fmt: skip
    return Section("pricing_schedule", ctx.clauses.heading("pricing_schedule", "Pricing schedule"),
                   blocks=tuple(blocks), package_part=PackagePart.PRICING)  # fmt: skip


ROUNDING_RULE = (
    "Arithmetic: each amount is the rate multiplied by the quantity, rounded half-up to the "
    "currency's minor unit (0.01); a rate converted from another currency is first rounded "
    "to the minor unit, so every amount is exactly the printed rate times the quantity. "
    "Totals add the rounded amounts; tax is charged on the net total, never per line."
)


@register("money")
def money(ctx: PackageContext) -> Section:
    """Currency, fixed rates, the rounding rule and the prices that could not be used."""
    m = ctx.money
    blocks: list[Block] = [Text(f"All prices are in {m.currency}."), Text(ROUNDING_RULE)]
    if m.rates:
        blocks.append(Text("Fixed exchange rates for this project: " + "; ".join(
            f"1 {code} = {rate} {m.currency}" for code, rate in m.rates), "bullet"))  # fmt: skip
    if not ctx.package:
        notices = ctx.inputs.price_notices
        if notices:
            blocks.append(Text("Prices not used in the estimate", "label"))
            blocks.append(Table(("Item", "Supplier", "Why not used"),
                                tuple((n.item, n.supplier, n.reason) for n in notices),
                                (2, 1.5, 3)))  # fmt: skip
        if not notices:
            blocks.append(Text("Every price found for the estimate was current and in a "
                               "currency with a rate.", "note"))  # fmt: skip
        when = m.price_date.isoformat() if m.price_date else "the date of issue"
        blocks.append(Text(f"Prices are those valid on {when}.", "note"))
    return Section(
        "money",
        ctx.clauses.heading("money", "Prices, currency and rounding"),
        Part.APPENDIX,
        tuple(blocks),
        package_part=PackagePart.APPENDICES,
    )
