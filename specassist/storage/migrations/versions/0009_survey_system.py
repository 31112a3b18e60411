"""Which recorder and which switch port each surveyed camera uses, as the survey names them.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-16
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("survey_cameras", schema=None) as batch_op:
        batch_op.add_column(sa.Column("recorder", sa.String(length=120), nullable=True))
        batch_op.add_column(sa.Column("switch", sa.String(length=120), nullable=True))
        batch_op.add_column(sa.Column("switch_port", sa.String(length=60), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("survey_cameras", schema=None) as batch_op:
        batch_op.drop_column("switch_port")
        batch_op.drop_column("switch")
        batch_op.drop_column("recorder")
