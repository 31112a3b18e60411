"""Photos of surveyed cameras, stored in the project file.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-27
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "camera_photos",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("survey_camera_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.Column("added_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["survey_camera_id"], ["survey_cameras.id"],
            name=op.f("fk_camera_photos_survey_camera_id_survey_cameras"), ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_camera_photos")),
    )  # fmt: skip
    with op.batch_alter_table("camera_photos", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_camera_photos_survey_camera_id"), ["survey_camera_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("camera_photos", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_camera_photos_survey_camera_id"))
    op.drop_table("camera_photos")
