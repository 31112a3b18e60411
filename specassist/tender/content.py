"""Write the tender's content from the pipeline's results: survey → flags → matches → costs.

The specification is vendor-neutral: each camera type states the performance
it must deliver, and the matched model appears only as "basis of design … or
equivalent", with what "equivalent" means (EU Directive 2014/24/EU Art. 42(4);
UK Procurement Act 2023 s.56 prefers performance requirements).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from specassist.domain import formatting as fmt
from specassist.domain import optics
from specassist.domain.catalog import CameraModel, CatalogInfo, RuleSet
from specassist.domain.costing import Costing, CostLine
from specassist.domain.formatting import UnitSystem
from specassist.domain.matching import Offer
from specassist.domain.measures import Detail
from specassist.domain.outcome import CameraOutcome, Status
from specassist.domain.project_settings import Layout, TenderSettings
from specassist.domain.requirements import PIXEL_TOLERANCE, POE_BUDGET_W, Requirement, port_class
from specassist.domain.rules import Verdict
from specassist.domain.survey import SurveyCamera
from specassist.tender.document import Block, Part, Section, Table, TenderDocument, Text


def fingerprint(cameras: Iterable[SurveyCamera], catalog: CatalogInfo, rules: list[RuleSet]) -> str:
    """A short hash of the survey, the catalog version and the rule sets, printed on every page."""
    digest = hashlib.sha256()
    for camera in cameras:
        digest.update(json.dumps(camera.raw or {"row": camera.source_row}, sort_keys=True).encode())
    digest.update(f"{catalog.name}|{catalog.version}".encode())
    for rule_set in sorted(rules, key=lambda r: r.rule_set_id):
        digest.update(f"{rule_set.rule_set_id}|{rule_set.effective_from}".encode())
    return digest.hexdigest()[:12]


def build_document(
    settings: TenderSettings,
    entries: list[CameraOutcome],
    costing: Costing,
    rule_sets: list[RuleSet],
    catalog: CatalogInfo,
    as_of: date,
) -> TenderDocument:
    units = settings.units
    types = _camera_types(entries)
    sections = [
        Section("scope", "Scope and background", Part.GENERAL,
                _scope(entries, rule_sets, catalog, as_of)),
        Section("compliance", "Compliance requirements", Part.GENERAL, _compliance(rule_sets)),
        Section("performance", "Performance specification", Part.PRODUCTS,
                _performance(types, units)),
        Section("schedule", "Schedule of cameras", Part.PRODUCTS,
                _schedule(entries, types, units, _short_names(rule_sets))),
        Section("boq", "Bill of quantities", Part.PRODUCTS, _boq(costing)),
        Section("execution", "Execution", Part.EXECUTION, _execution()),
        Section("sources", "Appendix A — Rule sources", Part.APPENDIX, _sources(rule_sets)),
        Section("assumptions", "Appendix B — Assumptions", Part.APPENDIX,
                _assumptions(costing, catalog, units)),
        Section("site_check", "Appendix C — Cameras that need a site check", Part.APPENDIX,
                _site_check(entries, units)),
    ]  # fmt: skip
    sites = tuple(dict.fromkeys(e.camera.site or "Unassigned site" for e in entries))
    return TenderDocument(
        settings.title, settings.project, settings.client, settings.issuer, settings.revision,
        settings.issue_date, sites,
        fingerprint([e.camera for e in entries], catalog, rule_sets),
        settings.layout, settings.section_number, tuple(_number(sections, settings.layout)),
    )  # fmt: skip


def _number(sections: list[Section], layout: Layout) -> list[Section]:
    """CSI: 1.1, 1.2 within parts 1–3; NBS: clauses 110, 120 …; appendices A, B, C."""
    out = []
    counters: dict[Part, int] = {}
    parts = [Part.GENERAL, Part.PRODUCTS, Part.EXECUTION]
    clause = 100
    for section in sections:
        if section.part is Part.APPENDIX:
            out.append(section)
            continue
        counters[section.part] = counters.get(section.part, 0) + 1
        if layout is Layout.CSI:
            number = f"{parts.index(section.part) + 1}.{counters[section.part]:02d}"
        else:
            clause += 10
            number = str(clause)
        out.append(Section(section.key, section.title, section.part, section.blocks, number))
    return out


# ------------------------------------------------------------------------------ sections


def _scope(
    entries: list[CameraOutcome], rule_sets: list[RuleSet], catalog: CatalogInfo, as_of: date
) -> tuple[Block, ...]:
    counts = {v: sum(1 for e in entries if e.verdict is v) for v in Verdict}
    sites = len({e.camera.site or "" for e in entries})
    matched = sum(1 for e in entries if e.offer is not None)
    names = "; ".join(r.title for r in rule_sets)
    return (
        Text(
            f"This section specifies the removal of surveyed CCTV cameras that the client's "
            f"rules exclude and their replacement with compliant cameras of equal or better "
            f"performance. The survey lists {len(entries)} cameras across {sites} site(s)."
        ),
        Text(
            f"Evaluated on {as_of.isoformat()} against: {names}. "
            f"{counts[Verdict.EXCLUDED]} cameras are excluded and are to be replaced; "
            f"{counts[Verdict.ALLOWED]} are allowed and remain; {counts[Verdict.UNKNOWN]} could "
            f"not be identified with confidence and are listed in Appendix C for a site check."
        ),
        Text(
            f"A basis-of-design replacement is given for {matched} of the excluded cameras. "
            f"Replacement models were chosen from the {catalog.name} (version "
            f"{catalog.version}) and screened against the same rules."
        ),
    )


def _compliance(rule_sets: list[RuleSet]) -> tuple[Block, ...]:
    blocks: list[Block] = [
        Text(
            "Equipment supplied under this contract shall comply with each of the following "
            "rule sets, including where they reach subsidiaries, affiliates and products made "
            "by excluded manufacturers under other brand names (OEM or white-label products)."
        )
    ]
    for rule_set in rule_sets:
        citation = rule_set.citation
        when = f", {citation.date.isoformat()}" if citation.date else ""
        blocks.append(Text(rule_set.title, "label"))
        blocks.append(
            Text(f"Authority: {rule_set.authority}. Jurisdiction: {rule_set.jurisdiction}. "
                 f"In force from {rule_set.effective_from or 'the date of the instrument'}.")
        )  # fmt: skip
        blocks.append(Text(f"Citation: {citation.title}{when}. {citation.url or ''}", "note"))
        for rule in rule_set.rules:
            blocks.append(Text(f"{rule.description} ({rule.severity.value.replace('_', ' ')})",
                               "bullet"))  # fmt: skip
    blocks.append(Text("Supplier attestation", "label"))
    blocks.append(
        Text(
            "The tenderer shall complete and sign the following statement for every model "
            'offered: "We confirm that the equipment offered, including its components and '
            "firmware, is not produced or provided by any entity excluded by the rule sets "
            "above, their subsidiaries or affiliates, and is not such equipment sold under "
            'another name. We will notify the client within 5 working days if this changes."'
        )
    )
    blocks.append(
        Table(
            (
                "Model offered",
                "Manufacturer",
                "Country of the controlling company",
                "Signed",
                "Date",
            ),
            tuple(("", "", "", "", "") for _ in range(4)),
            (3, 3, 3, 2, 1.5),
        )
    )
    return tuple(blocks)


@dataclass
class _CameraType:
    code: str
    basis: CameraModel
    entries: list[CameraOutcome]


def _camera_types(entries: list[CameraOutcome]) -> list[_CameraType]:
    """One type per basis-of-design model, in schedule order: the specification's rows."""
    types: dict[str, _CameraType] = {}
    for entry in entries:
        offer = entry.offer
        if offer is None or entry.verdict is not Verdict.EXCLUDED:
            continue
        key = offer.model.key
        if key not in types:
            types[key] = _CameraType(_type_code(len(types)), offer.model, [])
        types[key].entries.append(entry)
    return list(types.values())


