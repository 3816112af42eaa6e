"""The audit trail's hash chain: each event's hash covers its content and the previous hash.

Changing any hashed field, deleting an event or reordering events breaks the chain from that
event on, which `receiving-app audit verify` reports by naming the first broken event.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
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


def event_hash(
    previous_hash: str,
    sequence: int,
    event_type: str,
    at: datetime,
    user: str,
    station: str,
    rma_number: str | None,
    payload: str,
) -> str:
    body = canonical_json(
        {
            "sequence": sequence,
            "type": event_type,
            "at": at.isoformat(),
            "user": user,
            "station": station,
            "rma": rma_number,
            "payload": payload,
        }
    )
    return hashlib.sha256((previous_hash + body).encode("utf-8")).hexdigest()


def chain(events: Iterable[AuditEvent], *, after_sequence: int, after_hash: str, at: datetime) -> list[ChainedEvent]:
    linked = []
    previous, sequence = after_hash, after_sequence
    for event in events:
        sequence += 1
        payload = canonical_json(event.payload)
        digest = event_hash(
            previous, sequence, event.event_type, at, event.user, event.station, event.rma_number, payload
        )
        linked.append(
            ChainedEvent(
                sequence, event.event_type, at, event.user, event.station, event.rma_number, payload, previous, digest
            )
        )
        previous = digest
    return linked


@dataclass(frozen=True, slots=True)
class ChainBreak:
    sequence: int
    event_type: str
    problem: str

    def __str__(self) -> str:
        return f"event {self.sequence} ({self.event_type}) {self.problem}"


def find_first_break(events: Iterable[ChainedEvent], *, head_sequence: int, head_hash: str) -> ChainBreak | None:
    """Replay the chain in sequence order; None when every link and the head agree."""
    previous_hash, expected_sequence, last = GENESIS_HASH, 1, None
    for event in events:
        if event.sequence != expected_sequence:
            return ChainBreak(expected_sequence, "missing", f"is missing: the chain jumps to event {event.sequence}")
        if event.previous_hash != previous_hash:
            return ChainBreak(event.sequence, event.event_type, "does not link to the event before it")
        recomputed = event_hash(
            previous_hash,
            event.sequence,
            event.event_type,
            event.at,
            event.user,
            event.station,
            event.rma_number,
            event.payload,
        )
        if recomputed != event.hash:
            return ChainBreak(
                event.sequence, event.event_type, "was changed after it was recorded: its hash does not match"
            )
        previous_hash, expected_sequence, last = event.hash, expected_sequence + 1, event
    if (last.sequence if last else 0) != head_sequence or previous_hash != head_hash:
        return ChainBreak(head_sequence, "head", "is missing: events at the end of the chain were removed")
    return None
