"""Where a decided unit goes: its route from the warehouse's routing file, its license plate, and the
stock a restocked unit adds.

Sorting rests on the same rule as deciding: a route is chosen only on facts the clerk set or the
scale measured. When the routing file needs a fact nobody checked (most often whether an OEM empty
was ever refilled), the unit is not decided until the clerk answers, as for a missing check.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

from receiving_app.domain.engine import MissingFact
from receiving_app.domain.facts import Category, ReturnReason, fact_label
from receiving_app.domain.judgement import Judgement
from receiving_app.domain.policy import Policy
from receiving_app.domain.routing import Make, NeedsFacts, Route, Routed, RoutingTable, UnitForRouting
from receiving_app.persistence.decision_tables import DecisionRow
from receiving_app.persistence.disposition_tables import LicensePlateRow, StockMoveRow
from receiving_app.persistence.rma_tables import RmaLineRow
from receiving_app.persistence.unit_of_work import UnitOfWork
from receiving_app.services.commands import ReceiveLine

LICENSE_PLATE_COUNTER = "license_plate"
"""License plates are numbered from a counter beside the documents' own, gapless in the same way."""


LICENSE_PLATE_PREFIX = "LP"  # every plate's number begins so, whatever else a scan can be


def license_plate_number(sequence: int) -> str:
    return f"{LICENSE_PLATE_PREFIX}{sequence:08d}"


def route_of(routing: RoutingTable, line: RmaLineRow, command: ReceiveLine, judgement: Judgement) -> Routed:
    """The unit's route; raises MissingFact naming what the routing file still needs checked."""
    decision = judgement.decision
    answer = routing.route_for(
        UnitForRouting(
            outcome=decision.outcome,
            reason=command.reason or ReturnReason(line.reason),
            category=Category(line.item.category),
            brand=line.item.brand,
            make=Make(line.item.make),
            fill_fraction=decision.fill_fraction,
            condition=command.condition,
            virgin=command.virgin,
            contradicted=bool(judgement.contradictions),
        )
    )
    if isinstance(answer, NeedsFacts):
        missing = tuple(fact_label(name).lower() for name in answer.facts)
        raise MissingFact(
            f"route.{answer.facts[0]}",
            f"not checked yet ({', '.join(missing)}): the warehouse's routes need it to sort this cartridge",
            missing,
        )
    return answer


def restock(
    uow: UnitOfWork, line: RmaLineRow, decision: DecisionRow, routed: Routed, command: ReceiveLine, now: datetime
) -> str | None:
    """For a route to saleable stock, adds the unit to the stock ledger, in the receiving transaction (so
    that a unit is decided, plated and stocked together); returns the stock grade, None off stock."""
    grade = routed.route.stock_grade
    if grade is not None:
        uow.records.add(
            StockMoveRow(
                sku=line.sku,
                grade=grade,
                quantity=1,
                kind="restocked",
                decision=decision,
                moved_at=now,
                moved_by=command.user,
                station_id=command.station,
            )
        )
    return grade


def sort_unit(
    uow: UnitOfWork,
    line: RmaLineRow,
    decision: DecisionRow,
    routed: Routed,
    routing: RoutingTable,
    command: ReceiveLine,
    now: datetime,
    held_until: date | None = None,
    *,
    sequence: int,
) -> LicensePlateRow:
    """Puts the unit's license plate, numbered ``sequence`` from the ``LICENSE_PLATE_COUNTER`` (taken by the
    caller with the transaction's other numbers), on the unit: attached to the decision, for the caller
    to write with its documents (``write_issued``); ``restock`` stocks it. A unit on a hold route is kept
    until ``held_until``, the day its hold ends."""
    plate = LicensePlateRow(
        lpn=license_plate_number(sequence),
        sequence=sequence,
        decision_id=decision.id,
        route=routed.route.name,
        route_label=routed.route.label,
        routing_version=routing.version,
        rule=routed.rule,
        assigned_at=now,
        station_id=command.station,
        grams=command.weight.grams if command.weight is not None else line.item.full_g,
        held_until=held_until if routed.route.is_hold else None,
    )
    uow.records.attach_issued(decision, plate=plate)  # written with the documents (``write_issued``)
    return plate


def where_it_went(plate: LicensePlateRow, routed: Routed) -> dict[str, Any]:
    """What the decision's audit event says of where its unit went (``sorted``): the plate, the route and
    the routing rule that chose it, the stock grade it went into, and on a hold route the day its hold ends."""
    grade = routed.route.stock_grade
    return {
        "lpn": plate.lpn,
        "route": plate.route,
        "rule": plate.rule,
        "routing_version": plate.routing_version,
        **({"stock_grade": grade} if grade else {}),
        **({"held_until": plate.held_until.isoformat()} if plate.held_until else {}),
    }


def hold_end(route: Route, policy: Policy, received_on: date) -> date | None:
    """The day a unit on a hold route stops being kept: the seller's own number of days where its policy
    sets one, else the route's, counted from the day the parcel arrived."""
    days = policy.hold_denied_days or route.hold_days_default
    return received_on + timedelta(days=days) if route.is_hold and days else None


def take_back_stock(uow: UnitOfWork, decision: DecisionRow, *, user: str, station: str, now: datetime) -> str | None:
    """When a decision is voided, the unit it restocked leaves the stock ledger; returns its grade."""
    restocked = uow.records.restock_of_decision(decision.id)
    if restocked is None:
        return None
    uow.records.add(
        StockMoveRow(
            sku=restocked.sku,
            grade=restocked.grade,
            quantity=-1,
            kind="decision_voided",
            decision_id=decision.id,
            moved_at=now,
            moved_by=user,
            station_id=station,
        )
    )
    return restocked.grade
