"""Every kind of catalog row with its natural key: the one place that says what "the same row" is.

A shared catalog is updated row by row, a project's snapshot is compared with
a catalog row by row, and a signed pack says which rows it adds, changes and
removes; all of them need to know that two rows are the same row when their
keys match, even though their figures differ. A key is the identifier people
already use (``axis:M3086-V`` for a camera model, ``us-ndaa-889`` for a rule
pack); a reference ``model/axis:M3086-V`` adds the kind, because a camera, an
accessory and a recorder can share a part number.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from specassist.domain.catalog import (
    Accessory,
    CameraModel,
    Catalog,
    CatalogInfo,
    LookalikeModel,
    ModelPattern,
    OemRelation,
    OuiPrefix,
    Price,
    RuleSet,
    Vendor,
)
from specassist.domain.system import ModelConstant, RecorderModel, SwitchModel, VmsPlatform


@dataclass(frozen=True, slots=True)
class Kind:
    slug: str
    """The short name used in references and in the team database (``model``)."""
    noun: str
    """What a person calls one row (``camera model``)."""
    attribute: str
    """The list on ``Catalog`` that holds this kind."""
    cls: type[Any]
    key: Callable[[Any], str]

    def items(self, catalog: Catalog) -> list[Any]:
        items: list[Any] = getattr(catalog, self.attribute)
        return items


def price_key(price: Price) -> str:
    """One supplier's price for one item in one currency from one date: a list may hold several."""
    since = price.valid_from.isoformat() if price.valid_from else ""
    return f"{price.item}|{price.supplier}|{price.currency}|{since}"


def _relation_key(relation: Any) -> str:
    since = f"@{relation.valid_from.isoformat()}" if relation.valid_from else ""
    return f"{relation.brand_id}>{relation.maker_id}{since}"


KINDS: tuple[Kind, ...] = (
    Kind("vendor", "vendor", "vendors", Vendor, lambda v: v.vendor_id),
    Kind("relation", "OEM relation", "oem_relations", OemRelation, _relation_key),
    Kind("model", "camera model", "models", CameraModel, lambda m: m.key),
    Kind("pattern", "model pattern", "model_patterns", ModelPattern,
         lambda p: f"{p.maker_id}:{p.pattern}"),
    Kind("lookalike", "look-alike model", "lookalikes", LookalikeModel,
         lambda x: f"{x.vendor_id}:{x.model}"),
    Kind("oui", "MAC prefix", "oui_prefixes", OuiPrefix, lambda o: o.prefix),
    Kind("accessory", "accessory", "accessories", Accessory, lambda a: a.key),
    Kind("price", "price", "prices", Price, price_key),
    Kind("rules", "rule pack", "rule_sets", RuleSet, lambda r: r.rule_set_id),
    Kind("recorder", "recorder", "recorders", RecorderModel, lambda r: r.key),
    Kind("vms", "VMS platform", "vms_platforms", VmsPlatform, lambda p: p.vms_id),
    Kind("switch", "PoE switch", "switches", SwitchModel, lambda s: s.key),
    Kind("constant", "sizing constant", "sizing_constants", ModelConstant, lambda c: c.key),
)  # fmt: skip
BY_SLUG: dict[str, Kind] = {k.slug: k for k in KINDS}


@dataclass(frozen=True, slots=True)
class Entry:
    """One catalog row with its kind and key."""

    kind: Kind
    key: str
    item: Any

    @property
    def ref(self) -> str:
        return f"{self.kind.slug}/{self.key}"


def entries(catalog: Catalog) -> Iterator[Entry]:
    """Every row of the catalog, kind by kind, in the catalog's order."""
    for kind in KINDS:
        for item in kind.items(catalog):
            yield Entry(kind, kind.key(item), item)


def keyed(catalog: Catalog) -> dict[tuple[str, str], Entry]:
    """Rows by (kind slug, key); a later duplicate replaces an earlier one (see ``duplicates``)."""
    return {(e.kind.slug, e.key): e for e in entries(catalog)}


def duplicates(catalog: Catalog) -> list[str]:
    """References that occur more than once: such a catalog cannot be shared row by row."""
    seen: set[tuple[str, str]] = set()
    repeated: list[str] = []
    for entry in entries(catalog):
        pair = (entry.kind.slug, entry.key)
        if pair in seen:
            repeated.append(entry.ref)
        seen.add(pair)
    return repeated


def catalog_of(info: CatalogInfo, rows: Iterable[Entry]) -> Catalog:
    """A catalog holding ``rows`` (in the order given) under ``info``."""
    catalog = Catalog(info)
    for entry in rows:
        entry.kind.items(catalog).append(entry.item)
    return catalog


def split_ref(text: str) -> tuple[Kind | None, str, int | None]:
    """``model/axis:M3086-V@4`` → (camera model kind, ``axis:M3086-V``, 4).

    The kind may be left out (any kind with that key); ``@N`` pins the row's
    version, so approving refuses a row that changed after it was reviewed.
    """
    kind: Kind | None = None
    slug, sep, rest = text.partition("/")
    if sep and slug in BY_SLUG:
        kind, text = BY_SLUG[slug], rest
    version: int | None = None
    head, at, tail = text.rpartition("@")
    if at and tail.isdigit():
        text, version = head, int(tail)
    return kind, text, version
