"""Identification against the shipped catalog: brands, rebrands, patterns, OUIs, conflicts."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from specassist.catalog.loader import load_catalog_folder
from specassist.domain.catalog import (
    CameraModel,
    Catalog,
    CatalogInfo,
    FormFactor,
    ModelPattern,
    Provenance,
    Vendor,
    VendorKind,
)
from specassist.domain.device_class import CameraKind, DeviceClass
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
    assert "axis" in text and "hikvision" in text and "44:19:B6" in text  # the MAC's block
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


# ---------------------------------------------------------------- device class


@pytest.mark.parametrize(
    ("make", "model", "device_type", "expected", "basis"),
    [
        (None, "DS-7608NI-K2", None, DeviceClass.RECORDER, "pattern"),
        (None, "DS-7208HQHI-K1", None, DeviceClass.RECORDER, "pattern"),
        (None, "NVR4108HS-8P-4KS2", None, DeviceClass.RECORDER, "pattern"),
        (None, "DS-KV6113-WPE1(C)", None, DeviceClass.INTERCOM, "pattern"),
        (None, "VTO2202F-P", None, DeviceClass.INTERCOM, "pattern"),
        (None, "DS-6704HWI", None, DeviceClass.ENCODER, "pattern"),
        (None, "DS-K1T341AM", None, DeviceClass.ACCESS_CONTROL, "pattern"),
        ("Axis", "P3265-LVE", None, DeviceClass.CAMERA, "catalog"),
        ("Acme", "DVR-16CH", None, DeviceClass.RECORDER, "starts with"),
        ("Acme", "X-1", "Door station", DeviceClass.INTERCOM, "device type"),
        ("Acme", "X-1", "SD", DeviceClass.CAMERA, "device type"),
        ("Acme", "X-1", None, DeviceClass.CAMERA, "assumed"),
    ],
)
def test_device_class_and_its_basis(
    identifier: Identifier,
    make: str | None,
    model: str,
    device_type: str | None,
    expected: DeviceClass,
    basis: str,
) -> None:
    found = identifier.identify(make, model, device_type=device_type)
    assert found.device_class is expected
    assert basis in found.device_class_basis
    assert found.device_class_assumed == (basis == "assumed")


def test_camera_kind_and_form_come_with_the_class(identifier: Identifier) -> None:
    analog = identifier.identify(None, "DS-2CE16D0T-IT3E")
    assert analog.camera_kind is CameraKind.ANALOG
    thermal = identifier.identify(None, "TPC-BF5300")
    assert thermal.camera_kind is CameraKind.THERMAL
    ptz = identifier.identify("Acme", "X-1", device_type="Speed dome")
    assert ptz.form_hint is FormFactor.PTZ
    recorder = identifier.identify("Hikvision", "DS-7608NI-K2")
    assert recorder.camera_kind is None and recorder.form_hint is None


def test_a_reported_type_that_contradicts_the_model_is_kept_and_flagged(
    identifier: Identifier,
) -> None:
    found = identifier.identify("Hikvision", "DS-2CD2143G2-I", device_type="NVR")
    assert found.device_class is DeviceClass.RECORDER
    assert any("fits a camera pattern" in w for w in found.warnings)


# ---------------------------------------------------------------- serials and dates


def test_serial_supplies_model_and_date(identifier: Identifier) -> None:
    found = identifier.identify(None, None, serial="DS-2CD2143G2-I20220315AAWRJ12345678")
    assert found.maker_id == "hikvision"
    assert found.serial is not None and found.serial.model == "DS-2CD2143G2-I"
    assert found.made is not None and found.made.earliest == date(2022, 3, 15)


def test_serial_naming_another_model_is_a_warning(identifier: Identifier) -> None:
    found = identifier.identify(
        "Hikvision", "DS-2CD2T47G2-L", serial="DS-2CD2143G2-I20220315AAWRJ12345678"
    )
    assert any("the serial names model DS-2CD2143G2-I" in w for w in found.warnings)


@pytest.mark.parametrize(
    ("made_on", "maker", "pending"),
    [(date(2020, 5, 1), "dahua", False), (date(2023, 5, 1), "lorex", False), (None, "lorex", True)],
)
def test_dated_relation_is_decided_by_the_date(
    identifier: Identifier, made_on: date | None, maker: str, pending: bool
) -> None:
    found = identifier.identify("Lorex", "LNB4321B", made_on=made_on)
    assert found.maker_id == maker
    assert bool(found.pending) is pending
    if pending:
        assert found.pending[0].maker_id == "dahua"
        assert "serial number" in (found.pending[0].status.settle or "")
    if made_on is not None and maker == "lorex":
        assert any("outside 2018-02-06 to 2022-11-23" in n for n in found.notes)


# ---------------------------------------------------------------- precedence


def test_value_brand_shapes_do_not_claim_each_other(identifier: Identifier) -> None:
    assert identifier.identify(None, "IPC-B140H").maker_id == "hikvision"  # HiLook/HiWatch
    assert identifier.identify(None, "IPC-B122-APF28").maker_id == "uniview"  # Uniarch
    assert identifier.identify("Uniarch", "IPC-B122-APF28").maker_id == "uniview"
    assert identifier.identify("EmpireTech", "IPC-T5442TM-AS").maker_id == "dahua"


def test_a_label_overrules_a_generic_shape_of_an_unrelated_maker(identifier: Identifier) -> None:
    found = identifier.identify("Uniarch", "IPC-D140H")  # a HiWatch shape under a Uniarch label
    assert found.maker_id == "uniview"
    assert [o.evidence.maker_id for o in found.overruled] == ["hikvision"]
    assert "rule 1" in found.overruled[0].why
    assert not found.contenders()


def test_a_distinctive_shape_against_a_label_stays_a_contender(identifier: Identifier) -> None:
    found = identifier.identify("Axis", "DS-2CD2143G2-I")
    assert found.maker_id == "axis"
    assert "hikvision" in found.contenders()


def test_a_registered_mac_overrules_a_generic_shape(identifier: Identifier) -> None:
    found = identifier.identify(None, "SD6582A-HN", "00:40:8C:11:22:33")
    assert found.maker_id == "axis" and not found.contenders()
    assert "rule 3" in found.overruled[0].why
    conflict = identifier.identify(None, "DS-2CD2143G2-I", "00:40:8C:11:22:33")
    assert {"axis", "hikvision"} <= set(conflict.scores) and conflict.warnings


def test_a_catalog_model_overrules_another_makers_pattern() -> None:
    source = Provenance("test", None, True)
    catalog = Catalog(
        CatalogInfo("t", "1", None),
        vendors=[Vendor("acme", "Acme", VendorKind.MANUFACTURER, source),
                 Vendor("other", "Other", VendorKind.MANUFACTURER, source)],
        models=[CameraModel("acme", "SD1234", FormFactor.PTZ, source)],
        model_patterns=[ModelPattern("other", r"SD\d", source)],
    )  # fmt: skip
    found = Identifier(catalog).identify(None, "SD1234")
    assert found.maker_id == "acme"
    assert "rule 2" in found.overruled[0].why


def test_a_brands_own_line_settles_its_some_products_relations(identifier: Identifier) -> None:
    own = identifier.identify("Honeywell", "HC30W45R3")
    assert own.maker_id == "honeywell" and not own.pending
    relabel = identifier.identify("Honeywell", "H4D3PRV2")
    assert relabel.maker_id == "dahua"
    unknown_line = identifier.identify("Honeywell", "HICC-1300W")
    assert {p.maker_id for p in unknown_line.pending} == {"dahua", "hikvision"}


@pytest.mark.parametrize(
    ("label", "maker"),
    [("Dahua Technology USA Inc.", "dahua"), ("LeChange", "dahua"), ("HIKMICRO", "hikvision"),
     ("LT Security", "hikvision"), ("Samsung", "hanwha"), ("Arecont Vision", "arecont")],
)  # fmt: skip
def test_spellings_sub_brands_and_relabels(identifier: Identifier, label: str, maker: str) -> None:
    assert identifier.identify(label, None).maker_id == maker


def test_a_chipset_mac_names_a_component_not_the_maker(identifier: Identifier) -> None:
    found = identifier.identify(None, None, "84:8A:59:11:22:33")
    assert found.maker_id is None and found.components == ["hisilicon"]
