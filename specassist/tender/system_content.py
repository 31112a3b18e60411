"""The system plan written as the rows the tender's system sections print.

Vendor-neutral like the cameras: a recorder or switch is specified by the performance it must
deliver, and the catalog unit that shows the performance is available appears only as
"basis of design … or equivalent". Every figure goes through ``domain/formatting``; bit
rates, disk and power read the same in metric and imperial documents.
"""

from __future__ import annotations

from collections.abc import Callable

from specassist.domain import formatting as fmt
from specassist.domain.costing import Costing
from specassist.domain.poe import PoeVerdict, standard_for_class
from specassist.domain.recording_groups import GroupAction, RecorderGroup
from specassist.domain.system import RaidLevel
from specassist.domain.system_plan import SystemPlan
from specassist.domain.system_settings import PhaseRule
from specassist.tender.document import Part, Section
from specassist.tender.package.registry import PackageContext, build
from specassist.tender.package.system_inputs import (
    DeviceSpec,
    LicenceSpec,
    PhaseSpec,
    RecorderSpec,
    SwitchSpec,
    SystemInputs,
)

Names = Callable[[str], str]
"""A vendor id → the name people know ("hanwha" → "Hanwha Vision")."""


def recording_rows(plan: SystemPlan) -> tuple[tuple[str, str], ...]:
    """The recording settings every recorder is sized for, with their defaults' reasons."""
    rec, settings = plan.settings.recording, plan.settings
    share = f" ({rec.duty:.0%} of the day)" if rec.duty is not None else ""
    raid = (
        "independent drives (no redundancy)"
        if settings.raid is RaidLevel.NONE
        else f"RAID {settings.raid.value}"
    )
    return (
        ("Frame rate", f"{rec.fps:g} frames per second"),
        ("Compression", {"h264": "H.264", "h265": "H.265"}[rec.codec.value]),
        ("Scene activity", rec.activity.value),
        ("Recording mode", f"{rec.mode.value}{share}"),
        ("Retention", f"{rec.retention_days} days"),
        ("Disk redundancy", raid),
    )


def _basis(group: RecorderGroup, names: Names) -> str:
    model, choice = group.model, group.choice
    if model is None or choice is None:
        return "no catalog unit meets this performance: the tenderer proposes one"
    count = f"{choice.units} × " if choice.units > 1 else ""
    return f"{count}{names(model.vendor_id)} {model.model} or equivalent"


def _performance(group: RecorderGroup, plan: SystemPlan) -> tuple[tuple[str, str], ...]:
    demand, settings = group.demand, plan.settings
    days = settings.recording.retention_days
    raid = "" if settings.raid is RaidLevel.NONE else f", RAID {settings.raid.value}"
    platform = (
        f"runs {plan.vms.name}, the client's retained VMS"
        if plan.vms
        else "its own recording software, or a VMS with the licences scheduled"
    )
    return (
        ("Channels", f"at least {demand.channels} IP cameras"),
        ("Incoming bandwidth", f"at least {fmt.bitrate(demand.incoming_mbps)}"),
        (
            "Storage",
            f"at least {fmt.storage(demand.raw_tb)} raw disk: "
            f"{fmt.storage(demand.stored_tb)} of video for {days} days, with "
            f"filesystem headroom{raid}",
        ),
        ("Interoperability", "records ONVIF Profile S and T cameras, H.264 and H.265"),
        ("Platform", platform),
    )


def _caveats(group: RecorderGroup, names: Names) -> tuple[str, ...]:
    """What to confirm about the basis of design, naming vendors as people know them."""
    out = list(group.demand.notes)
    model = group.model
    if model is not None and group.action is not GroupAction.KEEP:
        name = f"{names(model.vendor_id)} {model.model}"
        if model.max_incoming_mbps is None:
            out.append(
                f"{name}: incoming bandwidth not published; confirm it takes "
                f"{fmt.bitrate(group.demand.incoming_mbps)}"
            )
        if not model.provenance.verified:
            out.append(f"{name}: catalog figures not verified against the datasheet")
    return tuple(out)


def _recorders(plan: SystemPlan, names: Names, tags: Callable[[int], str]) -> list[RecorderSpec]:
    out = []
    for n, group in enumerate(plan.groups, start=1):
        demand = group.demand
        out.append(
            RecorderSpec(
                f"R-{n}",
                group.site,
                group.name,
                group.action.value,
                group.why,
                demand.channels,
                fmt.bitrate(demand.incoming_mbps),
                fmt.storage(demand.stored_tb),
                fmt.storage(demand.raw_tb),
                group.choice.units if group.choice else 0,
                _performance(group, plan) if group.action is not GroupAction.KEEP else (),
                _basis(group, names) if group.action is not GroupAction.KEEP else "retained",
                _caveats(group, names),
                ", ".join(tags(i) for i in group.replaces),
            )
        )
    return out


