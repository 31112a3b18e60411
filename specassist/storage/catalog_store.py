"""Copy a whole catalog between domain objects and the catalog tables.

A project keeps a snapshot of the catalog it was analysed with, so it reopens
offline with the same answers; a team database keeps the shared catalog. Both
use these two functions.
"""

from __future__ import annotations

from datetime import date
from typing import Any, cast

from sqlalchemy import Table, delete, select
from sqlalchemy.orm import Session

from specassist.domain.catalog import (
    PRICE_LIST_SOURCE,
    Accessory,
    AccessoryKind,
    CameraModel,
    Catalog,
    CatalogInfo,
    Citation,
    Confidence,
    FormFactor,
    LensType,
    ModelPattern,
    OemRelation,
    OuiPrefix,
    PatternStrength,
    Price,
    PriceType,
    Provenance,
    Provision,
    ProvisionKind,
    Relation,
    Resolution,
    Rule,
    RuleSet,
    RuleSeverity,
    Vendor,
    VendorKind,
)
from specassist.domain.device_class import CameraKind, DeviceClass
from specassist.domain.system import (
    ModelConstant,
    PoeStandard,
    RaidLevel,
    RecorderKind,
    RecorderModel,
    SwitchKind,
    SwitchModel,
    VmsPlatform,
)
from specassist.storage.models import (
    AccessoryRow,
    CameraModelRow,
    CatalogInfoRow,
    ModelPatternRow,
    OemRelationRow,
    OuiPrefixRow,
    PriceRow,
    RecorderModelRow,
    RuleRow,
    RuleSetRow,
    SizingConstantRow,
    SwitchModelRow,
    VendorRow,
    VmsPlatformRow,
)
from specassist.storage.project_file import utcnow

_TABLES = (
    RecorderModelRow,
    VmsPlatformRow,
    SwitchModelRow,
    SizingConstantRow,
    RuleRow,
    RuleSetRow,
    PriceRow,
    AccessoryRow,
    OuiPrefixRow,
    ModelPatternRow,
    CameraModelRow,
    OemRelationRow,
    VendorRow,
    CatalogInfoRow,
)


def _prov(p: Provenance) -> dict[str, Any]:
    return {
        "source": p.source,
        "source_date": p.source_date,
        "verified": p.verified,
        "notes": p.notes,
    }


def _unprov(row: Any) -> Provenance:
    return Provenance(row.source, row.source_date, bool(row.verified), row.notes)


def write_catalog(session: Session, catalog: Catalog, keep_price_lists: bool = False) -> None:
    """Replace the catalog tables' content with ``catalog``.

    With ``keep_price_lists`` the prices a project imported from suppliers'
    lists stay as they are (the same rows, so undoing that import still finds
    them) and ``catalog``'s own such prices are not written again.
    """
    for table in _TABLES:
        if table is PriceRow and keep_price_lists:
            imported = PriceRow.source.startswith(PRICE_LIST_SOURCE + " ", autoescape=True)
            session.execute(delete(PriceRow).where(~imported))
        else:
            session.execute(delete(table))
    info = catalog.info
    session.add(
        CatalogInfoRow(name=info.name, version=info.version, date=info.date, loaded_at=utcnow())
    )
    session.add_all(
        VendorRow(
            vendor_id=v.vendor_id,
            name=v.name,
            legal_name=v.legal_name,
            aliases=list(v.aliases),
            kind=v.kind.value,
            country=v.country,
            control_country=v.control_country,
            parent_vendor_id=v.parent_vendor_id,
            **_prov(v.provenance),
        )
        for v in catalog.vendors
    )
    session.add_all(
        OemRelationRow(
            brand_id=r.brand_id,
            maker_id=r.maker_id,
            relation=r.relation.value,
            all_products=r.all_products,
            confidence=r.confidence.value,
            valid_from=r.valid_from,
            valid_until=r.valid_until,
            **_prov(r.provenance),
        )
        for r in catalog.oem_relations
    )
    if catalog.models:  # a bulk insert: a team's catalog can hold tens of thousands
        models = cast(Table, CameraModelRow.__table__)  # Core: one statement for every row
        session.execute(models.insert(), [_model_values(m) for m in catalog.models])
    session.add_all(
        ModelPatternRow(
            maker_id=p.maker_id,
            pattern=p.pattern,
            form_factor=p.form_factor.value if p.form_factor else None,
            brand_ids=list(p.brand_ids),
            must_match=list(p.must_match),
            must_not_match=list(p.must_not_match),
            device_class=p.device_class.value if p.device_class else None,
            camera_kind=p.camera_kind.value if p.camera_kind else None,
            strength=p.strength.value,
            **_prov(p.provenance),
        )
        for p in catalog.model_patterns
    )
    session.add_all(
        OuiPrefixRow(
            prefix=o.prefix, registrant=o.registrant, vendor_id=o.vendor_id, **_prov(o.provenance)
        )
        for o in catalog.oui_prefixes
    )
    session.add_all(
        AccessoryRow(
            vendor_id=a.vendor_id,
            part_number=a.part_number,
            description=a.description,
            kind=a.kind.value,
            fits=list(a.fits),
            adapts_from=list(a.adapts_from),
            ir_range_m=a.ir_range_m,
            beam_deg=a.beam_deg,
            **_prov(a.provenance),
        )
        for a in catalog.accessories
    )
    add_prices(session, [p for p in catalog.prices if not (keep_price_lists and p.from_price_list)])
    session.add_all(_rule_set_row(rs) for rs in catalog.rule_sets)
    _write_system(session, catalog)


