"""Load a catalog folder into a Catalog, with every problem as file:line:column.

Rows are parsed table by table (``rows``), then checked against each other:
duplicates, references to vendors, models and accessories that do not exist,
and prices for items that are not in the catalog.
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from specassist.catalog import rows, system_rows
from specassist.catalog.cells import RowCells
from specassist.catalog.rules_toml import load_rule_set
from specassist.catalog.tables import read_rows
from specassist.domain.bitrate import REQUIRED_CONSTANTS
from specassist.domain.catalog import (
    Accessory,
    CameraModel,
    Catalog,
    CatalogInfo,
    LookalikeModel,
    ModelPattern,
    OemRelation,
    OuiPrefix,
    Price,
    Vendor,
)
from specassist.domain.device_class import DeviceClass
from specassist.domain.issues import InputIssue, Severity
from specassist.domain.pattern_checks import pattern_clashes
from specassist.domain.requirements import FIXING_PREFIX, STANDARD_FIXINGS
from specassist.domain.values import ValueParseError, parse_date

T = TypeVar("T")
Lines = list[tuple[int, T]]
"""Parsed rows paired with their line numbers in the file."""


@dataclass(slots=True)
class CatalogLoad:
    catalog: Catalog
    issues: list[InputIssue] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not any(i.severity is Severity.ERROR for i in self.issues)

    def counts(self) -> dict[str, int]:
        c = self.catalog
        return {
            "vendors": len(c.vendors),
            "OEM relations": len(c.oem_relations),
            "camera models": len(c.models),
            "verified camera models": sum(m.provenance.verified for m in c.models),
            "model patterns": len(c.model_patterns),
            "MAC prefixes": len(c.oui_prefixes),
            "accessories": len(c.accessories),
            "prices": len(c.prices),
            "rule sets": len(c.rule_sets),
            "rules": sum(len(r.rules) for r in c.rule_sets),
            **_system_counts(c),
        }


def _table(
    folder: Path, name: str, parse: Callable[[RowCells], T | None], issues: list[InputIssue]
) -> Lines[T]:
    """Parsed rows with their line numbers; a row with an error is left out."""
    out: Lines[T] = []
    for row in read_rows(folder, name, issues):
        before = len(issues)
        item = parse(row)
        failed = any(i.severity is Severity.ERROR for i in issues[before:])
        if item is not None and not failed:
            out.append((row.line, item))
    return out


def _info(folder: Path, issues: list[InputIssue]) -> CatalogInfo:
    path = folder / "catalog.toml"
    if not path.exists():
        issues.append(InputIssue(Severity.ERROR, "file missing", "catalog.toml"))
        return CatalogInfo("unnamed catalog", "unknown", None)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8")).get("catalog", {})
    except tomllib.TOMLDecodeError as exc:
        issues.append(InputIssue(Severity.ERROR, f"TOML syntax: {exc}", "catalog.toml"))
        return CatalogInfo("unnamed catalog", "unknown", None)
    when = data.get("date")
    try:
        when = parse_date(str(when)) if when is not None else None
    except ValueParseError:
        issues.append(InputIssue(Severity.ERROR, "expected a date", "catalog.toml", None, "date"))
        when = None
    for key in ("name", "version"):
        if not isinstance(data.get(key), str):
            issues.append(
                InputIssue(Severity.ERROR, "a text value is required", "catalog.toml", None, key)
            )
    return CatalogInfo(
        str(data.get("name", "unnamed catalog")), str(data.get("version", "unknown")), when
    )


def load_catalog_folder(folder: Path) -> CatalogLoad:
    issues: list[InputIssue] = []
    if not folder.is_dir():
        issues.append(InputIssue(Severity.ERROR, "catalog folder not found", str(folder)))
        return CatalogLoad(Catalog(CatalogInfo("missing", "unknown", None)), issues)
    catalog = Catalog(_info(folder, issues))
    vendors = _table(folder, "vendors.csv", rows.vendor, issues)
    relations = _table(folder, "oem_relations.csv", rows.oem_relation, issues)
    models = _table(folder, "models.csv", rows.camera_model, issues)
    patterns = _table(folder, "model_patterns.csv", rows.model_pattern, issues)
    lookalikes = _table(folder, "lookalikes.csv", rows.lookalike, issues)
    ouis = _table(folder, "oui.csv", rows.oui_prefix, issues)
    accessories = _table(folder, "accessories.csv", rows.accessory, issues)
    prices = _table(folder, "prices.csv", rows.price, issues)
    rule_files = sorted((folder / "rules").glob("*.toml")) if (folder / "rules").is_dir() else []
    for path in rule_files:
        if (rule_set := load_rule_set(path, issues)) is not None:
            catalog.rule_sets.append(rule_set)
    catalog.vendors = [v for _, v in vendors]
    catalog.oem_relations = [r for _, r in relations]
    catalog.models = [m for _, m in models]
    catalog.model_patterns = [p for _, p in patterns]
    catalog.lookalikes = [x for _, x in lookalikes]
    catalog.oui_prefixes = [o for _, o in ouis]
    catalog.accessories = [a for _, a in accessories]
    catalog.prices = [p for _, p in prices]
    # The system tables first: prices may name recorders, switches and licences.
    _load_system_tables(folder, catalog, issues)
    check = _Crosscheck(catalog, issues)
    check.run(vendors, relations, models, patterns, ouis, accessories, prices)
    check.identification_tables(lookalikes, patterns)
    return CatalogLoad(catalog, issues)


class _Crosscheck:
    """References between tables, and duplicates within them."""

    def __init__(self, catalog: Catalog, issues: list[InputIssue]) -> None:
        self.catalog = catalog
        self.issues = issues
        self.vendor_ids = {v.vendor_id for v in catalog.vendors}

    def error(self, file: str, line: int, column: str, message: str, value: str) -> None:
        self.issues.append(InputIssue(Severity.ERROR, message, file, line, column, value))

    def vendor_ref(self, file: str, line: int, column: str, vendor_id: str | None) -> None:
        if vendor_id and vendor_id not in self.vendor_ids:
            self.error(file, line, column, "no such vendor_id in vendors.csv", vendor_id)

    def duplicates(self, file: str, column: str, keyed: list[tuple[int, str]]) -> None:
        first: dict[str, int] = {}
        for line, key in keyed:
            if key in first:
                self.error(file, line, column, f"duplicate of line {first[key]}", key)
            else:
                first[key] = line

    def run(
        self,
        vendors: Lines[Vendor],
        relations: Lines[OemRelation],
        models: Lines[CameraModel],
        patterns: Lines[ModelPattern],
        ouis: Lines[OuiPrefix],
        accessories: Lines[Accessory],
        prices: Lines[Price],
    ) -> None:
        self.duplicates("vendors.csv", "vendor_id", [(n, v.vendor_id) for n, v in vendors])
        for line, v in vendors:
            self.vendor_ref("vendors.csv", line, "parent_vendor_id", v.parent_vendor_id)
        for line, r in relations:
            self.vendor_ref("oem_relations.csv", line, "brand_id", r.brand_id)
            self.vendor_ref("oem_relations.csv", line, "maker_id", r.maker_id)
        for line, m in models:
            self.vendor_ref("models.csv", line, "vendor_id", m.vendor_id)
        self.duplicates("models.csv", "model", [(n, m.key.upper()) for n, m in models])
        for line, p in patterns:
            self.vendor_ref("model_patterns.csv", line, "maker_id", p.maker_id)
            for brand in p.brand_ids:
                self.vendor_ref("model_patterns.csv", line, "brand_ids", brand)
        for line, o in ouis:
            self.vendor_ref("oui.csv", line, "vendor_id", o.vendor_id)
        self.duplicates("oui.csv", "prefix", [(n, o.prefix) for n, o in ouis])
        for line, a in accessories:
            self.vendor_ref("accessories.csv", line, "vendor_id", a.vendor_id)
        self.duplicates(
            "accessories.csv", "part_number", [(n, a.key.upper()) for n, a in accessories]
        )
        self._accessory_refs(accessories)
        self._price_refs(prices)

    def identification_tables(
        self, lookalikes: Lines[LookalikeModel], patterns: Lines[ModelPattern]
    ) -> None:
        """Look-alikes name real vendors, and no pattern claims another maker's model."""
        for line, x in lookalikes:
            self.vendor_ref("lookalikes.csv", line, "vendor_id", x.vendor_id)
        if any(i.severity is Severity.ERROR and i.file == "vendors.csv" for i in self.issues):
            return  # ownership is unreliable until vendors.csv loads clean
        for clash in pattern_clashes(self.catalog):
            line = patterns[clash.pattern_index][0]
            pattern = self.catalog.model_patterns[clash.pattern_index]
            self.error(
                "model_patterns.csv",
                line,
                "pattern",
                clash.message(pattern) + "; narrow the pattern or list the brand in brand_ids",
                pattern.pattern,
            )

    def _accessory_refs(self, accessories: Lines[Accessory]) -> None:
        model_keys = {m.key.upper() for m in self.catalog.models}
        families = {m.mount_family for m in self.catalog.models if m.mount_family}
        accessory_keys = {a.key.upper() for a in self.catalog.accessories}
        for line, a in accessories:
            for fit in a.fits:
                if fit.startswith("mount:"):
                    if fit[6:] not in families:
                        self.issues.append(
                            InputIssue(
                                Severity.WARNING,
                                "no model in models.csv has this mount_family",
                                "accessories.csv",
                                line,
                                "fits",
                                fit,
                            )
                        )
                    continue
                key = fit if ":" in fit else f"{a.vendor_id}:{fit}"
                if key.upper() not in model_keys:
                    self.issues.append(
                        InputIssue(
                            Severity.WARNING,
                            "model not in models.csv (kept, but cannot be matched)",
                            "accessories.csv",
                            line,
                            "fits",
                            fit,
                        )
                    )
            for source in a.adapts_from:
                if source.startswith(FIXING_PREFIX):
                    if source not in STANDARD_FIXINGS:
                        self.error("accessories.csv", line, "adapts_from",
                                   "unknown standard fixing; one of "
                                   + ", ".join(sorted(STANDARD_FIXINGS)), source)  # fmt: skip
                elif source.upper() not in accessory_keys:
                    self.error(
                        "accessories.csv",
                        line,
                        "adapts_from",
                        "no such accessory in accessories.csv (vendor_id:part_number)",
                        source,
                    )

    def _price_refs(self, prices: Lines[Price]) -> None:
        c = self.catalog
        known = {m.key.upper() for m in c.models} | {a.key.upper() for a in c.accessories}
        known |= {r.key.upper() for r in c.recorders} | {s.key.upper() for s in c.switches}
        known |= {p.licence_key.upper() for p in c.vms_platforms}
        known |= {f"PROVISIONAL:{x}".upper() for x in (*DeviceClass, "switch")}
        for line, p in prices:
            if p.item.upper() not in known:
                self.error(
                    "prices.csv", line, "item", "no such model, accessory, recorder, switch or "
                    "licence in the catalog", p.item,
                )  # fmt: skip


