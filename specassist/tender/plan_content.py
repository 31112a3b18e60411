"""The tender's plans appendix: one plan per site or floor, with the replacements' coverage.

The plans are drawn by ``domain.plan_drawing`` from the same analysis as the
schedule, so a symbol's tag is the schedule's tag and a band's colour is the
detail level the performance specification asks for.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from specassist.tender.document import Block, Figure, Part, Section, Text

INTRO = (
    "One plan for each site or floor surveyed. Each symbol is a device, labelled with its tag "
    "in the schedule of cameras and coloured by what happens to it; the bands show the image "
    "detail each replacement camera gives at ground level, by the IEC 62676-4 levels, with "
    "walls taken into account. The bands are for guidance: the performance specification and "
    "the schedule state the requirement."
)


@dataclass(frozen=True, slots=True)
class PlanSheet:
    site: str
    name: str
    figure: Figure
    devices: int
    scaled: bool


def plans_section(sheets: Sequence[PlanSheet], letter: str) -> Section | None:
    """``Appendix <letter> — Plans``, or None when the project has no plan."""
    if not sheets:
        return None
    blocks: list[Block] = [Text(INTRO)]
    for sheet in sheets:
        blocks.append(Text(" — ".join(filter(None, (sheet.site, sheet.name))), "label"))
        blocks.append(sheet.figure)
        scale = "" if sheet.scaled else "; no scale was set, so no coverage is drawn"
        blocks.append(Text(f"{sheet.devices} device(s) placed{scale}.", "note"))
    return Section("plans", f"Appendix {letter} — Plans", Part.APPENDIX, tuple(blocks))
