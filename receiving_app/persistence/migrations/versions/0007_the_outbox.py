"""The outbox: messages to customers and webhooks, written with the events they report, and each attempt

Revision ID: 0007
Revises: 0006

Every e-mail and webhook is a row committed in the transaction of its event, keyed once (a
Message-ID, an event id) and delivered by a sender that records each attempt; docs/messages.md.
"""

import sqlalchemy as sa
from alembic import op

from receiving_app.persistence.column_types import UtcDateTime

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "outbox_messages",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=8), nullable=False),
        sa.Column("receiver", sa.String(length=500), nullable=False),
        sa.Column("event_type", sa.String(length=48), nullable=False),
        sa.Column("audit_sequence", sa.Integer(), nullable=False),
        sa.Column("rma_number", sa.String(length=32), nullable=True),
        sa.Column("payload", sa.Text(), nullable=False),
        sa.Column("message_key", sa.String(length=200), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("next_attempt_at", UtcDateTime(), nullable=False),
        sa.Column("claimed_at", UtcDateTime(), nullable=True),
        sa.Column("claimed_by", sa.String(length=64), nullable=True),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.Column("created_at", UtcDateTime(), nullable=False),
        sa.Column("station_id", sa.String(length=64), nullable=False),
        sa.Column("sent_at", UtcDateTime(), nullable=True),
        sa.Column("cancelled_by", sa.String(length=64), nullable=True),
        sa.Column("cancel_reason", sa.Text(), nullable=True),
        sa.CheckConstraint(
            "(status = 'cancelled') = (cancel_reason IS NOT NULL)",
            name=op.f("ck_outbox_messages_cancelled_with_a_reason"),
        ),
        sa.CheckConstraint(
            "(status = 'sending') = (claimed_at IS NOT NULL)", name=op.f("ck_outbox_messages_claimed_while_sending")
        ),
        sa.CheckConstraint(
            "(status = 'sent') = (sent_at IS NOT NULL)", name=op.f("ck_outbox_messages_sent_with_its_time")
        ),
        sa.CheckConstraint("kind IN ('email', 'webhook')", name=op.f("ck_outbox_messages_kind")),
        sa.CheckConstraint(
            "status IN ('pending', 'sending', 'sent', 'failed', 'cancelled', 'skipped')",
            name=op.f("ck_outbox_messages_status"),
        ),
        sa.CheckConstraint("attempts >= 0", name=op.f("ck_outbox_messages_attempts")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_outbox_messages")),
        sa.UniqueConstraint(
            "kind", "receiver", "message_key", name=op.f("uq_outbox_messages_kind_receiver_message_key")
        ),
    )
    op.create_index(
        "ix_outbox_messages_rma_number_receiver",
        "outbox_messages",
        ["rma_number", "receiver", "audit_sequence"],
        unique=False,
    )
    op.create_index(
        "ix_outbox_messages_status_next_attempt_at", "outbox_messages", ["status", "next_attempt_at"], unique=False
    )
    op.create_table(
        "outbox_attempts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("message_id", sa.Integer(), nullable=False),
        sa.Column("attempt_no", sa.Integer(), nullable=False),
        sa.Column("started_at", UtcDateTime(), nullable=False),
        sa.Column("finished_at", UtcDateTime(), nullable=True),
        sa.Column("outcome", sa.String(length=12), nullable=False),
        sa.Column("detail", sa.Text(), nullable=True),
        sa.Column("station_id", sa.String(length=64), nullable=False),
        sa.CheckConstraint(
            "(outcome = 'sending') = (finished_at IS NULL)", name=op.f("ck_outbox_attempts_finished_unless_sending")
        ),
        sa.CheckConstraint(
            "outcome IN ('sending', 'delivered', 'failed', 'interrupted')", name=op.f("ck_outbox_attempts_outcome")
        ),
        sa.ForeignKeyConstraint(
            ["message_id"], ["outbox_messages.id"], name=op.f("fk_outbox_attempts_message_id_outbox_messages")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_outbox_attempts")),
        sa.UniqueConstraint("message_id", "attempt_no", name=op.f("uq_outbox_attempts_message_id_attempt_no")),
    )
    op.create_index(op.f("ix_outbox_attempts_message_id"), "outbox_attempts", ["message_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_outbox_attempts_message_id"), table_name="outbox_attempts")
    op.drop_table("outbox_attempts")
    op.drop_index("ix_outbox_messages_status_next_attempt_at", table_name="outbox_messages")
    op.drop_index("ix_outbox_messages_rma_number_receiver", table_name="outbox_messages")
    op.drop_table("outbox_messages")
