"""The accountant's export batches and their entries, and the outbox's file messages that write them

Revision ID: 0010
Revises: 0009

A batch carries the credit memos (and the voids of those exported) that no earlier batch of its
format carried, numbered gaplessly per format from ``document_counters``; the database refuses a
document's issue or void twice in one format. Its file is written into the exports folder by an
outbox message of the new kind ``file``; docs/accounting.md.
"""

import sqlalchemy as sa
from alembic import op

from receiving_app.persistence.column_types import MoneyCents, UtcDateTime

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "export_batches",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("export_format", sa.String(length=16), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("first_document", sa.String(length=32), nullable=False),
        sa.Column("last_document", sa.String(length=32), nullable=False),
        sa.Column("first_sequence", sa.Integer(), nullable=False),
        sa.Column("last_sequence", sa.Integer(), nullable=False),
        sa.Column("issued_count", sa.Integer(), nullable=False),
        sa.Column("voided_count", sa.Integer(), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("issued_total", MoneyCents(), nullable=False),
        sa.Column("voided_total", MoneyCents(), nullable=False),
        sa.Column("file_name", sa.String(length=64), nullable=False),
        sa.Column("file_sha256", sa.String(length=64), nullable=False),
        sa.Column("content", sa.Text(), nullable=False),
        sa.Column("made_at", UtcDateTime(), nullable=False),
        sa.Column("made_by", sa.String(length=64), nullable=False),
        sa.Column("station_id", sa.String(length=64), nullable=False),
        sa.CheckConstraint(
            "export_format IN ('quickbooks', 'xero', 'journal')", name=op.f("ck_export_batches_export_format")
        ),
        sa.CheckConstraint("number >= 1", name=op.f("ck_export_batches_number")),
        sa.CheckConstraint("issued_count >= 0 AND voided_count >= 0", name=op.f("ck_export_batches_counts")),
        sa.CheckConstraint("issued_count + voided_count >= 1", name=op.f("ck_export_batches_not_empty")),
        sa.CheckConstraint("first_sequence <= last_sequence", name=op.f("ck_export_batches_range")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_export_batches")),
        sa.UniqueConstraint("export_format", "number", name=op.f("uq_export_batches_export_format_number")),
        sa.UniqueConstraint("id", "export_format", name=op.f("uq_export_batches_id_export_format")),
    )
    op.create_table(
        "export_entries",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("batch_id", sa.Integer(), nullable=False),
        sa.Column("export_format", sa.String(length=16), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("entry_kind", sa.String(length=8), nullable=False),
        sa.Column("refund", MoneyCents(), nullable=False),
        sa.CheckConstraint("entry_kind IN ('issued', 'voided')", name=op.f("ck_export_entries_entry_kind")),
        sa.ForeignKeyConstraint(
            ["batch_id", "export_format"],
            ["export_batches.id", "export_batches.export_format"],
            name=op.f("fk_export_entries_batch_id_export_batches"),
        ),
        sa.ForeignKeyConstraint(
            ["document_id"], ["documents.id"], name=op.f("fk_export_entries_document_id_documents")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_export_entries")),
        sa.UniqueConstraint(
            "export_format",
            "document_id",
            "entry_kind",
            name=op.f("uq_export_entries_export_format_document_id_entry_kind"),
        ),
    )
    op.create_index(op.f("ix_export_entries_batch_id"), "export_entries", ["batch_id"], unique=False)
    with op.batch_alter_table("outbox_messages", schema=None) as batch_op:
        batch_op.drop_constraint(op.f("ck_outbox_messages_kind"), type_="check")
        batch_op.create_check_constraint(op.f("ck_outbox_messages_kind"), "kind IN ('email', 'webhook', 'file')")


def downgrade() -> None:
    op.execute("DELETE FROM outbox_attempts WHERE message_id IN (SELECT id FROM outbox_messages WHERE kind = 'file')")
    op.execute("DELETE FROM outbox_messages WHERE kind = 'file'")
    with op.batch_alter_table("outbox_messages", schema=None) as batch_op:
        batch_op.drop_constraint(op.f("ck_outbox_messages_kind"), type_="check")
        batch_op.create_check_constraint(op.f("ck_outbox_messages_kind"), "kind IN ('email', 'webhook')")
    op.execute("DELETE FROM document_counters WHERE document_type LIKE 'export:%'")
    op.drop_index(op.f("ix_export_entries_batch_id"), table_name="export_entries")
    op.drop_table("export_entries")
    op.drop_table("export_batches")
