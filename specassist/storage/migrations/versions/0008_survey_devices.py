"""Surveyed devices' type, state and dates; where every row of an import went.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-10
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("survey_cameras", schema=None) as batch_op:
        batch_op.add_column(sa.Column("device_type", sa.String(length=120), nullable=True))
        batch_op.add_column(sa.Column("device_state", sa.String(length=120), nullable=True))
        batch_op.add_column(sa.Column("survey_date", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("install_date", sa.Date(), nullable=True))
    with op.batch_alter_table("survey_imports", schema=None) as batch_op:
        batch_op.add_column(sa.Column("accounting", sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("survey_imports", schema=None) as batch_op:
        batch_op.drop_column("accounting")
    with op.batch_alter_table("survey_cameras", schema=None) as batch_op:
        batch_op.drop_column("install_date")
        batch_op.drop_column("survey_date")
        batch_op.drop_column("device_state")
        batch_op.drop_column("device_type")
