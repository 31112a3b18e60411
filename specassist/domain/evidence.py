"""Clues about who made a device, their weights, and which clue beats which.

Each clue becomes an Evidence for the maker it points to; weights for the
same maker add up (capped at 1) and the maker with the most support wins.
Before adding up, the precedence rules below set aside ("overrule") clues
that a stronger clue contradicts, and record why, so nothing is silently
dropped:

1. A label naming a known vendor decides the attribution. It sets aside a
   **generic** model-number shape of an unrelated maker ("Uniarch" + a shape
   HiWatch also uses → Uniview). A **distinctive** shape, a catalog model or
   a MAC of an unrelated maker is kept as a contender: a contender the rules
   exclude sends the device to a site check instead of deciding it.
2. A model listed in the catalog under one vendor beats any pattern of an
   unrelated maker (VIVOTEK's SD9364-EHL is not a Dahua "SD…" PTZ).
3. A MAC in a block registered to one vendor beats a generic shape of an
   unrelated maker; against a distinctive shape it is a conflict.
4. A shape that a value brand uses (``brand_ids``) counts under that brand's
   label, the maker's own label or no label; under any other known label it
   falls under rule 1.

"Related" means the same ultimate maker, a brand the pattern names, or a
maker the label's brand has an OEM relation with.

Weights, with worked examples:
- label names a manufacturer ("Hikvision")                         0.60
- label names a brand owned by a maker ("EZVIZ" → Hikvision) or a
  brand standing for its own products ("Amcrest", "Axis Companion") 0.55
- label names a brand whose OEM relation covers this product
  (LTS → Hikvision, all products, medium confidence: 0.55 × 0.7)   0.55 × confidence
- model found in the catalog under a vendor                         0.50
- model number matches a distinctive pattern ("DS-2CD2143G2-I")     0.40
- model number matches a generic pattern ("SD6582A-HN")             0.35
- MAC prefix registered to a vendor (BC:AD:28 → Hikvision)          0.40
A label "Hikvision" plus a DS-2CD… model gives 1.0; a blank label with only a
Hikvision OUI gives 0.40 ("medium"); a generic Dahua shape alone 0.35 (medium).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from specassist.domain.catalog import Confidence, Relation

W_MANUFACTURER_LABEL = 0.60
W_BRAND_LABEL = 0.55
W_OEM_ALL = 0.55
W_CATALOG_MODEL = 0.50
W_PATTERN = 0.40
W_PATTERN_GENERIC = 0.35
"""Enough on its own for a medium identification; a registered MAC (0.40) outweighs it."""
W_OUI = 0.40
W_FUZZY_FACTOR = 0.8
"""A misspelt label ("Hikvison") counts for 80 % of an exact one."""
CONFLICT_FLOOR = 0.30
"""A second maker with at least this much support is reported as a conflict."""
CONFIDENCE_SCALE = {Confidence.HIGH: 1.0, Confidence.MEDIUM: 0.7, Confidence.LOW: 0.4}
"""Low-confidence relations (0.55 × 0.4 = 0.22) stay below the 0.35 needed to identify."""


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
    relation: Relation | None = None
    """For evidence that reaches the maker through an OEM relation: which kind."""
    verified: bool = True
    """False when it rests on a catalog row marked unverified."""


@dataclass(frozen=True, slots=True)
class Overruled:
    """A clue set aside by a stronger one, with the rule that decided it."""

    evidence: Evidence
    why: str