def _switches(plan: SystemPlan, names: Names) -> list[SwitchSpec]:
    out = []
    for n, switch in enumerate(plan.switches, start=1):
        budget, supply = switch.budget, switch.budget.supply
        new = budget.replacement
        replace = budget.verdict is PoeVerdict.REPLACE_SWITCH
        if replace:
            action = (
                f"replace: {names(new.vendor_id)} {new.model} or equivalent"
                if new
                else "replace: to the performance stated"
            )
        elif budget.verdict is PoeVerdict.ADD_MIDSPAN:
            action = f"keep; add midspans for {len(budget.midspans)} port(s)"
        else:
            action = {PoeVerdict.FITS: "keep", PoeVerdict.UNKNOWN: "confirm on site"}[
                budget.verdict
            ]
        standard = standard_for_class(switch.top_class) if switch.top_class is not None else None
        spec = (
            (
                ("PoE ports", f"at least {budget.devices}"),
                ("PoE standard", standard.value if standard else "to suit the cameras offered"),
                ("PoE budget", f"at least {fmt.power(budget.demanded_w)} of port reservations"),
            )
            if replace
            else ()
        )
        out.append(
            SwitchSpec(
                f"S-{n}",
                switch.site,
                switch.name,
                budget.devices,
                fmt.power(budget.allocated_w),
                fmt.power(supply.budget_w),
                budget.verdict.value,
                action,
                (*budget.reasons, *switch.notes),
                spec,
                tuple((m.standard.value, m.ports) for m in switch.midspans),
                replace,
            )
        )
    return out


def _phases(plan: SystemPlan, costing: Costing | None) -> list[PhaseSpec]:
    totals = dict(costing.phase_subtotals) if costing else {}
    out = []
    for phase in plan.phases:
        money = totals.get(phase.key)
        out.append(
            PhaseSpec(
                phase.number,
                phase.name,
                phase.basis,
                ", ".join(phase.sites),
                len(phase.device_ids),
                phase.deadline.isoformat() if phase.deadline else "—",
                None if money is None else f"{money.currency} {money.rounded().amount:,.2f}",
            )
        )
    return out


def system_inputs(
    plan: SystemPlan,
    costing: Costing | None,
    names: Names,
    tags: Callable[[int], str],
) -> SystemInputs:
    """The rows of every system section. ``costing`` None leaves the phase subtotals out (a
    package for bidders); ``tags`` names a device by its id."""
    sources = tuple(
        dict.fromkeys(
            f"{c.key}: {c.provenance.source}" + ("" if c.provenance.verified else " (not verified)")
            for c in plan.constants
        )
    )
    licences = [
        LicenceSpec(
            f"R-{n}",
            g.platform.name if g.platform else "",
            g.licences.item,
            g.licences.quantity,
            g.licences.reason,
        )
        for n, g in enumerate(plan.groups, start=1)
        if g.licences is not None and g.costed
    ]
    checks = tuple(
        (s.tag, s.vms.listed, s.vms.outcome)
        for g in plan.groups
        for s in g.streams
        if s.vms is not None
    )
    devices = [
        DeviceSpec(
            f"D-{n}",
            d.tag,
            d.site,
            d.device_class.value.replace("_", " "),
            d.existing,
            d.action,
            d.performance,
            d.provisional,
        )
        for n, d in enumerate(plan.devices, start=1)
    ]
    return SystemInputs(
        recording_rows(plan),
        sources,
        tuple(_recorders(plan, names, tags)),
        tuple(licences),
        plan.vms.name if plan.vms else None,
        checks,
        tuple(_switches(plan, names)),
        plan.unswitched,
        tuple(devices),
        tuple(_phases(plan, costing)),
        plan.notes,
        plan.settings.phasing.rule is not PhaseRule.NONE,
    )


SECTION_KEYS = ("phasing", "recording", "network", "system_devices")
"""The system's sections, each registered in ``tender/package``; each is left out when it has
nothing to say."""


def with_system_sections(ctx: PackageContext, sections: list[Section]) -> list[Section]:
    """``sections`` with the system's sections added: the phasing programme at the end of the
    general part, the rest after the schedule of cameras. Unchanged without a system plan."""
    built = [s for key in SECTION_KEYS if (s := build(ctx, key)) is not None]
    general = [s for s in built if s.part is Part.GENERAL]
    products = [s for s in built if s.part is not Part.GENERAL]
    keys = [s.key for s in sections]
    after_general = (
        max((n for n, s in enumerate(sections) if s.part is Part.GENERAL), default=-1) + 1
    )
    after_schedule = keys.index("schedule") + 1 if "schedule" in keys else len(sections)
    out = list(sections)
    out[after_schedule:after_schedule] = products
    out[after_general:after_general] = general
    return out
