"""Archives of the oldest records: the audit chain's oldest stretch and the PDFs of its documents
moved into a file of their own, which `audit verify` and `documents render` still read

Revision ID: 0014
Revises: 0013

- ``audit_archives`` records each archive: the file, the stretch of the chain it holds (first and
  last event, the last one's hash), how many events and documents, the file's SHA-256, and the
  document routing at its end, signed with the chain key. Rows are only ever added: triggers refuse
  UPDATE and DELETE on both backends (and TRUNCATE on PostgreSQL).
- ``documents.archive_id`` names the archive a document's PDF was moved to. Its row keeps the PDF's
  digest, so a document is stored in its row or in an archive, never both, and never neither once
  it has a digest.
"""

import sqlalchemy as sa
from alembic import op

from receiving_app.persistence.column_types import UtcDateTime

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None

REFUSAL = "audit_archives_are_append_only"
ONLY_THIS_TABLE = {"resolve_fks": False}  # as in 0013: the customers' expression index is not reflected

SQLITE_TRIGGERS = [
    f"CREATE TRIGGER audit_archives_no_{verb.lower()} BEFORE {verb} ON audit_archives "
    f"BEGIN SELECT RAISE(ABORT, '{REFUSAL}'); END"
    for verb in ("UPDATE", "DELETE")
]
POSTGRESQL_TRIGGERS = [
    "CREATE FUNCTION audit_archives_refuse_change() RETURNS trigger LANGUAGE plpgsql AS "
    f"$$ BEGIN RAISE EXCEPTION '{REFUSAL}' USING ERRCODE = 'restrict_violation'; END $$",
    "CREATE TRIGGER audit_archives_no_change BEFORE UPDATE OR DELETE ON audit_archives "
    "FOR EACH ROW EXECUTE FUNCTION audit_archives_refuse_change()",
    "CREATE TRIGGER audit_archives_no_truncate BEFORE TRUNCATE ON audit_archives "
    "FOR EACH STATEMENT EXECUTE FUNCTION audit_archives_refuse_change()",
]


def upgrade() -> None:
    op.create_table(
        "audit_archives",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("file", sa.Text(), nullable=False),
        sa.Column("first_sequence", sa.Integer(), nullable=False),
        sa.Column("last_sequence", sa.Integer(), nullable=False),
        sa.Column("last_hash", sa.String(length=64), nullable=False),
        sa.Column("events", sa.Integer(), nullable=False),
        sa.Column("documents", sa.Integer(), nullable=False),
        sa.Column("file_sha256", sa.String(length=64), nullable=False),
        sa.Column("made_at", UtcDateTime(), nullable=False),
        sa.Column("made_by", sa.String(length=64), nullable=False),
        sa.Column("station_id", sa.String(length=64), nullable=False),
        sa.Column("routing", sa.Text(), nullable=False),
        sa.Column("signature", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_archives")),
        sa.UniqueConstraint("last_sequence", name=op.f("uq_audit_archives_last_sequence")),
    )
    with op.batch_alter_table("documents", schema=None, reflect_kwargs=ONLY_THIS_TABLE) as batch_op:
        batch_op.add_column(sa.Column("archive_id", sa.Integer(), nullable=True))
        batch_op.create_foreign_key(
            op.f("fk_documents_archive_id_audit_archives"), "audit_archives", ["archive_id"], ["id"]
        )
        batch_op.drop_constraint(op.f("ck_documents_pdf_with_its_digest"), type_="check")
        batch_op.create_check_constraint(
            op.f("ck_documents_pdf_with_its_digest"), "(pdf IS NULL AND archive_id IS NULL) = (pdf_sha256 IS NULL)"
        )
        batch_op.create_check_constraint(op.f("ck_documents_pdf_in_one_place"), "pdf IS NULL OR archive_id IS NULL")
    statements = POSTGRESQL_TRIGGERS if op.get_bind().dialect.name == "postgresql" else SQLITE_TRIGGERS
    for statement in statements:
        op.execute(statement)


def downgrade() -> None:
    # Refused while any document's PDF is in an archive: the revision before has nowhere to keep it.
    archived = op.get_bind().execute(sa.text("SELECT count(*) FROM documents WHERE archive_id IS NOT NULL")).scalar()
    if archived:
        raise RuntimeError(f"{archived} documents' PDFs are in archives; a database without archives cannot read them")
    with op.batch_alter_table("documents", schema=None, reflect_kwargs=ONLY_THIS_TABLE) as batch_op:
        batch_op.drop_constraint(op.f("ck_documents_pdf_in_one_place"), type_="check")
        batch_op.drop_constraint(op.f("ck_documents_pdf_with_its_digest"), type_="check")
        batch_op.create_check_constraint(
            op.f("ck_documents_pdf_with_its_digest"), "(pdf IS NULL) = (pdf_sha256 IS NULL)"
        )
        batch_op.drop_constraint(op.f("fk_documents_archive_id_audit_archives"), type_="foreignkey")
        batch_op.drop_column("archive_id")
    op.drop_table("audit_archives")
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP FUNCTION audit_archives_refuse_change()")