def add_prices(session: Session, prices: list[Price]) -> list[int]:
    """Add price rows (the catalog's, or a supplier's list the user imported); returns ids."""
    rows = [
        PriceRow(
            item=p.item,
            supplier=p.supplier,
            currency=p.currency,
            amount=p.amount,
            price_type=p.price_type.value,
            valid_from=p.valid_from,
            valid_until=p.valid_until,
            **_prov(p.provenance),
        )
        for p in prices
    ]
    session.add_all(rows)
    session.flush()
    return [row.id for row in rows]


def remove_prices(session: Session, ids: list[int]) -> None:
    """Take back prices added by ``add_prices`` (an undone price-list import)."""
    session.execute(delete(PriceRow).where(PriceRow.id.in_(ids)))


def _model_values(m: CameraModel) -> dict[str, Any]:
    return dict(
        vendor_id=m.vendor_id,
        model=m.model,
        aliases=list(m.aliases),
        series=m.series,
        form_factor=m.form_factor.value,
        res_width=m.resolution.width if m.resolution else None,
        res_height=m.resolution.height if m.resolution else None,
        sensor_format=m.sensor_format,
        sensor_width_mm=m.sensor_width_mm,
        lens_type=m.lens_type.value if m.lens_type else None,
        focal_min_mm=m.focal_min_mm,
        focal_max_mm=m.focal_max_mm,
        hfov_max_deg=m.hfov_max_deg,
        hfov_min_deg=m.hfov_min_deg,
        ir_range_m=m.ir_range_m,
        wdr_db=m.wdr_db,
        ip_rating=m.ip_rating,
        ik_rating=m.ik_rating,
        temp_min_c=m.temp_min_c,
        temp_max_c=m.temp_max_c,
        poe_class=m.poe_class,
        max_power_w=m.max_power_w,
        mount_family=m.mount_family,
        audio=m.audio,
        alarm_inputs=m.alarm_inputs,
        alarm_outputs=m.alarm_outputs,
        onvif_profiles=list(m.onvif_profiles),
        outdoor=m.outdoor,
        discontinued=m.discontinued,
        pixel_pitch_um=m.pixel_pitch_um,
        verified_fields=list(m.verified_fields),
        verified_source=m.verified_source,
        verified_date=m.verified_date,
        optics_waiver=m.optics_waiver,
        **_prov(m.provenance),
    )


