"""Real receivers for the outbox tests, on 127.0.0.1: an SMTP server (aiosmtpd) that keeps every message
it accepts, and an HTTP server (http.server in a thread) that checks each webhook's signature and
order, failing the first tries of each event when asked; and a station whose sender runs on a
clock the test moves."""

from __future__ import annotations

import email
import email.policy
import hashlib
import hmac
import json
import socket
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from email.message import EmailMessage
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult
from sqlalchemy import select

from receiving_app.bootstrap import bootstrap
from receiving_app.locations import resources_dir
from receiving_app.persistence.message_files import load_message_texts
from receiving_app.persistence.outbox_tables import OutboxAttemptRow, OutboxMessageRow
from receiving_app.services.delivery_settings import Delivery, delivery_from_settings
from receiving_app.services.outbox_sender import OutboxSender
from receiving_app.services.station import Station
from tests.support.database_templates import DatabaseTemplates, demo_without_rmas

SECRET = "whsec_test_secret"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class _Keeper:
    def __init__(self) -> None:
        self.received: list[EmailMessage] = []
        self.logins: list[tuple[str, str]] = []

    async def handle_DATA(self, server, session, envelope) -> str:
        message = email.message_from_bytes(envelope.original_content, policy=email.policy.default)
        self.received.append(message)  # type: ignore[arg-type]  # the default policy makes EmailMessages
        return "250 kept"

    def authenticate(self, server, session, envelope, mechanism, auth_data) -> AuthResult:
        user, password = auth_data.login.decode(), auth_data.password.decode()
        self.logins.append((user, password))
        return AuthResult(success=password == "s3cret-mail")


@dataclass
class SmtpSink:
    """An SMTP server on 127.0.0.1 that keeps what it is given; started and stopped by the test."""

    port: int = field(default_factory=free_port)
    with_login: bool = False
    keeper: _Keeper = field(default_factory=_Keeper)
    _controller: Controller | None = None

    @property
    def url(self) -> str:
        return f"smtp://{'returns%40example.com@' if self.with_login else ''}127.0.0.1:{self.port}"

    @property
    def received(self) -> list[EmailMessage]:
        return self.keeper.received

    def start(self) -> None:
        options: dict[str, Any] = {}
        if self.with_login:  # a login over plain text only because this server is on this computer
            options = {"authenticator": self.keeper.authenticate, "auth_required": True, "auth_require_tls": False}
        self._controller = Controller(self.keeper, hostname="127.0.0.1", port=self.port, **options)
        self._controller.start()

    def stop(self) -> None:
        if self._controller is not None:
            self._controller.stop()
            self._controller = None


@contextmanager
def smtp_sink(*, with_login: bool = False) -> Iterator[SmtpSink]:
    sink = SmtpSink(with_login=with_login)
    sink.start()
    try:
        yield sink
    finally:
        sink.stop()


@dataclass
class WebhookLog:
    """What the receiver saw: every request (event id, type, whether its signature held), and the
    events it accepted, in the order it accepted them."""

    failures_per_event: int = 0
    requests: list[tuple[str, str, bool]] = field(default_factory=list)
    accepted: list[dict[str, Any]] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def tries_of(self, event_id: str) -> int:
        return sum(1 for seen, _, _ in self.requests if seen == event_id)


def signature_holds(header: str, body: bytes, secret: str) -> bool:
    """The receiver's own check, written from docs/messages.md rather than taken from the station."""
    parts = dict(part.split("=", 1) for part in header.split(","))
    expected = hmac.new(secret.encode(), parts["t"].encode() + b"." + body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, parts["v1"])


def _handler(log: WebhookLog) -> type[BaseHTTPRequestHandler]:
    class Receiver(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers["Content-Length"]))
            event = json.loads(body)
            signed = signature_holds(self.headers["Receiving-Signature"], body, SECRET)
            header_id = self.headers["Receiving-Event-Id"]
            with log.lock:
                log.requests.append((header_id, event["type"], signed and header_id == event["id"]))
                refuse = not signed or log.tries_of(header_id) <= log.failures_per_event
                if not refuse:
                    log.accepted.append(event)
            self.send_response(503 if refuse else 200)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, format: str, *args: Any) -> None:  # the test's output stays the test's
            pass

    return Receiver


@contextmanager
def webhook_receiver(log: WebhookLog) -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(log))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/hooks/returns?token=abc"
    finally:
        server.shutdown()
        server.server_close()


@contextmanager
def station_with(url: str, folder: Path, templates: DatabaseTemplates, **settings: Any) -> Iterator[Station]:
    """The records tests' demo station (no RMAs yet, on 16 March 2026) with these settings in its file."""
    templates.fill(url, "demo without RMAs", demo_without_rmas)
    path = folder / "settings.json"
    path.write_text(json.dumps(settings), encoding="utf-8")
    station = bootstrap(url, settings_path=path, today=lambda: date(2026, 3, 16))
    try:
        yield station
    finally:
        station.close()


class Clock:
    """The sender's time, moved on by the test; it starts a minute after the events it will send."""

    def __init__(self) -> None:
        self.now = datetime.now(UTC) + timedelta(minutes=1)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **amount: float) -> None:
        self.now += timedelta(**amount)


def sender(
    station: Station, clock: Clock, *, delivery: Callable[[], Delivery] | None = None, mail_folder: Path | None = None
) -> OutboxSender:
    """The station's sender as bootstrap makes it, on ``clock``; ``delivery`` in place of the settings' own."""
    texts = load_message_texts(resources_dir() / "messages", list(station.policies))
    folder = mail_folder or Path("/nonexistent/outbox")

    def from_settings() -> Delivery:
        return delivery_from_settings(station.settings, folder)

    return OutboxSender(
        station.units,
        texts,
        station.issuer,
        delivery or from_settings,
        station=station.settings.station_id,
        clock=clock,
    )


def outbox(station: Station) -> list[tuple[int, str, str, str, str]]:
    """Every message as (id, kind, event type, RMA, status), in the order of their events."""
    with station.units.read() as uow:
        rows = uow.session.execute(
            select(
                OutboxMessageRow.id,
                OutboxMessageRow.kind,
                OutboxMessageRow.event_type,
                OutboxMessageRow.rma_number,
                OutboxMessageRow.status,
            ).order_by(OutboxMessageRow.audit_sequence, OutboxMessageRow.id)
        )
        return [tuple(row) for row in rows]  # type: ignore[misc]


def attempts(station: Station, message_id: int) -> list[tuple[str, str | None]]:
    """The message's attempts as (outcome, detail), first to last."""
    with station.units.read() as uow:
        rows = uow.session.execute(
            select(OutboxAttemptRow.outcome, OutboxAttemptRow.detail)
            .where(OutboxAttemptRow.message_id == message_id)
            .order_by(OutboxAttemptRow.attempt_no)
        )
        return [tuple(row) for row in rows]  # type: ignore[misc]


def message_row(station: Station, message_id: int) -> OutboxMessageRow:
    with station.units.read() as uow:
        row = uow.records.outbox_message(message_id)
        assert row is not None
        uow.session.expunge(row)  # kept as read: leaving the unit of work would expire it
        return row
