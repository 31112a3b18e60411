"""Prove that no model-number pattern claims another maker's products.

A pattern that matches a model another maker sells would exclude a compliant
camera "as made by Hikvision" in a public tender, so ``catalog check`` fails
on any of these:

- a pattern matches a model in ``models.csv`` (or its aliases) of a vendor
  the pattern does not cover;
- a pattern matches a model in the look-alike list (``lookalikes.csv``):
  real model numbers of one maker that resemble another maker's shapes,
  such as VIVOTEK's SD9364-EHL beside Dahua's "SD…" PTZ names;
- two makers' patterns both match one pattern's own example, so the shapes
  overlap.

A pattern covers a vendor when the vendor is its maker, is one of the
brands it names (``brand_ids``), or is owned by the same ultimate maker.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from specassist.domain.catalog import Catalog, ModelPattern
from specassist.domain.identify import Identifier, normalise_model


@dataclass(frozen=True, slots=True)
class PatternClash:
    pattern_index: int
    """Position of the pattern in ``catalog.model_patterns``."""
    model: str
    owner: str
    where: str

    def message(self, pattern: ModelPattern) -> str:
        return (
            f"pattern {pattern.pattern} ({pattern.maker_id}) matches {self.owner} model "
            f"{self.model} from {self.where}"
        )


def pattern_clashes(catalog: Catalog) -> list[PatternClash]:
    """Every collision of a pattern with another maker's model or pattern.

    Names are normalised once and each pattern asks once per vendor whether it covers
    it: the check runs on every catalog load, over every pattern × every model name."""
    identifier = Identifier(catalog)
    owned: list[tuple[str, str, str, str]] = [
        (m.vendor_id, name, "models.csv", normalise_model(name))
        for m in catalog.models
        for name in (m.model, *m.aliases)
    ]
    owned += [
        (x.vendor_id, x.model, "lookalikes.csv", normalise_model(x.model))
        for x in catalog.lookalikes
    ]
    examples = [
        (other, [(example, normalise_model(example)) for example in other.must_match])
        for other in catalog.model_patterns
    ]
    vendors = {vendor_id for vendor_id, *_ in owned} | {o.maker_id for o in catalog.model_patterns}
    clashes = []
    for index, pattern in enumerate(catalog.model_patterns):
        regex = re.compile(pattern.pattern)
        covered = {v for v in vendors if _covers(identifier, pattern, v)}
        for vendor_id, model, where, normal in owned:
            if vendor_id not in covered and regex.match(normal):
                clashes.append(PatternClash(index, model, vendor_id, where))
        maker = identifier.maker_of(pattern.maker_id)
        for other, normals in examples:
            if identifier.maker_of(other.maker_id) == maker or other.maker_id in covered:
                continue
            for example, normal in normals:
                if regex.match(normal):
                    clashes.append(
                        PatternClash(
                            index, example, other.maker_id, f"the examples of {other.pattern}"
                        )
                    )
    return clashes


def _covers(identifier: Identifier, pattern: ModelPattern, vendor_id: str) -> bool:
    return (
        vendor_id == pattern.maker_id
        or vendor_id in pattern.brand_ids
        or identifier.maker_of(vendor_id) == identifier.maker_of(pattern.maker_id)
    )
