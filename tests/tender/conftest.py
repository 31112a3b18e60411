"""Tender packages built once per jurisdiction from the demo survey, and a formula evaluator."""

from __future__ import annotations

import re
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

import pytest

from specassist.domain.pipeline import Setup
from specassist.domain.pricing import CostSettings
from specassist.domain.project_settings import TenderSettings
from specassist.resources import demo_survey
from specassist.services import tender_service
from specassist.services.catalog_service import check_catalog
from specassist.survey.importer import import_survey
from specassist.tender.clauses import load

DAY = date(2026, 11, 27)


def package(
    jurisdiction: str, survey: Path | None = None, **settings: Any
) -> tender_service.Tender:
    """The whole tender package for ``jurisdiction`` from the demo survey (or ``survey``)."""
    profile = load(jurisdiction).profile
    catalog = check_catalog().catalog
    cameras = import_survey(survey or demo_survey()).cameras
    costs = CostSettings(currency=profile.currency, tax_pct=profile.tax_pct,
                         tax_name=profile.tax_name, price_date=DAY)  # fmt: skip
    options: dict[str, Any] = {"client": "Riverside Council", "issue_date": DAY,
                               "layout": profile.layout, "jurisdiction": jurisdiction,
                               "package": True}  # fmt: skip
    options.update(settings)
    return tender_service.prepare(Setup(catalog, None, DAY, costs=costs), cameras,
                                  TenderSettings(**options))  # fmt: skip


@pytest.fixture(scope="module")
def uk() -> tender_service.Tender:
    return package("uk-public")


@pytest.fixture(scope="module")
def us() -> tender_service.Tender:
    return package("us-federal")


_REF = re.compile(r"^([A-Z]+)(\d+)$")


def evaluate(sheet: Any, reference: str) -> Decimal:
    """The value of a cell, computing the formulas the pricing schedule writes:
    ``=ROUND(D7*F7,2)``, ``=SUM(G7:G12)``, ``=G14``. Anything else fails the test."""
    value = sheet[reference].value
    if value is None or value == "":
        return Decimal(0)
    if not isinstance(value, str):
        return Decimal(str(value))
    if match := re.fullmatch(r"=ROUND\(([A-Z]+\d+)\*([A-Z]+\d+),(\d+)\)", value):
        product = evaluate(sheet, match[1]) * evaluate(sheet, match[2])
        return product.quantize(Decimal(1).scaleb(-int(match[3])), rounding=ROUND_HALF_UP)
    if match := re.fullmatch(r"=SUM\(([A-Z]+)(\d+):\1(\d+)\)", value):
        return sum(
            (
                evaluate(sheet, f"{match[1]}{row}")
                for row in range(int(match[2]), int(match[3]) + 1)
            ),
            Decimal(0),
        )
    if match := re.fullmatch(r"=([A-Z]+\d+)", value):
        return evaluate(sheet, match[1])
    raise AssertionError(f"{reference}: unexpected formula {value!r}")
