"""Who really made a surveyed camera: evidence from the label, the model number and the MAC.

Each clue becomes an Evidence with a weight; weights for the same maker add
up (capped at 1). The maker with the highest total wins, but when another
maker also has real support (``CONFLICT_FLOOR``) both sides are reported as a
warning, never silently resolved.

Weights, with worked examples:
- label names a manufacturer ("Hikvision")                         0.60
- label names a brand whose OEM relation covers all its products   0.55 × confidence
  ("EZVIZ" → Hikvision subsidiary, high: 0.55)
- OEM relation covering only some products ("Lorex" → Dahua 0.20 at
  high confidence): a hint, not a verdict, until the model confirms it
- model found in the catalog under a vendor                         0.50
- model number matches a maker's pattern ("DS-2CD2143G2-I")         0.40
- MAC prefix registered to a maker (BC:AD:28 → Hikvision)            0.40
A label "Hikvision" plus a DS-2CD… model gives 1.0; a blank label with only a
Hikvision OUI gives 0.40 ("medium"); a "Lorex" label alone gives 0.20 ("low").
"""

from __future__ import annotations

import difflib
import re
from collections import defaultdict
from dataclasses import dataclass, field
from enum import StrEnum

from specassist.domain.catalog import (
    CameraModel,
    Catalog,
    Confidence,
    FormFactor,
    OemRelation,
    Vendor,
)

W_MANUFACTURER_LABEL = 0.60
W_OEM_ALL = 0.55
W_OEM_SOME = 0.20
W_CATALOG_MODEL = 0.50
W_PATTERN = 0.40
W_OUI = 0.40
W_FUZZY_FACTOR = 0.8
"""A misspelt label ("Hikvison") counts for 80 % of an exact one."""
CONFLICT_FLOOR = 0.30
"""A second maker with at least this much support is reported as a conflict."""
CONFIDENCE_SCALE = {Confidence.HIGH: 1.0, Confidence.MEDIUM: 0.7, Confidence.LOW: 0.4}
FUZZY_CUTOFF = 0.85

_LEGAL_WORDS = {
    "CO", "COMPANY", "LTD", "LIMITED", "INC", "LLC", "GMBH", "AB", "AG", "SA", "SAS", "BV",
    "CORP", "CORPORATION", "PLC", "PVT", "PRIVATE", "TECHNOLOGY", "TECHNOLOGIES", "TECH",
    "DIGITAL", "NETWORK", "SOFTWARE", "INTERNATIONAL", "GROUP", "HOLDINGS", "SECURITY",
    "SYSTEMS", "HANGZHOU", "ZHEJIANG", "SHENZHEN", "THE", "AND", "CCTV", "VIDEO", "CAMERAS",
    "CAMERA", "COMMUNICATIONS", "COMMUNICATION", "ELECTRONICS",
}  # fmt: skip
_NON_ALNUM = re.compile(r"[^A-Z0-9]+")


class Level(StrEnum):
    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"
    NONE = "none"


def level_of(score: float) -> Level:
    if score >= 0.6:
        return Level.HIGH
    if score >= 0.35:
        return Level.MEDIUM
    if score > 0:
        return Level.LOW
    return Level.NONE


def normalise_brand(text: str) -> str:
    """Compare brands by their core name only.

    'Hangzhou Hikvision Digital Technology Co., Ltd.', 'HIK VISION' and
    'Hik-Vision' all become 'HIKVISION'.
    """
    words = [w for w in _NON_ALNUM.split(text.upper()) if w]
    kept = [w for w in words if w not in _LEGAL_WORDS] or words
    return "".join(kept)


def normalise_model(text: str) -> str:
    """Upper case, no spaces, unified dashes: ' ds-2cd2143g2-i ' → 'DS-2CD2143G2-I'."""
    text = text.upper().replace("–", "-").replace("—", "-").replace("_", "-")
    return re.sub(r"\s+", "", text)


_LENS_SUFFIX = re.compile(r"(?:\(\d+(?:[.,]\d+)?MM\)|-?\d+(?:[.,]\d+)?MM)$")


def model_variants(model: str) -> list[str]:
    """The model, then without a lens suffix, then with trailing '-' segments removed.

    'DS-2CD2143G2-IS(2.8MM)' → ['DS-2CD2143G2-IS(2.8MM)', 'DS-2CD2143G2-IS',
    'DS-2CD2143G2']: survey labels add lens and option suffixes the catalog omits.
    """
    first = normalise_model(model)
    variants = [first]
    stripped = _LENS_SUFFIX.sub("", first).rstrip("-")
    if stripped and stripped not in variants:
        variants.append(stripped)
    parts = stripped.split("-")
    while len(parts) > 2:
        parts = parts[:-1]
        variants.append("-".join(parts))
    return variants


class EvidenceKind(StrEnum):
    LABEL = "label"
    OEM = "oem_relation"
    CATALOG = "catalog_model"
    PATTERN = "model_pattern"
    OUI = "mac_oui"


@dataclass(frozen=True, slots=True)
class Evidence:
    kind: EvidenceKind
    maker_id: str
    weight: float
    detail: str
    source: str


