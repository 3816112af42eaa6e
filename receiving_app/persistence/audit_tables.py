"""The audit trail: a hash chain of events, and the one row that holds its newest link."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from receiving_app.persistence.column_types import HexDigest, UtcDateTime
from receiving_app.persistence.table_base import Base


class AuditHeadRow(Base):
    """The chain's newest link, one row: locking it serialises appends across stations."""

    __tablename__ = "audit_head"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    last_sequence: Mapped[int] = mapped_column(Integer)
    last_hash: Mapped[str] = mapped_column(String(64))
    seal: Mapped[str | None] = mapped_column(String(64))  # None only before the first event


class AuditEventRow(Base):
    __tablename__ = "audit_events"
    __table_args__ = (Index("ix_audit_events_rma_sequence", "rma_number", "sequence"),)

    sequence: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    event_type: Mapped[str] = mapped_column(String(48))
    at: Mapped[datetime] = mapped_column(UtcDateTime)
    user_name: Mapped[str] = mapped_column(String(64))
    station_id: Mapped[str] = mapped_column(String(64))
    rma_number: Mapped[str | None] = mapped_column(String(32))
    payload: Mapped[str] = mapped_column(Text)  # canonical JSON, exactly the text that was hashed
    previous_hash: Mapped[str] = mapped_column(HexDigest)
    hash: Mapped[str] = mapped_column(HexDigest)
    # The digests of the money and rights rows its transaction wrote (last event of each only).
    sealed_rows: Mapped[str | None] = mapped_column(Text)
    seal: Mapped[str | None] = mapped_column(HexDigest)  # HMAC of the hash under the chain key
