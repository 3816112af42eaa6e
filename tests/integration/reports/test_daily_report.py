"""The daily and shift reports through the service, on SQLite and on PostgreSQL: every figure is
checked against the decisions it summarises, added up independently from the history service."""

from __future__ import annotations

from datetime import datetime, timedelta
from decimal import Decimal

import pytest

from receiving_app.domain.errors import InputError
from receiving_app.domain.money import Money
from receiving_app.services.errors import NotAllowed
from receiving_app.services.reports import FILL_BUCKETS
from tests.support import report_sums as expected
from tests.support.bench_day import (
    BENCH_ZONE,
    CARD_LAST4,
    CUSTOMER,
    DAY,
    DAY_ENDS,
    DAY_STARTS,
    FULL_CARD,
    local,
)
from tests.support.report_figures import expected_figures, figures


def test_every_total_equals_the_sum_of_the_decisions_it_summarises(station, reports, bench_day) -> None:
    decided = bench_day.decisions(station)

    report = reports.daily(DAY)

    assert len(decided) == 14  # the fixture's day: seven refunds, one replacement, six denials
    assert figures(report) == expected_figures(decided)
    assert (
        report.lines_received
        == len(decided)
        == sum(count.lines for count in report.operators)
        == sum(count.lines for count in report.stations)
    )
    assert report.refunded == expected.money_sum(decision.refund_total for decision in decided)
    assert report.refunded == expected.money_sum(count.refunded for count in report.operators)
    # Every money column is exercised: a fee, an account credit, a deducted label, refunded shipping, a $0.00 refund.
    methods = {method.method: method for method in report.refunds_by_method}
    assert set(methods) == {"original_payment", "account_credit", "none"}
    assert methods["account_credit"].refunded == Money.of("46.74") and methods["none"].refunded == Money.zero()
    assert methods["original_payment"].label_deductions == Money.of("8.50") and methods[
        "original_payment"
    ].shipping_refunded == Money.of("7.95")
    assert report.fees.lines == 5 and not report.fees.total.is_zero
    assert [count.name for count in report.operators] == ["admin", "receiver", "supervisor"]
    assert {count.name for count in report.stations} == {"bench-1", "bench-2"}
    assert [(count.name, count.lines, count.denials) for count in report.overrides] == [("supervisor", 1, 1)]


def test_the_refunds_of_each_method_add_up_to_the_money_that_moved(station, reports, bench_day) -> None:
    report = reports.daily(DAY)

    for method in report.refunds_by_method:
        unfloored = method.merchandise - method.restocking_fees - method.label_deductions + method.shipping_refunded
        if method.method == "none":
            assert method.refunded == Money.zero() and unfloored.amount < 0  # fees and label took it all
        else:
            assert method.refunded == unfloored


def test_the_fill_levels_of_denied_cartridges(station, reports, bench_day) -> None:
    levels = expected.denied_fill_levels(bench_day.decisions(station))

    fill = reports.daily(DAY).denied_fill

    assert (fill.weighed, fill.not_weighed) == (len(levels), 1) == (5, 1)  # the drum is not weighed
    assert (fill.lowest, fill.median, fill.highest) == (levels[0], expected.median(levels), levels[-1])
    assert (fill.lowest, fill.median, fill.highest) == (Decimal("0.0444"), Decimal("0.4889"), Decimal("0.9884"))
    assert fill.buckets == expected.buckets(levels) == (2, 0, 0, 0, 1, 0, 0, 0, 0, 2)
    assert len(fill.buckets) == FILL_BUCKETS


def test_denials_are_counted_by_reason_code(station, reports, bench_day) -> None:
    report = reports.daily(DAY)

    assert {reason.code: reason.lines for reason in report.denials_by_reason} == {
        "below_fill_threshold": 2,
        "not_sold_by_seller": 2,
        "freight_damage_excluded": 1,
        "supervisor_override": 1,
    }
    assert [reason.lines for reason in report.denials_by_reason] == sorted(
        (reason.lines for reason in report.denials_by_reason), reverse=True
    )
    assert report.denials == 6


