"""Instructions to tenderers: the timetable and the evaluation criteria with their weights."""

from __future__ import annotations

from datetime import timedelta

from specassist.tender.clauses import checked_weights, criterion_name
from specassist.tender.document import Block, PackagePart, Section, Table, Text
from specassist.tender.package.registry import PackageContext, fill, register


@register("timetable")
def timetable(ctx: PackageContext) -> Section:
    rows = []
    style = ctx.clauses.profile.dates
    for event, days in ctx.clauses.table("timetable").get("rows", []):
        rows.append((str(event), style.written(ctx.issue_date + timedelta(days=int(days)))))
    blocks: tuple[Block, ...] = (
        Text("Indicative dates, counted from the date of issue; the dates in the tender notice "
             "or the portal prevail.", "note"),
        Table(("Event", "Date"), tuple(rows), (3, 1.4)),
    )  # fmt: skip
    return Section("timetable", ctx.clauses.heading("timetable", "Timetable"),
                   blocks=blocks, package_part=PackagePart.ITT)  # fmt: skip


def weights(ctx: PackageContext) -> list[tuple[str, int]]:
    """(criterion, %) for this project: the set's weights, or those chosen for the project.

    Raises ValueError when they do not add up to 100, so a typo never reaches bidders.
    """
    chosen = dict(ctx.weights) if ctx.weights else dict(ctx.clauses.criteria())
    return checked_weights(chosen)


@register("evaluation")
def evaluation(ctx: PackageContext) -> Section:
    table = ctx.clauses.table("evaluation")
    chosen = weights(ctx)
    bidders = ctx.clauses.profile.bidders
    blocks: list[Block] = [
        Text(fill(ctx, f"Tenders are assessed against the criteria below; {bidders} whose "
                       "offer fails a mandatory requirement (the supplier declaration, the "
                       "compliance requirements or accreditation) are not assessed further.")),
        Table(("Criterion", "Weight"), tuple((criterion_name(k), f"{w}%") for k, w in chosen),
              (3, 1), numeric=(1,)),
    ]  # fmt: skip
    if "price_method" in table:
        blocks += [Text("Price", "label"), Text(str(table["price_method"]))]
    for key, title in (("quality_questions", "quality"), ("social_value_questions",
                                                             "social_value")):  # fmt: skip
        weight = dict(chosen).get(title, 0)
        questions = table.get(key, [])
        if not questions or not weight:
            continue
        blocks.append(Text(f"{criterion_name(title)} ({weight}%)", "label"))
        blocks.append(Table(("Question", "Share of the criterion"),
                            tuple((str(q), f"{share}%") for q, share in questions),
                            (4, 1), numeric=(1,)))  # fmt: skip
    if table.get("scoring"):
        blocks.append(Text("Scoring of each question", "label"))
        blocks.append(
            Table(
                ("Score", "Meaning"), tuple((str(s), str(m)) for s, m in table["scoring"]), (1, 4)
            )
        )
    return Section("evaluation", ctx.clauses.heading("evaluation", "Evaluation criteria"),
                   blocks=tuple(blocks), package_part=PackagePart.ITT)  # fmt: skip
