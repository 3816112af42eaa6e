"""The outbox rows of a transaction's audit events, written at its commit (see unit_of_work.py).

Which events have subscribers, and who they are, is decided here, so no service says anything about
messages: the customer is e-mailed on an RMA's arrival and on each decision, and every configured
webhook URL is sent the arrival and the events of ``WEBHOOK_EVENTS`` (a decision's event also as the
documents it issued and its unit's sorting, a webhook each). An arrival is a parcel checked
in at the dock (``parcel_checked_in``), an unidentified parcel matched to the RMA it becomes
(``unidentified_matched``), or the bench's first opening of an RMA nobody checked in (``rma_opened`` in
the transaction that records its parcel). What needs a query (the customer's
address, the decision's id) is looked up before the audit chain's head is locked; the rows are
inserted after the events are chained, with each event's sequence (commit order) and hash (the
message's key). An export batch's file (``export_batch_made``) is a ``file`` message to the folder
the event names, keyed by the batch's format and number (docs/accounting.md).

A demo's load writes months of made-up arrivals in one transaction; nothing is sent for them.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, cast

from sqlalchemy import Table, bindparam, insert, inspect, select
from sqlalchemy.orm import Session, UOWTransaction

from receiving_app.domain.audit import AuditEvent, ChainedEvent, canonical_json
from receiving_app.domain.digest_text import short_text_of_hex
from receiving_app.persistence.decision_tables import DecisionRow
from receiving_app.persistence.held_rows import held_customer_email, held_standing_decision_id
from receiving_app.persistence.order_tables import CustomerRow, OrderRow
from receiving_app.persistence.outbox_tables import OutboxMessageRow
from receiving_app.persistence.parcel_tables import ParcelRow
from receiving_app.persistence.rma_tables import RmaLineRow, RmaRow

ARRIVAL = "rma.arrived"
EMAILED = (ARRIVAL, "line.decided")  # the customer hears of the return's arrival and of each decision
WEBHOOK_EVENTS = {
    "decision_made": "line.decided",
    "document_voided": "document.voided",
    "decision_voided": "line.voided",
    "unit_placed": "unit.placed",
    "hold_expired": "unit.hold_expired",
    "hold_reclaimed": "unit.reclaimed",
}
EXPORT_BATCH_MADE, EXPORT_FILE = "export_batch_made", "export.batch"  # the audit event, and its file's message
NO_ADDRESS = "The customer has no e-mail address on file; nothing is sent."
CUSTOMER = "customer"  # an e-mail's receiver: the RMA's customer, whose address is read when it is sent
_ARRIVED = "parcels_arrived"  # the session's note of the parcels its flushes inserted
_BATCH = 500
_KEY_LENGTH = 32  # hex digits of the event's hash: 128 bits, unique over any warehouse's life
_RMAS_WITH_ADDRESSES = (  # built once: read each time an RMA's parcel arrives
    select(RmaRow.id, RmaRow.number, CustomerRow.email)
    .join(OrderRow, RmaRow.order_id == OrderRow.id)
    .join(CustomerRow, OrderRow.customer_id == CustomerRow.id)
    .where(RmaRow.id.in_(bindparam("rma_ids", expanding=True)))
)


@dataclass(frozen=True, slots=True)
class OutboxSubscriptions:
    """Who hears of what: customers by e-mail, and the webhook URLs of this station's settings."""

    email_customers: bool = True
    webhook_urls: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class PlannedMessage:
    """A message to write once its event is chained (the ``position``-th event of the transaction)."""

    position: int
    kind: str
    receiver: str
    event_type: str
    details: dict[str, Any] = field(default_factory=dict)  # an e-mail's makings; a webhook's data, if not the event's
    skipped_because: str | None = None
    part: str = ""  # which of its event's webhooks: "" for the event's own, else a document's or a plate's number


def event_id(event: ChainedEvent, part: str = "") -> str:
    """The id a receiver deduplicates on: the same for every receiver of one event, forever; a webhook that
    tells a part of its event (a decision's document or plate) has the part's number after it."""
    whole = f"evt_{event.hash[:_KEY_LENGTH]}"
    return f"{whole}.{part}" if part else whole


def note_arrived_parcels(session: Session, _flush: UOWTransaction) -> None:
    """After each flush: the parcels it inserted. The bench's opening of an RMA whose parcel it records
    in the same transaction is that RMA's arrival (services/check_in.py, ``bench_arrival``)."""
    session.info.setdefault(_ARRIVED, []).extend(row for row in session.new if isinstance(row, ParcelRow))


