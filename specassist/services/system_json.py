"""The system plan as JSON for the command line: recorders, licences, switches, devices, phases.

Quantities are ``{"value": …, "unit": …}`` like every other output (Mbit/s, TB, W); reasons
are the plan's own words, so the JSON and the tender say the same thing.
"""

from __future__ import annotations

from typing import Any

from specassist.domain.costing import Costing
from specassist.domain.recording_groups import RecorderGroup
from specassist.domain.system_plan import SystemPlan

Json = dict[str, Any]


def _quantity(value: float | None, unit: str, digits: int = 3) -> Json | None:
    return None if value is None else {"value": round(value, digits), "unit": unit}


def _group(group: RecorderGroup) -> Json:
    demand, choice, model = group.demand, group.choice, group.model
    return {
        "key": group.key,
        "site": group.site,
        "name": group.name,
        "action": group.action.value,
        "why": group.why,
        "phase": group.phase,
        "cameras": demand.channels,
        "incoming": _quantity(demand.incoming_mbps, "Mbit/s"),
        "video_stored": _quantity(demand.stored_tb, "TB"),
        "raw_disk": _quantity(demand.raw_tb, "TB"),
        "replaces": list(group.replaces),
        "recorder": None
        if model is None
        else {
            "vendor": model.vendor_id,
            "model": model.model,
            "kind": model.kind.value,
            "units": choice.units if choice else 0,
            "verified": model.provenance.verified,
            "source": model.provenance.source,
        },
        "reason": choice.reason if choice else None,
        "caveats": list(choice.caveats) if choice else list(demand.notes),
        "rejected": [{"recorder": key, "why": why} for key, why in choice.rejected]
        if choice
        else [],
        "streams": [
            {
                "camera_id": s.camera_id,
                "tag": s.tag,
                "status": s.status.value,
                "pixels": s.pixels,
                "pixels_from": s.basis,
                "bitrate": _quantity(s.demand.bitrate_mbps, "Mbit/s"),
                "storage": _quantity(s.demand.storage_tb, "TB", 4),
                "vms_support": s.vms.text if s.vms else None,
            }
            for s in group.streams
        ],
    }


def system_json(plan: SystemPlan, costing: Costing | None = None) -> Json:
    """The ``system`` object of ``match --json``; with ``costing``, each phase's subtotal."""
    rec = plan.settings.recording
    totals = dict(costing.phase_subtotals) if costing else {}
    return {
        "settings": {
            "fps": rec.fps,
            "codec": rec.codec.value,
            "activity": rec.activity.value,
            "mode": rec.mode.value,
            "duty": rec.duty,
            "retention_days": rec.retention_days,
            "raid": plan.settings.raid.value,
            "kept_vms": plan.settings.kept_vms,
            "phasing": plan.settings.phasing.rule.value,
        },
        "recorders": [_group(g) for g in plan.groups],
        "licences": [
            {
                "group": g.key,
                "platform": g.licences.vms_id,
                "item": g.licences.item,
                "quantity": g.licences.quantity,
                "reason": g.licences.reason,
                "costed": g.costed,
            }
            for g in plan.groups
            if g.licences is not None
        ],
        "switches": [
            {
                "site": s.site,
                "name": s.name,
                "verdict": s.budget.verdict.value,
                "devices": s.budget.devices,
                "reserved": _quantity(s.budget.allocated_w, "W"),
                "demanded": _quantity(s.budget.demanded_w, "W"),
                "budget": _quantity(s.budget.supply.budget_w, "W"),
                "replacement": s.budget.replacement.key if s.budget.replacement else None,
                "midspans": [
                    {
                        "standard": m.standard.value,
                        "ports": m.ports,
                        "model": m.model.key if m.model else None,
                    }
                    for m in s.midspans
                ],
                "reasons": [*s.budget.reasons, *s.notes],
                "phase": s.phase,
                "ports": [{"camera_id": i, "tag": t, "port": p} for i, t, p in s.ports],
            }
            for s in plan.switches
        ],
        "devices": [
            {
                "device_id": d.device_id,
                "tag": d.tag,
                "site": d.site,
                "class": d.device_class.value,
                "existing": d.existing,
                "action": d.action,
                "provisional": d.provisional,
                "phase": d.phase,
                "performance": [{"requirement": k, "minimum": v} for k, v in d.performance],
            }
            for d in plan.devices
        ],
        "phases": [
            {
                "number": p.number,
                "name": p.name,
                "basis": p.basis,
                "sites": list(p.sites),
                "devices": list(p.device_ids),
                "deadline": p.deadline.isoformat() if p.deadline else None,
                "subtotal": None
                if p.key not in totals
                else {"amount": str(totals[p.key].amount), "currency": totals[p.key].currency},
            }
            for p in plan.phases
        ],
        "unswitched": [{"site": site, "replacements": n} for site, n in plan.unswitched],
        "notes": list(plan.notes),
    }
