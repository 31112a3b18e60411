"""Whether a brand's OEM relation reaches one particular product.

A relation can be limited in time (Lorex belonged to Dahua from 6 Feb 2018
until the sale approved on 23 Nov 2022) and in scope (only *some* Amcrest
products are Dahua-made). For one product the answer is yes, no, or "not
known" together with the evidence that would settle it, because a guess in
either direction prints a false reason in a tender or leaves a banned camera
on the wall:

- the period decides by the product's manufacture window (from its serial,
  its label, or its series' release dates): inside → yes, outside → no,
  overlapping or unknown → not known;
- "some products" is settled by the model: a model number of the relation's
  maker confirms it, a model of the brand's own line rules it out.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from specassist.domain.catalog import OemRelation

SETTLE_DATE = "the date of manufacture (the serial number or the label's manufacture date)"
SETTLE_MODEL = "the model number, or the firmware or MAC address read on site"


@dataclass(frozen=True, slots=True)
class Made:
    """When a product was made, as far as the evidence says; None bounds are open."""

    earliest: date | None
    latest: date | None
    basis: str

    @classmethod
    def on(cls, day: date, basis: str) -> Made:
        return cls(day, day, basis)

    def describe(self) -> str:
        if self.earliest == self.latest and self.earliest is not None:
            return f"made {self.earliest.isoformat()} ({self.basis})"
        low = self.earliest.isoformat() if self.earliest else "…"
        high = self.latest.isoformat() if self.latest else "…"
        return f"made between {low} and {high} ({self.basis})"


@dataclass(frozen=True, slots=True)
class RelationStatus:
    """``applies`` is True, False, or None when not known; ``why`` says which and why."""

    relation: OemRelation
    applies: bool | None
    why: str
    settle: str | None = None
    """For an unknown status: the evidence that would settle it."""


def period_text(relation: OemRelation) -> str:
    if relation.valid_from is None and relation.valid_until is None:
        return ""
    low = relation.valid_from.isoformat() if relation.valid_from else "…"
    high = relation.valid_until.isoformat() if relation.valid_until else "now"
    return f"{low} to {high}"


def in_period(relation: OemRelation, made: Made | None) -> bool | None:
    """True when the whole manufacture window lies in the relation's period; None if unsure."""
    start, end = relation.valid_from, relation.valid_until
    if start is None and end is None:
        return True
    if made is None:
        return None
    if (end is not None and made.earliest is not None and made.earliest > end) or (
        start is not None and made.latest is not None and made.latest < start
    ):
        return False
    after_start = start is None or (made.earliest is not None and made.earliest >= start)
    before_end = end is None or (made.latest is not None and made.latest <= end)
    return True if after_start and before_end else None


def relation_status(
    relation: OemRelation, made: Made | None, confirmed: bool, own_line: bool
) -> RelationStatus:
    """Whether ``relation`` reaches a product made in ``made``.

    ``confirmed``: the model number is one the relation's maker is known to
    make for the brand; ``own_line``: the model is of the brand's own line.
    """
    period = period_text(relation)
    when = in_period(relation, made)
    if when is False and made is not None:
        return RelationStatus(relation, False, f"{made.describe()}, outside {period}")
    if not relation.all_products and not confirmed:
        if own_line:
            return RelationStatus(relation, False, "the model is of the brand's own line")
        return RelationStatus(
            relation, None, "only some of the brand's products are made so", SETTLE_MODEL
        )
    if when is None:
        known = made.describe() if made is not None else "date of manufacture not known"
        return RelationStatus(relation, None, f"{known}; the relation held {period}", SETTLE_DATE)
    why = "model number confirms it" if confirmed and not relation.all_products else "all products"
    if period:
        why += f"; {made.describe() if made else 'made'} within {period}"
    return RelationStatus(relation, True, why)
