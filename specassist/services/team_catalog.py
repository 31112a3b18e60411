"""A catalog a team shares in a database: publish, approve, read, and the roles that guard it.

Any SQLAlchemy URL works (``sqlite:///team.db`` for one office machine);
PostgreSQL is what a team uses (``postgresql://host/db``, read with psycopg 3,
the ``team`` extra). Each call opens its own connection and transaction and
closes it, so nothing is held between a person's actions. Every database
problem reaches the user as one ``TeamCatalogError`` in their words: the server
cannot be reached, their role may not do that, the catalog is newer than this
SpecAssist, someone else changed the same rows.
"""

from __future__ import annotations

import getpass
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from sqlalchemy import Engine, make_url, select, text
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError, OperationalError
from sqlalchemy.orm import Session

from specassist.catalog.loader import CatalogLoad, load_catalog_folder
from specassist.domain.catalog import Catalog
from specassist.domain.catalog_keys import duplicates, split_ref
from specassist.domain.issues import UserError
from specassist.storage import team_store
from specassist.storage.engine import (
    TEAM,
    current_revision,
    head_revision,
    is_known_revision,
    make_engine,
    upgrade,
)
from specassist.storage.team_read import PendingRow, TeamCatalog, pending_rows, read_approved
from specassist.storage.team_roles import Roles, grant_statements
from specassist.storage.team_store import Approved, Published, StaleRows, UnknownRows

__all__ = ["Approved", "PendingRow", "Published", "Roles", "TeamCatalog", "TeamCatalogError"]

Base = int | Literal["latest"] | None
"""The catalog version a publisher's copy was taken from: a number, "latest", or None for
an empty catalog."""


class TeamCatalogError(UserError):
    """Anything that stops a team catalog action, worded for the person who asked for it."""


def team_url(url: str) -> str:
    """``url`` as SQLAlchemy takes it: plain ``postgresql://`` means psycopg 3 (the team extra)."""
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise TeamCatalogError(f"not a database URL: {url!r} ({exc})") from None
    if parsed.drivername == "postgresql":
        parsed = parsed.set(drivername="postgresql+psycopg")
    return parsed.render_as_string(hide_password=False)


