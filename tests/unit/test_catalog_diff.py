"""Row-by-row comparison of two catalogs, and the natural keys it rests on."""

from __future__ import annotations

import dataclasses
from datetime import date

from catalog_factory import catalog, model, price

from specassist.domain.catalog_diff import Change, compare, counts, summary
from specassist.domain.catalog_keys import BY_SLUG, duplicates, entries, price_key, split_ref


def test_prices_discontinued_changed_new_and_gone_are_each_one_difference() -> None:
    kept, gone = model("axis", "P1", "dome", 1920, 90), model("axis", "P2", "dome", 1920, 90)
    old = catalog([kept, gone], prices=[price("axis:P1", "312.00")])
    moved = dataclasses.replace(kept, discontinued=True, ir_range_m=30.0)
    new = catalog([moved, model("axis", "P3", "bullet", 2560, 100)],
                  prices=[price("axis:P1", "298.00")])  # fmt: skip
    found = {(d.change, d.ref): d for d in compare(old, new)}
    assert set(found) == {
        (Change.PRICE, "price/axis:P1|list|GBP|2026-01-01"),
        (Change.DISCONTINUED, "model/axis:P1"),
        (Change.NEW, "model/axis:P3"),
        (Change.NOT_IN_CATALOG, "model/axis:P2"),
    }
    assert summary(found[(Change.PRICE, "price/axis:P1|list|GBP|2026-01-01")]) == (
        "GBP 312.00 → GBP 298.00"
    )
    discontinued = found[(Change.DISCONTINUED, "model/axis:P1")]
    assert discontinued.fields == ("ir_range_m", "discontinued")
    assert summary(discontinued) == "also ir_range_m"
    assert compare(old, new)[0].change is Change.PRICE  # prices first
    assert counts(compare(old, new)) == {Change.PRICE: 1, Change.DISCONTINUED: 1,
                                         Change.NEW: 1, Change.NOT_IN_CATALOG: 1}  # fmt: skip
    assert compare(old, old) == []


def test_ignored_rows_are_left_out_on_both_sides() -> None:
    own = price("axis:P1", "100.00")
    old = catalog([model("axis", "P1", "dome", 1920, 90)], prices=[own])
    new = catalog([model("axis", "P1", "dome", 1920, 90)])
    assert [d.change for d in compare(old, new)] == [Change.NOT_IN_CATALOG]
    assert compare(old, new, ignore=lambda e: e.item is own) == []


def test_keys_and_references() -> None:
    dated = dataclasses.replace(price("axis:P1", "1.00"), valid_from=date(2027, 1, 1))
    assert price_key(dated) == "axis:P1|list|GBP|2027-01-01"
    two = catalog([model("axis", "P1", "dome", 1920, 90)] * 2)
    assert duplicates(two) == ["model/axis:P1"]
    assert [e.ref for e in entries(two)] == ["model/axis:P1", "model/axis:P1"]
    assert split_ref("model/axis:P1@3") == (BY_SLUG["model"], "axis:P1", 3)
    assert split_ref("axis:P1") == (None, "axis:P1", None)
    assert split_ref("relation/ezviz>hikvision@2015-01-01") == (
        BY_SLUG["relation"], "ezviz>hikvision@2015-01-01", None,
    )  # fmt: skip
