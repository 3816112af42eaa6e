"""The audit trail's hash chain: each event's hash covers its content and the previous hash.

Changing any hashed field, deleting an event or reordering events breaks the chain from that
event on, which `receiving-app audit verify` reports by naming the first broken event (the replay is
``chain_replay.ChainReplay``).

A hash alone can be recomputed by anyone who can write to the database, so each event is also
sealed: an HMAC of its hash under the station's chain key, which lives outside the database. The
last event of each transaction carries the digests of the money and rights rows it wrote
(``sealed_rows``), so that a row changed later outside the station no longer matches its record.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from typing import Any

from receiving_app.domain.money import Money

GENESIS_HASH = "0" * 64


def _plain(value: Any) -> Any:
    """Values as canonical JSON can carry them: money as fixed two-place strings, never floats."""
    if isinstance(value, Money):
        return str(value)
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, float):
        raise TypeError("audit payloads carry exact values; got a float")
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, Mapping):
        return {str(key): _plain(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(item) for item in value]
    return value


def canonical_json(value: Any) -> str:
    return json.dumps(_plain(value), sort_keys=True, separators=(",", ":"), ensure_ascii=False)


@dataclass(frozen=True, slots=True)
class AuditEvent:
    """Something that happened at a station, before it is placed in the chain."""

    event_type: str
    user: str
    station: str
    rma_number: str | None = None
    payload: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class ChainedEvent:
    sequence: int
    event_type: str
    at: datetime
    user: str
    station: str
    rma_number: str | None
    payload: str  # canonical JSON text
    previous_hash: str
    hash: str
    sealed_rows: str = ""  # canonical JSON {table: {key: digest}} of the rows its transaction wrote
    seal: str = ""


def seal_of(key: bytes, digest: str) -> str:
    """The HMAC that only a holder of the chain key can make for an event's hash."""
    return hmac.new(key, digest.encode("ascii"), hashlib.sha256).hexdigest()


def head_seal(key: bytes, sequence: int, digest: str) -> str:
    return seal_of(key, f"head:{sequence}:{digest}")


def event_hash(
    previous_hash: str,
    sequence: int,
    event_type: str,
    at: datetime,
    user: str,
    station: str,
    rma_number: str | None,
    payload: str,
    sealed_rows: str = "",
) -> str:
    content = {
        "sequence": sequence,
        "type": event_type,
        "at": at.isoformat(),
        "user": user,
        "station": station,
        "rma": rma_number,
        "payload": payload,
    }
    if sealed_rows:  # absent rather than empty, so events that seal no rows hash as they always did
        content["rows"] = sealed_rows
    body = canonical_json(content)
    return hashlib.sha256((previous_hash + body).encode("utf-8")).hexdigest()


def chain(
    events: Sequence[AuditEvent],
    *,
    after_sequence: int,
    after_hash: str,
    at: datetime,
    key: bytes,
    sealed_rows: str = "",
) -> list[ChainedEvent]:
    """The events linked after the head; the last one carries ``sealed_rows``."""
    linked = []
    previous, sequence = after_hash, after_sequence
    for index, event in enumerate(events):
        sequence += 1
        payload = canonical_json(event.payload)
        rows = sealed_rows if index == len(events) - 1 else ""
        digest = event_hash(
            previous, sequence, event.event_type, at, event.user, event.station, event.rma_number, payload, rows
        )
        linked.append(
            ChainedEvent(
                sequence,
                event.event_type,
                at,
                event.user,
                event.station,
                event.rma_number,
                payload,
                previous,
                digest,
                rows,
                seal_of(key, digest),
            )
        )
        previous = digest
    return linked


def is_sealed(event: ChainedEvent, key: bytes) -> bool:
    """Whether one event is as the station wrote it: its hash covers its content, its seal its hash."""
    return _hash_matches(event) and _seal_matches(event, key)


def _hash_matches(event: ChainedEvent) -> bool:
    recomputed = event_hash(
        event.previous_hash,
        event.sequence,
        event.event_type,
        event.at,
        event.user,
        event.station,
        event.rma_number,
        event.payload,
        event.sealed_rows,
    )
    return recomputed == event.hash


def _seal_matches(event: ChainedEvent, key: bytes) -> bool:
    return hmac.compare_digest(event.seal, seal_of(key, event.hash))


@dataclass(frozen=True, slots=True)
class ChainBreak:
    sequence: int
    event_type: str
    problem: str

    def __str__(self) -> str:
        return f"event {self.sequence} ({self.event_type}) {self.problem}"


@dataclass(frozen=True, slots=True)
class ChainHead:
    """The chain's newest link as the database holds it, with its seal."""

    sequence: int
    hash: str
    seal: str
