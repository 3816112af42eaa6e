"""The outbox: every message to the outside world (an e-mail to a customer, a webhook to a configured
URL), written in the transaction of the event it reports, and every attempt to deliver it.

A row is written at commit beside its audit event (persistence/outbox_writing.py), so a decision
that rolled back sends nothing and one that committed loses nothing. Its key (an e-mail's
Message-ID, a webhook's event id) is fixed then and never changes: a message sent again after a
sender stopped mid-way carries the same key, for its receiver to recognize. Delivering, waiting and
giving up are the sender's (services/outbox_sender.py); docs/messages.md says what each status means.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, Index, Integer, String, Text, UniqueConstraint, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from receiving_app.persistence.column_types import UtcDateTime
from receiving_app.persistence.table_base import Base

MESSAGE_KINDS = ("email", "webhook", "file")  # file: an export batch written to a folder
MESSAGE_STATUSES = ("pending", "sending", "sent", "failed", "cancelled", "skipped")
ATTEMPT_OUTCOMES = ("sending", "delivered", "failed", "interrupted")
RECEIVER_LENGTH = 500
KEY_LENGTH = 200


class OutboxMessageRow(Base):
    """One message to one receiver, from its commit until it is sent, given up, cancelled or skipped."""

    __tablename__ = "outbox_messages"
    __table_args__ = (
        CheckConstraint(f"kind IN {MESSAGE_KINDS}", name="kind"),
        CheckConstraint(f"status IN {MESSAGE_STATUSES}", name="status"),
        CheckConstraint("attempts >= 0", name="attempts"),
        CheckConstraint("(status = 'sending') = (claimed_at IS NOT NULL)", name="claimed_while_sending"),
        CheckConstraint("(status = 'sent') = (sent_at IS NOT NULL)", name="sent_with_its_time"),
        CheckConstraint("(status = 'cancelled') = (cancel_reason IS NOT NULL)", name="cancelled_with_a_reason"),
        # The same message is never queued twice for the same receiver.
        UniqueConstraint("kind", "receiver", "message_key"),
        # The sender's question: what is due now, oldest event first.
        Index("ix_outbox_messages_status_next_attempt_at", "status", "next_attempt_at"),
        # Webhooks go out in order per RMA and receiver: what came before this one and is not delivered yet.
        # E-mails are not held back so, and most messages are e-mails: only webhooks are in it.
        Index(
            "ix_outbox_messages_rma_number_receiver",
            "rma_number",
            "receiver",
            "audit_sequence",
            sqlite_where=text("kind = 'webhook'"),
            postgresql_where=text("kind = 'webhook'"),
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(8))
    # A webhook's URL; for an e-mail "customer": the RMA's customer, at the address on file when it is sent.
    receiver: Mapped[str] = mapped_column(String(RECEIVER_LENGTH))
    event_type: Mapped[str] = mapped_column(String(48))  # the public name: rma.arrived, line.decided, …
    audit_sequence: Mapped[int] = mapped_column(Integer)  # the audit event it reports, in commit order
    rma_number: Mapped[str | None] = mapped_column(String(32))
    payload: Mapped[str] = mapped_column(Text)  # JSON: a webhook's body, or what an e-mail is made from
    message_key: Mapped[str] = mapped_column(String(KEY_LENGTH))  # a Message-ID or a webhook's event id
    status: Mapped[str] = mapped_column(String(10))
    attempts: Mapped[int] = mapped_column(Integer)  # since it was queued or a supervisor retried it
    next_attempt_at: Mapped[datetime] = mapped_column(UtcDateTime)
    claimed_at: Mapped[datetime | None] = mapped_column(UtcDateTime)  # while a sender is delivering it
    claimed_by: Mapped[str | None] = mapped_column(String(64))
    last_error: Mapped[str | None] = mapped_column(Text)  # or why it waits, or why it was skipped
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    station_id: Mapped[str] = mapped_column(String(64))  # the station whose event it reports
    sent_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    cancelled_by: Mapped[str | None] = mapped_column(String(64))
    cancel_reason: Mapped[str | None] = mapped_column(Text)

    attempts_made: Mapped[list[OutboxAttemptRow]] = relationship(
        back_populates="message", order_by="OutboxAttemptRow.id"
    )

    @property
    def email_message_id(self) -> str:
        """An e-mail's Message-ID: ``<`` its key ``.`` its topic ``@receiving-app>``. Keys written before December
        2026 are the whole Message-ID."""
        key = self.message_key
        return key if key.startswith("<") else f"<{key}.{self.event_type}@receiving-app>"


class OutboxAttemptRow(Base):
    """One try at delivering a message: claimed before it starts, so a sender that stops mid-way
    leaves an attempt still ``sending``, which the next pass marks interrupted and tries again."""

    __tablename__ = "outbox_attempts"
    __table_args__ = (
        CheckConstraint(f"outcome IN {ATTEMPT_OUTCOMES}", name="outcome"),
        CheckConstraint("(outcome = 'sending') = (finished_at IS NULL)", name="finished_unless_sending"),
        UniqueConstraint("message_id", "attempt_no"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    message_id: Mapped[int] = mapped_column(ForeignKey("outbox_messages.id"), index=True)
    attempt_no: Mapped[int] = mapped_column(Integer)  # counted over the message's whole life
    started_at: Mapped[datetime] = mapped_column(UtcDateTime)
    finished_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    outcome: Mapped[str] = mapped_column(String(12))
    detail: Mapped[str | None] = mapped_column(Text)  # the server's answer, or what went wrong
    station_id: Mapped[str] = mapped_column(String(64))  # the station that tried

    message: Mapped[OutboxMessageRow] = relationship(back_populates="attempts_made")
