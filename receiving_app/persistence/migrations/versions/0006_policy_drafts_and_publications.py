"""Policies edited at the station: drafts, and the versions published from them with their effective dates

Revision ID: 0006
Revises: 0005

A draft is a seller's policy being changed, kept under a name and never deciding anything; a
publication makes a draft a version of its own (its text in policy_versions, like every version)
that decides the seller's units received from its effective date on.
"""

import sqlalchemy as sa
from alembic import op

from receiving_app.persistence.column_types import UtcDateTime

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "policy_drafts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=64), nullable=False),
        sa.Column("policy_id", sa.String(length=64), nullable=False),
        sa.Column("source_text", sa.Text(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("based_on_version", sa.String(length=32), nullable=False),
        sa.Column("saved_at", UtcDateTime(), nullable=False),
        sa.Column("saved_by", sa.String(length=64), nullable=False),
        sa.Column("published_version", sa.String(length=32), nullable=True),
        sa.ForeignKeyConstraint(["policy_id"], ["sellers.id"], name=op.f("fk_policy_drafts_policy_id_sellers")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_policy_drafts")),
        sa.UniqueConstraint("name", name=op.f("uq_policy_drafts_name")),
    )
    op.create_index(op.f("ix_policy_drafts_policy_id"), "policy_drafts", ["policy_id"], unique=False)
    op.create_table(
        "policy_publications",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("policy_id", sa.String(length=64), nullable=False),
        sa.Column("version", sa.String(length=32), nullable=False),
        sa.Column("effective_on", sa.Date(), nullable=False),
        sa.Column("replaces_version", sa.String(length=32), nullable=False),
        sa.Column("published_at", UtcDateTime(), nullable=False),
        sa.Column("published_by", sa.String(length=64), nullable=False),
        sa.Column("draft_name", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(
            ["policy_id", "version"],
            ["policy_versions.policy_id", "policy_versions.version"],
            name=op.f("fk_policy_publications_policy_id_policy_versions"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_policy_publications")),
        sa.UniqueConstraint("policy_id", "version", name=op.f("uq_policy_publications_policy_id_version")),
    )
    op.create_index(
        "ix_policy_publications_policy_id_effective_on",
        "policy_publications",
        ["policy_id", "effective_on"],
        unique=False,
    )


def downgrade() -> None:
    op.drop_index("ix_policy_publications_policy_id_effective_on", table_name="policy_publications")
    op.drop_table("policy_publications")
    op.drop_index(op.f("ix_policy_drafts_policy_id"), table_name="policy_drafts")
    op.drop_table("policy_drafts")
