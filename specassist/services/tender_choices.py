"""What a tender export may be asked for: the jurisdictions' clause sets, titled as they title
themselves, with the evaluation criteria each weights, and the check weights must pass.

Front ends offer these instead of spelling jurisdictions or criteria of their
own, so a clause set that gains a criterion shows up in the app by itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from functools import cache

from specassist.tender import clauses


@dataclass(frozen=True)
class Criterion:
    key: str
    """As the clause set and the stored weights name it: ``social_value``."""
    name: str
    """As the tender prints it: "Social value"."""
    weight: int
    """The clause set's own weight, in %."""


@dataclass(frozen=True)
class Jurisdiction:
    key: str
    """The clause set's id (``TenderSettings.jurisdiction``): ``uk-public``."""
    title: str
    """The clause set's own title: "UK public body (Procurement Act 2023)"."""
    criteria: tuple[Criterion, ...]
    currency: str = "GBP"
    """The currency the clause set's packages are priced in: "USD"."""
    tax_pct: Decimal = Decimal(0)
    tax_name: str = ""

    def default_weights(self) -> dict[str, int]:
        return {c.key: c.weight for c in self.criteria}


@cache
def jurisdictions() -> tuple[Jurisdiction, ...]:
    """The shipped clause sets, in the order the command line lists them (read once)."""
    out = []
    for key in clauses.JURISDICTIONS:
        loaded = clauses.load(key)
        criteria = tuple(
            Criterion(name, clauses.criterion_name(name), weight)
            for name, weight in loaded.criteria()
        )
        profile = loaded.profile
        out.append(Jurisdiction(key, loaded.title, criteria, profile.currency, profile.tax_pct,
                                profile.tax_name))  # fmt: skip
    return tuple(out)


def jurisdiction(key: str) -> Jurisdiction:
    """One shipped clause set by id; ``ValueError`` names the ones there are."""
    for found in jurisdictions():
        if found.key == key:
            return found
    known = ", ".join(clauses.JURISDICTIONS)
    raise ValueError(f"'{key}' is not a jurisdiction SpecAssist knows; use one of {known}")


def check_weights(weights: dict[str, int]) -> None:
    """Raise ``ValueError`` in the tender's words unless the weights add up to 100 over
    criteria a clause set knows."""
    clauses.checked_weights(weights)
