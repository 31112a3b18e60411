"""The team catalog: versions, the head that numbers them, rows with approval state, and
every row's revisions.

Revision ID: t0001
Revises: (none)
Create Date: 2026-12-20
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "t0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    head = op.create_table(
        "team_catalog_head",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("latest", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_team_catalog_head")),
    )
    op.bulk_insert(head, [{"id": 1, "latest": 0}])
    op.create_table(
        "team_catalog_versions",
        sa.Column("number", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.String(length=120), nullable=False),
        sa.Column("catalog_name", sa.String(length=200), nullable=True),
        sa.Column("catalog_label", sa.String(length=40), nullable=True),
        sa.Column("catalog_date", sa.Date(), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("added", sa.Integer(), nullable=False),
        sa.Column("changed", sa.Integer(), nullable=False),
        sa.Column("removed", sa.Integer(), nullable=False),
        sa.Column("approved", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("number", name=op.f("pk_team_catalog_versions")),
    )
    op.create_table(
        "team_catalog_items",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("key", sa.String(length=1000), nullable=False),
        sa.Column("proposed", sa.JSON(), nullable=True),
        sa.Column("digest", sa.String(length=64), nullable=False),
        sa.Column("row_version", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("changed_in", sa.Integer(), nullable=False),
        sa.Column("updated_by", sa.String(length=120), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("approved", sa.JSON(), nullable=True),
        sa.Column("approved_in", sa.Integer(), nullable=True),
        sa.Column("approved_by", sa.String(length=120), nullable=True),
        sa.Column("approved_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["changed_in"], ["team_catalog_versions.number"],
            name=op.f("fk_team_catalog_items_changed_in_team_catalog_versions"),
        ),
        sa.ForeignKeyConstraint(
            ["approved_in"], ["team_catalog_versions.number"],
            name=op.f("fk_team_catalog_items_approved_in_team_catalog_versions"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_team_catalog_items")),
        sa.UniqueConstraint("kind", "key", name="uq_team_catalog_items_kind_key"),
    )  # fmt: skip
    op.create_index(
        op.f("ix_team_catalog_items_status"), "team_catalog_items", ["status"], unique=False
    )
    op.create_table(
        "team_catalog_revisions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("row_version", sa.Integer(), nullable=False),
        sa.Column("changed_in", sa.Integer(), nullable=False),
        sa.Column("digest", sa.String(length=64), nullable=False),
        sa.Column("updated_by", sa.String(length=120), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["item_id"], ["team_catalog_items.id"],
            name=op.f("fk_team_catalog_revisions_item_id_team_catalog_items"),
        ),
        sa.ForeignKeyConstraint(
            ["changed_in"], ["team_catalog_versions.number"],
            name=op.f("fk_team_catalog_revisions_changed_in_team_catalog_versions"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_team_catalog_revisions")),
    )  # fmt: skip
    op.create_index(
        op.f("ix_team_catalog_revisions_item_id"), "team_catalog_revisions", ["item_id"],
        unique=False,
    )  # fmt: skip


def downgrade() -> None:
    op.drop_index(op.f("ix_team_catalog_revisions_item_id"), table_name="team_catalog_revisions")
    op.drop_table("team_catalog_revisions")
    op.drop_index(op.f("ix_team_catalog_items_status"), table_name="team_catalog_items")
    op.drop_table("team_catalog_items")
    op.drop_table("team_catalog_versions")
    op.drop_table("team_catalog_head")
