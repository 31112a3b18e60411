"""Outcomes as JSON for the command line, every figure in the reader's unit system.

A quantity is ``{"value": …, "unit": …}`` with the unit it is given in
(``ft`` and ``px/ft`` under ``--imperial``); text beside it comes from the one
formatter, so the JSON and the printed report never disagree.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from specassist.domain import formatting as fmt
from specassist.domain.catalog import RuleSet
from specassist.domain.deviations import Deviation
from specassist.domain.formatting import UnitSystem
from specassist.domain.identify import Identification
from specassist.domain.matching import Offer
from specassist.domain.measures import (
    Amount,
    Detail,
    Figure,
    deg,
    metres,
    pixels,
    px_per_m,
    watts,
)
from specassist.domain.outcome import CameraOutcome
from specassist.domain.requirements import Requirement, Sourced
from specassist.domain.rules import Reason

Json = dict[str, Any]


def _amount(value: Amount | None, system: UnitSystem) -> Json | None:
    if value is None:
        return None
    magnitude, unit = fmt.in_system(value, system)
    return {"value": round(magnitude, 3), "unit": unit}


def _detail(value: Detail | None, system: UnitSystem) -> Json | None:
    if value is None:
        return None
    return {
        "level": value.level.value if value.level else None,
        "density": _amount(px_per_m(value.density_px_per_m), system),
        "distance": _amount(metres(value.distance_m), system) if value.distance_m else None,
    }


def _sourced(
    item: Sourced[object] | None, system: UnitSystem, as_amount: Any = None
) -> Json | None:
    if item is None:
        return None
    raw = item.value
    out: Json
    if as_amount is not None and isinstance(raw, int | float):
        out = dict(_amount(as_amount(float(raw)), system) or {})
    elif isinstance(raw, Detail):
        out = dict(_detail(raw, system) or {})
    else:
        out = {"value": getattr(raw, "value", raw)}
    out["origin"] = item.origin.value
    out["hard"] = item.hard
    if item.note:
        out["note"] = fmt.note(item.note, system)
    return out


def requirement_json(req: Requirement, system: UnitSystem = UnitSystem.METRIC) -> Json:
    density = req.min_density_px_per_m
    return {
        "form_family": req.form_family.value.value,
        "form_factor": req.form_factor.value if req.form_factor else None,
        "scene_hfov": _sourced(req.scene_hfov_deg, system, deg),
        "pixels_across_scene": _sourced(req.px_across_scene, system, pixels),
        "distance": _sourced(req.distance_m, system, metres),
        "min_density": _amount(px_per_m(density), system) if density else None,
        "dori": _sourced(req.dori, system),
        "detail_before": _sourced(req.detail_before, system),
        "ptz_tele_hfov": _sourced(req.old_tele_hfov_deg, system, deg),
        "mount": _sourced(req.mount, system),
        "mount_parts": list(req.mount_parts),
        "min_ip": _sourced(req.min_ip, system),
        "min_ik": _sourced(req.min_ik, system),
        "min_ir_range": _sourced(req.min_ir_m, system, metres),
        "max_power": _sourced(req.max_power_w, system, watts),
        "audio": _sourced(req.audio, system),
        "alarm_io": _sourced(req.alarm_io, system),
        "notes": [fmt.note(n, system) for n in req.notes],
        "site_check": fmt.note(req.site_check, system) if req.site_check else None,
    }


def _figure(value: Figure, system: UnitSystem) -> Json | str | bool | None:
    """A needed or offered figure: a quantity as value and unit, text and yes/no as they are."""
    if isinstance(value, Amount):
        return _amount(value, system)
    if isinstance(value, Detail):
        return _detail(value, system)
    return value


def deviation_json(item: Deviation, system: UnitSystem = UnitSystem.METRIC) -> Json:
    """One declared deviation: the requirement, its figures, the share met, severity, reason."""
    return {
        "requirement": item.requirement,
        "relation": item.relation or None,
        "needed": _figure(item.needed, system),
        "offered": _figure(item.offered, system),
        "share_of_need": None if item.reach is None else round(item.reach, 3),
        "severity": item.severity.value,
        "reason": fmt.note(item.reason, system),
        "text": fmt.deviation_line(item, system),
    }


def offer_json(offer: Offer, system: UnitSystem = UnitSystem.METRIC) -> Json:
    model = offer.model
    return {
        "role": offer.role,
        "vendor": model.vendor_id,
        "model": model.model,
        "form_factor": model.form_factor.value,
        "resolution": str(model.resolution) if model.resolution else None,
        "setting_hfov": _amount(deg(offer.setting_hfov_deg), system)
        if offer.setting_hfov_deg is not None else None,
        "pixels_across_scene": _amount(pixels(offer.px_across), system)
        if offer.px_across is not None else None,
        "detail_at_target": _detail(offer.detail, system),
        "accessories": [
            {
                "vendor": use.accessory.vendor_id if use.accessory else None,
                "part_number": use.accessory.part_number if use.accessory else None,
                "description": use.accessory.description if use.accessory else None,
                "purpose": use.purpose,
                "note": fmt.note(use.note, system),
                "make_good": use.make_good,
            }
            for use in offer.accessories
        ],
        "quantity": offer.quantity,
        "arrangement": fmt.note(offer.arrangement, system) if offer.arrangement else None,
        "unit_price": {"amount": str(offer.unit_price.amount),
                       "currency": offer.unit_price.currency} if offer.unit_price else None,
        "total_price": {"amount": str(offer.total_price.amount),
                        "currency": offer.total_price.currency} if offer.total_price else None,
        "meets_every_hard_requirement": not offer.failed,
        "deviations": [deviation_json(d, system) for d in offer.deviations],
        "resolved_by_accessories": list(offer.resolved),
        "unmet_preferences": [c.name for c in offer.unmet_preferences],
        "score": offer.score,
        "score_parts": [{"part": p.name, "points": p.points, "best": p.best}
                        for p in offer.score_parts],
        "verified": model.provenance.verified,
        "source": model.provenance.source,
        "explanation": fmt.explanation(offer, system),
    }  # fmt: skip


def _reason(r: Reason) -> Json:
    return {
        "rule": r.rule,
        "severity": r.severity.value,
        "description": r.description,
        "citation": {"title": r.citation.title, "url": r.citation.url,
                     "date": r.citation.date.isoformat() if r.citation.date else None},
        "evidence": list(r.evidence),
        "definite": r.definite,
    }  # fmt: skip


def rule_pack_stamps(rule_sets: Sequence[RuleSet]) -> list[Json]:
    """Each rule pack's id, version and review date, as every output prints them."""
    return [
        {"id": r.rule_set_id, "title": r.title, "version": r.version or "unversioned",
         "reviewed": r.reviewed.isoformat() if r.reviewed else None,
         "applies_to_installed": r.applies_to_installed}
        for r in rule_sets
    ]  # fmt: skip


