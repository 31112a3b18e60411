"""Typed reading of one catalog CSV row, collecting file:line:column issues as it goes.

Each accessor returns None (or a default) when a cell is bad, after recording
an error that says what was expected, so one bad cell never hides the rest.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from typing import TypeVar

from specassist.domain.issues import InputIssue, Severity
from specassist.domain.units import Kind, QuantityParseError, parse_quantity
from specassist.domain.values import ValueParseError, parse_bool, parse_date, split_list

E = TypeVar("E", bound=StrEnum)


class RowCells:
    """One CSV row: ``line`` is the line number in the file (the header is line 1)."""

    def __init__(self, file: str, line: int, cells: dict[str, str], issues: list[InputIssue]):
        self.file = file
        self.line = line
        self.cells = cells
        self.issues = issues

    def error(self, column: str | None, message: str, value: str | None = None) -> None:
        self.issues.append(InputIssue(Severity.ERROR, message, self.file, self.line, column, value))

    def warning(self, column: str | None, message: str, value: str | None = None) -> None:
        self.issues.append(
            InputIssue(Severity.WARNING, message, self.file, self.line, column, value)
        )

    def text(self, column: str) -> str | None:
        value = self.cells.get(column, "").strip()
        return value or None

    def required(self, column: str) -> str:
        value = self.text(column)
        if value is None:
            self.error(column, "a value is required")
            return ""
        return value

    def quantity(self, column: str, kind: Kind) -> float | None:
        value = self.text(column)
        if value is None:
            return None
        try:
            parsed = parse_quantity(value, kind)
        except QuantityParseError as exc:
            self.error(column, str(exc), value)
            return None
        if parsed.unit_assumed:
            self.warning(column, f"no unit given; read as {kind.canonical}", value)
        return parsed.magnitude

    def boolean(self, column: str) -> bool | None:
        value = self.text(column)
        if value is None:
            return None
        try:
            return parse_bool(value)
        except ValueParseError:
            self.error(column, "expected yes or no", value)
            return None

    def enum(self, column: str, enum: type[E], required: bool = False) -> E | None:
        value = self.text(column)
        if value is None:
            if required:
                self.error(column, "a value is required: " + ", ".join(m.value for m in enum))
            return None
        try:
            return enum(value.lower())
        except ValueError:
            self.error(column, "expected one of: " + ", ".join(m.value for m in enum), value)
            return None

    def integer(self, column: str, low: int, high: int) -> int | None:
        value = self.text(column)
        if value is None:
            return None
        try:
            number = int(value)
        except ValueError:
            number = low - 1
        if not low <= number <= high:
            self.error(column, f"expected a whole number from {low} to {high}", value)
            return None
        return number

    def day(self, column: str) -> date | None:
        value = self.text(column)
        if value is None:
            return None
        try:
            return parse_date(value)
        except ValueParseError as exc:
            self.error(column, str(exc), value)
            return None

    def decimal(self, column: str) -> Decimal | None:
        value = self.text(column)
        if value is None:
            self.error(column, "a decimal amount is required, such as '459.00'")
            return None
        try:
            amount = Decimal(value)
        except InvalidOperation:
            amount = Decimal("NaN")
        if not amount.is_finite() or amount < 0:
            self.error(
                column, "expected a decimal amount such as '459.00' (no currency sign)", value
            )
            return None
        return amount

    def items(self, column: str) -> tuple[str, ...]:
        value = self.text(column)
        return () if value is None else split_list(value)
