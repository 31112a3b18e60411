"""A project's catalog snapshot against a team catalog: what differs, updating, undoing."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from team_helpers import edit_model

from specassist import cli
from specassist.domain.catalog_diff import Change
from specassist.services import catalog_compare, imports, projects, team_catalog
from specassist.services.catalog_service import load_catalog
from specassist.services.team_catalog import PublishRequest

PRICE_HEADER = "item,supplier,currency,amount,price_type,valid_from,valid_until,source,source_date,verified,notes\n"  # noqa: E501


@pytest.fixture
def team(tmp_path: Path, catalog_copy: Path) -> tuple[str, Path]:
    """A team catalog (version 1, approved) with a negotiated price, and its folder."""
    (catalog_copy / "prices.csv").write_text(
        PRICE_HEADER + "axis:P3265-LVE,Acme,GBP,459.00,quote,2026-12-01,,Acme quote 7,"
        "2026-12-01,yes,\n",
        encoding="utf-8",
    )
    url = f"sqlite:///{tmp_path / 'team.db'}"
    team_catalog.publish(url, team_catalog.load_folder(catalog_copy).catalog,
                         PublishRequest(approve=True))  # fmt: skip
    return url, catalog_copy


def test_compare_update_and_undo_keep_the_projects_own_prices(
    team: tuple[str, Path], tmp_path: Path
) -> None:
    url, folder = team
    project = projects.new_project("site", catalog=load_catalog(url))
    assert projects.summary(project).catalog_version == "team 1 (2026.12.3)"
    own = tmp_path / "quote.csv"
    own.write_text("Unit Price,Part No.,Currency,Valid From,Manufacturer\n"
                   "401.00,Q1805-LE,GBP,2026-11-01,Axis\n", encoding="utf-8")  # fmt: skip
    stored = imports.import_prices(project, own, supplier="Local")
    assert catalog_compare.compare_with_catalog(project, url).differences == []
    # The team moves on: a new price (approved), a model discontinued (approved), an edit
    # awaiting approval, and a rule pack withdrawn (approved).
    newer = "axis:P3265-LVE,Acme,GBP,441.00,quote,2026-12-01,,Acme quote 8,2026-12-01,yes,\n"
    (folder / "prices.csv").write_text(PRICE_HEADER + newer, "utf-8")
    edit_model(folder, "Q1805-LE", "discontinued", "yes")
    (folder / "rules" / "uk-sensitive-sites-2022.toml").unlink()
    team_catalog.publish(url, team_catalog.load_folder(folder).catalog,
                         PublishRequest(base=1, remove_missing=True, approve=True))  # fmt: skip
    edit_model(folder, "P3265-LVE", "ir_range", "45 m")
    team_catalog.publish(url, team_catalog.load_folder(folder).catalog, PublishRequest(base=2))
    comparison = catalog_compare.compare_with_catalog(project, url)
    found = {(d.change, d.ref): d for d in comparison.differences}
    assert set(found) == {
        (Change.PRICE, "price/axis:P3265-LVE|Acme|GBP|2026-12-01"),
        (Change.DISCONTINUED, "model/axis:Q1805-LE"),
        (Change.NOT_IN_CATALOG, "rules/uk-sensitive-sites-2022"),
        (Change.UNAPPROVED, "model/axis:P3265-LVE"),
    }  # the project's own price from quote.csv is not a difference
    assert "updating takes it out of the profile" in found[
        (Change.NOT_IN_CATALOG, "rules/uk-sensitive-sites-2022")].note  # fmt: skip
    assert comparison.source.endswith("version 3")
    before_profile = projects.rule_profile(project)
    previous = catalog_compare.update_snapshot(project, comparison.catalog)
    updated = projects.catalog_of(project)
    assert {(p.item, str(p.amount), p.supplier) for p in updated.prices} == {
        ("axis:P3265-LVE", "441.0000", "Acme"), ("axis:Q1805-LE", "401.0000", "Local"),
    }  # fmt: skip
    assert "uk-sensitive-sites-2022" not in projects.rule_profile(project)
    assert projects.summary(project).catalog_version == "team 3 (2026.12.3)"
    left = catalog_compare.compare_with_catalog(project, url).differences
    assert [d.change for d in left] == [Change.UNAPPROVED]
    catalog_compare.restore_snapshot(project, previous)  # undo
    assert projects.rule_profile(project) == before_profile
    assert projects.summary(project).catalog_version == "team 1 (2026.12.3)"
    assert len(catalog_compare.compare_with_catalog(project, url).differences) == 4
    imports.remove_prices(project, stored)  # the price list's own undo still finds its rows
    assert [p.supplier for p in projects.catalog_of(project).prices] == ["Acme"]
    project.close()


def test_catalog_diff_and_update_from_the_command_line(team: tuple[str, Path],
                                                       tmp_path: Path) -> None:  # fmt: skip
    url, folder = team
    site = tmp_path / "site.specassist"
    project = projects.new_project("site", site, catalog=load_catalog(url))
    project.save()
    project.close()
    edit_model(folder, "Q1805-LE", "discontinued", "yes")
    team_catalog.publish(url, team_catalog.load_folder(folder).catalog,
                         PublishRequest(base=1, approve=True))  # fmt: skip
    out = io.StringIO()
    assert cli.run(cli.parse_args(["catalog", "diff", str(site), "--url", url]), out) == 0
    text = out.getvalue()
    assert "compared with team catalog sqlite:///" in text and "1 discontinued" in text
    assert "  discontinued       camera model     axis:Q1805-LE\n" in text
    out = io.StringIO()
    args = ["catalog", "diff", str(site), "--url", url, "--update"]
    assert cli.run(cli.parse_args(args), out) == 0
    assert f"updated the project's catalog snapshot and saved {site}" in out.getvalue()
    with projects.open_project(site) as reopened:
        assert projects.summary(reopened).catalog_version == "team 2 (2026.12.3)"
        assert catalog_compare.compare_with_catalog(reopened, url).differences == []