def _rule_set_row(rs: RuleSet) -> RuleSetRow:
    row = RuleSetRow(
        rule_set_id=rs.rule_set_id,
        title=rs.title,
        jurisdiction=rs.jurisdiction,
        authority=rs.authority,
        citation_title=rs.citation.title,
        citation_url=rs.citation.url,
        citation_date=rs.citation.date,
        effective_from=rs.effective_from,
        effective_until=rs.effective_until,
        notes=rs.notes,
        template=rs.template,
        citation_verified=rs.citation.verified,
        version=rs.version,
        reviewed=rs.reviewed,
        optional=rs.optional,
        applies_to_installed=rs.applies_to_installed,
        provisions=[_provision_json(p) for p in rs.provisions],
    )
    for position, rule in enumerate(rs.rules):
        citation = rule.citation
        row.rules.append(
            RuleRow(
                position=position,
                rule_id=rule.rule_id,
                description=rule.description,
                severity=rule.severity.value,
                makers=list(rule.makers),
                include_subsidiaries=rule.include_subsidiaries,
                include_affiliates=rule.include_affiliates,
                include_oem=rule.include_oem,
                control_countries=list(rule.control_countries),
                components=list(rule.components),
                approved_vendors=list(rule.approved_vendors),
                citation_title=citation.title if citation else None,
                citation_url=citation.url if citation else None,
                citation_date=citation.date if citation else None,
                citation_verified=citation.verified if citation else False,
                effective_from=rule.effective_from,
            )
        )
    return row


def _provision_json(p: Provision) -> dict[str, Any]:
    cited = p.citation
    return {
        "id": p.provision_id,
        "kind": p.kind.value,
        "text": p.text,
        "effective_from": p.effective_from.isoformat() if p.effective_from else None,
        "citation": None
        if cited is None
        else {
            "title": cited.title,
            "url": cited.url,
            "date": cited.date.isoformat() if cited.date else None,
            "verified": cited.verified,
        },
    }


def _provision(data: dict[str, Any]) -> Provision:
    cited = data.get("citation")
    citation = None
    if cited is not None:
        when = cited.get("date")
        citation = Citation(
            cited["title"], cited.get("url"), date.fromisoformat(when) if when else None,
            bool(cited.get("verified")),
        )  # fmt: skip
    start = data.get("effective_from")
    return Provision(
        data["id"],
        ProvisionKind(data["kind"]),
        data["text"],
        citation,
        date.fromisoformat(start) if start else None,
    )


def read_catalog(session: Session) -> Catalog | None:
    """The stored catalog, or None when the tables are empty."""
    info_row = session.scalars(select(CatalogInfoRow)).first()
    if info_row is None:
        return None
    catalog = Catalog(CatalogInfo(info_row.name, info_row.version, info_row.date))
    catalog.vendors = [
        Vendor(
            r.vendor_id,
            r.name,
            VendorKind(r.kind),
            _unprov(r),
            r.legal_name,
            tuple(r.aliases),
            r.country,
            r.control_country,
            r.parent_vendor_id,
        )
        for r in session.scalars(select(VendorRow).order_by(VendorRow.id))
    ]
    catalog.oem_relations = [
        OemRelation(
            r.brand_id,
            r.maker_id,
            Relation(r.relation),
            r.all_products,
            Confidence(r.confidence),
            _unprov(r),
            r.valid_from,
            r.valid_until,
        )
        for r in session.scalars(select(OemRelationRow).order_by(OemRelationRow.id))
    ]
    catalog.models = [
        _model(r)
        for r in session.execute(
            select(*_columns(CameraModelRow)).order_by(CameraModelRow.id)
        )  # plain rows, not tracked objects: a team's catalog can hold tens of thousands
    ]
    catalog.model_patterns = [
        ModelPattern(
            r.maker_id,
            r.pattern,
            _unprov(r),
            FormFactor(r.form_factor) if r.form_factor else None,
            tuple(r.brand_ids),
            tuple(r.must_match),
            tuple(r.must_not_match),
            DeviceClass(r.device_class) if r.device_class else None,
            CameraKind(r.camera_kind) if r.camera_kind else None,
            PatternStrength(r.strength),
        )
        for r in session.scalars(select(ModelPatternRow).order_by(ModelPatternRow.id))
    ]
    catalog.oui_prefixes = [
        OuiPrefix(r.prefix, r.registrant, r.vendor_id, _unprov(r))
        for r in session.scalars(select(OuiPrefixRow).order_by(OuiPrefixRow.id))
    ]
    catalog.accessories = [
        Accessory(
            r.vendor_id,
            r.part_number,
            r.description,
            AccessoryKind(r.kind),
            _unprov(r),
            tuple(r.fits),
            tuple(r.adapts_from),
            r.ir_range_m,
            r.beam_deg,
        )
        for r in session.scalars(select(AccessoryRow).order_by(AccessoryRow.id))
    ]
    catalog.prices = [
        Price(
            r.item,
            r.supplier,
            r.currency,
            r.amount,
            PriceType(r.price_type),
            _unprov(r),
            r.valid_from,
            r.valid_until,
        )
        for r in session.scalars(select(PriceRow).order_by(PriceRow.id))
    ]
    catalog.rule_sets = [
        _rule_set(r) for r in session.scalars(select(RuleSetRow).order_by(RuleSetRow.id))
    ]
    _read_system(session, catalog)
    return catalog


