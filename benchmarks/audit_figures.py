"""The audit figures: `audit verify --full` over a long chain at two lengths, and the default verify of
one day's events after a signed checkpoint, on SQLite and PostgreSQL; floor: SHA-256 alone over the
very bytes the chain's hashes were taken of, measured in the same run.

The chains are built once per run and backend (benchmarks/audit_data.py) in databases of their own,
not in the warehouses of the other figures: their length is the figure's subject.
"""

from __future__ import annotations

import hashlib
import os
import time
import uuid
from collections import Counter
from dataclasses import dataclass

from benchmarks import audit_data
from benchmarks.context import Context, Unavailable
from benchmarks.core import Result

# Events in the short and the long chain, and in the day after the checkpoint, by scale.
SIZES = {"full": (100_000, 1_000_000, 4_000), "quick": (20_000, 100_000, 1_000), "smoke": (1_500, 3_000, 150)}


def title_sizes(scale: str) -> dict[str, str]:
    """{audit_short}, {audit_long} and {audit_day} for the titles in registry.py."""
    short, long, day = SIZES[scale]
    return {"audit_short": f"{short:,}", "audit_long": f"{long:,}", "audit_day": f"{day:,}"}


def audit_full_short_sqlite(ctx: Context) -> Result:
    """`audit verify --full` (HistoryService.verify_audit_chain(full=True)) over the short chain, SQLite."""
    return _full(ctx, "sqlite", SIZES[ctx.scale.name][0])


def audit_full_long_sqlite(ctx: Context) -> Result:
    """`audit verify --full` over the long chain, SQLite."""
    return _full(ctx, "sqlite", SIZES[ctx.scale.name][1])


def audit_day_sqlite(ctx: Context) -> Result:
    """`audit verify` (from the newest checkpoint) of one day's events received after a checkpoint signed at the
    end of the long chain, SQLite."""
    return _day(ctx, "sqlite")


def audit_full_short_postgresql(ctx: Context) -> Result:
    """`audit verify --full` over the short chain, PostgreSQL (same server, TCP)."""
    return _full(ctx, "postgresql", SIZES[ctx.scale.name][0])


def audit_full_long_postgresql(ctx: Context) -> Result:
    """`audit verify --full` over the long chain, PostgreSQL."""
    return _full(ctx, "postgresql", SIZES[ctx.scale.name][1])


def audit_day_postgresql(ctx: Context) -> Result:
    """`audit verify` of one day's events after a checkpoint at the end of the long chain, PostgreSQL."""
    return _day(ctx, "postgresql")


# The chains of this run ------------------------------------------------------------------------------


@dataclass
class _Built:
    chain: audit_data.BenchChain
    station: object
    floor_bytes: list[bytes] | None = None
    day: tuple | None = None  # (the checkpoint's report, the day, its events' bytes), once received


_BUILT: dict[tuple[int, str, int], _Built] = {}


def _built(ctx: Context, backend: str, events: int) -> _Built:
    key = (id(ctx), backend, events)
    if key not in _BUILT:
        url = _new_database(ctx, backend, events)
        folder = ctx.work_dir / f"audit-{backend}-{events}"
        folder.mkdir(exist_ok=True)
        ctx.log(f"  {backend}: building an audit chain of {events:,} events")
        chain = audit_data.build_chain(url, folder, events, day=SIZES[ctx.scale.name][2], log=ctx.log)
        ctx.log(f"    built in {chain.built_s:.0f} s")
        _BUILT[key] = _Built(chain, ctx.station(url))
    return _BUILT[key]


