"""What a decided line costs the database: lines received through the services, a batch at a time, and
the database's growth after each batch divided by its lines, with where the bytes went, table by table
(each with its indexes; on PostgreSQL with its TOAST storage too)."""

from __future__ import annotations

import random
from collections import Counter

from benchmarks import data
from benchmarks.context import Context
from benchmarks.core import Result

BATCHES = 6


def database_per_line_sqlite(ctx: Context) -> Result:
    """Bytes of the SQLite file's pages (dbstat) per decided line."""
    return _per_line(ctx, ctx.sqlite_url(), "BENCH-01", _sqlite_sizes)


def database_per_line_postgresql(ctx: Context) -> Result:
    """Bytes of the tables, their indexes and TOAST (pg_total_relation_size) per decided line."""
    return _per_line(ctx, ctx.postgres_url(), "BENCH-PG", _postgres_sizes)


def _sqlite_sizes(session) -> Counter:
    from sqlalchemy import text

    # An index is counted with its table (dbstat names the index; sqlite_schema says whose it is).
    owners = dict(
        session.execute(text("SELECT name, tbl_name FROM sqlite_schema WHERE type IN ('table', 'index')")).all()
    )
    sizes: Counter = Counter()
    for name, size in session.execute(text("SELECT name, sum(pgsize) FROM dbstat GROUP BY name")).all():
        sizes[owners.get(name, name)] += size
    return sizes


def _postgres_sizes(session) -> Counter:
    from sqlalchemy import text

    rows = session.execute(
        text(
            "SELECT relname, pg_total_relation_size(oid) FROM pg_class "
            "WHERE relkind = 'r' AND relnamespace = 'public'::regnamespace"
        )
    ).all()
    return Counter(dict(rows))


def _per_line(ctx: Context, url: str, station_id: str, sizes_of) -> Result:
    station = ctx.station(url)
    rng = random.Random(ctx.seed + 11)
    photo = data.thumbnail("#c8b49a", "box", "JPEG")  # the demo's damage photo, as the history builders use
    per_batch = max(1, ctx.scale.receives // BATCHES)
    lines: list[data.LineToReceive] = []
    while len(lines) < per_batch * BATCHES:
        lines += data.open_lines(station, ctx.picker(url).take(per_batch * BATCHES - len(lines)))

    def sizes() -> Counter:
        with station.units.read() as uow:
            return sizes_of(uow.session)

    samples, photos, documents = [], 0, 0
    first = before = sizes()
    first_event = _last_event(station)
    opened = None
    for start in range(0, per_batch * BATCHES, per_batch):
        for line in lines[start : start + per_batch]:
            if line.rma_number != opened:
                data.open_as_the_window_does(station.rma_opening, line.rma_number, station=station_id)
                opened = line.rma_number
            command = data.receive_command(line, rng, station=station_id, damage_photo=photo)
            result = station.receiving.receive(command)
            photos += len(command.photos)
            documents += len(result.decision.documents)
        after = sizes()
        samples.append((sum(after.values()) - sum(before.values())) / per_batch)
        before = after
    received = per_batch * BATCHES
    grown = {table: (before[table] - first[table]) / received for table in before}
    biggest = sorted(((size, table) for table, size in grown.items() if size > 0), reverse=True)[:8]
    events = _events_since(station, first_event)
    return Result(
        "bytes",
        samples,
        notes=[
            f"{received} lines of RMAs picked at random among {ctx.size:,}, received through the services in "
            f"{BATCHES} batches of {per_batch} (each sample: one batch's growth over its lines), with their RMAs' "
            f"opening events; {documents} documents issued and stored, {photos} lines with the demo's damage photo "
            f"({len(photo):,} bytes as taken).",
            "Per line, by table (with its indexes): "
            + ", ".join(f"{table} {size / 1024:,.1f} KiB" for size, table in biggest)
            + ".",
            f"Audit events per line: {sum(count for count, _ in events.values()) / received:.2f}, "
            + ", ".join(
                f"{kind} {count / received:.2f} ({size / count:,.0f} bytes of payload and seals each)"
                for kind, (count, size) in sorted(events.items(), key=lambda item: -item[1][0])
            )
            + ".",
        ],
    )


def _last_event(station) -> int:
    from sqlalchemy import text

    with station.units.read() as uow:
        return uow.session.execute(text("SELECT coalesce(max(sequence), 0) FROM audit_events")).scalar_one()


def _events_since(station, sequence: int) -> dict[str, tuple[int, int]]:
    """Each kind of audit event written since ``sequence``: how many, and their payloads' and seals' bytes."""
    from sqlalchemy import text

    with station.units.read() as uow:
        rows = uow.session.execute(
            text(
                "SELECT event_type, count(*), sum(length(payload) + coalesce(length(sealed_rows), 0)) "
                "FROM audit_events WHERE sequence > :after GROUP BY event_type"
            ),
            {"after": sequence},
        ).all()
    return {kind: (count, size) for kind, count, size in rows}
