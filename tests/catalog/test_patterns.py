"""Model-number patterns: no pattern claims another maker's model, and every class is covered."""

from __future__ import annotations

from pathlib import Path

import pytest

from specassist.catalog.loader import load_catalog_folder
from specassist.domain.catalog import Catalog, PatternStrength
from specassist.domain.device_class import DeviceClass
from specassist.domain.identify import Identifier
from specassist.domain.issues import Severity
from specassist.domain.pattern_checks import pattern_clashes


@pytest.fixture(scope="module")
def catalog(shipped_catalog_module: Path) -> Catalog:
    load = load_catalog_folder(shipped_catalog_module)
    assert load.ok, [str(i) for i in load.issues if i.severity is Severity.ERROR]
    return load.catalog


@pytest.fixture(scope="module")
def shipped_catalog_module() -> Path:
    return Path(__file__).parent.parent.parent / "catalog"


def test_shipped_patterns_claim_no_other_makers_models(catalog: Catalog) -> None:
    assert pattern_clashes(catalog) == []
    assert len(catalog.lookalikes) >= 25


def test_every_device_class_has_patterns(catalog: Catalog) -> None:
    covered = {p.device_class for p in catalog.model_patterns}
    assert set(DeviceClass) - {DeviceClass.OTHER} <= covered


def test_value_brand_and_shared_shapes_are_marked_generic(catalog: Catalog) -> None:
    shared = [p for p in catalog.model_patterns if p.pattern.startswith(("IPC-[", "IPC\\d"))]
    assert shared and all(p.strength is PatternStrength.GENERIC for p in shared)


def test_every_lookalike_is_identified_as_its_own_maker(catalog: Catalog) -> None:
    identifier = Identifier(catalog)
    for lookalike in catalog.lookalikes:
        found = identifier.identify(None, lookalike.model)
        vendor = lookalike.vendor_id
        acceptable = {None, identifier.maker_of(vendor)} | {
            identifier.maker_of(r.maker_id) for r in identifier.relations_of(vendor)
        }
        assert found.maker_id in acceptable, (lookalike, found.maker_id)