def _columns(entity: Any) -> list[Any]:
    return list(entity.__table__.columns)


def _model(r: Any) -> CameraModel:
    """A model from a ``camera_models`` row (any object with its columns as attributes)."""
    resolution = Resolution(r.res_width, r.res_height) if r.res_width and r.res_height else None
    return CameraModel(
        vendor_id=r.vendor_id,
        model=r.model,
        form_factor=FormFactor(r.form_factor),
        provenance=_unprov(r),
        aliases=tuple(r.aliases),
        series=r.series,
        resolution=resolution,
        sensor_format=r.sensor_format,
        sensor_width_mm=r.sensor_width_mm,
        lens_type=LensType(r.lens_type) if r.lens_type else None,
        focal_min_mm=r.focal_min_mm,
        focal_max_mm=r.focal_max_mm,
        hfov_max_deg=r.hfov_max_deg,
        hfov_min_deg=r.hfov_min_deg,
        ir_range_m=r.ir_range_m,
        wdr_db=r.wdr_db,
        ip_rating=r.ip_rating,
        ik_rating=r.ik_rating,
        temp_min_c=r.temp_min_c,
        temp_max_c=r.temp_max_c,
        poe_class=r.poe_class,
        max_power_w=r.max_power_w,
        mount_family=r.mount_family,
        audio=r.audio,
        alarm_inputs=r.alarm_inputs,
        alarm_outputs=r.alarm_outputs,
        onvif_profiles=tuple(r.onvif_profiles),
        outdoor=r.outdoor,
        discontinued=r.discontinued,
        pixel_pitch_um=r.pixel_pitch_um,
        verified_fields=tuple(r.verified_fields or ()),
        verified_source=r.verified_source,
        verified_date=r.verified_date,
        optics_waiver=r.optics_waiver,
    )


def _citation(
    title: str | None, url: str | None, when: Any, verified: bool = False
) -> Citation | None:
    return None if title is None else Citation(title, url, when, verified)


def _rule_set(r: RuleSetRow) -> RuleSet:
    rules = tuple(
        Rule(
            rule_id=x.rule_id,
            description=x.description,
            severity=RuleSeverity(x.severity),
            makers=tuple(x.makers),
            include_subsidiaries=x.include_subsidiaries,
            include_affiliates=x.include_affiliates,
            include_oem=x.include_oem,
            control_countries=tuple(x.control_countries),
            components=tuple(x.components),
            approved_vendors=tuple(x.approved_vendors),
            citation=_citation(
                x.citation_title, x.citation_url, x.citation_date, x.citation_verified
            ),
            effective_from=x.effective_from,
        )
        for x in r.rules
    )
    return RuleSet(
        rule_set_id=r.rule_set_id,
        title=r.title,
        jurisdiction=r.jurisdiction,
        authority=r.authority,
        citation=Citation(r.citation_title, r.citation_url, r.citation_date, r.citation_verified),
        effective_from=r.effective_from,
        rules=rules,
        effective_until=r.effective_until,
        notes=r.notes,
        template=r.template,
        version=r.version,
        reviewed=r.reviewed,
        optional=r.optional,
        applies_to_installed=r.applies_to_installed,
        provisions=tuple(_provision(p) for p in r.provisions),
    )


