"""The catalog as plain data: vendors, who makes what, camera models, mounts, prices.

Magnitudes are kept as floats in canonical units (the field name ends in the
unit) because matching compares thousands of models against thousands of
cameras; results hand them on as figures (``domain/measures``) and the
formatter converts them for the reader.
``None`` always means "the source does not say", never zero.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from enum import StrEnum
from typing import TYPE_CHECKING

from specassist.domain.device_class import CameraKind, DeviceClass

if TYPE_CHECKING:
    from specassist.domain.system import ModelConstant, RecorderModel, SwitchModel, VmsPlatform


class FormFactor(StrEnum):
    BULLET = "bullet"
    DOME = "dome"
    TURRET = "turret"
    BOX = "box"
    FISHEYE = "fisheye"
    PTZ = "ptz"
    MULTISENSOR = "multisensor"
    CUBE = "cube"
    BODYCAM = "bodycam"
    OTHER = "other"


class LensType(StrEnum):
    FIXED = "fixed"
    VARIFOCAL = "varifocal"
    MOTORISED = "motorised"


class VendorKind(StrEnum):
    MANUFACTURER = "manufacturer"
    BRAND = "brand"
    COMPONENT = "component"
    """Makes parts (chipsets), not equipment: its MAC block names the chip, not the maker."""


class Relation(StrEnum):
    SUBSIDIARY = "subsidiary"
    AFFILIATE = "affiliate"
    JOINT_VENTURE = "joint_venture"
    VALUE_BRAND = "value_brand"
    OEM = "oem"
    FORMER_SUBSIDIARY = "former_subsidiary"


class Confidence(StrEnum):
    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"


class AccessoryKind(StrEnum):
    WALL = "wall"
    POLE = "pole"
    CORNER = "corner"
    PENDANT = "pendant"
    CEILING = "ceiling"
    JUNCTION_BOX = "junction_box"
    ADAPTER_PLATE = "adapter_plate"
    PARAPET = "parapet"
    IR_ILLUMINATOR = "ir_illuminator"
    """A separate infrared lamp: lights a scene the camera's own IR does not reach."""
    OTHER = "other"


class PriceType(StrEnum):
    LIST = "list"
    INDICATIVE = "indicative"
    QUOTE = "quote"


@dataclass(frozen=True, slots=True)
class Provenance:
    """Where a row's figures come from, and whether they were checked against it."""

    source: str
    source_date: str | None = None
    verified: bool = False
    notes: str | None = None


@dataclass(frozen=True, slots=True)
class Vendor:
    vendor_id: str
    name: str
    kind: VendorKind
    provenance: Provenance
    legal_name: str | None = None
    aliases: tuple[str, ...] = ()
    country: str | None = None
    control_country: str | None = None
    parent_vendor_id: str | None = None


@dataclass(frozen=True, slots=True)
class OemRelation:
    """The products sold under ``brand_id`` are (some or all) made by ``maker_id``."""

    brand_id: str
    maker_id: str
    relation: Relation
    all_products: bool
    confidence: Confidence
    provenance: Provenance
    valid_from: date | None = None
    valid_until: date | None = None


@dataclass(frozen=True, slots=True)
class Resolution:
    width: int
    height: int

    @property
    def megapixels(self) -> float:
        return self.width * self.height / 1e6

    def __str__(self) -> str:
        return f"{self.width}×{self.height}"


