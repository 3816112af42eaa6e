"""``audit verify``: the chain replayed link by link and seal by seal, then every row that decides
money or rights held against the digest the chain recorded for it."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from receiving_app.domain.audit import ChainBreak, ChainedEvent, find_first_break
from receiving_app.domain.sealed_rows import RowDifference, RowLedger
from receiving_app.persistence.row_sealing import current_digests, sealed_table_names
from receiving_app.persistence.unit_of_work import UnitOfWork


@dataclass(frozen=True)
class ChainReport:
    events: int
    first_break: ChainBreak | RowDifference | None  # the first problem found, chain before rows
    head_hash: str = ""


def check_audit_trail(uow: UnitOfWork) -> ChainReport:
    head = uow.records.audit_head()
    ledger = RowLedger()
    first_break: ChainBreak | RowDifference | None = find_first_break(
        _recorded_into(ledger, uow.records.audit_chain()), head=head, key=uow.chain_key()
    )
    for table in sealed_table_names():
        if first_break is not None:
            break
        first_break = ledger.first_difference(table, current_digests(uow.session, table))
    return ChainReport(head.sequence, first_break, head.hash)


def _recorded_into(ledger: RowLedger, events: Iterable[ChainedEvent]) -> Iterator[ChainedEvent]:
    for event in events:
        ledger.add(event.sealed_rows)
        yield event
