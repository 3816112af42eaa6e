"""A history of decisions to replay draft policies over, and a calendar a test can move.

The history is the bench day of tests/support/bench_day.py (every outcome, a supervisor's
override, a return label deducted, shipping refunded, reasons found at the bench) and, before it,
the demo warehouse's RMAs received unit by unit on the same day: each ink and toner unit weighed
at 5 %, 50 %, 95 % or 100 % of its contents in turn (a full one sealed, the others opened), the
customers' own reasons and choices, every fact checked.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from receiving_app.bootstrap import bootstrap
from receiving_app.domain.facts import Condition, Flags
from receiving_app.locations import resources_dir
from receiving_app.persistence.all_tables import STATION_METADATA
from receiving_app.persistence.audit_tables import AuditEventRow
from receiving_app.services.commands import Approval, ReceiveLine
from receiving_app.services.demo import fill_demo
from receiving_app.services.errors import SupervisorNeeded
from receiving_app.services.station import Station
from receiving_app.services.views import DecisionView, RmaLineView
from tests.support.bench_day import BEFORE_THE_DAY, DAY, BenchClock, build_bench_day, local
from tests.support.receiving import OPENED, grams

DEMO_RMAS = 48
FILLS = (Decimal("0.05"), Decimal("0.5"), Decimal("0.95"), Decimal(1))
WEIGHED = ("ink", "toner")


class Calendar:
    """The station's today, which a test moves on (as midnight does)."""

    def __init__(self, day: date) -> None:
        self.day = day

    def __call__(self) -> date:
        return self.day


@dataclass(frozen=True)
class DecidedUnit:
    rma: str
    line: RmaLineView
    decision: DecisionView


def prepared_policy_history(url: str, folder: Path) -> None:
    """A template database holding the demo RMAs received and the bench day (see the module's note)."""
    station = bootstrap(url, settings_path=folder / "settings.json", today=lambda: DAY)
    try:
        fill_demo(station.units, resources_dir() / "demo" / "catalog.csv", rmas=DEMO_RMAS, seed=11, today=DAY)
        station.units.clock = BenchClock(local(6, 0))
        receive_every_open_unit(station)
        station.units.clock = BenchClock(BEFORE_THE_DAY)
        build_bench_day(station, folder)
    finally:
        station.close()


def receive_every_open_unit(station: Station) -> int:
    """Every open unit of every open RMA received as a clerk would (see the module's note); how many."""
    received = 0
    for rma in station.history.list_rmas("open"):
        for line in rma.lines:
            for unit in range(1, line.quantity + 1):
                fill = FILLS[received % len(FILLS)]
                command = ReceiveLine(
                    rma.number,
                    line.line,
                    "receiver",
                    "bench-1",
                    unit=unit,
                    condition=Condition.as_sold() if fill == 1 else OPENED,
                    flags=Flags.as_sold(),
                    virgin=False,
                    weight=grams(_weight(line, fill)) if line.category in WEIGHED else None,
                )
                try:
                    station.receiving.receive(command)
                except SupervisorNeeded:  # a full cartridge outside its catalog's sealed band
                    station.receiving.receive(_approved(command))
                received += 1
    return received


def standing_units(station: Station, seller: str) -> list[DecidedUnit]:
    """The seller's units with a decision that stands, read one RMA at a time through the history."""
    found = []
    for rma in station.history.list_rmas():
        if rma.policy != seller:
            continue
        detail = station.history.show_rma(rma.number)
        for decision in detail.decisions:
            if not decision.voided:
                found.append(DecidedUnit(rma.number, detail.rma.lines[decision.line - 1], decision))
    return found


def events_named(station: Station, event_type: str) -> list[dict[str, Any]]:
    """The payloads of the audit events of one type, in order."""
    with station.units.read() as uow:
        payloads = uow.session.execute(
            select(AuditEventRow.payload).where(AuditEventRow.event_type == event_type).order_by(AuditEventRow.sequence)
        ).scalars()
        return [json.loads(payload) for payload in payloads]


def every_table_count(station: Station) -> dict[str, int]:
    """How many rows each table of the station holds."""
    with station.units.read() as uow:
        return {
            table.name: uow.session.execute(select(func.count()).select_from(table)).scalar_one()
            for table in STATION_METADATA.sorted_tables
        }


def _weight(line: RmaLineView, fill: Decimal) -> Decimal:
    return (line.empty_g + (line.full_g - line.empty_g) * fill).quantize(Decimal("0.1"))


def _approved(command: ReceiveLine) -> ReceiveLine:
    return replace(command, approval=Approval("supervisor", "Weighed twice; the catalog's band is narrow"))
