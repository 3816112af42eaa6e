"""The station's first schema

Revision ID: 0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

import receiving_app.persistence.column_types

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "audit_events",
        sa.Column("sequence", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("event_type", sa.String(length=48), nullable=False),
        sa.Column("at", receiving_app.persistence.column_types.UtcDateTime(), nullable=False),
        sa.Column("user_name", sa.String(length=64), nullable=False),
        sa.Column("station_id", sa.String(length=64), nullable=False),
        sa.Column("rma_number", sa.String(length=32), nullable=True),
        sa.Column("payload", sa.Text(), nullable=False),
        sa.Column("previous_hash", sa.String(length=64), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("sequence", name=op.f("pk_audit_events")),
    )
    with op.batch_alter_table("audit_events", schema=None) as batch_op:
        batch_op.create_index("ix_audit_events_rma_sequence", ["rma_number", "sequence"], unique=False)

    op.create_table(
        "audit_head",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("last_sequence", sa.Integer(), nullable=False),
        sa.Column("last_hash", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_head")),
    )
    op.create_table(
        "catalog_items",
        sa.Column("sku", sa.String(length=64), nullable=False),
        sa.Column("oem_part_number", sa.String(length=64), nullable=False),
        sa.Column("upc", sa.String(length=14), nullable=True),
        sa.Column("brand", sa.String(length=64), nullable=False),
        sa.Column("description", sa.String(length=200), nullable=False),
        sa.Column("category", sa.String(length=32), nullable=False),
        sa.Column("full_g", receiving_app.persistence.column_types.ExactDecimal(length=48), nullable=False),
        sa.Column("empty_g", receiving_app.persistence.column_types.ExactDecimal(length=48), nullable=False),
        sa.Column("list_price", receiving_app.persistence.column_types.MoneyCents(), nullable=False),
        sa.CheckConstraint(
            "category IN ('ink', 'toner', 'drum', 'replacement_part')", name=op.f("ck_catalog_items_category")
        ),
        sa.PrimaryKeyConstraint("sku", name=op.f("pk_catalog_items")),
        sa.UniqueConstraint("upc", name=op.f("uq_catalog_items_upc")),
    )
    op.create_table(
        "customers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("account_number", sa.String(length=32), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("email", sa.String(length=200), nullable=False),
        sa.Column("phone", sa.String(length=40), nullable=False),
        sa.Column("address", sa.Text(), nullable=False),
        sa.Column("payment_method", sa.String(length=16), nullable=False),
        sa.Column("card_last4", sa.String(length=4), nullable=True),
        sa.CheckConstraint(
            "card_last4 IS NULL OR (length(card_last4) = 4"
            " AND substr(card_last4, 1, 1) BETWEEN '0' AND '9'"
            " AND substr(card_last4, 2, 1) BETWEEN '0' AND '9'"
            " AND substr(card_last4, 3, 1) BETWEEN '0' AND '9'"
            " AND substr(card_last4, 4, 1) BETWEEN '0' AND '9')",
            name=op.f("ck_customers_card_last4_only"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_customers")),
        sa.UniqueConstraint("account_number", name=op.f("uq_customers_account_number")),
    )
    op.create_table(
        "document_counters",
        sa.Column("document_type", sa.String(length=32), nullable=False),
        sa.Column("last_number", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("document_type", name=op.f("pk_document_counters")),
    )
    op.create_table(
        "sellers",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("authorization", sa.String(length=8), nullable=False),
        sa.Column("return_address", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sellers")),
    )
    op.create_table(
        "users",
        sa.Column("name", sa.String(length=64), nullable=False),
        sa.Column("display_name", sa.String(length=200), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("secret_hash", sa.String(length=200), nullable=False),
        sa.Column("failed_attempts", sa.Integer(), nullable=False),
        sa.Column("locked_until", receiving_app.persistence.column_types.UtcDateTime(), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.CheckConstraint("role IN ('receiver', 'supervisor', 'admin')", name=op.f("ck_users_role")),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_users")),
    )
    op.create_table(
        "orders",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(length=32), nullable=False),
        sa.Column("seller_id", sa.String(length=64), nullable=False),
        sa.Column("customer_id", sa.Integer(), nullable=False),
        sa.Column("purchased_on", sa.Date(), nullable=False),
        sa.Column("shipped_on", sa.Date(), nullable=True),
        sa.Column("delivered_on", sa.Date(), nullable=True),
        sa.Column("shipping_paid", receiving_app.persistence.column_types.MoneyCents(), nullable=False),
        sa.Column("payment_method", sa.String(length=16), nullable=False),
        sa.ForeignKeyConstraint(["customer_id"], ["customers.id"], name=op.f("fk_orders_customer_id_customers")),
        sa.ForeignKeyConstraint(["seller_id"], ["sellers.id"], name=op.f("fk_orders_seller_id_sellers")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_orders")),
        sa.UniqueConstraint("number", name=op.f("uq_orders_number")),
    )
    op.create_table(
        "policy_versions",
        sa.Column("policy_id", sa.String(length=64), nullable=False),
        sa.Column("version", sa.String(length=32), nullable=False),
        sa.Column("source_text", sa.Text(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("recorded_at", receiving_app.persistence.column_types.UtcDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["policy_id"], ["sellers.id"], name=op.f("fk_policy_versions_policy_id_sellers")),
        sa.PrimaryKeyConstraint("policy_id", "version", name=op.f("pk_policy_versions")),
    )
    op.create_table(
        "order_lines",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("order_id", sa.Integer(), nullable=False),
        sa.Column("line_no", sa.Integer(), nullable=False),
        sa.Column("sku", sa.String(length=64), nullable=False),
        sa.Column("quantity", sa.Integer(), nullable=False),
        sa.Column("unit_price", receiving_app.persistence.column_types.MoneyCents(), nullable=False),
        sa.CheckConstraint("quantity > 0", name=op.f("ck_order_lines_quantity")),
        sa.ForeignKeyConstraint(["order_id"], ["orders.id"], name=op.f("fk_order_lines_order_id_orders")),
        sa.ForeignKeyConstraint(["sku"], ["catalog_items.sku"], name=op.f("fk_order_lines_sku_catalog_items")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_order_lines")),
        sa.UniqueConstraint("order_id", "line_no", name=op.f("uq_order_lines_order_id_line_no")),
    )
    op.create_table(
        "rmas",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(length=32), nullable=False),
        sa.Column("seller_id", sa.String(length=64), nullable=False),
        sa.Column("order_id", sa.Integer(), nullable=False),
        sa.Column("reported_on", sa.Date(), nullable=False),
        sa.Column("return_label_cost", receiving_app.persistence.column_types.MoneyCents(), nullable=False),
        sa.Column("status", sa.String(length=24), nullable=False),
        sa.Column("created_at", receiving_app.persistence.column_types.UtcDateTime(), nullable=False),
        sa.CheckConstraint("status IN ('open', 'partially_received', 'closed')", name=op.f("ck_rmas_status")),
        sa.ForeignKeyConstraint(["order_id"], ["orders.id"], name=op.f("fk_rmas_order_id_orders")),
        sa.ForeignKeyConstraint(["seller_id"], ["sellers.id"], name=op.f("fk_rmas_seller_id_sellers")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_rmas")),
        sa.UniqueConstraint("number", name=op.f("uq_rmas_number")),
    )
    with op.batch_alter_table("rmas", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_rmas_order_id"), ["order_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_rmas_status"), ["status"], unique=False)

    op.create_table(
        "rma_lines",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("rma_id", sa.Integer(), nullable=False),
        sa.Column("line_no", sa.Integer(), nullable=False),
        sa.Column("order_line_id", sa.Integer(), nullable=False),
        sa.Column("sku", sa.String(length=64), nullable=False),
        sa.Column("quantity", sa.Integer(), nullable=False),
        sa.Column("reason", sa.String(length=32), nullable=False),
        sa.Column("customer_choice", sa.String(length=16), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("hold_note", sa.Text(), nullable=False),
        sa.CheckConstraint("customer_choice IN ('refund', 'replacement')", name=op.f("ck_rma_lines_customer_choice")),
        sa.CheckConstraint(
            "reason IN ('defective', 'not_needed', 'ordered_wrong', 'damaged_in_transit', 'wrong_item_shipped')",
            name=op.f("ck_rma_lines_reason"),
        ),
        sa.CheckConstraint(
            "status IN ('open', 'on_hold', 'decided', 'not_received')", name=op.f("ck_rma_lines_status")
        ),
        sa.CheckConstraint("quantity > 0", name=op.f("ck_rma_lines_quantity")),
        sa.ForeignKeyConstraint(
            ["order_line_id"], ["order_lines.id"], name=op.f("fk_rma_lines_order_line_id_order_lines")
        ),
        sa.ForeignKeyConstraint(["rma_id"], ["rmas.id"], name=op.f("fk_rma_lines_rma_id_rmas")),
        sa.ForeignKeyConstraint(["sku"], ["catalog_items.sku"], name=op.f("fk_rma_lines_sku_catalog_items")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_rma_lines")),
        sa.UniqueConstraint("rma_id", "line_no", name=op.f("uq_rma_lines_rma_id_line_no")),
    )
    with op.batch_alter_table("rma_lines", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_rma_lines_sku"), ["sku"], unique=False)

    op.create_table(
        "inspections",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("rma_line_id", sa.Integer(), nullable=False),
        sa.Column("station_id", sa.String(length=64), nullable=False),
        sa.Column("user_name", sa.String(length=64), nullable=False),
        sa.Column("inspected_at", receiving_app.persistence.column_types.UtcDateTime(), nullable=False),
        sa.Column("received_on", sa.Date(), nullable=False),
        sa.Column("unopened", sa.Boolean(), nullable=False),
        sa.Column("sealed", sa.Boolean(), nullable=False),
        sa.Column("original_packaging", sa.Boolean(), nullable=False),
        sa.Column("box_damage", sa.Boolean(), nullable=False),
        sa.Column("labels_intact", sa.Boolean(), nullable=False),
        sa.Column("sold_by_seller", sa.Boolean(), nullable=False),
        sa.Column("hp_plus_rejected", sa.Boolean(), nullable=False),
        sa.Column("firmware_blocked", sa.Boolean(), nullable=False),
        sa.Column("improper_use", sa.Boolean(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["rma_line_id"], ["rma_lines.id"], name=op.f("fk_inspections_rma_line_id_rma_lines")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_inspections")),
    )
    with op.batch_alter_table("inspections", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_inspections_rma_line_id"), ["rma_line_id"], unique=False)

    op.create_table(
        "decisions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("rma_line_id", sa.Integer(), nullable=False),
        sa.Column("inspection_id", sa.Integer(), nullable=False),
        sa.Column("policy_id", sa.String(length=64), nullable=False),
        sa.Column("policy_version", sa.String(length=32), nullable=False),
        sa.Column("outcome", sa.String(length=16), nullable=False),
        sa.Column("engine_outcome", sa.String(length=16), nullable=False),
        sa.Column("refund_method", sa.String(length=24), nullable=True),
        sa.Column("merchandise", receiving_app.persistence.column_types.MoneyCents(), nullable=False),
        sa.Column("restocking_fee", receiving_app.persistence.column_types.MoneyCents(), nullable=False),
        sa.Column("return_shipping_deduction", receiving_app.persistence.column_types.MoneyCents(), nullable=False),
        sa.Column("shipping_refund", receiving_app.persistence.column_types.MoneyCents(), nullable=False),
        sa.Column("refund_total", receiving_app.persistence.column_types.MoneyCents(), nullable=False),
        sa.Column("fill_fraction", receiving_app.persistence.column_types.Fraction4(), nullable=True),
        sa.Column("reasons", sa.JSON(), nullable=False),
        sa.Column("decided_at", receiving_app.persistence.column_types.UtcDateTime(), nullable=False),
        sa.Column("decided_by", sa.String(length=64), nullable=False),
        sa.Column("station_id", sa.String(length=64), nullable=False),
        sa.Column("overridden_by", sa.String(length=64), nullable=True),
        sa.Column("override_reason", sa.Text(), nullable=True),
        sa.CheckConstraint("outcome IN ('refund', 'replacement', 'denied')", name=op.f("ck_decisions_outcome")),
        sa.CheckConstraint("refund_total >= 0", name=op.f("ck_decisions_refund_not_negative")),
        sa.ForeignKeyConstraint(
            ["inspection_id"], ["inspections.id"], name=op.f("fk_decisions_inspection_id_inspections")
        ),
        sa.ForeignKeyConstraint(
            ["policy_id", "policy_version"],
            ["policy_versions.policy_id", "policy_versions.version"],
            name=op.f("fk_decisions_policy_id_policy_versions"),
        ),
        sa.ForeignKeyConstraint(["rma_line_id"], ["rma_lines.id"], name=op.f("fk_decisions_rma_line_id_rma_lines")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_decisions")),
        sa.UniqueConstraint("rma_line_id", name=op.f("uq_decisions_rma_line_id")),
    )
    with op.batch_alter_table("decisions", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_decisions_decided_at"), ["decided_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_decisions_outcome"), ["outcome"], unique=False)

    op.create_table(
        "photos",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("inspection_id", sa.Integer(), nullable=False),
        sa.Column("file_name", sa.String(length=200), nullable=False),
        sa.Column("media_type", sa.String(length=32), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=False),
        sa.Column("thumbnail", sa.LargeBinary(), nullable=False),
        sa.ForeignKeyConstraint(
            ["inspection_id"], ["inspections.id"], name=op.f("fk_photos_inspection_id_inspections")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_photos")),
    )
    with op.batch_alter_table("photos", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_photos_inspection_id"), ["inspection_id"], unique=False)

    op.create_table(
        "weight_readings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("inspection_id", sa.Integer(), nullable=False),
        sa.Column("read_at", receiving_app.persistence.column_types.UtcDateTime(), nullable=False),
        sa.Column("value", receiving_app.persistence.column_types.ExactDecimal(length=48), nullable=False),
        sa.Column("unit", sa.String(length=8), nullable=False),
        sa.Column("grams", receiving_app.persistence.column_types.ExactDecimal(length=48), nullable=False),
        sa.Column("stable", sa.Boolean(), nullable=False),
        sa.Column("source", sa.String(length=32), nullable=False),
        sa.Column("captured", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["inspection_id"], ["inspections.id"], name=op.f("fk_weight_readings_inspection_id_inspections")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_weight_readings")),
    )
    with op.batch_alter_table("weight_readings", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_weight_readings_inspection_id"), ["inspection_id"], unique=False)

    op.create_table(
        "documents",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(length=32), nullable=False),
        sa.Column("document_type", sa.String(length=32), nullable=False),
        sa.Column("sequence", sa.Integer(), nullable=False),
        sa.Column("decision_id", sa.Integer(), nullable=False),
        sa.Column("issued_at", receiving_app.persistence.column_types.UtcDateTime(), nullable=False),
        sa.Column("issued_by", sa.String(length=64), nullable=False),
        sa.Column("station_id", sa.String(length=64), nullable=False),
        sa.Column("pdf", sa.LargeBinary(), nullable=True),
        sa.Column("pdf_sha256", sa.String(length=64), nullable=True),
        sa.Column("print_count", sa.Integer(), nullable=False),
        sa.Column("voided_at", receiving_app.persistence.column_types.UtcDateTime(), nullable=True),
        sa.Column("voided_by", sa.String(length=64), nullable=True),
        sa.Column("void_reason", sa.Text(), nullable=True),
        sa.CheckConstraint("(pdf IS NULL) = (pdf_sha256 IS NULL)", name=op.f("ck_documents_pdf_with_its_digest")),
        sa.ForeignKeyConstraint(["decision_id"], ["decisions.id"], name=op.f("fk_documents_decision_id_decisions")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_documents")),
        sa.UniqueConstraint("decision_id", "document_type", name=op.f("uq_documents_decision_id_document_type")),
        sa.UniqueConstraint("document_type", "sequence", name=op.f("uq_documents_document_type_sequence")),
        sa.UniqueConstraint("number", name=op.f("uq_documents_number")),
    )

    # Rows that must exist before the first transaction locks them: one counter per document
    # type (numbers are bumped in place, never inserted under a race) and the audit chain's head.
    counters = sa.table(
        "document_counters", sa.column("document_type", sa.String), sa.column("last_number", sa.Integer)
    )
    op.bulk_insert(
        counters,
        [
            {"document_type": kind, "last_number": 0}
            for kind in ("credit_memo", "restocking_fee_receipt", "denial_notice", "replacement_slip")
        ],
    )
    head = sa.table(
        "audit_head",
        sa.column("id", sa.Integer),
        sa.column("last_sequence", sa.Integer),
        sa.column("last_hash", sa.String),
    )
    op.bulk_insert(head, [{"id": 1, "last_sequence": 0, "last_hash": "0" * 64}])


def downgrade() -> None:
    op.drop_table("documents")
    with op.batch_alter_table("weight_readings", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_weight_readings_inspection_id"))

    op.drop_table("weight_readings")
    with op.batch_alter_table("photos", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_photos_inspection_id"))

    op.drop_table("photos")
    with op.batch_alter_table("decisions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_decisions_outcome"))
        batch_op.drop_index(batch_op.f("ix_decisions_decided_at"))

    op.drop_table("decisions")
    with op.batch_alter_table("inspections", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_inspections_rma_line_id"))

    op.drop_table("inspections")
    with op.batch_alter_table("rma_lines", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_rma_lines_sku"))

    op.drop_table("rma_lines")
    with op.batch_alter_table("rmas", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_rmas_status"))
        batch_op.drop_index(batch_op.f("ix_rmas_order_id"))

    op.drop_table("rmas")
    op.drop_table("order_lines")
    op.drop_table("policy_versions")
    op.drop_table("orders")
    op.drop_table("users")
    op.drop_table("sellers")
    op.drop_table("document_counters")
    op.drop_table("customers")
    op.drop_table("catalog_items")
    op.drop_table("audit_head")
    with op.batch_alter_table("audit_events", schema=None) as batch_op:
        batch_op.drop_index("ix_audit_events_rma_sequence")

    op.drop_table("audit_events")
