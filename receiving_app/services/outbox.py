"""The outbox as a supervisor sees it: the messages waiting or given up, and retrying or cancelling one.

A retry sends a message again at once with a fresh allowance of attempts; a cancel, with its written
reason, means it will never be sent (and a later webhook about the same RMA no longer waits for it).
Both are supervisors' and both are audit events. No customer's address is shown, or kept: an e-mail
goes to the RMA's customer at the address on file when it is sent.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from urllib.parse import urlsplit

from receiving_app.domain.audit import AuditEvent
from receiving_app.domain.errors import InputError, RuleRefusal
from receiving_app.persistence.outbox_tables import MESSAGE_STATUSES, OutboxMessageRow
from receiving_app.persistence.unit_of_work import UnitOfWork, UnitOfWorkFactory
from receiving_app.services.errors import NotFound
from receiving_app.services.rma_lines import SUPERVISOR_ROLES, require_user

WAITING_STATUSES = ("pending", "sending", "failed")
MAX_LISTED = 1000
MAX_REASON_LENGTH = 500
RETRIABLE = ("pending", "failed", "skipped")  # skipped: the customer's address may have been added since
CANCELLABLE = ("pending", "failed")


@dataclass(frozen=True, slots=True)
class OutboxEntry:
    id: int
    kind: str
    receiver: str  # "customer" for an e-mail; a webhook's URL without its query
    event_type: str
    rma: str | None
    status: str
    attempts: int
    next_attempt_at: datetime
    last_error: str | None
    created_at: datetime
    sent_at: datetime | None
    cancelled_by: str | None
    cancel_reason: str | None

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind,
            "receiver": self.receiver,
            "event_type": self.event_type,
            "rma": self.rma,
            "status": self.status,
            "attempts": self.attempts,
            "next_attempt_at": self.next_attempt_at.isoformat(),
            "last_error": self.last_error,
            "created_at": self.created_at.isoformat(),
            "sent_at": self.sent_at.isoformat() if self.sent_at else None,
            "cancelled_by": self.cancelled_by,
            "cancel_reason": self.cancel_reason,
        }


def shown_receiver(kind: str, receiver: str) -> str:
    """Who a message goes to, as a list may show it: "customer", an export's folder, or a URL without its
    query string, which may carry the receiver's token."""
    if kind != "webhook":
        return receiver
    parts = urlsplit(receiver)
    return f"{parts.scheme}://{parts.netloc}{parts.path}"


def entry_of(row: OutboxMessageRow) -> OutboxEntry:
    return OutboxEntry(
        id=row.id,
        kind=row.kind,
        receiver=shown_receiver(row.kind, row.receiver),
        event_type=row.event_type,
        rma=row.rma_number,
        status=row.status,
        attempts=row.attempts,
        next_attempt_at=row.next_attempt_at,
        last_error=row.last_error,
        created_at=row.created_at,
        sent_at=row.sent_at,
        cancelled_by=row.cancelled_by,
        cancel_reason=row.cancel_reason,
    )


class OutboxService:
    def __init__(self, units: UnitOfWorkFactory) -> None:
        self._units = units

    def messages(
        self, statuses: Collection[str] = WAITING_STATUSES, limit: int = MAX_LISTED
    ) -> tuple[OutboxEntry, ...]:
        """Messages in ``statuses`` (default: pending, sending and failed), newest first."""
        unknown = sorted(set(statuses) - set(MESSAGE_STATUSES))
        if unknown:
            raise InputError(f"status: {unknown[0]!r} is not one of {', '.join(MESSAGE_STATUSES)}")
        with self._units.read() as uow:
            return tuple(entry_of(row) for row in uow.records.outbox_messages(statuses, limit))

    def counts(self) -> dict[str, int]:
        """How many messages are in each status (every status named, zero included)."""
        with self._units.read() as uow:
            found = uow.records.outbox_status_counts()
        return {status: found.get(status, 0) for status in MESSAGE_STATUSES}

    def retry(self, message_id: int, *, user: str, station: str) -> OutboxEntry:
        """Sends a pending, failed or skipped message at the next pass, with a fresh allowance of attempts."""
        with self._units.write() as uow:
            require_user(uow, user, SUPERVISOR_ROLES, "retry messages")
            row = _message(uow, message_id, RETRIABLE, "retried")
            row.status, row.attempts, row.next_attempt_at = "pending", 0, uow.clock()
            uow.record(AuditEvent("outbox_message_retried", user, station, row.rma_number, _said(row)))
            entry = entry_of(row)
            uow.commit()
            return entry

    def cancel(self, message_id: int, *, reason: str, user: str, station: str) -> OutboxEntry:
        """The message will never be sent: a supervisor's decision, with its written reason."""
        why = reason.strip()
        if not why:
            raise InputError("reason: say why the message is cancelled.")
        if len(why) > MAX_REASON_LENGTH:
            raise InputError(f"reason: at most {MAX_REASON_LENGTH} characters.")
        with self._units.write() as uow:
            require_user(uow, user, SUPERVISOR_ROLES, "cancel messages")
            row = _message(uow, message_id, CANCELLABLE, "cancelled")
            row.status, row.cancelled_by, row.cancel_reason = "cancelled", user, why
            uow.record(
                AuditEvent("outbox_message_cancelled", user, station, row.rma_number, {**_said(row), "reason": why})
            )
            entry = entry_of(row)
            uow.commit()
            return entry


def _message(uow: UnitOfWork, message_id: int, allowed: tuple[str, ...], doing: str) -> OutboxMessageRow:
    row = uow.records.outbox_message(message_id, lock=True)
    if row is None:
        raise NotFound(f"No message #{message_id} is in the outbox.")
    if row.status not in allowed:
        can = f"{', '.join(allowed[:-1])} or {allowed[-1]}"
        raise RuleRefusal(f"Message #{row.id} is {row.status}; only a {can} one can be {doing}.")
    return row


def _said(row: OutboxMessageRow) -> dict[str, Any]:
    return {"message": row.id, "kind": row.kind, "event_type": row.event_type, "message_key": row.message_key}
