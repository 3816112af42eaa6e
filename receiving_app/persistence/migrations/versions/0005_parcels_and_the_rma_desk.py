"""Parcels as they arrive: tracking numbers, dock check-in, and returns that came without an RMA

Revision ID: 0005
Revises: 0004

RMAs gain the tracking numbers of their return shipments; each parcel's arrival is recorded once by
its label; a return without an RMA is kept, numbered from its own counter, with the items found in
it and their weights, until it is matched to an order or rejected.
"""

import sqlalchemy as sa
from alembic import op

from receiving_app.persistence.column_types import ExactDecimal, UtcDateTime

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "tracking_numbers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(length=40), nullable=False),
        sa.Column("carrier", sa.String(length=8), nullable=False),
        sa.Column("rma_id", sa.Integer(), nullable=False),
        sa.Column("source", sa.String(length=16), nullable=False),
        sa.Column("added_at", UtcDateTime(), nullable=False),
        sa.Column("added_by", sa.String(length=64), nullable=False),
        sa.CheckConstraint(
            "source IN ('import', 'desk', 'check_in', 'match')", name=op.f("ck_tracking_numbers_source")
        ),
        sa.ForeignKeyConstraint(["rma_id"], ["rmas.id"], name=op.f("fk_tracking_numbers_rma_id_rmas")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tracking_numbers")),
        sa.UniqueConstraint("number", name=op.f("uq_tracking_numbers_number")),
    )
    op.create_index(op.f("ix_tracking_numbers_rma_id"), "tracking_numbers", ["rma_id"], unique=False)
    op.create_table(
        "parcels",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("label", sa.String(length=250), nullable=False),
        sa.Column("label_kind", sa.String(length=8), nullable=False),
        sa.Column("carrier", sa.String(length=8), nullable=True),
        sa.Column("rma_id", sa.Integer(), nullable=True),
        sa.Column("checked_in_at", sa.String(length=8), nullable=False),
        sa.Column("arrived_at", UtcDateTime(), nullable=False),
        sa.Column("arrived_by", sa.String(length=64), nullable=False),
        sa.Column("station_id", sa.String(length=64), nullable=False),
        sa.CheckConstraint("label_kind IN ('rma', 'tracking', 'unknown')", name=op.f("ck_parcels_label_kind")),
        sa.CheckConstraint("checked_in_at IN ('dock', 'bench')", name=op.f("ck_parcels_checked_in_at")),
        sa.CheckConstraint(
            "(label_kind = 'tracking') = (carrier IS NOT NULL)", name=op.f("ck_parcels_carrier_of_a_tracking_label")
        ),
        sa.CheckConstraint("label_kind <> 'rma' OR rma_id IS NOT NULL", name=op.f("ck_parcels_rma_of_an_rma_label")),
        sa.ForeignKeyConstraint(["rma_id"], ["rmas.id"], name=op.f("fk_parcels_rma_id_rmas")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_parcels")),
        sa.UniqueConstraint("label", name=op.f("uq_parcels_label")),
    )
    op.create_index(op.f("ix_parcels_rma_id"), "parcels", ["rma_id"], unique=False)
    op.create_index(op.f("ix_parcels_arrived_at"), "parcels", ["arrived_at"], unique=False)
    op.create_table(
        "unidentified_returns",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(length=16), nullable=False),
        sa.Column("sequence", sa.Integer(), nullable=False),
        sa.Column("parcel_id", sa.Integer(), nullable=True),
        sa.Column("found_with_rma_id", sa.Integer(), nullable=True),
        sa.Column("tracking_number", sa.String(length=40), nullable=True),
        sa.Column("sender", sa.Text(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("lpn", sa.String(length=16), nullable=False),
        sa.Column("place", sa.String(length=40), nullable=False),
        sa.Column("status", sa.String(length=8), nullable=False),
        sa.Column("recorded_at", UtcDateTime(), nullable=False),
        sa.Column("recorded_by", sa.String(length=64), nullable=False),
        sa.Column("station_id", sa.String(length=64), nullable=False),
        sa.Column("matched_rma_id", sa.Integer(), nullable=True),
        sa.Column("resolved_at", UtcDateTime(), nullable=True),
        sa.Column("resolved_by", sa.String(length=64), nullable=True),
        sa.Column("reject_reason", sa.Text(), nullable=True),
        sa.CheckConstraint("status IN ('open', 'matched', 'rejected')", name=op.f("ck_unidentified_returns_status")),
        sa.CheckConstraint("sequence >= 1", name=op.f("ck_unidentified_returns_sequence")),
        sa.CheckConstraint(
            "(status = 'open') = (resolved_at IS NULL)", name=op.f("ck_unidentified_returns_resolved_unless_open")
        ),
        sa.CheckConstraint(
            "(resolved_at IS NULL) = (resolved_by IS NULL)", name=op.f("ck_unidentified_returns_resolved_by_someone")
        ),
        sa.CheckConstraint(
            "(status = 'matched') = (matched_rma_id IS NOT NULL)",
            name=op.f("ck_unidentified_returns_matched_to_an_rma"),
        ),
        sa.CheckConstraint(
            "(status = 'rejected') = (reject_reason IS NOT NULL)",
            name=op.f("ck_unidentified_returns_rejected_with_a_reason"),
        ),
        sa.ForeignKeyConstraint(
            ["found_with_rma_id"], ["rmas.id"], name=op.f("fk_unidentified_returns_found_with_rma_id_rmas")
        ),
        sa.ForeignKeyConstraint(
            ["matched_rma_id"], ["rmas.id"], name=op.f("fk_unidentified_returns_matched_rma_id_rmas")
        ),
        sa.ForeignKeyConstraint(["parcel_id"], ["parcels.id"], name=op.f("fk_unidentified_returns_parcel_id_parcels")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_unidentified_returns")),
        sa.UniqueConstraint("lpn", name=op.f("uq_unidentified_returns_lpn")),
        sa.UniqueConstraint("number", name=op.f("uq_unidentified_returns_number")),
        sa.UniqueConstraint("sequence", name=op.f("uq_unidentified_returns_sequence")),
    )
    for column in ("parcel_id", "found_with_rma_id", "tracking_number", "status", "recorded_at"):
        op.create_index(op.f(f"ix_unidentified_returns_{column}"), "unidentified_returns", [column], unique=False)
    op.create_table(
        "unidentified_items",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("unidentified_id", sa.Integer(), nullable=False),
        sa.Column("item_no", sa.Integer(), nullable=False),
        sa.Column("scanned", sa.String(length=64), nullable=False),
        sa.Column("sku", sa.String(length=64), nullable=True),
        sa.Column("weight_value", ExactDecimal(), nullable=True),
        sa.Column("weight_unit", sa.String(length=8), nullable=True),
        sa.Column("grams", ExactDecimal(), nullable=True),
        sa.Column("weight_source", sa.String(length=32), nullable=True),
        sa.Column("weighed_at", UtcDateTime(), nullable=True),
        sa.Column("rma_line_id", sa.Integer(), nullable=True),
        sa.Column("unit_no", sa.Integer(), nullable=True),
        sa.CheckConstraint("item_no >= 1", name=op.f("ck_unidentified_items_item_no")),
        sa.CheckConstraint(
            "(rma_line_id IS NULL) = (unit_no IS NULL)", name=op.f("ck_unidentified_items_line_with_its_unit")
        ),
        sa.CheckConstraint(
            "(grams IS NULL) = (weight_value IS NULL) AND (grams IS NULL) = (weight_unit IS NULL)"
            " AND (grams IS NULL) = (weight_source IS NULL) AND (grams IS NULL) = (weighed_at IS NULL)",
            name=op.f("ck_unidentified_items_weight_whole_or_absent"),
        ),
        sa.ForeignKeyConstraint(
            ["rma_line_id"], ["rma_lines.id"], name=op.f("fk_unidentified_items_rma_line_id_rma_lines")
        ),
        sa.ForeignKeyConstraint(["sku"], ["catalog_items.sku"], name=op.f("fk_unidentified_items_sku_catalog_items")),
        sa.ForeignKeyConstraint(
            ["unidentified_id"],
            ["unidentified_returns.id"],
            name=op.f("fk_unidentified_items_unidentified_id_unidentified_returns"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_unidentified_items")),
        sa.UniqueConstraint("rma_line_id", "unit_no", name=op.f("uq_unidentified_items_rma_line_id_unit_no")),
        sa.UniqueConstraint("unidentified_id", "item_no", name=op.f("uq_unidentified_items_unidentified_id_item_no")),
    )
    op.create_table(
        "unidentified_photos",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("file_name", sa.String(length=200), nullable=False),
        sa.Column("media_type", sa.String(length=32), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=False),
        sa.Column("thumbnail", sa.LargeBinary(), nullable=False),
        sa.ForeignKeyConstraint(
            ["item_id"], ["unidentified_items.id"], name=op.f("fk_unidentified_photos_item_id_unidentified_items")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_unidentified_photos")),
    )
    op.create_index(op.f("ix_unidentified_photos_item_id"), "unidentified_photos", ["item_id"], unique=False)

    counters = sa.table(
        "document_counters", sa.column("document_type", sa.String), sa.column("last_number", sa.Integer)
    )
    op.bulk_insert(counters, [{"document_type": "unidentified_return", "last_number": 0}])


def downgrade() -> None:
    op.execute("DELETE FROM document_counters WHERE document_type = 'unidentified_return'")
    op.drop_index(op.f("ix_unidentified_photos_item_id"), table_name="unidentified_photos")
    op.drop_table("unidentified_photos")
    op.drop_table("unidentified_items")
    for column in ("parcel_id", "found_with_rma_id", "tracking_number", "status", "recorded_at"):
        op.drop_index(op.f(f"ix_unidentified_returns_{column}"), table_name="unidentified_returns")
    op.drop_table("unidentified_returns")
    op.drop_index(op.f("ix_parcels_arrived_at"), table_name="parcels")
    op.drop_index(op.f("ix_parcels_rma_id"), table_name="parcels")
    op.drop_table("parcels")
    op.drop_index(op.f("ix_tracking_numbers_rma_id"), table_name="tracking_numbers")
    op.drop_table("tracking_numbers")
