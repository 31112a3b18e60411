"""Section builders by key, and the assembly of a numbered package from them.

A clause set lists, per package part, the keys of its sections. A key names
either a builder registered here (``timetable`` → a table built from the
clause set and the inputs) or a ``[[section]]`` of plain clause text. The
specification's performance sections come from ``content`` and are placed
first in their part, so their numbers do not move when clauses are added.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date

from specassist.domain.project_settings import Layout
from specassist.tender.clauses import ClauseSection, ClauseSet
from specassist.tender.document import Block, PackagePart, Part, Section, Text
from specassist.tender.package.inputs import Money, PackageInputs


@dataclass(frozen=True)
class PackageContext:
    clauses: ClauseSet
    inputs: PackageInputs
    money: Money
    title: str
    client: str
    issue_date: date
    weights: tuple[tuple[str, int], ...] = ()
    """Evaluation weights chosen for this project (criterion, %), overriding the set's."""
    package: bool = True
    """A tender package for bidders; False for the specification with the client's estimate."""

    @property
    def words(self) -> dict[str, object]:
        """Placeholders clause text may use."""
        profile = self.clauses.profile
        return {
            "client": self.client or "The client", "title": self.title,
            "bidder": profile.bidder, "bidders": profile.bidders,
            "replace": self.inputs.to_replace, "site_count": len(self.inputs.sites),
            "validity_days": profile.validity_days, "currency": self.money.currency,
            "tax_name": profile.tax_name,
        }  # fmt: skip


Builder = Callable[[PackageContext], Section | None]
REGISTRY: dict[str, Builder] = {}


def register(key: str) -> Callable[[Builder], Builder]:
    def add(builder: Builder) -> Builder:
        REGISTRY[key] = builder
        return builder

    return add


def fill(ctx: PackageContext, text: str) -> str:
    """Clause text with its placeholders filled; a wrong placeholder names the clause file."""
    try:
        return text.format_map(ctx.words)
    except (KeyError, ValueError, IndexError) as exc:
        raise ValueError(f"{ctx.clauses.path}: placeholder {exc} in: {text[:60]}…") from exc


def clause_blocks(ctx: PackageContext, clause: ClauseSection) -> tuple[Block, ...]:
    blocks: list[Block] = [Text(fill(ctx, p)) for p in clause.paragraphs]
    blocks += [Text(fill(ctx, b), "bullet") for b in clause.bullets]
    if clause.sources:
        cited = "; ".join(ctx.clauses.sources[s].title for s in clause.sources)
        blocks.append(Text(f"Sources: {cited}.", "note"))
    return tuple(blocks)


def build(ctx: PackageContext, key: str) -> Section | None:
    if key in REGISTRY:
        return REGISTRY[key](ctx)
    clause = ctx.clauses.sections.get(key)
    if clause is None:
        raise ValueError(f"{ctx.clauses.path}: package lists '{key}', which is neither a "
                         "[[section]] nor a built section")  # fmt: skip
    return Section(key, clause.title, clause.spec_part, clause_blocks(ctx, clause),
                   package_part=clause.part)  # fmt: skip


def part_sections(ctx: PackageContext, part: PackagePart) -> list[Section]:
    out = []
    for key in ctx.clauses.order.get(part, ()):
        section = build(ctx, key)
        if section is not None:
            out.append(replace(section, package_part=part))
    return out


_SPEC_ORDER = (Part.GENERAL, Part.PRODUCTS, Part.EXECUTION, Part.COMPLETION)


def assemble(
    ctx: PackageContext, specification: list[Section], layout: Layout, package: bool
) -> tuple[Section, ...]:
    """The numbered document: the package's parts, or the specification on its own.

    ``specification`` is what ``content`` built (performance, schedule,
    execution, its appendices). On its own it still gets the clause set's
    supplier declaration, since no tender goes out without one.
    """
    main = [s for s in specification if s.part is not Part.APPENDIX]
    appendices = [s for s in specification if s.part is Part.APPENDIX]
    if not package:
        declaration = build(ctx, "attestation")
        main += [replace(declaration, part=Part.GENERAL)] if declaration else []
        main.sort(key=lambda s: _SPEC_ORDER.index(s.part))
        extra = [
            s for key in ("money", "survey_issues")
            if (s := build(ctx, key)) is not None
        ]  # fmt: skip
        return tuple(_number_spec(main, layout) + _appendices(ctx, appendices, extra))
    added = part_sections(ctx, PackagePart.SPECIFICATION)
    spec = sorted(main + added, key=lambda s: _SPEC_ORDER.index(s.part))
    out: list[Section] = []
    for part in (PackagePart.ITT, None, PackagePart.CONTRACT, PackagePart.FORM_OF_TENDER,
                 PackagePart.PRICING):  # fmt: skip
        if part is None:
            out += [replace(s, package_part=PackagePart.SPECIFICATION)
                    for s in _number_spec(spec, layout)]  # fmt: skip
            continue
        letter = ctx.clauses.parts.get(part, ("", ""))[0]
        out += [replace(s, number=f"{letter}{n}", part=Part.GENERAL)
                for n, s in enumerate(part_sections(ctx, part), start=1)]  # fmt: skip
    return tuple(out + _appendices(ctx, appendices, part_sections(ctx, PackagePart.APPENDICES)))


def _appendices(ctx: PackageContext, given: list[Section], extra: list[Section]) -> list[Section]:
    """``content``'s appendices as titled (A, B, C …), then the package's, lettered after them."""
    out = [replace(s, package_part=PackagePart.APPENDICES) for s in given]
    for n, section in enumerate(extra, start=len(given)):
        title = f"Appendix {chr(ord('A') + n)} — {section.title}"
        out.append(replace(section, title=title, part=Part.APPENDIX,
                           package_part=PackagePart.APPENDICES))  # fmt: skip
    return out


NBS_GROUPS = {Part.GENERAL: 100, Part.PRODUCTS: 300, Part.EXECUTION: 600, Part.COMPLETION: 900}
"""NBS/CAWS work sections group clauses by hundreds: 100s general and system outline, 300s
products, 600s execution (workmanship), 900s completion (testing, documents, training)."""


def _number_spec(sections: list[Section], layout: Layout) -> list[Section]:
    """CSI: 1.01 … within Parts 1–3 (completion is filed under Part 3); NBS: 110, 120 …, 310 …"""
    counters: dict[int, int] = {}
    out = []
    for section in sections:
        if layout is Layout.CSI:
            group = min(_SPEC_ORDER.index(section.part), 2) + 1
            counters[group] = counters.get(group, 0) + 1
            number = f"{group}.{counters[group]:02d}"
        else:
            group = NBS_GROUPS[section.part]
            counters[group] = counters.get(group, 0) + 10
            number = str(group + counters[group])
        out.append(replace(section, number=number))
    return out
