"""Indexes for aging: open RMAs by their authorization date, and the lines on hold

Revision ID: 0008
Revises: 0007

The aging view and the daily report's Aging section look for open RMAs authorized before a day and for
the lines on hold. Without these indexes each read every open RMA or every RMA line: a million lines
in a warehouse of some years. With them each reads only the few it lists.
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

ON_HOLD = sa.text("status = 'on_hold'")


def upgrade() -> None:
    op.create_index("ix_rmas_status_reported_on", "rmas", ["status", "reported_on"], unique=False)
    op.create_index(
        "ix_rma_lines_on_hold",
        "rma_lines",
        ["rma_id"],
        unique=False,
        sqlite_where=ON_HOLD,
        postgresql_where=ON_HOLD,
    )


def downgrade() -> None:
    op.drop_index("ix_rma_lines_on_hold", table_name="rma_lines")
    op.drop_index("ix_rmas_status_reported_on", table_name="rmas")
