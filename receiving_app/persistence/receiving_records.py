"""What receiving a unit reads, in as few statements as a receive can take: the line, locked, with
everything its decision and documents rest on; the unit's past on file; what the order and the RMA
have refunded already. Each is one statement, where the bench's screens read the same in several.

What a receive numbers last, under the counters' lock (its documents and its license plate), is
attached to the decision in memory and written by two plain statements that return the rows whole
for the seals, not by a flush: the ORM's flush costs more than the statements it sends.

The statements are built once, when the module loads: a receive sends each of them, and building a
statement and its cache key anew costs more than running it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, cast

from sqlalchemy import Table, bindparam, insert, literal, select, union_all
from sqlalchemy import inspect as inspect_object
from sqlalchemy.orm import Session, contains_eager, joinedload, lazyload
from sqlalchemy.orm.attributes import set_committed_value

from receiving_app.domain.lifecycle import UnitState
from receiving_app.domain.money import Money
from receiving_app.persistence.decision_records import label_deducted_query, shipping_refunded_query
from receiving_app.persistence.decision_tables import DecisionRow
from receiving_app.persistence.disposition_tables import LicensePlateRow
from receiving_app.persistence.document_tables import DocumentRow
from receiving_app.persistence.inspection_tables import InspectionRow
from receiving_app.persistence.rma_tables import RmaLineRow, RmaRow
from receiving_app.persistence.row_sealing import mark_written_rows
from receiving_app.persistence.table_base import Base

_STANDING, _VOIDED, _ABSENT = "standing", "voided", "absent"

_LINE_TO_RECEIVE = (
    select(RmaLineRow)
    .join(RmaLineRow.rma)
    .where(RmaRow.number == bindparam("rma_number"), RmaLineRow.line_no == bindparam("line_no"))
    .options(
        contains_eager(RmaLineRow.rma)
        .joinedload(RmaRow.lines)
        .options(lazyload(RmaLineRow.item), lazyload(RmaLineRow.order_line)),
        joinedload(RmaLineRow.item),
        joinedload(RmaLineRow.order_line),
    )
    .with_for_update(of=RmaLineRow)
)
_UNIT_ON_FILE = union_all(
    select(DecisionRow.unit_no, literal(_STANDING).label("kind")).where(
        DecisionRow.rma_line_id == bindparam("line_id"), DecisionRow.voided_at.is_(None)
    ),
    select(DecisionRow.unit_no, literal(_VOIDED).label("kind")).where(
        DecisionRow.rma_line_id == bindparam("line_id"),
        DecisionRow.unit_no == bindparam("unit"),
        DecisionRow.voided_at.is_not(None),
    ),
    select(InspectionRow.unit_no, literal(_ABSENT).label("kind")).where(
        InspectionRow.rma_line_id == bindparam("line_id"), InspectionRow.arrived.is_(False)
    ),
)
_REFUNDED_ALREADY = select(
    shipping_refunded_query(bindparam("order_id")).scalar_subquery(),
    label_deducted_query(bindparam("rma_id")).scalar_subquery(),
)


_DOCUMENTS = cast(Table, DocumentRow.__table__)
_PLATES = cast(Table, LicensePlateRow.__table__)
_INSERT_DOCUMENTS = insert(_DOCUMENTS).returning(*_DOCUMENTS.columns, sort_by_parameter_order=True)
_INSERT_PLATE = insert(_PLATES).returning(*_PLATES.columns)


@dataclass(frozen=True, slots=True)
class UnitOnFile:
    """A line's units as the records have them, and whether one of them was decided before."""

    states: list[UnitState]  # unit 1 to the line's quantity
    voided_before: bool  # the unit asked about had a decision that was voided


class ReceivingRecords:
    session: Session

    def line_to_receive(self, rma_number: str, line_no: int) -> RmaLineRow | None:
        """The RMA's line locked until commit (concurrent receivers of one line queue here on PostgreSQL),
        read in one statement with its item and order line, its RMA (seller, order, customer) and the
        RMA's other lines, whose statuses the RMA's own follows."""
        found = self.session.execute(_LINE_TO_RECEIVE, {"rma_number": rma_number, "line_no": line_no})
        return found.unique().scalar_one_or_none()

    def unit_on_file(self, line: RmaLineRow, unit: int) -> UnitOnFile:
        """Each unit of the line (decided and standing, recorded as not arrived, or open), and whether
        ``unit`` was decided before and voided; one statement over the line's decisions and absences."""
        rows = self.session.execute(_UNIT_ON_FILE, {"line_id": line.id, "unit": unit})
        found = {(number, kind) for number, kind in rows}
        return UnitOnFile(
            [
                UnitState.DECIDED
                if (number, _STANDING) in found
                else UnitState.NOT_RECEIVED
                if (number, _ABSENT) in found
                else UnitState.OPEN
                for number in range(1, line.quantity + 1)
            ],
            (unit, _VOIDED) in found,
        )

    def refunded_already(self, order_id: int, rma_id: int) -> tuple[Money, Money]:
        """The order's shipping refunded and the RMA's return label deducted so far, by standing
        decisions: each is given or taken once (``DecisionRecords`` asks the same one at a time)."""
        refunded, deducted = self.session.execute(_REFUNDED_ALREADY, {"order_id": order_id, "rma_id": rma_id}).one()
        return refunded, deducted

    def attach_issued(
        self, decision: DecisionRow, *, documents: Sequence[DocumentRow] = (), plate: LicensePlateRow | None = None
    ) -> None:
        """Lets a decision made in this transaction hold the documents and the plate numbered for it, as
        if read back (nothing is added to the session); ``write_issued`` writes them."""
        if documents:
            set_committed_value(decision, "documents", [*decision.documents, *documents])
        if plate is not None:
            set_committed_value(decision, "license_plate", plate)

    def write_issued(self, decision: DecisionRow) -> None:
        """Writes the documents and the plate attached to the decision and not written yet, one statement
        each, and seals them from the rows the statements return."""
        documents = [document for document in decision.documents if document.id is None]
        if documents:
            rows = self.session.execute(_INSERT_DOCUMENTS, [_values(document) for document in documents]).mappings()
            written = rows.all()
            for document, row in zip(documents, written, strict=True):
                document.id = row["id"]
            mark_written_rows(self.session, DocumentRow, written)
        plate = decision.license_plate
        if plate is not None and plate.id is None:
            row = self.session.execute(_INSERT_PLATE, _values(plate)).mappings().one()
            plate.id = row["id"]
            mark_written_rows(self.session, LicensePlateRow, [row])


def _values(row: Base) -> dict[str, Any]:
    """The columns an unsaved row was given, by name (those it was not given take their defaults)."""
    state = inspect_object(row)
    given = state.dict
    return {
        column.name: given[key]
        for column in state.mapper.local_table.columns
        if (key := state.mapper.get_property_by_column(column).key) in given
    }
