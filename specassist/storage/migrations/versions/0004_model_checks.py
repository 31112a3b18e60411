"""Camera models record their pixel pitch, what was verified against which source, and why
figures the optics check rejects are kept.

Revision ID: 0004
Revises: 0002
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("camera_models", schema=None) as batch_op:
        batch_op.add_column(sa.Column("pixel_pitch_um", sa.Float(), nullable=True))
        # Existing rows were verified against nothing recorded: an empty list, not NULL.
        batch_op.add_column(
            sa.Column("verified_fields", sa.JSON(), nullable=False, server_default="[]")
        )
        batch_op.add_column(sa.Column("verified_source", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("verified_date", sa.String(length=10), nullable=True))
        batch_op.add_column(sa.Column("optics_waiver", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("camera_models", schema=None) as batch_op:
        batch_op.drop_column("optics_waiver")
        batch_op.drop_column("verified_date")
        batch_op.drop_column("verified_source")
        batch_op.drop_column("verified_fields")
        batch_op.drop_column("pixel_pitch_um")
