"""Signed checkpoints of the audit chain: where a verify found it whole, so the next one starts there.

A checkpoint says "the chain was verified up to event N, whose hash was H", signed with the
station's chain key like the events' seals, so that nobody without the key can make or alter one.
It also carries what the replay had gathered up to there that a later check needs: the document
routing each station last recorded. ``audit verify`` starts from the newest checkpoint that is
signed and still agrees with the event at its sequence; ``audit verify --full`` replays from the
first event and holds every checkpoint against the chain.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True, slots=True)
class Checkpoint:
    sequence: int
    hash: str
    made_at: datetime
    station: str  # the station whose verify made it
    routing: str  # canonical JSON {station: digest}: each station's routing as recorded up to `sequence`
    signature: str = ""


def routing_text(routing: Mapping[str, str]) -> str:
    return json.dumps(dict(routing), sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def routing_of(checkpoint: Checkpoint) -> dict[str, str]:
    recorded = json.loads(checkpoint.routing) if checkpoint.routing else {}
    return {str(station): str(digest) for station, digest in recorded.items()}


def checkpoint_signature(key: bytes, checkpoint: Checkpoint) -> str:
    """The HMAC only a holder of the chain key can make; "checkpoint:" keeps it apart from any seal."""
    signed = (
        f"checkpoint:{checkpoint.sequence}:{checkpoint.hash}:{checkpoint.made_at.isoformat()}:"
        f"{checkpoint.station}:{checkpoint.routing}"
    )
    return hmac.new(key, signed.encode("utf-8"), hashlib.sha256).hexdigest()


def signed(checkpoint: Checkpoint, key: bytes) -> Checkpoint:
    return Checkpoint(
        checkpoint.sequence,
        checkpoint.hash,
        checkpoint.made_at,
        checkpoint.station,
        checkpoint.routing,
        checkpoint_signature(key, checkpoint),
    )


def is_signed(checkpoint: Checkpoint, key: bytes) -> bool:
    return hmac.compare_digest(checkpoint.signature, checkpoint_signature(key, checkpoint))


@dataclass(frozen=True, slots=True)
class CheckpointProblem:
    """A checkpoint that cannot be trusted; the verify started from an earlier one (or the first event)."""

    sequence: int
    made_at: datetime
    problem: str

    def __str__(self) -> str:
        return f"the checkpoint at event {self.sequence} (made {self.made_at:%Y-%m-%d %H:%M:%S} UTC) {self.problem}"


NOT_SIGNED = "was not signed with this station's chain key: it was put in or changed outside the station"
NOT_IN_CHAIN = "differs from the chain: the event it vouches for was changed or removed since it was made"
PAST_THE_END = "is past the end of the chain: events at the end of the chain were removed"