@dataclass(slots=True)
class Identification:
    brand_id: str | None
    maker_id: str | None
    model: CameraModel | None
    confidence: float
    evidence: list[Evidence] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    scores: dict[str, float] = field(default_factory=dict)
    form_hint: FormFactor | None = None
    """The form a matching model-number pattern implies ("IPC-HFW…" is a bullet)."""

    @property
    def level(self) -> Level:
        return level_of(self.confidence)

    def contenders(self, floor: float = CONFLICT_FLOOR) -> list[str]:
        """Makers other than the chosen one with real support."""
        return [m for m, s in self.scores.items() if m != self.maker_id and s >= floor]


class Identifier:
    """Indexes a catalog once, then identifies any number of cameras quickly."""

    def __init__(self, catalog: Catalog) -> None:
        self.vendors: dict[str, Vendor] = {v.vendor_id: v for v in catalog.vendors}
        self._brand_keys: dict[str, str] = {}
        for vendor in catalog.vendors:
            for name in (vendor.vendor_id, vendor.name, vendor.legal_name or "", *vendor.aliases):
                key = normalise_brand(name)
                if key:
                    self._brand_keys.setdefault(key, vendor.vendor_id)
        self._relations: dict[str, list[OemRelation]] = defaultdict(list)
        for relation in catalog.oem_relations:
            self._relations[relation.brand_id].append(relation)
        self._models: dict[str, CameraModel] = {}
        for model in catalog.models:
            for name in (model.model, *model.aliases):
                self._models.setdefault(normalise_model(name), model)
        self._patterns = [(re.compile(p.pattern), p) for p in catalog.model_patterns]
        self._oui = {o.prefix: o for o in catalog.oui_prefixes}
        self._oui_lengths = sorted({len(p) for p in self._oui}, reverse=True)

    # ------------------------------------------------------------ single clues

    def brand(self, label: str) -> tuple[str | None, bool]:
        """(vendor_id, exact) for a label; fuzzy matches catch misspellings."""
        key = normalise_brand(label)
        if not key:
            return None, True
        if key in self._brand_keys:
            return self._brand_keys[key], True
        close = difflib.get_close_matches(key, list(self._brand_keys), n=1, cutoff=FUZZY_CUTOFF)
        return (self._brand_keys[close[0]], False) if close else (None, True)

    def catalog_model(self, model: str, brand_id: str | None) -> CameraModel | None:
        variants = model_variants(model)
        for variant in variants:
            found = self._models.get(variant)
            if found is not None and (
                brand_id is None or found.vendor_id == brand_id or variant == variants[0]
            ):
                return found
        return None

    def oui(self, mac: str) -> tuple[str, str] | None:
        """(vendor_id, registrant) for a MAC by longest registered prefix; None if unknown.

        A locally administered address (second hex digit 2, 6, A or E) is not
        registered to anyone, so it says nothing about the maker.
        """
        digits = re.sub(r"[^0-9A-F]", "", mac.upper())
        if len(digits) < 6 or digits[1] in "26AE":
            return None
        for length in self._oui_lengths:
            entry = self._oui.get(digits[:length])
            if entry is not None:
                return entry.vendor_id, entry.registrant
        return None

    def relations_of(self, brand_id: str | None) -> list[OemRelation]:
        return list(self._relations.get(brand_id, [])) if brand_id else []

    def maker_of(self, vendor_id: str) -> str:
        """Follow parents: a subsidiary's products are its parent's for the rules."""
        seen = {vendor_id}
        vendor = self.vendors.get(vendor_id)
        while vendor is not None and vendor.parent_vendor_id and vendor.kind.value == "brand":
            if vendor.parent_vendor_id in seen:
                break
            seen.add(vendor.parent_vendor_id)
            vendor = self.vendors.get(vendor.parent_vendor_id)
        return vendor.vendor_id if vendor is not None else vendor_id

    # ------------------------------------------------------------ combination

    def identify(
        self, make: str | None, model: str | None, mac: str | None = None
    ) -> Identification:
        evidence: list[Evidence] = []
        brand_id = None
        make, model = self._resplit(make, model)
        if make:
            brand_id, exact = self.brand(make)
            if brand_id is not None:
                evidence.extend(self._label_evidence(make, brand_id, exact))
        found = self.catalog_model(model, brand_id) if model else None
        if found is not None:
            evidence.extend(self._model_evidence(model or "", found))
        form = None
        if model:
            from_pattern, form = self._pattern_evidence(model, brand_id)
            evidence.extend(from_pattern)
        if mac and (hit := self.oui(mac)) is not None:
            vendor_id, registrant = hit
            evidence.append(
                Evidence(
                    EvidenceKind.OUI,
                    self.maker_of(vendor_id),
                    W_OUI,
                    f"MAC {mac} is in a block registered to {registrant}",
                    "IEEE MA-L registry (oui.csv)",
                )
            )
        result = self._combine(brand_id, found, evidence)
        result.form_hint = form
        return result

    def _resplit(self, make: str | None, model: str | None) -> tuple[str | None, str | None]:
        """Move leading words of the model into the make when that names a known brand.

        A combined "Brand/Model" cell is split at its first space, which cuts
        "HIK VISION DS-2CD2143G2-I" into "HIK" and "VISION DS-…": neither is
        recognised, but "HIK VISION" and "DS-…" both are.
        """
        if not model or (make and self.brand(make)[0] is not None):
            return make, model
        words = model.split()
        for taken in (1, 2):
            if len(words) <= taken:
                break
            candidate = " ".join([make or "", *words[:taken]]).strip()
            if self.brand(candidate)[0] is not None:
                return candidate, " ".join(words[taken:])
        return make, model

    def _label_evidence(self, make: str, brand_id: str, exact: bool) -> list[Evidence]:
        vendor = self.vendors[brand_id]
        factor = 1.0 if exact else W_FUZZY_FACTOR
        spelled = "" if exact else f" (read '{make}' as '{vendor.name}')"
        out = []
        if vendor.kind.value == "manufacturer":
            out.append(
                Evidence(
                    EvidenceKind.LABEL,
                    brand_id,
                    W_MANUFACTURER_LABEL * factor,
                    f"label says {vendor.name}{spelled}",
                    vendor.provenance.source,
                )
            )
        elif vendor.parent_vendor_id:
            maker = self.maker_of(brand_id)
            out.append(
                Evidence(
                    EvidenceKind.LABEL,
                    maker,
                    W_OEM_ALL * factor,
                    f"label says {vendor.name}{spelled}, a company owned by "
                    f"{self.vendors[maker].name if maker in self.vendors else maker}",
                    vendor.provenance.source,
                )
            )
        for relation in self._relations.get(brand_id, []):
            if relation.maker_id == self.maker_of(brand_id):
                continue  # already counted through the parent
            base = W_OEM_ALL if relation.all_products else W_OEM_SOME
            weight = base * CONFIDENCE_SCALE[relation.confidence] * factor
            period = ""
            if relation.valid_from or relation.valid_until:
                period = f" ({relation.valid_from or '…'} to {relation.valid_until or 'now'})"
            scope = "all" if relation.all_products else "some"
            out.append(
                Evidence(
                    EvidenceKind.OEM,
                    self.maker_of(relation.maker_id),
                    weight,
                    f"{vendor.name}: {scope} products made by {relation.maker_id} "
                    f"({relation.relation.value}, {relation.confidence.value} "
                    f"confidence){period}",
                    relation.provenance.source,
                )
            )
        return out

    def _model_evidence(self, model: str, found: CameraModel) -> list[Evidence]:
        maker = self.maker_of(found.vendor_id)
        exact = normalise_model(model) == normalise_model(found.model)
        how = "" if exact else f" (as {found.model})"
        out = [
            Evidence(
                EvidenceKind.CATALOG,
                maker,
                W_CATALOG_MODEL,
                f"model {model} is in the catalog under {found.vendor_id}{how}",
                found.provenance.source,
            )
        ]
        if maker == found.vendor_id:
            return out
        for relation in self._relations.get(found.vendor_id, []):
            if not relation.all_products:
                out.append(
                    Evidence(
                        EvidenceKind.OEM,
                        self.maker_of(relation.maker_id),
                        W_OEM_SOME,
                        f"{found.vendor_id} model {found.model}: some "
                        f"{found.vendor_id} products are made by {relation.maker_id}",
                        relation.provenance.source,
                    )
                )
        return out

    def _pattern_evidence(
        self, model: str, brand_id: str | None
    ) -> tuple[list[Evidence], FormFactor | None]:
        text = normalise_model(model)
        out = []
        form = None
        for compiled, pattern in self._patterns:
            if not compiled.match(text):
                continue
            if (
                pattern.brand_ids
                and brand_id not in pattern.brand_ids
                and brand_id is not None
                and brand_id != pattern.maker_id
            ):
                continue  # a shared pattern ("IPC-T…") only counts for the brands that use it
            out.append(
                Evidence(
                    EvidenceKind.PATTERN,
                    self.maker_of(pattern.maker_id),
                    W_PATTERN,
                    f"model number {model} matches {pattern.maker_id} pattern {pattern.pattern}",
                    pattern.provenance.source,
                )
            )
            form = pattern.form_factor
            break
        return out, form

    def _combine(
        self, brand_id: str | None, found: CameraModel | None, evidence: list[Evidence]
    ) -> Identification:
        scores: dict[str, float] = defaultdict(float)
        for item in evidence:
            scores[item.maker_id] = min(1.0, scores[item.maker_id] + item.weight)
        result = Identification(brand_id, None, found, 0.0, evidence, [], dict(scores))
        if not scores:
            return result
        maker, score = max(scores.items(), key=lambda kv: (kv[1], kv[0] == brand_id))
        result.maker_id, result.confidence = maker, score
        for other in result.contenders():
            mine = "; ".join(e.detail for e in evidence if e.maker_id == maker)
            theirs = "; ".join(e.detail for e in evidence if e.maker_id == other)
            result.warnings.append(
                f"conflicting evidence: {maker} ({mine}) but also {other} ({theirs})"
            )
        return result
