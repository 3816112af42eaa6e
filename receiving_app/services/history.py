"""Looking back: RMAs and their timelines, stored documents, voiding, and the audit chain's check."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from receiving_app.domain.audit import AuditEvent
from receiving_app.domain.audit_archives import RMA_BEGINNINGS
from receiving_app.domain.errors import InputError
from receiving_app.domain.lifecycle import LineStatus, line_status_of, rma_status_of
from receiving_app.domain.policy import Policy
from receiving_app.domain.tracking import tracking_number_from_text
from receiving_app.persistence.records import Records
from receiving_app.persistence.unit_of_work import UnitOfWork, UnitOfWorkFactory
from receiving_app.services.archive_reading import archived_events_of_rma
from receiving_app.services.audit_check import ChainReport, StationRouting
from receiving_app.services.audit_checkpointing import CheckpointWhen, verify_audit_trail
from receiving_app.services.disposition import take_back_stock
from receiving_app.services.document_issuing import DocumentIssuer
from receiving_app.services.errors import LineNotOpen, NotAllowed, NotFound
from receiving_app.services.mapping import (
    archived_event_view,
    check_in_weights,
    decision_view,
    event_view,
    inspection_view,
    rma_view,
)
from receiving_app.services.views import EventView, RmaDetail, RmaView

VOIDING_ROLES = frozenset({"supervisor", "admin"})


@dataclass(frozen=True)
class StoredDocument:
    number: str
    type: str
    pdf: bytes
    copy: bool


class HistoryService:
    def __init__(self, units: UnitOfWorkFactory, policies: Mapping[str, Policy], issuer: DocumentIssuer) -> None:
        self._units = units
        self._policies = policies
        self._issuer = issuer

    def list_rmas(self, status: str | None = None) -> list[RmaView]:
        with self._units.read() as uow:
            rows = uow.records.rmas(status)
            units = uow.records.unit_states_of_lines([line for row in rows for line in row.lines])
            tracking = uow.records.tracking_numbers_of_rmas([row.id for row in rows])
            return [
                rma_view(
                    row,
                    self._policies.get(row.seller_id),
                    units,
                    mask_customer=True,
                    tracking_numbers=tracking.get(row.id, ()),
                )
                for row in rows
            ]

    def show_rma(self, number: str, *, mask_customer: bool = True) -> RmaDetail:
        """The RMA by its number, by the license plate of one of its units, or by the tracking number of
        its return parcel."""
        with self._units.read() as uow:
            named = number.strip().upper()
            rma = uow.records.rma(_rma_number_named(uow.records, named) or named)
            if rma is None:
                unidentified = uow.records.unidentified_return_by_lpn(named)
                if unidentified is not None:
                    raise NotFound(
                        f"{named} is the license plate of unidentified return {unidentified.number} "
                        f"({unidentified.status}), not of an RMA's unit."
                    )
                raise NotFound(f"No RMA numbered {number} is on file.")
            line_numbers = {line.id: line.line_no for line in rma.lines}
            decisions = uow.records.decisions_for_rma(rma.id)
            units = uow.records.unit_states_of_lines(rma.lines, decisions)
            return RmaDetail(
                rma=rma_view(
                    rma,
                    self._policies.get(rma.seller_id),
                    units,
                    mask_customer=mask_customer,
                    tracking_numbers=uow.records.tracking_numbers_of_rma(rma.id),
                    check_in=check_in_weights(uow.records.check_in_weights_of_lines(list(line_numbers))),
                ),
                inspections=tuple(
                    inspection_view(row, line_numbers[row.rma_line_id])
                    for row in uow.records.inspections_for_rma(rma.id)
                ),
                decisions=tuple(decision_view(row, line_numbers[row.rma_line_id]) for row in decisions),
                events=self._events(uow, rma.number),
            )

    @staticmethod
    def _events(uow: UnitOfWork, rma_number: str) -> tuple[EventView, ...]:
        """The RMA's timeline: what the archives hold of it (those whose file can be read), then the live chain.
        An RMA whose first event is still live has nothing archived, so no archive file is opened for it."""
        live = uow.records.audit_events_for_rma(rma_number)
        begins_live = any(row.event_type in RMA_BEGINNINGS for row in live)
        archives = [] if begins_live else uow.records.audit_archives()
        archived = archived_events_of_rma(archives, uow.chain_key(), rma_number) if archives else []
        return (
            *(archived_event_view(event) for event in archived),
            *(event_view(row) for row in live),
        )

    def document(self, number: str, *, reprint: bool, user: str = "system", station: str = "cli") -> StoredDocument:
        """The PDF as issued (byte for byte), or as a reprint marked COPY (recorded as a print)."""
        with self._units.write() as uow:
            row = uow.records.document(number.strip().upper())
            if row is None:
                raise NotFound(f"No document numbered {number} was issued.")
            pdf = (
                self._issuer.reprint(uow, row)
                if reprint
                else self._issuer.stored_pdf(uow, row, user=user, station=station)
            )
            if reprint:
                rma_number = uow.records.rma_number_of_document(row)
                uow.record(AuditEvent("document_reprinted", user, station, rma_number, {"number": row.number}))
            uow.commit()
            return StoredDocument(row.number, row.document_type, pdf, reprint)

    def rma_label(self, number: str, *, station: str) -> bytes:
        """The 4x6 in parcel label with the RMA number as Code 128 (the same RMA gives the same PDF)."""
        with self._units.read() as uow:
            rma = uow.records.rma(number.strip().upper())
            if rma is None:
                raise NotFound(f"No RMA numbered {number} is on file.")
            return self._issuer.label(rma, station=station)

    def void_document(self, number: str, *, user: str, station: str, reason: str) -> tuple[str, ...]:
        """Voids a decision through one of its documents: every document issued with it is voided
        too, the decision stops counting, and its unit opens again for a supervisor to decide anew.
        Returns the numbers voided."""
        if not reason.strip():
            raise InputError("A void needs a written reason.")
        with self._units.write() as uow:
            person = uow.records.user(user)
            if person is None or not person.active or person.role not in VOIDING_ROLES:
                raise NotAllowed(f"{user} may not void documents; a supervisor must.")
            row = uow.records.document(number.strip().upper())
            if row is None:
                raise NotFound(f"No document numbered {number} was issued.")
            if row.voided_at is not None:
                raise LineNotOpen(f"{row.number} was already voided by {row.voided_by}.")
            decision, rma_number, now, why = (
                row.decision,
                uow.records.rma_number_of_document(row),
                uow.clock(),
                reason.strip(),
            )
            line = uow.records.line_of_decision_for_update(decision)
            voided = tuple(document for document in decision.documents if document.voided_at is None)
            for document in voided:
                document.voided_at, document.voided_by, document.void_reason = now, user, why
                uow.record(
                    AuditEvent(
                        "document_voided",
                        user,
                        station,
                        rma_number,
                        {"number": document.number, "reason": why, "through": row.number},
                    )
                )
            decision.voided_at, decision.voided_by, decision.void_reason = now, user, why
            unstocked = take_back_stock(uow, decision, user=user, station=station, now=now)
            uow.records.flush()
            rma = line.rma
            line.status = line_status_of(
                uow.records.unit_states(line), on_hold=line.status == LineStatus.ON_HOLD.value
            ).value
            rma.status = rma_status_of(LineStatus(other.status) for other in rma.lines).value
            uow.record(
                AuditEvent(
                    "decision_voided",
                    user,
                    station,
                    rma_number,
                    {
                        "line": line.line_no,
                        "unit": decision.unit_no,
                        "outcome": decision.outcome,
                        "refund_total": decision.refund_total,
                        "documents": [document.number for document in voided],
                        "reason": why,
                        **({"stock_taken_back": unstocked} if unstocked else {}),
                    },
                )
            )
            uow.commit()
            return tuple(document.number for document in voided)

    def verify_audit_chain(
        self,
        routing: StationRouting | None = None,
        *,
        full: bool = True,
        checkpoint: CheckpointWhen = "never",
        station: str = "",
    ) -> ChainReport:
        """The chain, the sealed rows, and (given) this station's document routing: all of them, or
        (``full=False``) what was recorded since the newest good checkpoint; see audit_checkpointing."""
        return verify_audit_trail(self._units, routing, full=full, checkpoint=checkpoint, station=station)


def _rma_number_named(records: Records, named: str) -> str | None:
    """The RMA a unit's license plate or a parcel's tracking number names (None: neither)."""
    by_plate = records.rma_number_of_license_plate(named)
    if by_plate is not None:
        return by_plate
    tracking = tracking_number_from_text(named)
    return records.rma_number_of_tracking_number(tracking.number) if tracking is not None else None
