"""Identification: device classes and strength on patterns; versioned, dated rule packs.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-01

Existing snapshots get the values an older catalog implied: patterns are
distinctive and carry no class, rule sets apply to installed equipment and
are not optional, citations are unverified.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("model_patterns", schema=None) as batch_op:
        batch_op.add_column(sa.Column("device_class", sa.String(length=20), nullable=True))
        batch_op.add_column(sa.Column("camera_kind", sa.String(length=20), nullable=True))
        batch_op.add_column(
            sa.Column(
                "strength", sa.String(length=20), nullable=False, server_default="distinctive"
            )
        )
    with op.batch_alter_table("rule_sets", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("citation_verified", sa.Boolean(), nullable=False, server_default=sa.false())
        )
        batch_op.add_column(sa.Column("version", sa.String(length=40), nullable=True))
        batch_op.add_column(sa.Column("reviewed", sa.Date(), nullable=True))
        batch_op.add_column(
            sa.Column("optional", sa.Boolean(), nullable=False, server_default=sa.false())
        )
        batch_op.add_column(
            sa.Column(
                "applies_to_installed", sa.Boolean(), nullable=False, server_default=sa.true()
            )
        )
        batch_op.add_column(sa.Column("provisions", sa.JSON(), nullable=False, server_default="[]"))
    with op.batch_alter_table("rules", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("citation_verified", sa.Boolean(), nullable=False, server_default=sa.false())
        )
        batch_op.add_column(sa.Column("effective_from", sa.Date(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("rules", schema=None) as batch_op:
        batch_op.drop_column("effective_from")
        batch_op.drop_column("citation_verified")
    with op.batch_alter_table("rule_sets", schema=None) as batch_op:
        for column in (
            "provisions", "applies_to_installed", "optional", "reviewed", "version",
            "citation_verified",
        ):  # fmt: skip
            batch_op.drop_column(column)
    with op.batch_alter_table("model_patterns", schema=None) as batch_op:
        for column in ("strength", "camera_kind", "device_class"):
            batch_op.drop_column(column)
