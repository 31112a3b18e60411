"""Read a team catalog: the approved rows of its latest version, and what awaits approval.

Readers use only approved content (``TeamItemRow.approved``): a row published
but not yet approved is not used, and an edit awaiting approval leaves the
previously approved content in use, as in D-Tools. What awaits approval is
listed beside the catalog, so a front end can say what is not being used.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from specassist.domain.catalog import Catalog
from specassist.domain.catalog_keys import BY_SLUG, Entry, catalog_of
from specassist.storage.catalog_json import RowFormatError, decode
from specassist.storage.team_models import Status, TeamItemRow
from specassist.storage.team_store import catalog_info, latest_version


@dataclass(frozen=True, slots=True)
class PendingRow:
    """A row awaiting approval: new (never approved), an edit, or a proposed removal."""

    kind: str
    key: str
    row_version: int
    change: str
    updated_by: str
    updated_at: datetime
    changed_in: int

    @property
    def ref(self) -> str:
        return f"{self.kind}/{self.key}"


@dataclass(slots=True)
class TeamCatalog:
    catalog: Catalog
    """Named as its latest publish named it (the published folder's ``catalog.toml``)."""
    version: int
    rows: int
    """Approved rows in use."""
    pending: list[PendingRow] = field(default_factory=list)
    unreadable: list[str] = field(default_factory=list)
    """Approved rows that could not be read (``ref: reason``): left out, and said so."""


def read_approved(session: Session) -> TeamCatalog | None:
    """The catalog readers use; None when nothing was ever published."""
    info = catalog_info(session)
    if info is None:
        return None
    version = latest_version(session)
    rows: list[Entry] = []
    unreadable: list[str] = []
    query = (
        select(TeamItemRow.kind, TeamItemRow.key, TeamItemRow.approved)
        .where(TeamItemRow.approved.is_not(None)).order_by(TeamItemRow.id)
    )  # fmt: skip
    for kind_slug, key, content in session.execute(query):
        kind = BY_SLUG.get(kind_slug)
        if kind is None:
            unreadable.append(f"{kind_slug}/{key}: a kind of row this SpecAssist does not know")
            continue
        try:
            rows.append(Entry(kind, key, decode(kind.cls, content)))
        except RowFormatError as exc:
            unreadable.append(f"{kind_slug}/{key}: {exc}")
    catalog = catalog_of(info, rows)
    return TeamCatalog(catalog, version, len(rows), pending_rows(session), unreadable)


def pending_rows(session: Session) -> list[PendingRow]:
    t = TeamItemRow
    query = (
        select(t.kind, t.key, t.row_version, t.proposed.is_(None), t.approved.is_(None),
               t.updated_by, t.updated_at, t.changed_in)
        .where(t.status == Status.UNAPPROVED.value).order_by(t.id)
    )  # fmt: skip
    out = []
    for kind, key, version, removal, never, by, at, changed_in in session.execute(query):
        change = "removal" if removal else "new" if never else "edit"
        out.append(PendingRow(kind, key, version, change, by, at, changed_in))
    return out
