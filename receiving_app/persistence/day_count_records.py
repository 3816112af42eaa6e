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
    ) -> tuple[int, int, Money]:
        """(lines, units, refunded) of the decisions from ``start`` up to ``end`` that match ``decided_where``."""
        lines, units, refunded = self.session.execute(
            select(
                func.count(distinct(DecisionRow.rma_line_id)),
                func.count(),
                summed_money(DecisionRow.refund_total),
            ).where(
                DecisionRow.decided_at >= start,
                DecisionRow.decided_at < end,
                DecisionRow.voided_at.is_(None),
                decided_where,
            )
        ).one()
        return int(lines), int(units), refunded

    def clerk_work(self, start: datetime, end: datetime, user: str) -> tuple[int, int, Money]:
        return self._work_counted(start, end, DecisionRow.decided_by == user)

    def station_work(self, start: datetime, end: datetime, station: str) -> tuple[int, int, Money]:
        return self._work_counted(start, end, DecisionRow.station_id == station)