def _type_code(index: int) -> str:
    letters = "ABCDEFGHJKLMNPQRSTUVWXYZ"
    return f"CT-{letters[index % len(letters)]}{'' if index < len(letters) else index // 24}"


def _performance(types: list[_CameraType], units: UnitSystem) -> tuple[Block, ...]:
    blocks: list[Block] = [
        Text(
            "Each camera type below is specified by the performance it shall deliver. The "
            "basis-of-design model shows that the performance is available; it is not a "
            "requirement to supply that model. An equivalent is a product that meets or "
            "exceeds every figure stated for the type, is made by a manufacturer not excluded "
            "by the compliance requirements, and fits the stated mounting, as shown by the "
            "tenderer's datasheets. Image detail levels follow IEC 62676-4:2015."
        )
    ]
    for camera_type in types:
        reqs = [e.requirement for e in camera_type.entries if e.requirement is not None]
        offers = [e.offer for e in camera_type.entries if e.offer is not None]
        basis = camera_type.basis
        blocks.append(
            Text(
                f"Camera type {camera_type.code} ({len(camera_type.entries)} "
                f"nr): {reqs[0].form_family.value.value if reqs else ''}",
                "label",
            )
        )
        rows = [
            ("Minimum horizontal resolution", _min_pixels(reqs, offers)),
            ("Pixel density at the target", _density_clause(camera_type.entries, units)),
            ("Horizontal field of view", _hfov_clause(reqs)),
            ("Lens", _lens_clause(reqs)),
            ("Infrared illumination", _max_clause([r.min_ir_m.value for r in reqs if r.min_ir_m],
                                                  lambda v: f"at least {fmt.length(v, units)}")),
            ("Ingress protection", _first([r.min_ip.value for r in reqs if r.min_ip],
                                          "IEC 60529 {} or better", "not required (indoor)")),
            ("Impact protection", _first([r.min_ik.value for r in reqs if r.min_ik],
                                         "IEC 62262 {} or better", "not required")),
            ("Operating temperature", _temperature(basis)),
            ("Power", _power_clause(reqs)),
            ("Interoperability", "ONVIF Profile " + ", ".join(basis.onvif_profiles)
             if basis.onvif_profiles else "ONVIF Profile S and T (conformance to be shown)"),
            ("Basis of design", f"{basis.vendor_id} {basis.model} or equivalent"),
        ]  # fmt: skip
        blocks.append(Table(("Requirement", "Minimum performance"), tuple(rows), (1, 2.2)))
    if not types:
        blocks.append(Text("No excluded camera has a replacement in the catalog.", "note"))
    return tuple(blocks)


