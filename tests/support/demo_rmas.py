"""Picking the demo's open RMAs for a test, as a clerk's paperwork would, and reading back what was
recorded for them."""

from __future__ import annotations

from dataclasses import asdict

from receiving_app.domain.facts import Condition, Flags
from receiving_app.services.station import Station

WEIGHED = ("ink", "toner")
AS_SOLD = {**asdict(Condition.as_sold()), **asdict(Flags.as_sold())}
"""Every fact of a unit found new, sealed, bought here, nothing wrong, as a record's facts read."""


def open_rmas(station: Station, *, lines: int | None = None, policy: str | None = None):
    """Open RMAs from the demo, chosen through the services as a clerk's paperwork would."""
    return [
        rma
        for rma in station.history.list_rmas("open")
        if (lines is None or len(rma.lines) == lines) and (policy is None or rma.policy == policy)
    ]


def single_units(station, *, lines: int):
    """An open RMA of ``lines`` lines of one weighed cartridge each, the customer wanting a refund."""
    return next(
        rma
        for rma in open_rmas(station, lines=lines)
        if all(
            line.quantity == 1 and line.category in WEIGHED and line.customer_choice == "refund" for line in rma.lines
        )
    )


def decided_units(station, number: str) -> list[tuple[int, int]]:
    return [(decision.line, decision.unit) for decision in station.history.show_rma(number).decisions]


def recorded_facts(inspection) -> dict:
    return {**inspection.condition, **inspection.flags}
