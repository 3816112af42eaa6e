"""The clerk's running count for the status bar: the RMA lines, the units (cartridges) and the money
refunded today, by the signed-in clerk and at this station.

Today is the bench's calendar day, as in the daily report, and a voided decision counts nowhere, so
the count agrees with the report a supervisor prints at the end of the day.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, tzinfo

from receiving_app.domain.money import Money
from receiving_app.persistence.unit_of_work import UnitOfWorkFactory
from receiving_app.services.report_days import day_period, local


@dataclass(frozen=True, slots=True)
class WorkDone:
    lines: int  # RMA lines with at least one unit decided
    units: int
    refunded: tuple[Money, ...]  # one amount per currency the decisions were in; none without decisions


@dataclass(frozen=True, slots=True)
class DayCount:
    day: date
    clerk: WorkDone
    station: WorkDone


class DayCountService:
    """``zone`` is the bench's time zone (None: this machine's)."""

    def __init__(self, units: UnitOfWorkFactory, *, zone: tzinfo | None = None) -> None:
        self._units = units
        self._zone = zone

    def today(self, user: str, station: str) -> DayCount:
        """What ``user`` and the station ``station`` have decided since midnight where the bench is."""
        with self._units.read() as uow:
            uow.reports.begin_report()  # the clerk's part never exceeds the station's
            day = local(uow.clock(), self._zone).date()
            start, end = (moment.astimezone(UTC) for moment in day_period(day, self._zone))
            clerk = WorkDone(*uow.records.clerk_work(start, end, user))
            bench = WorkDone(*uow.records.station_work(start, end, station))
        return DayCount(day, clerk, bench)
