"""An audit chain of any length for the audit figures, grown from a bench's real events.

Receiving a million events' worth of lines through the station takes hours, so a few dozen lines
are opened, received and printed through the services (real events, real sealed rows, real
payloads); then that stretch of the chain is appended again and again, each copy linked, hashed and
sealed with the station's key as the station would, at about ``per_day`` events a day. The copies
record the same rows with the same digests as the stretch they copy, and only whole copies are
appended, so the chain's record of every row ends where the real stretch left it: a full verify
holds the rows against it and finds them as recorded. A day after a checkpoint is received for
real (``receive_a_day``): its rows, PDFs and all, are what a checkpointed verify holds.
"""

from __future__ import annotations

import random
import time
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from benchmarks import data

Log = Callable[[str], None]
STRETCH_RMAS = 24  # RMAs opened and received through the services: the stretch that is copied
_INSERT_BATCH = 20_000
_COLUMNS = (
    "sequence",
    "event_type",
    "at",
    "user_name",
    "station_id",
    "rma_number",
    "payload",
    "previous_hash",
    "hash",
    "sealed_rows",
    "seal",
)


@dataclass(frozen=True)
class BenchChain:
    url: str
    events: int  # the chain's length
    stretch: int  # events of the real stretch that was copied
    decided_lines: int  # lines decided in the real stretch
    events_by_type: Counter  # the real stretch's events by type
    built_s: float


@dataclass(frozen=True)
class BenchDay:
    lines: int  # lines decided
    events: int  # events the day added
    events_by_type: Counter


