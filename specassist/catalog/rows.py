"""Turn catalog rows into domain objects, one function per table."""

from __future__ import annotations

import re

from specassist.catalog.cells import RowCells
from specassist.domain import catalog_checks
from specassist.domain.catalog import (
    Accessory,
    AccessoryKind,
    CameraModel,
    Confidence,
    FormFactor,
    LensType,
    LookalikeModel,
    ModelPattern,
    OemRelation,
    OuiPrefix,
    PatternStrength,
    Price,
    PriceType,
    Provenance,
    Relation,
    Vendor,
    VendorKind,
)
from specassist.domain.device_class import CameraKind, DeviceClass
from specassist.domain.identify import normalise_model
from specassist.domain.units import Kind
from specassist.domain.values import ValueParseError, parse_resolution

_SLUG = re.compile(r"^[a-z0-9][a-z0-9_-]*$")
_COUNTRY = re.compile(r"^[A-Z]{2}$")
_PREFIX = re.compile(r"^(?:[0-9A-F]{6}|[0-9A-F]{7}|[0-9A-F]{9})$")
_SOURCE_DATE = re.compile(r"^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$")
_ALARM = re.compile(r"^\s*(\d+)\s*/\s*(\d+)\s*$")
_RATING = {"ip_rating": re.compile(r"^IP[0-9X]K?[0-9X]K?(?:[/ ;,]+IP[0-9X]K?[0-9X]K?)*$"),
           "ik_rating": re.compile(r"^IK(?:0[0-9]|1[01])\+?$")}  # fmt: skip


def provenance(row: RowCells) -> Provenance:
    source = row.required("source")
    verified = row.boolean("verified")
    if verified is None and row.text("verified") is None:
        row.error("verified", "expected yes or no")
    source_date = row.text("source_date")
    if source_date is not None and not _SOURCE_DATE.match(source_date):
        row.error("source_date", "expected a date as YYYY-MM-DD, YYYY-MM or YYYY", source_date)
    return Provenance(source, source_date, bool(verified), row.text("notes"))


def _slug(row: RowCells, column: str) -> str:
    value = row.required(column)
    if value and not _SLUG.match(value):
        row.error(column, "expected a lower-case id such as 'hikvision' (a-z, 0-9, - and _)", value)
    return value


def _country(row: RowCells, column: str) -> str | None:
    value = row.text(column)
    if value is not None and not _COUNTRY.match(value):
        row.error(column, "expected a two-letter ISO 3166 country code such as 'CN'", value)
        return None
    return value


def vendor(row: RowCells) -> Vendor | None:
    kind = row.enum("kind", VendorKind, required=True)
    result = Vendor(
        vendor_id=_slug(row, "vendor_id"), name=row.required("name"),
        kind=kind or VendorKind.BRAND, provenance=provenance(row),
        legal_name=row.text("legal_name"), aliases=row.items("aliases"),
        country=_country(row, "country"), control_country=_country(row, "control_country"),
        parent_vendor_id=row.text("parent_vendor_id"),
    )  # fmt: skip
    return result if kind else None


def oem_relation(row: RowCells) -> OemRelation | None:
    relation = row.enum("relation", Relation, required=True)
    confidence = row.enum("confidence", Confidence, required=True)
    scope = row.text("scope")
    if scope not in {"all", "some"}:
        row.error("scope", "expected all or some", scope)
    valid_from, valid_until = row.day("valid_from"), row.day("valid_until")
    if valid_from and valid_until and valid_until < valid_from:
        row.error("valid_until", "ends before valid_from", row.text("valid_until"))
    if relation is None or confidence is None:
        provenance(row)
        return None
    return OemRelation(
        _slug(row, "brand_id"),
        _slug(row, "maker_id"),
        relation,
        scope == "all",
        confidence,
        provenance(row),
        valid_from,
        valid_until,
    )


