"""What differs between two catalogs, row by row: a project's snapshot against a catalog,
or an installed catalog against a pack.

Rows are the same row when their kind and key match (``catalog_keys``). A price
whose amount moved, a model now discontinued, any other changed field, a row
only one side has: each is one ``Difference`` with the fields that changed and
both rows, so a front end can show "312.00 GBP → 298.00 GBP" in its own words.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from specassist.domain.catalog import Catalog, Price
from specassist.domain.catalog_keys import KINDS, Entry, Kind, keyed
from specassist.domain.money import Money


class Change(StrEnum):
    PRICE = "price changed"
    DISCONTINUED = "discontinued"
    CHANGED = "changed"
    NEW = "new in catalog"
    NOT_IN_CATALOG = "not in catalog"
    UNAPPROVED = "awaiting approval"
    """Only a team catalog has these: a row published but not approved, so not used."""


ORDER = {change: n for n, change in enumerate(Change)}


@dataclass(frozen=True, slots=True)
class Difference:
    kind: Kind
    key: str
    change: Change
    fields: tuple[str, ...] = ()
    before: Any = None
    """The row on the old side (the project's snapshot, the installed catalog)."""
    after: Any = None
    """The row on the new side (the catalog, the pack)."""
    note: str = ""

    @property
    def ref(self) -> str:
        return f"{self.kind.slug}/{self.key}"


def changed_fields(before: Any, after: Any) -> tuple[str, ...]:
    return tuple(
        f.name
        for f in dataclasses.fields(before)
        if getattr(before, f.name) != getattr(after, f.name)
    )


def _change(fields: tuple[str, ...], after: Any) -> Change:
    if isinstance(after, Price) and "amount" in fields:
        return Change.PRICE
    if "discontinued" in fields and getattr(after, "discontinued", None):
        return Change.DISCONTINUED
    return Change.CHANGED


def compare(
    old: Catalog, new: Catalog, ignore: Callable[[Entry], bool] = lambda _entry: False
) -> list[Difference]:
    """Every row that differs between ``old`` and ``new``; rows ``ignore`` accepts are skipped
    on both sides (a project's own price lists, which no catalog holds)."""
    before = {k: e for k, e in keyed(old).items() if not ignore(e)}
    after = {k: e for k, e in keyed(new).items() if not ignore(e)}
    found: list[Difference] = []
    for pair, entry in after.items():
        was = before.get(pair)
        if was is None:
            found.append(Difference(entry.kind, entry.key, Change.NEW, after=entry.item))
        elif was.item != entry.item:
            fields = changed_fields(was.item, entry.item)
            change = _change(fields, entry.item)
            found.append(Difference(entry.kind, entry.key, change, fields, was.item, entry.item))
    for pair, entry in before.items():
        if pair not in after:
            found.append(Difference(entry.kind, entry.key, Change.NOT_IN_CATALOG,
                                    before=entry.item))  # fmt: skip
    return sort(found)


def sort(differences: list[Difference]) -> list[Difference]:
    """By change (prices first), then kind in catalog order, then key."""
    kind_order = {k.slug: n for n, k in enumerate(KINDS)}
    return sorted(
        differences, key=lambda d: (ORDER[d.change], kind_order[d.kind.slug], d.key.casefold())
    )


def summary(difference: Difference) -> str:
    """What changed, in a few words: "GBP 312.00 → GBP 298.00", "fields: ir_range_m"."""
    before, after = difference.before, difference.after
    if difference.change is Change.PRICE:
        return f"{_price(before)} → {_price(after)}"
    parts = []
    # A model's "discontinued" is the change itself; say only what else moved.
    implied = "discontinued" if difference.change is Change.DISCONTINUED else None
    fields = [f for f in difference.fields if f != implied]
    if difference.change is Change.NEW and isinstance(after, Price):
        parts.append(_price(after))
    elif fields:
        parts.append(("also " if len(fields) < len(difference.fields) else "fields: ")
                     + ", ".join(fields))  # fmt: skip
    if difference.note:
        parts.append(difference.note)
    return "; ".join(parts)


def _price(price: Price) -> str:
    return str(Money(price.amount, price.currency).rounded())


def counts(differences: list[Difference]) -> dict[Change, int]:
    out = dict.fromkeys(Change, 0)
    for difference in differences:
        out[difference.change] += 1
    return {change: n for change, n in out.items() if n}
