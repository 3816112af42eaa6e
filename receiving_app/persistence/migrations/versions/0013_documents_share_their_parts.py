"""Documents share their parts: the fonts, character maps, color profile and pictures every document
embeds are stored once, and each document's PDF is kept deflated without them

Revision ID: 0013
Revises: 0012

Every credit memo, receipt, notice and slip embeds the same font programs (about 24 KB of a 35 KB
PDF), and a damage photo's printable copy again in each document that shows it. Now:

- ``document_parts`` holds each such stream once, keyed by its SHA-256. A part is only ever added:
  triggers refuse UPDATE and DELETE on both backends (and TRUNCATE on PostgreSQL), so no document's
  reference to one can be left pointing at nothing or at other bytes;
- ``documents.pdf_parts`` says where each part goes back into the document's ``pdf``, which is then
  the PDF without them, deflated against a dictionary kept as a part too (the lean bytes of the
  first document of its kind). Documents stored before this revision keep their whole PDF and no
  ``pdf_parts``, and are read as they were.

Either way a document is served only when the whole file's SHA-256 is the one recorded when it was
issued.
"""

import json
import re
import zlib

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None

REFUSAL = "document_parts_are_append_only"
# SQLite's batch mode copies the documents table; reflecting the tables its keys lead to as well would
# only meet the customers' expression index, which SQLAlchemy cannot reflect and warns about.
ONLY_THIS_TABLE = {"resolve_fks": False}

SQLITE_TRIGGERS = [
    f"CREATE TRIGGER document_parts_no_{verb.lower()} BEFORE {verb} ON document_parts "
    f"BEGIN SELECT RAISE(ABORT, '{REFUSAL}'); END"
    for verb in ("UPDATE", "DELETE")
]
POSTGRESQL_TRIGGERS = [
    "CREATE FUNCTION document_parts_refuse_change() RETURNS trigger LANGUAGE plpgsql AS "
    f"$$ BEGIN RAISE EXCEPTION '{REFUSAL}' USING ERRCODE = 'restrict_violation'; END $$",
    "CREATE TRIGGER document_parts_no_change BEFORE UPDATE OR DELETE ON document_parts "
    "FOR EACH ROW EXECUTE FUNCTION document_parts_refuse_change()",
    "CREATE TRIGGER document_parts_no_truncate BEFORE TRUNCATE ON document_parts "
    "FOR EACH STATEMENT EXECUTE FUNCTION document_parts_refuse_change()",
]


def upgrade() -> None:
    op.create_table(
        "document_parts",
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=False),
        sa.PrimaryKeyConstraint("sha256", name=op.f("pk_document_parts")),
    )
    with op.batch_alter_table("documents", schema=None, reflect_kwargs=ONLY_THIS_TABLE) as batch_op:
        batch_op.add_column(sa.Column("pdf_parts", sa.Text(), nullable=True))
        batch_op.create_check_constraint(
            op.f("ck_documents_parts_of_a_stored_pdf"), "pdf_parts IS NULL OR pdf IS NOT NULL"
        )
    statements = POSTGRESQL_TRIGGERS if op.get_bind().dialect.name == "postgresql" else SQLITE_TRIGGERS
    for statement in statements:
        op.execute(statement)


def downgrade() -> None:
    # Each document's PDF is put back together whole first, as the revision before kept it. The rows
    # change, so the audit chain names them afterwards, as it would any row rewritten outside the station.
    connection = op.get_bind()
    documents = sa.table("documents", sa.column("id"), sa.column("pdf", sa.LargeBinary), sa.column("pdf_parts"))
    parts = sa.table("document_parts", sa.column("sha256"), sa.column("content", sa.LargeBinary))
    stored = connection.execute(
        sa.select(documents.c.id, documents.c.pdf, documents.c.pdf_parts).where(documents.c.pdf_parts.is_not(None))
    )

    def part(digest: str) -> bytes:
        return connection.execute(sa.select(parts.c.content).where(parts.c.sha256 == digest)).scalar_one()

    for document_id, deflated, parts_text in stored.all():
        index = json.loads(parts_text)
        dictionary = zlib.decompress(part(index["dictionary"])) if index["dictionary"] else None
        inflater = zlib.decompressobj(zdict=dictionary) if dictionary else zlib.decompressobj()
        lean, pieces, taken = inflater.decompress(deflated) + inflater.flush(), [], 0
        if "parts" not in index:  # stored later, with its index after its bytes and no cross-references
            lean, _mark, index_text = lean.rpartition(b"\n%parts ")
            index = json.loads(index_text)
        for offset, digest in index["parts"]:
            pieces += [lean[taken:offset], part(digest)]
            taken = offset
        pieces.append(lean[taken:])
        pdf = b"".join(pieces)
        if index.get("xref") is not None:
            pdf = _with_cross_references(pdf, index["xref"])
        connection.execute(documents.update().where(documents.c.id == document_id).values(pdf=pdf))
    with op.batch_alter_table("documents", schema=None, reflect_kwargs=ONLY_THIS_TABLE) as batch_op:
        batch_op.drop_constraint(op.f("ck_documents_parts_of_a_stored_pdf"), type_="check")
        batch_op.drop_column("pdf_parts")
    op.drop_table("document_parts")
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP FUNCTION document_parts_refuse_change()")


def _with_cross_references(pdf: bytes, at: int) -> bytes:
    """The cross-reference table written back where it was cut out (documents/shared_parts.py writes it
    the same way; a migration keeps its own copy, as it keeps its own idea of every table)."""
    offsets = {int(match.group(1)): match.start(1) for match in re.finditer(rb"\n(\d+) 0 obj\b", pdf[:at])}
    size = max(offsets, default=0) + 1
    table = b"xref\n0 %d\n0000000000 65535 f \n" % size
    table += b"".join(b"%010d 00000 n \n" % offsets[number] for number in range(1, size))
    after = pdf.index(b"startxref\n", at) + len(b"startxref\n")
    return pdf[:at] + table + pdf[at:after] + b"%d" % at + pdf[after:]
