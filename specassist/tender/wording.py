"""The document in its jurisdiction's words: American spelling, and the buyer's word for a
bidder ("offeror" under the FAR, "tenderer" in the UK).

The content is written once, in British English with "tenderer"; a clause set whose
profile says ``spelling = "en-US"`` or names another bidder gets the document's own
words changed here: whole words from a fixed list, the case kept ("Recognise" →
"Recognize"). Text that came from the survey (tags, sites, locations, makes, models,
notes) is printed as surveyed: where it appears inside a paragraph or a cell, that
part is left alone, so a site called "Colour Works" keeps its name in a US document.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import replace

from specassist.tender.clauses import Profile
from specassist.tender.document import (
    Block,
    Field,
    PricingGroup,
    Section,
    Signature,
    Table,
    TenderDocument,
    Text,
)

AMERICAN = {
    "recognise": "recognize", "recognised": "recognized", "recognising": "recognizing",
    "licence": "license", "licences": "licenses",
    "labour": "labor", "colour": "color", "colours": "colors",
    "organisation": "organization", "organisations": "organizations",
    "organisation's": "organization's", "authorised": "authorized", "authorise": "authorize",
    "minimise": "minimize", "minimised": "minimized", "metre": "meter", "metres": "meters",
    "centre": "center", "centres": "centers", "programme": "program",
    "programmes": "programs", "catalogue": "catalog", "analyse": "analyze",
    "prioritise": "prioritize", "utilisation": "utilization", "favour": "favor",
    "behaviour": "behavior", "defence": "defense", "neighbouring": "neighboring",
    "optimise": "optimize", "standardised": "standardized", "summarise": "summarize",
    "summarised": "summarized", "travelling": "traveling", "modelling": "modeling",
    "cancelled": "canceled", "fulfil": "fulfill", "judgement": "judgment",
}  # fmt: skip
"""British spellings the content uses, with the American ones (Merriam-Webster forms)."""


def localise(document: TenderDocument, profile: Profile, surveyed: Iterable[str]) -> TenderDocument:
    """``document`` in ``profile``'s words; ``surveyed`` texts are never changed."""
    words: dict[str, str] = {}
    if profile.spelling.lower() == "en-us":
        words.update(AMERICAN)
    if profile.bidder and profile.bidder != "tenderer":
        words.update({"tenderer": profile.bidder, "tenderers": profile.bidders,
                      "tenderer's": f"{profile.bidder}'s"})  # fmt: skip
    if not words:
        return document
    change = _Changer(words, surveyed)
    return replace(
        document,
        sections=tuple(_section(s, change) for s in document.sections),
        pricing=tuple(_pricing(g, change) for g in document.pricing),
        kind=change(document.kind),
        total_label=change(document.total_label),
    )


class _Changer:
    def __init__(self, words: dict[str, str], surveyed: Iterable[str]) -> None:
        self.words = words
        self.pattern = re.compile(
            r"\b(" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + r")\b",
            re.IGNORECASE,
        )
        kept = sorted({t for t in surveyed if t and self.pattern.search(t)}, key=len, reverse=True)
        self.kept = re.compile("|".join(re.escape(t) for t in kept)) if kept else None

    def __call__(self, text: str) -> str:
        if not text or not self.pattern.search(text):
            return text
        if self.kept is None:
            return self.pattern.sub(self._word, text)
        out, start = [], 0
        for found in self.kept.finditer(text):
            out.append(self.pattern.sub(self._word, text[start : found.start()]))
            out.append(found.group(0))
            start = found.end()
        out.append(self.pattern.sub(self._word, text[start:]))
        return "".join(out)

    def _word(self, match: re.Match[str]) -> str:
        found = match.group(0)
        new = self.words[found.lower()]
        if found.isupper():
            return new.upper()
        return new[0].upper() + new[1:] if found[0].isupper() else new


def _section(section: Section, change: Callable[[str], str]) -> Section:
    return replace(section, title=change(section.title),
                   blocks=tuple(_block(b, change) for b in section.blocks))  # fmt: skip


def _block(block: Block, change: Callable[[str], str]) -> Block:
    if isinstance(block, Text):
        return replace(block, text=change(block.text))
    if isinstance(block, Table):
        return replace(block, header=tuple(change(h) for h in block.header),
                       rows=tuple(tuple(change(c) for c in row) for row in block.rows))  # fmt: skip
    if isinstance(block, Field):
        return replace(block, label=change(block.label), hint=change(block.hint))
    if isinstance(block, Signature):
        return replace(block, lines=tuple(change(line) for line in block.lines))
    return block


def _pricing(group: PricingGroup, change: Callable[[str], str]) -> PricingGroup:
    return replace(group, title=change(group.title),
                   lines=tuple(replace(line, description=change(line.description))
                               for line in group.lines))  # fmt: skip
