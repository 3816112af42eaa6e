"""What must hold of the records after anything at all, a power cut included."""

from __future__ import annotations

from sqlalchemy import func, select, text

from receiving_app.domain.lifecycle import line_status_of
from receiving_app.persistence.audit_tables import AuditEventRow
from receiving_app.persistence.decision_tables import DecisionRow
from receiving_app.persistence.disposition_tables import LicensePlateRow, StockMoveRow
from receiving_app.persistence.document_tables import DocumentCounterRow, DocumentRow
from receiving_app.persistence.inspection_tables import InspectionRow, WeightReadingRow
from receiving_app.persistence.parcel_tables import UnidentifiedReturnRow
from receiving_app.persistence.rma_tables import RmaLineRow
from receiving_app.services.disposition import LICENSE_PLATE_COUNTER
from receiving_app.services.station import Station
from receiving_app.services.unidentified import UNIDENTIFIED_COUNTER

EXPECTED_DOCUMENTS = {"denied": {"denial_notice"}, "replacement": {"replacement_slip"}}


def assert_records_are_whole(station: Station, read_back: set[str] | None = None) -> None:
    """``read_back``: the numbers of documents already read back whole by an earlier check of these
    records, left out of this one's reading and added to as it reads the rest (a stored document is
    never rewritten, and the audit chain's check below holds every stored row to its sealed digest)."""
    with station.units.read() as uow:
        session = uow.session
        if session.get_bind().dialect.name == "sqlite":
            assert session.execute(text("PRAGMA integrity_check")).scalar_one() == "ok"
        for counter in session.execute(select(DocumentCounterRow)).scalars():
            if counter.document_type == LICENSE_PLATE_COUNTER:
                # A plate names a decided unit or a return without an RMA: one counter for both.
                plates = session.execute(select(UnidentifiedReturnRow.lpn)).scalars()
                sequences = [
                    *session.execute(select(LicensePlateRow.sequence)).scalars(),
                    *(int(plate[2:]) for plate in plates),
                ]
            elif counter.document_type == UNIDENTIFIED_COUNTER:
                sequences = list(session.execute(select(UnidentifiedReturnRow.sequence)).scalars())
            else:
                numbered = select(DocumentRow.sequence).where(DocumentRow.document_type == counter.document_type)
                sequences = list(session.execute(numbered).scalars())
            sequences.sort()
            assert sequences == list(range(1, counter.last_number + 1)), f"{counter.document_type} numbers have gaps"
        lines = session.execute(select(RmaLineRow)).scalars().all()
        units = uow.records.unit_states_of_lines(lines)
        for line in lines:
            # A line's status is what its units say: a decided line without its decisions, or the reverse, is not whole.
            expected = line_status_of(units[line.id], on_hold=line.status == "on_hold")
            assert line.status == expected.value, f"line {line.id} is {line.status}, its units say {expected.value}"
        decisions = session.execute(select(DecisionRow)).scalars().all()
        moves_of: dict[int, set[str]] = {}
        for move in session.execute(select(StockMoveRow)).scalars():
            moves_of.setdefault(move.decision_id, set()).add(move.kind)
        for decision in decisions:
            issued = {document.document_type for document in decision.documents}
            expected = EXPECTED_DOCUMENTS.get(decision.outcome) or (
                {"credit_memo", "restocking_fee_receipt"}
                if not decision.amounts.restocking_fee.is_zero
                else {"credit_memo"}
            )
            assert issued == expected, f"decision {decision.id} has documents {issued}, expected {expected}"
            # Every decision is sorted with it, and stock follows its decision: in while it stands, out once voided.
            assert decision.license_plate is not None, f"decision {decision.id} has no license plate"
            moves = moves_of.get(decision.id, set())
            if "restocked" in moves:
                taken_back = "decision_voided" in moves
                assert taken_back == (decision.voided_at is not None), f"decision {decision.id}'s stock"
        # A document is committed with its PDF, so no power cut leaves one without; and each reads back whole.
        assert session.execute(select(DocumentRow.number).where(DocumentRow.pdf.is_(None))).first() is None
        numbers = session.execute(select(DocumentRow.number)).scalars().all()
    read_back = set() if read_back is None else read_back
    for number in numbers:
        if number not in read_back:
            assert station.history.document(number, reprint=False).pdf.startswith(b"%PDF")
            read_back.add(number)
    report = station.history.verify_audit_chain()
    assert report.first_break is None, str(report.first_break)


def row_counts(station: Station) -> dict[str, int]:
    """How many rows each table of the receiving records holds: a refused command leaves them all as they were."""
    with station.units.read() as uow:
        return {
            table.__tablename__: uow.session.execute(select(func.count()).select_from(table)).scalar_one()
            for table in (
                AuditEventRow,
                DecisionRow,
                DocumentRow,
                InspectionRow,
                WeightReadingRow,
                LicensePlateRow,
                StockMoveRow,
            )
        }
