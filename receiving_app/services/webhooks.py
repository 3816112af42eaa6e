"""A webhook's request: its body as committed with its event (persistence/outbox_writing.py), signed
with the receiver's secret the way Stripe signs its events, so the receiver can tell it came from the
station and was not changed or replayed.

``Receiving-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">``. The timestamp is the
moment of sending, so a receiver can refuse an old request; the event id (in the body and in
``Receiving-Event-Id``) stays the same on every attempt, for the receiver to deduplicate on.
docs/messages.md shows how a receiver checks both.
"""

from __future__ import annotations

import hashlib
import hmac

from receiving_app import APP_NAME, __version__

SIGNATURE_HEADER = "Receiving-Signature"
EVENT_ID_HEADER = "Receiving-Event-Id"
EVENT_TYPE_HEADER = "Receiving-Event-Type"


def signature(secret: bytes, timestamp: int, body: bytes) -> str:
    """The hex HMAC-SHA256 of ``"<timestamp>.<body>"`` under ``secret``."""
    return hmac.new(secret, str(timestamp).encode("ascii") + b"." + body, hashlib.sha256).hexdigest()


def webhook_headers(*, event_id: str, event_type: str, body: bytes, secret: bytes, timestamp: int) -> dict[str, str]:
    return {
        "Content-Type": "application/json; charset=utf-8",
        "User-Agent": f"{APP_NAME}/{__version__}",
        EVENT_ID_HEADER: event_id,
        EVENT_TYPE_HEADER: event_type,
        SIGNATURE_HEADER: f"t={timestamp},v1={signature(secret, timestamp, body)}",
    }
