"""Publish into and approve in a team catalog: row by row, never by replacing the whole catalog.

A shared database must not work like a project's snapshot, where the last
writer replaces every table: two people publishing at once would each undo the
other. Here a publish compares every row of its catalog with the row of the
same kind and key (``domain.catalog_keys``) and

- inserts rows that are new, unapproved;
- updates rows whose content differs, unapproved again, ``row_version`` + 1,
  but only when nobody changed the row after the version the publisher's copy
  was taken from (``base``); a row others changed since is kept as they made
  it when the copy still holds its content at ``base`` (the publisher did not
  touch it), and when both changed it the whole publish is refused
  (``StaleRows``), naming every such row with who changed it when;
- leaves every other row alone, and proposes removing rows missing from its
  catalog only when asked to.

Writers number their version by locking the one ``team_catalog_head`` row
first, so two publishes run one after the other; the row states are read after
that lock, and every update still names the version it read
(``WHERE row_version = …``), so even a writer that does not take the lock
cannot slip a change in between unnoticed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, cast

from sqlalchemy import Table, bindparam, insert, select, true, update
from sqlalchemy.orm import Session

from specassist.domain.catalog import Catalog, CatalogInfo
from specassist.domain.catalog_keys import BY_SLUG, Kind, entries
from specassist.storage.catalog_json import digest, encode
from specassist.storage.project_file import utcnow
from specassist.storage.team_models import (
    Status,
    TeamHeadRow,
    TeamItemRow,
    TeamRevisionRow,
    TeamVersionRow,
    VersionKind,
)

_ITEMS = cast(Table, TeamItemRow.__table__)


@dataclass(frozen=True, slots=True)
class RowState:
    """What a writer knows about a stored row without reading its content."""

    id: int
    kind: str
    key: str
    digest: str
    row_version: int
    status: str
    changed_in: int
    updated_by: str
    updated_at: datetime
    removed: bool

    @property
    def ref(self) -> str:
        return f"{self.kind}/{self.key}"

    def describe(self) -> str:
        noun = BY_SLUG[self.kind].noun if self.kind in BY_SLUG else self.kind
        return (
            f"{noun} {self.key} (row version {self.row_version}, changed by {self.updated_by} "
            f"at {self.updated_at:%Y-%m-%d %H:%M} UTC in catalog version {self.changed_in})"
        )


class StaleRows(Exception):
    """Rows changed by someone else after the version a writer's change was based on."""

    def __init__(self, rows: list[RowState], base: int, reviewing: bool = False) -> None:
        self.rows, self.base = rows, base
        shown = "; ".join(r.describe() for r in rows[:10])
        more = f"; and {len(rows) - 10} more" if len(rows) > 10 else ""
        what = (
            "approval refused: {n} row(s) changed since the version you reviewed"
            if reviewing
            else "publish refused: {n} row(s) were changed after catalog version {base}, the "
            "version your copy was taken from, and would be overwritten"
        )
        super().__init__(what.format(n=len(rows), base=base) + f": {shown}{more}")


@dataclass(slots=True)
class Published:
    """What a publish did; ``version`` is None when nothing differed (no version was made)."""

    version: int | None
    base: int
    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    unchanged: int = 0
    kept: int = 0
    """Rows others changed after the base that the publisher's copy did not change: kept."""
    approved: int = 0


def latest_version(session: Session) -> int:
    """The newest catalog version number (0 for a catalog nothing was published to)."""
    return int(session.scalar(select(TeamHeadRow.latest).where(TeamHeadRow.id == 1)) or 0)


def _lock_head(session: Session) -> int:
    """Lock the head row (other writers wait here until this transaction ends): the next number.

    SQLite ignores ``FOR UPDATE``; it lets one writer at a time in anyway, and
    refuses (``database is locked``) a transaction that read before another wrote.
    """
    latest = session.scalar(select(TeamHeadRow.latest).where(TeamHeadRow.id == 1).with_for_update())
    return int(latest or 0) + 1


def _count_on(session: Session, number: int) -> None:
    session.execute(update(TeamHeadRow).where(TeamHeadRow.id == 1).values(latest=number))


def row_states(session: Session) -> dict[tuple[str, str], RowState]:
    """Every row's state by (kind, key), without its content."""
    t = TeamItemRow
    query = select(t.id, t.kind, t.key, t.digest, t.row_version, t.status, t.changed_in,
                   t.updated_by, t.updated_at, t.proposed.is_(None))  # fmt: skip
    return {
        (kind, key): RowState(id_, kind, key, digest_, version, status, changed_in, by, at, gone)
        for id_, kind, key, digest_, version, status, changed_in, by, at, gone in session.execute(
            query
        )
    }


