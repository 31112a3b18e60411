"""Import a supplier's price list (CSV or XLSX) with the same error reporting as surveys.

Columns are recognised by name in any order: part number, description, price,
currency, valid from, and optionally valid until, supplier and manufacturer.
A row with a bad cell is reported with its file, row and column and skipped;
every other row still loads. Currency symbols in the price cell ("£1,234.50")
give the currency when there is no currency column. Dates may be ISO or
day-first (01/09/2025) as UK suppliers write them; the column's other dates
decide whether 01/09 is September or January, and a column that never says is
reported rather than guessed. A price in a currency other than the project's
is kept and reported by currency, since it needs an exchange rate to be used.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path

from specassist.domain.catalog import PRICE_LIST_SOURCE, Price, PriceType, Provenance
from specassist.domain.issues import InputIssue, Severity
from specassist.domain.values import (
    DateOrder,
    ValueParseError,
    infer_date_order,
    parse_sheet_date,
)
from specassist.survey.headers import normalise_header
from specassist.survey.readers import read_table

COLUMNS: dict[str, tuple[str, ...]] = {
    "part": ("part number", "part no", "part", "sku", "order code", "ordering code",
             "product code", "item code", "model", "model number", "article", "item"),
    "description": ("description", "product", "product description", "name"),
    "price": ("price", "unit price", "list price", "net price", "cost", "unit cost", "amount",
              "rrp", "msrp"),
    "currency": ("currency", "cur", "ccy", "currency code"),
    "valid_from": ("valid from", "effective", "effective date", "from", "date", "price date"),
    "valid_until": ("valid until", "valid to", "expires", "expiry", "until", "to"),
    "supplier": ("supplier", "vendor", "distributor", "reseller"),
    "maker": ("manufacturer", "brand", "make", "vendor id"),
}  # fmt: skip
_SYMBOLS = {"£": "GBP", "$": "USD", "€": "EUR", "¥": "JPY"}
_CURRENCY = re.compile(r"^[A-Z]{3}$")


@dataclass(slots=True)
class PriceListImport:
    file: str
    supplier: str
    prices: list[Price] = field(default_factory=list)
    issues: list[InputIssue] = field(default_factory=list)
    source_rows: list[int] = field(default_factory=list, repr=False)
    """The file row of each price, in the same order as ``prices``."""


def _column_map(headers: list[str]) -> dict[str, int]:
    found: dict[str, int] = {}
    for index, header in enumerate(headers):
        key = normalise_header(header)
        for name, aliases in COLUMNS.items():
            if name not in found and key in aliases:
                found[name] = index
                break
    return found


def parse_amount(text: str) -> tuple[Decimal, str | None]:
    """'£1,234.50' → (1234.50, 'GBP'); '1.234,50 EUR' → (1234.50, 'EUR'); floats never."""
    text = text.strip()
    currency = next((code for symbol, code in _SYMBOLS.items() if symbol in text), None)
    code = re.search(r"\b([A-Z]{3})\b", text.upper())
    if code and _CURRENCY.match(code.group(1)):
        currency = code.group(1)
    digits = re.sub(r"[^0-9.,\-]", "", text)
    if "," in digits and "." in digits:
        decimal_mark = "," if digits.rfind(",") > digits.rfind(".") else "."
        thousands = "." if decimal_mark == "," else ","
        digits = digits.replace(thousands, "").replace(decimal_mark, ".")
    elif "," in digits:
        head, _, tail = digits.rpartition(",")
        digits = digits.replace(",", "") if len(tail) == 3 and head else head + "." + tail
    try:
        amount = Decimal(digits)
    except InvalidOperation as exc:
        raise ValueParseError("expected a price such as '459.00' or '£459.00'") from exc
    if amount < 0:
        raise ValueParseError("a price cannot be negative")
    return amount, currency


def import_price_list(
    path: Path,
    supplier: str | None = None,
    default_currency: str | None = None,
    sheet: str | None = None,
    project_currency: str | None = None,
    rates_for: Collection[str] = (),
) -> PriceListImport:
    """Read every priced row; raises ``SurveyReadError`` only if the file itself is unreadable.

    ``project_currency`` (the project's ISO code) turns prices in any other
    currency into one warning per currency, naming both, unless the project
    already has a rate for it (``rates_for``).
    """
    table = read_table(path, sheet)
    rows = [(n, [c.strip() for c in cells]) for n, cells in table.rows]
    result = PriceListImport(table.file, supplier or path.stem)
    header_at = next((i for i, (_, cells) in enumerate(rows) if any(cells)), None)
    if header_at is None:
        result.issues.append(InputIssue(Severity.ERROR, "the file is empty", table.file))
        return result
    header_row, headers = rows[header_at]
    columns = _column_map(headers)
    for needed in ("part", "price"):
        if needed not in columns:
            result.issues.append(
                InputIssue(Severity.ERROR, f"no {needed} column (expected one of: "
                           f"{', '.join(COLUMNS[needed][:4])})", table.file, header_row)
            )  # fmt: skip
    if result.issues:
        return result
    body = rows[header_at + 1 :]
    orders = _date_orders(result, columns, headers, header_row, body)
    for row_number, cells in body:
        price = _row(result, columns, headers, row_number, cells, default_currency, orders)
        if price is not None:
            result.prices.append(price)
            result.source_rows.append(row_number)
    if project_currency:
        _other_currencies(result, project_currency.upper(), {c.upper() for c in rates_for})
    return result


def _date_orders(
    result: PriceListImport,
    columns: dict[str, int],
    headers: list[str],
    header_row: int,
    body: list[tuple[int, list[str]]],
) -> dict[str, DateOrder | None]:
    orders: dict[str, DateOrder | None] = {}
    every: list[str] = []
    for name in ("valid_from", "valid_until"):
        index = columns.get(name)
        if index is None:
            continue
        values = [cells[index] for _, cells in body if index < len(cells) and cells[index]]
        every += values
        orders[name], conflict = infer_date_order(values)
        if conflict:
            result.issues.append(
                InputIssue(Severity.WARNING, "dates in this column are written both day-first "
                           "and month-first; ambiguous ones are not read", result.file,
                           header_row, headers[index])
            )  # fmt: skip
    # One author writes every date of a file the same way: 31/08 in one column settles 01/09
    # in the other.
    whole_file, conflict = infer_date_order(every)
    return {name: order or (None if conflict else whole_file) for name, order in orders.items()}


def _other_currencies(
    result: PriceListImport, project_currency: str, convertible: set[str]
) -> None:
    """One warning per foreign currency without a rate, at its first price, naming both."""
    first: dict[str, int | None] = {}
    counts: dict[str, int] = {}
    for price, row in zip(result.prices, result.source_rows, strict=True):
        if price.currency != project_currency and price.currency not in convertible:
            counts[price.currency] = counts.get(price.currency, 0) + 1
            first.setdefault(price.currency, row)
    for currency, count in counts.items():
        result.issues.append(
            InputIssue(
                Severity.WARNING,
                f"{count} price(s) are in {currency}, but the project is costed in "
                f"{project_currency}; they need a {currency}→{project_currency} exchange rate "
                "before they can be used",
                result.file,
                first[currency],
                "currency",
                currency,
            )
        )


def _row(
    result: PriceListImport,
    columns: dict[str, int],
    headers: list[str],
    row: int,
    cells: list[str],
    default_currency: str | None,
    orders: dict[str, DateOrder | None],
) -> Price | None:
    def cell(name: str) -> str:
        index = columns.get(name)
        return cells[index].strip() if index is not None and index < len(cells) else ""

    def error(name: str, message: str) -> None:
        header = headers[columns[name]] if name in columns else name
        result.issues.append(
            InputIssue(Severity.ERROR, message, result.file, row, header, cell(name) or None)
        )

    if not any(c.strip() for c in cells):
        return None
    part = cell("part")
    if not part:
        error("part", "a part number is required")
        return None
    try:
        amount, symbol_currency = parse_amount(cell("price"))
    except ValueParseError as exc:
        error("price", str(exc))
        return None
    currency = (cell("currency").upper() or symbol_currency or default_currency or "").strip()
    if not _CURRENCY.match(currency):
        error("currency", "expected an ISO 4217 currency code such as GBP, EUR or USD")
        return None
    dates: dict[str, date | None] = {}
    for name in ("valid_from", "valid_until"):
        text = cell(name)
        try:
            dates[name] = parse_sheet_date(text, orders.get(name)) if text else None
        except ValueParseError as exc:
            error(name, str(exc))
            return None
    maker = cell("maker").lower().replace(" ", "")
    item = f"{maker}:{part}" if maker else part
    source = f"{PRICE_LIST_SOURCE} {result.file} ({cell('supplier') or result.supplier})"
    when = dates["valid_from"].isoformat() if dates["valid_from"] else None
    return Price(
        item,
        cell("supplier") or result.supplier,
        currency,
        amount,
        PriceType.LIST,
        Provenance(source, when, True, cell("description") or None),
        dates["valid_from"],
        dates["valid_until"],
    )
