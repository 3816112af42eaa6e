"""One pass of the outbox's sender: every message that is due is made, claimed, delivered and recorded.

Each delivery is three steps, each its own commit where one is written:

1. the message is *claimed* (status ``sending``, an attempt row started) before anything leaves the
   station; two senders (two stations, a window and ``outbox send``) never claim the same message;
2. it is delivered, outside any transaction, under the key fixed at its commit (an e-mail's
   Message-ID, a webhook's event id);
3. the attempt's outcome is recorded: sent, or pending again after a back-off, or failed for good.

A sender that stops between 1 and 3 (a crash, a power cut) leaves its claim behind. A pass finds a
claim older than ``STALE_CLAIM`` and sends that message again under the same key, its attempt marked
interrupted: the receiver may have had it already, and its key is how the receiver tells. That is
"exactly once" as far as it can be had over SMTP and HTTP: delivered at least once, with an id that
never changes; docs/messages.md says it to the receivers.

Webhooks about one RMA go to each receiver in the order of their events: a later one waits until the
earlier one is delivered (or cancelled). Nothing here records an audit event: sending changes no
money and no rights, and the attempts are their own record.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from receiving_app.devices.http_post import PostFailed
from receiving_app.devices.mail import MailNotDelivered
from receiving_app.domain.customer_messages import MessageTexts
from receiving_app.persistence.outbox_tables import OutboxAttemptRow
from receiving_app.persistence.unit_of_work import UnitOfWorkFactory, utc_now
from receiving_app.services.delivery_settings import Delivery
from receiving_app.services.document_issuing import DocumentIssuer
from receiving_app.services.email_messages import CustomerEmails, Made, NotSent, NotYet, Ready
from receiving_app.services.outbox_files import FileToWrite, file_to_write, write_file
from receiving_app.services.redaction import redacted
from receiving_app.services.webhooks import webhook_headers

MAX_ATTEMPTS = 15  # about a day and a half of back-off before a message is given up
FIRST_RETRY = timedelta(seconds=30)
LONGEST_WAIT = timedelta(hours=6)
SECRET_WAIT = timedelta(minutes=5)  # for a signing secret, which comes with a restart at the earliest
STALE_CLAIM = timedelta(minutes=5)  # far longer than the SMTP and HTTP timeouts of one delivery
PASS_LIMIT = 200
INTERRUPTED = (
    "The sender stopped before it recorded how this attempt ended; the message may have been delivered, "
    "and is sent again under the same id."
)
NO_SECRET = (
    "This station holds no signing secret for this address: set RECEIVING_APP_WEBHOOK_SECRET "
    "or save one on the Settings page."
)


def backoff(attempts: int) -> timedelta:
    """The wait after the ``attempts``-th failed attempt: 30 s, doubling, at most six hours."""
    doublings = min(max(attempts - 1, 0), 20)  # far past the longest wait already
    return min(FIRST_RETRY * (1 << doublings), LONGEST_WAIT)


@dataclass(frozen=True, slots=True)
class PassResult:
    delivered: int  # in this pass
    waiting: int  # still to go after it: pending, or being sent by another sender
    failed: int  # given up, waiting for a supervisor to retry or cancel them

    def as_json(self) -> dict[str, int]:
        return {"delivered": self.delivered, "waiting": self.waiting, "failed": self.failed}


@dataclass(frozen=True, slots=True)
class _Webhook:
    body: bytes
    secret: bytes


@dataclass(frozen=True, slots=True)
class _InTurn:
    """A webhook waiting for an earlier one about its RMA; ``said`` when its row says so already."""

    reason: str
    said: bool


@dataclass(frozen=True, slots=True)
class _Outcome:
    delivered: bool
    detail: str
    permanent: bool = False


class OutboxSender:
    def __init__(
        self,
        units: UnitOfWorkFactory,
        texts: Mapping[str, MessageTexts],
        issuer: DocumentIssuer,
        delivery: Callable[[], Delivery],
        *,
        station: str,
        clock: Callable[[], datetime] = utc_now,
    ) -> None:
        self._units = units
        self._texts = texts
        self._issuer = issuer
        self._delivery_source = delivery
        self._delivery: Delivery | None = None
        self._station = station
        self._clock = clock

    def send_pass(self) -> PassResult:
        """Delivers what is due now; InputError when the station's delivery settings cannot be used."""
        if self._delivery is None:  # read once: the SMTP password may come from the keyring
            self._delivery = self._delivery_source()
        delivery = self._delivery
        self._release_stale_claims()
        emails = CustomerEmails(self._texts, self._issuer, delivery.sender_address)
        with self._units.read() as uow:
            due = uow.records.due_outbox_message_ids(self._clock(), PASS_LIMIT)
        delivered = sum(self._send_one(message_id, delivery, emails) for message_id in due)
        with self._units.read() as uow:
            counts = uow.records.outbox_status_counts()
        return PassResult(delivered, counts.get("pending", 0) + counts.get("sending", 0), counts.get("failed", 0))

    def deliver_now(self, message_id: int) -> bool:
        """One message at once, as a pass would deliver it: an export's file, which its maker waits for.
        Only a file is delivered here, so no SMTP or webhook setting is read."""
        return self._send_one(message_id, None, None)

    def _release_stale_claims(self) -> None:
        now = self._clock()
        with self._units.read() as uow:  # read first: a pass with nothing to release takes no write lock
            if not uow.records.stale_outbox_claims(now - STALE_CLAIM):
                return
        with self._units.write() as uow:
            for message in uow.records.stale_outbox_claims(now - STALE_CLAIM, lock=True):
                attempt = uow.records.open_attempt(message.id)
                if attempt is not None:
                    attempt.outcome, attempt.finished_at, attempt.detail = "interrupted", now, INTERRUPTED
                message.claimed_at = message.claimed_by = None
                message.status = "failed" if message.attempts >= MAX_ATTEMPTS else "pending"
                message.next_attempt_at, message.last_error = now, INTERRUPTED
            uow.commit()

    def _send_one(self, message_id: int, delivery: Delivery | None, emails: CustomerEmails | None) -> bool:
        prepared = self._prepared(message_id, delivery, emails)
        if isinstance(prepared, NotYet) and prepared.undrawn:
            self._draw_pdfs(prepared.undrawn)
            prepared = self._prepared(message_id, delivery, emails)
        if prepared is None:
            return False
        if isinstance(prepared, _InTurn):
            if not prepared.said:  # it stays due: the earlier one may go out in this very pass
                self._update(message_id, last_error=prepared.reason)
            return False
        if isinstance(prepared, NotSent):
            self._update(message_id, status="skipped", last_error=prepared.reason)
            return False
        if isinstance(prepared, NotYet):
            self._update(message_id, next_attempt_at=self._clock() + prepared.wait, last_error=prepared.reason)
            return False
        claimed = self._claim(message_id)
        if claimed is None:
            return False  # another sender took it first
        attempt_id, receiver, key, event_type = claimed
        if isinstance(prepared, FileToWrite):
            written = write_file(prepared)
            outcome = _Outcome(written.written, written.detail, written.permanent)
        elif isinstance(prepared, Ready):
            assert delivery is not None  # an e-mail is made only with the station's delivery (_prepared)
            outcome = _mailed(delivery, prepared)
        else:
            assert delivery is not None
            outcome = _posted(delivery, receiver, key, event_type, prepared, int(self._clock().timestamp()))
        self._record(message_id, attempt_id, outcome)
        return outcome.delivered

    def _prepared(
        self, message_id: int, delivery: Delivery | None, emails: CustomerEmails | None
    ) -> Made | _Webhook | _InTurn | FileToWrite | None:
        """What to deliver, or why not now (None: it is no longer pending, or not a file when only files go)."""
        with self._units.read() as uow:
            message = uow.records.outbox_message(message_id)
            if message is None or message.status != "pending":
                return None
            if message.kind == "file":
                return file_to_write(uow, message)
            if delivery is None or emails is None:
                return None
            if message.kind == "email":
                return emails.made(uow, message, now=self._clock())
            earlier = uow.records.undelivered_webhook_before(message)
            if earlier is not None:
                waits = f"Waits for the {earlier.event_type} webhook about {earlier.rma_number} (#{earlier.id})."
                return _InTurn(waits, said=message.last_error == waits)
            secret = delivery.webhook_secret(message.receiver)
            if secret is None:
                return NotYet(NO_SECRET, wait=SECRET_WAIT)
            return _Webhook(message.payload.encode("utf-8"), secret)

    def _draw_pdfs(self, numbers: tuple[str, ...]) -> None:
        """PDFs a power cut left undrawn, drawn from the committed records and stored as the bench would."""
        with self._units.write() as uow:
            for number in numbers:
                document = uow.records.document(number)
                if document is not None and not document.stored:
                    self._issuer.stored_pdf(uow, document, user="system", station=self._station)
            uow.commit()

    def _claim(self, message_id: int) -> tuple[int, str, str, str] | None:
        with self._units.write() as uow:
            attempt = uow.records.claim_outbox_message(message_id, now=self._clock(), station=self._station)
            if attempt is None:
                return None
            message = attempt.message
            claimed = (attempt.id, message.receiver, message.message_key, message.event_type)
            uow.commit()
        return claimed

    def _record(self, message_id: int, attempt_id: int, outcome: _Outcome) -> None:
        now = self._clock()
        with self._units.write() as uow:
            message = uow.records.outbox_message(message_id, lock=True)
            attempt = uow.session.get_one(OutboxAttemptRow, attempt_id)
            assert message is not None  # outbox messages are never deleted
            if attempt.outcome == "sending":
                attempt.outcome = "delivered" if outcome.delivered else "failed"
                attempt.finished_at, attempt.detail = now, outcome.detail
            if outcome.delivered and message.status in ("pending", "sending", "failed"):
                message.status, message.sent_at, message.last_error = "sent", now, None
                message.claimed_at = message.claimed_by = None
            elif not outcome.delivered and message.status == "sending":
                given_up = outcome.permanent or message.attempts >= MAX_ATTEMPTS
                message.status = "failed" if given_up else "pending"
                message.next_attempt_at = now + backoff(message.attempts)
                message.claimed_at = message.claimed_by = None
                message.last_error = outcome.detail
            uow.commit()

    def _update(self, message_id: int, **changes: Any) -> None:
        with self._units.write() as uow:
            message = uow.records.outbox_message(message_id, lock=True)
            if message is not None and message.status == "pending":
                for name, value in changes.items():
                    setattr(message, name, value)
                uow.commit()


def _mailed(delivery: Delivery, ready: Ready) -> _Outcome:
    try:
        return _Outcome(True, delivery.mailer.deliver(ready.message))
    except MailNotDelivered as problem:
        return _Outcome(False, redacted(str(problem)), problem.permanent)


def _posted(delivery: Delivery, url: str, key: str, event_type: str, webhook: _Webhook, timestamp: int) -> _Outcome:
    headers = webhook_headers(
        event_id=key, event_type=event_type, body=webhook.body, secret=webhook.secret, timestamp=timestamp
    )
    try:
        answer = delivery.post(url, webhook.body, headers)
    except PostFailed as problem:
        return _Outcome(False, redacted(str(problem)))
    said = redacted(f"{answer.status} {answer.reason}".strip())
    return _Outcome(answer.accepted, f"the receiver answered {said}")
