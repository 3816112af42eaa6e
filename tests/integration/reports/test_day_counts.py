"""The clerk's running count through its service, on SQLite and on PostgreSQL: for every clerk and
every station of the bench day, the lines, cartridges and refunds equal the decisions read back one
RMA at a time through the history service; voided decisions count nowhere, and the count starts
again at the bench's midnight (not UTC's)."""

from __future__ import annotations

from datetime import datetime, timedelta

from receiving_app.services.day_counts import DayCountService, WorkDone
from receiving_app.services.views import DecisionView
from tests.support.bench_day import BENCH_ZONE, DAY, DAY_ENDS, DAY_STARTS, MORNING_AFTER, BenchDay, local
from tests.support.receiving import as_sold, grams
from tests.support.report_sums import money_sum


def standing_decisions(station, bench_day: BenchDay) -> list[tuple[str, DecisionView]]:
    """Every standing decision of the bench day's RMAs, with its RMA's number, read one RMA at a time."""
    return [
        (number, decision)
        for number in bench_day.numbers
        for decision in station.history.show_rma(number).decisions
        if not decision.voided
    ]


def work(
    decided: list[tuple[str, DecisionView]],
    start: datetime,
    end: datetime,
    *,
    user: str | None = None,
    bench: str | None = None,
) -> WorkDone:
    """What ``user`` (or everyone at ``bench``) decided in [start, end), added up here."""
    theirs = [
        (number, decision)
        for number, decision in decided
        if start <= decision.decided_at < end
        and (user is None or decision.decided_by == user)
        and (bench is None or decision.station == bench)
    ]
    return WorkDone(
        lines=len({(number, decision.line) for number, decision in theirs}),
        units=len(theirs),
        refunded=tuple(
            money_sum(decision.refund_total for _, decision in theirs if decision.refund_total.currency == currency)
            for currency in sorted({decision.refund_total.currency for _, decision in theirs})
        ),
    )


def test_each_clerk_and_station_count_the_standing_decisions_of_the_benchs_day(station, bench_day) -> None:
    clock = station.units.clock
    clock.at(local(17, 0))  # the second cartridge of a line of two: one line, two cartridges
    station.receiving.receive(as_sold("RA0000803", 1, "supervisor", "bench-2", unit=2, weight=grams("812.4")))
    clock.at(local(17, 5))
    (memo,) = [
        document.number
        for decision in station.history.show_rma("RA0000802").decisions
        for document in decision.documents
        if document.type == "credit_memo"
    ]
    station.history.void_document(memo, user="supervisor", station="bench-1", reason="Refunded twice by mistake")
    assert [decision.voided for decision in station.history.show_rma("RA0000802").decisions] == [True]
    clock.at(local(23, 30))  # already the next day in UTC

    counts = DayCountService(station.units, zone=BENCH_ZONE)
    decided = standing_decisions(station, bench_day)
    supervisor = work(decided, DAY_STARTS, DAY_ENDS, user="supervisor")
    assert supervisor.lines < supervisor.units
    for clerk in ("receiver", "supervisor", "admin"):
        for bench in ("bench-1", "bench-2"):
            count = counts.today(clerk, bench)
            assert count.day == DAY
            assert count.clerk == work(decided, DAY_STARTS, DAY_ENDS, user=clerk), clerk
            assert count.station == work(decided, DAY_STARTS, DAY_ENDS, bench=bench), bench

    clock.at(MORNING_AFTER)  # the next day, from the bench's midnight
    count = counts.today("receiver", "bench-2")
    next_day = (DAY_ENDS, DAY_ENDS + timedelta(days=1))
    assert count.day == DAY + timedelta(days=1)
    assert count.clerk == work(decided, *next_day, user="receiver")
    assert count.clerk.units == 1  # decided at the first moment of the day
    assert count.station == WorkDone(0, 0, ())
