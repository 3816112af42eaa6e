"""Finding RMAs by number, customer, SKU, dates and outcome a page at a time, and summing up their lines (History).

Which index each search goes through is rma_search_plans.py's business; here are the rows the
list shows, and nothing else of the RMA, its order or its customer.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import NamedTuple

from sqlalchemy import ARRAY, ColumnElement, Integer, any_, bindparam, select
from sqlalchemy.orm import Session

from receiving_app.domain.money import Money
from receiving_app.persistence.catalog_tables import SellerRow
from receiving_app.persistence.decision_tables import DecisionRow
from receiving_app.persistence.order_tables import CustomerRow, OrderRow
from receiving_app.persistence.query_planning import plan_for_their_values
from receiving_app.persistence.rma_search_plans import RmaCriteria, SearchPlan
from receiving_app.persistence.rma_tables import RmaLineRow, RmaRow

# Core tables: the list is plain rows, and the ORM's handling of them would cost more than the queries.
_RMAS, _LINES, _DECISIONS = RmaRow.__table__, RmaLineRow.__table__, DecisionRow.__table__
_SELLERS, _ORDERS, _CUSTOMERS = SellerRow.__table__, OrderRow.__table__, CustomerRow.__table__


class RmaListed(NamedTuple):
    """An RMA as the History list shows it."""

    id: int
    number: str
    status: str
    seller_id: str
    seller_name: str
    customer_name: str
    customer_account: str
    order_number: str
    reported_on: date


class RmaSearchRecords:
    session: Session

    def search_rmas(self, criteria: RmaCriteria, *, before: int | None = None, limit: int) -> Sequence[RmaListed]:
        """The ``limit`` newest RMAs matching every criterion, below the RMA id ``before`` when given.

        The line criteria (SKU, outcome, decision time) must hold for one and the same line, so
        "denied, SKU TN-660" finds RMAs where TN-660 itself was denied.
        """
        plan_for_their_values(self.session)
        ids = SearchPlan(self.session, criteria).page(before=before, count=limit)
        if not ids:
            return []
        rma, seller, order, customer = _RMAS.c, _SELLERS.c, _ORDERS.c, _CUSTOMERS.c
        rows = (
            self.session.connection()
            .execute(
                select(
                    rma.id,
                    rma.number,
                    rma.status,
                    rma.seller_id,
                    seller.name,
                    customer.name,
                    customer.account_number,
                    order.number,
                    rma.reported_on,
                )
                .join_from(_RMAS, _SELLERS, seller.id == rma.seller_id)
                .join(_ORDERS, order.id == rma.order_id)
                .join(_CUSTOMERS, customer.id == order.customer_id)
                .where(self._among(rma.id, ids))
            )
            .all()
        )
        by_id = {row[0]: RmaListed(*row) for row in rows}
        return [by_id[rma_id] for rma_id in ids]

    def line_outcomes(
        self, rma_ids: Sequence[int]
    ) -> Sequence[tuple[int, str, str, str | None, Money | None, datetime | None]]:
        """(rma id, sku, line status, outcome, refund total, decided at) for each line of the RMAs; the
        refund total in the currency it was decided in."""
        if not rma_ids:
            return []
        line, decision = _LINES.c, _DECISIONS.c
        rows = self.session.connection().execute(
            select(
                line.rma_id,
                line.sku,
                line.status,
                decision.outcome,
                decision.refund_total,
                decision.decided_at,
                decision.currency,
            )
            .outerjoin_from(_LINES, _DECISIONS, (decision.rma_line_id == line.id) & decision.voided_at.is_(None))
            .where(self._among(line.rma_id, rma_ids))
            .order_by(line.rma_id, line.line_no)
        )
        return [
            (rma_id, sku, status, outcome, Money(total.amount, currency) if total is not None else None, decided_at)
            for rma_id, sku, status, outcome, total, decided_at, currency in rows
        ]

    def _among(self, column: ColumnElement[int], ids: Sequence[int]) -> ColumnElement[bool]:
        """``column`` is one of a page's ids. On PostgreSQL one array parameter, not a list of two hundred: the
        statement then reads the same for every page, and neither SQLAlchemy nor the driver compiles it again
        (compiling the two lists of a page was a third of a search's time)."""
        if self.session.get_bind().dialect.name == "postgresql":
            return column == any_(bindparam(None, list(ids), type_=ARRAY(Integer)))
        return column.in_(ids)
