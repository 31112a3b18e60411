"""Flag a survey, derive requirements for the excluded cameras and match replacements.

One rule engine decides both which cameras go and which catalog models may
replace them, so a profile can never flag a maker and then offer it back.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from specassist.domain.catalog import Catalog
from specassist.domain.matching import Match, Matcher, Offer
from specassist.domain.requirements import Options, Requirement, Sourced, derive
from specassist.domain.rules import RuleEngine, Verdict
from specassist.domain.survey import SurveyCamera
from specassist.services.flag_service import FlaggedCamera, flag_cameras


@dataclass(frozen=True, slots=True)
class MatchedCamera:
    flagged: FlaggedCamera
    requirement: Requirement | None = None
    match: Match | None = None

    @property
    def verdict(self) -> Verdict:
        return self.flagged.decision.verdict


def match_cameras(
    catalog: Catalog,
    cameras: list[SurveyCamera],
    rule_set_ids: list[str] | None = None,
    as_of: date | None = None,
    options: Options | None = None,
    currency: str | None = None,
) -> list[MatchedCamera]:
    """Every camera with its verdict; excluded ones also with a requirement and a match."""
    engine = RuleEngine(catalog, rule_set_ids, as_of)
    matcher = Matcher(catalog, engine.model_allowed, currency)
    flagged = flag_cameras(catalog, cameras, engine=engine)
    return [match_flagged(item, matcher, options) for item in flagged]


def match_flagged(
    flagged: FlaggedCamera, matcher: Matcher, options: Options | None = None
) -> MatchedCamera:
    """One judged camera with, when excluded, its requirement and replacement."""
    if flagged.decision.verdict is not Verdict.EXCLUDED:
        return MatchedCamera(flagged)
    identification = flagged.decision.identification
    requirement = derive(flagged.camera, identification.model, options, identification.form_hint)
    return MatchedCamera(flagged, requirement, matcher.match(requirement))


# ------------------------------------------------------------------------------- JSON


def _q(value: float | None, unit: str) -> dict[str, object] | None:
    return None if value is None else {"value": round(value, 3), "unit": unit}


def _sourced(item: Sourced[object] | None, unit: str | None = None) -> dict[str, object] | None:
    if item is None:
        return None
    raw = item.value
    value: object = getattr(raw, "value", raw)
    out: dict[str, object] = (
        {"value": round(value, 3) if isinstance(value, float) else value, "unit": unit}
        if unit
        else {"value": value}
    )
    out["origin"] = item.origin.value
    if item.note:
        out["note"] = item.note
    return out


def requirement_json(req: Requirement) -> dict[str, object]:
    density = req.min_density_px_per_m
    return {
        "form_family": req.form_family.value.value,
        "form_factor": req.form_factor.value if req.form_factor else None,
        "scene_hfov": _sourced(req.scene_hfov_deg, "deg"),  # type: ignore[arg-type]
        "pixels_across_scene": _sourced(req.px_across_scene, "px"),  # type: ignore[arg-type]
        "distance": _sourced(req.distance_m, "m"),  # type: ignore[arg-type]
        "min_density": _q(density, "px/m"),
        "dori": _sourced(req.dori),  # type: ignore[arg-type]
        "ptz_tele_hfov": _sourced(req.old_tele_hfov_deg, "deg"),  # type: ignore[arg-type]
        "mount": _sourced(req.mount),  # type: ignore[arg-type]
        "mount_parts": list(req.mount_parts),
        "min_ip": _sourced(req.min_ip),  # type: ignore[arg-type]
        "min_ik": _sourced(req.min_ik),  # type: ignore[arg-type]
        "min_ir_range": _sourced(req.min_ir_m, "m"),  # type: ignore[arg-type]
        "max_power": _sourced(req.max_power_w, "W"),  # type: ignore[arg-type]
        "audio": _sourced(req.audio),  # type: ignore[arg-type]
        "alarm_io": _sourced(req.alarm_io),  # type: ignore[arg-type]
        "notes": list(req.notes),
    }


def explanation(offer: Offer) -> list[str]:
    """One line per constraint: what was needed, what this model offers, and the outcome."""
    lines = []
    for check in offer.checks:
        outcome = {True: "met", False: "NOT met", None: "not stated — confirm"}[check.ok]
        lines.append(f"{check.name}: needs {check.required}; offers {check.offered} — {outcome}")
    for use in offer.accessories:
        what = use.accessory.part_number if use.accessory else "no catalog part"
        lines.append(f"mount ({use.purpose}): {what}{' — ' + use.note if use.note else ''}")
    if not offer.model.provenance.verified:
        lines.append("catalog figures not verified against the datasheet: confirm before ordering")
    return lines


def offer_json(offer: Offer) -> dict[str, object]:
    model = offer.model
    return {
        "role": offer.role,
        "vendor": model.vendor_id,
        "model": model.model,
        "form_factor": model.form_factor.value,
        "resolution": str(model.resolution) if model.resolution else None,
        "setting_hfov": _q(offer.setting_hfov_deg, "deg"),
        "pixels_across_scene": _q(offer.px_across, "px"),
        "density_at_target": _q(offer.density_px_per_m, "px/m"),
        "dori_at_target": offer.dori_after.value if offer.dori_after else None,
        "accessories": [
            {
                "vendor": use.accessory.vendor_id if use.accessory else None,
                "part_number": use.accessory.part_number if use.accessory else None,
                "description": use.accessory.description if use.accessory else None,
                "purpose": use.purpose,
                "note": use.note,
            }
            for use in offer.accessories
        ],
        "price": {
            "amount": str(offer.price.amount),
            "currency": offer.price.currency,
            "type": offer.price.price_type.value,
        }
        if offer.price
        else None,
        "score": offer.score,
        "verified": model.provenance.verified,
        "source": model.provenance.source,
        "explanation": explanation(offer),
    }


def matched_json(item: MatchedCamera) -> dict[str, object]:
    camera, decision = item.flagged.camera, item.flagged.decision
    match = item.match
    return {
        "row": camera.source_row,
        "tag": camera.display_tag,
        "make": camera.make,
        "model": camera.model,
        "verdict": decision.verdict.value,
        "reasons": [r.rule for r in decision.reasons],
        "warnings": decision.warnings,
        "requirement": requirement_json(item.requirement) if item.requirement else None,
        "choice": offer_json(match.choice) if match and match.choice else None,
        "alternates": [offer_json(o) for o in match.alternates] if match else [],
        "no_match_reason": match.no_match_reason if match else None,
        "nearest_miss": offer_json(match.nearest_miss) if match and match.nearest_miss else None,
    }
