"""Replaying the audit chain at about the speed of its hash: a year's chain is millions of events.

``ChainReplay`` takes the events in batches of plain tuples as the database returns them, builds
each event's hashed text directly (the same text ``audit.event_hash`` builds through canonical
JSON, key by key in sorted order) and checks each seal with the key's HMAC pads hashed once, not
once per event. It finds the same first break, in the same words, as an event-by-event replay, and
it can start from a checkpoint: the sequence and hash the chain had there.
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Callable, Collection, Iterable, Sequence
from datetime import UTC, datetime
from json.encoder import encode_basestring  # what json.dumps(ensure_ascii=False) quotes strings with
from typing import Any

from receiving_app.domain.audit import GENESIS_HASH, ChainBreak, ChainHead, head_seal

# sequence, event_type, at, user, station, rma_number, payload, previous_hash, hash, sealed_rows, seal;
# ``at`` is the time as the hash covers it (ISO 8601 text), or a datetime an ``AtText`` turns into it.
EventRow = tuple[int, str, Any, str, str, str | None, str, str, str, str | None, str | None]
AtText = Callable[[Any], str]


def utc_text(at: datetime) -> str:
    """The time as an event's hash covers it: ISO 8601 in UTC (a naive time is UTC already)."""
    return at.replace(tzinfo=UTC).isoformat()


_BLOCK = 64  # SHA-256's block size, which the HMAC pads fill
_NAMES_KEPT = 10_000  # quoted names kept between batches (a forged chain could hold any number)


class Sealer:
    """HMAC-SHA256 under one key (RFC 2104), with the padded key's two blocks hashed once."""

    def __init__(self, key: bytes) -> None:
        padded = (hashlib.sha256(key).digest() if len(key) > _BLOCK else key).ljust(_BLOCK, b"\0")
        self._inner = hashlib.sha256(bytes(byte ^ 0x36 for byte in padded))
        self._outer = hashlib.sha256(bytes(byte ^ 0x5C for byte in padded))

    def pads(self) -> tuple[Any, Any]:
        """The hashes of the inner and outer padded key, to be copied for each message."""
        return self._inner, self._outer

    def seal(self, digest: str) -> str:
        inner = self._inner.copy()
        inner.update(digest.encode("ascii"))
        outer = self._outer.copy()
        outer.update(inner.digest())
        return outer.hexdigest()


def hashed_text(
    previous_hash: str,
    sequence: int,
    event_type: str,
    at: str,
    user: str,
    station: str,
    rma_number: str | None,
    payload: str,
    sealed_rows: str,
) -> str:
    """What an event's hash is taken of: the previous hash and the event's canonical JSON."""
    rma = "null" if rma_number is None else encode_basestring(rma_number)
    rows = f',"rows":{encode_basestring(sealed_rows)}' if sealed_rows else ""
    return (
        f'{previous_hash}{{"at":{encode_basestring(at)},"payload":{encode_basestring(payload)},'
        f'"rma":{rma}{rows},"sequence":{sequence},"station":{encode_basestring(station)},'
        f'"type":{encode_basestring(event_type)},"user":{encode_basestring(user)}}}'
    )


