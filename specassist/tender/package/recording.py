"""The recording and VMS section: settings, storage and retention, recorders, licences.

Recorders are specified by performance, the catalog unit only as "basis of design … or
equivalent", as the cameras are; the section states the recording settings the storage was
sized for and the model that turned them into bandwidth and disk, with its sources.
"""

from __future__ import annotations

from specassist.tender.document import Block, Part, Section, Table, Text
from specassist.tender.package.registry import PackageContext, register
from specassist.tender.package.system_inputs import RecorderSpec, SystemInputs

ACTIONS = {
    "replace": "replace",
    "keep": "retained",
    "confirm": "confirm on site",
}


def _schedule(system: SystemInputs) -> Table:
    rows = tuple(
        (r.ref, r.site, r.name, str(r.cameras), r.incoming, r.stored, r.raw, ACTIONS[r.action])
        for r in system.recorders
    )
    return Table(
        ("Ref", "Site", "Recorder", "Cameras", "Incoming", "Video stored", "Raw disk", "Action"),
        rows,
        (0.6, 1.5, 1.6, 1.0, 1.1, 1.1, 1.1, 1.1),
        numeric=(3, 4, 5, 6),
    )


def _recorder_type(spec: RecorderSpec) -> list[Block]:
    count = f"{spec.units} nr" if spec.units else "to be proposed"
    blocks: list[Block] = [
        Text(f"Recorder type {spec.ref} ({count}): {spec.site}, {spec.name}", "label"),
        Table(
            ("Requirement", "Minimum performance"),
            (*spec.performance, ("Basis of design", spec.basis)),
            (1, 2.2),
        ),
        Text(
            f"Why: {spec.why}." + (f" Takes over from {spec.replaces}." if spec.replaces else ""),
            "note",
        ),
    ]
    blocks += [Text(caveat, "note") for caveat in spec.caveats]
    return blocks


@register("recording")
def recording(ctx: PackageContext) -> Section | None:
    system = ctx.inputs.system
    if system is None:
        return None
    blocks: list[Block] = [
        Text(
            "Every camera after the works, replacements and retained cameras alike, is recorded "
            "at the settings below for the retention period stated. Each recorder is specified "
            "by its performance; the basis of design shows that the performance is available "
            "and is not a requirement to supply that model. An equivalent meets or exceeds "
            "every figure, is made by a manufacturer not excluded by the compliance "
            "requirements, and records ONVIF Profile S and T cameras."
        ),
        Text("Recording settings", "label"),
        Table(("Setting", "Value"), system.recording, (1, 2.2)),
        Text(
            "Storage is sized with a published bitrate model: bit rate = bits per pixel × "
            "pixels × frame rate (sub-linear) × compression × scene activity; video stored = "
            "bit rate × recorded share of the day × retention; raw disk adds filesystem "
            "headroom and the redundancy chosen. Its constants and their sources:",
            "note",
        ),
        *(Text(source, "bullet") for source in system.model_sources),
        Text("Recorder schedule", "label"),
        _schedule(system),
    ]
    for spec in system.recorders:
        if spec.action != "keep":
            blocks += _recorder_type(spec)
    kept = [r for r in system.recorders if r.action == "keep"]
    if kept:
        blocks.append(Text("Retained recording", "label"))
        blocks += [Text(f"{r.ref} {r.site}, {r.name}: {r.why}.", "bullet") for r in kept]
    blocks += _licences(system)
    blocks += _vms(system)
    blocks += [Text(note, "note") for note in system.notes]
    return Section("recording", "Recording and video management", Part.PRODUCTS, tuple(blocks))


def _licences(system: SystemInputs) -> list[Block]:
    if not system.licences:
        return [
            Text(
                "No per-camera licence is scheduled: the recorders' own software records "
                "the cameras, or the platform's licensing is not known from the catalog "
                "(tenderers state any licence their offer needs).",
                "note",
            )
        ]
    rows = tuple((x.ref, x.platform, x.item, str(x.quantity), x.reason) for x in system.licences)
    return [
        Text("VMS licences", "label"),
        Table(
            ("Ref", "Platform", "Licence", "Qty", "Count"),
            rows,
            (0.6, 1.6, 2.6, 0.6, 2.2),
            numeric=(3,),
        ),
    ]


def _vms(system: SystemInputs) -> list[Block]:
    if system.vms is None:
        return []
    blocks: list[Block] = [
        Text(f"Retained video management system: {system.vms}", "label"),
        Text(
            f"{system.vms} stays. New recording servers run it, and every replacement camera "
            f"shall be supported by it: ONVIF Profile S or T conformant and on {system.vms}'s "
            "supported-device list, shown by the tenderer before ordering."
        ),
    ]
    if system.vms_checks:
        blocks.append(
            Table(
                ("Camera", "ONVIF profiles of the basis of design", "Profile S or T"),
                system.vms_checks,
                (0.8, 2.4, 1.6),
            )
        )
    return blocks


@register("system_devices")
def system_devices(ctx: PackageContext) -> Section | None:
    """Excluded recorders, door stations, encoders and other devices: never a camera."""
    system = ctx.inputs.system
    if system is None or not system.devices:
        return None
    rows = tuple(
        (d.ref, d.tag, d.site, d.device_class, d.existing, d.action) for d in system.devices
    )
    blocks: list[Block] = [
        Text(
            "Excluded devices that are not cameras. A recorder is replaced by the recorder "
            "scheduled for its cameras. Other devices are replaced by compliant equipment of "
            "the same function to the performance below, priced as provisional sums: the "
            "scope is confirmed at the site visit."
        ),
        Table(
            ("Ref", "Tag", "Site", "Class", "Existing", "Scope"), rows, (0.6, 1, 1.4, 1.1, 1.8, 3)
        ),
    ]
    for device in system.devices:
        if not device.performance:
            continue
        blocks.append(Text(f"{device.ref} {device.tag}: {device.action}", "label"))
        blocks.append(Table(("Requirement", "Minimum performance"), device.performance, (1, 2.6)))
    return Section(
        "system_devices", "Door stations, encoders and other devices", Part.PRODUCTS, tuple(blocks)
    )