def shown(url: str) -> str:
    """The URL for messages and project files: never the password."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return "(not a database URL)"


def url_problem(url: str) -> str | None:
    """Why ``url`` cannot be kept as a preference (None when it can)."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        return f"not a database URL: {url!r} (e.g. postgresql://host/database)"
    if parsed.password is not None:
        return (
            "the URL holds a password, which preferences would keep as plain text: take it out "
            "and put it in PostgreSQL's password file (~/.pgpass) instead"
        )
    return None


@contextmanager
def _engine(url: str) -> Iterator[Engine]:
    try:
        engine = make_engine(team_url(url))
    except NoSuchModuleError as exc:
        raise TeamCatalogError(
            f"{shown(url)}: no database driver for this URL ({exc}); for PostgreSQL install "
            "SpecAssist's team extra (psycopg 3)"
        ) from None
    except ModuleNotFoundError as exc:
        raise TeamCatalogError(
            f"{shown(url)}: the database driver {exc.name!r} is not installed; for PostgreSQL "
            "install SpecAssist's team extra (psycopg 3)"
        ) from None
    try:
        yield engine
    except DBAPIError as exc:
        raise TeamCatalogError(_worded(url, exc)) from exc
    finally:
        engine.dispose()


def _worded(url: str, exc: DBAPIError) -> str:
    """A database error as the user should read it (the driver's own first line kept)."""
    detail = str(exc.orig).strip().splitlines()[0] if exc.orig is not None else str(exc)
    state = getattr(exc.orig, "sqlstate", None) or getattr(exc.orig, "pgcode", None)
    if state == "42501":
        return (
            f"{shown(url)}: your database role may not do this ({detail}); readers may only "
            "read, editors publish and approvers approve (see `specassist catalog grant`)"
        )
    if "database is locked" in detail:
        return f"{shown(url)}: another change ran at the same moment ({detail}); try again"
    if exc.connection_invalidated or (isinstance(exc, OperationalError) and state is None):
        return f"cannot reach the team catalog at {shown(url)}: {detail}"
    if state == "55P03":
        return (
            f"{shown(url)}: another change has held the team catalog for more than "
            f"{LOCK_TIMEOUT_S} s; nothing was changed, try again later"
        )
    if state in {"40001", "40P01"}:
        return f"{shown(url)}: another change ran at the same moment ({detail}); try again"
    return f"team catalog {shown(url)}: {detail}"


def _check_schema(engine: Engine, url: str, writing: bool) -> None:
    """Readers need the schema this SpecAssist knows; a writer brings an older one up to date."""
    revision = current_revision(engine, TEAM)
    if revision == head_revision(TEAM):
        return
    if revision is not None and not is_known_revision(revision, TEAM):
        raise TeamCatalogError(
            f"{shown(url)}: the team catalog was set up by a newer SpecAssist "
            f"(schema {revision}); please update SpecAssist"
        )
    if not writing:
        raise TeamCatalogError(
            f"{shown(url)}: no team catalog here yet; publish one first "
            "(`specassist catalog publish --to URL`)"
            if revision is None
            else f"{shown(url)}: the team catalog's schema ({revision}) is older than this "
            "SpecAssist's; the next publish by an editor brings it up to date"
        )
    upgrade(engine, TEAM)


LOCK_TIMEOUT_S = 60
"""Longest wait for another writer's lock on PostgreSQL. Writers queue on one row while
they work: publishing 20,000 models holds it about 4 s on the development machine
(bench/team_catalog_bench.py), so a minute means something is stuck, not busy."""


@contextmanager
def _transaction(url: str, writing: bool = False) -> Iterator[Session]:
    with _engine(url) as engine:
        _check_schema(engine, url, writing)
        with Session(engine) as session, session.begin():
            if engine.dialect.name == "postgresql":
                session.execute(text(f"SET LOCAL lock_timeout = '{LOCK_TIMEOUT_S}s'"))
            yield session


def _user(session: Session) -> str:
    """Who is changing the catalog: the database's login role when it has one, else the OS's."""
    if session.get_bind().dialect.name == "postgresql":
        return str(session.scalar(select(text("session_user"))))
    return getpass.getuser()


# ---------------------------------------------------------------- reading


def read(url: str) -> TeamCatalog:
    """The approved rows of the latest version, and what awaits approval."""
    with _transaction(url) as session:
        result = read_approved(session)
    if result is None:
        raise TeamCatalogError(f"{shown(url)}: nothing has been published to this team catalog")
    if not result.rows:
        raise TeamCatalogError(
            f"{shown(url)}: no row of the team catalog is approved yet ({len(result.pending)} "
            "await approval); approve them first (`specassist catalog approve`)"
        )
    return result


def pending(url: str) -> list[PendingRow]:
    with _transaction(url) as session:
        return pending_rows(session)


# ---------------------------------------------------------------- writing


@dataclass(frozen=True, slots=True)
class PublishRequest:
    base: Base = None
    remove_missing: bool = False
    approve: bool = False
    note: str | None = None


def load_folder(folder: Path) -> CatalogLoad:
    """A catalog folder that may be shared: it loads without errors and every key is unique."""
    load = load_catalog_folder(folder)
    if not load.ok:
        errors = [str(i) for i in load.issues if i.severity.value == "error"]
        raise TeamCatalogError(
            f"{folder}: the catalog has {len(errors)} error(s); fix them first "
            f"(`specassist catalog check`): " + "; ".join(errors[:5])
        )
    return load


def publish(url: str, catalog: Catalog, request: PublishRequest = PublishRequest()) -> Published:
    """Upsert ``catalog`` into the team catalog as a new numbered version (never replacing it)."""
    repeated = duplicates(catalog)
    if repeated:
        raise TeamCatalogError(
            f"the catalog names {len(repeated)} row(s) twice, so they cannot be shared row by "
            "row: " + ", ".join(repeated[:10])
        )
    with _transaction(url, writing=True) as session:
        latest = team_store.latest_version(session)
        base = _base(url, request.base, latest)
        try:
            return team_store.publish(
                session, catalog, _user(session), base, request.remove_missing,
                request.approve, request.note,
            )  # fmt: skip
        except StaleRows as exc:
            raise TeamCatalogError(
                f"{exc}. Take their changes into your copy and publish again, or name the "
                "newer version as the base to overwrite them"
            ) from None


def _base(url: str, base: Base, latest: int) -> int:
    if base == "latest" or (base is None and latest == 0):
        return latest
    if base is None:
        raise TeamCatalogError(
            f"{shown(url)} is at catalog version {latest}: say which version your copy was "
            f"taken from (--base {latest}, or an older number), so rows others changed since "
            "are refused rather than overwritten; --base latest overwrites them"
        )
    if not 0 <= base <= latest:
        raise TeamCatalogError(f"{shown(url)} has no catalog version {base} (latest: {latest})")
    return base


def approve(url: str, refs: list[str] | None) -> Approved:
    """Approve the named rows (``model/axis:X``, ``axis:X@3``), or all awaiting approval."""
    wanted = None if refs is None else [split_ref(r) for r in refs]
    with _transaction(url) as session:
        try:
            return team_store.approve(session, _user(session), wanted)
        except UnknownRows as exc:
            raise TeamCatalogError(
                "not awaiting approval (already approved, or no such row): "
                + ", ".join(exc.args[0])
            ) from None
        except StaleRows as exc:
            raise TeamCatalogError(f"{exc}. Review them again and approve what you saw") from None


def grant(url: str, roles: Roles, run: bool = True) -> list[str]:
    """Create the reader, editor and approver roles and their privileges (PostgreSQL only).

    Run by the database owner; ``run=False`` only returns the SQL to review.
    """
    try:
        roles.check()
    except ValueError as exc:
        raise TeamCatalogError(str(exc)) from None
    if make_url(team_url(url)).get_backend_name() != "postgresql":
        raise TeamCatalogError(f"{shown(url)}: roles are a PostgreSQL feature")
    with _engine(url) as engine:
        if not run:
            return grant_statements(roles)
        _check_schema(engine, url, writing=True)
        with engine.begin() as connection:
            schema = str(connection.scalar(text("SELECT current_schema()")))
            statements = grant_statements(roles, schema)
            for statement in statements:
                connection.execute(text(statement))
        return statements
