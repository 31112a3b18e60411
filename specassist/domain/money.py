"""Money as ``Decimal`` with a currency, rounded only where the costing says so.

Binary floats cannot hold 0.10 exactly, and a tender whose lines do not add up
to its total is returned by procurement. Amounts here are ``Decimal`` from the
price list to the PDF; rounding to the currency's minor unit happens at the
documented points in ``costing`` and nowhere else.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

MINOR_UNITS: dict[str, int] = {
    "GBP": 2, "EUR": 2, "USD": 2, "AUD": 2, "CAD": 2, "NZD": 2, "CHF": 2, "SEK": 2,
    "NOK": 2, "DKK": 2, "PLN": 2, "CZK": 2, "HUF": 2, "SGD": 2, "HKD": 2, "ZAR": 2,
    "AED": 2, "SAR": 2, "INR": 2, "CNY": 2, "JPY": 0, "KRW": 0, "ISK": 0, "KWD": 3,
    "BHD": 3, "OMR": 3,
}  # fmt: skip
"""ISO 4217 minor units; a currency not listed is taken to have 2."""


class CurrencyError(ValueError):
    """Amounts in different currencies were combined without an exchange rate."""


def minor_unit(currency: str) -> Decimal:
    return Decimal(1).scaleb(-MINOR_UNITS.get(currency, 2))


@dataclass(frozen=True, slots=True)
class Money:
    amount: Decimal
    currency: str

    def __post_init__(self) -> None:
        if not isinstance(self.amount, Decimal):
            raise TypeError(f"money must be Decimal, not {type(self.amount).__name__}")

    @classmethod
    def zero(cls, currency: str) -> Money:
        return cls(Decimal(0), currency)

    def __add__(self, other: Money) -> Money:
        self._same(other)
        return Money(self.amount + other.amount, self.currency)

    def __sub__(self, other: Money) -> Money:
        self._same(other)
        return Money(self.amount - other.amount, self.currency)

    def times(self, factor: Decimal | int) -> Money:
        return Money(self.amount * Decimal(factor), self.currency)

    def rounded(self) -> Money:
        """Half-up to the minor unit, the way invoices and tenders are rounded."""
        return Money(
            self.amount.quantize(minor_unit(self.currency), rounding=ROUND_HALF_UP), self.currency
        )

    def _same(self, other: Money) -> None:
        if other.currency != self.currency:
            raise CurrencyError(f"cannot combine {self.currency} and {other.currency}")

    def __str__(self) -> str:
        places = MINOR_UNITS.get(self.currency, 2)
        return f"{self.currency} {self.amount:,.{places}f}"


@dataclass(frozen=True, slots=True)
class ExchangeRates:
    """Fixed rates entered for a project: one unit of ``currency`` = ``rate`` units of ``base``.

    Tenders state the rates they used, so they are part of the project, not
    fetched: the same project gives the same totals next month.
    """

    base: str
    rates: dict[str, Decimal] = field(default_factory=dict)

    def convert(self, money: Money) -> Money:
        if money.currency == self.base:
            return money
        rate = self.rates.get(money.currency)
        if rate is None:
            raise CurrencyError(
                f"no exchange rate from {money.currency} to {self.base}: enter one in the project"
            )
        return Money(money.amount * rate, self.base)