# ---------------------------------------------------------------- recorders, VMS, switches


def _write_system(session: Session, catalog: Catalog) -> None:
    session.add_all(
        RecorderModelRow(
            vendor_id=r.vendor_id, model=r.model, kind=r.kind.value, series=r.series,
            vms_id=r.vms_id, channels=r.channels, max_incoming_mbps=r.max_incoming_mbps,
            drive_bays=r.drive_bays, max_raw_tb=r.max_raw_tb,
            raid_levels=[level.value for level in r.raid_levels], poe_ports=r.poe_ports,
            poe_standard=r.poe_standard.value if r.poe_standard else None,
            poe_budget_w=r.poe_budget_w, licences_included=r.licences_included,
            discontinued=r.discontinued, **_prov(r.provenance),
        )
        for r in catalog.recorders
    )  # fmt: skip
    session.add_all(
        VmsPlatformRow(
            vms_id=p.vms_id, vendor_id=p.vendor_id, name=p.name,
            per_camera_licence=p.per_camera_licence, licence_item=p.licence_item,
            onvif_profiles=list(p.onvif_profiles), **_prov(p.provenance),
        )
        for p in catalog.vms_platforms
    )  # fmt: skip
    session.add_all(
        SwitchModelRow(
            vendor_id=s.vendor_id, model=s.model, kind=s.kind.value, ports=s.ports,
            poe_ports=s.poe_ports, poe_standard=s.poe_standard.value if s.poe_standard else None,
            poe_budget_w=s.poe_budget_w, discontinued=s.discontinued, **_prov(s.provenance),
        )
        for s in catalog.switches
    )  # fmt: skip
    session.add_all(
        SizingConstantRow(key=c.key, value=c.value, unit=c.unit, **_prov(c.provenance))
        for c in catalog.sizing_constants
    )


def _read_system(session: Session, catalog: Catalog) -> None:
    catalog.recorders = [
        RecorderModel(
            vendor_id=r.vendor_id, model=r.model, kind=RecorderKind(r.kind),
            provenance=_unprov(r), series=r.series, vms_id=r.vms_id, channels=r.channels,
            max_incoming_mbps=r.max_incoming_mbps, drive_bays=r.drive_bays,
            max_raw_tb=r.max_raw_tb, raid_levels=tuple(RaidLevel(x) for x in r.raid_levels),
            poe_ports=r.poe_ports,
            poe_standard=PoeStandard(r.poe_standard) if r.poe_standard else None,
            poe_budget_w=r.poe_budget_w, licences_included=r.licences_included,
            discontinued=r.discontinued,
        )
        for r in session.scalars(select(RecorderModelRow).order_by(RecorderModelRow.id))
    ]  # fmt: skip
    catalog.vms_platforms = [
        VmsPlatform(
            p.vms_id,
            p.vendor_id,
            p.name,
            _unprov(p),
            p.per_camera_licence,
            p.licence_item,
            tuple(p.onvif_profiles),
        )
        for p in session.scalars(select(VmsPlatformRow).order_by(VmsPlatformRow.id))
    ]
    catalog.switches = [
        SwitchModel(
            vendor_id=s.vendor_id, model=s.model, kind=SwitchKind(s.kind), provenance=_unprov(s),
            poe_ports=s.poe_ports,
            poe_standard=PoeStandard(s.poe_standard) if s.poe_standard else None,
            poe_budget_w=s.poe_budget_w, ports=s.ports, discontinued=s.discontinued,
        )
        for s in session.scalars(select(SwitchModelRow).order_by(SwitchModelRow.id))
    ]  # fmt: skip
    catalog.sizing_constants = [
        ModelConstant(c.key, c.value, _unprov(c), c.unit)
        for c in session.scalars(select(SizingConstantRow).order_by(SizingConstantRow.id))
    ]
