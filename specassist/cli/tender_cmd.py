"""``specassist tender``: the whole pipeline, written as the tender PDF and the BoQ."""

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
    add_price_options(sub)
    sub.add_argument("-o", "--output", type=path, required=True, help="the tender PDF to write")
    sub.add_argument("--boq", type=path, help="also write the bill of quantities (.xlsx/.csv)")
    sub.add_argument("--tax", type=Decimal, default=Decimal("20"), help="tax rate in %%")
    sub.add_argument("--contingency", type=Decimal, default=Decimal("10"), help="in %%")
    sub.add_argument("--title", default="Replacement of excluded CCTV cameras")
    sub.add_argument("--project", default="CCTV camera replacement")
    sub.add_argument("--client", default="")
    sub.add_argument("--issuer", default="")
    sub.add_argument("--revision", default="A")
    sub.add_argument("--layout", choices=["csi", "nbs"], default="csi")


def run(args: argparse.Namespace, out: TextIO) -> int:
    from specassist.domain.issues import UserError
    from specassist.domain.outcome import Status
    from specassist.domain.project_settings import Layout, TenderSettings
    from specassist.services import imports, tender_service

    try:
        survey = imports.read_survey(args.survey, args.sheet)
        setup = headless_setup(args)
    except (UserError, ValueError) as exc:
        return fail("tender", str(exc))
    if not survey.cameras:
        name = args.survey.name
        return fail("tender", f"{name}: no camera rows could be read; nothing to tender")
    settings = TenderSettings(
        title=args.title, project=args.project, client=args.client, issuer=args.issuer,
        revision=args.revision, issue_date=setup.as_of, layout=Layout(args.layout),
        units=units(args),
    )  # fmt: skip
    try:
        tender = tender_service.prepare(setup, survey.cameras, settings)
        pages = tender_service.write(tender, args.output, args.boq)
    except KeyError as exc:
        return fail("tender", str(exc.args[0]))
    except OSError as exc:
        return fail("tender", f"cannot write {exc.filename or args.output}: {exc.strerror or exc}")
    counts = tender.analysis.counts()
    excluded = counts[Status.TO_REPLACE] + counts[Status.OVERRIDDEN] + counts[Status.NO_REPLACEMENT]
    matched = counts[Status.TO_REPLACE] + counts[Status.OVERRIDDEN]
    check = sum(n for status, n in counts.items() if status.needs_site_check)
    missing = tender.costing.missing
    print(
        f"{args.output}: {pages} pages; {len(tender.analysis.outcomes)} cameras, {excluded} "
        f"excluded, {matched} with a basis of design, {check} for a site check (Appendix C); "
        f"total {tender.costing.total}"
        + (f" (partial: {len(missing)} item(s) without a price)" if missing else ""),
        file=out,
    )
    if args.boq:
        print(f"{args.boq}: bill of quantities", file=out)
    return 0
