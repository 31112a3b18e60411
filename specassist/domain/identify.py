"""Who really made a surveyed device, and what kind of device it is.

Evidence comes from the label, the catalog, model-number patterns, the MAC
and the serial; ``evidence.py`` holds the weights and the precedence rules
(which clue beats which). A brand is resolved to its real maker through
ownership and OEM relations, each checked against the product's model and
date of manufacture (``relations.py``); a relation that cannot be decided
for this product is kept as *pending*, with the evidence that would settle
it, instead of being guessed either way.
"""

from __future__ import annotations

import difflib
import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from specassist.domain.catalog import (
    CameraModel,
    Catalog,
    Confidence,
    FormFactor,
    ModelPattern,
    OemRelation,
    PatternStrength,
    Relation,
    Vendor,
    VendorKind,
)
from specassist.domain.classify_device import ClassDecision, decide_class
from specassist.domain.device_class import CameraKind, DeviceClass
from specassist.domain.evidence import (
    CONFIDENCE_SCALE,
    CONFLICT_FLOOR,
    W_BRAND_LABEL,
    W_CATALOG_MODEL,
    W_FUZZY_FACTOR,
    W_MANUFACTURER_LABEL,
    W_OEM_ALL,
    W_OUI,
    W_PATTERN,
    W_PATTERN_GENERIC,
    Evidence,
    EvidenceKind,
    Overruled,
)
from specassist.domain.relations import Made, RelationStatus, period_text, relation_status
from specassist.domain.serials import SerialReading, read_serial

__all__ = ["CONFLICT_FLOOR", "Evidence", "EvidenceKind", "Identification", "Identifier", "Level"]

FUZZY_CUTOFF = 0.85
_LEGAL_WORDS = {
    "CO", "COMPANY", "LTD", "LIMITED", "INC", "LLC", "GMBH", "AB", "AG", "SA", "SAS", "BV",
    "CORP", "CORPORATION", "PLC", "PVT", "PRIVATE", "TECHNOLOGY", "TECHNOLOGIES", "TECH",
    "DIGITAL", "NETWORK", "SOFTWARE", "INTERNATIONAL", "GROUP", "HOLDINGS", "SECURITY",
    "SYSTEMS", "HANGZHOU", "ZHEJIANG", "SHENZHEN", "THE", "AND", "CCTV", "VIDEO", "CAMERAS",
    "CAMERA", "COMMUNICATIONS", "COMMUNICATION", "ELECTRONICS",
    # A maker's national sales companies: "Dahua Technology USA Inc.", "Hikvision UK Ltd".
    "USA", "US", "UK", "EUROPE", "EU", "AMERICA", "AMERICAS", "NORTH", "CANADA", "INDIA",
    "AUSTRALIA", "MIDDLE", "EAST", "FZE", "SRL", "SPA", "BRASIL", "BRAZIL",
}  # fmt: skip
_NON_ALNUM = re.compile(r"[^A-Z0-9]+")
_CONFIDENCE_RANK = {Confidence.HIGH: 0, Confidence.MEDIUM: 1, Confidence.LOW: 2}


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
    'Hik-Vision' all become 'HIKVISION'; 'Dahua Technology USA Inc.' becomes 'DAHUA'.
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


@dataclass(frozen=True, slots=True)
class Pending:
    """An OEM relation that may reach this product but cannot be decided from the evidence."""

    brand_id: str
    maker_id: str
    status: RelationStatus


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
    """The form a matching model-number pattern or the device type implies."""
    device_class: DeviceClass = DeviceClass.CAMERA
    device_class_basis: str = "assumed: nothing says otherwise"
    device_class_assumed: bool = True
    camera_kind: CameraKind | None = None
    serial: SerialReading | None = None
    made: Made | None = None
    pending: list[Pending] = field(default_factory=list)
    overruled: list[Overruled] = field(default_factory=list)
    components: list[str] = field(default_factory=list)
    """Component makers evidenced (a HiSilicon MAC block): for component rules, not the maker."""
    notes: list[str] = field(default_factory=list)
    """Relations ruled out for this product, and why."""

    @property
    def level(self) -> Level:
        return level_of(self.confidence)

    def contenders(self, floor: float = CONFLICT_FLOOR) -> list[str]:
        """Makers other than the chosen one with real support."""
        return [m for m, s in self.scores.items() if m != self.maker_id and s >= floor]


@dataclass(slots=True)
class _Clues:
    """What is known about one device while its evidence is gathered."""

    model: str | None
    brand_id: str | None
    hits: list[ModelPattern]
    made: Made | None
    result: Identification
    admitted: list[ModelPattern] = field(default_factory=list)
    """The pattern matches no precedence rule set aside."""


