"""Discover devices on the site network and bring them into a project as an import.

The scan's devices go through the survey importer's validation, so they reach
the project exactly as a file's rows would: cameras, issues by row, the
column mapping, and a detail line saying what was scanned and when. The
credentials a user typed are part of the request only; nothing here stores or
prints them.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC, datetime

from specassist.discovery import sockets
from specassist.discovery.limits import DEFAULT_RATE, TargetError
from specassist.discovery.merge import MergedScan, merge_by_mac
from specassist.discovery.onvif import Credentials
from specassist.discovery.records import DeviceField, DeviceRecord
from specassist.discovery.rows import survey_import
from specassist.discovery.scan import (
    DEFAULT_TIMEOUT_S,
    Cancelled,
    Ports,
    Progress,
    ScanReport,
    ScanRequest,
    run_scan,
)
from specassist.discovery.sockets import InterfaceError
from specassist.services import imports
from specassist.services.imports import StoredImport
from specassist.services.projects import Project
from specassist.survey.importer import SurveyImport

__all__ = [
    "DEFAULT_RATE",
    "DEFAULT_TIMEOUT_S",
    "Credentials",
    "Discovery",
    "InterfaceError",
    "Ports",
    "ScanRequest",
    "TargetError",
]
"""What front ends need to ask for a scan, so they import this service and nothing below it."""


@dataclass(frozen=True, slots=True)
class DeviceSummary:
    """One device as every front end shows it: best values, and where each came from."""

    address: str
    values: dict[str, str | None]
    """maker, model, serial, firmware, mac (normalised when readable), name, device_class."""
    found_by: dict[str, list[dict[str, str]]]
    """field → [{"protocol", "source", "value"}], every source, disagreeing ones included."""
    protocols: list[str]
    notes: list[str]


def summarise(record: DeviceRecord) -> DeviceSummary:
    values: dict[str, str | None] = {str(f): record.value(f) for f in DeviceField}
    values["mac"] = record.mac or values["mac"]
    classes = dict.fromkeys(f.value for f in record.sources(DeviceField.DEVICE_CLASS))
    values["device_class"] = ", ".join(classes) or None
    found_by = {
        str(fld): [
            {"protocol": str(f.protocol), "source": f.source, "value": f.value}
            for f in record.sources(fld)
        ]
        for fld in DeviceField
        if record.sources(fld)
    }
    return DeviceSummary(
        record.address, values, found_by, [str(p) for p in record.protocols], list(record.notes)
    )


@dataclass(frozen=True, slots=True)
class Discovery:
    """A scan's devices with their provenance, and the same devices as survey rows."""

    report: ScanReport
    survey: SurveyImport
    merged: MergedScan | None = None
    """Set when this discovery folds a re-scan into an earlier one."""

    @property
    def devices(self) -> list[DeviceRecord]:
        return self.report.devices


def interfaces() -> list[tuple[str, str | None]]:
    """The machine's network interfaces and their IPv4 addresses, for the user to choose from."""
    return sockets.interfaces()


def describe(request: ScanRequest, report: ScanReport, when: datetime | None = None) -> str:
    """What was scanned, when and how it ended, for the import's detail line."""
    when = when or datetime.now(UTC)
    where = [f"multicast on {request.interface}"] if request.interface else []
    where += [*request.hosts, *request.ranges]
    ending = (
        " (cancelled)" if report.cancelled else " (time limit reached)" if report.timed_out else ""
    )
    login = " (ONVIF login offered)" if request.credentials else ""
    return (
        f"WS-Discovery/ONVIF, SADP and DHIP probes of {', '.join(where)}{login}, "
        f"{when:%Y-%m-%d %H:%M} UTC: {len(report.devices)} device(s) in "
        f"{report.elapsed_s:.1f} s{ending}"
    )


def discover(
    request: ScanRequest,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> Discovery:
    """Scan; a cancelled or timed-out scan still returns what it found, flagged in its report."""
    report = run_scan(request, progress, cancelled)
    return Discovery(report, survey_import(report.devices, describe(request, report)))


def fold_rescan(earlier: Discovery, now: Discovery) -> Discovery:
    """A re-scan merged into an earlier scan by MAC: moved devices updated, none duplicated,
    devices not heard again kept (``merged.missing`` lists them)."""
    merged = merge_by_mac(earlier.devices, now.devices)
    report = replace(now.report, devices=merged.devices, notes=list(now.report.notes))
    detail = (
        f"{now.survey.detail}; merged with an earlier scan by MAC: {len(merged.added)} new, "
        f"{len(merged.updated)} updated, {len(merged.missing)} not heard again"
    )
    return Discovery(report, survey_import(merged.devices, detail), merged)


def add_to_project(
    project: Project, survey: SurveyImport, mode: imports.ImportMode = imports.ImportMode.UPDATE
) -> StoredImport:
    """Store the discovered devices as one import in the project (undoable as any import).

    By default a device the project already has (the same MAC or serial) is updated, not
    added again: scanning a site twice, or after importing its SADP export, must not double
    its cameras. ``ImportMode.ADD`` adds every device as found.
    """
    return imports.store(project, survey, mode)
