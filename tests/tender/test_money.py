"""Money as printed: converted rates rounded first, stale prices reported, fingerprint coverage."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from specassist.domain.catalog import Price, PriceType, Provenance
from specassist.domain.money import ExchangeRates
from specassist.domain.pricing import CostSettings, PriceBook
from specassist.services.catalog_service import check_catalog
from specassist.tender.content import fingerprint
from tests.tender.conftest import DAY, package


def _price(amount: str, currency: str = "EUR", until: date | None = None) -> Price:
    return Price("acme:CAM-1", "Supplier", currency, Decimal(amount), PriceType.LIST,
                 Provenance("test price list"), None, until)  # fmt: skip


def test_a_converted_rate_is_rounded_before_it_is_multiplied() -> None:
    settings = CostSettings(exchange=ExchangeRates("GBP", {"EUR": Decimal("1.25")}),
                            price_date=DAY)  # fmt: skip
    found = PriceBook([_price("239.94")], settings).find("acme", "CAM-1")
    assert found is not None
    rate = found[0]
    assert rate.amount == Decimal("299.93")  # 239.94 × 1.25 = 299.925, rounded half-up
    assert rate.times(2).rounded().amount == Decimal("599.86")  # not 599.85


def test_an_expired_price_is_reported_not_dropped_in_silence() -> None:
    book = PriceBook([_price("100", "GBP", until=date(2026, 1, 31))], CostSettings(price_date=DAY))
    assert book.find("acme", "CAM-1") is None
    assert [str(n) for n in book.notices] == [
        "acme:CAM-1 (Supplier): price expired on 2026-01-31; not used"
    ]


def test_fingerprint_changes_with_a_price_the_rates_and_the_issue_date() -> None:
    tender = package("uk-public")
    catalog = check_catalog().catalog
    cameras = [e.camera for e in tender.analysis.outcomes]
    rules = [r for r in catalog.rule_sets if not r.template]
    costing = tender.costing
    base = fingerprint(cameras, catalog.info, rules, costing, DAY, "uk-public")
    assert base == fingerprint(cameras, catalog.info, rules, costing, DAY, "uk-public")
    line = next(ln for ln in costing.lines if ln.unit_price is not None)
    changed_line = type(line)(line.site, line.kind, line.item, line.description, line.quantity,
                              line.unit, line.unit_price.times(2) if line.unit_price else None,
                              line.total, line.source)  # fmt: skip
    site = costing.sites[0]
    sites = (type(site)(site.site, tuple(changed_line if ln is line else ln for ln in site.lines),
                        site.subtotal), *costing.sites[1:])  # fmt: skip
    repriced = type(costing)(costing.settings, sites, costing.subtotal, costing.contingency,
                             costing.margin, costing.net, costing.tax, costing.total,
                             costing.missing)  # fmt: skip
    assert fingerprint(cameras, catalog.info, rules, repriced, DAY, "uk-public") != base
    assert (
        fingerprint(cameras, catalog.info, rules, costing, date(2026, 12, 1), "uk-public") != base
    )
    euro = type(costing)(CostSettings(exchange=ExchangeRates("GBP", {"EUR": Decimal("1.2")})),
                         *(getattr(costing, f) for f in ("sites", "subtotal", "contingency",
                                                         "margin", "net", "tax", "total",
                                                         "missing")))  # fmt: skip
    assert fingerprint(cameras, catalog.info, rules, euro, DAY, "uk-public") != base
