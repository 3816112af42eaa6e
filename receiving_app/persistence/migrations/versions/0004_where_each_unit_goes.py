"""Where each unit goes: routing versions, license plates, containers, stock, makes and virgin empties

Revision ID: 0004
Revises: 0003

Catalog items gain their make (every item known before is taken as the printer maker's own, which
is what the catalog held); inspections gain whether an OEM empty was never refilled (NULL on the
units inspected before: nobody was asked). License plates and containers are numbered from counters
of their own.
"""

import sqlalchemy as sa
from alembic import op

from receiving_app.persistence.column_types import ExactDecimal, UtcDateTime

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("catalog_items", schema=None) as batch_op:
        batch_op.add_column(sa.Column("make", sa.String(length=16), server_default="oem", nullable=False))
        batch_op.create_check_constraint("make", "make IN ('oem', 'compatible', 'remanufactured')")
    with op.batch_alter_table("inspections", schema=None) as batch_op:
        batch_op.add_column(sa.Column("virgin", sa.Boolean(), nullable=True))

    op.create_table(
        "routing_versions",
        sa.Column("version", sa.String(length=32), nullable=False),
        sa.Column("source_text", sa.Text(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("recorded_at", UtcDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("version", name=op.f("pk_routing_versions")),
    )
    op.create_table(
        "containers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=16), nullable=False),
        sa.Column("sequence", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("route", sa.String(length=40), nullable=False),
        sa.Column("status", sa.String(length=8), nullable=False),
        sa.Column("max_units", sa.Integer(), nullable=True),
        sa.Column("max_grams", ExactDecimal(), nullable=True),
        sa.Column("opened_at", UtcDateTime(), nullable=False),
        sa.Column("opened_by", sa.String(length=64), nullable=False),
        sa.Column("station_id", sa.String(length=64), nullable=False),
        sa.Column("closed_at", UtcDateTime(), nullable=True),
        sa.Column("closed_by", sa.String(length=64), nullable=True),
        sa.Column("closed_because", sa.Text(), nullable=True),
        sa.CheckConstraint("status IN ('open', 'closed')", name=op.f("ck_containers_status")),
        sa.CheckConstraint(
            "(status = 'closed') = (closed_at IS NOT NULL)", name=op.f("ck_containers_closed_when_closed")
        ),
        sa.CheckConstraint("max_units IS NULL OR max_units >= 1", name=op.f("ck_containers_max_units")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_containers")),
        sa.UniqueConstraint("code", name=op.f("uq_containers_code")),
        sa.UniqueConstraint("sequence", name=op.f("uq_containers_sequence")),
    )
    op.create_index(
        "uq_containers_open_route",
        "containers",
        ["route"],
        unique=True,
        sqlite_where=sa.text("status = 'open'"),
        postgresql_where=sa.text("status = 'open'"),
    )
    op.create_table(
        "license_plates",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("lpn", sa.String(length=16), nullable=False),
        sa.Column("sequence", sa.Integer(), nullable=False),
        sa.Column("decision_id", sa.Integer(), nullable=False),
        sa.Column("route", sa.String(length=40), nullable=False),
        sa.Column("route_label", sa.String(length=80), nullable=False),
        sa.Column("routing_version", sa.String(length=32), nullable=False),
        sa.Column("rule", sa.Integer(), nullable=False),
        sa.Column("assigned_at", UtcDateTime(), nullable=False),
        sa.Column("station_id", sa.String(length=64), nullable=False),
        sa.Column("container_id", sa.Integer(), nullable=True),
        sa.Column("grams", ExactDecimal(), nullable=False),
        sa.Column("placed_at", UtcDateTime(), nullable=True),
        sa.Column("placed_by", sa.String(length=64), nullable=True),
        sa.Column("held_until", sa.Date(), nullable=True),
        sa.Column("hold_ended", sa.String(length=16), nullable=True),
        sa.Column("hold_ended_at", UtcDateTime(), nullable=True),
        sa.Column("reclaim_tracking", sa.String(length=64), nullable=True),
        sa.CheckConstraint("sequence >= 1", name=op.f("ck_license_plates_sequence")),
        sa.CheckConstraint(
            "(container_id IS NULL) = (placed_at IS NULL)", name=op.f("ck_license_plates_placed_with_its_time")
        ),
        sa.CheckConstraint(
            "hold_ended IS NULL OR hold_ended IN ('expired', 'reclaimed')", name=op.f("ck_license_plates_hold_ended")
        ),
        sa.CheckConstraint(
            "(hold_ended IS NULL) = (hold_ended_at IS NULL)", name=op.f("ck_license_plates_hold_ended_with_its_time")
        ),
        sa.CheckConstraint(
            "hold_ended IS NULL OR held_until IS NOT NULL", name=op.f("ck_license_plates_hold_ended_after_a_hold")
        ),
        sa.CheckConstraint(
            "(reclaim_tracking IS NULL) = (hold_ended IS NULL OR hold_ended <> 'reclaimed')",
            name=op.f("ck_license_plates_reclaimed_with_tracking"),
        ),
        sa.ForeignKeyConstraint(
            ["container_id"], ["containers.id"], name=op.f("fk_license_plates_container_id_containers")
        ),
        sa.ForeignKeyConstraint(
            ["decision_id"], ["decisions.id"], name=op.f("fk_license_plates_decision_id_decisions")
        ),
        sa.ForeignKeyConstraint(
            ["routing_version"],
            ["routing_versions.version"],
            name=op.f("fk_license_plates_routing_version_routing_versions"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_license_plates")),
        sa.UniqueConstraint("decision_id", name=op.f("uq_license_plates_decision_id")),
        sa.UniqueConstraint("lpn", name=op.f("uq_license_plates_lpn")),
        sa.UniqueConstraint("sequence", name=op.f("uq_license_plates_sequence")),
    )
    op.create_index(op.f("ix_license_plates_route"), "license_plates", ["route"], unique=False)
    op.create_index(op.f("ix_license_plates_container_id"), "license_plates", ["container_id"], unique=False)
    op.create_index(op.f("ix_license_plates_held_until"), "license_plates", ["held_until"], unique=False)
    op.create_table(
        "stock_moves",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("sku", sa.String(length=64), nullable=False),
        sa.Column("grade", sa.String(length=16), nullable=False),
        sa.Column("quantity", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=24), nullable=False),
        sa.Column("decision_id", sa.Integer(), nullable=False),
        sa.Column("moved_at", UtcDateTime(), nullable=False),
        sa.Column("moved_by", sa.String(length=64), nullable=False),
        sa.Column("station_id", sa.String(length=64), nullable=False),
        sa.CheckConstraint("grade IN ('new', 'open_box')", name=op.f("ck_stock_moves_grade")),
        sa.CheckConstraint("kind IN ('restocked', 'decision_voided')", name=op.f("ck_stock_moves_kind")),
        sa.CheckConstraint(
            "(kind = 'restocked' AND quantity = 1) OR (kind = 'decision_voided' AND quantity = -1)",
            name=op.f("ck_stock_moves_kind_and_quantity"),
        ),
        sa.ForeignKeyConstraint(["decision_id"], ["decisions.id"], name=op.f("fk_stock_moves_decision_id_decisions")),
        sa.ForeignKeyConstraint(["sku"], ["catalog_items.sku"], name=op.f("fk_stock_moves_sku_catalog_items")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_stock_moves")),
        sa.UniqueConstraint("decision_id", "kind", name=op.f("uq_stock_moves_decision_id_kind")),
    )
    op.create_index(op.f("ix_stock_moves_sku"), "stock_moves", ["sku"], unique=False)
    op.create_index(op.f("ix_stock_moves_moved_at"), "stock_moves", ["moved_at"], unique=False)

    counters = sa.table(
        "document_counters", sa.column("document_type", sa.String), sa.column("last_number", sa.Integer)
    )
    op.bulk_insert(
        counters,
        [{"document_type": "license_plate", "last_number": 0}, {"document_type": "container", "last_number": 0}],
    )


def downgrade() -> None:
    op.execute("DELETE FROM document_counters WHERE document_type IN ('license_plate', 'container')")
    op.drop_index(op.f("ix_stock_moves_moved_at"), table_name="stock_moves")
    op.drop_index(op.f("ix_stock_moves_sku"), table_name="stock_moves")
    op.drop_table("stock_moves")
    op.drop_index(op.f("ix_license_plates_held_until"), table_name="license_plates")
    op.drop_index(op.f("ix_license_plates_container_id"), table_name="license_plates")
    op.drop_index(op.f("ix_license_plates_route"), table_name="license_plates")
    op.drop_table("license_plates")
    op.drop_index("uq_containers_open_route", table_name="containers")
    op.drop_table("containers")
    op.drop_table("routing_versions")
    with op.batch_alter_table("inspections", schema=None) as batch_op:
        batch_op.drop_column("virgin")
    with op.batch_alter_table("catalog_items", schema=None) as batch_op:
        batch_op.drop_constraint("ck_catalog_items_make", type_="check")
        batch_op.drop_column("make")
