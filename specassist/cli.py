"""The headless front end: ``specassist import``, ``specassist catalog check`` and friends.

With no command (or a file name) ``__main__`` starts the desktop app instead;
this module never imports Qt, so the command line starts fast and works
without a display.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Sequence
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import TextIO

from specassist import __version__
from specassist.domain.catalog_checks import CatalogStats, catalog_stats
from specassist.domain.costing import CostSettings
from specassist.domain.formatting import UnitSystem
from specassist.domain.issues import InputIssue, Severity, count_by_severity
from specassist.domain.money import ExchangeRates
from specassist.domain.requirements import Options
from specassist.domain.rules import Verdict
from specassist.services import project_service, tender_service
from specassist.services.catalog_service import check_catalog
from specassist.services.flag_service import decision_json, flag_cameras
from specassist.services.match_service import match_cameras, matched_json
from specassist.storage.project_file import SUFFIX, ProjectFileError
from specassist.survey.importer import import_survey
from specassist.survey.price_list import import_price_list
from specassist.survey.readers import SurveyReadError
from specassist.tender.content import TenderSettings
from specassist.tender.document import Layout

COMMANDS = ("import", "catalog", "flag", "match", "tender", "rules", "open")
HEADLESS = {"import", "catalog", "flag", "match", "tender", "rules"}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="specassist",
        description="Turn a CCTV site survey into a tender for replacing excluded cameras. "
        "Run without a command to open the desktop app.",
    )
    parser.add_argument("--version", action="version", version=f"SpecAssist {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    opener = commands.add_parser("open", help="open the desktop app (the default)")
    opener.add_argument("file", nargs="?", type=Path, help="a survey (.csv/.xlsx) or project")
    opener.add_argument("--demo", action="store_true", help="open the bundled demo survey")

    importer = commands.add_parser("import", help="import a survey and report every issue")
    importer.add_argument("survey", type=Path, help="CSV or XLSX survey file")
    importer.add_argument("--sheet", help="XLSX sheet name (default: the first sheet)")
    importer.add_argument("--project", type=Path, help=f"save into this project file (*{SUFFIX})")
    importer.add_argument(
        "--map",
        action="append",
        default=[],
        metavar="HEADER=FIELD",
        help="map a column by hand, e.g. --map 'Cam Loc=location' (repeatable; FIELD may be extra)",
    )
    importer.add_argument("--json", action="store_true", help="print the result as JSON")
    importer.add_argument("--strict", action="store_true", help="exit 1 when any cell is in error")

    flag = commands.add_parser("flag", help="identify each camera's maker and apply the rules")
    match = commands.add_parser("match", help="flag, then pick replacements for excluded cameras")
    tender = commands.add_parser("tender", help="run the whole pipeline and write the tender PDF")
    for sub in (flag, match, tender):
        sub.add_argument("survey", type=Path, help="CSV or XLSX survey file")
        sub.add_argument("--sheet", help="XLSX sheet name (default: the first sheet)")
        sub.add_argument(
            "--rules", help="rule set ids, comma-separated (default: all but templates)"
        )
        sub.add_argument("--as-of", type=_iso_date, help="evaluate as of this date (YYYY-MM-DD)")
    for sub in (flag, match):
        sub.add_argument("--json", action="store_true", help="print the result as JSON")
    match.add_argument(
        "--allow-power-upgrade",
        action="store_true",
        help="allow replacements that need more PoE power than the old camera",
    )
    match.add_argument("--currency", help="price currency for ranking (default: the catalog's)")

    tender.add_argument("-o", "--output", type=Path, required=True, help="the tender PDF to write")
    tender.add_argument("--boq", type=Path, help="also write the bill of quantities (.xlsx/.csv)")
    tender.add_argument("--currency", default="GBP", help="project currency (default: GBP)")
    tender.add_argument(
        "--rate", action="append", default=[], metavar="CUR=RATE",
        help="fixed exchange rate into the project currency, e.g. --rate USD=0.79 (repeatable)",
    )  # fmt: skip
    tender.add_argument(
        "--prices", action="append", default=[], type=Path, metavar="FILE",
        help="a supplier price list (.csv/.xlsx) to use (repeatable)",
    )  # fmt: skip
    tender.add_argument("--supplier", help="preferred supplier among the price lists")
    tender.add_argument("--tax", type=Decimal, default=Decimal("20"), help="tax rate in %%")
    tender.add_argument("--contingency", type=Decimal, default=Decimal("10"), help="in %%")
    tender.add_argument("--title", default="Replacement of excluded CCTV cameras")
    tender.add_argument("--project", default="CCTV camera replacement")
    tender.add_argument("--client", default="")
    tender.add_argument("--issuer", default="")
    tender.add_argument("--revision", default="A")
    tender.add_argument("--layout", choices=["csi", "nbs"], default="csi")
    tender.add_argument("--imperial", action="store_true", help="feet and px/ft")

    rules = commands.add_parser("rules", help="list or show the rule sets")
    rules_commands = rules.add_subparsers(dest="rules_command", metavar="ACTION", required=True)
    rules_commands.add_parser("list", help="list the rule sets")
    show = rules_commands.add_parser("show", help="show one rule set with its rules")
    show.add_argument("rule_set_id")

    catalog = commands.add_parser("catalog", help="validate or summarise a catalog folder")
    catalog_commands = catalog.add_subparsers(
        dest="catalog_command", metavar="ACTION", required=True
    )
    for name, text in (
        ("check", "validate every file; exit 1 on any error"),
        ("stats", "print counts per entity"),
    ):
        sub = catalog_commands.add_parser(name, help=text)
        sub.add_argument("folder", nargs="?", type=Path, help="catalog folder (default: shipped)")
    return parser


def _normalise(argv: list[str]) -> list[str]:
    """``specassist FILE`` and ``specassist --demo`` mean ``specassist open …``."""
    if not argv:
        return ["open"]
    if argv[0] in COMMANDS or argv[0] in {"-h", "--help", "--version"}:
        return argv
    return ["open", *argv]


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    return build_parser().parse_args(_normalise(list(sys.argv[1:] if argv is None else argv)))


def run(args: argparse.Namespace, out: TextIO | None = None) -> int:
    """Run a headless command (``import`` or ``catalog``); returns the exit status."""
    out = out or sys.stdout
    if args.command == "import":
        return _import(args, out)
    if args.command == "catalog":
        return _catalog(args, out)
    if args.command == "flag":
        return _flag(args, out)
    if args.command == "rules":
        return _rules(args, out)
    if args.command == "match":
        return _match(args, out)
    if args.command == "tender":
        return _tender(args, out)
    raise ValueError(f"not a headless command: {args.command}")


def _iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"expected a date as YYYY-MM-DD, got {text!r}") from exc


def _rule_ids(args: argparse.Namespace) -> list[str] | None:
    """``--rules a,b`` → ["a", "b"]; absent → None (every shipped rule set)."""
    return [r.strip() for r in args.rules.split(",") if r.strip()] if args.rules else None


def _flag(args: argparse.Namespace, out: TextIO) -> int:
    load = check_catalog()
    rule_ids = _rule_ids(args)
    try:
        result = import_survey(args.survey, args.sheet)
        flagged = flag_cameras(load.catalog, result.cameras, rule_ids, args.as_of)
    except (SurveyReadError, KeyError) as exc:
        print(
            f"specassist flag: {exc.args[0] if isinstance(exc, KeyError) else exc}", file=sys.stderr
        )
        return 1
    if args.json:
        json.dump([decision_json(f) for f in flagged], out, indent=2, ensure_ascii=False)
        out.write("\n")
        return 0
    counts = Counter(f.decision.verdict.value for f in flagged)
    print(
        f"{result.file}: {len(flagged)} cameras — "
        + ", ".join(f"{counts[v.value]} {v.value}" for v in Verdict),
        file=out,
    )
    for f in flagged:
        d = f.decision
        maker = d.identification.maker_id or "?"
        print(
            f"{f.camera.display_tag:<10} {d.verdict.value:<9} {maker:<12} "
            f"{d.identification.level.value:<7} {f.camera.make or ''} {f.camera.model or ''}",
            file=out,
        )
        for reason in d.reasons:
            print(
                f"{'':<12}{reason.rule}: {reason.evidence[0]} [{reason.citation.title}]", file=out
            )
        for warning in d.warnings:
            print(f"{'':<12}warning: {warning}", file=out)
    return 0


def _match(args: argparse.Namespace, out: TextIO) -> int:
    load = check_catalog()
    rule_ids = _rule_ids(args)
    try:
        result = import_survey(args.survey, args.sheet)
        matched = match_cameras(
            load.catalog,
            result.cameras,
            rule_ids,
            args.as_of,
            Options(allow_power_upgrade=args.allow_power_upgrade),
            args.currency,
        )
    except (SurveyReadError, KeyError) as exc:
        print(
            f"specassist match: {exc.args[0] if isinstance(exc, KeyError) else exc}",
            file=sys.stderr,
        )
        return 1
    if args.json:
        json.dump([matched_json(m) for m in matched], out, indent=2, ensure_ascii=False)
        out.write("\n")
        return 0
    excluded = [m for m in matched if m.match is not None]
    found = sum(1 for m in excluded if m.match and m.match.choice)
    print(
        f"{result.file}: {len(matched)} cameras, {len(excluded)} excluded, "
        f"{found} with a replacement, {len(excluded) - found} without",
        file=out,
    )
    for item in excluded:
        camera, match = item.flagged.camera, item.match
        assert match is not None
        old = f"{camera.make or '?'} {camera.model or '?'}"
        if match.choice is None:
            print(f"{camera.display_tag:<10} {old:<32} no match: {match.no_match_reason}", file=out)
            continue
        choice = match.choice
        new = f"{choice.model.vendor_id} {choice.model.model}"
        dori = choice.dori_after.value if choice.dori_after else "—"
        print(f"{camera.display_tag:<10} {old:<32} → {new:<28} {dori:<10} {choice.score:6.1f}",
              file=out)  # fmt: skip
        for alternate in match.alternates:
            print(f"{'':<44}{alternate.role}: {alternate.model.vendor_id} "
                  f"{alternate.model.model}", file=out)  # fmt: skip
    return 0


def _rates(pairs: list[str], currency: str) -> ExchangeRates:
    rates = {}
    for pair in pairs:
        code, _, value = pair.partition("=")
        try:
            rates[code.strip().upper()] = Decimal(value)
        except InvalidOperation:
            raise ValueError(f"--rate {pair!r}: expected CUR=RATE, such as USD=0.79") from None
    return ExchangeRates(currency.upper(), rates)


def _tender(args: argparse.Namespace, out: TextIO) -> int:
    def fail(message: str) -> int:
        print(f"specassist tender: {message}", file=sys.stderr)
        return 1

    load = check_catalog()
    rule_ids = _rule_ids(args)
    as_of = args.as_of or date.today()
    try:
        survey = import_survey(args.survey, args.sheet)
        exchange = _rates(args.rate, args.currency)
        prices = []
        for path in args.prices:
            price_list = import_price_list(path, default_currency=args.currency.upper())
            for issue in price_list.issues:
                print(
                    f"{issue.location()}: {issue.severity.value}: {issue.message}", file=sys.stderr
                )
            prices.extend(price_list.prices)
    except (SurveyReadError, ValueError) as exc:
        return fail(str(exc))
    if not survey.cameras:
        return fail(f"{args.survey.name}: no camera rows could be read; nothing to tender")
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
        return fail(str(exc.args[0]))
    except OSError as exc:
        return fail(f"cannot write {exc.filename or args.output}: {exc.strerror or exc}")
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


def _rules(args: argparse.Namespace, out: TextIO) -> int:
    rule_sets = check_catalog().catalog.rule_sets
    if args.rules_command == "list":
        for rs in rule_sets:
            since = rs.effective_from.isoformat() if rs.effective_from else "—"
            template = " (template)" if rs.template else ""
            print(
                f"{rs.rule_set_id:<28} {rs.jurisdiction:<7} from {since:<10} {rs.title}{template}",
                file=out,
            )
        return 0
    chosen = next((r for r in rule_sets if r.rule_set_id == args.rule_set_id), None)
    if chosen is None:
        print(f"specassist rules: no rule set '{args.rule_set_id}'", file=sys.stderr)
        return 1
    print(
        f"{chosen.title}\n  id: {chosen.rule_set_id}\n  jurisdiction: {chosen.jurisdiction}"
        f"\n  authority: {chosen.authority}\n  effective: {chosen.effective_from or '—'}"
        f" to {chosen.effective_until or 'open'}\n  citation: {chosen.citation.title}"
        f" {chosen.citation.url or ''}",
        file=out,
    )
    if chosen.notes:
        print(f"  notes: {chosen.notes}", file=out)
    for rule in chosen.rules:
        scope = []
        if rule.makers:
            scope.append("makers " + ", ".join(rule.makers))
        if rule.control_countries:
            scope.append("controlled from " + ", ".join(rule.control_countries))
        if rule.approved_vendors:
            scope.append("anything but " + ", ".join(rule.approved_vendors))
        if rule.components:
            scope.append("components " + ", ".join(rule.components))
        reach = [
            n
            for n, on in (
                ("subsidiaries", rule.include_subsidiaries),
                ("affiliates", rule.include_affiliates),
                ("OEM-made products", rule.include_oem),
            )
            if on
        ]
        print(
            f"  - {rule.rule_id} [{rule.severity.value}]: {rule.description}\n"
            f"      reaches: {'; '.join(scope) or 'nothing'}"
            f"{' incl. ' + ', '.join(reach) if reach else ''}",
            file=out,
        )
    return 0


def _parse_map(pairs: list[str]) -> dict[str, str]:
    mapping = {}
    for pair in pairs:
        header, sep, field = pair.rpartition("=")
        if not sep or not header:
            raise SystemExit(f"specassist import: --map expects HEADER=FIELD, got {pair!r}")
        mapping[header] = field.strip()
    return mapping


def _import(args: argparse.Namespace, out: TextIO) -> int:
    try:
        column_map = _parse_map(args.map)
        if args.project:
            project = (
                project_service.open_project(args.project)
                if args.project.exists()
                else project_service.new_project(args.project.stem, args.project)
            )
            with project:
                result = project_service.import_into(project, args.survey, args.sheet, column_map)
                saved = project.save()
        else:
            result, saved = import_survey(args.survey, args.sheet, column_map), None
    except (SurveyReadError, ProjectFileError, ValueError) as exc:
        print(f"specassist import: {exc}", file=sys.stderr)
        return 1
    counts = count_by_severity(result.issues)
    if args.json:
        json.dump(
            {
                "file": result.file,
                "read_as": result.detail,
                "cameras": len(result.cameras),
                "skipped_rows": result.skipped_rows,
                "columns": result.mapping,
                "issue_counts": {str(k): v for k, v in counts.items()},
                "issues": [_issue_json(i) for i in result.issues],
                "project": str(saved) if saved else None,
            },
            out,
            indent=2,
            ensure_ascii=False,
        )
        out.write("\n")
    else:
        print(f"{result.file}: {len(result.cameras)} cameras ({result.detail})", file=out)
        print("columns: " + ", ".join(f"{h} → {f}" for h, f in result.mapping.items()), file=out)
        print(
            f"issues: {counts[Severity.ERROR]} errors, {counts[Severity.WARNING]} warnings, "
            f"{counts[Severity.INFO]} notes",
            file=out,
        )
        for issue in result.issues:
            print(f"  {issue}", file=out)
        if saved:
            print(f"saved to {saved}", file=out)
    return 1 if args.strict and counts[Severity.ERROR] else 0


def _issue_json(issue: InputIssue) -> dict[str, object]:
    return {
        "severity": str(issue.severity),
        "file": issue.file,
        "row": issue.row,
        "column": issue.column,
        "value": issue.value,
        "message": issue.message,
    }


def _catalog(args: argparse.Namespace, out: TextIO) -> int:
    load = check_catalog(args.folder)
    if args.catalog_command == "check":
        for issue in load.issues:
            print(issue, file=out)
        if not load.ok:
            errors = count_by_severity(load.issues)[Severity.ERROR]
            print(f"catalog check failed: {errors} error(s)", file=out)
            return 1
    info = load.catalog.info
    print(f"{info.name} {info.version}" + (f" ({info.date})" if info.date else ""), file=out)
    for name, count in load.counts().items():
        print(f"  {name:<24}{count:>6}", file=out)
    if args.catalog_command == "stats":
        _print_stats(catalog_stats(load.catalog), out)
    return 0


def _print_stats(stats: CatalogStats, out: TextIO) -> None:
    sections = (("models by vendor", stats.by_vendor), ("models by form", stats.by_form),
                ("models by resolution", stats.by_resolution))  # fmt: skip
    for title, counter in sections:
        print(f"{title}:", file=out)
        for key, count in sorted(counter.items(), key=lambda kv: (-kv[1], kv[0])):
            print(f"  {key:<24}{count:>6}", file=out)
    print(f"verified models: {stats.verified}, unverified: {stats.unverified}", file=out)
    print(f"models without a price: {len(stats.without_price)}", file=out)
