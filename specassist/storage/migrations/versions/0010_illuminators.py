"""Accessories carry an illuminator's range and beam (IR illuminators offered with a camera).

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-02

Existing snapshots hold mounts only: both columns are empty for them.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("accessories", schema=None) as batch_op:
        batch_op.add_column(sa.Column("ir_range_m", sa.Float(), nullable=True))
        batch_op.add_column(sa.Column("beam_deg", sa.Float(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("accessories", schema=None) as batch_op:
        batch_op.drop_column("beam_deg")
        batch_op.drop_column("ir_range_m")
