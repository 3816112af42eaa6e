"""Aging: what waits longer than it should, for the back office's view, `receiving-app aging` and the daily
report's Aging section.

An RMA is late to arrive when it is still open, nothing of it has reached the bench and no parcel of it
was checked in, more than its seller's ``arrival_days`` after the authorization (whole days on the
station's calendar); a parcel is late for the bench when its RMA still has an open line with no unit
inspected more than the station's ``aging_inspection_hours`` after the parcel was checked in; every line
on hold is listed with how long it has been held (from its ``line_held`` audit event); and a return
without an RMA is late when it is still open more than the station's ``aging_unidentified_days`` after it
was recorded. Exactly at a limit is not late. The lists are in ``aging_model``; the queries in
``persistence/aging_records.py``.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from datetime import datetime, timedelta, tzinfo
from typing import TYPE_CHECKING

from receiving_app.domain.errors import InputError
from receiving_app.domain.policy import DEFAULT_ARRIVAL_DAYS, Policy
from receiving_app.persistence.unit_of_work import UnitOfWork, UnitOfWorkFactory
from receiving_app.services.aging_model import (
    ACTIONS,
    DEFAULT_INSPECTION_HOURS,
    DEFAULT_UNIDENTIFIED_DAYS,
    AgingLimits,
    AgingList,
    AgingRow,
    AgingView,
)
from receiving_app.services.report_days import aware, local
from receiving_app.services.report_privacy import clean_note
from receiving_app.services.settings import MAX_INSPECTION_HOURS, MAX_UNIDENTIFIED_DAYS

if TYPE_CHECKING:
    from receiving_app.persistence.report_periods import NamedRow

MAX_LISTED = 500
"""The view lists at most this many of each list, the oldest (it counts them all)."""


class AgingService:
    """The aging of one database under the sellers' ``policies`` (each read as it is in effect when asked)
    and the station's two limits; ``zone`` is the station's time zone (None: this machine's), whose
    calendar counts an authorization's days."""

    def __init__(
        self,
        units: UnitOfWorkFactory,
        policies: Mapping[str, Policy],
        *,
        inspection_hours: int = DEFAULT_INSPECTION_HOURS,
        unidentified_days: int = DEFAULT_UNIDENTIFIED_DAYS,
        zone: tzinfo | None = None,
    ) -> None:
        if not 1 <= inspection_hours <= MAX_INSPECTION_HOURS:
            raise InputError(f"aging_inspection_hours must be a whole number from 1 to {MAX_INSPECTION_HOURS}")
        if not 1 <= unidentified_days <= MAX_UNIDENTIFIED_DAYS:
            raise InputError(f"aging_unidentified_days must be a whole number from 1 to {MAX_UNIDENTIFIED_DAYS}")
        self._units = units
        self._policies = policies
        self._zone = zone
        self._inspection_hours = inspection_hours
        self._unidentified_days = unidentified_days

    @property
    def limits(self) -> AgingLimits:
        """The limits now: each seller's days from its policy in effect, the station's hours and days."""
        return AgingLimits(
            arrival_days={policy_id: policy.arrival_days for policy_id, policy in self._policies.items()},
            inspection_hours=self._inspection_hours,
            unidentified_days=self._unidentified_days,
        )

    def aging(self, now: datetime | None = None, *, listed: int = MAX_LISTED) -> AgingView:
        """What waits longer than it should at ``now`` (default: the database's clock now), each list's
        oldest ``listed`` rows with its whole count. A time without a zone is the station's."""
        with self._units.read() as uow:
            uow.reports.begin_report()  # the four lists read one moment
            as_of = aware(now, self._zone) if now is not None else uow.clock()
            return self.view_in(uow, as_of, zone=self._zone, listed=listed)

    def view_in(self, uow: UnitOfWork, as_of: datetime, *, zone: tzinfo | None, listed: int) -> AgingView:
        """The view read in a unit of work already open (the daily report reads it in its own snapshot)."""
        sellers = {policy_id: policy.seller for policy_id, policy in self._policies.items()}
        return aging_in(uow, as_of, limits=self.limits, sellers=sellers, zone=zone, listed=listed)


def aging_in(
    uow: UnitOfWork,
    as_of: datetime,
    *,
    limits: AgingLimits,
    sellers: Mapping[str, str],
    zone: tzinfo | None,
    listed: int,
) -> AgingView:
    """The aging view at ``as_of`` (aware), read in ``uow``; ``sellers`` names each policy id's seller."""
    today = local(as_of, zone).date()
    records = uow.records

    def seller(policy: str | None) -> str:
        return sellers.get(policy, policy) if policy else ""

    late_before = {policy: today - timedelta(days=days) for policy, days in limits.arrival_days.items()}
    count, found = records.rmas_not_arrived(late_before, today - timedelta(days=DEFAULT_ARRIVAL_DAYS), as_of, listed)
    not_arrived = AgingList(
        "not_arrived",
        count,
        tuple(
            AgingRow(
                rma.number,
                seller(rma.seller_id),
                rma.seller_id,
                rma.reported_on,
                timedelta(days=(today - rma.reported_on).days),
                ACTIONS["not_arrived"],
            )
            for rma in found
        ),
    )
    count, found = records.rmas_not_inspected(as_of - timedelta(hours=limits.inspection_hours), listed)
    not_inspected = AgingList(
        "not_inspected",
        count,
        tuple(
            AgingRow(
                rma.number,
                seller(rma.seller_id),
                rma.seller_id,
                local(rma.arrived_at, zone),
                as_of - rma.arrived_at,
                ACTIONS["not_inspected"],
            )
            for rma in found
        ),
    )
    count, found = records.unidentified_open(as_of - timedelta(days=limits.unidentified_days), as_of, listed)
    unidentified = AgingList(
        "unidentified",
        count,
        tuple(
            AgingRow(
                parcel.number,
                seller(parcel.found_with_seller),
                parcel.found_with_seller,
                local(parcel.recorded_at, zone),
                as_of - parcel.recorded_at,
                ACTIONS["unidentified"],
                lpn=parcel.lpn,
                place=parcel.place,
            )
            for parcel in found
        ),
    )
    return AgingView(
        as_of=local(as_of, zone),
        limits=limits,
        not_arrived=not_arrived,
        not_inspected=not_inspected,
        on_hold=_held(uow, as_of, sellers=sellers, zone=zone, listed=listed),
        unidentified=unidentified,
    )


def _held(
    uow: UnitOfWork, as_of: datetime, *, sellers: Mapping[str, str], zone: tzinfo | None, listed: int
) -> AgingList:
    """Lines on hold that were put on hold before ``as_of`` (or whose hold left no event), longest held
    first; a hold whose start is not known comes last."""
    lines = uow.reports.lines_on_hold()
    since = _held_since(uow, lines)
    rows = []
    for line in lines:
        held_at = since.get((line.rma, line.line))
        if held_at is not None and held_at >= as_of:
            continue  # held after the moment asked about
        rows.append(
            AgingRow(
                line.rma,
                sellers.get(line.seller_id, line.seller_id),
                line.seller_id,
                local(held_at, zone) if held_at is not None else None,
                as_of - held_at if held_at is not None else None,
                ACTIONS["on_hold"],
                line=line.line,
                sku=line.sku,
                note=clean_note(line.note, line, personal=False),
            )
        )
    rows.sort(key=lambda held: (held.since is None, held.since or as_of, held.number, held.line or 0))
    return AgingList("on_hold", len(rows), tuple(rows[:listed]))


def _held_since(uow: UnitOfWork, lines: Sequence[NamedRow]) -> dict[tuple[str, int], datetime]:
    """When each line's hold in force was set: the last ``line_held`` event of the line."""
    since: dict[tuple[str, int], datetime] = {}
    for event in uow.reports.hold_events([line.rma for line in lines]):
        try:
            line_no = int(json.loads(event.payload)["line"])
        except (ValueError, KeyError, TypeError):
            continue
        since[(event.rma_number, line_no)] = event.at  # oldest first: the last one is the hold in force
    return since
