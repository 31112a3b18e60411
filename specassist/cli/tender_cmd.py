"""``specassist tender``: the whole pipeline, written as the tender PDF (and DOCX, pricing
schedule and the client's estimate when asked)."""

from __future__ import annotations

import argparse
from decimal import Decimal
from typing import TYPE_CHECKING, Any, TextIO

from specassist.cli.common import (
    Subparsers,
    add_price_options,
    add_survey_options,
    add_system_options,
    fail,
    headless_setup,
    path,
    read_survey,
    system_settings,
    units,
)

if TYPE_CHECKING:
    from specassist.services.tender_service import Tender


_SCHEDULE_NEEDS_PACKAGE = (
    "--schedule needs --jurisdiction (or a project whose export writes the whole package): "
    "the schedule is part of a package"
)


def register(commands: Subparsers) -> None:
    sub = commands.add_parser(
        "tender", help="run the whole pipeline and write the tender PDF",
        description="SURVEY is a survey file, or a project file (.specassist): a project's own "
        "catalog, rules, prices, overrides, system settings, tender details and plans are "
        "used, and --jurisdiction, --clauses, --weights, --layout, --imperial and the cover "
        "options given override its tender details.",
    )  # fmt: skip
    add_survey_options(sub)
    add_price_options(sub, currency_default=None)
    add_system_options(sub)
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
    sub.add_argument(
        "--title", help="default: Replacement of excluded CCTV cameras (a project: its own)"
    )
    sub.add_argument("--project", help="default: CCTV camera replacement (a project: its own)")
    sub.add_argument("--client", help="default: blank (a project: its own)")
    sub.add_argument("--issuer", help="default: blank (a project: its own)")
    sub.add_argument("--revision", help="default: A (a project: its own)")
    sub.add_argument(
        "--layout", choices=["csi", "nbs"],
        help="specification layout (default: csi, or the jurisdiction's)",
    )  # fmt: skip


def run(args: argparse.Namespace, out: TextIO) -> int:
    from specassist.domain.issues import UserError
    from specassist.domain.project_settings import Layout, TenderSettings
    from specassist.services import tender_service

    from_project = args.survey.suffix.lower() == ".specassist"
    if args.schedule and not args.jurisdiction and not from_project:
        return fail("tender", _SCHEDULE_NEEDS_PACKAGE)
    try:
        profile = tender_service.jurisdiction_profile(
            args.clauses or args.jurisdiction or "uk-public"
        )
        weights = _weights(args.weights)
    except ValueError as exc:
        return fail("tender", str(exc))
    if from_project:
        return _from_project(args, out, weights)
    # The jurisdiction's defaults fill what the command line leaves open.
    package = bool(args.jurisdiction)
    args.currency = (args.currency or (profile.currency if package else "GBP")).upper()
    if args.tax is None:
        args.tax = profile.tax_pct if package else Decimal("20")
    args.tax_name = profile.tax_name if package else "VAT"
    try:
        survey = read_survey(args)
        setup = headless_setup(args)
        system = system_settings(args)
    except (UserError, ValueError) as exc:
        return fail("tender", str(exc))
    if not survey.cameras:
        name = args.survey.name
        return fail("tender", f"{name}: no camera rows could be read; nothing to tender")
    layout = args.layout or (profile.layout.value if package else "csi")
    defaults = TenderSettings()
    settings = TenderSettings(
        title=args.title or defaults.title, project=args.project or "CCTV camera replacement",
        client=args.client or "", issuer=args.issuer or "",
        revision=args.revision or defaults.revision, issue_date=setup.as_of,
        layout=Layout(layout), units=units(args), jurisdiction=args.jurisdiction or "uk-public",
        package=package, clauses=args.clauses, weights=weights,
    )  # fmt: skip
    try:
        tender = tender_service.prepare(setup, survey.cameras, settings, system=system,
                                        survey_issues=survey.issues)  # fmt: skip
        pages = tender_service.write(
            tender, args.output, args.boq, docx_path=args.docx, schedule_path=args.schedule
        )
    except KeyError as exc:
        return fail("tender", str(exc.args[0]))
    except (UserError, ValueError) as exc:  # a clause file or weights that cannot make a package
        return fail("tender", str(exc))
    except OSError as exc:
        return fail("tender", f"cannot write {exc.filename or args.output}: {exc.strerror or exc}")
    _report(tender, pages, args, out)
    return 0


def _from_project(
    args: argparse.Namespace, out: TextIO, weights: tuple[tuple[str, int], ...]
) -> int:
    """The tender of a project file, as the app would export it, with the options given."""
    from dataclasses import replace

    from specassist.domain.issues import UserError
    from specassist.domain.project_settings import Layout
    from specassist.services import analysis, project_settings, projects, tender_service

    covers = ("title", "project", "client", "issuer", "revision", "jurisdiction", "clauses")
    given: dict[str, Any] = {key: getattr(args, key) for key in covers if getattr(args, key)}
    if weights:
        given["weights"] = weights
    if args.layout:
        given["layout"] = Layout(args.layout)
    if args.imperial:
        given["units"] = units(args)
    if args.jurisdiction:
        given["package"] = True
    try:
        # Read only, as last saved: the project may be open in the app meanwhile.
        with projects.open_unlocked(args.survey) as project:
            result = analysis.analyse(project, as_of=args.as_of)
            settings = replace(project_settings.tender_settings(project, result.as_of), **given)
            if args.schedule and not settings.package:  # a project may ask for a package
                return fail("tender", _SCHEDULE_NEEDS_PACKAGE)
            tender = analysis.project_tender(project, result, settings)
        pages = tender_service.write(
            tender, args.output, args.boq, docx_path=args.docx, schedule_path=args.schedule
        )
    except (UserError, ValueError) as exc:
        return fail("tender", str(exc))
    except OSError as exc:
        return fail("tender", f"cannot write {exc.filename or args.output}: {exc.strerror or exc}")
    _report(tender, pages, args, out)
    return 0


def _report(tender: Tender, pages: int, args: argparse.Namespace, out: TextIO) -> None:
    from specassist.cli.system_lines import summary_lines
    from specassist.domain.outcome import Status

    counts = tender.analysis.counts()
    matched = counts[Status.TO_REPLACE] + counts[Status.OVERRIDDEN]
    excluded = matched + counts[Status.NO_REPLACEMENT] + counts[Status.SITE_CHECK]
    check = sum(n for status, n in counts.items() if status.needs_site_check)
    missing = tender.costing.missing
    plans = tender.plans
    print(
        f"{args.output}: {pages} pages; {len(tender.analysis.outcomes)} cameras, {excluded} "
        f"excluded, {matched} with a basis of design, {check} for a site check (Appendix C); "
        f"total {tender.costing.total}"
        + (f" (partial: {len(missing)} item(s) without a price)" if missing else "")
        + (f"; {plans} plan(s)" if plans else ""),
        file=out,
    )
    if tender.system is not None:
        for line in summary_lines(tender.system):
            print(f"  {line}", file=out)
    for written, what in (
        (args.docx, "the document as DOCX"),
        (args.schedule, "pricing schedule for bidders"),
        (args.boq, "client's estimate (bill of quantities), not for bidders"),
    ):
        if written:
            print(f"{written}: {what}", file=out)


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
