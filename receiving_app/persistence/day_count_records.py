"""The running count of one period's work, for one clerk or one station: the RMA lines they decided
units on, the units, and the refunds. Standing decisions only: a voided one moved no money."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ColumnElement, distinct, func, select
from sqlalchemy.orm import Session

from receiving_app.domain.money import Money
from receiving_app.persistence.column_types import summed_money
from receiving_app.persistence.decision_tables import DecisionRow


class DayCountRecords:
    session: Session

    def _work_counted(
        self, start: datetime, end: datetime, decided_where: ColumnElement[bool]
    ) -> tuple[int, int, tuple[Money, ...]]:
        """(lines, units, refunded) of the decisions from ``start`` up to ``end`` that match ``decided_where``;
        refunded is one amount per currency, in code order (a line's units are all its seller's currency,
        so the lines counted per currency add up)."""
        rows = self.session.execute(
            select(
                DecisionRow.currency,
                func.count(distinct(DecisionRow.rma_line_id)),
                func.count(),
                summed_money(DecisionRow.refund_total),
            )
            .where(
                DecisionRow.decided_at >= start,
                DecisionRow.decided_at < end,
                DecisionRow.voided_at.is_(None),
                decided_where,
            )
            .group_by(DecisionRow.currency)
            .order_by(DecisionRow.currency)
        ).all()
        refunded = tuple(Money(cents.amount, currency) for currency, _lines, _units, cents in rows)
        return sum(int(row[1]) for row in rows), sum(int(row[2]) for row in rows), refunded

    def clerk_work(self, start: datetime, end: datetime, user: str) -> tuple[int, int, tuple[Money, ...]]:
        return self._work_counted(start, end, DecisionRow.decided_by == user)

    def station_work(self, start: datetime, end: datetime, station: str) -> tuple[int, int, tuple[Money, ...]]:
        return self._work_counted(start, end, DecisionRow.station_id == station)