def _identification_json(ident: Identification, serial_number: str | None) -> Json:
    """What identification found besides the maker: class, serial, date and open questions."""
    serial = ident.serial
    return {
        "device_class": ident.device_class.value,
        "device_class_basis": ident.device_class_basis,
        "device_class_assumed": ident.device_class_assumed,
        "camera_kind": ident.camera_kind.value if ident.camera_kind else None,
        "serial": None if serial is None else {
            "serial": serial_number, "model": serial.model,
            "made_on": serial.made_on.isoformat(), "channels": serial.channels},
        "made": None if ident.made is None else ident.made.describe(),
        "pending": [{"brand": p.brand_id, "maker": p.maker_id, "why": p.status.why,
                     "settle": p.status.settle} for p in ident.pending],
        "overruled": [{"maker": o.evidence.maker_id, "detail": o.evidence.detail, "why": o.why}
                      for o in ident.overruled],
        "notes": ident.notes,
    }  # fmt: skip


def decision_json(outcome: CameraOutcome, rule_sets: Sequence[RuleSet] = ()) -> Json:
    """The ``flag`` command's shape: who made it, what it is, the verdict and why."""
    decision, camera = outcome.decision, outcome.camera
    ident = decision.identification
    return {
        "row": camera.source_row,
        "tag": camera.display_tag,
        "make": camera.make,
        "model": camera.model,
        "maker": ident.maker_id,
        "catalog_model": ident.model.key if ident.model else None,
        "verdict": decision.verdict.value,
        "status": outcome.status.value,
        **_identification_json(ident, camera.serial),
        "confidence": ident.level.value,
        "score": round(ident.confidence, 2),
        "reasons": [_reason(r) for r in decision.reasons],
        "advisories": [_reason(r) for r in decision.advisories],
        "replacement_limits": [_reason(r) for r in decision.replacement_limits],
        "evidence": [{"kind": e.kind.value, "maker": e.maker_id, "weight": e.weight,
                      "detail": e.detail, "source": e.source, "verified": e.verified}
                     for e in ident.evidence],
        "warnings": decision.warnings,
        "rule_packs": rule_pack_stamps(rule_sets),
    }  # fmt: skip


def outcome_json(outcome: CameraOutcome, system: UnitSystem = UnitSystem.METRIC) -> Json:
    """The ``match`` command's shape: the decision, the requirement and the replacement."""
    camera, match = outcome.camera, outcome.match
    return {
        "row": camera.source_row,
        "tag": camera.display_tag,
        "make": camera.make,
        "model": camera.model,
        "verdict": outcome.verdict.value,
        "status": outcome.status.value,
        "device_class": outcome.identification.device_class.value,
        "reasons": [r.rule for r in outcome.decision.reasons],
        "warnings": outcome.decision.warnings,
        "requirement": requirement_json(outcome.requirement, system)
        if outcome.requirement else None,
        "detail_before": _detail(outcome.detail_before, system),
        "detail_after": _detail(outcome.detail_after, system),
        "site_check": fmt.note(outcome.requirement.site_check, system)
        if outcome.requirement and outcome.requirement.site_check else None,
        "choice": offer_json(outcome.offer, system) if outcome.offer else None,
        "alternates": [offer_json(o, system) for o in match.alternates] if match else [],
        "no_match_reason": fmt.no_match(match.no_match, system) if match and match.no_match
        else None,
        "nearest_miss": offer_json(match.nearest_miss, system)
        if match and match.nearest_miss else None,
    }  # fmt: skip