class ChainReplay:
    """The chain replayed link by link from a starting point (the genesis, or a checkpoint).

    ``feed`` takes the events in sequence order, a batch at a time, and returns the first break;
    ``finish`` then holds the last link against the chain's head. The events that checked out and
    sealed rows or are of one of the ``noted`` types gather in ``noted_rows`` for the caller to
    take after each batch (and read in one go: a JSON parse per event is slower), and the hashes at
    the sequences in ``watched`` are kept in ``hashes_at`` (to hold checkpoints against).
    """

    def __init__(
        self,
        key: bytes,
        *,
        after_sequence: int = 0,
        after_hash: str = GENESIS_HASH,
        at_text: AtText | None = utc_text,
        noted: Collection[str] = (),
        watched: Iterable[int] = (),
    ) -> None:
        self._key = key
        self._sealer = Sealer(key)
        self._at_text = at_text
        self._noted = frozenset(noted)
        self.noted_rows: list[EventRow] = []
        self._quoted_names: dict[str, str] = {}
        self._watched = frozenset(watched)
        self.start = after_sequence
        self.last_sequence = after_sequence
        self.last_hash = after_hash
        self.replayed = 0
        self.hashes_at: dict[int, str] = {}

    def feed(self, rows: Sequence[EventRow]) -> ChainBreak | None:
        # The hashed text and the seal are spelled out here rather than called (``hashed_text``,
        # ``Sealer.seal``): at a million events the calls alone cost a second. The tests hold this
        # text to ``audit.event_hash`` and this seal to ``hmac``.
        expected, previous = self.last_sequence + 1, self.last_hash
        at_text, quote, sha256, same = self._at_text, encode_basestring, hashlib.sha256, hmac.compare_digest
        inner, outer = self._sealer.pads()
        noted, watched, keep = self._noted, self._watched, self.noted_rows.append
        # Types, users and stations are a few dozen names, quoted once each rather than once an event.
        names = self._quoted_names if len(self._quoted_names) < _NAMES_KEPT else {}
        try:
            for row in rows:
                sequence, event_type, at, user, station, rma, payload, linked_to, digest, sealed_rows, seal = row
                if sequence != expected:
                    return ChainBreak(expected, "missing", f"is missing: the chain jumps to event {sequence}")
                if linked_to != previous:
                    return ChainBreak(sequence, event_type, "does not link to the event before it")
                quoted_type = names.get(event_type) or names.setdefault(event_type, quote(event_type))
                quoted_user = names.get(user) or names.setdefault(user, quote(user))
                quoted_station = names.get(station) or names.setdefault(station, quote(station))
                quoted_rma = "null" if rma is None else quote(rma)
                rows_part = f',"rows":{quote(sealed_rows)}' if sealed_rows else ""
                text = (
                    f'{linked_to}{{"at":{quote(at if at_text is None else at_text(at))},"payload":{quote(payload)},'
                    f'"rma":{quoted_rma}{rows_part},"sequence":{sequence},"station":{quoted_station},'
                    f'"type":{quoted_type},"user":{quoted_user}}}'
                )
                if sha256(text.encode("utf-8")).hexdigest() != digest:
                    return ChainBreak(
                        sequence, event_type, "was changed after it was recorded: its hash does not match"
                    )
                sealing = inner.copy()
                sealing.update(digest.encode("ascii"))
                sealed = outer.copy()
                sealed.update(sealing.digest())
                if not same(seal or "", sealed.hexdigest()):
                    return ChainBreak(
                        sequence,
                        event_type,
                        "was not sealed with this station's chain key: it was written or rewritten outside the station",
                    )
                if sealed_rows or event_type in noted:
                    keep(row)
                if sequence in watched:
                    self.hashes_at[sequence] = digest
                previous, expected = digest, expected + 1
            return None
        finally:
            self.replayed += expected - 1 - self.last_sequence
            self.last_sequence, self.last_hash = expected - 1, previous

    def finish(self, head: ChainHead) -> ChainBreak | None:
        """Whether the chain ends where its sealed head says it does."""
        if self.last_sequence != head.sequence or self.last_hash != head.hash:
            return ChainBreak(head.sequence, "head", "is missing: events at the end of the chain were removed")
        if head.sequence == 0:
            return None  # a chain nothing was written to yet: the rows' check still catches rows put in by hand
        if not hmac.compare_digest(head.seal, head_seal(self._key, head.sequence, head.hash)):
            return ChainBreak(head.sequence, "head", "was not sealed with this station's chain key: the chain was cut")
        return None


def event_checks_out(row: EventRow, key: bytes, at_text: AtText | None = utc_text) -> bool:
    """Whether one event is as the station wrote it: its hash covers its content, its seal its hash."""
    sequence, event_type, at, user, station, rma, payload, linked_to, digest, sealed_rows, seal = row
    at_iso = at if at_text is None else at_text(at)
    text = hashed_text(linked_to, sequence, event_type, at_iso, user, station, rma, payload, sealed_rows or "")
    return hashlib.sha256(text.encode("utf-8")).hexdigest() == digest and hmac.compare_digest(
        seal or "", Sealer(key).seal(digest)
    )
