"""The queries of the outbox: what is due, what a webhook waits for, claims that a stopped sender left
behind, a message claimed for delivery, and the queue as a supervisor reads it."""

from __future__ import annotations

from collections.abc import Collection
from datetime import datetime

from sqlalchemy import func, literal_column, select, tuple_, update
from sqlalchemy.orm import Session

from receiving_app.persistence.outbox_tables import OutboxAttemptRow, OutboxMessageRow

UNDELIVERED = ("pending", "sending", "failed")
"""A message in one of these may still go out, so a later webhook about its RMA waits for it."""


class OutboxRecords:
    session: Session

    def due_outbox_message_ids(self, now: datetime, limit: int) -> list[int]:
        """Pending messages whose time has come, in the order their events were committed."""
        return list(
            self.session.scalars(
                select(OutboxMessageRow.id)
                .where(OutboxMessageRow.status == "pending", OutboxMessageRow.next_attempt_at <= now)
                .order_by(OutboxMessageRow.audit_sequence, OutboxMessageRow.id)
                .limit(limit)
            )
        )

    def outbox_message(self, message_id: int, *, lock: bool = False) -> OutboxMessageRow | None:
        query = select(OutboxMessageRow).where(OutboxMessageRow.id == message_id)
        return self.session.scalars(query.with_for_update() if lock else query).one_or_none()

    def undelivered_webhook_before(self, message: OutboxMessageRow) -> OutboxMessageRow | None:
        """The first webhook to the same receiver about the same RMA, of an earlier event (or written before
        it for the same event: a decision's own webhook before its documents'), that is not delivered yet: a
        webhook is not sent before it."""
        if message.rma_number is None:
            return None
        return self.session.scalars(
            select(OutboxMessageRow)
            .where(
                # Written out, not bound: the index that serves this holds webhooks only, and a statement
                # PostgreSQL prepares once (psycopg does, after a few runs) is planned for any kind.
                OutboxMessageRow.kind == literal_column("'webhook'"),
                OutboxMessageRow.receiver == message.receiver,
                OutboxMessageRow.rma_number == message.rma_number,
                tuple_(OutboxMessageRow.audit_sequence, OutboxMessageRow.id) < (message.audit_sequence, message.id),
                OutboxMessageRow.status.in_(UNDELIVERED),
            )
            .order_by(OutboxMessageRow.audit_sequence, OutboxMessageRow.id)
            .limit(1)
        ).first()

    def stale_outbox_claims(self, claimed_before: datetime, *, lock: bool = False) -> list[OutboxMessageRow]:
        """Messages a sender claimed before ``claimed_before`` and never said it finished: it stopped."""
        query = (
            select(OutboxMessageRow)
            .where(OutboxMessageRow.status == "sending", OutboxMessageRow.claimed_at < claimed_before)
            .order_by(OutboxMessageRow.id)
        )
        return list(self.session.scalars(query.with_for_update() if lock else query))

    def claim_outbox_message(self, message_id: int, *, now: datetime, station: str) -> OutboxAttemptRow | None:
        """The attempt ``station`` starts at the message, marked as being sent, if it is still pending and due;
        None when another sender claimed it first (the update is conditional: two senders never both claim one)."""
        claimed = self.session.execute(
            update(OutboxMessageRow)
            .where(
                OutboxMessageRow.id == message_id,
                OutboxMessageRow.status == "pending",
                OutboxMessageRow.next_attempt_at <= now,
            )
            .values(status="sending", claimed_at=now, claimed_by=station, attempts=OutboxMessageRow.attempts + 1)
            .execution_options(synchronize_session=False)
        )
        if claimed.rowcount != 1:  # type: ignore[attr-defined]  # a DML result has its row count
            return None
        message = self.session.get_one(OutboxMessageRow, message_id, populate_existing=True)
        tried = self.session.scalar(
            select(func.coalesce(func.max(OutboxAttemptRow.attempt_no), 0)).where(
                OutboxAttemptRow.message_id == message_id
            )
        )
        attempt = OutboxAttemptRow(
            message=message, attempt_no=(tried or 0) + 1, started_at=now, outcome="sending", station_id=station
        )
        self.session.add(attempt)
        self.session.flush()
        return attempt

    def open_attempt(self, message_id: int) -> OutboxAttemptRow | None:
        """The attempt a claim started and nobody finished."""
        return self.session.scalars(
            select(OutboxAttemptRow)
            .where(OutboxAttemptRow.message_id == message_id, OutboxAttemptRow.outcome == "sending")
            .order_by(OutboxAttemptRow.attempt_no.desc())
            .limit(1)
        ).first()

    def outbox_messages(self, statuses: Collection[str], limit: int) -> list[OutboxMessageRow]:
        """Messages in ``statuses``, newest event first."""
        return list(
            self.session.scalars(
                select(OutboxMessageRow)
                .where(OutboxMessageRow.status.in_(list(statuses)))
                .order_by(OutboxMessageRow.audit_sequence.desc(), OutboxMessageRow.id.desc())
                .limit(limit)
            )
        )

    def outbox_status_counts(self) -> dict[str, int]:
        rows = self.session.execute(select(OutboxMessageRow.status, func.count()).group_by(OutboxMessageRow.status))
        return dict(rows.all())
