"""The rule engine: profile- and date-dependent verdicts, each with its reason and citation."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from specassist.catalog.loader import load_catalog_folder
from specassist.domain.catalog import Catalog
from specassist.domain.identify import Identifier
from specassist.domain.rules import RuleEngine, Verdict, chosen_rule_sets

REPO = Path(__file__).parent.parent.parent
TODAY = date(2026, 11, 27)
ALL = None  # every shipped rule set that is not a template
NDAA = ["us-ndaa-889"]
FCC = ["us-fcc-covered-list"]
UK = ["uk-sensitive-sites-2022"]


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    load = load_catalog_folder(REPO / "catalog")
    assert load.ok, load.issues
    return load.catalog


def verdict_of(
    catalog: Catalog,
    make: str | None,
    model: str | None,
    mac: str | None = None,
    rules: list[str] | None = ALL,
    as_of: date = TODAY,
) -> tuple[Verdict, list[str]]:
    engine = RuleEngine(catalog, rules, as_of)
    decision = engine.decide(Identifier(catalog).identify(make, model, mac))
    return decision.verdict, [r.rule for r in decision.reasons]


@pytest.mark.parametrize(
    ("make", "model", "mac", "rules", "verdict", "rule"),
    [
        # Named makers and their rebrands, under each profile.
        ("Hikvision", "DS-2CD2143G2-I", None, NDAA, "excluded", "us-ndaa-889/"),
        # The FCC rules govern authorisation, import and marketing, not installed equipment.
        ("Dahua", "IPC-HDW2431T-AS-S2", None, FCC, "allowed", None),
        ("EZVIZ", "C6N", None, NDAA, "excluded", "us-ndaa-889/"),
        ("HiLook", "IPC-B140H", None, UK, "excluded", "uk-sensitive-sites-2022/"),
        ("Imou", "Ranger 2", None, NDAA, "excluded", "us-ndaa-889/"),
        ("Hik Vision", "", None, NDAA, "excluded", "us-ndaa-889/"),
        # OUI alone, and a Hikvision model number behind an unknown label.
        (None, None, "44:19:B6:11:22:33", NDAA, "excluded", "us-ndaa-889/"),
        ("Acme", "DS-2CD2386G2-IU", None, NDAA, "excluded", "us-ndaa-889/"),
        # Profile-dependent: a PRC maker §889 does not name.
        ("Uniview", "IPC2124LE-ADF28KM-G", None, UK, "excluded", "uk-sensitive-sites-2022/"),
        ("Uniview", "IPC2124LE-ADF28KM-G", None, NDAA, "allowed", None),
        ("Milesight", "MS-C2964-PB", None, UK, "excluded", "uk-sensitive-sites-2022/"),
        ("Milesight", "MS-C2964-PB", None, FCC, "allowed", None),
        # Conflicting evidence: an Axis label on a Hikvision MAC is a site check.
        ("Axis", "P3245-LV", "44:19:B6:11:22:33", NDAA, "unknown", "us-ndaa-889/"),
        # A brand whose products are only partly Dahua-made: a site check, not a guess.
        ("Lorex", "LNB4163", None, NDAA, "unknown", "us-ndaa-889/"),
        # Unknown makers.
        ("Foo", "Bar-9000", None, NDAA, "unknown", None),
        ("", "", "", ALL, "unknown", None),
    ],
)
def test_verdicts(
    catalog: Catalog,
    make: str | None,
    model: str | None,
    mac: str | None,
    rules: list[str] | None,
    verdict: str,
    rule: str | None,
) -> None:
    got, reasons = verdict_of(catalog, make, model, mac, rules)
    assert got.value == verdict
    if rule is None:
        assert reasons == []
    else:
        assert reasons and all(r.startswith(rule) for r in reasons), reasons


@pytest.mark.parametrize(
    ("make", "model", "mac"),
    [
        ("Axis", "P3245-LVE", "00:40:8C:12:34:56"),
        ("AXIS Communications AB", "M3106-L Mk II", None),
        ("Hanwha Vision", "XNV-8080R", None),
        ("Samsung Techwin", "SNO-6084R", None),
        ("Bosch", "FLEXIDOME IP 3000i", None),
    ],
)
def test_compliant_makers_are_never_flagged(
    catalog: Catalog, make: str, model: str, mac: str | None
) -> None:
    for rules in (ALL, NDAA, FCC, UK):
        assert verdict_of(catalog, make, model, mac, rules) == (Verdict.ALLOWED, [])


@pytest.mark.parametrize(
    ("as_of", "rules", "verdict"),
    [
        (date(2019, 1, 1), NDAA, "allowed"),  # §889(a)(1)(A) applies from 13 Aug 2019
        (date(2019, 8, 13), NDAA, "excluded"),
        (date(2022, 11, 23), UK, "allowed"),  # the written statement is of 24 Nov 2022
        (date(2022, 11, 24), UK, "excluded"),
    ],
)
def test_verdicts_depend_on_the_date(
    catalog: Catalog, as_of: date, rules: list[str], verdict: str
) -> None:
    engine = RuleEngine(catalog, rules, as_of)
    decision = engine.decide(Identifier(catalog).identify("Hikvision", "DS-2CD2143G2-I"))
    assert decision.verdict.value == verdict
    if verdict == "allowed":
        assert any("not in force" in w for w in decision.warnings)


def test_reasons_carry_citation_and_evidence(catalog: Catalog) -> None:
    engine = RuleEngine(catalog, NDAA, TODAY)
    decision = engine.decide(Identifier(catalog).identify("HiWatch", "IPC-B120"))
    reason = decision.reasons[0]
    assert reason.citation.title and reason.citation.url
    assert "acquisition.gov" in reason.citation.url or "congress.gov" in reason.citation.url
    assert reason.maker_id == "hikvision"
    assert any("HiWatch" in e for e in reason.evidence)


def test_replacement_models_are_screened_by_the_same_engine(catalog: Catalog) -> None:
    engine = RuleEngine(catalog, UK, TODAY)
    assert engine.model_allowed("axis") and engine.model_allowed("hanwha")
    assert not engine.model_allowed("hikvision")
    assert not engine.model_allowed("uniview")
    assert RuleEngine(catalog, NDAA, TODAY).model_allowed("uniview")


def _catalog_with_policy(tmp_path: Path, policy: str) -> Catalog:
    folder = tmp_path / "catalog"
    shutil.copytree(REPO / "catalog", folder)
    (folder / "rules" / "client.toml").write_text(policy, encoding="utf-8")
    load = load_catalog_folder(folder)
    assert load.ok, load.issues
    return load.catalog


def test_client_approved_vendor_list_excludes_everyone_else(tmp_path: Path) -> None:
    catalog = _catalog_with_policy(
        tmp_path,
        '[rule_set]\nid = "client"\ntitle = "Client approved list"\njurisdiction = "client"\n'
        'authority = "Client"\n[rule_set.citation]\ntitle = "Client policy SEC-12"\n\n'
        '[[rules]]\nid = "approved"\ndescription = "Only approved vendors"\n'
        'severity = "prohibited"\napproved_vendors = ["axis"]\n',
    )
    assert verdict_of(catalog, "Axis", "P3245-LV", rules=["client"])[0] is Verdict.ALLOWED
    got, reasons = verdict_of(catalog, "Bosch", "", rules=["client"])
    assert got is Verdict.EXCLUDED and reasons == ["client/approved"]


def test_client_country_rule_and_advisory_severity(tmp_path: Path) -> None:
    catalog = _catalog_with_policy(
        tmp_path,
        '[rule_set]\nid = "client"\ntitle = "Client"\njurisdiction = "client"\n'
        'authority = "Client"\n[rule_set.citation]\ntitle = "Client policy"\n\n'
        '[[rules]]\nid = "advise-kr"\ndescription = "Review Korean-controlled makers"\n'
        'severity = "advisory"\ncontrol_countries = ["KR"]\n',
    )
    engine = RuleEngine(catalog, ["client"], TODAY)
    decision = engine.decide(Identifier(catalog).identify("Hanwha", "XNV-8080R"))
    assert decision.verdict is Verdict.ALLOWED
    assert [r.rule for r in decision.advisories] == ["client/advise-kr"]


# ---------------------------------------------------------------- installed vs offered


def test_fcc_rules_bar_offers_not_installed_equipment(catalog: Catalog) -> None:
    engine = RuleEngine(catalog, FCC, TODAY)
    decision = engine.decide(Identifier(catalog).identify("Dahua", "IPC-HDW2431T-AS-S2"))
    assert decision.verdict is Verdict.ALLOWED
    assert [r.rule for r in decision.replacement_limits] == [
        "us-fcc-covered-list/covered-video-surveillance"
    ]
    assert not engine.model_allowed("dahua") and engine.model_allowed("axis")
    switched_on = RuleEngine(catalog, FCC, TODAY, installed_rule_sets=["us-fcc-covered-list"])
    assert switched_on.decide(decision.identification).verdict is Verdict.EXCLUDED


def test_a_list_update_applies_from_its_own_date(catalog: Catalog) -> None:
    before = RuleEngine(catalog, FCC, date(2025, 12, 1))
    after = RuleEngine(catalog, FCC, date(2025, 12, 22))
    assert before.model_allowed("dji") and not after.model_allowed("dji")


# ---------------------------------------------------------------- makers, relabels, dates


@pytest.mark.parametrize(
    ("make", "model", "made_on", "verdict", "maker"),
    [
        ("Huawei", "IPC6112", None, "excluded", "huawei"),
        ("Honeywell", "H4D3PRV2", None, "excluded", "dahua"),
        ("Honeywell", "HC30W45R3", None, "allowed", None),
        ("LT Security", "CMIP3432-28", None, "excluded", "hikvision"),
        ("Loryta", "IPC-T549M-ALED-S3", None, "excluded", "dahua"),
        ("Uniarch", "IPC-T122-APF28", None, "allowed", None),
        ("Lorex", "LNB4321B", date(2019, 6, 1), "excluded", "dahua"),
        ("Lorex", "LNB4321B", date(2023, 6, 1), "allowed", None),
    ],
)
def test_relabels_and_dated_relations_under_889(
    catalog: Catalog,
    make: str,
    model: str,
    made_on: date | None,
    verdict: str,
    maker: str | None,
) -> None:
    engine = RuleEngine(catalog, NDAA, TODAY)
    decision = engine.decide(engine.identifier.identify(make, model, made_on=made_on))
    assert decision.verdict.value == verdict
    assert {r.maker_id for r in decision.reasons} == ({maker} if maker else set())
    assert all(r.citation.url for r in decision.reasons)


@pytest.mark.parametrize(
    ("make", "model", "settle"),
    [("Lorex", "LNB4321B", "serial number"), ("Amcrest", "IP4M-1025EB", "model number"),
     ("Honeywell", "HICC-1300W", "model number"), ("Interlogix", "TVD-1201", "model number")],
)  # fmt: skip
def test_undecided_relations_say_what_would_settle_them(
    catalog: Catalog, make: str, model: str, settle: str
) -> None:
    engine = RuleEngine(catalog, NDAA, TODAY)
    decision = engine.decide(engine.identifier.identify(make, model))
    assert decision.verdict is Verdict.UNKNOWN
    assert any("To settle it" in w and settle in w for w in decision.warnings)
    assert decision.reasons and not any(r.definite for r in decision.reasons)


def test_unrecorded_control_is_a_site_check_not_a_verdict(catalog: Catalog) -> None:
    engine = RuleEngine(catalog, UK, TODAY)
    decision = engine.decide(engine.identifier.identify("TP-Link", "VIGI C540"))
    assert decision.verdict is Verdict.UNKNOWN
    assert "who controls it is not recorded" in decision.reasons[0].evidence[0]
    assert RuleEngine(catalog, NDAA, TODAY).model_allowed("tp-link")


def test_a_chipset_is_an_advisory_not_an_exclusion(catalog: Catalog) -> None:
    engine = RuleEngine(catalog, NDAA, TODAY)
    decision = engine.decide(engine.identifier.identify("Axis", "P3265-LVE", "84:8A:59:01:02:03"))
    assert decision.verdict is Verdict.ALLOWED
    assert [r.rule for r in decision.advisories] == ["us-ndaa-889/hisilicon-component"]


# ---------------------------------------------------------------- the rule packs themselves


def test_optional_packs_stay_out_of_the_default_profile(catalog: Catalog) -> None:
    default = {r.rule_set_id for r in chosen_rule_sets(catalog, None)}
    optional = {r.rule_set_id for r in catalog.rule_sets if r.optional}
    assert {"us-la-rs39-1753-1", "us-tx-prohibited-technologies", "au-commonwealth-2023"} <= (
        optional
    )
    assert not default & optional and "us-ndaa-889" in default
    louisiana = RuleEngine(catalog, ["us-la-rs39-1753-1"], TODAY)
    assert not louisiana.model_allowed("hikvision") and louisiana.model_allowed("uniview")
    texas = RuleEngine(catalog, ["us-tx-prohibited-technologies"], date(2026, 2, 1))
    assert not texas.model_allowed("uniview")
    assert RuleEngine(catalog, ["us-tx-prohibited-technologies"], date(2025, 6, 1)).model_allowed(
        "uniview"
    )


def test_every_shipped_pack_is_versioned_reviewed_and_sourced(catalog: Catalog) -> None:
    for rule_set in catalog.rule_sets:
        if rule_set.template:
            continue
        assert rule_set.version and rule_set.reviewed, rule_set.rule_set_id
        assert rule_set.citation.title and rule_set.citation.url, rule_set.rule_set_id
        for provision in rule_set.provisions:
            assert provision.citation is not None and provision.citation.title, provision


def test_reporting_duty_and_fcc_orders_are_kept_as_data(catalog: Catalog) -> None:
    packs = {r.rule_set_id: r for r in catalog.rule_sets}
    duty = next(p for p in packs["us-ndaa-889"].provisions if p.provision_id == "far-52.204-25-d")
    assert "one business day" in duty.text and duty.kind.value == "duty"
    fcc = packs["us-fcc-covered-list"]
    assert not fcc.applies_to_installed
    order = next(p for p in fcc.provisions if p.provision_id == "fcc-25-71")
    assert order.effective_from == date(2025, 12, 26)
    assert order.citation is not None and order.citation.verified
    assert "53227" in order.citation.title
