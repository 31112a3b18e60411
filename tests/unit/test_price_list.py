"""Price-list import: any column order, symbols and decimal commas, errors by row and column."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import Workbook

from specassist.domain.values import ValueParseError
from specassist.survey.price_list import import_price_list, parse_amount


@pytest.mark.parametrize(
    ("text", "amount", "currency"),
    [("459.00", "459.00", None), ("£1,234.50", "1234.50", "GBP"),
     ("1.234,50 EUR", "1234.50", "EUR"), ("$99", "99", "USD"), ("12,5", "12.5", None),
     ("1,250", "1250", None)],
)  # fmt: skip
def test_amounts(text: str, amount: str, currency: str | None) -> None:
    assert parse_amount(text) == (Decimal(amount), currency)


def test_bad_amounts() -> None:
    for text in ("", "call us", "-5"):
        with pytest.raises(ValueParseError):
            parse_amount(text)


def test_csv_with_bad_rows_keeps_the_good_ones(tmp_path: Path) -> None:
    path = tmp_path / "acme-prices.csv"
    path.write_text(
        "Unit Price,Part No.,Description,Currency,Valid From,Manufacturer\n"
        "459.00,P3265-LVE,Dome,GBP,2026-01-01,Axis\n"
        "tbc,Q1805-LE,Bullet,GBP,2026-01-01,Axis\n"
        "£120.00,T91B61,Wall mount,,2026-01-01,Axis\n"
        "99.00,XNV-8080R,Dome,pounds,2026-01-01,Hanwha\n"
        "99.00,,Dome,GBP,2026-01-01,Hanwha\n"
        "310.00,PNM-9000VQ,Multi,EUR,01/02/2026,Hanwha\n",
        encoding="utf-8",
    )
    result = import_price_list(path, supplier="Acme Distribution")
    assert [p.item for p in result.prices] == ["axis:P3265-LVE", "axis:T91B61"]
    first = result.prices[0]
    assert first.amount == Decimal("459.00") and first.currency == "GBP"
    assert first.valid_from == date(2026, 1, 1) and first.supplier == "Acme Distribution"
    where = {(i.row, i.column) for i in result.issues}
    assert where == {(3, "Unit Price"), (5, "Currency"), (6, "Part No."), (7, "Valid From")}
    assert all(i.file == "acme-prices.csv" for i in result.issues)


def test_xlsx_price_list(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    sheet.append(["SKU", "Price", "Currency", "Supplier"])
    sheet.append(["WV-S2536LNA", 512.4, "EUR", "Dist A"])
    path = tmp_path / "prices.xlsx"
    book.save(path)
    result = import_price_list(path)
    assert not result.issues
    (only,) = result.prices
    assert only.item == "WV-S2536LNA" and only.amount == Decimal("512.4")
    assert only.supplier == "Dist A"


def test_missing_columns_are_named(tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_text("Thing,Other\na,b\n", encoding="utf-8")
    result = import_price_list(path)
    assert not result.prices
    assert any("no part column" in i.message for i in result.issues)
    assert any("no price column" in i.message for i in result.issues)


def test_day_first_dates_and_other_currencies(tmp_path: Path) -> None:
    path = tmp_path / "uk.csv"
    path.write_text(
        "Part No.,Price,Currency,Valid From,Valid Until\n"
        "P3265-LVE,459.00,GBP,01/09/2025,31/08/2026\n"
        "Q1805-LE,899.00,USD,01/09/2025,\n"
        "M1065-L,199.00,USD,02/09/2025,\n",
        encoding="utf-8",
    )
    result = import_price_list(path, project_currency="gbp")
    assert [p.valid_from for p in result.prices] == [
        date(2025, 9, 1), date(2025, 9, 1), date(2025, 9, 2)
    ]  # fmt: skip
    assert result.prices[0].valid_until == date(2026, 8, 31)
    (currency,) = result.issues
    assert currency.severity.value == "warning" and currency.row == 3
    assert "2 price(s) are in USD, but the project is costed in GBP" in currency.message


def test_ambiguous_price_dates_are_reported_not_guessed(tmp_path: Path) -> None:
    path = tmp_path / "amb.csv"
    path.write_text("Part No.,Price,Currency,Valid From\nP1,1.00,GBP,01/09/2025\n", "utf-8")
    result = import_price_list(path)
    assert not result.prices
    (issue,) = result.issues
    assert issue.row == 2 and issue.column == "Valid From" and "ambiguous" in issue.message
