"""``audit verify``: the chain replayed link by link and seal by seal, then every row that decides
money or rights held against the digest the chain recorded for it, then this station's document
routing held against its last recorded change."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from receiving_app.domain.audit import ChainBreak, ChainedEvent, find_first_break
from receiving_app.domain.sealed_rows import RowDifference, RowLedger
from receiving_app.persistence.row_sealing import current_digests, sealed_table_names
from receiving_app.persistence.unit_of_work import UnitOfWork


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


@dataclass(frozen=True)
class ChainReport:
    events: int
    first_break: ChainBreak | RowDifference | RoutingDifference | None  # the first problem found
    head_hash: str = ""


def check_audit_trail(uow: UnitOfWork, routing: StationRouting | None = None) -> ChainReport:
    head = uow.records.audit_head()
    ledger = RowLedger()
    recorded_routing: dict[str, str] = {}
    first_break: ChainBreak | RowDifference | RoutingDifference | None = find_first_break(
        _recorded_into(ledger, recorded_routing, uow.records.audit_chain()), head=head, key=uow.chain_key()
    )
    for table in sealed_table_names():
        if first_break is not None:
            break
        first_break = ledger.first_difference(table, current_digests(uow.session, table))
    if first_break is None and routing is not None:
        first_break = _routing_difference(routing, recorded_routing.get(routing.station_id))
    return ChainReport(head.sequence, first_break, head.hash)


def _recorded_into(
    ledger: RowLedger, routing: dict[str, str], events: Iterable[ChainedEvent]
) -> Iterator[ChainedEvent]:
    for event in events:
        ledger.add(event.sealed_rows)
        if event.event_type == "settings_changed":
            payload = json.loads(event.payload)
            if "routing" in payload:
                routing[payload.get("station_id", event.station)] = payload["routing"]
        yield event


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
