"""What several commands share: survey and rule options, dates, rates, issue JSON."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:
    from specassist.domain.formatting import UnitSystem
    from specassist.domain.issues import InputIssue
    from specassist.domain.money import ExchangeRates
    from specassist.domain.pipeline import Analysis, Setup
    from specassist.domain.pricing import CostSettings
    from specassist.domain.survey import SurveyCamera
    from specassist.domain.system_settings import SystemSettings
    from specassist.services.catalog_service import CatalogLoad
    from specassist.services.survey_files import SurveyImport

Subparsers = Any
"""``argparse._SubParsersAction``, which typeshed marks private."""


def iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"expected a date as YYYY-MM-DD, got {text!r}") from exc


def add_survey_options(sub: argparse.ArgumentParser) -> None:
    """The survey file and the rule profile, as ``flag``, ``match`` and ``tender`` take them."""
    sub.add_argument("survey", type=_path, help="CSV, XLSX, XLS or ODS survey file")
    sub.add_argument("--sheet", help="workbook sheet name (default: the first visible sheet)")
    sub.add_argument("--encoding", help="text encoding of a CSV file, e.g. shift_jis, gbk")
    sub.add_argument("--rules", help="rule set ids, comma-separated (default: all but templates)")
    sub.add_argument("--as-of", type=iso_date, help="evaluate as of this date (YYYY-MM-DD)")
    sub.add_argument("--imperial", action="store_true", help="feet and px/ft in the output")
    add_catalog_option(sub)
    sub.add_argument(
        "--apply-to-installed", metavar="IDS",
        help="rule sets that govern what may be offered (such as the FCC's) to apply to the "
        "installed equipment as well, comma-separated",
    )  # fmt: skip


def add_catalog_option(sub: argparse.ArgumentParser) -> None:
    sub.add_argument(
        "--catalog-url", metavar="URL",
        help="use the approved rows of this team catalog (a database URL; keep the password "
        "in ~/.pgpass) instead of the catalog folder",
    )  # fmt: skip


def catalog_load(args: argparse.Namespace) -> CatalogLoad:
    """The catalog the options name: ``--catalog-url``'s team catalog, else the folder in use.

    A team catalog's notes (rows awaiting approval, rows left out) go to stderr.
    """
    from specassist.services.catalog_service import load_catalog

    url = getattr(args, "catalog_url", None)
    load = load_catalog(url)
    if url:
        for issue in load.issues:
            print(f"{issue.location()}: {issue.severity.value}: {issue.message}", file=sys.stderr)
    return load


def add_price_options(sub: argparse.ArgumentParser, currency_default: str | None = "GBP") -> None:
    """Currency, rates and price lists: they decide the "value" pick as well as the costs."""
    sub.add_argument(
        "--currency", default=currency_default,
        help=f"project currency (default: {currency_default or 'the jurisdiction’s, or GBP'})",
    )  # fmt: skip
    sub.add_argument(
        "--rate", action="append", default=[], metavar="CUR=RATE",
        help="fixed exchange rate into the project currency, e.g. --rate USD=0.79 (repeatable)",
    )  # fmt: skip
    sub.add_argument(
        "--prices", action="append", default=[], type=_path, metavar="FILE",
        help="a supplier price list (.csv/.xlsx) to use (repeatable)",
    )  # fmt: skip
    sub.add_argument("--supplier", help="preferred supplier among the price lists")


def units(args: argparse.Namespace) -> UnitSystem:
    from specassist.domain.formatting import UnitSystem

    return UnitSystem.IMPERIAL if getattr(args, "imperial", False) else UnitSystem.METRIC


def cost_settings(args: argparse.Namespace, as_of: date) -> CostSettings:
    """The cost settings the options describe; defaults where the command has no such option."""
    from specassist.domain.pricing import CostSettings

    currency = (getattr(args, "currency", None) or "GBP").upper()
    defaults = CostSettings()
    labour = getattr(args, "labour_rate", None)
    return CostSettings(
        currency=currency,
        exchange=exchange_rates(getattr(args, "rate", []), currency),
        labour_rate=labour if labour is not None else defaults.labour_rate,
        tax_pct=getattr(args, "tax", None) or defaults.tax_pct,
        tax_name=getattr(args, "tax_name", None) or defaults.tax_name,
        contingency_pct=getattr(args, "contingency", defaults.contingency_pct),
        preferred_supplier=getattr(args, "supplier", None),
        price_date=as_of,
    )


def headless_setup(args: argparse.Namespace) -> Setup:
    """The pipeline's setup from the command line: shipped catalog, rules, date, prices.

    Price lists are read here and their problems printed to stderr; a list that
    cannot be read raises the reader's error for the command to report.
    """
    from specassist.domain.pipeline import Setup
    from specassist.domain.requirements import Options
    from specassist.services import survey_files

    as_of = args.as_of or date.today()
    costs = cost_settings(args, as_of)
    prices = []
    for price_path in getattr(args, "prices", []):
        price_list = survey_files.read_price_list(price_path, costs.currency, costs.currency)
        for issue in price_list.issues:
            print(f"{issue.location()}: {issue.severity.value}: {issue.message}", file=sys.stderr)
        prices.extend(price_list.prices)
    ids = rule_ids(args)
    required = frozenset(
        r.strip() for r in (getattr(args, "require", None) or "").split(",") if r.strip()
    )
    options = Options(getattr(args, "allow_power_upgrade", False), required)
    installed = tuple(
        r.strip() for r in (getattr(args, "apply_to_installed", None) or "").split(",") if r.strip()
    )
    return Setup(catalog_load(args).catalog, tuple(ids) if ids is not None else None, as_of,
                 options, costs, tuple(prices), installed)  # fmt: skip


def read_survey(args: argparse.Namespace) -> SurveyImport:
    """The survey the command names, read; a file with rows but no camera read is an error
    (raises ``UserError`` naming the first problem), not "0 cameras" with exit 0."""
    from specassist.domain.issues import Severity, UserError
    from specassist.services import survey_files

    result = survey_files.read_survey(args.survey, args.sheet, None, args.encoding)
    errors = [i for i in result.issues if i.severity is Severity.ERROR]
    if not result.cameras and errors:
        raise UserError(f"no camera could be read: {errors[0]}")
    return result


def headless_analysis(args: argparse.Namespace, cameras: list[SurveyCamera]) -> Analysis:
    from specassist.domain.pipeline import analyse_cameras

    return analyse_cameras(headless_setup(args), cameras)


def rule_pack_line(analysis: Analysis) -> str:
    """' — rules: …' naming each rule pack applied with its version and review date."""
    packs = [
        f"{r.title.split(' — ')[0]} v{r.version or '?'}"
        + (f" (reviewed {r.reviewed.isoformat()})" if r.reviewed else "")
        for r in analysis.engines.rules.rule_sets
    ]
    return f" — rules: {'; '.join(packs) if packs else 'none chosen'}"


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


def write_json(value: object, out: TextIO) -> None:
    """``value`` as JSON on ``out``: the outer objects and lists laid out one member per line,
    each record (a camera, an issue) on one line of its own.

    Python's indenting encoder is written in Python; a 10,000-camera ``match --json`` spent
    more time in it than in matching. Records written by the compact C encoder keep the
    output readable line by line and a fraction of the time.
    """
    out.write(_json_lines(value, 0))
    out.write("\n")


_JSON_DEPTH = 2
"""Levels laid out one member per line; anything deeper is one compact line."""


def _json_lines(value: object, depth: int) -> str:
    pad, inner = "  " * depth, "  " * (depth + 1)
    if depth < _JSON_DEPTH and isinstance(value, dict) and value:
        members = (f"{inner}{json.dumps(str(k), ensure_ascii=False)}: "
                   f"{_json_lines(v, depth + 1)}" for k, v in value.items())  # fmt: skip
        return "{\n" + ",\n".join(members) + f"\n{pad}}}"
    if depth < _JSON_DEPTH and isinstance(value, list) and value:
        items = (f"{inner}{_json_lines(v, _JSON_DEPTH)}" for v in value)
        return "[\n" + ",\n".join(items) + f"\n{pad}]"
    return json.dumps(value, ensure_ascii=False)


def issue_json(issue: InputIssue) -> dict[str, object]:
    return {
        "severity": str(issue.severity),
        "file": issue.file,
        "row": issue.row,
        "column": issue.column,
        "value": issue.value,
        "message": issue.message,
    }


def add_system_options(sub: argparse.ArgumentParser) -> None:
    """How cameras are recorded, which VMS stays and how the works are phased. Defaults: the
    project defaults stated in ``domain/bitrate`` and ``domain/system_settings``."""
    sub.add_argument("--fps", type=float, help="recorded frame rate (default: 25)")
    sub.add_argument("--retention", type=int, metavar="DAYS", help="days kept (default: 31)")
    sub.add_argument("--codec", choices=["h264", "h265"], help="compression (default: h264)")
    sub.add_argument(
        "--mode", choices=["continuous", "motion", "schedule"],
        help="recording mode (default: continuous)",
    )  # fmt: skip
    sub.add_argument(
        "--duty", type=float, metavar="SHARE",
        help="share of the day recorded for motion/schedule recording, e.g. 0.3",
    )  # fmt: skip
    sub.add_argument("--activity", choices=["low", "medium", "high"],
                     help="scene activity (default: medium)")  # fmt: skip
    sub.add_argument("--raid", choices=["none", "1", "5", "6", "10"],
                     help="disk redundancy the recorders must offer (default: none)")  # fmt: skip
    sub.add_argument(
        "--vms",
        metavar="VMS_ID",
        help="a compliant VMS that stays (an id from the catalog's vms.csv)",
    )
    sub.add_argument(
        "--phase-by", choices=["none", "site", "priority", "deadline"],
        help="group the works into phases (default: none)",
    )  # fmt: skip
    sub.add_argument(
        "--priority-sites", metavar="SITE,…",
        help="sites to do first with --phase-by priority (sensitive sites), comma-separated",
    )  # fmt: skip


def system_settings(args: argparse.Namespace) -> SystemSettings:
    """The system settings the options describe; ``ValueError`` in words for a bad value."""
    from specassist.services.system_values import system_settings_from

    names = {"fps": "fps", "retention": "retention_days", "codec": "codec", "mode": "mode",
             "duty": "duty", "activity": "activity", "raid": "raid", "vms": "kept_vms"}  # fmt: skip
    values: dict[str, Any] = {
        key: getattr(args, option) for option, key in names.items()
        if getattr(args, option, None) is not None
    }  # fmt: skip
    sites = [s.strip() for s in (getattr(args, "priority_sites", None) or "").split(",")]
    values["phasing"] = {
        "rule": getattr(args, "phase_by", None) or "none",
        "priority_sites": [s for s in sites if s],
    }
    return system_settings_from(values)
