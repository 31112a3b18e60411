"""The rule engine: profile- and date-dependent verdicts, each with its reason and citation."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from specassist.catalog.loader import load_catalog_folder
from specassist.domain.catalog import Catalog
from specassist.domain.identify import Identifier
from specassist.domain.rules import RuleEngine, Verdict

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
        ("Dahua", "IPC-HDW2431T-AS-S2", None, FCC, "excluded", "us-fcc-covered-list/"),
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