def planned_messages(
    session: Session, events: Sequence[AuditEvent], subscriptions: OutboxSubscriptions
) -> list[PlannedMessage]:
    """The messages these events call for, with what must be looked up in the database now (called at
    every commit: it also forgets the parcels the committing transaction inserted)."""
    arrived_here: list[ParcelRow] = session.info.pop(_ARRIVED, [])
    if not events or any(event.event_type == "demo_loaded" for event in events):
        return []
    arrived_rmas = _rmas_of_parcels(session, arrived_here)
    arrivals = _arrivals(events, arrived_here, arrived_rmas)
    topics = {
        position: topic
        for position, event in enumerate(events)
        if event.rma_number and (topic := ARRIVAL if position in arrivals else WEBHOOK_EVENTS.get(event.event_type))
    }
    planned: list[PlannedMessage] = []
    if subscriptions.email_customers:
        emailed = [(position, topic) for position, topic in topics.items() if topic in EMAILED]
        known = dict(arrived_rmas.values())  # their customers' addresses were read with their numbers
        planned.extend(_emails(session, events, emailed, arrivals, known))
    told = [
        (position, webhook)
        for position, topic in topics.items()
        for webhook in _webhooks_of(events[position], topic, arrivals.get(position))
    ]
    for url in subscriptions.webhook_urls:
        planned.extend(
            PlannedMessage(position, "webhook", url, topic, data, part=part) for position, (topic, data, part) in told
        )
    # An export batch's file goes to the folder its event names (services/accounting_exports.py).
    planned.extend(
        PlannedMessage(position, "file", event.payload["folder"], EXPORT_FILE, dict(event.payload))
        for position, event in enumerate(events)
        if event.event_type == EXPORT_BATCH_MADE
    )
    return planned


# What a decision's event says beyond its ``line.decided`` webhook's data: the inspection, the documents and
# the sorting (webhooks of their own), and whether it closed its RMA.
_NOT_IN_LINE_DECIDED = ("inspection", "documents", "sorted", "closes_rma")


def _webhooks_of(
    event: AuditEvent, topic: str, arrival: dict[str, Any] | None
) -> list[tuple[str, dict[str, Any], str]]:
    """Each webhook an event sends. A decision's event also says the documents it issued and where its unit
    went, a webhook each (their part: a document's number, the plate's), as events of their own said before
    December 2026; its ``line.decided`` leaves those out, and the inspection, whose notes are the clerk's
    free text and stay in the audit trail."""
    if arrival:
        return [(topic, arrival, "")]
    if event.event_type != "decision_made":
        return [(topic, {}, "")]
    payload = event.payload
    where = {"line": payload["line"], "unit": payload["unit"]}
    decided = {key: value for key, value in payload.items() if key not in _NOT_IN_LINE_DECIDED}
    # A document's webhook says its type and number; the digest of its PDF stays in the audit trail.
    issued = [
        ("document.issued", {**where, "type": document["type"], "number": document["number"]}, document["number"])
        for document in payload["documents"]
    ]
    went = payload["sorted"]
    return [(topic, decided, ""), *issued, ("unit.sorted", {**where, **went}, went["lpn"])]


def write_messages(session: Session, planned: Sequence[PlannedMessage], chained: Sequence[ChainedEvent]) -> None:
    """Inserts the planned messages, each keyed and ordered by its event as the chain placed it."""
    if not planned:
        return
    rows = [_row(message, chained[message.position]) for message in planned]
    session.execute(insert(cast(Table, OutboxMessageRow.__table__)), rows)


def _arrivals(
    events: Sequence[AuditEvent], arrived_here: list[ParcelRow], arrived_rmas: dict[int, tuple[str, str]]
) -> dict[int, dict[str, Any]]:
    """The events that tell an RMA's arrival, by position, with what a webhook says of it: a parcel
    checked in at the dock, an unidentified parcel matched to the RMA it became, or the bench's opening of
    an RMA whose parcel arrived in this transaction (``arrived_rmas``: its number). One per RMA."""
    opened_here = {arrived_rmas[parcel.rma_id][0]: parcel for parcel in arrived_here if parcel.rma_id in arrived_rmas}
    arrivals: dict[int, dict[str, Any]] = {}
    told: set[str] = set()
    for position, event in enumerate(events):
        number = event.rma_number
        if number is None or number in told:
            continue
        if event.event_type == "parcel_checked_in":
            arrivals[position] = dict(event.payload)
        elif event.event_type == "unidentified_matched" and event.payload.get("parcel_arrived"):
            arrivals[position] = dict(event.payload["parcel_arrived"])
        elif event.event_type == "rma_opened" and number in opened_here:
            parcel = opened_here[number]
            arrivals[position] = {
                "label_kind": parcel.label_kind,
                "carrier": parcel.carrier,
                "tracking_number": parcel.label if parcel.label_kind == "tracking" else None,
                "checked_in_at": parcel.checked_in_at,
            }
        else:
            continue
        told.add(number)
    return arrivals


def _rmas_of_parcels(session: Session, arrived_here: list[ParcelRow]) -> dict[int, tuple[str, str]]:
    """The number and the customer's e-mail address ("" for none) of the RMA of each parcel this
    transaction recorded, by its id (a parcel a savepoint took back is not persistent, so a lost race
    tells nothing), in one read."""
    rma_ids = sorted({parcel.rma_id for parcel in arrived_here if parcel.rma_id and inspect(parcel).persistent})
    if not rma_ids:
        return {}
    rows = session.execute(_RMAS_WITH_ADDRESSES, {"rma_ids": rma_ids})
    return {rma_id: (number, email or "") for rma_id, number, email in rows}