def _min_pixels(reqs: list[Requirement], offers: list[Offer]) -> str:
    needed = [r.px_across_scene.value for r in reqs if r.px_across_scene]
    if not needed:
        return "as the basis of design"
    return f"{max(needed)} px across the scene (the existing camera's view)"


def _density_clause(entries: list[CameraOutcome], units: UnitSystem) -> str:
    worst: tuple[float, str] | None = None
    for entry in entries:
        req = entry.requirement
        if req is None or req.dori is None or req.distance_m is None:
            continue
        need = optics.DORI_PX_PER_M[req.dori.value]
        text = (
            f"{req.dori.value.value} ({fmt.density(need, units)}) at "
            f"{fmt.length(req.distance_m.value, units)}"
        )
        if worst is None or need / req.distance_m.value > worst[0]:
            worst = (need / req.distance_m.value, text)
    return worst[1] if worst else "not stated by the survey: keep the existing detail"


def _hfov_clause(reqs: list[Requirement]) -> str:
    angles = [r.scene_hfov_deg.value for r in reqs if r.scene_hfov_deg]
    if not angles:
        return "as the basis of design"
    low, high = min(angles), max(angles)
    if abs(high - low) < 0.5:
        return f"able to cover {fmt.angle(high)}"
    return f"adjustable to cover {fmt.angle(low)} to {fmt.angle(high)}"


