"""``specassist tender``: the whole pipeline, written as the tender PDF, DOCX, schedule and BoQ.

Without ``--jurisdiction`` the PDF is the specification with the client's
estimate (as before); with it, the tender package a procurement officer issues
(instructions, specification, contract, forms, pricing schedule), worded and
laid out for that jurisdiction. ``--boq`` stays the client's estimate: it is
not issued to bidders, who price ``--schedule``.
"""

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
    sub.add_argument(
        "--boq", type=path, help="also write the client's estimate, a bill of quantities "
        "(.xlsx/.csv); it is not for bidders",
    )  # fmt: skip
    sub.add_argument("--docx", type=path, help="also write the document as an editable DOCX")
    sub.add_argument(
        "--schedule", type=path, help="also write the bidders' pricing schedule (.xlsx); "
        "needs --jurisdiction",
    )  # fmt: skip
    sub.add_argument(
        "--jurisdiction", choices=["uk-public", "us-federal", "private"],
        help="write the whole tender package for this jurisdiction (page size, spelling, "
        "dates, clauses, declaration)",
    )  # fmt: skip
    sub.add_argument(
        "--clauses",
        type=path,
        metavar="FILE",
        help="an edited clause file (TOML) instead of the jurisdiction's own",
    )
    sub.add_argument(
        "--weights", metavar="CRITERION=PCT,…",
        help="evaluation weights, e.g. price=70,quality=15,social_value=15 (must total 100)",
    )  # fmt: skip
    sub.add_argument("--labour-rate", type=Decimal, help="labour rate per hour, in the currency")
    sub.add_argument("--currency", help="project currency (default: the jurisdiction's, or GBP)")
    sub.add_argument(
        "--rate", action="append", default=[], metavar="CUR=RATE",
        help="fixed exchange rate into the project currency, e.g. --rate USD=0.79 (repeatable)",
    )  # fmt: skip
    sub.add_argument(
        "--prices", action="append", default=[], type=path, metavar="FILE",
        help="a supplier price list (.csv/.xlsx) to use (repeatable)",
    )  # fmt: skip
    sub.add_argument("--supplier", help="preferred supplier among the price lists")
    sub.add_argument("--tax", type=Decimal, help="tax rate in %% (default: the jurisdiction's)")
    sub.add_argument("--contingency", type=Decimal, default=Decimal("10"), help="in %%")
    sub.add_argument("--title", default="Replacement of excluded CCTV cameras")
    sub.add_argument("--project", default="CCTV camera replacement")
    sub.add_argument("--client", default="")
    sub.add_argument("--issuer", default="")
    sub.add_argument("--revision", default="A")
    sub.add_argument(
        "--layout",
        choices=["csi", "nbs"],
        help="specification layout (default: csi, or the jurisdiction's)",
    )
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
    from specassist.tender import clauses
    from specassist.tender.content import TenderSettings
    from specassist.tender.document import Layout

    if args.schedule and not args.jurisdiction:
        return fail("tender", "--schedule needs --jurisdiction: the schedule is part of a package")
    try:
        clause_set = clauses.load(args.clauses or args.jurisdiction or "uk-public")
        weights = _weights(args.weights)
    except ValueError as exc:
        return fail("tender", str(exc))
    profile = clause_set.profile
    currency = (args.currency or (profile.currency if args.jurisdiction else "GBP")).upper()
    load = check_catalog()
    rule_ids = chosen_rule_ids(args)
    as_of = args.as_of or date.today()
    try:
        survey = import_survey(args.survey, args.sheet)
        exchange = exchange_rates(args.rate, currency)
        prices = []
        for price_path in args.prices:
            price_list = import_price_list(price_path, default_currency=currency)
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
    tax = args.tax if args.tax is not None else (profile.tax_pct if args.jurisdiction else None)
    costs = CostSettings(
        currency=currency, exchange=exchange,
        tax_pct=tax if tax is not None else Decimal("20"),
        tax_name=profile.tax_name if args.jurisdiction else "VAT",
        contingency_pct=args.contingency, preferred_supplier=args.supplier, price_date=as_of,
        **({"labour_rate": args.labour_rate} if args.labour_rate is not None else {}),
    )  # fmt: skip
    layout = args.layout or (profile.layout.value if args.jurisdiction else "csi")
    settings = TenderSettings(
        title=args.title, project=args.project, client=args.client, issuer=args.issuer,
        revision=args.revision, issue_date=as_of, layout=Layout(layout),
        units=UnitSystem.IMPERIAL if args.imperial else UnitSystem.METRIC,
        jurisdiction=args.jurisdiction or "uk-public", package=bool(args.jurisdiction),
        clauses=args.clauses, weights=weights,
    )  # fmt: skip
    try:
        tender = tender_service.prepare(
            load.catalog, survey.cameras, rule_ids, as_of, None, costs, settings, prices
        )
        pages = tender_service.write(
            tender, args.output, args.boq, docx_path=args.docx, schedule_path=args.schedule
        )
    except KeyError as exc:
        return fail("tender", str(exc.args[0]))
    except ValueError as exc:  # a clause file or weights that cannot make a package
        return fail("tender", str(exc))
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
    for written, what in (
        (args.docx, "the document as DOCX"),
        (args.schedule, "pricing schedule for bidders"),
        (args.boq, "client's estimate (bill of quantities), not for bidders"),
    ):
        if written:
            print(f"{written}: {what}", file=out)
    return 0


def _weights(text: str | None) -> tuple[tuple[str, int], ...]:
    """``price=70,quality=15,social_value=15`` → (("price", 70), …)."""
    if not text:
        return ()
    out = []
    for part in text.split(","):
        name, sep, value = part.partition("=")
        if not sep or not value.strip().isdigit():
            raise ValueError(f"--weights: '{part}' is not CRITERION=PERCENT")
        out.append((name.strip().lower(), int(value)))
    return tuple(out)