def _emails(
    session: Session,
    events: Sequence[AuditEvent],
    emailed: list[tuple[int, str]],
    arrivals: dict[int, dict[str, Any]],
    known: dict[str, str],
) -> Iterable[PlannedMessage]:
    # The address is only looked at here, never kept: the customer's record is the one place it lives.
    numbers = {cast(str, events[position].rma_number) for position, _ in emailed}
    addresses = _customer_addresses(session, numbers, known)
    for position, topic in emailed:
        event = events[position]
        has_one = bool(addresses.get(cast(str, event.rma_number), "").strip())
        if topic == "line.decided":
            details = _decision_details(session, event)
        else:  # an arrival the parcel made before this event (a match) says when
            arrived_at = arrivals.get(position, {}).get("arrived_at")
            details = {"arrived_at": arrived_at} if arrived_at else {}
        # What the e-mail is made from when it is sent; the row's topic and audit sequence name its event.
        yield PlannedMessage(position, "email", CUSTOMER, topic, details, None if has_one else NO_ADDRESS)


def _customer_addresses(session: Session, rma_numbers: set[str], known: dict[str, str]) -> dict[str, str]:
    # Where the session holds the RMA with its customer, as receiving does, it is not read again; nor
    # where the arrivals' read found it (``known``).
    found = {number: known[number] for number in rma_numbers if number in known}
    found.update(
        (number, email)
        for number in rma_numbers - set(found)
        if (email := held_customer_email(session, number)) is not None
    )
    numbers = sorted(rma_numbers - set(found))
    for start in range(0, len(numbers), _BATCH):
        rows = session.execute(
            select(RmaRow.number, CustomerRow.email)
            .join(OrderRow, RmaRow.order_id == OrderRow.id)
            .join(CustomerRow, OrderRow.customer_id == CustomerRow.id)
            .where(RmaRow.number.in_(numbers[start : start + _BATCH]))
        )
        found.update((number, email or "") for number, email in rows)
    return found


def _decision_details(session: Session, decided: AuditEvent) -> dict[str, Any]:
    """The decision an e-mail reports, and the documents its event says it issued (the line and unit are the
    decision's, read with it when the e-mail is made)."""
    line, unit = decided.payload["line"], decided.payload["unit"]
    decision_id = held_standing_decision_id(session, cast(str, decided.rma_number), line, unit)
    if decision_id is None:  # the decision is not in the session: it is read
        decision_id = session.execute(
            select(DecisionRow.id)
            .join(RmaLineRow, DecisionRow.rma_line_id == RmaLineRow.id)
            .join(RmaRow, RmaLineRow.rma_id == RmaRow.id)
            .where(
                RmaRow.number == decided.rma_number,
                RmaLineRow.line_no == line,
                DecisionRow.unit_no == unit,
                DecisionRow.voided_at.is_(None),
            )
        ).scalar_one_or_none()
    documents = [document["number"] for document in decided.payload["documents"]]
    return {"decision_id": decision_id, "documents": documents}


def _row(message: PlannedMessage, event: ChainedEvent) -> dict[str, Any]:
    if message.kind == "webhook":
        key = event_id(event, message.part)
        payload = webhook_body(message.event_type, event, message.details or None, message_id=key)
    elif message.kind == "file":  # keyed by the batch's format and number, which its maker looks it up by
        payload, key = canonical_json(message.details), str(message.details["key"])
    else:
        # The 128 bits of the event's 32 hex digits, in 22 characters of URL-safe base64 (hex digits before
        # December 2026): its Message-ID adds the topic and the station's domain when it is sent
        # (``OutboxMessageRow.email_message_id``), so the row and its unique index do not keep them.
        payload, key = canonical_json(message.details), short_text_of_hex(event.hash[:_KEY_LENGTH])
    return {
        "kind": message.kind,
        "receiver": message.receiver,
        "event_type": message.event_type,
        "audit_sequence": event.sequence,
        "rma_number": event.rma_number,
        "payload": payload,
        "message_key": key,
        "status": "skipped" if message.skipped_because else "pending",
        "attempts": 0,
        "next_attempt_at": event.at,
        "last_error": message.skipped_because,
        "created_at": event.at,
        "station_id": event.station,
    }


def webhook_body(event_type: str, event: ChainedEvent, data: dict[str, Any] | None, *, message_id: str) -> str:
    """The JSON a webhook carries, fixed at commit: the same bytes on every attempt. Its data is the event's
    payload (None), or what ``_webhooks_of`` took of it, or for an arrival what says the same of a dock's
    check-in and a bench's first opening."""
    return canonical_json(
        {
            "id": message_id,
            "type": event_type,
            "created": event.at,
            "sequence": event.sequence,
            "rma": event.rma_number,
            "station": event.station,
            "user": event.user,
            "data": data if data is not None else json.loads(event.payload),
        }
    )
