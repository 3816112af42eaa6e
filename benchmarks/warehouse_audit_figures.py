"""The full verify of a warehouse's own chain: `audit verify --full` of the demo warehouse of ``--size``
RMAs and of a tenth of it (the slope), on SQLite and PostgreSQL; floor: SHA-256 alone over the bytes the
verify hashes (every event's hashed text and every sealed row's canonical text), measured in the same run.

The audit figures (audit_figures.py) replay chains copied from a few dozen lines, which hold almost no
rows. A warehouse's chain seals every row that decides money or rights, and a full verify digests
each of them again: in the demo warehouse, every order line and RMA line (about three rows for every
event), so that the rows, not the chain, are most of the time. Each figure verifies a copy of the warehouse
as it was built, not the copy the other figures receive into: its subject stays the same whatever ran before.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from benchmarks import audit_data
from benchmarks.audit_figures import full_verifies
from benchmarks.context import Context
from benchmarks.core import Result
from benchmarks.search_figures import tenth


def audit_warehouse_sqlite(ctx: Context) -> Result:
    """`audit verify --full` of the warehouse of ``--size`` RMAs, SQLite."""
    return _warehouse(ctx, "sqlite", lambda: ctx.sqlite_copy("audited"))


def audit_warehouse_sqlite_tenth(ctx: Context) -> Result:
    """`audit verify --full` of a warehouse of a tenth as many RMAs, SQLite."""
    return _warehouse(ctx, "sqlite_tenth", lambda: ctx.sqlite_url(tenth(ctx.size)))


def audit_warehouse_postgresql(ctx: Context) -> Result:
    """`audit verify --full` of the warehouse of ``--size`` RMAs, PostgreSQL (same server, TCP)."""
    return _warehouse(ctx, "postgresql", lambda: ctx.postgres_copy("audited"))


def audit_warehouse_postgresql_tenth(ctx: Context) -> Result:
    """`audit verify --full` of a warehouse of a tenth as many RMAs, PostgreSQL."""
    return _warehouse(ctx, "postgresql_tenth", lambda: ctx.postgres_url(tenth(ctx.size)))


@dataclass
class _Warehouse:
    station: object
    event_bytes: list[bytes]
    row_bytes: list[bytes]


# Once a run: the profile pass verifies the same copy again, with the same floor.
_BUILT: dict[tuple[int, str], _Warehouse] = {}


def _warehouse(ctx: Context, name: str, copy: Callable[[], str]) -> Result:
    if (id(ctx), name) not in _BUILT:
        station = ctx.station(copy())
        _BUILT[(id(ctx), name)] = _Warehouse(station, audit_data.hashed_bytes(station, 0), _row_texts(station))
    built = _BUILT[(id(ctx), name)]
    event_bytes, row_bytes = built.event_bytes, built.row_bytes
    repeats = 1 if ctx.profiling else 3
    samples, floor_samples, intact, report = full_verifies(ctx, built.station, event_bytes + row_bytes, repeats)
    rows = report.rows_checked
    median = sorted(samples)[len(samples) // 2]
    return Result(
        "time",
        samples,
        floor_samples=floor_samples,
        floor_label="SHA-256 alone",
        checks={
            "chain and rows intact": intact,
            "every event replayed": report.replayed == report.events,
            "every sealed row held against its record": rows is not None and rows.rows == len(row_bytes),
        },
        notes=[
            f"{repeats} full verifies (after one untimed) of a warehouse's own chain: {report.events:,} events "
            f"replayed in {_processes(report.processes)}, then its {len(row_bytes):,} sealed rows (every table that "
            f"decides money or rights) digested and held against their records in "
            f"{_processes(rows.processes if rows else 1)}; {median / len(row_bytes) * 1e6:.2f} µs per row all told. "
            f"The floor hashes each event's hashed text ({_average(event_bytes)} bytes on average) and each row's "
            f"canonical text ({_average(row_bytes)} bytes), interleaved with the verifies.",
        ],
    )


def _row_texts(station) -> list[bytes]:
    """Every sealed row's canonical text, as its digest is taken of it."""
    from sqlalchemy import select

    from receiving_app.domain.sealed_rows import row_text
    from receiving_app.persistence.row_sealing import sealed_table_names
    from receiving_app.persistence.table_base import Base

    texts = []
    with station.units.engine.connect() as connection:
        for name in sealed_table_names():
            rows = connection.execute(select(Base.metadata.tables[name]).execution_options(yield_per=5_000))
            texts += [row_text(row._mapping).encode() for row in rows]
    return texts


def _processes(count: int) -> str:
    return "one process" if count == 1 else f"{count} processes"


def _average(texts: list[bytes]) -> str:
    return f"{sum(len(text) for text in texts) / max(1, len(texts)):.0f}"