def publish(
    session: Session,
    catalog: Catalog,
    user: str,
    base: int,
    remove_missing: bool = False,
    approve: bool = False,
    note: str | None = None,
) -> Published:
    """Upsert ``catalog`` as a new version based on version ``base`` (see the module's rules)."""
    wanted = [(e.kind.slug, e.key, encode(e.item)) for e in entries(catalog)]
    number = _lock_head(session)
    plan = _Plan(session, base, number, user)
    for kind, key, content in wanted:
        plan.offer(kind, key, content)
    if remove_missing:
        plan.remove_unoffered()
    if plan.stale:
        raise StaleRows(plan.stale, base)
    result = plan.result
    if not plan.inserts and not plan.updates:
        return result
    _count_on(session, number)
    session.add(
        TeamVersionRow(
            number=number, kind=VersionKind.PUBLISH.value, created_at=plan.now, created_by=user,
            catalog_name=catalog.info.name, catalog_label=catalog.info.version[:40],
            catalog_date=catalog.info.date, note=note, added=len(result.added),
            changed=len(result.changed), removed=len(result.removed), approved=0,
        )
    )  # fmt: skip
    session.flush()
    if plan.inserts:
        session.execute(_ITEMS.insert(), plan.inserts)
    _apply_updates(session, plan.updates, base)
    _record_revisions(session, number)
    if approve:
        result.approved = _approve_where(session, TeamItemRow.changed_in == number, number, user)
        session.execute(
            update(TeamVersionRow).where(TeamVersionRow.number == number)
            .values(approved=result.approved)
        )  # fmt: skip
    result.version = number
    return result


class _Plan:
    """What a publish does to each row: a three-way comparison of the publisher's row, the
    row as it was at ``base`` (from its revisions) and the row as it is now.

    A row others changed after ``base`` is left as they made it when the publisher's
    copy still holds its content at ``base`` (the publisher did not touch it); when the
    copy differs from both, the two changes collide and the publish is refused.
    """

    def __init__(self, session: Session, base: int, number: int, user: str) -> None:
        self.session, self.base, self.number, self.user = session, base, number, user
        self.now = utcnow()
        self.states = row_states(session)
        newer = [s.id for s in self.states.values() if s.changed_in > base]
        self.at_base = _digests_at(session, newer, base)
        self.result = Published(None, base)
        self.stale: list[RowState] = []
        self.inserts: list[dict[str, Any]] = []
        self.updates: list[dict[str, Any]] = []
        self.offered: set[tuple[str, str]] = set()

    def offer(self, kind: str, key: str, content: dict[str, Any]) -> None:
        self.offered.add((kind, key))
        content_digest = digest(content)
        state = self.states.get((kind, key))
        if state is None:
            self.inserts.append(
                _new_row(kind, key, content, content_digest, self.number, self.user, self.now)
            )
            self.result.added.append(f"{kind}/{key}")
        elif state.digest == content_digest:
            self.result.unchanged += 1
        else:
            self._change(state, content, content_digest)

    def remove_unoffered(self) -> None:
        gone = digest(None)
        for pair, state in self.states.items():
            if pair in self.offered or state.removed:
                continue
            if state.changed_in > self.base and self.at_base.get(state.id) in (None, gone):
                self.result.kept += 1  # added (or restored) by others after the copy was taken
                continue
            self._change(state, None, gone)

    def _change(self, state: RowState, content: dict[str, Any] | None, content_digest: str) -> None:
        if state.changed_in > self.base:
            if self.at_base.get(state.id) == content_digest:
                self.result.kept += 1  # the copy holds this row as it was: others' change stays
                return
            self.stale.append(state)
            return
        self.updates.append(
            _changed_row(state, content, content_digest, self.number, self.user, self.now)
        )
        (self.result.removed if content is None else self.result.changed).append(state.ref)


def _digests_at(session: Session, item_ids: list[int], version: int) -> dict[int, str]:
    """Each row's digest as of catalog ``version`` (rows that did not exist yet are absent)."""
    found: dict[int, str] = {}
    r = TeamRevisionRow
    for chunk in _chunks(item_ids):
        query = (
            select(r.item_id, r.digest).where(r.item_id.in_(chunk), r.changed_in <= version)
            .order_by(r.item_id, r.row_version.desc())
        )  # fmt: skip
        for item_id, item_digest in session.execute(query):
            found.setdefault(item_id, item_digest)
    return found


def _chunks(ids: list[int], size: int = 1000) -> list[list[int]]:
    """``ids`` in slices for ``IN (…)``: a driver takes at most 65,535 parameters a statement."""
    return [ids[start : start + size] for start in range(0, len(ids), size)]


def _record_revisions(session: Session, number: int) -> None:
    """One revision for every row this version added or changed, copied on the server."""
    t, r = TeamItemRow, TeamRevisionRow
    rows = select(t.id, t.row_version, t.changed_in, t.digest, t.updated_by, t.updated_at).where(
        t.changed_in == number
    )
    columns = ["item_id", "row_version", "changed_in", "digest", "updated_by", "updated_at"]
    session.execute(insert(r).from_select(columns, rows))


