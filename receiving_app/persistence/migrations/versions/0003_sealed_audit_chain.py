"""The audit chain is sealed with the station's key and records the rows each transaction wrote

Revision ID: 0003
Revises: 0002

Each event gains the HMAC seal of its hash and, on the last event of a transaction, the digests of
the money and rights rows the transaction wrote; the chain's head gains its own seal. Events
written before this revision have no seal, so `audit verify` reports such a chain as unsealed.
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("audit_events", schema=None) as batch_op:
        batch_op.add_column(sa.Column("sealed_rows", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("seal", sa.String(length=64), nullable=True))
    with op.batch_alter_table("audit_head", schema=None) as batch_op:
        batch_op.add_column(sa.Column("seal", sa.String(length=64), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("audit_head", schema=None) as batch_op:
        batch_op.drop_column("seal")
    with op.batch_alter_table("audit_events", schema=None) as batch_op:
        batch_op.drop_column("seal")
        batch_op.drop_column("sealed_rows")
