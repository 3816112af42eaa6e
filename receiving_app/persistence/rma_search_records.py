"""Finding RMAs by number, customer, SKU, dates and outcome, and summing up their lines (history page)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from receiving_app.domain.money import Money
from receiving_app.persistence.decision_tables import DecisionRow
from receiving_app.persistence.order_tables import CustomerRow, OrderRow
from receiving_app.persistence.rma_tables import RmaLineRow, RmaRow


class RmaSearchRecords:
    session: Session

    def search_rmas(
        self,
        *,
        number_prefix: str = "",
        customer: str = "",
        match_customer_names: bool = False,
        sku: str = "",
        reported_from: date | None = None,
        reported_to: date | None = None,
        outcome: str = "",
        decided_from: datetime | None = None,
        decided_before: datetime | None = None,
        limit: int,
    ) -> Sequence[RmaRow]:
        """RMAs matching every given criterion, newest on file first.

        The line criteria (SKU, outcome, decision time) must hold for one and the same line, so
        "denied, SKU TN-660" finds RMAs where TN-660 itself was denied. Ordering by the primary
        key lets the database stop after ``limit`` matches instead of sorting every RMA.
        """
        query = select(RmaRow).order_by(RmaRow.id.desc()).limit(limit)
        if number_prefix:
            query = query.where(self._starts_with(RmaRow.number, number_prefix))
        if customer:
            needle = customer.casefold()
            matches = func.lower(CustomerRow.account_number).startswith(needle, autoescape=True)
            if match_customer_names:
                matches = matches | func.lower(CustomerRow.name).contains(needle, autoescape=True)
            query = (
                query.join(OrderRow, RmaRow.order_id == OrderRow.id)
                .join(CustomerRow, OrderRow.customer_id == CustomerRow.id)
                .where(matches)
            )
        if reported_from is not None:
            query = query.where(RmaRow.reported_on >= reported_from)
        if reported_to is not None:
            query = query.where(RmaRow.reported_on <= reported_to)
        line_conditions: list[ColumnElement[bool]] = []
        decision_conditions: list[ColumnElement[bool]] = []
        if sku:
            line_conditions.append(RmaLineRow.sku == sku)
        if outcome == "pending":
            line_conditions.append(RmaLineRow.status.in_(("open", "on_hold")))
        elif outcome:
            decision_conditions.append(DecisionRow.outcome == outcome)
        if decided_from is not None:
            decision_conditions.append(DecisionRow.decided_at >= decided_from)
        if decided_before is not None:
            decision_conditions.append(DecisionRow.decided_at < decided_before)
        if line_conditions or decision_conditions:
            lines = select(RmaLineRow.id).where(RmaLineRow.rma_id == RmaRow.id, *line_conditions, *decision_conditions)
            if decision_conditions:
                lines = lines.join(
                    DecisionRow, (DecisionRow.rma_line_id == RmaLineRow.id) & DecisionRow.voided_at.is_(None)
                )
            query = query.where(lines.exists())
        return self.session.execute(query).scalars().all()

    def _starts_with(self, column: InstrumentedAttribute[str], prefix: str) -> ColumnElement[bool]:
        # SQLite's LIKE ignores case and so cannot use the index; its GLOB is case-sensitive and
        # does, which matters with a million RMAs. Numbers are stored upper case, like the prefix.
        if self.session.get_bind().dialect.name == "sqlite":
            escaped = "".join(f"[{character}]" if character in "*?[" else character for character in prefix)
            return column.op("GLOB")(escaped + "*")
        return column.startswith(prefix, autoescape=True)

    def line_outcomes(
        self, rma_ids: Sequence[int]
    ) -> Sequence[tuple[int, str, str, str | None, Money | None, datetime | None]]:
        """(rma id, sku, line status, outcome, refund total, decided at) for each line of the RMAs."""
        if not rma_ids:
            return []
        return self.session.execute(
            select(
                RmaLineRow.rma_id,
                RmaLineRow.sku,
                RmaLineRow.status,
                DecisionRow.outcome,
                DecisionRow.refund_total,
                DecisionRow.decided_at,
            )
            .outerjoin(DecisionRow, (DecisionRow.rma_line_id == RmaLineRow.id) & DecisionRow.voided_at.is_(None))
            .where(RmaLineRow.rma_id.in_(rma_ids))
            .order_by(RmaLineRow.rma_id, RmaLineRow.line_no)
        ).all()
