"""The accountant's export batches, and the entries each carried (docs/accounting.md).

A batch is numbered per format from ``document_counters`` (``export:<format>``), bumped in the
transaction that writes it, so a format's batch numbers have no gaps. The constraints here are the
last line of defence for the rule that matters: a document's issue, and its void, goes to the books
once per format, whatever two stations do at the same moment.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, ForeignKeyConstraint, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from receiving_app.domain.money import Money
from receiving_app.persistence.column_types import MoneyCents, UtcDateTime
from receiving_app.persistence.table_base import Base

EXPORT_FORMATS = ("quickbooks", "xero", "journal")
ENTRY_KINDS = ("issued", "voided")


class ExportBatchRow(Base):
    """One file of one format: the entries not in an earlier batch of that format, and what they add up to."""

    __tablename__ = "export_batches"
    __table_args__ = (
        CheckConstraint(f"export_format IN {EXPORT_FORMATS}", name="export_format"),
        CheckConstraint("number >= 1", name="number"),
        CheckConstraint("issued_count >= 0 AND voided_count >= 0", name="counts"),
        CheckConstraint("issued_count + voided_count >= 1", name="not_empty"),
        CheckConstraint("first_sequence <= last_sequence", name="range"),
        UniqueConstraint("export_format", "number"),
        # The entries name their batch with its format, so that an entry cannot claim another format.
        UniqueConstraint("id", "export_format"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    export_format: Mapped[str] = mapped_column(String(16))
    number: Mapped[int] = mapped_column(Integer)
    # The range covered: the lowest and highest credit memo of the batch, by their gapless sequence.
    first_document: Mapped[str] = mapped_column(String(32))
    last_document: Mapped[str] = mapped_column(String(32))
    first_sequence: Mapped[int] = mapped_column(Integer)
    last_sequence: Mapped[int] = mapped_column(Integer)
    issued_count: Mapped[int] = mapped_column(Integer)
    voided_count: Mapped[int] = mapped_column(Integer)
    currency: Mapped[str] = mapped_column(String(3))
    issued_total: Mapped[Money] = mapped_column(MoneyCents)  # the refunds of the memos issued
    voided_total: Mapped[Money] = mapped_column(MoneyCents)  # the refunds reversed by voids
    file_name: Mapped[str] = mapped_column(String(64))
    file_sha256: Mapped[str] = mapped_column(String(64))
    # The file exactly as written: the outbox writes it from here, and it can be written again.
    content: Mapped[str] = mapped_column(Text)
    made_at: Mapped[datetime] = mapped_column(UtcDateTime)
    made_by: Mapped[str] = mapped_column(String(64))
    station_id: Mapped[str] = mapped_column(String(64))

    entries: Mapped[list[ExportEntryRow]] = relationship(back_populates="batch", order_by="ExportEntryRow.id")


class ExportEntryRow(Base):
    """A document's issue or void, in the one batch of a format that carried it."""

    __tablename__ = "export_entries"
    __table_args__ = (
        CheckConstraint(f"entry_kind IN {ENTRY_KINDS}", name="entry_kind"),
        # Never twice in one format: the database refuses a second entry of the same document and kind.
        UniqueConstraint("export_format", "document_id", "entry_kind"),
        ForeignKeyConstraint(["batch_id", "export_format"], ["export_batches.id", "export_batches.export_format"]),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    batch_id: Mapped[int] = mapped_column(Integer, index=True)
    export_format: Mapped[str] = mapped_column(String(16))
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id"))
    entry_kind: Mapped[str] = mapped_column(String(8))
    refund: Mapped[Money] = mapped_column(MoneyCents)  # the memo's refund total, as issued or as reversed

    batch: Mapped[ExportBatchRow] = relationship(back_populates="entries")
