"""Costing: Decimal money, documented rounding, missing prices listed, currencies converted."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from catalog_factory import accessory, model, price

from specassist.domain.costing import CostItem, LineKind, cost
from specassist.domain.money import CurrencyError, ExchangeRates, Money
from specassist.domain.pricing import CostSettings, PriceBook
from specassist.domain.requirements import FormFamily

DOME = model("acme", "D4", "dome", 2688, 104.0)
BULLET = model("acme", "B4", "bullet", 2688, 95.0)
WALL = accessory("acme", "WM-1", "wall", "mount:acme-m")


def items() -> list[CostItem]:
    return [
        CostItem("North", "C1", DOME, (), FormFamily.FIXED_DOME),
        CostItem("North", "C2", DOME, (), FormFamily.FIXED_DOME, needs_access=True),
        CostItem("South", "C3", BULLET, (WALL,), FormFamily.BULLET),
    ]


def test_money_refuses_floats_and_mixed_currencies() -> None:
    with pytest.raises(TypeError):
        Money(1.1, "GBP")  # type: ignore[arg-type]
    with pytest.raises(CurrencyError):
        Money(Decimal(1), "GBP") + Money(Decimal(1), "USD")
    assert Money(Decimal("2.675"), "GBP").rounded().amount == Decimal("2.68")  # half up
    assert Money(Decimal("1234.5"), "JPY").rounded().amount == Decimal("1235")


def test_lines_add_up_to_the_totals_and_tax_is_on_the_subtotal() -> None:
    prices = [price("acme:D4", "333.333"), price("acme:B4", "250.00"), price("acme:WM-1", "19.99")]
    result = cost(items(), PriceBook(prices, CostSettings(price_date=date(2026, 11, 27))))
    assert not result.missing
    for site in result.sites:
        assert site.subtotal.amount == sum(line.total.amount for line in site.lines if line.total)
    assert result.subtotal.amount == sum(s.subtotal.amount for s in result.sites)
    dome_line = next(line for line in result.lines if line.item == "acme:D4")
    # the rate is rounded to the minor unit first (333.33), so the line is the printed rate × 2
    assert dome_line.unit_price == Money(Decimal("333.33"), "GBP")
    assert dome_line.quantity == 2 and dome_line.total == Money(Decimal("666.66"), "GBP")
    assert result.contingency.amount == (result.subtotal.amount / 10).quantize(Decimal("0.01"))
    assert result.tax.amount == (result.net.amount * Decimal("0.2")).quantize(Decimal("0.01"))
    assert result.total == result.net + result.tax
    kinds = {line.kind for line in result.lines}
    assert kinds == {LineKind.EQUIPMENT, LineKind.MOUNT, LineKind.LABOUR, LineKind.ACCESS,
                     LineKind.DISPOSAL}  # fmt: skip
    access = next(line for line in result.lines if line.kind is LineKind.ACCESS)
    assert access.site == "North" and access.quantity == 1


def test_missing_prices_are_listed_never_zero() -> None:
    result = cost(items(), PriceBook([price("acme:D4", "300.00")], CostSettings()))
    missing = {line.item for line in result.missing}
    assert missing == {"acme:B4", "acme:WM-1"}
    assert all(line.total is None and line.unit_price is None for line in result.missing)


def test_exchange_rates_and_preferred_supplier() -> None:
    prices = [price("acme:D4", "400.00", "USD"), price("acme:D4", "350.00", "EUR")]
    settings = CostSettings(
        exchange=ExchangeRates("GBP", {"USD": Decimal("0.80"), "EUR": Decimal("0.85")})
    )
    result = cost(items()[:1], PriceBook(prices, settings))
    line = next(line for line in result.lines if line.item == "acme:D4")
    assert line.unit_price == Money(Decimal("297.5000"), "GBP")  # EUR is cheaper once converted
    no_rate = cost(items()[:1], PriceBook([price("acme:D4", "400.00", "USD")], CostSettings()))
    assert no_rate.missing and "USD" in no_rate.warnings[0]


def test_expired_prices_are_not_used() -> None:
    from dataclasses import replace

    old = replace(price("acme:D4", "100.00"), valid_until=date(2025, 12, 31))
    result = cost(items()[:1], PriceBook([old], CostSettings(price_date=date(2026, 11, 27))))
    assert [line.item for line in result.missing] == ["acme:D4"]


def test_make_good_is_a_priced_labour_line_and_a_split_scene_counts_every_camera() -> None:
    lamp = accessory("acme", "IR-60", "ir_illuminator", "")
    split = CostItem("East", "C4", DOME, (lamp,), FormFamily.FIXED_DOME, count=2, make_good=True)
    settings = CostSettings(price_date=date(2026, 11, 27))
    result = cost([split], PriceBook([price("acme:D4", "300.00"), price("acme:IR-60", "90")],
                                     settings))  # fmt: skip
    equipment = {line.item: line for line in result.lines if line.kind is LineKind.EQUIPMENT}
    assert equipment["acme:D4"].quantity == 2 and equipment["acme:IR-60"].quantity == 2
    make_good = next(line for line in result.lines if line.kind is LineKind.MAKE_GOOD)
    assert make_good.quantity == settings.make_good_hours
    assert make_good.total == Money(settings.labour_rate * settings.make_good_hours, "GBP")
    install = next(line for line in result.lines if line.description.startswith("Install"))
    assert install.quantity == 2 * settings.install_hours[FormFamily.FIXED_DOME]


def test_excluded_cameras_without_a_replacement_stay_in_the_estimate_unpriced() -> None:
    from specassist.domain.costing import cost_outcomes
    from specassist.domain.outcome import Status
    from specassist.domain.pipeline import Setup, analyse_cameras
    from specassist.domain.survey import SurveyCamera
    from specassist.services.catalog_service import check_catalog

    cameras = [
        SurveyCamera(2, tag="V1", site="Yard", make="Hikvision", focal_min_mm=2.8,
                     focal_max_mm=2.8, target_distance_m=6),
        SurveyCamera(3, tag="V2", site="Yard", make="Dahua"),
        SurveyCamera(4, tag="M1", site="Yard", make="Hikvision", model="DS-2CD2143G2-I",
                     target_distance_m=6),
    ]  # fmt: skip
    day = date(2026, 11, 27)
    analysis = analyse_cameras(Setup(check_catalog().catalog, None, day), cameras)
    unsized = [o.camera.tag for o in analysis.outcomes if o.offer is None]
    assert unsized == ["V1", "V2"]
    assert all(o.status in (Status.SITE_CHECK, Status.NO_REPLACEMENT)
               for o in analysis.outcomes if o.offer is None)  # fmt: skip
    costing = cost_outcomes(analysis.outcomes, analysis.engines.prices)
    (line,) = [ln for ln in costing.lines if ln.kind is LineKind.PROVISIONAL]
    assert line.quantity == 2 and "V1, V2" in line.description and line.site == "Yard"
    assert line in costing.missing and line.total is None
