"""Shift and daily reports: what the bench did in a day or a shift, added up in the database.

A report covers the standing decisions made in its period, by the moment each unit was received
and decided at a bench (``decided_at``): lines by outcome, refunds by method with their money,
restocking fees collected, denials by reason code, the fill level of denied cartridges, counts
per operator, per station and per overriding supervisor, and the lines on hold. Every figure is
a GROUP BY in the database; money is summed there as integer cents and comes back as Money, so
totals are exact and the parts of every table add up to its total row.

It also lists what a reader must know to trust those figures: the decisions voided in the period
(in no total; see ``report_model``), the decisions whose reason or choice the bench found otherwise
than the customer said, and those a supervisor let stand over a contradicting weight.

And where the period's units went: its standing decisions counted by route with the value the
routing file gives each route (a unit's value times the units, in whole cents), the containers
closed in the period with their units and weight as their manifests print them, and what the stock
ledger gained (restocks less the voids in the period, by SKU and grade).

Last, what waits longer than it should (``aging``), from every station, as of the period's end or when
the report was made if that came first: RMAs not arrived within their seller's days, parcels not
inspected within the station's hours, lines on hold, and returns without an RMA open past the
station's days.

The work is split by job: ``report_model`` (the frozen report), ``report_figures`` (rows added up),
``report_privacy`` (customer details), ``report_days`` (days, shifts, time zones),
``report_tables`` (the sections) and ``report_export`` (PDF and CSV). This module runs the
queries and puts the report together, and keeps the names other code imports from it.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta, tzinfo
from typing import TYPE_CHECKING

from receiving_app.documents.model import PageSize
from receiving_app.domain.currencies import currency_problem
from receiving_app.domain.errors import InputError
from receiving_app.domain.routing import RoutingTable
from receiving_app.persistence.unit_of_work import UnitOfWork, UnitOfWorkFactory
from receiving_app.services.aging import MAX_LISTED, AgingService, aging_in
from receiving_app.services.aging_model import AgingLimits, AgingView
from receiving_app.services.report_days import MAX_PERIOD, day_period, local, parse_report_day, shift_period
from receiving_app.services.report_export import EXPORT_FORMATS, export_format, export_report, report_csv, report_pdf
from receiving_app.services.report_figures import (
    Totals,
    containers_of_period,
    fill_levels,
    findings_of_period,
    period_currency,
    routes_of_period,
    stock_of_period,
    voids_of_period,
)
from receiving_app.services.report_model import (
    FILL_BUCKETS,
    HOLDS_AHEAD,
    MAX_LISTED_FINDINGS,
    NO_METHOD,
    OUTCOMES,
    REFUND_METHODS,
    BenchFinding,
    BenchReport,
    ClosedContainer,
    FeesCollected,
    FillLevels,
    FindingCounts,
    HeldCartridge,
    HeldLine,
    OutcomeCount,
    ReasonCount,
    RefundsByMethod,
    RouteCount,
    StockAdded,
    VoidedDecision,
    VoidedLater,
    WorkCount,
)
from receiving_app.services.report_privacy import (
    REMOVED,
    ROLES_SEEING_PERSONAL_DATA,
    clean_note,
    customer_words,
    require_personal_data_role,
)
from receiving_app.services.report_tables import report_highlights, report_tables

if TYPE_CHECKING:
    from receiving_app.persistence.report_periods import NamedRow

__all__ = [
    "EXPORT_FORMATS",
    "FILL_BUCKETS",
    "MAX_LISTED_FINDINGS",
    "MAX_PERIOD",
    "NO_METHOD",
    "OUTCOMES",
    "REFUND_METHODS",
    "REMOVED",
    "ROLES_SEEING_PERSONAL_DATA",
    "STATION_LOOKBACK",
    "BenchFinding",
    "BenchReport",
    "ClosedContainer",
    "FeesCollected",
    "FillLevels",
    "FindingCounts",
    "HeldLine",
    "OutcomeCount",
    "ReasonCount",
    "RefundsByMethod",
    "ReportService",
    "RouteCount",
    "StockAdded",
    "VoidedDecision",
    "VoidedLater",
    "WorkCount",
    "clean_note",
    "export_format",
    "export_report",
    "parse_report_day",
    "report_csv",
    "report_highlights",
    "report_pdf",
    "report_tables",
]

STATION_LOOKBACK = timedelta(days=90)


class ReportService:
    """Reports over one database; ``routing`` names the routes and what a unit of each recovers, ``zone``
    is the bench's time zone (None: this machine's)."""

    def __init__(
        self,
        units: UnitOfWorkFactory,
        routing: RoutingTable,
        *,
        zone: tzinfo | None = None,
        page_size: PageSize = "letter",
        aging: AgingService | None = None,
    ) -> None:
        self._units = units
        self._routing = routing
        self._zone = zone
        self._page_size = page_size
        self._aging = aging

    def daily(
        self,
        day: date,
        station: str | None = None,
        *,
        include_personal_data: bool = False,
        user: str | None = None,
        currency: str | None = None,
    ) -> BenchReport:
        """The local calendar day ``day``, midnight to midnight, at ``station`` or every station; of the
        decisions in ``currency`` only, which a day of decisions in two currencies needs (None: the one
        currency the day's decisions are in)."""
        start, end = day_period(day, self._zone)
        return self._report("daily", day, start, end, station, include_personal_data, user, currency)

    def shift(
        self,
        start: datetime,
        end: datetime,
        station: str | None = None,
        *,
        include_personal_data: bool = False,
        user: str | None = None,
        currency: str | None = None,
    ) -> BenchReport:
        """From ``start`` up to (not including) ``end``; times without a zone are the bench's; ``currency``
        as for ``daily``."""
        start, end = shift_period(start, end, self._zone)
        return self._report("shift", None, start, end, station, include_personal_data, user, currency)

    def in_zone(self, zone: tzinfo | None) -> ReportService:
        """The same reports for a bench in ``zone``: its days and its clock."""
        return ReportService(self._units, self._routing, zone=zone, page_size=self._page_size, aging=self._aging)

    def station_ids(self) -> list[str]:
        """Stations that decided anything in the last 90 days, for a station picker."""
        with self._units.read() as uow:
            return uow.reports.station_ids(uow.clock() - STATION_LOOKBACK)

    def today(self) -> date:
        """Today where the bench is."""
        with self._units.read() as uow:
            now = uow.clock()
        return self._local(now).date()

    # The work ------------------------------------------------------------------------------

    def _report(
        self,
        kind: str,
        day: date | None,
        start: datetime,
        end: datetime,
        station: str | None,
        personal: bool,
        user: str | None,
        chosen_currency: str | None,
    ) -> BenchReport:
        station = (station or "").strip() or None
        if chosen_currency is not None and (problem := currency_problem(chosen_currency)) is not None:
            raise InputError(f"The report's currency {problem}.")
        start_utc, end_utc = start.astimezone(UTC), end.astimezone(UTC)
        with self._units.read() as uow:
            reports = uow.reports
            reports.begin_report()  # every query below reads the same moment
            if personal:
                require_personal_data_role(uow, user)
            reports.only_in_currency(chosen_currency)
            groups = reports.decision_groups(start_utc, end_utc, station)
            voided = reports.voided_decisions(start_utc, end_utc, station)
            found, finding_counts = self._found(uow, start_utc, end_utc, station)
            currency = chosen_currency or period_currency(groups, voided, found)
            totals = Totals(groups, currency)
            reasons = reports.denial_reason_counts(start_utc, end_utc, station)
            fill = fill_levels(reports.denied_fill_counts(start_utc, end_utc, station), denied=totals.denials())
            documents = reports.voided_documents([row.id for row in voided if row.voided_at < end_utc])
            holds = self._holds(uow, end_utc, station, personal)
            routes = reports.units_by_route(start_utc, end_utc, station)
            containers = reports.containers_closed(start_utc, end_utc, station)
            in_containers = reports.units_in_containers([row.id for row in containers])
            stock = reports.stock_moved(start_utc, end_utc, station)
            # The period's last day: a day's report ends at the next midnight, which is not its day.
            last_day = (self._local(end) - timedelta(microseconds=1)).date()
            ending = self._holds_ending(uow, last_day + HOLDS_AHEAD)
            head = uow.records.audit_head()
            generated = uow.clock()
            aging = self._aging_at(uow, min(end_utc, generated))
        voids, voided_later = voids_of_period(
            voided, documents, start_utc, end_utc, local=self._local, personal=personal, currency=currency
        )
        findings = findings_of_period(found, local=self._local, personal=personal)
        return BenchReport(
            kind=kind,
            day=day,
            start=self._local(start),
            end=self._local(end),
            station=station,
            generated_at=self._local(generated),
            personal_data=personal,
            outcomes=totals.outcomes(),
            refunds_by_method=totals.refunds_by_method(),
            fees=totals.fees(),
            denials_by_reason=tuple(ReasonCount(str(code), int(lines)) for code, lines in reasons),
            denied_fill=fill,
            operators=totals.work("operator"),
            stations=totals.work("station"),
            overrides=totals.work("overridden_by"),
            holds=holds,
            voids=voids,
            voided_later=voided_later,
            findings=findings,
            finding_counts=finding_counts,
            routes=routes_of_period(routes, self._routing),
            containers_closed=containers_of_period(containers, in_containers, self._routing, local=self._local),
            stock_added=stock_of_period(stock),
            holds_ending=ending,
            aging=aging,
            page_size=self._page_size,
            audit_head=(head.sequence, head.hash),
            currency=currency,
        )

    def _aging_at(self, uow: UnitOfWork, as_of: datetime) -> AgingView:
        """What waits longer than it should at ``as_of``, from every station (a late parcel is the
        warehouse's); under the station's limits, or the defaults where none were given."""
        if self._aging is not None:
            return self._aging.view_in(uow, as_of, zone=self._zone, listed=MAX_LISTED)
        return aging_in(uow, as_of, limits=AgingLimits(), sellers={}, zone=self._zone, listed=MAX_LISTED)

    @staticmethod
    def _holds_ending(uow: UnitOfWork, last_day: date) -> tuple[HeldCartridge, ...]:
        """Cartridges still held for their customers whose hold ends by ``last_day``, from every station
        (a hold shelf is the warehouse's, whichever bench decided the unit)."""
        held = []
        for plate in uow.records.holds_ending_by(last_day):
            assert plate.held_until is not None  # only held units are listed
            rma = uow.records.rma_number_of_license_plate(plate.lpn) or ""
            held.append(HeldCartridge(plate.lpn, rma, uow.records.sku_of_decision(plate.decision_id), plate.held_until))
        return tuple(held)

    @staticmethod
    def _found(
        uow: UnitOfWork, start: datetime, end: datetime, station: str | None
    ) -> tuple[Sequence[NamedRow], FindingCounts]:
        """The details of the period's findings to list (the first MAX_LISTED_FINDINGS recorded), and how many
        there are."""
        found = sorted(uow.reports.bench_finding_ids(start, end, station), key=lambda row: row.id)
        counts = FindingCounts(sum(row.changed for row in found), sum(row.contradicted for row in found))
        return uow.reports.bench_findings([row.id for row in found[:MAX_LISTED_FINDINGS]]), counts

    def _holds(self, uow: UnitOfWork, end: datetime, station: str | None, personal: bool) -> tuple[HeldLine, ...]:
        """Lines on hold now that were put on hold before the period ended (at ``station``, if one was chosen)."""
        lines = sorted(uow.reports.lines_on_hold(), key=lambda row: (row.rma, row.line))
        latest: dict[tuple[str, int], NamedRow] = {}
        for event in uow.reports.hold_events([row.rma for row in lines]):
            try:
                line_no = int(json.loads(event.payload)["line"])
            except (ValueError, KeyError, TypeError):
                continue
            latest[(event.rma_number, line_no)] = event  # oldest first: the last one is the hold in force
        held: list[HeldLine] = []
        for row in lines:
            hold = latest.get((row.rma, row.line))
            if hold is not None and hold.at >= end:
                continue  # put on hold after the period ended
            if station is not None and (hold is None or hold.station_id != station):
                continue  # held at another station, or where is not known
            held.append(
                HeldLine(
                    rma=row.rma,
                    line=row.line,
                    sku=row.sku,
                    note=clean_note(row.note, row, personal=personal),
                    since=self._local(hold.at) if hold is not None else None,
                    held_by=hold.user_name if hold is not None else "",
                    station=hold.station_id if hold is not None else "",
                    customer=customer_words(row) if personal else "",
                )
            )
        return tuple(held)

    def _local(self, moment: datetime) -> datetime:
        return local(moment, self._zone)
