"""Compare a project's catalog snapshot with a catalog, and take the catalog in (undoably).

A project keeps the catalog it was analysed with, so it reopens with the same
answers even when the team's catalog has moved on. "Compare with catalog"
lists what moved — prices, models now discontinued, rows new or gone, rows the
team has not approved yet — and ``update_snapshot`` takes the catalog in. The
prices the project imported from suppliers' lists are the project's own: they
are neither compared nor replaced. Updating returns the snapshot it replaced,
so the app can undo it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select

from specassist.catalog.loader import CatalogLoad
from specassist.domain.catalog import Catalog, Price
from specassist.domain.catalog_diff import Change, Difference, compare, counts, sort
from specassist.domain.catalog_keys import BY_SLUG, Entry, keyed
from specassist.domain.issues import InputIssue, Severity
from specassist.services import projects, team_catalog
from specassist.services.catalog_service import check_catalog, default_catalog_folder, team_load
from specassist.services.projects import Project
from specassist.storage.catalog_store import write_catalog
from specassist.storage.models import ProjectRow

__all__ = ["Change", "Comparison", "Difference", "Snapshot"]


@dataclass(frozen=True)
class Snapshot:
    """A project's catalog snapshot and its rule profile: what an update replaces."""

    catalog: Catalog
    rule_set_ids: list[str]


@dataclass(frozen=True)
class Comparison:
    source: str
    """Where the catalog came from, in words (a team catalog's URL never shows its password)."""
    catalog: Catalog
    differences: list[Difference]
    issues: list[InputIssue] = field(default_factory=list)

    def counts(self) -> dict[Change, int]:
        return counts(self.differences)


def _not_catalog_content(entry: Entry) -> bool:
    """Rows a comparison leaves out: the project's own price lists, and look-alike models
    (which only ``catalog check`` reads, so a snapshot never keeps them)."""
    if entry.kind.slug == "lookalike":
        return True
    return isinstance(entry.item, Price) and entry.item.from_price_list


def compare_with_catalog(
    project: Project, url: str | None = None, folder: Path | None = None
) -> Comparison:
    """The project's snapshot against the team catalog at ``url`` (else a catalog folder)."""
    snapshot = projects.catalog_of(project)
    profile = set(projects.rule_profile(project))
    awaiting: list[Difference] = []
    if url:
        team = team_catalog.read(url)
        load: CatalogLoad = team_load(url, team)
        source = f"team catalog {team_catalog.shown(url)}, version {team.version}"
        rows = keyed(snapshot)
        for row in team.pending:
            kind = BY_SLUG.get(row.kind)
            if kind is None:
                continue
            was = rows.get((row.kind, row.key))
            note = f"{row.change} by {row.updated_by} in version {row.changed_in}; not used yet"
            awaiting.append(Difference(kind, row.key, Change.UNAPPROVED,
                                       before=was.item if was else None, note=note))  # fmt: skip
    else:
        folder = folder or default_catalog_folder()
        load = check_catalog(folder)
        # The folder's own warnings are ``catalog check``'s business; its errors matter here.
        load = CatalogLoad(load.catalog, [i for i in load.issues if i.severity is Severity.ERROR])
        source = f"catalog folder {folder}"
    differences = compare(snapshot, load.catalog, ignore=_not_catalog_content)
    differences = [_noted(d, profile) for d in differences]
    return Comparison(source, load.catalog, sort(differences + awaiting), load.issues)


def _noted(difference: Difference, profile: set[str]) -> Difference:
    if difference.kind.slug == "rules" and difference.key in profile:
        note = "in the project's rule profile"
        if difference.change is Change.NOT_IN_CATALOG:
            note += "; updating takes it out of the profile"
        return Difference(difference.kind, difference.key, difference.change, difference.fields,
                          difference.before, difference.after, note)  # fmt: skip
    return difference


def update_snapshot(project: Project, catalog: Catalog) -> Snapshot:
    """Replace the project's snapshot with ``catalog``; returns the snapshot it replaced.

    Rule packs the catalog no longer has leave the project's rule profile.
    """
    previous = Snapshot(projects.catalog_of(project), projects.rule_profile(project))
    known = {r.rule_set_id for r in catalog.rule_sets}
    restore_snapshot(project, Snapshot(catalog, [r for r in previous.rule_set_ids if r in known]))
    return previous


def restore_snapshot(project: Project, snapshot: Snapshot) -> None:
    """Put a snapshot (and the rule profile that went with it) back: undo of an update."""
    with project.transaction() as session:
        write_catalog(session, snapshot.catalog, keep_price_lists=True)
        row = session.scalars(select(ProjectRow)).one()
        row.catalog_name = snapshot.catalog.info.name
        row.catalog_version = snapshot.catalog.info.version
        row.rule_set_ids = list(snapshot.rule_set_ids)
    projects.catalog_changed(project)
