"""The team catalog's schema: its own metadata, its own migration chain (``team_migrations``).

A team database holds one shared catalog that several people edit, so unlike a
project's snapshot it keeps, for every row, who changed it and when, a version
number for optimistic locking, and an approval state: new and edited rows stay
unapproved, and readers keep using the content last approved, until an
approver accepts them. Each row's content is one JSON object (``catalog_json``)
keyed by its kind and natural key (``domain.catalog_keys``).

Every publish and every approval is a numbered catalog version
(``team_catalog_versions``); ``team_catalog_head`` holds the latest number and
is the one row every writer locks, so numbers are handed out in order.
``team_catalog_revisions`` keeps every change of every row (who, when, which
version, the content's digest).
"""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import (
    JSON,
    Date,
    DateTime,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from specassist.storage.models import NAMING


class TeamBase(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Status(StrEnum):
    APPROVED = "approved"
    """Readers use ``approved``, which equals ``proposed``."""
    UNAPPROVED = "unapproved"
    """``proposed`` awaits approval; readers still use ``approved`` (or nothing, for a new row)."""


class VersionKind(StrEnum):
    PUBLISH = "publish"
    APPROVE = "approve"


class TeamHeadRow(TeamBase):
    """One row: the latest catalog version number. Writers lock it to number their version."""

    __tablename__ = "team_catalog_head"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    latest: Mapped[int] = mapped_column(Integer)


class TeamVersionRow(TeamBase):
    __tablename__ = "team_catalog_versions"

    number: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    kind: Mapped[str] = mapped_column(String(20))
    created_at: Mapped[datetime] = mapped_column(DateTime)
    created_by: Mapped[str] = mapped_column(String(120))
    catalog_name: Mapped[str | None] = mapped_column(String(200))
    catalog_label: Mapped[str | None] = mapped_column(String(40))
    """The published folder's own version (``catalog.toml``), such as 2026.12.2."""
    catalog_date: Mapped[date | None] = mapped_column(Date)
    note: Mapped[str | None] = mapped_column(Text)
    added: Mapped[int] = mapped_column(Integer, default=0)
    changed: Mapped[int] = mapped_column(Integer, default=0)
    removed: Mapped[int] = mapped_column(Integer, default=0)
    approved: Mapped[int] = mapped_column(Integer, default=0)


class TeamItemRow(TeamBase):
    __tablename__ = "team_catalog_items"
    __table_args__ = (UniqueConstraint("kind", "key", name="uq_team_catalog_items_kind_key"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))
    key: Mapped[str] = mapped_column(String(1000))
    proposed: Mapped[dict[str, Any] | None] = mapped_column(JSON(none_as_null=True))
    """The content last published; None proposes removing the row."""
    digest: Mapped[str] = mapped_column(String(64))
    """SHA-256 of ``proposed`` (``catalog_json.digest``): a publish compares without reading it."""
    row_version: Mapped[int] = mapped_column(Integer)
    """1 when added, +1 for every change of ``proposed``: an update naming another is refused."""
    status: Mapped[str] = mapped_column(String(12), index=True)
    changed_in: Mapped[int] = mapped_column(ForeignKey("team_catalog_versions.number"))
    updated_by: Mapped[str] = mapped_column(String(120))
    updated_at: Mapped[datetime] = mapped_column(DateTime)
    approved: Mapped[dict[str, Any] | None] = mapped_column(JSON(none_as_null=True))
    """The content readers use; None until first approved, and after a removal is approved."""
    approved_in: Mapped[int | None] = mapped_column(ForeignKey("team_catalog_versions.number"))
    approved_by: Mapped[str | None] = mapped_column(String(120))
    approved_at: Mapped[datetime | None] = mapped_column(DateTime)


class TeamRevisionRow(TeamBase):
    """Every change of a row's proposed content: who, when, in which version, and its digest.

    The digest a row had at some version tells a publish whether its copy, taken at that
    version, changed the row or just still holds the content others have since changed.
    """

    __tablename__ = "team_catalog_revisions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("team_catalog_items.id"), index=True)
    row_version: Mapped[int] = mapped_column(Integer)
    changed_in: Mapped[int] = mapped_column(ForeignKey("team_catalog_versions.number"))
    digest: Mapped[str] = mapped_column(String(64))
    updated_by: Mapped[str] = mapped_column(String(120))
    updated_at: Mapped[datetime] = mapped_column(DateTime)


EDITOR_COLUMNS = (
    "kind", "key", "proposed", "digest", "row_version", "status", "changed_in", "updated_by",
    "updated_at",
)  # fmt: skip
"""What publishing writes. An editor may write these and no others, so no editor can put
content in front of readers (``approved``) without an approver."""
APPROVER_COLUMNS = ("status", "approved", "approved_in", "approved_by", "approved_at")
