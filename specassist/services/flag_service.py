"""Flag every camera of a survey under a rule profile, as plain results for UI and CLI."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from specassist.domain.catalog import Catalog, RuleSet
from specassist.domain.identify import Identification
from specassist.domain.rules import Decision, Reason, RuleEngine
from specassist.domain.survey import SurveyCamera


@dataclass(frozen=True, slots=True)
class FlaggedCamera:
    camera: SurveyCamera
    decision: Decision


def flag_cameras(
    catalog: Catalog,
    cameras: list[SurveyCamera],
    rule_set_ids: list[str] | None = None,
    as_of: date | None = None,
    engine: RuleEngine | None = None,
) -> list[FlaggedCamera]:
    """Identify and judge each camera; identical make/model/MAC triples are decided once."""
    engine = engine or RuleEngine(catalog, rule_set_ids, as_of)
    cache: dict[tuple[str | None, ...], Decision] = {}
    out = []
    for camera in cameras:
        device_type = camera.device_type or (
            camera.form_factor.value if camera.form_factor else None
        )
        key = (camera.make, camera.model, camera.mac, device_type, camera.serial)
        if key not in cache:
            identification = engine.identifier.identify(
                camera.make, camera.model, camera.mac, device_type=device_type, serial=camera.serial
            )
            cache[key] = engine.decide(identification)
        out.append(FlaggedCamera(camera, cache[key]))
    return out


def rule_pack_stamps(rule_sets: list[RuleSet]) -> list[dict[str, object]]:
    """Each rule pack's id, version and review date, as every output prints them."""
    return [
        {"id": r.rule_set_id, "title": r.title, "version": r.version or "unversioned",
         "reviewed": r.reviewed.isoformat() if r.reviewed else None,
         "applies_to_installed": r.applies_to_installed}
        for r in rule_sets
    ]  # fmt: skip


def _identification_json(ident: Identification) -> dict[str, object]:
    """What identification found besides the maker: class, serial, date and open questions."""
    serial = ident.serial
    return {
        "device_class": ident.device_class.value,
        "device_class_basis": ident.device_class_basis,
        "device_class_assumed": ident.device_class_assumed,
        "camera_kind": ident.camera_kind.value if ident.camera_kind else None,
        "serial": None if serial is None else {
            "serial": serial.serial, "model": serial.model,
            "made_on": serial.made_on.isoformat(), "channels": serial.channels},
        "made": None if ident.made is None else ident.made.describe(),
        "pending": [{"brand": p.brand_id, "maker": p.maker_id, "why": p.status.why,
                     "settle": p.status.settle} for p in ident.pending],
        "overruled": [{"maker": o.evidence.maker_id, "detail": o.evidence.detail, "why": o.why}
                      for o in ident.overruled],
        "notes": ident.notes,
    }  # fmt: skip


def decision_json(
    flagged: FlaggedCamera, rule_sets: list[RuleSet] | None = None
) -> dict[str, object]:
    """The CLI's JSON shape for one survey row; ``rule_sets`` stamps the packs applied."""
    decision, camera = flagged.decision, flagged.camera
    ident = decision.identification

    def reason(r: Reason) -> dict[str, object]:
        return {
            "rule": r.rule,
            "severity": r.severity.value,
            "description": r.description,
            "citation": {"title": r.citation.title, "url": r.citation.url,
                         "date": r.citation.date.isoformat() if r.citation.date else None},
            "evidence": list(r.evidence),
            "definite": r.definite,
        }  # fmt: skip

    return {
        "row": camera.source_row,
        "tag": camera.display_tag,
        "make": camera.make,
        "model": camera.model,
        "maker": ident.maker_id,
        "catalog_model": ident.model.key if ident.model else None,
        "verdict": decision.verdict.value,
        **_identification_json(ident),
        "confidence": ident.level.value,
        "score": round(ident.confidence, 2),
        "reasons": [reason(r) for r in decision.reasons],
        "advisories": [reason(r) for r in decision.advisories],
        "replacement_limits": [reason(r) for r in decision.replacement_limits],
        "evidence": [{"kind": e.kind.value, "maker": e.maker_id, "weight": e.weight,
                      "detail": e.detail, "source": e.source, "verified": e.verified}
                     for e in ident.evidence],
        "warnings": decision.warnings,
        "rule_packs": rule_pack_stamps(rule_sets or []),
    }  # fmt: skip
