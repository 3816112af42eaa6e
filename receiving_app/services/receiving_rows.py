"""The rows and audit events one received unit leaves behind, built from the command and its judgement."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, datetime
from typing import Any

from receiving_app.domain.audit import AuditEvent
from receiving_app.domain.decision import Decision
from receiving_app.domain.digest_text import short_text_of_hex
from receiving_app.domain.facts import CONDITION_FIELDS, FLAG_FIELDS, Condition, Flags
from receiving_app.domain.judgement import Judgement
from receiving_app.domain.weight import Unit
from receiving_app.domain.weight_capture import WeightCapture
from receiving_app.persistence.decision_tables import DecisionRow
from receiving_app.persistence.inspection_tables import InspectionRow, PhotoRow, WeightReadingRow, kept_printable
from receiving_app.persistence.rma_tables import RmaLineRow
from receiving_app.services.commands import ReceiveLine
from receiving_app.services.document_issuing import DrawnDocument


def inspection_row(
    line: RmaLineRow, command: ReceiveLine, received_on: date, thumbnails: list[bytes], at: datetime
) -> InspectionRow:
    inspection = InspectionRow(
        rma_line_id=line.id,
        unit_no=command.unit,
        arrived=True,
        station_id=command.station,
        user_name=command.user,
        inspected_at=at,
        received_on=received_on,
        notes=command.notes,
        virgin=command.virgin,
        **_fact_columns(command.condition, command.flags),
    )
    # Both lists are set even when empty: the documents print them, and an unset list would be read
    # back from the database after the flush.
    inspection.readings = [_reading_row(reading, captured=False, at=at) for reading in command.readings_seen]
    if command.weight is not None:
        inspection.readings.append(_reading_row(command.weight, captured=True, at=at))
    inspection.photos = [
        PhotoRow(
            file_name=photo.file_name,
            media_type=photo.media_type,
            content=photo.content,
            thumbnail=kept_printable(photo.content, thumbnail),
        )
        for photo, thumbnail in zip(command.photos, thumbnails, strict=True)
    ]
    return inspection


def absence_row(
    line: RmaLineRow, unit: int, *, user: str, station: str, note: str, received_on: date, at: datetime
) -> InspectionRow:
    """The record that a unit was not in the parcel: nothing was checked, and nothing is decided."""
    return InspectionRow(
        rma_line_id=line.id,
        unit_no=unit,
        arrived=False,
        station_id=station,
        user_name=user,
        inspected_at=at,
        received_on=received_on,
        notes=note,
        **_fact_columns(Condition(), Flags()),
    )


def _fact_columns(condition: Condition, flags: Flags) -> dict[str, bool | None]:
    return {
        **{name: getattr(condition, name) for name in CONDITION_FIELDS},
        **{name: getattr(flags, name) for name in FLAG_FIELDS},
    }


def decision_row(
    line: RmaLineRow,
    inspection: InspectionRow,
    judgement: Judgement,
    command: ReceiveLine,
    approved_over: tuple[str, ...],
    at: datetime,
) -> DecisionRow:
    """``approved_over``: what the supervisor of ``command.approval`` approved the decision over
    (empty: no approval was needed)."""
    decision = judgement.decision
    override, approval = command.override, command.approval if approved_over else None
    return DecisionRow(
        rma_line_id=line.id,
        unit_no=command.unit,
        inspection=inspection,
        reason=(command.reason.value if command.reason else line.reason),
        customer_choice=(command.customer_choice.value if command.customer_choice else line.customer_choice),
        stated_reason=line.reason,
        stated_choice=line.customer_choice,
        policy_id=decision.policy_id,
        policy_version=decision.policy_version,
        outcome=decision.outcome.value,
        engine_outcome=judgement.engine_outcome,
        refund_method=decision.refund_method.value if decision.refund_method else None,
        amounts=decision.amounts,
        refund_total=decision.refund_total,
        currency=decision.amounts.currency,
        fill_fraction=decision.fill_fraction,
        reasons=[{"code": reason.code, "text": reason.text} for reason in decision.reasons],
        decided_at=at,
        decided_by=command.user,
        station_id=command.station,
        overridden_by=override.supervisor if override else None,
        override_reason=override.reason.strip() if override else None,
        approved_by=approval.supervisor if approval else None,
        approval_note=approval.note.strip() if approval else None,
        contradictions=[{"code": item.code, "text": item.text} for item in judgement.contradictions],
        # Not voided, and nothing issued yet, said outright: the documents and the plate join it in
        # memory, and the commit's outbox and seals take it as it is, none of them reading it back.
        voided_at=None,
        voided_by=None,
        void_reason=None,
        documents=[],
        license_plate=None,
    )


def _reading_row(reading: WeightCapture, *, captured: bool, at: datetime) -> WeightReadingRow:
    return WeightReadingRow(
        read_at=reading.read_at or at,
        value=reading.value,
        unit=reading.unit,
        grams=reading.grams,
        stable=reading.stable,
        source=reading.source,
        captured=captured,
    )


def receiving_events(
    rma_number: str,
    line: RmaLineRow,
    row: DecisionRow,
    judgement: Judgement,
    command: ReceiveLine,
    approved_over: tuple[str, ...],
    documents: Sequence[DrawnDocument],
    where_it_went: Mapping[str, Any],
    *,
    closes_rma: bool,
) -> list[AuditEvent]:
    """What the audit trail says of one received unit, in the order it happened: ``documents`` are those
    the decision issued, ``where_it_went`` its unit's sorting (``disposition.where_it_went``), ``closes_rma``
    whether it was the RMA's last open unit."""
    user, station, where = command.user, command.station, {"line": line.line_no, "unit": command.unit}
    events: list[AuditEvent] = []
    if (row.reason, row.customer_choice) != (row.stated_reason, row.stated_choice):
        events.append(
            AuditEvent(
                "finding_recorded",
                user,
                station,
                rma_number,
                {
                    **where,
                    "from": {"reason": row.stated_reason, "choice": row.stated_choice},
                    "to": {"reason": row.reason, "choice": row.customer_choice},
                },
            )
        )
    if row.approved_by:
        events.append(
            AuditEvent(
                "decision_approved",
                row.approved_by,
                station,
                rma_number,
                {
                    **where,
                    "why": list(approved_over),
                    "note": row.approval_note,
                },
            )
        )
    # The decision's event also says what it was decided on (the inspection, with the weight the decision
    # used; every other reading shown is kept in its row), the documents it issued and where its unit went.
    # Each said it in an event of its own before December 2026: four events fewer a line in the chain.
    # The reading has a unit of its own ("g", "lb"), so it is a part of its own.
    reading = _reading_payload(command.weight) if command.weight is not None else None
    inspected = {**_inspection_payload(command), "reading": reading}
    decided = {
        **where,
        "inspection": inspected,
        **_decision_payload(judgement.decision, command),
        # Each PDF's SHA-256 in base64 (``pdf``): 43 characters where its hex digits took 64.
        "documents": [
            {
                "type": document.document_type.value,
                "number": document.number,
                "pdf": short_text_of_hex(document.pdf_sha256),
            }
            for document in documents
        ],
        "sorted": dict(where_it_went),
        # Said here rather than by an ``rma_closed`` event of its own, as before December 2026.
        **({"closes_rma": True} if closes_rma else {}),
    }
    events.append(AuditEvent("decision_made", user, station, rma_number, decided))
    if command.override:
        events.append(
            AuditEvent(
                "decision_overridden",
                command.override.supervisor,
                station,
                rma_number,
                {
                    **where,
                    "engine_outcome": row.engine_outcome,
                    "outcome": row.outcome,
                    "reason": command.override.reason,
                },
            )
        )
    return events


