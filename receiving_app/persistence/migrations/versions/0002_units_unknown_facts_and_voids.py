"""Units, unchecked facts, weight limits, findings and voids that carry through

Revision ID: 0002
Revises: 0001

A line of quantity N is now decided unit by unit; a condition or flag may be recorded as not
checked (NULL); the catalog knows what a cartridge can weigh; a decision keeps the reason and
choice it was made on, a supervisor's approval, any contradiction, and its own void.
Decisions made before this revision were made for the whole line: they become unit 1's, with
the line's reason and choice.
"""

from decimal import ROUND_HALF_UP, Decimal

import sqlalchemy as sa
from alembic import op

import receiving_app.persistence.column_types

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

_FACT_COLUMNS = (
    "unopened",
    "sealed",
    "original_packaging",
    "box_damage",
    "labels_intact",
    "sold_by_seller",
    "hp_plus_rejected",
    "firmware_blocked",
    "improper_use",
)
_REASONS = "reason IN ('defective', 'not_needed', 'ordered_wrong', 'damaged_in_transit', 'wrong_item_shipped')"


def _default_tolerance(full_g: str, empty_g: str) -> str:
    # The same rule as domain.inspection.default_tolerance_g, written out so that this revision
    # keeps meaning what it meant when the domain's rule changes.
    share = ((Decimal(full_g) - Decimal(empty_g)) * Decimal("0.10")).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    return format(max(share, Decimal("2")), "f")


def upgrade() -> None:
    exact = receiving_app.persistence.column_types.ExactDecimal()
    with op.batch_alter_table("catalog_items", schema=None) as batch_op:
        batch_op.add_column(sa.Column("weight_tolerance_g", exact, nullable=True))
        batch_op.add_column(sa.Column("sealed_min_g", exact, nullable=True))
        batch_op.add_column(sa.Column("sealed_max_g", exact, nullable=True))
    connection = op.get_bind()
    items = sa.table(
        "catalog_items", sa.column("sku"), sa.column("full_g"), sa.column("empty_g"), sa.column("weight_tolerance_g")
    )
    for sku, full_g, empty_g in connection.execute(sa.select(items.c.sku, items.c.full_g, items.c.empty_g)).all():
        connection.execute(
            items.update().where(items.c.sku == sku).values(weight_tolerance_g=_default_tolerance(full_g, empty_g))
        )
    with op.batch_alter_table("catalog_items", schema=None) as batch_op:
        batch_op.alter_column("weight_tolerance_g", existing_type=exact, nullable=False)
        batch_op.create_check_constraint(
            op.f("ck_catalog_items_sealed_band_whole"), "(sealed_min_g IS NULL) = (sealed_max_g IS NULL)"
        )

    with op.batch_alter_table("inspections", schema=None) as batch_op:
        batch_op.add_column(sa.Column("unit_no", sa.Integer(), nullable=False, server_default="1"))
        batch_op.add_column(sa.Column("arrived", sa.Boolean(), nullable=False, server_default=sa.true()))
        for name in _FACT_COLUMNS:
            batch_op.alter_column(name, existing_type=sa.Boolean(), nullable=True)
        batch_op.create_check_constraint(op.f("ck_inspections_unit_no"), "unit_no >= 1")
        batch_op.create_index(
            "uq_inspections_unit_not_arrived",
            ["rma_line_id", "unit_no"],
            unique=True,
            sqlite_where=sa.text("arrived = 0"),
            postgresql_where=sa.text("NOT arrived"),
        )
    with op.batch_alter_table("inspections", schema=None) as batch_op:
        batch_op.alter_column("unit_no", existing_type=sa.Integer(), server_default=None)
        batch_op.alter_column("arrived", existing_type=sa.Boolean(), server_default=None)

    with op.batch_alter_table("decisions", schema=None) as batch_op:
        batch_op.add_column(sa.Column("unit_no", sa.Integer(), nullable=False, server_default="1"))
        batch_op.add_column(sa.Column("reason", sa.String(length=32), nullable=True))
        batch_op.add_column(sa.Column("customer_choice", sa.String(length=16), nullable=True))
        batch_op.add_column(sa.Column("stated_reason", sa.String(length=32), nullable=True))
        batch_op.add_column(sa.Column("stated_choice", sa.String(length=16), nullable=True))
        batch_op.add_column(sa.Column("approved_by", sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column("approval_note", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("contradictions", sa.JSON(), nullable=False, server_default="[]"))
        batch_op.add_column(sa.Column("voided_at", receiving_app.persistence.column_types.UtcDateTime(), nullable=True))
        batch_op.add_column(sa.Column("voided_by", sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column("void_reason", sa.Text(), nullable=True))
    decisions = sa.table(
        "decisions",
        sa.column("rma_line_id"),
        sa.column("reason"),
        sa.column("customer_choice"),
        sa.column("stated_reason"),
        sa.column("stated_choice"),
    )
    lines = sa.table("rma_lines", sa.column("id"), sa.column("reason"), sa.column("customer_choice"))
    line_reason = sa.select(lines.c.reason).where(lines.c.id == decisions.c.rma_line_id).scalar_subquery()
    line_choice = sa.select(lines.c.customer_choice).where(lines.c.id == decisions.c.rma_line_id).scalar_subquery()
    connection.execute(
        decisions.update().values(
            reason=line_reason, customer_choice=line_choice, stated_reason=line_reason, stated_choice=line_choice
        )
    )
    with op.batch_alter_table("decisions", schema=None) as batch_op:
        batch_op.alter_column("unit_no", existing_type=sa.Integer(), server_default=None)
        batch_op.alter_column("contradictions", existing_type=sa.JSON(), server_default=None)
        batch_op.alter_column("reason", existing_type=sa.String(length=32), nullable=False)
        batch_op.alter_column("customer_choice", existing_type=sa.String(length=16), nullable=False)
        batch_op.alter_column("stated_reason", existing_type=sa.String(length=32), nullable=False)
        batch_op.alter_column("stated_choice", existing_type=sa.String(length=16), nullable=False)
        batch_op.drop_constraint("uq_decisions_rma_line_id", type_="unique")
        batch_op.create_check_constraint(op.f("ck_decisions_unit_no"), "unit_no >= 1")
        batch_op.create_check_constraint(
            op.f("ck_decisions_void_with_its_reason"), "(voided_at IS NULL) = (void_reason IS NULL)"
        )
        batch_op.create_check_constraint(op.f("ck_decisions_reason"), _REASONS)
        batch_op.create_check_constraint(
            op.f("ck_decisions_customer_choice"), "customer_choice IN ('refund', 'replacement')"
        )
        batch_op.create_index(
            "uq_decisions_standing_unit",
            ["rma_line_id", "unit_no"],
            unique=True,
            sqlite_where=sa.text("voided_at IS NULL"),
            postgresql_where=sa.text("voided_at IS NULL"),
        )
        batch_op.create_index(
            "ix_decisions_voided_at",
            ["voided_at"],
            unique=False,
            sqlite_where=sa.text("voided_at IS NOT NULL"),
            postgresql_where=sa.text("voided_at IS NOT NULL"),
        )


def downgrade() -> None:
    raise NotImplementedError("Records are never rewritten backwards: restore a backup taken before 0002 instead.")
