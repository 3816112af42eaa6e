"""Reading RMAs and their lines, and the inspections of their units; locking a line to receive it."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session, joinedload, selectinload

from receiving_app.persistence.catalog_tables import SellerRow
from receiving_app.persistence.decision_tables import DecisionRow
from receiving_app.persistence.inspection_tables import InspectionRow
from receiving_app.persistence.rma_tables import RmaLineRow, RmaRow

# Built once: an RMA is read by its number each time one is opened at the bench.
_RMA_BY_NUMBER = (
    select(RmaRow)
    .where(RmaRow.number == bindparam("number"))
    .options(joinedload(RmaRow.lines).joinedload(RmaLineRow.item))
)


class RmaRecords:
    session: Session

    def rma(self, number: str) -> RmaRow | None:
        return self.session.execute(_RMA_BY_NUMBER, {"number": number}).unique().scalar_one_or_none()

    def rmas(self, status: str | None = None) -> Sequence[RmaRow]:
        query = select(RmaRow).options(selectinload(RmaRow.lines)).order_by(RmaRow.number)
        if status:
            query = query.where(RmaRow.status == status)
        return self.session.execute(query).scalars().all()

    def latest_rma_numbers(self) -> list[str]:
        """The newest RMA number of each seller on file: how each numbers its RMAs now.

        Walked back from the newest row: a seller receiving returns is met within a few rows even
        among a million; only a seller without any RMA costs a whole pass."""
        latest = (
            select(RmaRow.number)
            .where(RmaRow.seller_id == SellerRow.id)
            .order_by(RmaRow.id.desc())
            .limit(1)
            .scalar_subquery()
        )
        return [number for number in self.session.scalars(select(latest).select_from(SellerRow)) if number]

    def rma_line_for_update(self, rma_id: int, line_no: int) -> RmaLineRow | None:
        """The line, locked until commit: concurrent receivers of one line queue here (PostgreSQL)."""
        return self.session.execute(
            select(RmaLineRow)
            .where(RmaLineRow.rma_id == rma_id, RmaLineRow.line_no == line_no)
            .with_for_update(of=RmaLineRow)
        ).scalar_one_or_none()

    def line_of_decision_for_update(self, decision: DecisionRow) -> RmaLineRow:
        """The decision's line, locked as receiving locks it (a void and a receive of it queue)."""
        return self.session.execute(
            select(RmaLineRow).where(RmaLineRow.id == decision.rma_line_id).with_for_update(of=RmaLineRow)
        ).scalar_one()

    def inspections_for_rma(self, rma_id: int) -> Sequence[InspectionRow]:
        """Every inspection of the RMA's units, those of units that did not arrive included."""
        return (
            self.session.execute(
                select(InspectionRow)
                .join(RmaLineRow, InspectionRow.rma_line_id == RmaLineRow.id)
                .where(RmaLineRow.rma_id == rma_id)
                .options(selectinload(InspectionRow.readings), selectinload(InspectionRow.photos))
                .order_by(RmaLineRow.line_no, InspectionRow.unit_no, InspectionRow.id)
            )
            .scalars()
            .all()
        )
