"""Initial schema: the catalog tables and the project tables.

Revision ID: 0001
Revises: (none)
Create Date: 2026-11-24
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:

    op.create_table(
        "accessories",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("vendor_id", sa.String(length=60), nullable=False),
        sa.Column("part_number", sa.String(length=120), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("fits", sa.JSON(), nullable=False),
        sa.Column("adapts_from", sa.JSON(), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("source_date", sa.String(length=10), nullable=True),
        sa.Column("verified", sa.Boolean(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_accessories")),
        sa.UniqueConstraint("vendor_id", "part_number", name="uq_accessories_vendor_part"),
    )
    with op.batch_alter_table("accessories", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_accessories_vendor_id"), ["vendor_id"], unique=False)

    op.create_table(
        "camera_models",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("vendor_id", sa.String(length=60), nullable=False),
        sa.Column("model", sa.String(length=120), nullable=False),
        sa.Column("aliases", sa.JSON(), nullable=False),
        sa.Column("series", sa.String(length=120), nullable=True),
        sa.Column("form_factor", sa.String(length=20), nullable=False),
        sa.Column("res_width", sa.Integer(), nullable=True),
        sa.Column("res_height", sa.Integer(), nullable=True),
        sa.Column("sensor_format", sa.String(length=20), nullable=True),
        sa.Column("sensor_width_mm", sa.Float(), nullable=True),
        sa.Column("lens_type", sa.String(length=20), nullable=True),
        sa.Column("focal_min_mm", sa.Float(), nullable=True),
        sa.Column("focal_max_mm", sa.Float(), nullable=True),
        sa.Column("hfov_max_deg", sa.Float(), nullable=True),
        sa.Column("hfov_min_deg", sa.Float(), nullable=True),
        sa.Column("ir_range_m", sa.Float(), nullable=True),
        sa.Column("wdr_db", sa.Float(), nullable=True),
        sa.Column("ip_rating", sa.String(length=20), nullable=True),
        sa.Column("ik_rating", sa.String(length=10), nullable=True),
        sa.Column("temp_min_c", sa.Float(), nullable=True),
        sa.Column("temp_max_c", sa.Float(), nullable=True),
        sa.Column("poe_class", sa.Integer(), nullable=True),
        sa.Column("max_power_w", sa.Float(), nullable=True),
        sa.Column("mount_family", sa.String(length=60), nullable=True),
        sa.Column("audio", sa.Boolean(), nullable=True),
        sa.Column("alarm_inputs", sa.Integer(), nullable=True),
        sa.Column("alarm_outputs", sa.Integer(), nullable=True),
        sa.Column("onvif_profiles", sa.JSON(), nullable=False),
        sa.Column("outdoor", sa.Boolean(), nullable=True),
        sa.Column("discontinued", sa.Boolean(), nullable=True),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("source_date", sa.String(length=10), nullable=True),
        sa.Column("verified", sa.Boolean(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_camera_models")),
        sa.UniqueConstraint("vendor_id", "model", name="uq_camera_models_vendor_model"),
    )
    with op.batch_alter_table("camera_models", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_camera_models_vendor_id"), ["vendor_id"], unique=False)

    op.create_table(
        "catalog_info",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("version", sa.String(length=40), nullable=False),
        sa.Column("date", sa.Date(), nullable=True),
        sa.Column("loaded_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_catalog_info")),
    )
    op.create_table(
        "model_patterns",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("maker_id", sa.String(length=60), nullable=False),
        sa.Column("pattern", sa.String(length=300), nullable=False),
        sa.Column("form_factor", sa.String(length=20), nullable=True),
        sa.Column("brand_ids", sa.JSON(), nullable=False),
        sa.Column("must_match", sa.JSON(), nullable=False),
        sa.Column("must_not_match", sa.JSON(), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("source_date", sa.String(length=10), nullable=True),
        sa.Column("verified", sa.Boolean(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_model_patterns")),
    )
    with op.batch_alter_table("model_patterns", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_model_patterns_maker_id"), ["maker_id"], unique=False)

    op.create_table(
        "oem_relations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("brand_id", sa.String(length=60), nullable=False),
        sa.Column("maker_id", sa.String(length=60), nullable=False),
        sa.Column("relation", sa.String(length=30), nullable=False),
        sa.Column("all_products", sa.Boolean(), nullable=False),
        sa.Column("confidence", sa.String(length=10), nullable=False),
        sa.Column("valid_from", sa.Date(), nullable=True),
        sa.Column("valid_until", sa.Date(), nullable=True),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("source_date", sa.String(length=10), nullable=True),
        sa.Column("verified", sa.Boolean(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_oem_relations")),
    )
    with op.batch_alter_table("oem_relations", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_oem_relations_brand_id"), ["brand_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_oem_relations_maker_id"), ["maker_id"], unique=False)

    op.create_table(
        "oui_prefixes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("prefix", sa.String(length=9), nullable=False),
        sa.Column("registrant", sa.String(length=300), nullable=False),
        sa.Column("vendor_id", sa.String(length=60), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("source_date", sa.String(length=10), nullable=True),
        sa.Column("verified", sa.Boolean(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_oui_prefixes")),
        sa.UniqueConstraint("prefix", name=op.f("uq_oui_prefixes_prefix")),
    )
    with op.batch_alter_table("oui_prefixes", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_oui_prefixes_vendor_id"), ["vendor_id"], unique=False)

    op.create_table(
        "prices",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("item", sa.String(length=200), nullable=False),
        sa.Column("supplier", sa.String(length=200), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("amount", sa.Numeric(precision=18, scale=4), nullable=False),
        sa.Column("price_type", sa.String(length=20), nullable=False),
        sa.Column("valid_from", sa.Date(), nullable=True),
        sa.Column("valid_until", sa.Date(), nullable=True),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("source_date", sa.String(length=10), nullable=True),
        sa.Column("verified", sa.Boolean(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_prices")),
    )
    with op.batch_alter_table("prices", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_prices_item"), ["item"], unique=False)

    op.create_table(
        "projects",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("catalog_name", sa.String(length=200), nullable=True),
        sa.Column("catalog_version", sa.String(length=40), nullable=True),
        sa.Column("rule_set_ids", sa.JSON(), nullable=False),
        sa.Column("settings", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_projects")),
    )
    op.create_table(
        "rule_sets",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("rule_set_id", sa.String(length=80), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("jurisdiction", sa.String(length=40), nullable=False),
        sa.Column("authority", sa.String(length=300), nullable=False),
        sa.Column("citation_title", sa.Text(), nullable=False),
        sa.Column("citation_url", sa.Text(), nullable=True),
        sa.Column("citation_date", sa.Date(), nullable=True),
        sa.Column("effective_from", sa.Date(), nullable=True),
        sa.Column("effective_until", sa.Date(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("template", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_rule_sets")),
        sa.UniqueConstraint("rule_set_id", name=op.f("uq_rule_sets_rule_set_id")),
    )
    op.create_table(
        "vendors",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("vendor_id", sa.String(length=60), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("legal_name", sa.String(length=300), nullable=True),
        sa.Column("aliases", sa.JSON(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("country", sa.String(length=2), nullable=True),
        sa.Column("control_country", sa.String(length=2), nullable=True),
        sa.Column("parent_vendor_id", sa.String(length=60), nullable=True),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("source_date", sa.String(length=10), nullable=True),
        sa.Column("verified", sa.Boolean(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_vendors")),
        sa.UniqueConstraint("vendor_id", name=op.f("uq_vendors_vendor_id")),
    )
    op.create_table(
        "rules",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("rule_set_pk", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("rule_id", sa.String(length=80), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("severity", sa.String(length=40), nullable=False),
        sa.Column("makers", sa.JSON(), nullable=False),
        sa.Column("include_subsidiaries", sa.Boolean(), nullable=False),
        sa.Column("include_affiliates", sa.Boolean(), nullable=False),
        sa.Column("include_oem", sa.Boolean(), nullable=False),
        sa.Column("control_countries", sa.JSON(), nullable=False),
        sa.Column("components", sa.JSON(), nullable=False),
        sa.Column("approved_vendors", sa.JSON(), nullable=False),
        sa.Column("citation_title", sa.Text(), nullable=True),
        sa.Column("citation_url", sa.Text(), nullable=True),
        sa.Column("citation_date", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(
            ["rule_set_pk"],
            ["rule_sets.id"],
            name=op.f("fk_rules_rule_set_pk_rule_sets"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_rules")),
        sa.UniqueConstraint("rule_set_pk", "rule_id", name="uq_rules_set_rule"),
    )
    op.create_table(
        "sites",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("project_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.ForeignKeyConstraint(
            ["project_id"],
            ["projects.id"],
            name=op.f("fk_sites_project_id_projects"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sites")),
        sa.UniqueConstraint("project_id", "name", name="uq_sites_project_name"),
    )
    op.create_table(
        "survey_imports",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("project_id", sa.Integer(), nullable=False),
        sa.Column("file", sa.Text(), nullable=False),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.Column("imported_at", sa.DateTime(), nullable=False),
        sa.Column("mapping", sa.JSON(), nullable=False),
        sa.Column("skipped_rows", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["project_id"],
            ["projects.id"],
            name=op.f("fk_survey_imports_project_id_projects"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_survey_imports")),
    )
    op.create_table(
        "import_issues",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("import_id", sa.Integer(), nullable=False),
        sa.Column("severity", sa.String(length=10), nullable=False),
        sa.Column("message", sa.Text(), nullable=False),
        sa.Column("file", sa.Text(), nullable=False),
        sa.Column("row", sa.Integer(), nullable=True),
        sa.Column("column", sa.Text(), nullable=True),
        sa.Column("value", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["import_id"],
            ["survey_imports.id"],
            name=op.f("fk_import_issues_import_id_survey_imports"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_import_issues")),
    )
    with op.batch_alter_table("import_issues", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_import_issues_import_id"), ["import_id"], unique=False)

    op.create_table(
        "survey_cameras",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("project_id", sa.Integer(), nullable=False),
        sa.Column("import_id", sa.Integer(), nullable=True),
        sa.Column("site_id", sa.Integer(), nullable=True),
        sa.Column("source_row", sa.Integer(), nullable=False),
        sa.Column("tag", sa.String(length=120), nullable=True),
        sa.Column("location", sa.Text(), nullable=True),
        sa.Column("make", sa.String(length=200), nullable=True),
        sa.Column("model", sa.String(length=200), nullable=True),
        sa.Column("serial", sa.String(length=200), nullable=True),
        sa.Column("mac", sa.String(length=17), nullable=True),
        sa.Column("ip_address", sa.String(length=45), nullable=True),
        sa.Column("firmware", sa.String(length=200), nullable=True),
        sa.Column("form_factor", sa.String(length=20), nullable=True),
        sa.Column("res_width", sa.Integer(), nullable=True),
        sa.Column("res_height", sa.Integer(), nullable=True),
        sa.Column("megapixels", sa.Float(), nullable=True),
        sa.Column("focal_min_mm", sa.Float(), nullable=True),
        sa.Column("focal_max_mm", sa.Float(), nullable=True),
        sa.Column("hfov_deg", sa.Float(), nullable=True),
        sa.Column("mount", sa.String(length=200), nullable=True),
        sa.Column("height_m", sa.Float(), nullable=True),
        sa.Column("target_distance_m", sa.Float(), nullable=True),
        sa.Column("scene_width_m", sa.Float(), nullable=True),
        sa.Column("required_dori", sa.String(length=20), nullable=True),
        sa.Column("outdoor", sa.Boolean(), nullable=True),
        sa.Column("vandal_risk", sa.Boolean(), nullable=True),
        sa.Column("power_w", sa.Float(), nullable=True),
        sa.Column("audio", sa.Boolean(), nullable=True),
        sa.Column("alarm_io", sa.Boolean(), nullable=True),
        sa.Column("status", sa.String(length=20), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("extra", sa.JSON(), nullable=False),
        sa.Column("raw", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["import_id"],
            ["survey_imports.id"],
            name=op.f("fk_survey_cameras_import_id_survey_imports"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["project_id"],
            ["projects.id"],
            name=op.f("fk_survey_cameras_project_id_projects"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["site_id"],
            ["sites.id"],
            name=op.f("fk_survey_cameras_site_id_sites"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_survey_cameras")),
    )
    with op.batch_alter_table("survey_cameras", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_survey_cameras_project_id"), ["project_id"], unique=False
        )

    op.create_table(
        "selections",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("survey_camera_id", sa.Integer(), nullable=False),
        sa.Column("model_key", sa.String(length=200), nullable=True),
        sa.Column("accessory_keys", sa.JSON(), nullable=False),
        sa.Column("override", sa.Boolean(), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("chosen_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["survey_camera_id"],
            ["survey_cameras.id"],
            name=op.f("fk_selections_survey_camera_id_survey_cameras"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_selections")),
        sa.UniqueConstraint("survey_camera_id", name=op.f("uq_selections_survey_camera_id")),
    )


def downgrade() -> None:

    op.drop_table("selections")
    with op.batch_alter_table("survey_cameras", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_survey_cameras_project_id"))

    op.drop_table("survey_cameras")
    with op.batch_alter_table("import_issues", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_import_issues_import_id"))

    op.drop_table("import_issues")
    op.drop_table("survey_imports")
    op.drop_table("sites")
    op.drop_table("rules")
    op.drop_table("vendors")
    op.drop_table("rule_sets")
    op.drop_table("projects")
    with op.batch_alter_table("prices", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_prices_item"))

    op.drop_table("prices")
    with op.batch_alter_table("oui_prefixes", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_oui_prefixes_vendor_id"))

    op.drop_table("oui_prefixes")
    with op.batch_alter_table("oem_relations", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_oem_relations_maker_id"))
        batch_op.drop_index(batch_op.f("ix_oem_relations_brand_id"))

    op.drop_table("oem_relations")
    with op.batch_alter_table("model_patterns", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_model_patterns_maker_id"))

    op.drop_table("model_patterns")
    op.drop_table("catalog_info")
    with op.batch_alter_table("camera_models", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_camera_models_vendor_id"))

    op.drop_table("camera_models")
    with op.batch_alter_table("accessories", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_accessories_vendor_id"))

    op.drop_table("accessories")