def build_chain(
    url: str, folder: Path, events: int, *, day: int = 0, per_day: int = 4_000, log: Log = print
) -> BenchChain:
    """A station database at ``url`` whose audit chain holds at least ``events`` events, and open
    RMAs enough for a ``day`` of that many events more (``receive_a_day``)."""
    from receiving_app.bootstrap import bootstrap, fill_demo_data

    started = time.perf_counter()
    station = bootstrap(url, settings_path=folder / "settings.json")
    try:
        # A line is about three events (its decision, its documents printed, its RMA's opening) and an RMA
        # about one and a half lines: a day's RMAs, with room to spare.
        fill_demo_data(station, rmas=STRETCH_RMAS + day // 3, seed=data.DEMO_SEED)
        setup_end = head_sequence(station)
        lines = data.open_lines(station, list(range(1, STRETCH_RMAS + 1)))
        by_type = _received(station, folder, lines, random.Random(20260324))
        stretch = _events_after(station, setup_end)
        copies = max(0, -(-(events - setup_end - len(stretch)) // len(stretch)))
        log(f"    {len(stretch)} real events from {len(lines)} lines; appending {copies:,} copies of them")
        _append_copies(station, stretch, copies, per_day)
        length = head_sequence(station)
    finally:
        station.close()
    return BenchChain(url, length, len(stretch), len(lines), by_type, time.perf_counter() - started)


def receive_a_day(station, folder: Path, events: int) -> BenchDay:
    """Lines opened, received and printed through the services until ``events`` events were added."""
    before = head_sequence(station)
    rng = random.Random(20260325)
    by_type: Counter = Counter()
    decided = 0
    rmas = STRETCH_RMAS
    while head_sequence(station) - before < events:
        lines = data.open_lines(station, list(range(rmas + 1, rmas + 11)))
        rmas += 10
        if not lines:
            raise RuntimeError(f"no open lines left after RMA {rmas}: build the chain for a longer day")
        by_type += _received(station, folder, lines, rng)
        decided += len(lines)
    return BenchDay(decided, head_sequence(station) - before, by_type)


def head_sequence(station) -> int:
    with station.units.read() as uow:
        return uow.records.audit_head().sequence


def hashed_bytes(station, after: int) -> list[bytes]:
    """The exact bytes each event's hash was taken of, after ``after``: what the floor hashes."""
    from receiving_app.domain.chain_replay import hashed_text

    texts = []
    with station.units.read() as uow:
        at_text = uow.records.audit_time_text() or str
        for batch in uow.records.audit_event_batches(after):
            for row in batch:
                sequence, kind, at, user, bench, rma, payload, previous, _hash, rows, _seal = row
                text = hashed_text(previous, sequence, kind, at_text(at), user, bench, rma, payload, rows or "")
                texts.append(text.encode())
    return texts


def _received(station, folder: Path, lines: Sequence[data.LineToReceive], rng: random.Random) -> Counter:
    """Each line opened, received and printed as a bench does it; the events it took, by type."""
    before = head_sequence(station)
    photo = data.thumbnail("#c8b49a", "box", "JPEG")
    printed = folder / "printed"
    printed.mkdir(exist_ok=True)
    printer = {"backend": "folder", "folder": str(printed)}
    opened: set[str] = set()
    for line in lines:
        if line.rma_number not in opened:
            data.open_as_the_window_does(station.rma_opening, line.rma_number, station="BENCH-01")
            opened.add(line.rma_number)
        result = station.receiving.receive(data.receive_command(line, rng, station="BENCH-01", damage_photo=photo))
        for document in result.decision.documents:
            station.printing.print_document(document.number, printer, user="receiver", station="BENCH-01")
        if result.decision.license_plate:
            station.printing.print_license_plate(
                result.decision.license_plate, lambda _paper: printer, user="receiver", station="BENCH-01"
            )
    return Counter(row["event_type"] for row in _events_after(station, before))


def _events_after(station, sequence: int) -> list[dict]:
    from sqlalchemy import select

    from receiving_app.persistence.audit_tables import AuditEventRow

    table = AuditEventRow.__table__
    with station.units.engine.connect() as connection:
        rows = connection.execute(select(table).where(table.c.sequence > sequence).order_by(table.c.sequence))
        return [dict(row._mapping) for row in rows]


def _append_copies(station, stretch: Sequence[dict], copies: int, per_day: int) -> None:
    """``copies`` copies of the stretch after the head, linked, hashed and sealed as the station does,
    written through the driver (executemany on SQLite, COPY on PostgreSQL): SQLAlchemy's inserts
    would take most of the build's time."""
    from sqlalchemy import update

    from receiving_app.domain.audit import head_seal
    from receiving_app.persistence.audit_tables import AuditHeadRow

    key = station.units.chain_key()
    head = _head(station)
    rows = _copies(stretch, copies, key, head.sequence, head.hash, stretch[-1]["at"], per_day)
    last: tuple = ()
    with station.units.engine.begin() as connection:
        driver = connection.connection.dbapi_connection
        postgresql = connection.dialect.name == "postgresql"
        for batch in _batches(rows, _INSERT_BATCH):
            last = batch[-1]
            if postgresql:
                _copy_into(driver, batch)
            else:
                columns = ", ".join(_COLUMNS)
                driver.cursor().executemany(
                    f"INSERT INTO audit_events ({columns}) VALUES ({', '.join('?' * len(_COLUMNS))})", batch
                )
        if last:
            connection.execute(
                update(AuditHeadRow.__table__)
                .where(AuditHeadRow.__table__.c.id == 1)
                .values(last_sequence=last[0], last_hash=last[8].hex(), seal=head_seal(key, last[0], last[8].hex()))
            )


def _head(station):
    with station.units.read() as uow:
        return uow.records.audit_head()


def _copies(
    stretch: Sequence[dict], copies: int, key: bytes, sequence: int, previous: str, moment: datetime, per_day: int
) -> Iterator[tuple]:
    import hashlib

    from receiving_app.domain.chain_replay import Sealer, hashed_text

    sealer = Sealer(key)
    step = timedelta(seconds=86_400 / per_day)
    moment = moment.astimezone(UTC)
    for _copy in range(copies):
        for row in stretch:
            sequence += 1
            moment += step
            stored_at = moment.replace(tzinfo=None).strftime("%Y-%m-%d %H:%M:%S.%f")
            rows = row["sealed_rows"] or ""
            text = hashed_text(
                previous,
                sequence,
                row["event_type"],
                moment.isoformat(),
                row["user_name"],
                row["station_id"],
                row["rma_number"],
                row["payload"],
                rows,
            )
            digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
            yield (
                sequence,
                row["event_type"],
                stored_at,
                row["user_name"],
                row["station_id"],
                row["rma_number"],
                row["payload"],
                bytes.fromhex(previous),  # the digests as the table keeps them (HexDigest)
                bytes.fromhex(digest),
                rows or None,
                bytes.fromhex(sealer.seal(digest)),
            )
            previous = digest


def _batches(rows: Iterator[tuple], size: int) -> Iterator[list[tuple]]:
    batch: list[tuple] = []
    for row in rows:
        batch.append(row)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def _copy_into(driver, batch: list[tuple]) -> None:
    with driver.cursor() as cursor, cursor.copy(f"COPY audit_events ({', '.join(_COLUMNS)}) FROM STDIN") as copy:
        for row in batch:
            copy.write_row(row)
