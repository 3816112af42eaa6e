"""What History searches decisions by, beside the RMA each belongs to: one row per standing decision.

A decision knows its RMA line, not its RMA; History lists RMAs newest first, so every search by
outcome or by when lines were decided would otherwise go from each decision to its line to its
RMA, a million times over a year's history. This table holds, for each decision that stands (not
voided), the RMA's id next to the outcome, the SKU and the time, so that an index can hand out the
RMAs with a denied line newest first, or the newest and oldest RMA decided on a day, in one seek.

Nothing in the station writes it: triggers on ``decisions`` (and on a line's RMA or SKU) keep it
equal to the standing decisions, in the transaction that changes them (migration 0012). It is
derived data, neither sealed nor audited: the decisions it copies are.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from receiving_app.domain.limits import SKU_LENGTH
from receiving_app.persistence.column_types import UtcDateTime
from receiving_app.persistence.table_base import Base

# SQLite's full-text table of customer names (FTS5, made by migration 0012) and the tables FTS5 keeps
# it in. SQLAlchemy cannot declare a virtual table, so schema comparisons leave these out.
SQLITE_FULL_TEXT_TABLES = frozenset(
    f"customer_names{suffix}" for suffix in ("", "_data", "_idx", "_docsize", "_config", "_content")
)


class SearchDecisionRow(Base):
    __tablename__ = "search_decisions"
    __table_args__ = (
        # A page of RMAs with a decision of this outcome, or of this SKU, newest first: each index is
        # already in that order.
        Index("ix_search_decisions_outcome_rma", "outcome", "rma_id"),
        Index("ix_search_decisions_sku_rma", "sku", "rma_id"),
        # The newest and the oldest RMA decided on a day (one seek each), and a day's decisions with
        # their times, without reading the rows.
        Index("ix_search_decisions_day_rma", "decided_on", "rma_id", "decided_at"),
        # Between those two, newest first, with the time at hand to test each against the range.
        Index("ix_search_decisions_rma_time", "rma_id", "decided_at"),
    )

    decision_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    rma_id: Mapped[int] = mapped_column(Integer)
    rma_line_id: Mapped[int] = mapped_column(Integer)
    sku: Mapped[str] = mapped_column(String(SKU_LENGTH))
    outcome: Mapped[str] = mapped_column(String(16))
    decided_at: Mapped[datetime] = mapped_column(UtcDateTime)
    decided_on: Mapped[date] = mapped_column(Date)  # decided_at's day in UTC: the unit of the day index
