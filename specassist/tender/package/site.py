"""What the survey says about the sites: constraints from its notes, deviations, issues.

A constraint clause (custody suites, occupied buildings, work at height,
asbestos, humid locations) is printed only when a survey note, a location or a
site setting names it, and then with the cameras that triggered it, so the
bidder sees why it applies. Keywords match whole words, case-insensitively.
"""

from __future__ import annotations

import re

from specassist.tender.document import Block, PackagePart, Part, Section, Table, Text
from specassist.tender.package.registry import PackageContext, fill, register

MAX_TRIGGERS = 12
"""Cameras named per constraint before "and N more": enough to locate the sites."""


@register("site_constraints")
def site_constraints(ctx: PackageContext) -> Section:
    blocks: list[Block] = []
    at_height = sum(scope.at_height for scope in ctx.inputs.scopes)
    for constraint in ctx.clauses.constraints:
        if not constraint.keywords:
            continue
        pattern = re.compile(
            r"\b(?:" + "|".join(re.escape(k) for k in constraint.keywords) + r")\b", re.I
        )
        where = [
            f"{note.site or 'site'} {note.tag}".strip()
            for note in ctx.inputs.notes
            if pattern.search(note.text)
        ]
        if constraint.key == "height" and at_height:
            where.append(f"{at_height} camera(s) above the access height in the survey")
        if not where:
            continue
        blocks.append(Text(constraint.title, "label"))
        blocks += [Text(fill(ctx, p)) for p in constraint.paragraphs]
        shown = "; ".join(dict.fromkeys(where[:MAX_TRIGGERS]))
        more = f" and {len(where) - MAX_TRIGGERS} more" if len(where) > MAX_TRIGGERS else ""
        blocks.append(Text(f"Applies to: {shown}{more}.", "note"))
    if not blocks:
        blocks.append(Text(
            "No survey note or site setting names a custody area, an occupied building, work "
            "at height, asbestos or a humid location. The "
            f"{ctx.clauses.profile.bidder} confirms the site conditions at the site visit."
        ))  # fmt: skip
    return Section("site_constraints", ctx.clauses.heading("site_constraints", "Site constraints"),
                   Part.GENERAL, tuple(blocks))  # fmt: skip


@register("deviations")
def deviations(_ctx: PackageContext) -> Section | None:
    """Nothing of its own: declared deviations are printed once, with the schedule of cameras
    they belong to. The key stays so clause files written when it was an appendix still load."""
    return None


@register("survey_issues")
def survey_issues(ctx: PackageContext) -> Section | None:
    """Unreadable cells and duplicate tags: such cameras need checking before they are priced."""
    found = ctx.inputs.survey_issues
    if found is None:
        return None
    blocks: list[Block] = [
        Text(
            "Problems found in the survey file. The cameras concerned are specified from what "
            "could be read and are to be checked at the site visit."
        )
    ]
    if found:
        blocks.append(Table(("Tag", "Row", "Issue"),
                            tuple((i.tag, str(i.row or ""), i.message) for i in found),
                            (1, 0.6, 5)))  # fmt: skip
    else:
        blocks.append(Text("None: every row of the survey was read completely."))
    return Section(
        "survey_issues",
        "Survey issues",
        Part.APPENDIX,
        tuple(blocks),
        package_part=PackagePart.APPENDICES,
    )
