"""Signed audit checkpoints: where `audit verify` found the chain whole, so the next one starts there

Revision ID: 0011
Revises: 0010

Each row names the last event a verify checked and that event's hash, signed with the station's
chain key. Rows are only ever added: triggers refuse UPDATE and DELETE on both backends (and
TRUNCATE on PostgreSQL), as nothing the station does changes one.
"""

import sqlalchemy as sa
from alembic import op

from receiving_app.persistence.column_types import UtcDateTime

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

REFUSAL = "audit_checkpoints_are_append_only"

SQLITE_TRIGGERS = [
    f"CREATE TRIGGER audit_checkpoints_no_{verb.lower()} BEFORE {verb} ON audit_checkpoints "
    f"BEGIN SELECT RAISE(ABORT, '{REFUSAL}'); END"
    for verb in ("UPDATE", "DELETE")
]
POSTGRESQL_TRIGGERS = [
    "CREATE FUNCTION audit_checkpoints_refuse_change() RETURNS trigger LANGUAGE plpgsql AS "
    f"$$ BEGIN RAISE EXCEPTION '{REFUSAL}' USING ERRCODE = 'restrict_violation'; END $$",
    "CREATE TRIGGER audit_checkpoints_no_change BEFORE UPDATE OR DELETE ON audit_checkpoints "
    "FOR EACH ROW EXECUTE FUNCTION audit_checkpoints_refuse_change()",
    "CREATE TRIGGER audit_checkpoints_no_truncate BEFORE TRUNCATE ON audit_checkpoints "
    "FOR EACH STATEMENT EXECUTE FUNCTION audit_checkpoints_refuse_change()",
]


def upgrade() -> None:
    op.create_table(
        "audit_checkpoints",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("sequence", sa.Integer(), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.Column("made_at", UtcDateTime(), nullable=False),
        sa.Column("station_id", sa.String(length=64), nullable=False),
        sa.Column("routing", sa.Text(), nullable=False),
        sa.Column("signature", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_checkpoints")),
    )
    op.create_index(op.f("ix_audit_checkpoints_sequence"), "audit_checkpoints", ["sequence"], unique=False)
    statements = POSTGRESQL_TRIGGERS if op.get_bind().dialect.name == "postgresql" else SQLITE_TRIGGERS
    for statement in statements:
        op.execute(statement)


def downgrade() -> None:
    # Dropping the table drops its triggers on both backends; the function is PostgreSQL's own object.
    op.drop_index(op.f("ix_audit_checkpoints_sequence"), table_name="audit_checkpoints")
    op.drop_table("audit_checkpoints")
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP FUNCTION audit_checkpoints_refuse_change()")
