"""What several commands share: survey and rule options, dates, rates, issue JSON."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from specassist.domain.issues import InputIssue
    from specassist.domain.money import ExchangeRates

Subparsers = Any
"""``argparse._SubParsersAction``, which typeshed marks private."""


def iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"expected a date as YYYY-MM-DD, got {text!r}") from exc


def add_survey_options(sub: argparse.ArgumentParser) -> None:
    """The survey file and the rule profile, as ``flag``, ``match`` and ``tender`` take them."""
    sub.add_argument("survey", type=_path, help="CSV or XLSX survey file")
    sub.add_argument("--sheet", help="XLSX sheet name (default: the first sheet)")
    sub.add_argument("--rules", help="rule set ids, comma-separated (default: all but templates)")
    sub.add_argument("--as-of", type=iso_date, help="evaluate as of this date (YYYY-MM-DD)")


def _path(text: str) -> Any:
    from pathlib import Path

    return Path(text)


path = _path


def rule_ids(args: argparse.Namespace) -> list[str] | None:
    """``--rules a,b`` → ["a", "b"]; absent → None (every shipped rule set)."""
    return [r.strip() for r in args.rules.split(",") if r.strip()] if args.rules else None


def exchange_rates(pairs: list[str], currency: str) -> ExchangeRates:
    from decimal import Decimal, InvalidOperation

    from specassist.domain.money import ExchangeRates

    rates = {}
    for pair in pairs:
        code, _, value = pair.partition("=")
        try:
            rates[code.strip().upper()] = Decimal(value)
        except InvalidOperation:
            raise ValueError(f"--rate {pair!r}: expected CUR=RATE, such as USD=0.79") from None
    return ExchangeRates(currency.upper(), rates)


def fail(command: str, message: str) -> int:
    """Report a problem the user can fix, in their words, and return exit status 1."""
    print(f"specassist {command}: {message}", file=sys.stderr)
    return 1


def issue_json(issue: InputIssue) -> dict[str, object]:
    return {
        "severity": str(issue.severity),
        "file": issue.file,
        "row": issue.row,
        "column": issue.column,
        "value": issue.value,
        "message": issue.message,
    }
