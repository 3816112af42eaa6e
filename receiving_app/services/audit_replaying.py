"""Replaying a stretch of the audit chain, in this process or, for a long full replay, split between
processes (``process_split``): each replays a range of events from a connection of its own, and the
ranges are joined where each one's first event must link to the last of the range before it.

A hash and a seal cost microseconds in Python, a million events seconds: a replay of more than
``SPLIT_FROM`` events is split where that is safe.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field

from receiving_app.domain.audit import ChainBreak
from receiving_app.domain.chain_replay import AtText, ChainReplay, EventRow
from receiving_app.domain.sealed_rows import RowLedger
from receiving_app.persistence.unit_of_work import UnitOfWork
from receiving_app.services.process_split import process_pool, processes_for, split_ranges

SPLIT_FROM = 50_000  # events; fewer replay sooner than processes start
NOTED = ("settings_changed",)


@dataclass
class Gathered:
    """What a replay collects besides the links: the rows the events sealed, and the routing."""

    # Each row's newest record, "" once the station removed it: {table: {key: digest}}. Whole
    # mappings are updated at once, the removed rows kept as "", rather than each key settled in Python
    # as it comes, which a million events make noticeable: the same records.
    recorded: dict[str, dict[str, str]] = field(default_factory=dict)
    routing: dict[str, str] = field(default_factory=dict)

    def absorb(self, noted: list[EventRow]) -> None:
        """The events a replay noted, in order: their sealed rows read as one JSON array."""
        sealed = [row[9] for row in noted if row[9]]
        for sealed_rows in json.loads(f"[{','.join(sealed)}]") if sealed else ():
            self.add(sealed_rows)
        for row in noted:
            if row[1] == "settings_changed":
                payload = json.loads(row[6])
                if "routing" in payload:
                    self.routing[payload.get("station_id", row[4])] = payload["routing"]
        noted.clear()

    def add(self, sealed_rows: dict[str, dict[str, str]]) -> None:
        recorded = self.recorded
        for table, rows in sealed_rows.items():
            if table in recorded:
                recorded[table].update(rows)
            else:
                recorded[table] = dict(rows)

    def then(self, later: Gathered) -> None:
        """What a later stretch of the chain gathered, after this one's."""
        self.add(later.recorded)
        self.routing.update(later.routing)

    def ledger(self) -> RowLedger:
        """The records as a ledger, not copied (a million rows' copy is a second of a full verify)."""
        return RowLedger(self.recorded)


@dataclass
class Replayed:
    """How far a replay got: its first break, the last event that checked out, and what it gathered."""

    broken: ChainBreak | None
    last_sequence: int
    last_hash: str
    replayed: int
    gathered: Gathered
    hashes_at: dict[int, str]
    first: tuple[int, str, str] | None = None  # the range's first event: sequence, type, the hash it links to
    processes: int = 1


def replayed(
    uow: UnitOfWork,
    key: bytes,
    *,
    after_sequence: int,
    after_hash: str,
    up_to: int,
    watched: Collection[int],
    gathered: Gathered,
) -> Replayed:
    """The events after ``after_sequence`` replayed, split between processes where that is quicker."""
    processes = processes_for(up_to - after_sequence, SPLIT_FROM)
    if processes > 1:
        return _split(
            uow.records.connection_url(), key, after_sequence, after_hash, up_to, watched, gathered, processes
        )
    return _replay_range(uow, key, after_sequence, after_hash, None, watched, gathered)


def _replay_range(
    uow: UnitOfWork,
    key: bytes,
    after_sequence: int,
    after_hash: str | None,
    up_to: int | None,
    watched: Collection[int],
    gathered: Gathered,
) -> Replayed:
    """``after_hash`` None: the range's first event links to whatever it says (the caller checks)."""
    batches = uow.records.audit_event_batches(after_sequence, up_to)
    return replay_batches(batches, key, after_sequence, after_hash, uow.records.audit_time_text(), watched, gathered)


def replay_batches(
    batches: Iterable[list[EventRow]],
    key: bytes,
    after_sequence: int,
    after_hash: str | None,
    at_text: AtText | None,
    watched: Collection[int],
    gathered: Gathered,
) -> Replayed:
    """Events in order, from the live database or an archive, replayed after ``after_sequence``."""
    replay: ChainReplay | None = None
    first = None
    broken = None
    for batch in batches:
        if replay is None:
            first = (batch[0][0], batch[0][1], batch[0][7])
            replay = ChainReplay(
                key,
                after_sequence=after_sequence,
                after_hash=after_hash if after_hash is not None else batch[0][7],
                at_text=at_text,
                noted=NOTED,
                watched=watched,
            )
        broken = replay.feed(batch)
        gathered.absorb(replay.noted_rows)
        if broken is not None:
            break
    if replay is None:
        return Replayed(None, after_sequence, after_hash or "", 0, gathered, {})
    return Replayed(broken, replay.last_sequence, replay.last_hash, replay.replayed, gathered, replay.hashes_at, first)


def _split(
    url: str,
    key: bytes,
    after_sequence: int,
    after_hash: str,
    up_to: int,
    watched: Collection[int],
    gathered: Gathered,
    processes: int,
) -> Replayed:
    bounds = split_ranges(after_sequence, up_to, processes)
    with process_pool(len(bounds)) as pool:
        parts = [pool.submit(_replay_in_a_process, url, key, low, high, list(watched)) for low, high in bounds]
        ranges = [part.result() for part in parts]
    joined = _joined(ranges, after_sequence, after_hash, gathered)
    joined.processes = len(bounds)
    return joined


def _replay_in_a_process(url: str, key: bytes, low: int, high: int, watched: Iterable[int]) -> Replayed:
    """One range, from a connection of this process's own (the parent's stay the parent's)."""
    from receiving_app.persistence.database import create_database_engine
    from receiving_app.persistence.unit_of_work import UnitOfWorkFactory

    engine = create_database_engine(url)
    try:
        with UnitOfWorkFactory(engine, chain_key=lambda: key).read() as uow:
            uow.records.hold_one_snapshot()
            return _replay_range(uow, key, low, None, high, set(watched), Gathered())
    finally:
        engine.dispose()


def _joined(ranges: list[Replayed], after_sequence: int, after_hash: str, gathered: Gathered) -> Replayed:
    """The ranges in order, each held to link to the one before it; the first break of all of them."""
    last_sequence, last_hash, count = after_sequence, after_hash, 0
    hashes_at: dict[int, str] = {}
    for part in ranges:
        if part.first is None:
            continue  # a range whose events are all gone: the next one's first event says what is missing
        sequence, event_type, links_to = part.first
        broken = None
        if sequence != last_sequence + 1:
            broken = ChainBreak(last_sequence + 1, "missing", f"is missing: the chain jumps to event {sequence}")
        elif links_to != last_hash:
            broken = ChainBreak(sequence, event_type, "does not link to the event before it")
        if broken is not None:
            return Replayed(broken, last_sequence, last_hash, count, gathered, hashes_at)
        gathered.then(part.gathered)
        hashes_at.update(part.hashes_at)
        count += part.replayed
        last_sequence, last_hash = part.last_sequence, part.last_hash
        if part.broken is not None:
            return Replayed(part.broken, last_sequence, last_hash, count, gathered, hashes_at)
    return Replayed(None, last_sequence, last_hash, count, gathered, hashes_at)
