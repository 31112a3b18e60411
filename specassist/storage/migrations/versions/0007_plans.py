"""Floor plans with placed devices, walls and targets, stored in the project file.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-14
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def _plan_child(name: str, *columns: sa.schema.SchemaItem) -> None:
    """A table of things placed on a plan: id, plan_id (cascade) and its own columns."""
    op.create_table(
        name,
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("plan_id", sa.Integer(), nullable=False),
        *columns,
        sa.ForeignKeyConstraint(
            ["plan_id"], ["plans.id"], name=op.f(f"fk_{name}_plan_id_plans"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f(f"pk_{name}")),
    )
    with op.batch_alter_table(name, schema=None) as batch_op:
        batch_op.create_index(batch_op.f(f"ix_{name}_plan_id"), ["plan_id"], unique=False)


def upgrade() -> None:
    op.create_table(
        "plans",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("project_id", sa.Integer(), nullable=False),
        sa.Column("site_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("image", sa.LargeBinary(), nullable=False),
        sa.Column("image_format", sa.String(length=10), nullable=False),
        sa.Column("width_px", sa.Integer(), nullable=False),
        sa.Column("height_px", sa.Integer(), nullable=False),
        sa.Column("scale_x1", sa.Float(), nullable=True),
        sa.Column("scale_y1", sa.Float(), nullable=True),
        sa.Column("scale_x2", sa.Float(), nullable=True),
        sa.Column("scale_y2", sa.Float(), nullable=True),
        sa.Column("scale_distance_m", sa.Float(), nullable=True),
        sa.Column("added_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["project_id"], ["projects.id"],
            name=op.f("fk_plans_project_id_projects"), ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["site_id"], ["sites.id"], name=op.f("fk_plans_site_id_sites"), ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_plans")),
    )  # fmt: skip
    with op.batch_alter_table("plans", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_plans_project_id"), ["project_id"], unique=False)
    _plan_child(
        "plan_devices",
        sa.Column("survey_camera_id", sa.Integer(), nullable=True),
        sa.Column("tag", sa.String(length=120), nullable=True),
        sa.Column("mac", sa.String(length=17), nullable=True),
        sa.Column("serial", sa.String(length=200), nullable=True),
        sa.Column("site", sa.String(length=300), nullable=True),
        sa.Column("x_px", sa.Float(), nullable=False),
        sa.Column("y_px", sa.Float(), nullable=False),
        sa.Column("direction_deg", sa.Float(), nullable=False),
        sa.Column("tilt_deg", sa.Float(), nullable=False),
        sa.Column("height_m", sa.Float(), nullable=True),
        sa.ForeignKeyConstraint(
            ["survey_camera_id"], ["survey_cameras.id"],
            name=op.f("fk_plan_devices_survey_camera_id_survey_cameras"), ondelete="SET NULL",
        ),
    )  # fmt: skip
    _plan_child(
        "plan_walls",
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("points", sa.JSON(), nullable=False),
    )
    _plan_child(
        "plan_targets",
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("required_dori", sa.String(length=20), nullable=False),
        sa.Column("points", sa.JSON(), nullable=False),
    )


def downgrade() -> None:
    for name in ("plan_targets", "plan_walls", "plan_devices"):
        with op.batch_alter_table(name, schema=None) as batch_op:
            batch_op.drop_index(batch_op.f(f"ix_{name}_plan_id"))
        op.drop_table(name)
    with op.batch_alter_table("plans", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_plans_project_id"))
    op.drop_table("plans")