def camera_model(row: RowCells) -> CameraModel | None:
    """A models.csv row, checked cell by cell, then as optics and as a verification record."""
    form = row.enum("form_factor", FormFactor, required=True)
    resolution = None
    if (text := row.text("resolution")) is not None:
        try:
            resolution = parse_resolution(text)
        except ValueParseError as exc:
            row.error("resolution", str(exc), text)
    for column, pattern in _RATING.items():
        if (text := row.text(column)) is not None and not pattern.match(text.upper()):
            row.error(
                column,
                f"expected a rating such as '{'IP67' if column[1] == 'p' else 'IK10'}'",
                text,
            )
    alarm_in = alarm_out = None
    if (text := row.text("alarm_io")) is not None:
        if match := _ALARM.match(text):
            alarm_in, alarm_out = int(match.group(1)), int(match.group(2))
        else:
            row.error("alarm_io", "expected inputs/outputs such as '1/1' (0/0 for none)", text)
    focal_min = row.quantity("focal_min", Kind.FOCAL_LENGTH)
    focal_max = row.quantity("focal_max", Kind.FOCAL_LENGTH)
    if focal_min is not None and focal_max is not None and focal_max < focal_min:
        row.error("focal_max", "shorter than focal_min", row.text("focal_max"))
    temp_min = row.quantity("temp_min", Kind.TEMPERATURE)
    temp_max = row.quantity("temp_max", Kind.TEMPERATURE)
    if temp_min is not None and temp_max is not None and temp_max <= temp_min:
        row.error("temp_max", "not above temp_min", row.text("temp_max"))
    verified_date = row.text("verified_date")
    if verified_date is not None and not _SOURCE_DATE.match(verified_date):
        row.error("verified_date", "expected a date as YYYY-MM-DD, YYYY-MM or YYYY", verified_date)
    model = CameraModel(
        vendor_id=_slug(row, "vendor_id"), model=row.required("model"),
        form_factor=form or FormFactor.OTHER, provenance=provenance(row),
        aliases=row.items("aliases"), series=row.text("series"), resolution=resolution,
        sensor_format=row.text("sensor_format"),
        sensor_width_mm=row.quantity("sensor_width", Kind.FOCAL_LENGTH),
        lens_type=row.enum("lens_type", LensType), focal_min_mm=focal_min,
        focal_max_mm=focal_max, hfov_max_deg=row.quantity("hfov_max", Kind.ANGLE),
        hfov_min_deg=row.quantity("hfov_min", Kind.ANGLE),
        ir_range_m=row.quantity("ir_range", Kind.DISTANCE),
        wdr_db=row.quantity("wdr", Kind.LEVEL_DB),
        ip_rating=(row.text("ip_rating") or "").upper() or None,
        ik_rating=(row.text("ik_rating") or "").upper() or None,
        temp_min_c=temp_min, temp_max_c=temp_max, poe_class=row.integer("poe_class", 0, 8),
        max_power_w=row.quantity("max_power", Kind.POWER),
        mount_family=row.text("mount_family"), audio=row.boolean("audio"),
        alarm_inputs=alarm_in, alarm_outputs=alarm_out, onvif_profiles=row.items("onvif"),
        outdoor=row.boolean("outdoor"), discontinued=row.boolean("discontinued"),
        pixel_pitch_um=_pixel_pitch(row), verified_fields=row.items("verified_fields"),
        verified_source=row.text("verified_source"), verified_date=verified_date,
        optics_waiver=row.text("optics_waiver"),
    )  # fmt: skip
    _model_checks(row, model)
    return model if form else None


_PITCH_UM = (0.5, 20.0)
"""Plausible pixel pitches: 0.8 µm phone sensors to 12–17 µm thermal cores; 2.0 µm is typical."""


def _pixel_pitch(row: RowCells) -> float | None:
    pitch_mm = row.quantity("pixel_pitch", Kind.FOCAL_LENGTH)
    if pitch_mm is None:
        return None
    pitch_um = pitch_mm * 1000
    if not _PITCH_UM[0] <= pitch_um <= _PITCH_UM[1]:
        row.error(
            "pixel_pitch",
            "expected a pixel pitch with its unit, such as '2.0 µm'",
            row.text("pixel_pitch"),
        )
        return None
    return pitch_um


