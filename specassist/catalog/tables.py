"""Read one catalog CSV file into rows of named cells, checking its header.

The column list of every table lives here, once: the loader, ``catalog
check`` and the documentation in ``catalog/README.md`` agree on it.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path

from specassist.catalog.cells import RowCells
from specassist.domain.issues import InputIssue, Severity

PROVENANCE = ("source", "source_date", "verified", "notes")
MODEL_CHECKS = ("pixel_pitch", "verified_fields", "verified_source", "verified_date",
                "optics_waiver")  # fmt: skip
"""Camera-model columns added after the first release: last, so older rows keep their places."""

COLUMNS: dict[str, tuple[str, ...]] = {
    "vendors.csv": (
        "vendor_id", "name", "legal_name", "aliases", "kind", "country", "control_country",
        "parent_vendor_id", *PROVENANCE,
    ),
    "oem_relations.csv": (
        "brand_id", "maker_id", "relation", "scope", "valid_from", "valid_until", "confidence",
        *PROVENANCE,
    ),
    "models.csv": (
        "vendor_id", "model", "aliases", "series", "form_factor", "resolution", "sensor_format",
        "sensor_width", "lens_type", "focal_min", "focal_max", "hfov_max", "hfov_min",
        "ir_range", "wdr", "ip_rating", "ik_rating", "temp_min", "temp_max", "poe_class",
        "max_power", "mount_family", "audio", "alarm_io", "onvif", "outdoor", "discontinued",
        *PROVENANCE, *MODEL_CHECKS,
    ),
    "model_patterns.csv": (
        "maker_id", "pattern", "device_class", "camera_kind", "form_factor", "strength",
        "brand_ids", "must_match", "must_not_match", *PROVENANCE,
    ),
    "lookalikes.csv": ("vendor_id", "model", *PROVENANCE),
    "oui.csv": ("prefix", "registrant", "vendor_id", *PROVENANCE),
    "accessories.csv": (
        "vendor_id", "part_number", "description", "kind", "fits", "adapts_from", *PROVENANCE,
        "ir_range", "beam_angle",
    ),
    "prices.csv": (
        "item", "supplier", "currency", "amount", "price_type", "valid_from", "valid_until",
        *PROVENANCE,
    ),
    "recorders.csv": (
        "vendor_id", "model", "kind", "series", "vms_id", "channels", "max_incoming",
        "drive_bays", "max_raw", "raid_levels", "poe_ports", "poe_standard", "poe_budget",
        "licences_included", "discontinued", *PROVENANCE,
    ),
    "vms.csv": (
        "vms_id", "vendor_id", "name", "per_camera_licence", "licence_item", "onvif", *PROVENANCE,
    ),
    "switches.csv": (
        "vendor_id", "model", "kind", "ports", "poe_ports", "poe_standard", "poe_budget",
        "discontinued", *PROVENANCE,
    ),
    "sizing_constants.csv": ("key", "value", "unit", *PROVENANCE),
}  # fmt: skip

REQUIRED: dict[str, tuple[str, ...]] = {
    "vendors.csv": ("vendor_id", "name", "kind", "source"),
    "oem_relations.csv": ("brand_id", "maker_id", "relation", "scope", "confidence", "source"),
    "models.csv": ("vendor_id", "model", "form_factor", "source"),
    "model_patterns.csv": ("maker_id", "pattern", "source"),
    "lookalikes.csv": ("vendor_id", "model", "source"),
    "oui.csv": ("prefix", "registrant", "vendor_id", "source"),
    "accessories.csv": ("vendor_id", "part_number", "description", "kind", "source"),
    "prices.csv": ("item", "supplier", "currency", "amount", "price_type", "source"),
    "recorders.csv": ("vendor_id", "model", "kind", "source"),
    "vms.csv": ("vms_id", "vendor_id", "name", "source"),
    "switches.csv": ("vendor_id", "model", "kind", "source"),
    "sizing_constants.csv": ("key", "value", "source"),
}


def read_rows(folder: Path, name: str, issues: list[InputIssue]) -> Iterator[RowCells]:
    """Yield the rows of ``folder/name``; a missing file or column is an error, not a crash."""
    path = folder / name
    if not path.exists():
        issues.append(InputIssue(Severity.ERROR, "file missing", name))
        return
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        issues.append(
            InputIssue(
                Severity.ERROR, f"not UTF-8 text (byte {exc.start}); save as CSV UTF-8", name
            )
        )
        return
    reader = csv.reader(text.splitlines())
    header = [h.strip() for h in next(reader, [])]
    expected = COLUMNS[name]
    missing = [c for c in REQUIRED[name] if c not in header]
    for column in missing:
        issues.append(
            InputIssue(Severity.ERROR, "required column missing from the header", name, 1, column)
        )
    for column in header:
        if column and column not in expected:
            issues.append(InputIssue(Severity.WARNING, "unknown column ignored", name, 1, column))
    if missing:
        return
    for line, cells in enumerate(reader, start=2):
        if not any(c.strip() for c in cells):
            continue
        if len(cells) > len(header):
            issues.append(
                InputIssue(
                    Severity.ERROR,
                    f"{len(cells)} cells but the header has {len(header)} "
                    "columns (an unquoted comma?)",
                    name,
                    line,
                )
            )
            continue
        yield RowCells(name, line, dict(zip(header, cells, strict=False)), issues)