def _inspection_payload(command: ReceiveLine) -> dict[str, Any]:
    # The facts found true, by name: a decision is made only once every one was set, so a name left out
    # was set false (each said true or false outright, 100 bytes more a line, before December 2026).
    # Likewise the notes and the count of photos are there when there are any.
    condition, flags = command.condition, command.flags
    return {
        "condition": [name for name in CONDITION_FIELDS if getattr(condition, name)],
        "flags": [name for name in FLAG_FIELDS if getattr(flags, name)],
        **({"notes": command.notes} if command.notes else {}),
        **({"photos": len(command.photos)} if command.photos else {}),
    }


def _reading_payload(reading: WeightCapture) -> dict[str, Any]:
    # A weight read in grams is its own weight in grams: ``grams`` is said for a weight in another unit.
    in_grams = {} if reading.unit == Unit.GRAM.symbol else {"grams": reading.grams}
    return {
        "value": reading.value,
        "unit": reading.unit,
        **in_grams,
        "stable": reading.stable,
        "source": reading.source,
    }


def _decision_payload(decision: Decision, command: ReceiveLine) -> dict[str, Any]:
    amounts = decision.amounts
    return {
        "policy": decision.policy_id,
        "policy_version": decision.policy_version,
        "outcome": decision.outcome.value,
        "refund_method": decision.refund_method.value if decision.refund_method else None,
        "currency": amounts.currency,
        "merchandise": amounts.merchandise,
        "restocking_fee": amounts.restocking_fee,
        "return_shipping_deduction": amounts.return_shipping_deduction,
        "shipping_refund": amounts.shipping_refund,
        "refund_total": decision.refund_total,
        "fill_fraction": decision.fill_fraction,
        "reasons": [reason.code for reason in decision.reasons],
        "override": command.override.supervisor if command.override else None,
    }
