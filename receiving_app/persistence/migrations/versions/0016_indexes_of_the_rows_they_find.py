"""Indexes hold the rows their lookups can find: a plate's hold and container, an RMA's webhooks

Revision ID: 0016
Revises: 0015

Three indexes had an entry for every row written, though their lookups only ever find some:

- ``ix_license_plates_held_until`` and ``ix_license_plates_container_id`` now hold only plates with a
  hold or a container (most units are never held, and each waits a while before it is placed): a
  lookup by a day or a container says the column is set, so both databases still use them;
- ``ix_outbox_messages_rma_number_receiver`` orders webhooks per RMA and receiver, and most messages
  are e-mails, which are not held back so: it now holds webhooks only.

``ix_rmas_status`` goes: ``ix_rmas_status_reported_on`` begins with the status and serves every lookup
it served. The rows themselves are unchanged.
"""

import sqlalchemy as sa
from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None

PARTIAL = {
    # index: (table, column, the rows it keeps)
    "ix_license_plates_held_until": ("license_plates", ["held_until"], "held_until IS NOT NULL"),
    "ix_license_plates_container_id": ("license_plates", ["container_id"], "container_id IS NOT NULL"),
    "ix_outbox_messages_rma_number_receiver": (
        "outbox_messages",
        ["rma_number", "receiver", "audit_sequence"],
        "kind = 'webhook'",
    ),
}


def upgrade() -> None:
    for name, (table, columns, kept) in PARTIAL.items():
        op.drop_index(name, table_name=table)
        where = sa.text(kept)
        op.create_index(name, table, columns, sqlite_where=where, postgresql_where=where)
    op.drop_index("ix_rmas_status", table_name="rmas")


def downgrade() -> None:
    op.create_index("ix_rmas_status", "rmas", ["status"])
    for name, (table, columns, _kept) in PARTIAL.items():
        op.drop_index(name, table_name=table)
        op.create_index(name, table, columns)
