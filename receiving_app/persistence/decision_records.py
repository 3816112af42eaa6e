"""Reading the decisions made on units: which stand, what state each unit is in, and what was refunded."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from sqlalchemy import ColumnElement, Select, bindparam, select
from sqlalchemy.orm import Session, selectinload

from receiving_app.domain.lifecycle import UnitState
from receiving_app.domain.money import Money
from receiving_app.persistence.column_types import summed_money
from receiving_app.persistence.decision_tables import DecisionRow
from receiving_app.persistence.inspection_tables import InspectionRow
from receiving_app.persistence.rma_tables import RmaLineRow, RmaRow

# Built once: building a statement costs more than SQLAlchemy's look-up of its compiled SQL, and these are
# read each time an RMA is opened at the bench.
_STANDING_UNITS = select(DecisionRow.rma_line_id, DecisionRow.unit_no).where(
    DecisionRow.rma_line_id.in_(bindparam("line_ids", expanding=True)), DecisionRow.voided_at.is_(None)
)
_UNITS_NOT_ARRIVED = select(InspectionRow.rma_line_id, InspectionRow.unit_no).where(
    InspectionRow.rma_line_id.in_(bindparam("line_ids", expanding=True)), InspectionRow.arrived.is_(False)
)
_DECISIONS_OF_RMA = (
    select(DecisionRow)
    .join(RmaLineRow, DecisionRow.rma_line_id == RmaLineRow.id)
    .where(RmaLineRow.rma_id == bindparam("rma_id"))
    .options(selectinload(DecisionRow.documents))
    .order_by(RmaLineRow.line_no, DecisionRow.unit_no, DecisionRow.id)
)


class DecisionRecords:
    session: Session

    def standing_decision(self, line_id: int, unit_no: int) -> DecisionRow | None:
        """The unit's decision that has not been voided, if it has one."""
        return self.session.execute(
            select(DecisionRow)
            .where(DecisionRow.rma_line_id == line_id, DecisionRow.unit_no == unit_no, DecisionRow.voided_at.is_(None))
            .options(selectinload(DecisionRow.documents))
        ).scalar_one_or_none()

    def unit_was_voided(self, line_id: int, unit_no: int) -> bool:
        return (
            self.session.execute(
                select(DecisionRow.id)
                .where(
                    DecisionRow.rma_line_id == line_id,
                    DecisionRow.unit_no == unit_no,
                    DecisionRow.voided_at.is_not(None),
                )
                .limit(1)
            ).first()
            is not None
        )

    def unit_states(self, line: RmaLineRow) -> list[UnitState]:
        """Each unit of the line, 1 to its quantity: decided (and not voided), not arrived, or open."""
        return self.unit_states_of_lines([line])[line.id]

    def unit_states_of_lines(
        self, lines: Sequence[RmaLineRow], decisions: Iterable[DecisionRow] | None = None
    ) -> dict[int, list[UnitState]]:
        """``unit_states`` for many lines in one query, keyed by line id; in two when the caller does not
        hold the lines' ``decisions`` already (every one of them, voided ones or not)."""
        ids = {"line_ids": [line.id for line in lines]}
        if decisions is None:
            decided = {(line_id, unit) for line_id, unit in self.session.execute(_STANDING_UNITS, ids)}
        else:
            decided = {(row.rma_line_id, row.unit_no) for row in decisions if row.voided_at is None}
        missing = {(line_id, unit) for line_id, unit in self.session.execute(_UNITS_NOT_ARRIVED, ids)}
        return {
            line.id: [
                UnitState.DECIDED
                if (line.id, unit) in decided
                else UnitState.NOT_RECEIVED
                if (line.id, unit) in missing
                else UnitState.OPEN
                for unit in range(1, line.quantity + 1)
            ]
            for line in lines
        }

    def decisions_for_rma(self, rma_id: int) -> Sequence[DecisionRow]:
        """Every decision on the RMA's lines, voided ones included, by line, unit and time."""
        return self.session.execute(_DECISIONS_OF_RMA, {"rma_id": rma_id}).scalars().all()

    def shipping_already_refunded(self, order_id: int) -> Money:
        """Seller errors refund the order's shipping once, however many of its lines come back."""
        return self.session.execute(shipping_refunded_query(order_id)).scalar_one()

    def label_already_deducted(self, rma_id: int) -> Money:
        """An RMA's one return label is deducted once, from the first refund that carries it."""
        return self.session.execute(label_deducted_query(rma_id)).scalar_one()


def shipping_refunded_query(order_id: int | ColumnElement[int]) -> Select[Money]:
    """The order's shipping refunded by its standing decisions."""
    return (
        select(summed_money(DecisionRow.shipping_refund))
        .join(RmaLineRow, DecisionRow.rma_line_id == RmaLineRow.id)
        .join(RmaRow, RmaLineRow.rma_id == RmaRow.id)
        .where(RmaRow.order_id == order_id, DecisionRow.voided_at.is_(None))
    )


def label_deducted_query(rma_id: int | ColumnElement[int]) -> Select[Money]:
    """The RMA's return label deducted by its standing decisions."""
    return (
        select(summed_money(DecisionRow.return_shipping_deduction))
        .join(RmaLineRow, DecisionRow.rma_line_id == RmaLineRow.id)
        .where(RmaLineRow.rma_id == rma_id, DecisionRow.voided_at.is_(None))
    )
