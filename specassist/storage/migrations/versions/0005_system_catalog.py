"""Recorders, VMS platforms, PoE switches and the sizing model's constants in the catalog.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def _provenance() -> list[sa.Column[object]]:
    return [
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("source_date", sa.String(length=10), nullable=True),
        sa.Column("verified", sa.Boolean(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=True),
    ]


def upgrade() -> None:
    op.create_table(
        "recorder_models",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("vendor_id", sa.String(length=60), nullable=False),
        sa.Column("model", sa.String(length=120), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("series", sa.String(length=120), nullable=True),
        sa.Column("vms_id", sa.String(length=60), nullable=True),
        sa.Column("channels", sa.Integer(), nullable=True),
        sa.Column("max_incoming_mbps", sa.Float(), nullable=True),
        sa.Column("drive_bays", sa.Integer(), nullable=True),
        sa.Column("max_raw_tb", sa.Float(), nullable=True),
        sa.Column("raid_levels", sa.JSON(), nullable=False),
        sa.Column("poe_ports", sa.Integer(), nullable=True),
        sa.Column("poe_standard", sa.String(length=20), nullable=True),
        sa.Column("poe_budget_w", sa.Float(), nullable=True),
        sa.Column("licences_included", sa.Integer(), nullable=True),
        sa.Column("discontinued", sa.Boolean(), nullable=True),
        *_provenance(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_recorder_models")),
        sa.UniqueConstraint("vendor_id", "model", name="uq_recorder_models_vendor_model"),
    )
    with op.batch_alter_table("recorder_models", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_recorder_models_vendor_id"), ["vendor_id"], unique=False
        )
    op.create_table(
        "vms_platforms",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("vms_id", sa.String(length=60), nullable=False),
        sa.Column("vendor_id", sa.String(length=60), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("per_camera_licence", sa.Boolean(), nullable=True),
        sa.Column("licence_item", sa.Text(), nullable=True),
        sa.Column("onvif_profiles", sa.JSON(), nullable=False),
        *_provenance(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_vms_platforms")),
        sa.UniqueConstraint("vms_id", name=op.f("uq_vms_platforms_vms_id")),
    )
    op.create_table(
        "switch_models",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("vendor_id", sa.String(length=60), nullable=False),
        sa.Column("model", sa.String(length=120), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("ports", sa.Integer(), nullable=True),
        sa.Column("poe_ports", sa.Integer(), nullable=True),
        sa.Column("poe_standard", sa.String(length=20), nullable=True),
        sa.Column("poe_budget_w", sa.Float(), nullable=True),
        sa.Column("discontinued", sa.Boolean(), nullable=True),
        *_provenance(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_switch_models")),
        sa.UniqueConstraint("vendor_id", "model", name="uq_switch_models_vendor_model"),
    )
    with op.batch_alter_table("switch_models", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_switch_models_vendor_id"), ["vendor_id"], unique=False)
    op.create_table(
        "sizing_constants",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=60), nullable=False),
        sa.Column("value", sa.Float(), nullable=False),
        sa.Column("unit", sa.String(length=60), nullable=True),
        *_provenance(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sizing_constants")),
        sa.UniqueConstraint("key", name=op.f("uq_sizing_constants_key")),
    )


def downgrade() -> None:
    op.drop_table("sizing_constants")
    with op.batch_alter_table("switch_models", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_switch_models_vendor_id"))
    op.drop_table("switch_models")
    op.drop_table("vms_platforms")
    with op.batch_alter_table("recorder_models", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_recorder_models_vendor_id"))
    op.drop_table("recorder_models")
