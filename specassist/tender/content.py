"""Write the tender's content from the pipeline's results: survey → flags → matches → costs.

The specification is vendor-neutral: each camera type states the performance
it must deliver, and the matched model appears only as "basis of design … or
equivalent", with what "equivalent" means (EU Directive 2014/24/EU Art. 42(4);
UK Procurement Act 2023 s.56 prefers performance requirements).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, replace
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from specassist.domain import formatting as fmt
from specassist.domain import optics
from specassist.domain.catalog import CameraModel, CatalogInfo, RuleSet
from specassist.domain.costing import ACCESS_HEIGHT_M, Costing, CostLine
from specassist.domain.formatting import UnitSystem
from specassist.domain.issues import InputIssue
from specassist.domain.matching import Offer
from specassist.domain.measures import Detail
from specassist.domain.outcome import CameraOutcome, Status
from specassist.domain.project_settings import Layout, TenderSettings
from specassist.domain.requirements import (
    PIXEL_TOLERANCE,
    POE_BUDGET_W,
    VANDAL_IK,
    Requirement,
    Sourced,
    port_class,
)
from specassist.domain.rules import Verdict
from specassist.domain.survey import SurveyCamera, SurveyStatus
from specassist.domain.survey_review import survey_review
from specassist.domain.system_plan import SystemPlan
from specassist.tender import clauses as clause_sets
from specassist.tender import package
from specassist.tender.clauses import Climate
from specassist.tender.document import (
    Block,
    Part,
    Section,
    Table,
    TenderDocument,
    Text,
    nobreak,
)
from specassist.tender.package import inputs as pkg
from specassist.tender.plan_content import PlanSheet, plans_section
from specassist.tender.system_content import system_inputs, with_system_sections
from specassist.tender.wording import localise


def fingerprint(
    cameras: Iterable[SurveyCamera],
    catalog: CatalogInfo,
    rules: list[RuleSet],
    costing: Costing | None = None,
    issue_date: date | None = None,
    clause_set: str = "",
    system: str = "",
) -> str:
    """A short hash of everything the document says, printed on every page.

    Covers the survey rows, the catalog version, each rule set's version (its
    id, dates and rules), the prices used (item, rate, source), the currency and
    its exchange rates, every cost setting, the clause set and the issue date:
    change any of them and the fingerprint changes.
    """
    digest = hashlib.sha256()
    for camera in cameras:
        digest.update(json.dumps(camera.raw or {"row": camera.source_row}, sort_keys=True).encode())
    digest.update(f"{catalog.name}|{catalog.version}".encode())
    for rule_set in sorted(rules, key=lambda r: r.rule_set_id):
        digest.update(
            f"{rule_set.rule_set_id}|{rule_set.effective_from}|{rule_set.effective_until}|"
            f"{rule_set.citation.date}|{[(r.description, r.severity) for r in rule_set.rules]}"
            .encode()
        )  # fmt: skip
    if costing is not None:
        settings = asdict(costing.settings)
        digest.update(json.dumps(settings, sort_keys=True, default=str).encode())
        for line in costing.lines:
            rate = line.unit_price.amount if line.unit_price else None
            digest.update(f"{line.item}|{line.quantity}|{rate}|{line.source}".encode())
    digest.update(f"{issue_date}|{clause_set}|{system}".encode())
    return digest.hexdigest()[:12]


def build_document(
    settings: TenderSettings,
    entries: list[CameraOutcome],
    costing: Costing,
    rule_sets: list[RuleSet],
    catalog: CatalogInfo,
    as_of: date,
    vendor_names: Mapping[str, str] | None = None,
    system: SystemPlan | None = None,
    plans: Sequence[PlanSheet] = (),
    survey_issues: Sequence[InputIssue] | None = None,
) -> TenderDocument:
    """The tender; with ``system``, also its recording, network, device and phasing sections;
    with ``plans``, an appendix of site plans showing the replacements' coverage; with
    ``survey_issues`` (the reading's issues), an appendix of them and of repeated tags."""
    units = settings.units
    names = _Names(vendor_names or {})
    types = _camera_types(entries)
    clause_set = clause_sets.load(settings.clauses or settings.jurisdiction)
    profile = clause_set.profile
    climate = profile.climate
    sections = [
        Section("scope", "Scope and background", Part.GENERAL,
                _scope(entries, rule_sets, catalog, as_of)),
        Section("compliance", "Compliance requirements", Part.GENERAL, _compliance(rule_sets)),
        Section("performance", "Performance specification", Part.PRODUCTS,
                _performance(types, units, names, climate)),
        Section("schedule", "Schedule of cameras", Part.PRODUCTS,
                _schedule(entries, types, units, _short_names(rule_sets), names)),
        Section("boq", "Bill of quantities", Part.PRODUCTS, _boq(costing, names)),
        Section("execution", "Execution", Part.EXECUTION, _execution()),
        Section("sources", "Appendix A — Rule sources", Part.APPENDIX, _sources(rule_sets)),
        Section("assumptions", "Appendix B — Assumptions", Part.APPENDIX,
                _assumptions(costing, catalog, units, climate)),
        Section("site_check", "Appendix C — Cameras that need a site check", Part.APPENDIX,
                _site_check(entries, units)),
    ]  # fmt: skip
    appendix = plans_section(plans, letter="D")
    if appendix is not None:
        sections.append(appendix)
    if settings.package:  # the client's estimate is not issued to bidders: it is the --boq file
        sections = [s for s in sections if s.key != "boq"]
    inputs = _package_inputs(entries, types, costing, units, climate)
    if survey_issues is not None:
        review = survey_review([e.camera for e in entries], survey_issues)
        inputs = replace(inputs, survey_issues=tuple(
            pkg.SurveyIssue(line.tag, line.row, line.message) for line in review))  # fmt: skip
    if system is not None:
        tags = {e.id: e.camera.display_tag for e in entries}
        estimate = None if settings.package else costing
        inputs = replace(inputs, system=system_inputs(system, estimate, names.vendor,
                                                      lambda i: tags.get(i, str(i))))  # fmt: skip
    ctx = package.PackageContext(
        clause_set, inputs,
        pkg.Money(costing.settings.currency, tuple(sorted(costing.settings.exchange.rates.items())),
                  costing.settings.price_date),
        settings.title, settings.client, settings.issue_date, settings.weights, settings.package,
    )  # fmt: skip
    sections = with_system_sections(ctx, sections)
    layout = settings.layout
    sites = tuple(dict.fromkeys(e.camera.site or "Unassigned site" for e in entries))
    section_number = settings.section_number
    if layout is Layout.NBS and profile.work_section:
        section_number = f"{profile.work_section} {profile.work_section_title}"
    document = TenderDocument(
        settings.title, settings.project, settings.client, settings.issuer, settings.revision,
        settings.issue_date, sites,
        fingerprint([e.camera for e in entries], catalog, rule_sets, costing,
                    settings.issue_date, clause_set.label,
                    repr(system.settings) if system else ""),
        layout, section_number, package.assemble(ctx, sections, layout, settings.package),
        page=profile.page, dates=profile.dates,
        part_titles=tuple((part, title) for part, (_, title) in clause_set.parts.items())
        if settings.package else (),
        kind=_kind(settings, clause_set, section_number),
        pricing=package.pricing.schedule(inputs) if settings.package else (),
        currency=costing.settings.currency, total_label=package.pricing.total_label(ctx),
    )  # fmt: skip
    return localise(document, profile, _surveyed(entries))


def _surveyed(entries: list[CameraOutcome]) -> set[str]:
    """Every piece of text the survey gave, which the document prints as it was written."""
    out: set[str] = set()
    for entry in entries:
        c = entry.camera
        out.update(t for t in (c.tag, c.site, c.location, c.make, c.model, c.notes) if t)
        out.update(c.extra.values())
    return out


def _kind(settings: TenderSettings, clause_set: clause_sets.ClauseSet, number: str) -> str:
    if settings.layout is Layout.CSI:
        spec = f"Specification section {number} (CSI MasterFormat three-part format)"
    else:
        spec = f"Specification work section {number} (NBS clause structure)"
    if settings.package:
        return f"Invitation to tender — {clause_set.title}. Part B: {spec}"
    return spec + ", with the client's cost estimate"


class _Names:
    """Vendors as people know them ("Hanwha Vision"), from the catalog's ``Vendor.name``."""

    def __init__(self, names: Mapping[str, str]) -> None:
        self.names = names

    def vendor(self, vendor_id: str) -> str:
        return self.names.get(vendor_id, vendor_id)

    def model(self, model: CameraModel) -> str:
        return f"{self.vendor(model.vendor_id)} {nobreak(model.model)}"

    def item(self, item: str) -> str:
        """A costing item ``vendor:part`` as "Vendor PART"; other items unchanged."""
        vendor, sep, part = item.partition(":")
        return f"{self.vendor(vendor)} {nobreak(part)}" if sep else item

    def description(self, text: str) -> str:
        vendor, sep, rest = text.partition(" ")
        return f"{self.vendor(vendor)} {rest}" if sep and vendor in self.names else text


def _package_inputs(
    entries: list[CameraOutcome],
    types: list[_CameraType],
    costing: Costing,
    units: UnitSystem,
    climate: Climate,
) -> pkg.PackageInputs:
    """The counts and rows the package builders read, summed from the schedule entries."""
    type_of = {id(e): t.code for t in types for e in t.entries}
    scopes: dict[str, dict[str, list[int]]] = {}
    """Per site and type: cameras to supply, of them needing an adapter, positions replaced."""
    extra: dict[str, list[int]] = {}
    devices, notes = [], []
    for entry in entries:
        camera = entry.camera
        site = camera.site or "Unassigned site"
        text = " ".join(filter(None, (camera.location, camera.notes, *camera.extra.values())))
        if text:
            notes.append(pkg.SiteNote(site, camera.display_tag, text[:2000]))
        if entry.verdict is not Verdict.EXCLUDED or entry.status is Status.NOT_A_CAMERA:
            continue  # a recorder or door station is priced as itself, not as a camera
        code = type_of.get(id(entry), "")
        counts = extra.setdefault(site, [0, 0, 0])
        if code and entry.offer is not None:
            row = scopes.setdefault(site, {}).setdefault(code, [0, 0, 0])
            row[0] += entry.offer.quantity
            row[1] += entry.offer.quantity if entry.offer.accessories else 0
            row[2] += 1
        else:
            scopes.setdefault(site, {})
            counts[0] += 1
        counts[2] += 1 if entry.offer is not None and entry.offer.make_good else 0
        high = (camera.height_m or 0) > ACCESS_HEIGHT_M
        counts[1] += 1 if high or camera.status is SurveyStatus.NEEDS_LADDER else 0
        devices.append(pkg.DeviceLine(camera.display_tag, site, camera.location or "",
                                      code or "to confirm"))  # fmt: skip
    return pkg.PackageInputs(
        surveyed=len(entries),
        excluded=sum(1 for e in entries if e.verdict is Verdict.EXCLUDED),
        unknown=sum(1 for e in entries if e.verdict is Verdict.UNKNOWN),
        sites=tuple(dict.fromkeys(e.camera.site or "Unassigned site" for e in entries)),
        types=tuple(
            pkg.CameraTypeSpec(t.code, t.entries[0].requirement.form_family.value.value
                               if t.entries[0].requirement else t.basis.form_factor.value,
                               len(t.entries), tuple(_type_rows(t, units, climate)))
            for t in types
        ),
        scopes=tuple(
            pkg.SiteScope(site, tuple(pkg.TypeQuantity(code, n, m, positions)
                                      for code, (n, m, positions) in by_type.items()),
                          extra[site][0], extra[site][1], extra[site][2])
            for site, by_type in scopes.items()
        ),
        devices=tuple(devices), notes=tuple(notes),
        price_notices=costing.notices,
    )  # fmt: skip


# ------------------------------------------------------------------------------ sections


def _scope(
    entries: list[CameraOutcome], rule_sets: list[RuleSet], catalog: CatalogInfo, as_of: date
) -> tuple[Block, ...]:
    counts = {v: sum(1 for e in entries if e.verdict is v) for v in Verdict}
    sites = len({e.camera.site or "" for e in entries})
    matched = sum(1 for e in entries if e.offer is not None)
    deviating = sum(1 for e in entries if e.deviations)
    names = "; ".join(r.title for r in rule_sets)
    declared = (
        f" For {deviating} of them no compliant model meets every requirement: each shortfall "
        "is declared, in figures, in the schedule of cameras."
        if deviating
        else ""
    )
    return (
        Text(
            f"This section specifies the removal of surveyed CCTV cameras that the client's "
            f"rules exclude and their replacement with compliant cameras meeting the "
            f"performance stated for each camera type.{declared} The survey lists "
            f"{fmt.device_count(e.device_class for e in entries)} across {sites} site(s)."
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


def _performance(
    types: list[_CameraType], units: UnitSystem, names: _Names, climate: Climate
) -> tuple[Block, ...]:
    blocks: list[Block] = [
        Text(
            "Each camera type below is specified by the performance it shall deliver. The "
            "basis-of-design model shows that the performance is available; it is not a "
            "requirement to supply that model. An equivalent is a product that meets or "
            "exceeds every figure stated for the type — or, where a deviation of the basis of "
            "design is declared, falls no further short of it — is made by a manufacturer not "
            "excluded by the compliance requirements, and fits the stated mounting, as shown by "
            "the tenderer's datasheets. Image detail levels follow IEC 62676-4:2015."
        )
    ]
    for camera_type in types:
        reqs = [e.requirement for e in camera_type.entries if e.requirement is not None]
        blocks.append(
            Text(
                f"Camera type {camera_type.code} ({len(camera_type.entries)} "
                f"nr): {reqs[0].form_family.value.value if reqs else ''}",
                "label",
            )
        )
        rows = [
            *_type_rows(camera_type, units, climate),
            ("Basis of design", f"{names.model(camera_type.basis)} or equivalent"),
        ]
        blocks.append(Table(("Requirement", "Minimum performance"), tuple(rows), (1, 2.2)))
        deviating = [e.camera.display_tag for e in camera_type.entries if e.deviations]
        if deviating:
            blocks.append(Text(_deviating_note(deviating), "note"))
    if not types:
        blocks.append(Text("No excluded camera has a replacement in the catalog.", "note"))
    return tuple(blocks)


def _type_rows(
    camera_type: _CameraType, units: UnitSystem, climate: Climate
) -> list[tuple[str, str]]:
    """The type's requirements (requirement, minimum performance), for the specification and
    the bidders' compliance matrix alike: from what the scenes need, never copied from the
    basis of design's datasheet; what the survey does not say is to be confirmed at survey."""
    entries = camera_type.entries
    reqs = [e.requirement for e in entries if e.requirement is not None]
    offers = [e.offer for e in entries if e.offer is not None]
    return [
        ("Minimum horizontal resolution", _min_pixels(reqs, offers)),
        ("Pixel density at the target", _density_clause(entries, units)),
        ("Horizontal field of view", _hfov_clause(reqs)),
        ("Lens", _lens_clause(reqs)),
        ("Infrared illumination", _max_clause([r.min_ir_m.value for r in reqs if r.min_ir_m],
                                              lambda v: f"at least {fmt.length(v, units)}")),
        ("Ingress protection", _ingress_clause(entries)),
        ("Impact protection", _impact_clause(entries)),
        ("Operating temperature", _temperature_clause(entries, climate)),
        ("Power", _power_clause(reqs)),
        ("Interoperability", ONVIF_CLAUSE),
        *_arrangement_rows(offers, units),
    ]  # fmt: skip


CONFIRM = "to be confirmed at survey"
ONVIF_CLAUSE = (
    "ONVIF Profile S and T, shown by the ONVIF conformant products list "
    "(Profile G or M where the client asks for edge recording or analytics)"
)
"""The same for every type: what the recording side needs, not what one model happens to list."""


def _ingress_clause(entries: list[CameraOutcome]) -> str:
    ratings = [e.requirement.min_ip for e in entries if e.requirement]
    return _protection_clause(
        "IEC 60529", ratings, all(e.camera.outdoor is False for e in entries),
        "not required (indoor)",
        f"{CONFIRM}: indoor or outdoor not recorded (IEC 60529 IP66 or better outdoors)",
    )  # fmt: skip


def _impact_clause(entries: list[CameraOutcome]) -> str:
    ratings = [e.requirement.min_ik for e in entries if e.requirement]
    return _protection_clause(
        "IEC 62262", ratings, all(e.camera.vandal_risk is False for e in entries),
        "not required",
        f"IEC 62262 {VANDAL_IK} or better where the camera is within reach ({CONFIRM})",
    )  # fmt: skip


def _protection_clause(
    standard: str, ratings: list[Sourced[str] | None], surveyed_none: bool, none: str,
    unknown: str,
) -> str:  # fmt: skip
    """The highest rating a camera of the type needs; else "not required" only where the
    survey says so for every camera, and "to be confirmed" where it does not say."""
    needed = [r.value for r in ratings if r is not None]
    if needed:
        return f"{standard} {max(needed)} or better"
    return none if surveyed_none else unknown


def _temperature_clause(entries: list[CameraOutcome], climate: Climate) -> str:
    """The jurisdiction's range for where the cameras are (``Climate``), not a datasheet's."""
    places = {e.camera.outdoor for e in entries}
    low, high = climate.outdoor_c if True in places else climate.indoor_c
    text = f"{low:g} °C to {high:g} °C or wider"
    if None in places:
        return f"{text} ({CONFIRM}: indoor or outdoor not recorded)"
    return text + (" (outdoors)" if True in places else " (indoors)")


LISTED_TAGS = 12
"""Tags a type's notes name one by one; beyond this they give the count, and the schedule of
cameras, which lists every camera, carries the detail."""


def _deviating_note(tags: list[str]) -> str:
    """Which cameras of a type carry declared deviations; their figures are in the schedule's
    table of declared deviations, printed once rather than again for every type."""
    named = ", ".join(tags[:LISTED_TAGS])
    more = f" and {len(tags) - LISTED_TAGS} more" if len(tags) > LISTED_TAGS else ""
    return (
        f"Declared deviations of the basis of design: {len(tags)} camera(s) of this type "
        f"({named}{more}); each deviation, with its figures and reason, is listed under "
        '"Declared deviations" in the schedule of cameras.'
    )


def _arrangement_rows(offers: list[Offer], units: UnitSystem) -> list[tuple[str, str]]:
    """Where a position takes more than one camera (a scene split between narrower lenses):
    the figures above are for the whole scene, shared between them. A few splits are named;
    many are counted, each being stated for its camera in the schedule."""
    split = [o for o in offers if o.arrangement]
    arranged = sorted({fmt.note(o.arrangement, units) for o in split})
    if not arranged:
        return []
    if len(arranged) <= 3:
        return [("Arrangement", "; ".join(arranged))]
    counts = "/".join(str(n) for n in sorted({o.quantity for o in split}))
    return [("Arrangement", f"{len(split)} positions take {counts} cameras side by side, each "
             "covering part of the scene; the split for each position is stated in the "
             "schedule of cameras")]  # fmt: skip


def _min_pixels(reqs: list[Requirement], offers: list[Offer]) -> str:
    needed = [r.px_across_scene.value for r in reqs if r.px_across_scene]
    if not needed:
        return f"{CONFIRM}: the existing camera's picture size is not known"
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
        return f"{CONFIRM}: the existing view is not known"
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
    names: _Names,
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
        if entry.status is Status.NOT_A_CAMERA:
            replacement = f"not a camera ({entry.identification.device_class.value}): see " \
                          "the recording and other-device sections"  # fmt: skip
        mount = ""
        if offer is not None:
            count = f"{offer.quantity} × " if offer.quantity > 1 else ""
            replacement = f"{type_of.get(camera.source_row, '')}: {count}" \
                          f"{names.model(offer.model)} or equivalent"  # fmt: skip
            if offer.arrangement is not None:
                replacement += f" ({fmt.note(offer.arrangement, units)})"
            if entry.status is Status.OVERRIDDEN and entry.override is not None:
                replacement += f" (overridden: {entry.override.note or 'chosen by the user'})"
            mount = (
                "; ".join(
                    (
                        nobreak(u.accessory.part_number)
                        if u.accessory
                        else f"{u.purpose}: to confirm"
                    )
                    for u in offer.accessories
                )
                or "direct"
            )
        rows.append((
            camera.display_tag,
            " / ".join(filter(None, (camera.site, camera.location))),
            f"{camera.make or '?'} {nobreak(camera.model or '?')}",
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
              (1.2, 2.0, 2, 2, 2.8, 1.6, 2.2)),
        *_deviations(entries, units),
    )  # fmt: skip


def _deviations(entries: list[CameraOutcome], units: UnitSystem) -> tuple[Block, ...]:
    """Every declared deviation of what will be installed, with its figures and its reason:
    the schedule never implies a replacement is equal or better where it is not."""
    rows = [
        (entry.camera.display_tag, d.requirement, fmt.needed(d, units),
         fmt.figure(d.offered, units) if d.offered is not None else "not stated",
         fmt.share(d.reach), d.severity.value, fmt.note(d.reason, units))
        for entry in entries if entry.verdict is Verdict.EXCLUDED
        for d in entry.deviations
    ]  # fmt: skip
    if not rows:
        return (Text("Declared deviations: none — every replacement meets every requirement "
                     "stated for its camera.", "note"),)  # fmt: skip
    return (
        Text("Declared deviations", "label"),
        Text("Where no compliant model meets a requirement, the replacement below falls short "
             "of it by the figures stated; a tenderer's equivalent may not fall further short. "
             "\"Confirm\" marks a figure the catalog does not state, to be shown from the "
             "tenderer's datasheet."),
        Table(("Tag", "Requirement", "Needed", "Offered", "Share of need", "Severity",
               "Reason"), tuple(rows), (1, 1.6, 1.8, 1.8, 1, 1, 3.4)),
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


def _boq(costing: Costing, names: _Names) -> tuple[Block, ...]:
    settings = costing.settings
    blocks: list[Block] = [
        Text(f"Prices in {settings.currency}. Indicative prices are for budgeting; tenderers "
             "price their own offer. Items without a price are listed and are not in the totals.")
    ]  # fmt: skip
    for site in costing.sites:
        rows = [_line_row(line, names) for line in site.lines]
        rows.append(("", f"Subtotal — {site.label}", "", "", "", _amount(site.subtotal.amount)))
        blocks.append(Text(site.label, "label"))
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
            blocks.append(Text(f"{line.site}: {line.quantity} × "
                               f"{names.description(line.description)} ({names.item(line.item)})",
                               "bullet"))  # fmt: skip
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


def _line_row(line: CostLine, names: _Names) -> tuple[str, ...]:
    return (
        names.item(line.item),
        names.description(line.description),
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


def _assumptions(
    costing: Costing, catalog: CatalogInfo, units: UnitSystem, climate: Climate
) -> tuple[Block, ...]:
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
            f"Operating temperatures: {climate.outdoor_c[0]:g} °C to {climate.outdoor_c[1]:g} °C "
            f"outdoors and {climate.indoor_c[0]:g} °C to {climate.indoor_c[1]:g} °C indoors"
            + (f", from {climate.basis}" if climate.basis else "")
            + ("." if climate.checked else " (not checked against a published standard)."),
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
        elif status is Status.SITE_CHECK:
            reason = fmt.no_match(entry.match.no_match if entry.match else None, units)
            rows.append((camera.display_tag, camera.site or "", existing, "measure the view",
                         reason))  # fmt: skip
        elif status is Status.NO_REPLACEMENT:
            reason = fmt.no_match(entry.match.no_match if entry.match else None, units)
            rows.append((camera.display_tag, camera.site or "", existing, "no catalog match",
                         reason or "no requirement"))  # fmt: skip
        elif entry.offer is not None and camera.outdoor is None:
            rows.append((camera.display_tag, camera.site or "", existing, "confirm the location",
                         "indoor or outdoor not recorded: ingress protection and operating "
                         "temperature to be confirmed at survey"))  # fmt: skip
    if not rows:
        return (Text("None: every camera was identified and every excluded camera matched."),)
    return (
        Text("These cameras are to be inspected on site before the order is placed: label, "
             "firmware and MAC address for identification; the view and mounting for those "
             "without a catalog match; indoor or outdoor where the survey did not say."),
        Table(("Tag", "Site", "Existing", "Action", "Reason"), tuple(rows),
              (1, 1.8, 2.2, 1.5, 5)),
    )  # fmt: skip
