"""The project's rates and its one price book: which price an item has, in which currency.

Matching ranks "value" offers by price and costing prices the bill of
quantities; both read the same ``PriceBook``, so they can never disagree.
Prices come from dated price lists: the preferred supplier's valid price when
it has one, else the cheapest valid price once converted at the project's
fixed rates. A price in a currency without a rate is left out and its currency
recorded, so the app and the tender can name the rate that is missing.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal

from specassist.domain.catalog import Price
from specassist.domain.money import CurrencyError, ExchangeRates, Money
from specassist.domain.requirements import FormFamily

DEFAULT_INSTALL_HOURS: dict[FormFamily, Decimal] = {
    FormFamily.FIXED_DOME: Decimal("1.5"),
    FormFamily.BULLET: Decimal("1.5"),
    FormFamily.FISHEYE: Decimal("1.5"),
    FormFamily.PTZ: Decimal("3"),
    FormFamily.MULTISENSOR: Decimal("3"),
    FormFamily.OTHER: Decimal("2"),
}
"""Planning defaults for the project to overwrite with its installer's own figures."""


@dataclass(frozen=True)
class CostSettings:
    """The project's rates. Defaults are placeholders the tender prints as assumptions."""

    currency: str = "GBP"
    exchange: ExchangeRates = field(default_factory=lambda: ExchangeRates("GBP"))
    labour_rate: Decimal = Decimal("65.00")
    remove_hours: Decimal = Decimal("0.5")
    configure_hours: Decimal = Decimal("0.5")
    install_hours: dict[FormFamily, Decimal] = field(
        default_factory=lambda: dict(DEFAULT_INSTALL_HOURS)
    )
    make_good_hours: Decimal = Decimal("0.75")
    """Per camera whose new mount does not cover the old fixing: fill and finish the old holes
    or blank the old box. A planning default like the install hours (a wall-bracket camera:
    remove 0.5 h, install 1.5 h, make good 0.75 h) for the installer to overwrite."""
    hours_per_day: Decimal = Decimal("7.5")
    access_day_rate: Decimal = Decimal("180.00")
    disposal_per_camera: Decimal = Decimal("5.00")
    contingency_pct: Decimal = Decimal("10")
    margin_pct: Decimal = Decimal("0")
    tax_pct: Decimal = Decimal("20")
    tax_name: str = "VAT"
    preferred_supplier: str | None = None
    price_date: date | None = None

    def money(self, amount: Decimal) -> Money:
        return Money(amount, self.currency)

    def in_currency(self, currency: str, exchange: ExchangeRates) -> CostSettings:
        """These settings moved to ``currency``: the project's own rates (labour, access,
        disposal) are converted at ``exchange`` and rounded to the minor unit, so a change of
        currency never just relabels £65/h as €65/h. Raises ``CurrencyError`` naming the rate
        that is missing."""
        if currency == self.currency:
            return replace(self, exchange=exchange)

        def convert(amount: Decimal) -> Decimal:
            return exchange.convert(Money(amount, self.currency)).rounded().amount

        return replace(
            self,
            currency=currency,
            exchange=exchange,
            labour_rate=convert(self.labour_rate),
            access_day_rate=convert(self.access_day_rate),
            disposal_per_camera=convert(self.disposal_per_camera),
        )


@dataclass(frozen=True, slots=True)
class PriceNotice:
    """A price left out and why: expired, not yet valid, or in a currency with no rate."""

    item: str
    supplier: str
    reason: str

    def __str__(self) -> str:
        return f"{self.item} ({self.supplier}): {self.reason}"


def _part_key(text: str) -> str:
    return "".join(text.upper().split())


class PriceBook:
    """Finds the price to use for an item, in the project currency.

    A converted price is rounded to the minor unit at once, so a line is always
    exactly its printed rate × quantity (2 × 299.93, never 599.85 from 299.925…).
    """

    def __init__(self, prices: list[Price], settings: CostSettings) -> None:
        self.settings = settings
        self.on = settings.price_date or date.today()
        self._by_item: dict[str, list[Price]] = defaultdict(list)
        self._stale: dict[str, list[Price]] = defaultdict(list)
        for price in prices:
            current = not (price.valid_from is not None and price.valid_from > self.on) and not (
                price.valid_until is not None and price.valid_until < self.on
            )
            into = self._by_item if current else self._stale
            into[_part_key(price.item)].append(price)
            part = price.item.split(":", 1)[-1]
            if part != price.item:
                into[_part_key(part)].append(price)
        self.notices: list[PriceNotice] = []
        self.missing_rates: set[str] = set()

    def find(self, vendor_id: str, part: str) -> tuple[Money, Price] | None:
        found = self._by_item.get(_part_key(f"{vendor_id}:{part}")) or self._by_item.get(
            _part_key(part), []
        )
        if not found:
            self._report_stale(vendor_id, part)
        usable: list[tuple[Money, Price]] = []
        for price in found:
            try:
                converted = self.settings.exchange.convert(
                    Money(price.amount, price.currency)
                ).rounded()
            except CurrencyError as exc:
                self.missing_rates.add(price.currency)
                self._notice(PriceNotice(price.item, price.supplier, str(exc)))
                continue
            usable.append((converted, price))
        if not usable:
            return None
        preferred = [u for u in usable if u[1].supplier == self.settings.preferred_supplier]
        return min(preferred or usable, key=lambda u: (u[0].amount, u[1].supplier))

    def _report_stale(self, vendor_id: str, part: str) -> None:
        """An item with prices, none valid on the price date: say so rather than drop them."""
        stale = self._stale.get(_part_key(f"{vendor_id}:{part}")) or self._stale.get(
            _part_key(part), []
        )
        for price in stale:
            if price.valid_until is not None and price.valid_until < self.on:
                why = f"expired on {price.valid_until.isoformat()}"
            else:
                valid_from = price.valid_from.isoformat() if price.valid_from else "later"
                why = f"valid only from {valid_from}"
            self._notice(PriceNotice(price.item, price.supplier, f"price {why}; not used"))

    def _notice(self, notice: PriceNotice) -> None:
        if notice not in self.notices:
            self.notices.append(notice)