def test_a_day_is_the_bench_s_calendar_day_and_neighbouring_decisions_stay_out(station, reports, bench_day) -> None:
    before, after = reports.daily(DAY - timedelta(days=1)), reports.daily(DAY + timedelta(days=1))

    assert (before.start, before.end) == (DAY_STARTS - timedelta(days=1), DAY_STARTS)
    assert before.lines_received == len(bench_day.decisions(station, DAY_STARTS - timedelta(days=1), DAY_STARTS)) == 1
    assert after.lines_received == len(bench_day.decisions(station, DAY_ENDS, DAY_ENDS + timedelta(days=1))) == 1
    assert after.denials == 1 and after.denied_fill.buckets[0] == 1
    assert reports.daily(DAY).start.utcoffset() == BENCH_ZONE.utcoffset(None)


def test_one_station_s_report_counts_only_its_decisions_and_holds(station, reports, bench_day) -> None:
    decided = bench_day.decisions(station, bench="bench-2")

    report = reports.daily(DAY, "bench-2")

    assert report.station == "bench-2" and "station bench-2" in report.title
    assert figures(report) == expected_figures(decided)
    assert [count.name for count in report.stations] == ["bench-2"]
    assert [(hold.rma, hold.line) for hold in report.holds] == [("RA0000817", 1)]
    assert reports.daily(DAY, "no-such-bench").lines_received == 0


def test_a_shift_covers_its_own_hours(station, reports, bench_day) -> None:
    start, end = local(8), local(10)
    decided = bench_day.decisions(station, start, end)

    report = reports.shift(start, end)
    naive = reports.shift(datetime(2026, 3, 16, 8, 0), datetime(2026, 3, 16, 10, 0))  # the bench's clock

    assert report.kind == "shift" and report.day is None and "Shift report" in report.title
    assert figures(report) == expected_figures(decided) and report.lines_received == 5
    assert figures(naive) == figures(report)
    with pytest.raises(InputError, match="ends after it starts"):
        reports.shift(end, start)


def test_lines_on_hold_are_listed_with_when_and_by_whom_and_without_customer_details(
    station, reports, bench_day
) -> None:
    report = reports.daily(DAY)

    assert [(hold.rma, hold.line) for hold in report.holds] == list(bench_day.held_today)
    first, second = report.holds
    assert (first.held_by, first.station, first.sku) == ("receiver", "bench-1", "TN-660")
    assert abs(first.since - local(10, 30)) < timedelta(seconds=1) and first.since.utcoffset() == timedelta(hours=-5)
    assert (second.held_by, second.station) == ("supervisor", "bench-2")
    assert "Box crushed" in first.note
    assert not any(detail in first.note for detail in (*CUSTOMER, "Dana", "Whitfield", CARD_LAST4, "010-2030")), (
        first.note
    )
    assert first.customer == "" and not report.personal_data
    # The next day's report lists the hold put on after this day ended, too.
    assert [(hold.rma, hold.line) for hold in reports.daily(DAY + timedelta(days=1)).holds] == [
        *bench_day.held_today,
        *bench_day.held_tomorrow,
    ]


@pytest.mark.parametrize("user", ["receiver", "supervisor", "nobody", None])
def test_only_an_admin_may_have_customer_details_in_a_report(station, reports, bench_day, user) -> None:
    with pytest.raises(NotAllowed):
        reports.daily(DAY, include_personal_data=True, user=user)


def test_an_admin_gets_the_customer_of_each_held_line(station, reports, bench_day) -> None:
    report = reports.daily(DAY, include_personal_data=True, user="admin")

    assert report.personal_data
    held = report.holds[0]
    assert (
        "Dana Whitfield" in held.customer and "(555) 010-2030" in held.customer and "dana@example.com" in held.customer
    )
    assert "Dana Whitfield" in held.note and "4242" in held.note  # the note as typed, for the admin who asked,
    assert FULL_CARD not in held.note  # except a full card number, which no report shows
    assert figures(report) == figures(reports.daily(DAY))


def test_a_day_without_work_is_all_zeros(station, reports) -> None:
    report = reports.daily(DAY)

    assert report.lines_received == 0 and report.refunded == Money.zero() and report.holds == ()
    assert [(count.outcome, count.lines) for count in report.outcomes] == [
        ("refund", 0),
        ("replacement", 0),
        ("denied", 0),
    ]
    fill = report.denied_fill
    assert (fill.weighed, fill.lowest, fill.median, fill.highest, fill.buckets) == (0, None, None, None, (0,) * 10)
    assert report.operators == report.stations == report.overrides == report.denials_by_reason == ()


def test_the_station_picker_lists_stations_that_decided_recently(station, reports, bench_day) -> None:
    assert reports.station_ids() == ["bench-1", "bench-2"]