def _lens_clause(reqs: list[Requirement]) -> str:
    angles = {round(r.scene_hfov_deg.value) for r in reqs if r.scene_hfov_deg}
    tele = [r.old_tele_hfov_deg.value for r in reqs if r.old_tele_hfov_deg]
    if tele:
        return f"motorised zoom reaching {fmt.angle(min(tele))} or narrower"
    return "varifocal or motorised" if len(angles) > 1 else "fixed, varifocal or motorised"


def _max_clause(values: list[float], text: Callable[[float], str]) -> str:
    return text(max(values)) if values else "not required"


def _first(values: list[str], template: str, otherwise: str) -> str:
    return template.format(max(values)) if values else otherwise


def _temperature(model: CameraModel) -> str:
    if model.temp_min_c is None or model.temp_max_c is None:
        return "to suit the location (basis-of-design figure not known)"
    return f"{model.temp_min_c:g} °C to {model.temp_max_c:g} °C or wider"


def _power_clause(reqs: list[Requirement]) -> str:
    budgets = [r.max_power_w.value for r in reqs if r.max_power_w]
    if not budgets:
        return "PoE (IEEE 802.3af/at/bt); class to be stated by the tenderer"
    budget = min(budgets)
    poe_class = port_class(budget)
    if poe_class is None:
        return f"no more than {fmt.power(budget)}"
    return (
        f"PoE, no more than {fmt.power(POE_BUDGET_W[poe_class])} at the device "
        f"(IEEE 802.3 class {poe_class}), to reuse the existing switch ports"
    )


def _short_names(rule_sets: list[RuleSet]) -> dict[str, str]:
    """'US NDAA FY2019 §889 — covered …' → 'US NDAA FY2019 §889', for narrow table cells."""
    return {r.rule_set_id: r.title.split(" — ")[0].strip() for r in rule_sets}


def _schedule(
    entries: list[CameraOutcome],
    types: list[_CameraType],
    units: UnitSystem,
    short_names: dict[str, str],
) -> tuple[Block, ...]:
    type_of = {e.camera.source_row: t.code for t in types for e in t.entries}
    rows = []
    for entry in entries:
        if entry.verdict is not Verdict.EXCLUDED:
            continue
        camera, offer = entry.camera, entry.offer
        why = "; ".join(dict.fromkeys(
            short_names.get(r.rule_set_id, r.rule_set_id) for r in entry.decision.reasons
        ))  # fmt: skip
        replacement = "no match: see Appendix C"
        mount = ""
        if offer is not None:
            replacement = f"{type_of.get(camera.source_row, '')}: {offer.model.vendor_id} " \
                          f"{offer.model.model} or equivalent"  # fmt: skip
            if entry.status is Status.OVERRIDDEN and entry.override is not None:
                replacement += f" (overridden: {entry.override.note or 'chosen by the user'})"
            mount = (
                "; ".join(
                    (u.accessory.part_number if u.accessory else f"{u.purpose}: to confirm")
                    for u in offer.accessories
                )
                or "direct"
            )
        rows.append((
            camera.display_tag,
            " / ".join(filter(None, (camera.site, camera.location))),
            f"{camera.make or '?'} {camera.model or '?'}",
            why,
            replacement,
            mount,
            _dori_before_after(entry, units),
        ))  # fmt: skip
    return (
        Text("Every excluded camera, with the reason, the replacement type and its basis of "
             "design, the mounting, and the image detail at the target before and after."),
        Table(("Tag", "Site / location", "Existing", "Excluded under", "Replacement",
               "Mount / adapter", "Detail at target: before → after"), tuple(rows),
              (1, 2.2, 2, 2, 2.8, 1.6, 2.2)),
    )  # fmt: skip


def _dori_before_after(entry: CameraOutcome, units: UnitSystem) -> str:
    """The outcome's own before and after, so the schedule says what the app says."""
    req = entry.requirement
    if req is None or req.distance_m is None:
        return "no target distance"
    before, after = entry.detail_before, entry.detail_after
    shown_before = fmt.detail(_at(before), units) if before else "unknown"
    shown_after = fmt.detail(_at(after), units) if after else "—"
    return f"{shown_before} → {shown_after} at {fmt.length(req.distance_m.value, units)}"