@dataclass(frozen=True, slots=True)
class CameraModel:
    vendor_id: str
    model: str
    form_factor: FormFactor
    provenance: Provenance
    aliases: tuple[str, ...] = ()
    series: str | None = None
    resolution: Resolution | None = None
    sensor_format: str | None = None
    sensor_width_mm: float | None = None
    lens_type: LensType | None = None
    focal_min_mm: float | None = None
    focal_max_mm: float | None = None
    hfov_max_deg: float | None = None
    hfov_min_deg: float | None = None
    ir_range_m: float | None = None
    wdr_db: float | None = None
    ip_rating: str | None = None
    ik_rating: str | None = None
    temp_min_c: float | None = None
    temp_max_c: float | None = None
    poe_class: int | None = None
    max_power_w: float | None = None
    mount_family: str | None = None
    audio: bool | None = None
    alarm_inputs: int | None = None
    alarm_outputs: int | None = None
    onvif_profiles: tuple[str, ...] = ()
    outdoor: bool | None = None
    discontinued: bool | None = None
    pixel_pitch_um: float | None = None
    verified_fields: tuple[str, ...] = ()
    """The models.csv columns an independent source was seen to confirm."""
    verified_source: str | None = None
    """That source (datasheet, manual, or a document quoting the datasheet: title or URL)."""
    verified_date: str | None = None
    optics_waiver: str | None = None
    """Why figures the optics check rejects are kept as printed (cites the source)."""

    @property
    def key(self) -> str:
        """``vendor_id:model``, the reference used by prices and accessories."""
        return f"{self.vendor_id}:{self.model}"


class PatternStrength(StrEnum):
    """How much a model-number shape says on its own.

    ``distinctive``: a shape only this maker uses (``DS-2CD…``); ``generic``: a
    shape other makers also use or could plausibly use (``SD…``, ``IPC-T…``),
    so a registered MAC prefix or a label of another maker overrules it.
    """

    DISTINCTIVE = "distinctive"
    GENERIC = "generic"


@dataclass(frozen=True, slots=True)
class ModelPattern:
    """A regular expression on model numbers that points to a real maker.

    ``maker_id`` is who makes products of this shape. ``brand_ids`` are the
    brands that sell them under their own label (a value brand or relabel);
    a label naming any other known vendor overrules the pattern. A pattern
    whose ``maker_id`` is a brand names that brand's own line, which settles
    the brand's "some products" OEM relations for the product as not applying.
    """

    maker_id: str
    pattern: str
    provenance: Provenance
    form_factor: FormFactor | None = None
    brand_ids: tuple[str, ...] = ()
    must_match: tuple[str, ...] = ()
    must_not_match: tuple[str, ...] = ()
    device_class: DeviceClass | None = None
    camera_kind: CameraKind | None = None
    strength: PatternStrength = PatternStrength.DISTINCTIVE


@dataclass(frozen=True, slots=True)
class LookalikeModel:
    """A real model number of one maker that resembles another maker's pattern.

    Kept beside the patterns so ``catalog check`` proves no pattern claims it.
    """

    vendor_id: str
    model: str
    provenance: Provenance


@dataclass(frozen=True, slots=True)
class OuiPrefix:
    """A MAC address block registered with the IEEE (MA-L, MA-M or MA-S)."""

    prefix: str
    registrant: str
    vendor_id: str
    provenance: Provenance


@dataclass(frozen=True, slots=True)
class Accessory:
    vendor_id: str
    part_number: str
    description: str
    kind: AccessoryKind
    provenance: Provenance
    fits: tuple[str, ...] = ()
    adapts_from: tuple[str, ...] = ()
    ir_range_m: float | None = None
    """An illuminator's published range (its beam at ``beam_deg``); None for mounts."""
    beam_deg: float | None = None

    @property
    def key(self) -> str:
        return f"{self.vendor_id}:{self.part_number}"


PRICE_LIST_SOURCE = "price list"
"""How a price from a supplier's list the user imported names its source (``price list
quote.xlsx (Acme)``): such prices belong to the project, not to any catalog, and stay in
the project when its catalog snapshot is replaced."""


@dataclass(frozen=True, slots=True)
class Price:
    """A dated unit price for one item from one supplier. Money is Decimal, never float."""

    item: str
    supplier: str
    currency: str
    amount: Decimal
    price_type: PriceType
    provenance: Provenance
    valid_from: date | None = None
    valid_until: date | None = None

    @property
    def from_price_list(self) -> bool:
        """Imported into a project from a supplier's price list (see ``PRICE_LIST_SOURCE``)."""
        return self.provenance.source.startswith(PRICE_LIST_SOURCE + " ")


@dataclass(frozen=True, slots=True)
class Citation:
    """A source: ``verified`` when its content was read in the source itself."""

    title: str
    url: str | None = None
    date: date | None = None
    verified: bool = False


