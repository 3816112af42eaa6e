"""``audit verify``: the chain replayed link by link and seal by seal, then every row that decides
money or rights held against the digest the chain recorded for it, then this station's document
routing held against its last recorded change.

A full check replays every event from the first and holds every sealed row and every checkpoint
against it. A check from a checkpoint starts at the newest signed checkpoint that still agrees with
the event it names, replays only the events after it, and holds only the rows those events
recorded: what changed since the chain was last found whole. What happened before the checkpoint
was verified when the checkpoint was made; only a full check looks at it again.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from receiving_app.domain.audit import GENESIS_HASH, ChainBreak, ChainHead
from receiving_app.domain.audit_archives import ArchivedStretch, ArchiveProblem, is_signed_stretch
from receiving_app.domain.audit_checkpoints import (
    NOT_IN_CHAIN,
    NOT_SIGNED,
    PAST_THE_END,
    Checkpoint,
    CheckpointProblem,
    is_signed,
    routing_of,
)
from receiving_app.domain.chain_replay import ChainReplay, event_checks_out
from receiving_app.domain.sealed_rows import CHANGED, GONE, PUT_IN, RowDifference, same_digest
from receiving_app.persistence.row_sealing import sealed_table_names
from receiving_app.persistence.unit_of_work import UnitOfWork
from receiving_app.services.archive_reading import replay_archives, unsigned_archives
from receiving_app.services.audit_replaying import Gathered, Replayed, replayed
from receiving_app.services.sealed_row_check import RowCheck, check_every_sealed_row


@dataclass(frozen=True)
class StationRouting:
    """Where this station sends its documents, as its settings file says now."""

    station_id: str
    digest: str
    routes_anything: bool  # False: every document goes to the default folder


@dataclass(frozen=True)
class RoutingDifference:
    station_id: str
    problem: str

    def __str__(self) -> str:
        return f"the document routing in station {self.station_id}'s settings {self.problem}"


Problem = ChainBreak | RowDifference | RoutingDifference | CheckpointProblem | ArchiveProblem


@dataclass(frozen=True)
class ChainReport:
    events: int
    first_break: Problem | None  # the first problem found
    head_hash: str = ""
    checked_from: int = 0  # the checkpoint's event the replay started after; 0: from the first event
    replayed: int = 0  # events replayed
    processes: int = 1  # the processes the replay was split between
    rows_checked: RowCheck | None = None  # a full check's: every sealed row held against its record
    checkpoint_problems: tuple[CheckpointProblem, ...] = ()
    trusted_checkpoint: int = 0  # the newest checkpoint found signed and in the chain (0: none)
    routing: dict[str, str] = field(default_factory=dict)  # each station's routing as recorded at the head
    checkpoint_made: int | None = None  # the event a checkpoint was made at after this check


def check_audit_trail(uow: UnitOfWork, routing: StationRouting | None = None, *, full: bool = True) -> ChainReport:
    """The chain, the sealed rows and (given) this station's routing, as one snapshot of the database."""
    uow.records.hold_one_snapshot()
    key = uow.chain_key()
    head = uow.records.audit_head()
    checkpoints = uow.records.audit_checkpoints()
    signed = [checkpoint for checkpoint in checkpoints if is_signed(checkpoint, key)]
    problems: list[Problem] = [
        CheckpointProblem(c.sequence, c.made_at, NOT_SIGNED) for c in checkpoints if c not in signed
    ]
    archives = uow.records.audit_archives()
    problems += unsigned_archives(archives, key)
    start = None if full else _starting_point(uow, signed, archives, key)
    watched = [checkpoint for checkpoint in signed if checkpoint.sequence > (start.sequence if start else 0)]
    watched_sequences = {checkpoint.sequence for checkpoint in watched}
    gathered = Gathered(routing=routing_of(start) if start else {})
    # A full check replays the archived stretches first, each from its file; then the live chain.
    archived = replay_archives(archives, key, watched_sequences, gathered) if start is None else None
    after, after_hash = (start.sequence, start.hash) if start else (0, GENESIS_HASH)
    if archived is not None:
        after, after_hash = archived.last_sequence, archived.last_hash
    replay = replayed(
        uow,
        key,
        after_sequence=after,
        after_hash=after_hash,
        up_to=head.sequence,
        watched=watched_sequences,
        gathered=gathered,
    )
    if archived is not None:
        replay.hashes_at.update(archived.hashes_at)
    first_break: Problem | None = (archived.problem if archived else None) or replay.broken
    if first_break is None:
        first_break = _end_of_chain(uow, key, replay, head)
    rows = None
    if first_break is None and start is None:
        rows = check_every_sealed_row(uow, replay.gathered.ledger(), head.sequence)
        first_break = rows.first_difference
    elif first_break is None:
        first_break = _recent_row_difference(uow, replay.gathered)
    if first_break is None and start is None:
        first_break = _changed_document_part(uow)
    if first_break is None and routing is not None:
        first_break = _routing_difference(routing, replay.gathered.routing.get(routing.station_id))
    vouched, not_in_chain = _held_against_the_chain(watched, replay, head)
    problems += not_in_chain
    return ChainReport(
        head.sequence,
        first_break or (problems[0] if problems else None),
        head.hash,
        checked_from=start.sequence if start else 0,
        replayed=replay.replayed + (archived.replayed if archived else 0),
        processes=replay.processes,
        rows_checked=rows,
        checkpoint_problems=tuple(problem for problem in problems if isinstance(problem, CheckpointProblem)),
        trusted_checkpoint=max(vouched, default=start.sequence if start else 0),
        routing=replay.gathered.routing,
    )


