"""The whole video system after the works: recorders, licences, PoE per switch, other devices,
and the phases the works are split into.

A stage after the camera pipeline: it reads the per-camera outcomes (so a recorder or a door
station, which the pipeline never offers a camera, gets its own path here), the catalog and
the project's ``SystemSettings``, and returns a ``SystemPlan`` that the costing, the tender,
JSON and the app's System tab all read. Like the outcomes it is built once and never changed.

Groups of cameras by recorder: the surveyed recorder a camera records to when the survey names
it, else its site. Each group is replaced (its recorder is excluded: a compliant one is sized),
kept (a compliant recorder or the retained VMS records it) or to be confirmed (the recorder
was not surveyed or not identified: a size is shown but not costed).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from specassist.domain import device_scope, network_plan, phasing, recording_groups
from specassist.domain.bitrate import BitrateModel
from specassist.domain.catalog import Catalog
from specassist.domain.device_scope import DevicePath
from specassist.domain.network_plan import SwitchPlan
from specassist.domain.outcome import CameraOutcome
from specassist.domain.phasing import Phase
from specassist.domain.pipeline import Analysis
from specassist.domain.recording_groups import RecorderGroup, VmsCheck
from specassist.domain.system import ModelConstant, VmsPlatform
from specassist.domain.system_settings import SystemSettings


@dataclass(frozen=True)
class SystemPlan:
    settings: SystemSettings
    groups: tuple[RecorderGroup, ...]
    switches: tuple[SwitchPlan, ...]
    devices: tuple[DevicePath, ...]
    phases: tuple[Phase, ...]
    vms: VmsPlatform | None = None
    unswitched: tuple[tuple[str, int], ...] = ()
    """(site, replacement cameras) whose switch the survey does not name."""
    notes: tuple[str, ...] = ()
    constants: tuple[ModelConstant, ...] = ()
    """The bitrate model's constants the streams were sized with, each with its source."""
    _phase_of: dict[int, str] = field(default_factory=dict, repr=False)
    _vms: dict[int, VmsCheck] = field(default_factory=dict, repr=False)

    def phase_of(self, device_id: int) -> str:
        return self._phase_of.get(device_id, "")

    def vms_check(self, camera_id: int) -> VmsCheck | None:
        """What the retained platform asks of a replacement camera, when one stays."""
        return self._vms.get(camera_id)

    @property
    def sites(self) -> tuple[str, ...]:
        found = [g.site for g in self.groups] + [s.site for s in self.switches]
        return tuple(dict.fromkeys(found + [d.site for d in self.devices]))

    def site_totals(self, site: str) -> SiteTotals:
        """A site's cameras, incoming bandwidth and stored video over all its groups."""
        groups = [g for g in self.groups if g.site == site]
        return SiteTotals(
            site,
            sum(g.demand.channels for g in groups),
            sum(g.demand.incoming_mbps for g in groups),
            sum(g.demand.stored_tb for g in groups),
            sum(g.demand.raw_tb for g in groups),
        )


@dataclass(frozen=True, slots=True)
class SiteTotals:
    site: str
    cameras: int
    incoming_mbps: float
    stored_tb: float
    raw_tb: float


def plan_system(
    outcomes: Sequence[CameraOutcome],
    catalog: Catalog,
    settings: SystemSettings,
    allowed: Callable[[str], bool],
) -> SystemPlan:
    """The system after the works. ``allowed`` says whether a vendor's equipment may be offered
    (the rule engine's ``model_allowed``); it is asked once per vendor."""
    verdicts: dict[str, bool] = {}

    def compliant(vendor_id: str) -> bool:
        if vendor_id not in verdicts:
            verdicts[vendor_id] = allowed(vendor_id)
        return verdicts[vendor_id]

    notes: list[str] = []
    vms = None
    if settings.kept_vms:
        vms = next((p for p in catalog.vms_platforms if p.vms_id == settings.kept_vms), None)
        if vms is None:
            notes.append(
                f"the retained VMS '{settings.kept_vms}' is not in the catalog; "
                "recorders are sized without it"
            )
    phase_of, phases = phasing.assign(outcomes, catalog, settings.phasing)
    model = BitrateModel.from_constants(catalog.sizing_constants)
    groups = recording_groups.build(outcomes, catalog, model, settings, vms, compliant, phase_of)
    switches, unswitched = network_plan.build(outcomes, catalog, compliant, phase_of)
    devices = device_scope.build(outcomes, catalog, groups, phase_of)
    checks = {s.camera_id: s.vms for g in groups for s in g.streams if s.vms is not None}
    return SystemPlan(
        settings,
        tuple(groups),
        tuple(switches),
        tuple(devices),
        tuple(phases),
        vms,
        tuple(unswitched),
        tuple(notes),
        model.constants,
        phase_of,
        checks,
    )


def plan_analysis(analysis: Analysis, settings: SystemSettings) -> SystemPlan:
    """The plan for an analysis, with the same rules deciding which equipment may be offered."""
    return plan_system(
        analysis.outcomes, analysis.catalog, settings, analysis.engines.rules.model_allowed
    )
