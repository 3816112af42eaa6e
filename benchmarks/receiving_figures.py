"""Receiving one line at one PostgreSQL station, against its floor: the very statements it sent, with the
very parameters, replayed through a bare psycopg connection. The ratio is what the station's Python
(the ORM, the decision, the documents' PDFs) costs on top of the database's own work; the notes give
the statements a receive sends and how long it holds the rows every station queues on (the inputs of
the fifty-station model in docs/performance.md)."""

from __future__ import annotations

import random
import statistics
import time
from contextlib import nullcontext

from benchmarks import data
from benchmarks.context import Context
from benchmarks.core import Result, percentile
from benchmarks.workers import hot_rows_taken

WARM_UP = 3


def receive_postgresql(ctx: Context) -> Result:
    """ReceivingService.receive on PostgreSQL, one station; floor: the same SQL statements with the same
    parameters sent through a bare psycopg connection to a copy of the warehouse (one receive's statements
    right after that receive, so that the machine's load falls on both alike)."""
    import psycopg
    from sqlalchemy import event
    from sqlalchemy.engine import make_url
    from sqlalchemy.orm import Session

    url = ctx.postgres_url()
    # The profile pass replays nothing: its timings are thrown away, and a fresh copy would no longer match
    # the rows this run's first pass has added to the shared one.
    replica = (
        None
        if ctx.profiling
        else make_url(ctx.postgres_copy("replay")).set(drivername="postgresql").render_as_string(hide_password=False)
    )
    station = ctx.station(url)
    rng = random.Random(ctx.seed + 2)
    photo = data.camera_photo()
    lines: list[data.LineToReceive] = []
    while len(lines) < ctx.scale.receives + WARM_UP:
        lines += data.open_lines(station, ctx.picker(url).take(ctx.scale.receives + WARM_UP - len(lines)))
    lines = lines[: ctx.scale.receives + WARM_UP]

    sent: list[tuple] = []  # ("sql", statement, parameters, many, finished at) or ("commit", committed at)

    def statement(conn, cursor, text, parameters, context, executemany) -> None:
        sent.append(("sql", text, parameters, executemany, time.perf_counter()))

    def committed(session) -> None:
        sent.append(("commit", time.perf_counter()))

    engine = station.units.engine
    event.listen(engine, "after_cursor_execute", statement)
    event.listen(Session, "after_commit", committed)
    samples, floor, counts, counter_held, head_held = [], [], [], [], []
    clock = time.perf_counter
    try:
        with psycopg.connect(replica) if replica else nullcontext() as bare, ctx.profiled():
            opened = None
            for index, line in enumerate(lines):
                if line.rma_number != opened:  # the clerk scans the RMA first; not part of this figure
                    data.open_as_the_window_does(station.rma_opening, line.rma_number, station="BENCH-PG")
                    opened = line.rma_number
                command = data.receive_command(line, rng, station="BENCH-PG", damage_photo=photo)
                sent.clear()
                started = clock()
                result = station.receiving.receive(command)
                elapsed = clock() - started
                if result.already_decided:
                    raise AssertionError(f"{line.rma_number} line {line.line_no} was already decided")
                receive_sent = list(sent)
                started = clock()
                if bare is not None:
                    _replay(bare, receive_sent)
                replayed = clock() - started
                if index >= WARM_UP:
                    samples.append(elapsed)
                    floor.append(replayed)
                    counts.append(sum(1 for entry in receive_sent if entry[0] == "sql"))
                    counter, head = _holds(receive_sent)
                    counter_held.append(counter)
                    head_held.extend(head)
    finally:
        event.remove(engine, "after_cursor_execute", statement)
        event.remove(Session, "after_commit", committed)
    return Result(
        "time",
        samples,
        floor_samples=floor,
        floor_label="its statements alone",
        notes=[
            f"{len(samples):,} lines of RMAs picked at random among {ctx.size:,} (after {WARM_UP} warm-up lines), "
            "received as in the SQLite figure (two moving readings and a stable capture, some with a damage photo), "
            "each followed at once by its floor: its statements replayed through psycopg, in the same transaction, "
            "on a copy of the warehouse.",
            f"Statements per receive: median {statistics.median(counts):g}, from {min(counts)} to {max(counts)} "
            "(one transaction: the decision, its documents with their PDFs, its plate and its events).",
            "Held by one station alone, from the statement that takes it to its commit: the document counters (the "
            "PDFs are drawn while they are held) "
            f"median {_ms(statistics.median(counter_held))} (p95 {_ms(percentile(counter_held, 0.95))}), the "
            f"audit chain's head median {_ms(statistics.median(head_held))} (p95 {_ms(percentile(head_held, 0.95))}, "
            "once a receive).",
        ],
    )


def _replay(connection, sent: list[tuple]) -> None:
    """The statements as the station sent them, each transaction committed where the station's was."""
    with connection.cursor() as cursor:
        for entry in sent:
            if entry[0] == "commit":
                connection.commit()
                continue
            _, text, parameters, many, _finished = entry
            if many and isinstance(parameters, list | tuple):  # a batch the station sent as one INSERT has one mapping
                cursor.executemany(text, parameters)
            else:
                cursor.execute(text, parameters)
                if cursor.description is not None:
                    cursor.fetchall()
    connection.commit()


def _holds(sent: list[tuple]) -> tuple[float, list[float]]:
    """How long the receive held its first document counter, and the audit head in each transaction."""
    counter_from = head_from = None
    counter, heads = 0.0, []
    for entry in sent:
        if entry[0] == "commit":
            if counter_from is not None:
                counter, counter_from = entry[1] - counter_from, None
            if head_from is not None:
                heads.append(entry[1] - head_from)
                head_from = None
            continue
        rows = hot_rows_taken(entry[1], entry[2])
        if rows == ["audit head"]:
            head_from = entry[4]
        elif rows and counter_from is None:
            counter_from = entry[4]
    return counter, heads


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.2f} ms"
