"""Signed checkpoints of the audit chain: rows that are added and never changed or removed.

The database itself refuses to change or remove one (triggers, made by migration 0011); the
signature is what makes one trustworthy, the triggers only keep a slip from erasing the record.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from receiving_app.persistence.column_types import UtcDateTime
from receiving_app.persistence.table_base import Base


class AuditCheckpointRow(Base):
    __tablename__ = "audit_checkpoints"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    sequence: Mapped[int] = mapped_column(Integer, index=True)  # the last event verified
    hash: Mapped[str] = mapped_column(String(64))  # that event's hash
    made_at: Mapped[datetime] = mapped_column(UtcDateTime)
    station_id: Mapped[str] = mapped_column(String(64))
    routing: Mapped[str] = mapped_column(Text)  # canonical JSON {station: routing digest} up to `sequence`
    signature: Mapped[str] = mapped_column(String(64))  # HMAC of all of the above under the chain key