def _new_database(ctx: Context, backend: str, events: int) -> str:
    if backend == "sqlite":
        return f"sqlite:///{ctx.work_dir / f'audit-{events}.sqlite3'}"
    problem = ctx.postgres_problem()
    if problem:
        raise Unavailable(problem)
    from sqlalchemy import create_engine, text

    name = f"receiving_bench_audit_{os.getpid()}_{uuid.uuid4().hex[:6]}"
    admin = create_engine(ctx.pg_admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    ctx._pg_databases.append(name)  # dropped with the run's other databases when it ends
    from benchmarks import data

    return data.database_url(ctx.pg_admin_url, name)


# The figures -----------------------------------------------------------------------------------------


def _full(ctx: Context, backend: str, events: int) -> Result:
    built = _built(ctx, backend, events)
    station, chain = built.station, built.chain
    if built.floor_bytes is None:
        built.floor_bytes = audit_data.hashed_bytes(station, 0)
    repeats = 1 if ctx.profiling else (3 if chain.events >= 500_000 else 5)
    samples, floor_samples, intact, report = full_verifies(ctx, station, built.floor_bytes, repeats)
    per_event = sorted(samples)[len(samples) // 2] / report.events * 1e6
    floor_per_event = sorted(floor_samples)[len(floor_samples) // 2] / len(built.floor_bytes) * 1e6
    size = sum(len(text) for text in built.floor_bytes) / len(built.floor_bytes)
    return Result(
        "time",
        samples,
        floor_samples=floor_samples,
        floor_label="SHA-256 alone",
        checks={"chain and rows intact": intact, "every event replayed": report.replayed == report.events},
        notes=[
            f"{repeats} full verifies of a chain of {report.events:,} events (after one untimed): every event's link, "
            f"hash and seal, replayed in {_processes(report.processes)}, then every row that decides money or rights "
            "held against its record; "
            f"{per_event:.2f} µs per event, against {floor_per_event:.2f} µs for SHA-256 alone over the same "
            f"bytes ({size:.0f} bytes an event on average), interleaved with the verifies.",
            _chain_words(chain),
        ],
    )


def _day(ctx: Context, backend: str) -> Result:
    _short, long, day_events = SIZES[ctx.scale.name]
    built = _built(ctx, backend, long)
    station, chain = built.station, built.chain
    if built.day is None:  # once a run: the profile pass verifies the same day again
        checkpointed = station.history.verify_audit_chain(full=False, checkpoint="always", station="BENCH-01")
        assert checkpointed.first_break is None, checkpointed.first_break
        started = time.perf_counter()
        day = audit_data.receive_a_day(station, ctx.work_dir, day_events)
        ctx.log(
            f"    received a day of {day.lines} lines ({day.events:,} events) in {time.perf_counter() - started:.0f} s"
        )
        built.day = (checkpointed, day, audit_data.hashed_bytes(station, checkpointed.events))
    checkpointed, day, texts = built.day

    def verify():
        return station.history.verify_audit_chain(full=False)

    def floor() -> None:
        for text in texts:
            hashlib.sha256(text).hexdigest()

    warm = verify()
    repeats = 1 if ctx.profiling else 20
    samples, floor_samples, report = interleaved(ctx, floor, verify, repeats)
    return Result(
        "time",
        samples,
        floor_samples=floor_samples,
        floor_label="SHA-256 alone",
        checks={
            "day intact": warm.first_break is None and report.first_break is None,
            "started at the checkpoint": report.checked_from == checkpointed.events,
            "replayed the day only": report.replayed == day.events,
        },
        notes=[
            f"A checkpoint signed at event {checkpointed.events:,} (the end of a chain of {chain.events:,} events), "
            f"then a day received through the services after it: {day.lines} lines opened, received and printed, "
            f"{day.events:,} events ({day.events / day.lines:.1f} per decided line: {_by_type(day.events_by_type)}).",
            f"{repeats} verifies from the checkpoint: the checkpoint's signature and its event, the day's links, "
            "hashes and seals, and the rows the day wrote (inspections, readings, decisions, documents with their "
            "PDFs, plates, counters) held against their records; the chain before the checkpoint is not read again.",
        ],
    )


def _processes(count: int) -> str:
    return "one process" if count == 1 else f"{count} processes (a range of the chain each)"


def _chain_words(chain: audit_data.BenchChain) -> str:
    return (
        f"The chain: a stretch of {chain.stretch} real events from {chain.decided_lines} lines opened, received and "
        f"printed through the services ({chain.stretch / chain.decided_lines:.1f} events per decided line: "
        f"{_by_type(chain.events_by_type)}), copied, relinked and resealed to {chain.events:,} events at 4,000 a day; "
        f"built in {chain.built_s:.0f} s."
    )


def _by_type(counts: Counter) -> str:
    return ", ".join(f"{kind} {count}" for kind, count in counts.most_common())


def full_verifies(ctx, station, hashed: list[bytes], repeats: int):
    """``repeats`` full verifies interleaved with SHA-256 alone over ``hashed``, after one untimed verify
    (the first read pulls the file or the tables into the cache, as a second verify finds them): their
    times, whether every verify found the chain and rows intact, and the last verify's report."""

    def verify():
        return station.history.verify_audit_chain(full=True)

    def floor() -> None:
        sha256 = hashlib.sha256
        for text in hashed:
            sha256(text).hexdigest()

    warm = verify()
    samples, floor_samples, report = interleaved(ctx, floor, verify, repeats)
    return samples, floor_samples, warm.first_break is None and report.first_break is None, report


def interleaved(ctx, floor, verify, repeats: int):
    """``repeats`` runs of the floor and of the verify, one after the other, so that the machine's moods
    weigh on both alike; their times, and the last verify's report. The profile pass verifies in this
    process, where the profiler sees the work (its timings are not used)."""
    from receiving_app.services import process_split

    samples, floor_samples = [], []
    clock = time.perf_counter
    split = process_split.MOST_PROCESSES
    process_split.MOST_PROCESSES = 1 if ctx.profiling else split
    try:
        for _ in range(repeats):
            begun = clock()
            floor()
            floor_samples.append(clock() - begun)
            with ctx.profiled():
                begun = clock()
                report = verify()
                samples.append(clock() - begun)
    finally:
        process_split.MOST_PROCESSES = split
    return samples, floor_samples, report