# ---------------------------------------------------------------- recorders, VMS, switches


def _system_counts(c: Catalog) -> dict[str, int]:
    return {
        "recorders": len(c.recorders),
        "VMS platforms": len(c.vms_platforms),
        "switches": len(c.switches),
        "sizing constants": len(c.sizing_constants),
    }


def _load_system_tables(folder: Path, catalog: Catalog, issues: list[InputIssue]) -> None:
    """Recorders, VMS platforms, PoE switches and the sizing model's constants, cross-checked."""
    recorders = _table(folder, "recorders.csv", system_rows.recorder, issues)
    platforms = _table(folder, "vms.csv", system_rows.vms_platform, issues)
    switches = _table(folder, "switches.csv", system_rows.switch, issues)
    constants = _table(folder, "sizing_constants.csv", system_rows.sizing_constant, issues)
    catalog.recorders = [r for _, r in recorders]
    catalog.vms_platforms = [p for _, p in platforms]
    catalog.switches = [s for _, s in switches]
    catalog.sizing_constants = [c for _, c in constants]
    check = _Crosscheck(catalog, issues)
    vms_ids = {p.vms_id for p in catalog.vms_platforms}
    for line, r in recorders:
        check.vendor_ref("recorders.csv", line, "vendor_id", r.vendor_id)
        if r.vms_id and r.vms_id not in vms_ids:
            check.error("recorders.csv", line, "vms_id", "no such vms_id in vms.csv", r.vms_id)
    for line, p in platforms:
        check.vendor_ref("vms.csv", line, "vendor_id", p.vendor_id)
    for line, s in switches:
        check.vendor_ref("switches.csv", line, "vendor_id", s.vendor_id)
    check.duplicates("recorders.csv", "model", [(n, r.key.upper()) for n, r in recorders])
    check.duplicates("vms.csv", "vms_id", [(n, p.vms_id) for n, p in platforms])
    check.duplicates("switches.csv", "model", [(n, s.key.upper()) for n, s in switches])
    check.duplicates("sizing_constants.csv", "key", [(n, c.key) for n, c in constants])
    present = {c.key for c in catalog.sizing_constants}
    for key in REQUIRED_CONSTANTS:
        if key not in present and (folder / "sizing_constants.csv").exists():
            issues.append(
                InputIssue(Severity.ERROR, "constant missing (or its row was rejected)",
                           "sizing_constants.csv", None, "key", key)
            )  # fmt: skip
