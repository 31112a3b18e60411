"""``specassist tender``: the whole pipeline, written as the tender PDF (and DOCX, pricing
schedule and the client's estimate when asked)."""

from __future__ import annotations

import argparse
from decimal import Decimal
from typing import TextIO

from specassist.cli.common import (
    Subparsers,
    add_price_options,
    add_survey_options,
    fail,
    headless_setup,
    path,
    units,
)


def register(commands: Subparsers) -> None:
    sub = commands.add_parser("tender", help="run the whole pipeline and write the tender PDF")
    add_survey_options(sub)
    add_price_options(sub, currency_default=None)
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
        "--clauses", type=path, metavar="FILE",
        help="an edited clause file (TOML) instead of the jurisdiction's own",
    )  # fmt: skip
    sub.add_argument(
        "--weights", metavar="CRITERION=PCT,…",
        help="evaluation weights, e.g. price=70,quality=15,social_value=15 (must total 100)",
    )  # fmt: skip
    sub.add_argument("--labour-rate", type=Decimal, help="labour rate per hour, in the currency")
    sub.add_argument("--tax", type=Decimal, help="tax rate in %% (default: the jurisdiction's)")
    sub.add_argument("--contingency", type=Decimal, default=Decimal("10"), help="in %%")
    sub.add_argument("--title", default="Replacement of excluded CCTV cameras")
    sub.add_argument("--project", default="CCTV camera replacement")
    sub.add_argument("--client", default="")
    sub.add_argument("--issuer", default="")
    sub.add_argument("--revision", default="A")
    sub.add_argument(
        "--layout", choices=["csi", "nbs"],
        help="specification layout (default: csi, or the jurisdiction's)",
    )  # fmt: skip


def run(args: argparse.Namespace, out: TextIO) -> int:
    from specassist.domain.issues import UserError
    from specassist.domain.outcome import Status
    from specassist.domain.project_settings import Layout, TenderSettings
    from specassist.services import imports, tender_service

    if args.schedule and not args.jurisdiction:
        return fail("tender", "--schedule needs --jurisdiction: the schedule is part of a package")
    try:
        profile = tender_service.jurisdiction_profile(
            args.clauses or args.jurisdiction or "uk-public"
        )
        weights = _weights(args.weights)
    except ValueError as exc:
        return fail("tender", str(exc))
    # The jurisdiction's defaults fill what the command line leaves open.
    package = bool(args.jurisdiction)
    args.currency = (args.currency or (profile.currency if package else "GBP")).upper()
    if args.tax is None:
        args.tax = profile.tax_pct if package else Decimal("20")
    args.tax_name = profile.tax_name if package else "VAT"
    try:
        survey = imports.read_survey(args.survey, args.sheet)
        setup = headless_setup(args)
    except (UserError, ValueError) as exc:
        return fail("tender", str(exc))
    if not survey.cameras:
        name = args.survey.name
        return fail("tender", f"{name}: no camera rows could be read; nothing to tender")
    layout = args.layout or (profile.layout.value if package else "csi")
    settings = TenderSettings(
        title=args.title, project=args.project, client=args.client, issuer=args.issuer,
        revision=args.revision, issue_date=setup.as_of, layout=Layout(layout),
        units=units(args), jurisdiction=args.jurisdiction or "uk-public", package=package,
        clauses=args.clauses, weights=weights,
    )  # fmt: skip
    try:
        tender = tender_service.prepare(setup, survey.cameras, settings)
        pages = tender_service.write(
            tender, args.output, args.boq, docx_path=args.docx, schedule_path=args.schedule
        )
    except KeyError as exc:
        return fail("tender", str(exc.args[0]))
    except ValueError as exc:  # a clause file or weights that cannot make a package
        return fail("tender", str(exc))
    except OSError as exc:
        return fail("tender", f"cannot write {exc.filename or args.output}: {exc.strerror or exc}")
    counts = tender.analysis.counts()
    matched = counts[Status.TO_REPLACE] + counts[Status.OVERRIDDEN]
    excluded = matched + counts[Status.NO_REPLACEMENT] + counts[Status.SITE_CHECK]
    check = sum(n for status, n in counts.items() if status.needs_site_check)
    missing = tender.costing.missing
    print(
        f"{args.output}: {pages} pages; {len(tender.analysis.outcomes)} cameras, {excluded} "
        f"excluded, {matched} with a basis of design, {check} for a site check (Appendix C); "
        f"total {tender.costing.total}"
        + (f" (partial: {len(missing)} item(s) without a price)" if missing else ""),
        file=out,
    )
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