class RuleSeverity(StrEnum):
    PROHIBITED = "prohibited"
    PROHIBITED_SENSITIVE_SITES = "prohibited_sensitive_sites"
    ADVISORY = "advisory"


@dataclass(frozen=True, slots=True)
class Rule:
    """One exclusion criterion inside a rule set.

    A rule reaches equipment made by any of ``makers`` (and, as flagged, their
    subsidiaries, affiliates and OEM-made products), by makers controlled from
    any of ``control_countries``, or containing any of ``components``. When
    ``approved_vendors`` is non-empty, anything made outside that list is excluded.
    """

    rule_id: str
    description: str
    severity: RuleSeverity
    makers: tuple[str, ...] = ()
    include_subsidiaries: bool = True
    include_affiliates: bool = True
    include_oem: bool = True
    control_countries: tuple[str, ...] = ()
    components: tuple[str, ...] = ()
    approved_vendors: tuple[str, ...] = ()
    citation: Citation | None = None
    effective_from: date | None = None
    """When this criterion starts to apply, if later than its rule set (a list update)."""


class ProvisionKind(StrEnum):
    """What a provision of a rule pack asks for, besides excluding equipment."""

    DUTY = "duty"
    DEADLINE = "deadline"
    DEFINITION = "definition"
    REPRESENTATION = "representation"
    SUPPLIER_EXCLUSION = "supplier_exclusion"
    SCOPE = "scope"


@dataclass(frozen=True, slots=True)
class Provision:
    """A duty, deadline or definition of a rule pack, kept as data for the tender to print.

    Example: FAR 52.204-25(d) — report covered equipment found during
    performance within one business day.
    """

    provision_id: str
    kind: ProvisionKind
    text: str
    citation: Citation | None = None
    effective_from: date | None = None


@dataclass(frozen=True, slots=True)
class RuleSet:
    """A rule pack: what it excludes, from when, as reviewed on ``reviewed``.

    ``applies_to_installed`` is False for rules that govern only what may be
    authorised, imported or marketed (the FCC's): they decide what may be
    offered as a replacement, not whether installed equipment must go, unless
    a profile switches them on for installed equipment. ``optional`` packs
    (state and foreign rules) are left out of the default profile.
    """

    rule_set_id: str
    title: str
    jurisdiction: str
    authority: str
    citation: Citation
    effective_from: date | None
    rules: tuple[Rule, ...]
    effective_until: date | None = None
    notes: str | None = None
    template: bool = False
    version: str | None = None
    reviewed: date | None = None
    optional: bool = False
    applies_to_installed: bool = True
    provisions: tuple[Provision, ...] = ()


@dataclass(frozen=True, slots=True)
class CatalogInfo:
    name: str
    version: str
    date: date | None


@dataclass(slots=True)
class Catalog:
    """A whole catalog, as loaded from files or from a project's snapshot."""

    info: CatalogInfo
    vendors: list[Vendor] = field(default_factory=list)
    oem_relations: list[OemRelation] = field(default_factory=list)
    models: list[CameraModel] = field(default_factory=list)
    model_patterns: list[ModelPattern] = field(default_factory=list)
    oui_prefixes: list[OuiPrefix] = field(default_factory=list)
    accessories: list[Accessory] = field(default_factory=list)
    prices: list[Price] = field(default_factory=list)
    rule_sets: list[RuleSet] = field(default_factory=list)
    recorders: list[RecorderModel] = field(default_factory=list)
    vms_platforms: list[VmsPlatform] = field(default_factory=list)
    switches: list[SwitchModel] = field(default_factory=list)
    sizing_constants: list[ModelConstant] = field(default_factory=list)
    lookalikes: list[LookalikeModel] = field(default_factory=list)
    """Checked by ``catalog check`` only; a project's snapshot does not keep them."""

    def vendor_names(self) -> dict[str, str]:
        """Vendors as people know them ("Hanwha Vision" for ``hanwha``), by vendor id."""
        return {vendor.vendor_id: vendor.name for vendor in self.vendors}
