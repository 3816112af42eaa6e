"""The record of each archive of the audit chain's oldest stretch (domain/audit_archives.py): rows
that are added and never changed or removed.

The database refuses to change or remove one (triggers, migration 0014); the signature is what makes
one trustworthy, the triggers only keep a slip from erasing where the oldest history went.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from receiving_app.persistence.column_types import UtcDateTime
from receiving_app.persistence.table_base import Base


class AuditArchiveRow(Base):
    __tablename__ = "audit_archives"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    file: Mapped[str] = mapped_column(Text)
    first_sequence: Mapped[int] = mapped_column(Integer)
    last_sequence: Mapped[int] = mapped_column(Integer, unique=True)
    last_hash: Mapped[str] = mapped_column(String(64))
    events: Mapped[int] = mapped_column(Integer)
    documents: Mapped[int] = mapped_column(Integer)
    file_sha256: Mapped[str] = mapped_column(String(64))
    made_at: Mapped[datetime] = mapped_column(UtcDateTime)
    made_by: Mapped[str] = mapped_column(String(64))
    station_id: Mapped[str] = mapped_column(String(64))
    routing: Mapped[str] = mapped_column(Text)
    signature: Mapped[str] = mapped_column(String(64))  # HMAC of all of the above under the chain key
