"""``specassist tender``: the whole pipeline, written as the tender PDF and the BoQ."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from decimal import Decimal
from typing import TextIO

from specassist.cli.common import Subparsers, add_survey_options, exchange_rates, fail, path
from specassist.cli.common import rule_ids as chosen_rule_ids


def register(commands: Subparsers) -> None:
    sub = commands.add_parser("tender", help="run the whole pipeline and write the tender PDF")
    add_survey_options(sub)
    sub.add_argument("-o", "--output", type=path, required=True, help="the tender PDF to write")
    sub.add_argument("--boq", type=path, help="also write the bill of quantities (.xlsx/.csv)")
    sub.add_argument("--currency", default="GBP", help="project currency (default: GBP)")
    sub.add_argument(
        "--rate", action="append", default=[], metavar="CUR=RATE",
        help="fixed exchange rate into the project currency, e.g. --rate USD=0.79 (repeatable)",
    )  # fmt: skip
    sub.add_argument(
        "--prices", action="append", default=[], type=path, metavar="FILE",
        help="a supplier price list (.csv/.xlsx) to use (repeatable)",
    )  # fmt: skip
    sub.add_argument("--supplier", help="preferred supplier among the price lists")
    sub.add_argument("--tax", type=Decimal, default=Decimal("20"), help="tax rate in %%")
    sub.add_argument("--contingency", type=Decimal, default=Decimal("10"), help="in %%")
    sub.add_argument("--title", default="Replacement of excluded CCTV cameras")
    sub.add_argument("--project", default="CCTV camera replacement")
    sub.add_argument("--client", default="")
    sub.add_argument("--issuer", default="")
    sub.add_argument("--revision", default="A")
    sub.add_argument("--layout", choices=["csi", "nbs"], default="csi")
    sub.add_argument("--imperial", action="store_true", help="feet and px/ft")


def run(args: argparse.Namespace, out: TextIO) -> int:
    from specassist.domain.costing import CostSettings
    from specassist.domain.formatting import UnitSystem
    from specassist.domain.rules import Verdict
    from specassist.services import tender_service
    from specassist.services.catalog_service import check_catalog
    from specassist.survey.importer import import_survey
    from specassist.survey.price_list import import_price_list
    from specassist.survey.readers import SurveyReadError
    from specassist.tender.content import TenderSettings
    from specassist.tender.document import Layout

    load = check_catalog()
    rule_ids = chosen_rule_ids(args)
    as_of = args.as_of or date.today()
    try:
        survey = import_survey(args.survey, args.sheet)
        exchange = exchange_rates(args.rate, args.currency)
        prices = []
        for price_path in args.prices:
            price_list = import_price_list(price_path, default_currency=args.currency.upper())
            for issue in price_list.issues:
                print(
                    f"{issue.location()}: {issue.severity.value}: {issue.message}", file=sys.stderr
                )
            prices.extend(price_list.prices)
    except (SurveyReadError, ValueError) as exc:
        return fail("tender", str(exc))
    if not survey.cameras:
        name = args.survey.name
        return fail("tender", f"{name}: no camera rows could be read; nothing to tender")
    costs = CostSettings(
        currency=args.currency.upper(), exchange=exchange, tax_pct=args.tax,
        contingency_pct=args.contingency, preferred_supplier=args.supplier, price_date=as_of,
    )  # fmt: skip
    settings = TenderSettings(
        title=args.title, project=args.project, client=args.client, issuer=args.issuer,
        revision=args.revision, issue_date=as_of, layout=Layout(args.layout),
        units=UnitSystem.IMPERIAL if args.imperial else UnitSystem.METRIC,
    )  # fmt: skip
    try:
        tender = tender_service.prepare(
            load.catalog, survey.cameras, rule_ids, as_of, None, costs, settings, prices
        )
        pages = tender_service.write(tender, args.output, args.boq)
    except KeyError as exc:
        return fail("tender", str(exc.args[0]))
    except OSError as exc:
        return fail("tender", f"cannot write {exc.filename or args.output}: {exc.strerror or exc}")
    entries = tender.entries
    excluded = sum(1 for e in entries if e.decision.verdict is Verdict.EXCLUDED)
    matched = sum(1 for e in entries if e.decision.verdict is Verdict.EXCLUDED and e.offer)
    check = sum(
        1 for e in entries
        if e.decision.verdict is Verdict.UNKNOWN
        or (e.decision.verdict is Verdict.EXCLUDED and e.offer is None)
    )  # fmt: skip
    print(
        f"{args.output}: {pages} pages; {len(entries)} cameras, {excluded} excluded, "
        f"{matched} with a basis of design, {check} for a site check (Appendix C); "
        f"total {tender.costing.total}"
        + (f", {len(tender.costing.missing)} item(s) without a price" if tender.costing.missing
           else ""),
        file=out,
    )  # fmt: skip
    if args.boq:
        print(f"{args.boq}: bill of quantities", file=out)
    return 0
