"""Policies edited at the station: drafts, which never decide anything, and the versions published
from them with the day each takes effect.

A published version's text is kept where every policy text is kept (``policy_versions``), so that
decisions made under it point at it like any other; its publication says from when it decides.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, ForeignKeyConstraint, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from receiving_app.domain.limits import POLICY_ID_LENGTH
from receiving_app.persistence.column_types import UtcDateTime
from receiving_app.persistence.table_base import Base

DRAFT_NAME_LENGTH = 64
VERSION_LENGTH = 32  # as policy_versions.version


class PolicyDraftRow(Base):
    """A seller's policy as an admin is changing it: saved under a name, replaced when saved again."""

    __tablename__ = "policy_drafts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(DRAFT_NAME_LENGTH), unique=True)
    policy_id: Mapped[str] = mapped_column(ForeignKey("sellers.id"), index=True)
    source_text: Mapped[str] = mapped_column(Text)
    sha256: Mapped[str] = mapped_column(String(64))
    based_on_version: Mapped[str] = mapped_column(String(VERSION_LENGTH))  # in effect when the copy was made
    saved_at: Mapped[datetime] = mapped_column(UtcDateTime)
    saved_by: Mapped[str] = mapped_column(String(64))
    published_version: Mapped[str | None] = mapped_column(String(VERSION_LENGTH))


class PolicyPublicationRow(Base):
    """A version published at the station: it decides the seller's units received from ``effective_on``."""

    __tablename__ = "policy_publications"
    __table_args__ = (
        UniqueConstraint("policy_id", "version"),
        ForeignKeyConstraint(["policy_id", "version"], ["policy_versions.policy_id", "policy_versions.version"]),
        Index("ix_policy_publications_policy_id_effective_on", "policy_id", "effective_on"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    policy_id: Mapped[str] = mapped_column(String(POLICY_ID_LENGTH))
    version: Mapped[str] = mapped_column(String(VERSION_LENGTH))
    effective_on: Mapped[date] = mapped_column(Date)
    replaces_version: Mapped[str] = mapped_column(String(VERSION_LENGTH))
    published_at: Mapped[datetime] = mapped_column(UtcDateTime)
    published_by: Mapped[str] = mapped_column(String(64))
    draft_name: Mapped[str] = mapped_column(String(200))  # a stored draft's name, or the file it was read from