def _at(detail: Detail) -> Detail:
    """The detail without its distance: the schedule states the distance once per row."""
    return Detail(detail.density_px_per_m)


def _boq(costing: Costing) -> tuple[Block, ...]:
    settings = costing.settings
    blocks: list[Block] = [
        Text(f"Prices in {settings.currency}. Indicative prices are for budgeting; tenderers "
             "price their own offer. Items without a price are listed and are not in the totals.")
    ]  # fmt: skip
    for site in costing.sites:
        rows = [_line_row(line) for line in site.lines]
        rows.append(("", f"Subtotal — {site.site}", "", "", "", _amount(site.subtotal.amount)))
        blocks.append(Text(site.site, "label"))
        blocks.append(
            Table(("Item", "Description", "Qty", "Unit", "Rate", "Amount"), tuple(rows),
                  (2.2, 4, 0.8, 0.7, 1.3, 1.4), numeric=(2, 4, 5), totals=(len(rows) - 1,))
        )  # fmt: skip
    summary = [
        ("Subtotal", _amount(costing.subtotal.amount)),
        (f"Contingency ({pct(settings.contingency_pct)}%)", _amount(costing.contingency.amount)),
    ]
    if settings.margin_pct:
        summary.append((f"Margin ({pct(settings.margin_pct)}%)", _amount(costing.margin.amount)))
    summary += [
        ("Net total", _amount(costing.net.amount)),
        (f"{settings.tax_name} ({pct(settings.tax_pct)}% on the net total)",
         _amount(costing.tax.amount)),
        (f"Total ({settings.currency})", _amount(costing.total.amount)),
    ]  # fmt: skip
    blocks.append(Text("Summary", "label"))
    blocks.append(Table(("", settings.currency), tuple(summary), (4, 1.5), numeric=(1,),
                        totals=(len(summary) - 1,)))  # fmt: skip
    if costing.missing:
        blocks.append(Text(f"{len(costing.missing)} item(s) have no price and are excluded "
                           "from the totals:", "label"))  # fmt: skip
        for line in costing.missing:
            blocks.append(Text(f"{line.site}: {line.quantity} × {line.description} "
                               f"({line.item})", "bullet"))  # fmt: skip
    rates = settings.exchange.rates
    if rates:
        blocks.append(Text("Exchange rates used (fixed for this project): " + "; ".join(
            f"1 {code} = {rate} {settings.exchange.base}" for code, rate in sorted(rates.items())
        ), "note"))  # fmt: skip
    sources = costing.price_sources
    blocks.append(Text("Price sources: " + ("; ".join(sources) if sources else "none"), "note"))
    for warning in costing.warnings:
        blocks.append(Text(warning, "note"))
    return tuple(blocks)


def pct(value: Decimal) -> str:
    return f"{value.normalize():f}"


def _line_row(line: CostLine) -> tuple[str, ...]:
    return (
        line.item,
        line.description,
        f"{line.quantity.normalize():f}",
        line.unit,
        _amount(line.unit_price.amount) if line.unit_price else "no price",
        _amount(line.total.amount) if line.total else "—",
    )


def _amount(value: Decimal) -> str:
    return f"{value.quantize(Decimal('0.01'), rounding=ROUND_HALF_UP):,.2f}"


