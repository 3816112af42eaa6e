"""The documents issued for decisions, and the counters that number them.

The constraints here are the last line of defence for two rules: one document of each type per
decision, and gapless numbers unique per document type.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, Integer, LargeBinary, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from receiving_app.persistence.column_types import UtcDateTime
from receiving_app.persistence.decision_tables import DecisionRow
from receiving_app.persistence.table_base import Base


class DocumentCounterRow(Base):
    """The last number issued per document type; bumped inside the issuing transaction, so gapless."""

    __tablename__ = "document_counters"

    document_type: Mapped[str] = mapped_column(String(32), primary_key=True)
    last_number: Mapped[int] = mapped_column(Integer, default=0)


class DocumentPartRow(Base):
    """A stream many documents embed (a font, a picture), stored once by its SHA-256; only ever added
    (triggers refuse a change, migration 0013)."""

    __tablename__ = "document_parts"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    content: Mapped[bytes] = mapped_column(LargeBinary)


class DocumentRow(Base):
    __tablename__ = "documents"
    __table_args__ = (
        UniqueConstraint("document_type", "sequence"),
        # One document of each type per decision: no second credit memo for the same line, ever.
        UniqueConstraint("decision_id", "document_type"),
        # Stored in its row or in an archive, never both; either way with the digest it was issued with.
        CheckConstraint("(pdf IS NULL AND archive_id IS NULL) = (pdf_sha256 IS NULL)", name="pdf_with_its_digest"),
        CheckConstraint("pdf IS NULL OR archive_id IS NULL", name="pdf_in_one_place"),
        CheckConstraint("pdf_parts IS NULL OR pdf IS NOT NULL", name="parts_of_a_stored_pdf"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    number: Mapped[str] = mapped_column(String(32), unique=True)
    document_type: Mapped[str] = mapped_column(String(32))
    sequence: Mapped[int] = mapped_column(Integer)
    decision_id: Mapped[int] = mapped_column(ForeignKey("decisions.id"))
    issued_at: Mapped[datetime] = mapped_column(UtcDateTime)
    issued_by: Mapped[str] = mapped_column(String(64))
    station_id: Mapped[str] = mapped_column(String(64))
    # Empty only between the receiving commit and the PDF's own short commit (see document_issuing).
    # With ``pdf_parts`` it is the PDF deflated without its shared parts (documents/shared_parts.py);
    # without them (a document stored before migration 0013), the whole PDF.
    pdf: Mapped[bytes | None] = mapped_column(LargeBinary)
    pdf_sha256: Mapped[str | None] = mapped_column(String(64))  # of the whole PDF, as issued
    pdf_parts: Mapped[str | None] = mapped_column(Text)  # JSON: shared_parts.LeanPdf.kept_as
    # The archive its PDF was moved to (services/archiving.py); its row then keeps only the digest.
    archive_id: Mapped[int | None] = mapped_column(ForeignKey("audit_archives.id"))
    print_count: Mapped[int] = mapped_column(Integer, default=0)  # the first print is the original, later ones COPY
    voided_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    voided_by: Mapped[str | None] = mapped_column(String(64))
    void_reason: Mapped[str | None] = mapped_column(Text)

    decision: Mapped[DecisionRow] = relationship(back_populates="documents")

    @property
    def stored(self) -> bool:
        """Its PDF is kept, in its row or in an archive (not yet: before December 2026 a
        receive stored its PDFs in a second commit, and a power cut came before it)."""
        return self.pdf_sha256 is not None