def _end_of_chain(uow: UnitOfWork, key: bytes, replay: Replayed, head: ChainHead) -> ChainBreak | None:
    """Whether the replay ended at the sealed head, and no event lies past it."""
    ended = ChainReplay(key, after_sequence=replay.last_sequence, after_hash=replay.last_hash).finish(head)
    if ended is None and uow.records.last_audit_sequence() > head.sequence:
        return ChainBreak(head.sequence, "head", "is missing: events at the end of the chain were removed")
    return ended


def _starting_point(
    uow: UnitOfWork, signed: list[Checkpoint], archives: list[ArchivedStretch], key: bytes
) -> Checkpoint | None:
    """The newest signed checkpoint whose event is still the event it vouched for (newest first), or
    the end of the newest signed archive when that is newer: its events left the database, and the
    live chain must link to its last hash.

    A checkpoint that no longer agrees is passed over: the replay from an earlier one reaches its event
    and names what happened there."""
    archived = next((stretch for stretch in reversed(archives) if is_signed_stretch(stretch, key)), None)
    for checkpoint in signed:
        if archived is not None and archived.last_sequence >= checkpoint.sequence:
            break
        event = uow.records.audit_event_at(checkpoint.sequence)
        if (
            event is not None
            and event[8] == checkpoint.hash
            and event_checks_out(event, key, uow.records.audit_time_text())
        ):
            return checkpoint
    return archived.as_checkpoint() if archived is not None else None


def _recent_row_difference(uow: UnitOfWork, gathered: Gathered) -> RowDifference | None:
    """The rows recorded since the checkpoint, each against its newest record."""
    for table in sealed_table_names():
        recorded = gathered.recorded.get(table)
        if recorded is not None:
            difference = _recent_difference(table, recorded, uow.records.sealed_row_digests(table, recorded))
            if difference is not None:
                return difference
    return None


def _changed_document_part(uow: UnitOfWork) -> RowDifference | None:
    """A part documents share whose bytes are no longer the ones its SHA-256 names. Only a full check
    reads them all: a document's own read holds the whole PDF against its digest every time."""
    for digest, content in uow.records.document_part_contents():
        if hashlib.sha256(content).hexdigest() != digest:
            return RowDifference(
                "document_parts",
                digest,
                "differs from the SHA-256 it is kept under: it was changed outside the station",
            )
    return None


def _recent_difference(table: str, recorded: dict[str, str], now: dict[str, str]) -> RowDifference | None:
    """The rows recorded since the checkpoint, held against their newest record ("" for removed)."""
    for key in sorted(recorded, key=_natural):
        expected, current = recorded[key], now.get(key)
        if expected and current is None:
            return RowDifference(table, key, GONE)
        if not expected and current is not None:
            return RowDifference(table, key, PUT_IN)
        if expected and current is not None and not same_digest(expected, current):
            return RowDifference(table, key, CHANGED)
    return None


def _held_against_the_chain(
    watched: list[Checkpoint], replay: Replayed, head: ChainHead
) -> tuple[list[int], list[CheckpointProblem]]:
    """The checkpoints the replay passed: the events they agree with, and the problems of the others."""
    agreeing, problems = [], []
    for checkpoint in watched:
        if checkpoint.sequence > head.sequence:
            problems.append(CheckpointProblem(checkpoint.sequence, checkpoint.made_at, PAST_THE_END))
        elif checkpoint.sequence <= replay.last_sequence:
            if replay.hashes_at.get(checkpoint.sequence) == checkpoint.hash:
                agreeing.append(checkpoint.sequence)
            else:
                problems.append(CheckpointProblem(checkpoint.sequence, checkpoint.made_at, NOT_IN_CHAIN))
    return agreeing, problems


def _routing_difference(routing: StationRouting, recorded: str | None) -> RoutingDifference | None:
    if recorded is None:
        if routing.routes_anything:
            return RoutingDifference(routing.station_id, "was never recorded: it was set outside the station")
        return None
    if recorded != routing.digest:
        return RoutingDifference(
            routing.station_id, "differs from its last recorded change: it was edited outside the station"
        )
    return None


def _natural(key: str) -> tuple[int, str]:
    return (int(key), "") if key.isdigit() else (0, key)
