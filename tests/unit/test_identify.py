"""Identification against the shipped catalog: brands, rebrands, patterns, OUIs, conflicts."""

from __future__ import annotations

from pathlib import Path

import pytest

from specassist.catalog.loader import load_catalog_folder
from specassist.domain.catalog import Catalog, FormFactor
from specassist.domain.identify import (
    EvidenceKind,
    Identifier,
    Level,
    model_variants,
    normalise_brand,
    normalise_model,
)

REPO = Path(__file__).parent.parent.parent


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    load = load_catalog_folder(REPO / "catalog")
    assert load.ok, load.issues
    return load.catalog


@pytest.fixture(scope="module")
def identifier(catalog: Catalog) -> Identifier:
    return Identifier(catalog)


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("HIKVISION", "HIKVISION"),
        ("Hik Vision", "HIKVISION"),
        ("hik-vision", "HIKVISION"),
        ("Hangzhou Hikvision Digital Technology Co., Ltd.", "HIKVISION"),
        ("Zhejiang Dahua Technology Co.,Ltd", "DAHUA"),
        ("Axis Communications AB", "AXIS"),
        ("  bosch ", "BOSCH"),
    ],
)
def test_normalise_brand(label: str, expected: str) -> None:
    assert normalise_brand(label) == expected


def test_model_variants_strip_lens_and_suffixes() -> None:
    assert normalise_model(" ds-2cd2143g2-i ") == "DS-2CD2143G2-I"
    variants = model_variants("DS-2CD2143G2-IS (2.8mm)")
    assert variants[:3] == ["DS-2CD2143G2-IS(2.8MM)", "DS-2CD2143G2-IS", "DS-2CD2143G2"]
    assert model_variants("IPC-HFW2431S-S-S2")[-1] == "IPC-HFW2431S"


@pytest.mark.parametrize(
    ("make", "model", "mac", "maker", "kinds"),
    [
        # Labels, legal names and misspellings of the maker itself.
        ("Hikvision", "DS-2CD2143G2-I", None, "hikvision", {"label", "catalog_model"}),
        ("Hik Vision", "", None, "hikvision", {"label"}),
        ("HIKVISON", "", None, "hikvision", {"label"}),
        ("Hangzhou Hikvision Digital Technology Co., Ltd.", "", None, "hikvision", {"label"}),
        ("DAHUA", "IPC-HFW2431S-S-S2", None, "dahua", {"label", "model_pattern"}),
        # Rebrands reach the maker through ownership or OEM relations.
        ("EZVIZ", "C3N", None, "hikvision", {"label"}),
        ("HiWatch", "IPC-B120", None, "hikvision", {"label"}),
        ("Imou", "Bullet 2C", None, "dahua", {"label"}),
        # A model pattern with a brand nobody knows.
        ("Acme Security", "DS-2CD2386G2-IU", None, "hikvision", {"model_pattern"}),
        (None, "IPC-HDW2431T-AS-S2", None, "dahua", {"model_pattern"}),
        # OUI only; separators and case do not matter.
        (None, None, "44:19:B6:11:22:33", "hikvision", {"mac_oui"}),
        (None, None, "3ce36b-aa-bb-cc", "dahua", {"mac_oui"}),
        # Lens suffixes and variant suffixes still find the catalog model.
        ("Hikvision", "DS-2CD2143G2-I(2.8mm)", None, "hikvision", {"label", "catalog_model"}),
        # Compliant makers.
        ("Axis", "M3106-L Mk II", "00:40:8C:01:02:03", "axis", {"label", "mac_oui"}),
        ("Hanwha Techwin", "XNV-8080R", None, "hanwha", {"label"}),
        ("Bosch", "", None, "bosch", {"label"}),
    ],
)
def test_identifies_the_real_maker(
    identifier: Identifier,
    make: str | None,
    model: str | None,
    mac: str | None,
    maker: str,
    kinds: set[str],
) -> None:
    found = identifier.identify(make, model, mac)
    assert found.maker_id == maker
    assert kinds <= {e.kind.value for e in found.evidence if e.maker_id == maker}
    assert all(e.weight > 0 and e.source for e in found.evidence)
    assert not found.warnings


def test_every_piece_of_evidence_raises_confidence(identifier: Identifier) -> None:
    label = identifier.identify("Hikvision", None)
    with_model = identifier.identify("Hikvision", "DS-2CD2143G2-I")
    with_mac = identifier.identify("Hikvision", "DS-2CD2143G2-I", "44:19:B6:00:00:01")
    assert label.confidence < with_model.confidence <= with_mac.confidence <= 1.0
    assert with_model.level is Level.HIGH


def test_conflicting_evidence_is_a_warning_with_both_sides(identifier: Identifier) -> None:
    found = identifier.identify("Axis", "P3245-LV", "44:19:B6:11:22:33")
    assert found.warnings, "an Axis label on a Hikvision MAC must not pass silently"
    text = found.warnings[0]
    assert "axis" in text and "hikvision" in text and "44:19:B6:11:22:33" in text
    assert found.maker_id == "axis"
    assert "hikvision" in found.contenders()


def test_locally_administered_mac_says_nothing(identifier: Identifier) -> None:
    found = identifier.identify(None, None, "46:19:B6:11:22:33")
    assert found.maker_id is None
    assert not any(e.kind is EvidenceKind.OUI for e in found.evidence)


@pytest.mark.parametrize(
    ("make", "model", "mac"),
    [("", "", ""), ("Foo", "Bar-9000", None), (None, "12345", "not a mac"), ("?", "-", None)],
)
def test_unknown_cameras_stay_unknown(
    identifier: Identifier, make: str | None, model: str | None, mac: str | None
) -> None:
    found = identifier.identify(make, model, mac)
    assert found.maker_id is None
    assert found.confidence == 0
    assert found.level is Level.NONE


def test_some_products_oem_relation_is_only_a_weak_hint(identifier: Identifier) -> None:
    found = identifier.identify("Lorex", "LNB4163")
    assert found.maker_id in (None, "dahua", "lorex")
    assert found.scores.get("dahua", 0) < 0.35


def test_model_pattern_hints_the_form(identifier: Identifier) -> None:
    assert identifier.identify(None, "IPC-HFW9999X").form_hint is FormFactor.BULLET
    assert identifier.identify(None, "DS-2DE4425IW-DE").form_hint is FormFactor.PTZ


@pytest.mark.parametrize(
    ("model", "maker"),
    [("IPC2124LE-ADF28KM-G", "uniview"), ("MS-C2964-PB", "milesight"), ("TC-C32XN", "tiandy"),
     ("DH-IPC-HDW4431C-A", "dahua"), ("DS-2CE16D0T-IT3E", "hikvision")],
)  # fmt: skip
def test_patterns_recognise_unlabelled_models(
    identifier: Identifier, model: str, maker: str
) -> None:
    assert identifier.identify(None, model).maker_id == maker


@pytest.mark.parametrize(
    ("make", "model", "maker"),
    [("HIK", "VISION DS-2CD2143G2-I", "hikvision"),  # "HIK VISION DS-…" split at its first space
     (None, "Hikvision DS-2CD2143G2-I", "hikvision"),  # brand and model in the model column
     ("Hanwha", "Vision XNV-8080R", "hanwha")],
)  # fmt: skip
def test_brand_words_left_in_the_model_are_moved_back(
    identifier: Identifier, make: str | None, model: str, maker: str
) -> None:
    found = identifier.identify(make, model)
    assert found.maker_id == maker
    assert not found.warnings