def _model_checks(row: RowCells, model: CameraModel) -> None:
    """Optics and verification findings as issues; a waiver turns optics errors into warnings."""
    filled = frozenset(column for column, value in row.cells.items() if value.strip())
    for finding in catalog_checks.verification_findings(model, filled):
        row.error(finding.column, finding.message, finding.value)
    optics = catalog_checks.optics_findings(model)
    waiver = model.optics_waiver
    for finding in optics:
        if waiver:
            row.warning(finding.column, f"{finding.message} (kept: {waiver})", finding.value)
        elif finding.blocking:
            row.error(finding.column, finding.message, finding.value)
        else:
            row.warning(finding.column, finding.message, finding.value)
    if waiver and not any(finding.blocking for finding in optics):
        row.warning("optics_waiver", "nothing to waive: the optics check finds no problem here")


def model_pattern(row: RowCells) -> ModelPattern | None:
    pattern = row.required("pattern")
    compiled = None
    try:
        compiled = re.compile(pattern)
    except re.error as exc:
        row.error("pattern", f"not a valid regular expression: {exc}", pattern)
    must_match, must_not = row.items("must_match"), row.items("must_not_match")
    if compiled is not None:
        for example in must_match:
            if not compiled.match(normalise_model(example)):
                row.error("must_match", f"the pattern does not match '{example}'", example)
        for example in must_not:
            if compiled.match(normalise_model(example)):
                row.error("must_not_match", f"the pattern matches '{example}'", example)
    result = ModelPattern(
        _slug(row, "maker_id"),
        pattern,
        provenance(row),
        row.enum("form_factor", FormFactor),
        row.items("brand_ids"),
        must_match,
        must_not,
        row.enum("device_class", DeviceClass),
        row.enum("camera_kind", CameraKind),
        row.enum("strength", PatternStrength) or PatternStrength.DISTINCTIVE,
    )
    return result if compiled is not None else None


def lookalike(row: RowCells) -> LookalikeModel | None:
    return LookalikeModel(_slug(row, "vendor_id"), row.required("model"), provenance(row))


def oui_prefix(row: RowCells) -> OuiPrefix | None:
    prefix = row.required("prefix").upper().replace(":", "").replace("-", "")
    if prefix and not _PREFIX.match(prefix):
        row.error("prefix", "expected 6, 7 or 9 hex digits such as 'BCAD28'", prefix)
        return None
    return OuiPrefix(prefix, row.required("registrant"), _slug(row, "vendor_id"), provenance(row))


def accessory(row: RowCells) -> Accessory | None:
    kind = row.enum("kind", AccessoryKind, required=True)
    for reference in row.items("adapts_from"):
        if ":" not in reference:
            row.error(
                "adapts_from", "expected vendor_id:part_number or fixing:<standard fixing>",
                reference,
            )  # fmt: skip
    ir_range = row.quantity("ir_range", Kind.DISTANCE)
    beam = row.quantity("beam_angle", Kind.ANGLE)
    if kind is AccessoryKind.IR_ILLUMINATOR and (ir_range is None or beam is None):
        row.error("ir_range" if ir_range is None else "beam_angle",
                  "an IR illuminator needs its range and beam angle")  # fmt: skip
    result = Accessory(
        _slug(row, "vendor_id"),
        row.required("part_number"),
        row.required("description"),
        kind or AccessoryKind.OTHER,
        provenance(row),
        row.items("fits"),
        row.items("adapts_from"),
        ir_range,
        beam,
    )
    return result if kind else None


def price(row: RowCells) -> Price | None:
    item = row.required("item")
    if item and ":" not in item:
        row.error("item", "expected vendor_id:part (a model or accessory)", item)
    currency = row.required("currency")
    if currency and not re.fullmatch(r"[A-Z]{3}", currency):
        row.error("currency", "expected an ISO 4217 code such as 'GBP'", currency)
    amount = row.decimal("amount")
    price_type = row.enum("price_type", PriceType, required=True)
    valid_from, valid_until = row.day("valid_from"), row.day("valid_until")
    prov = provenance(row)
    if amount is None or price_type is None:
        return None
    return Price(
        item, row.required("supplier"), currency, amount, price_type, prov, valid_from, valid_until
    )