class Identifier:
    """Indexes a catalog once, then identifies any number of devices quickly."""

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

    def patterns_matching(self, model: str) -> list[ModelPattern]:
        """Every pattern the model matches, at most one per maker (the first listed)."""
        text = normalise_model(model)
        seen: set[str] = set()
        out = []
        for compiled, pattern in self._patterns:
            if pattern.maker_id not in seen and compiled.match(text):
                seen.add(pattern.maker_id)
                out.append(pattern)
        return out

    def oui(self, mac: str) -> tuple[str, str, str] | None:
        """(vendor_id, registrant, prefix) for a MAC by longest registered prefix; None if
        unknown.

        A locally administered address (second hex digit 2, 6, A or E) is not
        registered to anyone, so it says nothing about the maker.
        """
        digits = re.sub(r"[^0-9A-F]", "", mac.upper())
        if len(digits) < 6 or digits[1] in "26AE":
            return None
        for length in self._oui_lengths:
            entry = self._oui.get(digits[:length])
            if entry is not None:
                return entry.vendor_id, entry.registrant, entry.prefix
        return None

    def clue_key(
        self,
        make: str | None,
        model: str | None,
        mac: str | None,
        device_type: str | None = None,
        serial: str | None = None,
    ) -> tuple[object, ...]:
        """What ``identify`` reads from these, reduced to what decides its answer: the MAC's
        registered block (not the address) and the serial's model and date (not the number).
        Devices with equal keys get the same identification, so an estate of 50,000
        cameras of a few dozen models is identified a few hundred times."""
        hit = self.oui(mac) if mac else None
        block = hit[2] if hit else None
        reading = read_serial(serial)
        read = (reading.model, reading.made_on, reading.channels) if reading else None
        return (make, model, block, device_type, read)

    def relations_of(self, brand_id: str | None) -> list[OemRelation]:
        return list(self._relations.get(brand_id, [])) if brand_id else []

    def maker_of(self, vendor_id: str) -> str:
        """Follow parents: a subsidiary's products are its parent's for the rules."""
        seen = {vendor_id}
        vendor = self.vendors.get(vendor_id)
        while vendor is not None and vendor.parent_vendor_id and vendor.kind is VendorKind.BRAND:
            if vendor.parent_vendor_id in seen:
                break
            seen.add(vendor.parent_vendor_id)
            vendor = self.vendors.get(vendor.parent_vendor_id)
        return vendor.vendor_id if vendor is not None else vendor_id

    def name(self, vendor_id: str) -> str:
        vendor = self.vendors.get(vendor_id)
        return vendor.name if vendor is not None else vendor_id

    def related(self, vendor_id: str, maker_id: str) -> bool:
        """Whether products of ``maker_id`` may carry ``vendor_id``'s label."""
        maker = self.maker_of(maker_id)
        return self.maker_of(vendor_id) == maker or any(
            self.maker_of(r.maker_id) == maker for r in self.relations_of(vendor_id)
        )

    # ------------------------------------------------------------ combination

    def identify(
        self,
        make: str | None,
        model: str | None,
        mac: str | None = None,
        *,
        device_type: str | None = None,
        serial: str | None = None,
        made_on: date | None = None,
    ) -> Identification:
        """Identify one device from what the survey (or a discovery tool) says about it.

        ``device_type`` is the type word a survey column or a tool reported
        ("IPC", "NVR", "Door station"); ``serial`` the serial number;
        ``made_on`` a date of manufacture read from the label.
        """
        make, model = self._resplit(make, model)
        reading = read_serial(serial)
        result = Identification(None, None, None, 0.0, serial=reading)
        if reading is not None:
            model = self._model_from_serial(model, reading, result)
        clues = _Clues(model, None, [], self._made(made_on, reading), result)
        result.made = clues.made
        if make:
            brand_id, exact = self.brand(make)
            if brand_id is not None:
                clues.brand_id = result.brand_id = brand_id
        clues.hits = self.patterns_matching(model) if model else []
        if clues.brand_id is not None:
            self._label(make or "", clues, exact)
        if model and (found := self.catalog_model(model, clues.brand_id)) is not None:
            result.model = found
            self._catalog(model, found, clues)
        oui_vendor = self._oui_evidence(mac, clues) if mac else None
        if model:
            self._pattern_evidence(model, clues, oui_vendor)
        self._combine(result)
        self._classify(device_type, clues)
        return result

    def _made(self, made_on: date | None, reading: SerialReading | None) -> Made | None:
        if made_on is not None:
            return Made.on(made_on, "the label's date of manufacture")
        if reading is not None:
            return Made.on(reading.made_on, reading.basis)
        return None

    def _model_from_serial(
        self, model: str | None, reading: SerialReading, result: Identification
    ) -> str:
        if not model:
            return reading.model
        given = model_variants(model)
        if not set(given) & set(model_variants(reading.model)):
            result.warnings.append(
                f"the serial names model {reading.model}, the survey {model}; check the label"
            )
        return model

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

    # ------------------------------------------------------------ brand → maker

    def _resolve(self, vendor_id: str, clues: _Clues) -> tuple[OemRelation | None, str]:
        """The relation through which ``vendor_id``'s product is another maker's, if one covers it.

        Relations that may apply but cannot be decided become ``pending``;
        relations ruled out for this product go to the notes.
        """
        own = self.maker_of(vendor_id)
        own_line = any(h.maker_id == vendor_id for h in clues.hits)
        covering: list[RelationStatus] = []
        result = clues.result
        for relation in self.relations_of(vendor_id):
            maker = self.maker_of(relation.maker_id)
            if maker == own:
                continue  # ownership: already counted through the parent
            confirmed = any(
                self.maker_of(h.maker_id) == maker and (not h.brand_ids or vendor_id in h.brand_ids)
                for h in clues.hits
            )
            status = relation_status(relation, clues.made, confirmed, own_line)
            if status.applies:
                covering.append(status)
            elif status.applies is None:
                if all(p.status.relation != relation for p in result.pending):
                    result.pending.append(Pending(vendor_id, maker, status))
            else:
                note = f"{self.name(vendor_id)} → {self.name(maker)} does not apply: {status.why}"
                if note not in result.notes:
                    result.notes.append(note)
        if not covering:
            return None, ""
        best = min(covering, key=lambda s: _CONFIDENCE_RANK[s.relation.confidence])
        return best.relation, best.why

    def _relation_evidence(
        self,
        kind: EvidenceKind,
        weights: tuple[float, float],
        what: str,
        vendor_id: str,
        clues: _Clues,
    ) -> Evidence:
        """Evidence for the maker behind ``vendor_id``: itself, its owner, or the OEM maker.

        ``weights`` is (own, through a relation); the relation's weight is
        scaled by its confidence. A label that reaches the maker through an
        OEM relation is recorded as ``oem_relation`` evidence.
        """
        own_weight, relation_weight = weights
        relation, why = self._resolve(vendor_id, clues)
        if relation is not None:
            maker = self.maker_of(relation.maker_id)
            period = period_text(relation)
            return Evidence(
                EvidenceKind.OEM if kind is EvidenceKind.LABEL else kind,
                maker,
                relation_weight * CONFIDENCE_SCALE[relation.confidence],
                f"{what}; {self.name(vendor_id)} products are made by {self.name(maker)} "
                f"({relation.relation.value}, {relation.confidence.value} confidence"
                f"{', ' + period if period else ''}): {why}",
                relation.provenance.source,
                _route(relation),
                relation.provenance.verified,
            )
        vendor = self.vendors.get(vendor_id)
        maker = self.maker_of(vendor_id)
        owned = f", a company owned by {self.name(maker)}" if maker != vendor_id else ""
        return Evidence(
            kind,
            maker,
            own_weight,
            f"{what}{owned}",
            vendor.provenance.source if vendor else "",
            Relation.SUBSIDIARY if maker != vendor_id else None,
            vendor.provenance.verified if vendor else False,
        )

    # ------------------------------------------------------------ clue by clue

    def _label(self, make: str, clues: _Clues, exact: bool) -> None:
        brand_id = clues.brand_id or ""
        vendor = self.vendors[brand_id]
        factor = 1.0 if exact else W_FUZZY_FACTOR
        spelled = "" if exact else f" (read '{make}' as '{vendor.name}')"
        independent = vendor.kind is VendorKind.MANUFACTURER and self.maker_of(brand_id) == brand_id
        own = (W_MANUFACTURER_LABEL if independent else W_BRAND_LABEL) * factor
        clues.result.evidence.append(
            self._relation_evidence(
                EvidenceKind.LABEL,
                (own, W_OEM_ALL * factor),
                f"label says {vendor.name}{spelled}",
                brand_id,
                clues,
            )
        )

    def _catalog(self, model: str, found: CameraModel, clues: _Clues) -> None:
        exact = normalise_model(model) == normalise_model(found.model)
        how = "" if exact else f" (as {found.model})"
        clues.result.evidence.append(
            self._relation_evidence(
                EvidenceKind.CATALOG,
                (W_CATALOG_MODEL, W_CATALOG_MODEL),
                f"model {model} is in the catalog under {found.vendor_id}{how}",
                found.vendor_id,
                clues,
            )
        )

    def _oui_evidence(self, mac: str, clues: _Clues) -> str | None:
        hit = self.oui(mac)
        if hit is None:
            return None
        vendor_id, registrant, prefix = hit
        block = ":".join(prefix[i : i + 2] for i in range(0, len(prefix), 2))
        vendor = self.vendors.get(vendor_id)
        if vendor is not None and vendor.kind is VendorKind.COMPONENT:
            clues.result.components.append(vendor_id)
            clues.result.notes.append(
                f"the MAC is in block {block}, registered to {registrant}, a component maker: "
                "it names the chipset, not the maker of the device"
            )
            return None
        clues.result.evidence.append(
            self._relation_evidence(
                EvidenceKind.OUI,
                (W_OUI, W_OUI),
                f"the MAC is in block {block}, registered to {registrant}",
                vendor_id,
                clues,
            )
        )
        return vendor_id

    def _pattern_evidence(self, model: str, clues: _Clues, oui_vendor: str | None) -> None:
        result = clues.result
        for pattern in clues.hits:
            generic = pattern.strength is PatternStrength.GENERIC
            weight = W_PATTERN_GENERIC if generic else W_PATTERN
            evidence = self._relation_evidence(
                EvidenceKind.PATTERN,
                (weight, weight),
                f"model number {model} matches {pattern.maker_id} pattern {pattern.pattern}",
                pattern.maker_id,
                clues,
            )
            evidence = Evidence(
                EvidenceKind.PATTERN,
                evidence.maker_id,
                evidence.weight,
                evidence.detail,
                pattern.provenance.source,
                evidence.relation,
                pattern.provenance.verified,
            )
            why = self._overruled_pattern(pattern, generic, clues, oui_vendor)
            if why:
                result.overruled.append(Overruled(evidence, why))
            else:
                result.evidence.append(evidence)
                clues.admitted.append(pattern)

    def _overruled_pattern(
        self, pattern: ModelPattern, generic: bool, clues: _Clues, oui_vendor: str | None
    ) -> str | None:
        """The precedence rule (see ``evidence.py``) that sets this pattern match aside, if any."""
        brand, found = clues.brand_id, clues.result.model
        fits_label = brand is None or (
            pattern.maker_id == brand
            or brand in pattern.brand_ids
            or self.related(brand, pattern.maker_id)
        )
        if not fits_label and (generic or pattern.brand_ids):
            return (
                f"the label names {self.name(brand or '')}; a shape "
                f"{'shared with other makers' if generic else 'of a value brand'} does not "
                "outweigh it (rule 1)"
            )
        if found is not None and not self.related(found.vendor_id, pattern.maker_id):
            return f"the catalog lists this model under {found.vendor_id} (rule 2)"
        if generic and oui_vendor is not None and not self.related(oui_vendor, pattern.maker_id):
            return f"the MAC block is registered to {self.name(oui_vendor)} (rule 3)"
        return None

    # ------------------------------------------------------------ decision

    def _combine(self, result: Identification) -> None:
        scores: dict[str, float] = defaultdict(float)
        for item in result.evidence:
            scores[item.maker_id] = min(1.0, scores[item.maker_id] + item.weight)
        result.scores = dict(scores)
        if not scores:
            return
        from_label = (EvidenceKind.LABEL, EvidenceKind.OEM)
        labelled = next((e.maker_id for e in result.evidence if e.kind in from_label), None)
        if labelled is not None:
            maker, score = labelled, scores[labelled]  # the label decides; the rest may contest
        else:
            maker, score = max(scores.items(), key=lambda kv: kv[1])
        result.maker_id, result.confidence = maker, score
        for other in result.contenders():
            mine = "; ".join(e.detail for e in result.evidence if e.maker_id == maker)
            theirs = "; ".join(e.detail for e in result.evidence if e.maker_id == other)
            result.warnings.append(
                f"conflicting evidence: {maker} ({mine}) but also {other} ({theirs})"
            )

    def _classify(self, device_type: str | None, clues: _Clues) -> None:
        result = clues.result
        hits = sorted(clues.admitted, key=lambda h: self.maker_of(h.maker_id) != result.maker_id)
        decision: ClassDecision = decide_class(device_type, hits, result.model, clues.model)
        result.device_class = decision.device_class
        result.device_class_basis = decision.basis
        result.device_class_assumed = decision.assumed
        result.camera_kind = decision.camera_kind
        result.form_hint = decision.form
        result.warnings.extend(decision.warnings)


def _route(relation: OemRelation) -> Relation:
    """How a relation reaches the maker for the rules: a former subsidiary in its period is one."""
    if relation.relation is Relation.FORMER_SUBSIDIARY:
        return Relation.SUBSIDIARY
    return relation.relation
