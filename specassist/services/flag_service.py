"""Flag every camera of a survey under a rule profile, as plain results for UI and CLI."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from specassist.domain.catalog import Catalog
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
    cache: dict[tuple[str | None, str | None, str | None], Decision] = {}
    out = []
    for camera in cameras:
        key = (camera.make, camera.model, camera.mac)
        if key not in cache:
            identification = engine.identifier.identify(camera.make, camera.model, camera.mac)
            cache[key] = engine.decide(identification)
        out.append(FlaggedCamera(camera, cache[key]))
    return out


def decision_json(flagged: FlaggedCamera) -> dict[str, object]:
    """The CLI's JSON shape for one survey row."""
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
        }  # fmt: skip

    return {
        "row": camera.source_row,
        "tag": camera.display_tag,
        "make": camera.make,
        "model": camera.model,
        "maker": ident.maker_id,
        "catalog_model": ident.model.key if ident.model else None,
        "verdict": decision.verdict.value,
        "confidence": ident.level.value,
        "score": round(ident.confidence, 2),
        "reasons": [reason(r) for r in decision.reasons],
        "advisories": [reason(r) for r in decision.advisories],
        "evidence": [{"kind": e.kind.value, "maker": e.maker_id, "weight": e.weight,
                      "detail": e.detail, "source": e.source} for e in ident.evidence],
        "warnings": decision.warnings,
    }  # fmt: skip
