"""Currency on decisions: the ISO 4217 code their amounts were decided in

Revision ID: 0009
Revises: 0008

A decision's five amounts are plain cents; the new ``currency`` column says whose. Every decision made
before this revision was made under a policy in US dollars (no policy could name another currency), so
they all take USD. Documents, reprints and reports read the amounts back in the decision's currency.
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

# As the table writes it (decision_tables.CURRENCY_CODE_CHECK), spelled out here so that this revision
# keeps building the same constraint whatever the table's module says later.
_LETTERS = ", ".join(f"'{letter}'" for letter in "ABCDEFGHIJKLMNOPQRSTUVWXYZ")
CURRENCY_CODE_CHECK = "length(currency) = 3 AND " + " AND ".join(
    f"substr(currency, {place}, 1) IN ({_LETTERS})" for place in (1, 2, 3)
)


def upgrade() -> None:
    with op.batch_alter_table("decisions", schema=None) as batch_op:
        batch_op.add_column(sa.Column("currency", sa.CHAR(length=3), server_default="USD", nullable=False))
        batch_op.create_check_constraint("currency_code", CURRENCY_CODE_CHECK)


def downgrade() -> None:
    with op.batch_alter_table("decisions", schema=None) as batch_op:
        batch_op.drop_constraint("ck_decisions_currency_code", type_="check")
        batch_op.drop_column("currency")
