"""The database schema as SQLAlchemy 2 typed models.

One schema serves two places: a project file (SQLite, the catalog snapshot
plus the project's own tables) and a shared team catalog (any SQLAlchemy URL,
PostgreSQL in practice). So only portable types are used: JSON for lists,
Numeric for money, Date/DateTime, no SQLite pragmas or dialect types.

Physical quantities are stored as canonical magnitudes in columns named with
their unit (``focal_min_mm``, ``height_m``); the domain turns them back into
pint quantities. Schema changes go through Alembic migrations in
``storage/migrations``; a test checks the models and migrations agree.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    LargeBinary,
    MetaData,
    Numeric,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

# Explicit constraint names keep migrations identical across SQLite and PostgreSQL.
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map: ClassVar[dict[Any, Any]] = {
        dict[str, Any]: JSON,
        list[str]: JSON,
        Decimal: Numeric(18, 4),
    }


class ProvenanceMixin:
    """The columns every catalog row carries: where its figures come from."""

    source: Mapped[str] = mapped_column(Text)
    source_date: Mapped[str | None] = mapped_column(String(10))
    verified: Mapped[bool] = mapped_column(Boolean, default=False)
    notes: Mapped[str | None] = mapped_column(Text)


# ---------------------------------------------------------------- catalog tables


class CatalogInfoRow(Base):
    __tablename__ = "catalog_info"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    version: Mapped[str] = mapped_column(String(40))
    date: Mapped[date | None] = mapped_column(Date)
    loaded_at: Mapped[datetime] = mapped_column(DateTime)


class VendorRow(ProvenanceMixin, Base):
    __tablename__ = "vendors"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    vendor_id: Mapped[str] = mapped_column(String(60), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    legal_name: Mapped[str | None] = mapped_column(String(300))
    aliases: Mapped[list[str]] = mapped_column(default=list)
    kind: Mapped[str] = mapped_column(String(20))
    country: Mapped[str | None] = mapped_column(String(2))
    control_country: Mapped[str | None] = mapped_column(String(2))
    parent_vendor_id: Mapped[str | None] = mapped_column(String(60))


class OemRelationRow(ProvenanceMixin, Base):
    __tablename__ = "oem_relations"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    brand_id: Mapped[str] = mapped_column(String(60), index=True)
    maker_id: Mapped[str] = mapped_column(String(60), index=True)
    relation: Mapped[str] = mapped_column(String(30))
    all_products: Mapped[bool] = mapped_column(Boolean)
    confidence: Mapped[str] = mapped_column(String(10))
    valid_from: Mapped[date | None] = mapped_column(Date)
    valid_until: Mapped[date | None] = mapped_column(Date)


class CameraModelRow(ProvenanceMixin, Base):
    __tablename__ = "camera_models"
    __table_args__ = (UniqueConstraint("vendor_id", "model", name="uq_camera_models_vendor_model"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    vendor_id: Mapped[str] = mapped_column(String(60), index=True)
    model: Mapped[str] = mapped_column(String(120))
    aliases: Mapped[list[str]] = mapped_column(default=list)
    series: Mapped[str | None] = mapped_column(String(120))
    form_factor: Mapped[str] = mapped_column(String(20))
    res_width: Mapped[int | None] = mapped_column(Integer)
    res_height: Mapped[int | None] = mapped_column(Integer)
    sensor_format: Mapped[str | None] = mapped_column(String(20))
    sensor_width_mm: Mapped[float | None] = mapped_column(Float)
    lens_type: Mapped[str | None] = mapped_column(String(20))
    focal_min_mm: Mapped[float | None] = mapped_column(Float)
    focal_max_mm: Mapped[float | None] = mapped_column(Float)
    hfov_max_deg: Mapped[float | None] = mapped_column(Float)
    hfov_min_deg: Mapped[float | None] = mapped_column(Float)
    ir_range_m: Mapped[float | None] = mapped_column(Float)
    wdr_db: Mapped[float | None] = mapped_column(Float)
    ip_rating: Mapped[str | None] = mapped_column(String(20))
    ik_rating: Mapped[str | None] = mapped_column(String(10))
    temp_min_c: Mapped[float | None] = mapped_column(Float)
    temp_max_c: Mapped[float | None] = mapped_column(Float)
    poe_class: Mapped[int | None] = mapped_column(Integer)
    max_power_w: Mapped[float | None] = mapped_column(Float)
    mount_family: Mapped[str | None] = mapped_column(String(60))
    audio: Mapped[bool | None] = mapped_column(Boolean)
    alarm_inputs: Mapped[int | None] = mapped_column(Integer)
    alarm_outputs: Mapped[int | None] = mapped_column(Integer)
    onvif_profiles: Mapped[list[str]] = mapped_column(default=list)
    outdoor: Mapped[bool | None] = mapped_column(Boolean)
    discontinued: Mapped[bool | None] = mapped_column(Boolean)
    pixel_pitch_um: Mapped[float | None] = mapped_column(Float)
    verified_fields: Mapped[list[str]] = mapped_column(default=list)
    verified_source: Mapped[str | None] = mapped_column(Text)
    verified_date: Mapped[str | None] = mapped_column(String(10))
    optics_waiver: Mapped[str | None] = mapped_column(Text)


class ModelPatternRow(ProvenanceMixin, Base):
    __tablename__ = "model_patterns"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    maker_id: Mapped[str] = mapped_column(String(60), index=True)
    pattern: Mapped[str] = mapped_column(String(300))
    form_factor: Mapped[str | None] = mapped_column(String(20))
    brand_ids: Mapped[list[str]] = mapped_column(default=list)
    must_match: Mapped[list[str]] = mapped_column(default=list)
    must_not_match: Mapped[list[str]] = mapped_column(default=list)
    device_class: Mapped[str | None] = mapped_column(String(20))
    camera_kind: Mapped[str | None] = mapped_column(String(20))
    strength: Mapped[str] = mapped_column(String(20), default="distinctive")


class OuiPrefixRow(ProvenanceMixin, Base):
    __tablename__ = "oui_prefixes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    prefix: Mapped[str] = mapped_column(String(9), unique=True)
    registrant: Mapped[str] = mapped_column(String(300))
    vendor_id: Mapped[str] = mapped_column(String(60), index=True)


class AccessoryRow(ProvenanceMixin, Base):
    __tablename__ = "accessories"
    __table_args__ = (
        UniqueConstraint("vendor_id", "part_number", name="uq_accessories_vendor_part"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    vendor_id: Mapped[str] = mapped_column(String(60), index=True)
    part_number: Mapped[str] = mapped_column(String(120))
    description: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(20))
    fits: Mapped[list[str]] = mapped_column(default=list)
    adapts_from: Mapped[list[str]] = mapped_column(default=list)
    ir_range_m: Mapped[float | None] = mapped_column(Float)
    beam_deg: Mapped[float | None] = mapped_column(Float)


class PriceRow(ProvenanceMixin, Base):
    __tablename__ = "prices"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    item: Mapped[str] = mapped_column(String(200), index=True)
    supplier: Mapped[str] = mapped_column(String(200))
    currency: Mapped[str] = mapped_column(String(3))
    amount: Mapped[Decimal] = mapped_column(Numeric(18, 4, asdecimal=True))
    price_type: Mapped[str] = mapped_column(String(20))
    valid_from: Mapped[date | None] = mapped_column(Date)
    valid_until: Mapped[date | None] = mapped_column(Date)


class RuleSetRow(Base):
    __tablename__ = "rule_sets"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    rule_set_id: Mapped[str] = mapped_column(String(80), unique=True)
    title: Mapped[str] = mapped_column(String(300))
    jurisdiction: Mapped[str] = mapped_column(String(40))
    authority: Mapped[str] = mapped_column(String(300))
    citation_title: Mapped[str] = mapped_column(Text)
    citation_url: Mapped[str | None] = mapped_column(Text)
    citation_date: Mapped[date | None] = mapped_column(Date)
    effective_from: Mapped[date | None] = mapped_column(Date)
    effective_until: Mapped[date | None] = mapped_column(Date)
    notes: Mapped[str | None] = mapped_column(Text)
    template: Mapped[bool] = mapped_column(Boolean, default=False)
    citation_verified: Mapped[bool] = mapped_column(Boolean, default=False)
    version: Mapped[str | None] = mapped_column(String(40))
    reviewed: Mapped[date | None] = mapped_column(Date)
    optional: Mapped[bool] = mapped_column(Boolean, default=False)
    applies_to_installed: Mapped[bool] = mapped_column(Boolean, default=True)
    provisions: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    """Duties, deadlines and definitions: id, kind, text, effective_from and a citation."""
    rules: Mapped[list[RuleRow]] = relationship(
        back_populates="rule_set", cascade="all, delete-orphan", order_by="RuleRow.position"
    )


class RuleRow(Base):
    __tablename__ = "rules"
    __table_args__ = (UniqueConstraint("rule_set_pk", "rule_id", name="uq_rules_set_rule"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    rule_set_pk: Mapped[int] = mapped_column(ForeignKey("rule_sets.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    rule_id: Mapped[str] = mapped_column(String(80))
    description: Mapped[str] = mapped_column(Text)
    severity: Mapped[str] = mapped_column(String(40))
    makers: Mapped[list[str]] = mapped_column(default=list)
    include_subsidiaries: Mapped[bool] = mapped_column(Boolean, default=True)
    include_affiliates: Mapped[bool] = mapped_column(Boolean, default=True)
    include_oem: Mapped[bool] = mapped_column(Boolean, default=True)
    control_countries: Mapped[list[str]] = mapped_column(default=list)
    components: Mapped[list[str]] = mapped_column(default=list)
    approved_vendors: Mapped[list[str]] = mapped_column(default=list)
    citation_title: Mapped[str | None] = mapped_column(Text)
    citation_url: Mapped[str | None] = mapped_column(Text)
    citation_date: Mapped[date | None] = mapped_column(Date)
    citation_verified: Mapped[bool] = mapped_column(Boolean, default=False)
    effective_from: Mapped[date | None] = mapped_column(Date)
    rule_set: Mapped[RuleSetRow] = relationship(back_populates="rules")


class RecorderModelRow(ProvenanceMixin, Base):
    __tablename__ = "recorder_models"
    __table_args__ = (
        UniqueConstraint("vendor_id", "model", name="uq_recorder_models_vendor_model"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    vendor_id: Mapped[str] = mapped_column(String(60), index=True)
    model: Mapped[str] = mapped_column(String(120))
    kind: Mapped[str] = mapped_column(String(20))
    series: Mapped[str | None] = mapped_column(String(120))
    vms_id: Mapped[str | None] = mapped_column(String(60))
    channels: Mapped[int | None] = mapped_column(Integer)
    max_incoming_mbps: Mapped[float | None] = mapped_column(Float)
    drive_bays: Mapped[int | None] = mapped_column(Integer)
    max_raw_tb: Mapped[float | None] = mapped_column(Float)
    raid_levels: Mapped[list[str]] = mapped_column(default=list)
    poe_ports: Mapped[int | None] = mapped_column(Integer)
    poe_standard: Mapped[str | None] = mapped_column(String(20))
    poe_budget_w: Mapped[float | None] = mapped_column(Float)
    licences_included: Mapped[int | None] = mapped_column(Integer)
    discontinued: Mapped[bool | None] = mapped_column(Boolean)


class VmsPlatformRow(ProvenanceMixin, Base):
    __tablename__ = "vms_platforms"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    vms_id: Mapped[str] = mapped_column(String(60), unique=True)
    vendor_id: Mapped[str] = mapped_column(String(60))
    name: Mapped[str] = mapped_column(String(200))
    per_camera_licence: Mapped[bool | None] = mapped_column(Boolean)
    licence_item: Mapped[str | None] = mapped_column(Text)
    onvif_profiles: Mapped[list[str]] = mapped_column(default=list)


class SwitchModelRow(ProvenanceMixin, Base):
    __tablename__ = "switch_models"
    __table_args__ = (UniqueConstraint("vendor_id", "model", name="uq_switch_models_vendor_model"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    vendor_id: Mapped[str] = mapped_column(String(60), index=True)
    model: Mapped[str] = mapped_column(String(120))
    kind: Mapped[str] = mapped_column(String(20))
    ports: Mapped[int | None] = mapped_column(Integer)
    poe_ports: Mapped[int | None] = mapped_column(Integer)
    poe_standard: Mapped[str | None] = mapped_column(String(20))
    poe_budget_w: Mapped[float | None] = mapped_column(Float)
    discontinued: Mapped[bool | None] = mapped_column(Boolean)


class SizingConstantRow(ProvenanceMixin, Base):
    __tablename__ = "sizing_constants"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    key: Mapped[str] = mapped_column(String(60), unique=True)
    value: Mapped[float] = mapped_column(Float)
    unit: Mapped[str | None] = mapped_column(String(60))


# ---------------------------------------------------------------- project tables


class ProjectRow(Base):
    __tablename__ = "projects"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(300))
    created_at: Mapped[datetime] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime)
    catalog_name: Mapped[str | None] = mapped_column(String(200))
    catalog_version: Mapped[str | None] = mapped_column(String(40))
    rule_set_ids: Mapped[list[str]] = mapped_column(default=list)
    settings: Mapped[dict[str, Any]] = mapped_column(default=dict)
    sites: Mapped[list[SiteRow]] = relationship(
        back_populates="project", cascade="all, delete-orphan"
    )


class SiteRow(Base):
    __tablename__ = "sites"
    __table_args__ = (UniqueConstraint("project_id", "name", name="uq_sites_project_name"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("projects.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(300))
    project: Mapped[ProjectRow] = relationship(back_populates="sites")


class SurveyImportRow(Base):
    """One import of one survey file: where it came from and how its columns were read."""

    __tablename__ = "survey_imports"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("projects.id", ondelete="CASCADE"))
    file: Mapped[str] = mapped_column(Text)
    detail: Mapped[str] = mapped_column(Text)
    imported_at: Mapped[datetime] = mapped_column(DateTime)
    mapping: Mapped[dict[str, Any]] = mapped_column(default=dict)
    skipped_rows: Mapped[int] = mapped_column(Integer, default=0)
    accounting: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    """Where every row of the file went (stored, skipped by reason, header …)."""


class ImportIssueRow(Base):
    __tablename__ = "import_issues"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    import_id: Mapped[int] = mapped_column(
        ForeignKey("survey_imports.id", ondelete="CASCADE"), index=True
    )
    severity: Mapped[str] = mapped_column(String(10))
    message: Mapped[str] = mapped_column(Text)
    file: Mapped[str] = mapped_column(Text)
    row: Mapped[int | None] = mapped_column(Integer)
    column: Mapped[str | None] = mapped_column(Text)
    value: Mapped[str | None] = mapped_column(Text)


class SurveyCameraRow(Base):
    __tablename__ = "survey_cameras"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    project_id: Mapped[int] = mapped_column(
        ForeignKey("projects.id", ondelete="CASCADE"), index=True
    )
    import_id: Mapped[int | None] = mapped_column(
        ForeignKey("survey_imports.id", ondelete="SET NULL")
    )
    site_id: Mapped[int | None] = mapped_column(ForeignKey("sites.id", ondelete="SET NULL"))
    source_row: Mapped[int] = mapped_column(Integer)
    tag: Mapped[str | None] = mapped_column(String(120))
    location: Mapped[str | None] = mapped_column(Text)
    make: Mapped[str | None] = mapped_column(String(200))
    model: Mapped[str | None] = mapped_column(String(200))
    serial: Mapped[str | None] = mapped_column(String(200))
    mac: Mapped[str | None] = mapped_column(String(17))
    ip_address: Mapped[str | None] = mapped_column(String(45))
    firmware: Mapped[str | None] = mapped_column(String(200))
    form_factor: Mapped[str | None] = mapped_column(String(20))
    res_width: Mapped[int | None] = mapped_column(Integer)
    res_height: Mapped[int | None] = mapped_column(Integer)
    megapixels: Mapped[float | None] = mapped_column(Float)
    focal_min_mm: Mapped[float | None] = mapped_column(Float)
    focal_max_mm: Mapped[float | None] = mapped_column(Float)
    hfov_deg: Mapped[float | None] = mapped_column(Float)
    mount: Mapped[str | None] = mapped_column(String(200))
    recorder: Mapped[str | None] = mapped_column(String(120))
    switch: Mapped[str | None] = mapped_column(String(120))
    switch_port: Mapped[str | None] = mapped_column(String(60))
    height_m: Mapped[float | None] = mapped_column(Float)
    target_distance_m: Mapped[float | None] = mapped_column(Float)
    scene_width_m: Mapped[float | None] = mapped_column(Float)
    required_dori: Mapped[str | None] = mapped_column(String(20))
    outdoor: Mapped[bool | None] = mapped_column(Boolean)
    vandal_risk: Mapped[bool | None] = mapped_column(Boolean)
    power_w: Mapped[float | None] = mapped_column(Float)
    audio: Mapped[bool | None] = mapped_column(Boolean)
    alarm_io: Mapped[bool | None] = mapped_column(Boolean)
    status: Mapped[str | None] = mapped_column(String(20))
    notes: Mapped[str | None] = mapped_column(Text)
    device_type: Mapped[str | None] = mapped_column(String(120))
    device_state: Mapped[str | None] = mapped_column(String(120))
    survey_date: Mapped[date | None] = mapped_column(Date)
    install_date: Mapped[date | None] = mapped_column(Date)
    extra: Mapped[dict[str, Any]] = mapped_column(default=dict)
    raw: Mapped[dict[str, Any]] = mapped_column(default=dict)
    site: Mapped[SiteRow | None] = relationship()


class SelectionRow(Base):
    """The replacement chosen for one surveyed camera, and whether a person overrode it."""

    __tablename__ = "selections"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    survey_camera_id: Mapped[int] = mapped_column(
        ForeignKey("survey_cameras.id", ondelete="CASCADE"), unique=True
    )
    model_key: Mapped[str | None] = mapped_column(String(200))
    accessory_keys: Mapped[list[str]] = mapped_column(default=list)
    override: Mapped[bool] = mapped_column(Boolean, default=False)
    note: Mapped[str | None] = mapped_column(Text)
    chosen_at: Mapped[datetime] = mapped_column(DateTime)


class PhotoRow(Base):
    """A photo taken on site, stored inside the project so it travels with the file."""

    __tablename__ = "camera_photos"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    survey_camera_id: Mapped[int] = mapped_column(
        ForeignKey("survey_cameras.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(String(300))
    data: Mapped[bytes] = mapped_column(LargeBinary)
    added_at: Mapped[datetime] = mapped_column(DateTime)


# ---------------------------------------------------------------- plans


class PlanRow(Base):
    """A floor plan or site drawing of one site, its image stored in the project.

    ``image`` is the picture as shown, after any rotation and cropping (a PDF
    page is stored as the PNG it was rendered to); positions on the plan are its
    pixels. ``source`` says where it came from (file, page, resolution). The
    scale is two points on it and the real distance between them.
    """

    __tablename__ = "plans"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    project_id: Mapped[int] = mapped_column(
        ForeignKey("projects.id", ondelete="CASCADE"), index=True
    )
    site_id: Mapped[int] = mapped_column(ForeignKey("sites.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(300))
    position: Mapped[int] = mapped_column(Integer, default=0)
    source: Mapped[str] = mapped_column(Text)
    image: Mapped[bytes] = mapped_column(LargeBinary)
    image_format: Mapped[str] = mapped_column(String(10))
    width_px: Mapped[int] = mapped_column(Integer)
    height_px: Mapped[int] = mapped_column(Integer)
    scale_x1: Mapped[float | None] = mapped_column(Float)
    scale_y1: Mapped[float | None] = mapped_column(Float)
    scale_x2: Mapped[float | None] = mapped_column(Float)
    scale_y2: Mapped[float | None] = mapped_column(Float)
    scale_distance_m: Mapped[float | None] = mapped_column(Float)
    added_at: Mapped[datetime] = mapped_column(DateTime)


class PlanDeviceRow(Base):
    """A surveyed camera placed on a plan; MAC, serial and tag find it again after re-imports."""

    __tablename__ = "plan_devices"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plans.id", ondelete="CASCADE"), index=True)
    survey_camera_id: Mapped[int | None] = mapped_column(
        ForeignKey("survey_cameras.id", ondelete="SET NULL")
    )
    tag: Mapped[str | None] = mapped_column(String(120))
    mac: Mapped[str | None] = mapped_column(String(17))
    serial: Mapped[str | None] = mapped_column(String(200))
    site: Mapped[str | None] = mapped_column(String(300))
    x_px: Mapped[float] = mapped_column(Float)
    y_px: Mapped[float] = mapped_column(Float)
    direction_deg: Mapped[float] = mapped_column(Float)
    tilt_deg: Mapped[float] = mapped_column(Float)
    height_m: Mapped[float | None] = mapped_column(Float)


class PlanWallRow(Base):
    """A wall (polyline) or obstacle (closed outline) that stops the view; points in pixels."""

    __tablename__ = "plan_walls"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plans.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    points: Mapped[list[Any]] = mapped_column(JSON)


class PlanTargetRow(Base):
    """A point or line that must be seen at a detail level."""

    __tablename__ = "plan_targets"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plans.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    required_dori: Mapped[str] = mapped_column(String(20))
    points: Mapped[list[Any]] = mapped_column(JSON)