def _execution() -> tuple[Block, ...]:
    clauses = [
        ("Removal and disposal", "Isolate and remove each scheduled camera, its mount where it "
         "is replaced, and redundant cabling at the camera position. Record the serial number "
         "and MAC address of every removed unit. Dispose of removed equipment through a licensed "
         "WEEE route and hand the client the waste transfer notes. Wipe or destroy any storage "
         "media before the equipment leaves site."),
        ("Installation", "Install each replacement at the surveyed position on the scheduled "
         "mount or adapter. Where no adapter covers the old fixing, make good the surface to "
         "match. Reuse the existing cable and switch port where the power clause allows; "
         "terminate and label to the client's standard."),
        ("Commissioning", "Set the field of view and focus to achieve the scheduled detail "
         "level at the target distance and demonstrate it with a test target or an IEC "
         "62676-4 chart. Configure time, users and passwords, disable unused services, update "
         "firmware to the current release, and add each camera to the video management "
         "system."),
        ("As-built records", "Provide a schedule of installed cameras (tag, model, serial, MAC, "
         "IP address, firmware, mount), a reference image from each camera, and the commissioning "
         "results, within 10 working days of completion."),
        ("Training", "Train the client's operators and administrators on the new cameras' "
         "functions and maintenance."),
    ]  # fmt: skip
    blocks: list[Block] = []
    for title, text in clauses:
        blocks.append(Text(title, "label"))
        blocks.append(Text(text))
    return tuple(blocks)


def _sources(rule_sets: list[RuleSet]) -> tuple[Block, ...]:
    rows = []
    for rule_set in rule_sets:
        c = rule_set.citation
        rows.append((rule_set.title, c.title, c.url or "", c.date.isoformat() if c.date else ""))
        for rule in rule_set.rules:
            if rule.citation is not None:
                d = rule.citation.date.isoformat() if rule.citation.date else ""
                rows.append(("", rule.citation.title, rule.citation.url or "", d))
    return (Table(("Rule set", "Source", "Address", "Date"), tuple(rows), (2.2, 3, 3, 1)),)


def _assumptions(costing: Costing, catalog: CatalogInfo, units: UnitSystem) -> tuple[Block, ...]:
    s = costing.settings
    levels = "; ".join(
        f"{level.value} {fmt.density(need, units)}" for level, need in optics.DORI_PX_PER_M.items()
    )
    install = ", ".join(f"{family.value} {hours} h" for family, hours in s.install_hours.items())
    return (
        Text(f"Image detail levels ({optics.DORI_CITATION}): {levels}.", "bullet"),
        Text(
            "Where the survey gives no detail level, a replacement keeps what the existing "
            f"camera had: at least {PIXEL_TOLERANCE:.0%} of its pixels across the same view.",
            "bullet",
        ),
        Text(
            f"Labour at {s.currency} {s.labour_rate} per hour: removal {s.remove_hours} h, "
            f"configuration {s.configure_hours} h per camera; installation {install}.",
            "bullet",
        ),
        Text(
            f"Access equipment at {s.currency} {s.access_day_rate} per site day for cameras "
            f"at height ({s.hours_per_day} working hours a day); disposal {s.currency} "
            f"{s.disposal_per_camera} per camera.",
            "bullet",
        ),
        Text(
            f"Catalog: {catalog.name} version {catalog.version}. Catalog figures marked "
            "unverified were not read on the manufacturer's datasheet; tenderers shall "
            "confirm every figure from their own datasheets.",
            "bullet",
        ),
    )


def _site_check(entries: list[CameraOutcome], units: UnitSystem) -> tuple[Block, ...]:
    rows = []
    for entry in entries:
        camera, decision, status = entry.camera, entry.decision, entry.status
        existing = f"{camera.make or '?'} {camera.model or '?'}"
        if status is Status.UNKNOWN:
            reason = "; ".join(decision.warnings) or "maker not identified"
            rows.append((camera.display_tag, camera.site or "", existing, "identify on site",
                         reason))  # fmt: skip
        elif status is Status.NO_REPLACEMENT:
            reason = fmt.no_match(entry.match.no_match if entry.match else None, units)
            rows.append((camera.display_tag, camera.site or "", existing, "no catalog match",
                         reason or "no requirement"))  # fmt: skip
    if not rows:
        return (Text("None: every camera was identified and every excluded camera matched."),)
    return (
        Text("These cameras are to be inspected on site before the order is placed: label, "
             "firmware and MAC address for identification; the view and mounting for those "
             "without a catalog match."),
        Table(("Tag", "Site", "Existing", "Action", "Reason"), tuple(rows),
              (1, 1.8, 2.2, 1.5, 5)),
    )  # fmt: skip