def _new_row(kind: str, key: str, content: dict[str, Any], content_digest: str, number: int,
             user: str, now: datetime) -> dict[str, Any]:  # fmt: skip
    return {
        "kind": kind, "key": key, "proposed": content, "digest": content_digest,
        "row_version": 1, "status": Status.UNAPPROVED.value, "changed_in": number,
        "updated_by": user, "updated_at": now,
    }  # fmt: skip


def _changed_row(state: RowState, content: dict[str, Any] | None, content_digest: str,
                 number: int, user: str, now: datetime) -> dict[str, Any]:  # fmt: skip
    return {
        "b_id": state.id, "b_version": state.row_version, "b_new_version": state.row_version + 1,
        "proposed": content, "digest": content_digest, "status": Status.UNAPPROVED.value,
        "changed_in": number, "updated_by": user, "updated_at": now,
    }  # fmt: skip


def _apply_updates(session: Session, updates: list[dict[str, Any]], base: int) -> None:
    """Change rows, each only if it still has the version read: else the publish is refused."""
    if not updates:
        return
    t = _ITEMS.c
    statement = (
        update(_ITEMS)
        .where(t.id == bindparam("b_id"), t.row_version == bindparam("b_version"))
        .values(row_version=bindparam("b_new_version"), proposed=bindparam("proposed"),
                digest=bindparam("digest"), status=bindparam("status"),
                changed_in=bindparam("changed_in"), updated_by=bindparam("updated_by"),
                updated_at=bindparam("updated_at"))
    )  # fmt: skip
    done = session.connection().execute(statement, updates).rowcount
    if done != len(updates):
        ids = {u["b_id"]: u["b_version"] for u in updates}
        states = row_states(session).values()
        raise StaleRows([s for s in states if s.row_version != ids.get(s.id, s.row_version)], base)


# ---------------------------------------------------------------- approval


@dataclass(slots=True)
class Approved:
    version: int | None
    approved: list[str] = field(default_factory=list)


class UnknownRows(LookupError):
    """Approval named rows that are not awaiting approval."""


Ref = tuple[Kind | None, str, int | None]
"""A row named for approval: its kind (None: any), key, and the version reviewed (None: any)."""


def approve(session: Session, user: str, refs: list[Ref] | None) -> Approved:
    """Approve the named rows awaiting approval (``None``: all of them) as a new version.

    A row named with a version (``model/x@3``) is approved only if it still has
    that version; one changed since is refused (``StaleRows``), so an approver
    never accepts content they did not see.
    """
    number = _lock_head(session)
    pending = {s.id: s for s in row_states(session).values() if s.status == Status.UNAPPROVED}
    chosen: list[RowState] = []
    if refs is None:
        chosen = list(pending.values())
    else:
        missing, stale = [], []
        by_key: dict[str, list[RowState]] = {}
        for state in pending.values():
            by_key.setdefault(state.key, []).append(state)
        for kind, key, version in refs:
            found = [s for s in by_key.get(key, []) if kind is None or s.kind == kind.slug]
            if not found:
                missing.append(f"{kind.slug + '/' if kind else ''}{key}")
            for state in found:
                if version is not None and state.row_version != version:
                    stale.append(state)
                chosen.append(state)
        if missing:
            raise UnknownRows(missing)
        if stale:
            raise StaleRows(stale, number - 1, reviewing=True)
    if not chosen:
        return Approved(None)
    ids = sorted({s.id for s in chosen})
    now = utcnow()
    _count_on(session, number)
    session.add(
        TeamVersionRow(number=number, kind=VersionKind.APPROVE.value, created_at=now,
                       created_by=user, added=0, changed=0, removed=0, approved=len(ids))
    )  # fmt: skip
    session.flush()
    if refs is None:
        count = _approve_where(session, true(), number, user, now)
    else:
        count = sum(_approve_where(session, TeamItemRow.id.in_(chunk), number, user, now)
                    for chunk in _chunks(ids))  # fmt: skip
    if count != len(ids):  # a row changed between reading and approving
        raise StaleRows([s for s in chosen if s.id in ids], number - 1, reviewing=True)
    return Approved(number, sorted({s.ref for s in chosen}))


def _approve_where(session: Session, where: Any, number: int, user: str,
                   now: datetime | None = None) -> int:  # fmt: skip
    t = TeamItemRow
    statement = (
        update(t).where(where, t.status == Status.UNAPPROVED.value)
        .values(approved=t.proposed, status=Status.APPROVED.value, approved_in=number,
                approved_by=user, approved_at=now or utcnow())
        .execution_options(synchronize_session=False)
    )  # fmt: skip
    return int(session.execute(statement).rowcount)  # type: ignore[attr-defined]


def catalog_info(session: Session) -> CatalogInfo | None:
    """Name, label and date of the latest publish; None before the first."""
    row = session.scalars(
        select(TeamVersionRow).where(TeamVersionRow.kind == VersionKind.PUBLISH.value)
        .order_by(TeamVersionRow.number.desc()).limit(1)
    ).first()  # fmt: skip
    if row is None:
        return None
    name = row.catalog_name or "team catalog"
    return CatalogInfo(name, row.catalog_label or "", row.catalog_date)
