"""Every sealed row held against its newest record in the chain, as a full ``audit verify`` does: in
this process or, in a large warehouse, split between processes (``process_split``), each digesting
whole tables or key ranges of the largest ones from a connection of its own.

A row's digest is microseconds of Python, and a year of a busy warehouse holds millions of rows.
The processes must see the rows as the replay saw the chain. On PostgreSQL each reads the verify's
own snapshot, shared with them. SQLite cannot share one, so each process compares the audit head it
sees with the verify's: every transaction that writes a sealed row moves the head, so the same head
means the same rows. When a station committed in between, the rows are checked again here, in the
verify's own snapshot.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from itertools import groupby
from operator import attrgetter

from receiving_app.domain.sealed_rows import KeyRange, RowDifference, RowLedger, first_of_ranges
from receiving_app.persistence.row_sealing import TableSize, current_digests, sealed_table_names, sealed_table_sizes
from receiving_app.persistence.unit_of_work import UnitOfWork
from receiving_app.services.process_split import process_pool, processes_for, split_ranges

SPLIT_FROM = 100_000  # rows; fewer are digested sooner than processes start

Stretch = tuple[str, KeyRange | None]  # a table, and the range of its keys (None: the whole table)


@dataclass(frozen=True)
class _Verify:
    """What a process needs to check its share as the verify would."""

    url: str
    snapshot: str | None  # the verify's snapshot, where the database can share it
    head: int  # the audit head the verify replayed to
    as_many_rows: frozenset[str]  # the tables holding as many rows as they have records


@dataclass(frozen=True)
class RowCheck:
    first_difference: RowDifference | None
    rows: int  # the sealed rows there are
    processes: int = 1  # the processes that digested them


def check_every_sealed_row(uow: UnitOfWork, ledger: RowLedger, head: int) -> RowCheck:
    """The first sealed row, table by table in key order, that differs from the ledger's record,
    has none, or is recorded but gone."""
    sizes = sealed_table_sizes(uow.session)
    rows = sum(size.rows for size in sizes.values())
    as_many_rows = frozenset(table for table, size in sizes.items() if size.rows == ledger.records(table))
    processes = processes_for(rows, SPLIT_FROM)
    if processes > 1:
        stretches = _stretches(sizes, processes)
        verify = _Verify(uow.records.connection_url(), uow.records.snapshot_to_share(), head, as_many_rows)
        shares = _shares(stretches, processes)
        found = _split(verify, ledger, shares)
        if found is not None:
            return RowCheck(_first_by_table(found[stretch] for stretch, _rows in stretches), rows, len(shares))
    for table in sealed_table_names():
        current = current_digests(uow.session, table)
        difference = ledger.first_difference(table, current, as_many_rows=table in as_many_rows)
        if difference is not None:
            return RowCheck(difference, rows)
    return RowCheck(None, rows)


def _stretches(sizes: dict[str, TableSize], processes: int) -> list[tuple[Stretch, float]]:
    """Each table whole, but for the largest: their whole-number keys cut into a range per process, the
    first and the last open-ended so that a recorded row deleted beyond the keys there are now is still
    looked for. Each with about the rows it holds."""
    stretches: list[tuple[Stretch, float]] = []
    for table, size in sizes.items():
        if size.keys is not None and size.rows >= SPLIT_FROM // 2:
            ranges: list[KeyRange] = list(split_ranges(*size.keys, processes))
            ranges[0], ranges[-1] = (None, ranges[0][1]), (ranges[-1][0], None)
            stretches += [((table, keys), size.rows / len(ranges)) for keys in ranges]
        else:
            stretches.append(((table, None), size.rows))
    return stretches


def _shares(stretches: list[tuple[Stretch, float]], processes: int) -> list[list[Stretch]]:
    """The stretches dealt out, largest first, each to the process with the fewest rows so far."""
    shares: list[list[Stretch]] = [[] for _ in range(processes)]
    loads = [0.0] * processes
    for stretch, rows in sorted(stretches, key=lambda weighed: weighed[1], reverse=True):
        lightest = loads.index(min(loads))
        shares[lightest].append(stretch)
        loads[lightest] += rows
    return [share for share in shares if share]


def _split(
    verify: _Verify, ledger: RowLedger, shares: list[list[Stretch]]
) -> dict[Stretch, RowDifference | None] | None:
    """Each share in a process of its own; None when one of them saw a later head."""
    # The ledger reaches the processes through their initializer: forked, it is not pickled.
    with process_pool(len(shares), _hold_ledger, (ledger,)) as pool:
        parts = [pool.submit(_check_in_a_process, verify, share) for share in shares]
        results = [part.result() for part in parts]
    found: dict[Stretch, RowDifference | None] = {}
    for result in results:
        if result is None:
            return None
        found.update(result)
    return found


_ledger = RowLedger()  # in a process of the split: the verify's ledger, given when the process starts


def _hold_ledger(ledger: RowLedger) -> None:
    global _ledger
    _ledger = ledger


def _check_in_a_process(verify: _Verify, share: list[Stretch]) -> dict[Stretch, RowDifference | None] | None:
    from receiving_app.persistence.database import create_database_engine
    from receiving_app.persistence.unit_of_work import UnitOfWorkFactory

    engine = create_database_engine(verify.url)
    try:
        with UnitOfWorkFactory(engine).read() as uow:
            uow.records.hold_one_snapshot(shared=verify.snapshot)
            if uow.records.audit_head().sequence != verify.head:
                return None
            return {
                (table, keys): _ledger.first_difference(
                    table, current_digests(uow.session, table, keys), keys, as_many_rows=table in verify.as_many_rows
                )
                for table, keys in share
            }
    finally:
        engine.dispose()


def _first_by_table(differences: Iterable[RowDifference | None]) -> RowDifference | None:
    """The first table's first difference, from its stretches' (given table by table, in key order)."""
    for _table, found in groupby(filter(None, differences), key=attrgetter("table")):
        return first_of_ranges(found)
    return None
