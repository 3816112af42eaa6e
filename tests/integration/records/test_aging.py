"""Aging, on SQLite and on PostgreSQL: RMAs not arrived past their seller's days, parcels not inspected past
the station's hours, lines on hold, and returns without an RMA open past the station's days; each list
built through the services a clerk uses, and exactly at a limit is never late."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import pytest

from receiving_app.domain.scan import parse_scan
from receiving_app.services.aging import AgingService
from receiving_app.services.check_in import CheckInService
from receiving_app.services.reports import ReportService, report_tables
from receiving_app.services.unidentified import UnidentifiedReturnService
from tests.support.bench_day import BenchClock
from tests.support.cli import run_cli
from tests.support.receiving import receive
from tests.support.warehouse import Line, Rma, add_rmas

NOW = datetime(2026, 3, 16, 15, 0, tzinfo=UTC)
TODAY = date(2026, 3, 16)


def days_ago(days: int) -> str:
    return (TODAY - timedelta(days=days)).isoformat()


def authorized(number: str, days: int, **details) -> Rma:
    """An RMA authorized ``days`` before TODAY, for an order delivered ten days before that."""
    dates = {"purchased": days_ago(days + 14), "shipped": days_ago(days + 13), "delivered": days_ago(days + 10)}
    return Rma(number, reported=days_ago(days), **dates, **details)


def at(station, moment: datetime) -> None:
    """The services' clock from ``moment`` on: the first thing recorded is a millisecond after it."""
    station.units.clock = BenchClock(moment)


def exactly(moment: datetime) -> datetime:
    """Where to set the clock for the first thing recorded to be at ``moment`` itself."""
    return moment - timedelta(milliseconds=1)


def check_in(station, label: str, moment: datetime) -> None:
    at(station, moment)
    CheckInService(station.units).check_in(parse_scan(label), user="receiver", station="dock-1")


def record_unidentified(station, moment: datetime, place: str, sender: str = "J. Moreau, Tacoma WA") -> str:
    at(station, moment)
    view = UnidentifiedReturnService(station.units).record(
        tracking_or_label=None,
        sender=sender,
        notes="",
        found_with_rma=None,
        place=place,
        user="receiver",
        station="bench-1",
    )
    return view.number


def aging_of(station, **limits):
    """The station's aging, counted on UTC's calendar so that the days do not move with the test machine's zone."""
    return AgingService(station.units, station.policies, zone=UTC, **limits).aging(NOW)


def numbers(listed) -> list[str]:
    return [row.number for row in listed.rows]


@pytest.fixture
def warehouse(station, tmp_path) -> dict[str, str]:
    """RMAs authorized on the days their numbers say, parcels checked in, a line held and received lines;
    returns the numbers of the returns without an RMA."""
    two_lines = (Line(), Line(sku="TN-760", unit_price="59.99"))
    add_rmas(
        station,
        tmp_path,
        authorized("RA0000701", 30),  # exactly the 30 days: in time
        authorized("RA0000702", 31),
        authorized("RA0000703", 45),  # arrived
        authorized("RA0000704", 60),  # held at the bench without a check-in
        authorized("RMA-000705", 31, seller="true-image", account="C90005"),
        authorized("RA0000706", 3),
        authorized("RA0000707", 5),
        authorized("RA0000708", 5, lines=two_lines),
    )
    check_in(station, "RA0000703", exactly(NOW - timedelta(hours=49)))
    check_in(station, "RA0000706", exactly(NOW - timedelta(hours=48)))  # exactly the 48 hours: in time
    check_in(station, "RA0000707", exactly(NOW - timedelta(hours=72)))
    check_in(station, "RA0000708", exactly(NOW - timedelta(hours=72)))
    at(station, NOW - timedelta(hours=70))
    receive(station, "RA0000707", 1)
    receive(station, "RA0000708", 1)  # its second line waits still
    at(station, exactly(NOW - timedelta(days=2, hours=5)))
    station.line_actions.hold("RA0000704", 1, user="receiver", station="bench-1", note="Waiting for photos")
    late = record_unidentified(station, exactly(NOW - timedelta(days=8)), "Quarantine shelf Q-1")
    on_time = record_unidentified(station, exactly(NOW - timedelta(days=7)), "Quarantine shelf Q-2")
    rejected = record_unidentified(station, NOW - timedelta(days=9), "Quarantine shelf Q-3")
    at(station, NOW - timedelta(days=1))
    UnidentifiedReturnService(station.units).reject(rejected, "Empty box", user="supervisor", station="bench-1")
    return {"late": late, "on_time": on_time, "rejected": rejected}


def test_rmas_authorized_past_their_sellers_days_with_nothing_arrived_are_late(station, warehouse) -> None:
    aging = aging_of(station)

    assert numbers(aging.not_arrived) == ["RA0000702", "RMA-000705"]
    assert aging.not_arrived.count == 2
    late = aging.not_arrived.rows[0]
    assert (late.seller, late.policy, late.since, late.age_words) == (
        "Image-Pro Services & Supplies, Inc.",
        "image-pro-services",
        TODAY - timedelta(days=31),
        "31 days",
    )
    assert late.action.startswith("Ask the customer")


def test_a_seller_that_allows_more_days_has_its_rma_in_time(station, warehouse) -> None:
    policies = {**station.policies, "true-image": replace(station.policies["true-image"], arrival_days=31)}

    aging = AgingService(station.units, policies, zone=UTC).aging(NOW)

    assert numbers(aging.not_arrived) == ["RA0000702"]
    assert aging.limits.arrival_days["true-image"] == 31
    assert aging.limits.words("not_arrived") == "over 30 to 31 days after authorization, by seller"


def test_parcels_waiting_past_the_stations_hours_with_a_line_not_looked_at_are_late(station, warehouse) -> None:
    aging = aging_of(station)

    # RA0000706 arrived exactly 48 hours ago; RA0000707's only line was received.
    assert numbers(aging.not_inspected) == ["RA0000708", "RA0000703"]
    oldest = aging.not_inspected.rows[0]
    assert (oldest.since, oldest.age, oldest.age_words) == (NOW - timedelta(hours=72), timedelta(hours=72), "3 days")
    assert aging.not_inspected.rows[1].age_words == "49 hours"

    assert numbers(aging_of(station, inspection_hours=47).not_inspected) == ["RA0000708", "RA0000703", "RA0000706"]
    assert numbers(aging_of(station, inspection_hours=72).not_inspected) == []


def test_lines_on_hold_are_listed_with_since_when_and_their_note(station, warehouse) -> None:
    aging = aging_of(station)

    (held,) = aging.on_hold.rows
    assert (held.number, held.line, held.sku, held.note) == ("RA0000704", 1, "TN-660", "Waiting for photos")
    assert held.since is not None and abs(held.since - (NOW - timedelta(days=2, hours=5))) < timedelta(seconds=1)
    assert held.age_words == "53 hours"
    # Seen at the bench, it is not one that never arrived, though nothing was checked in.
    assert "RA0000704" not in numbers(aging.not_arrived)


def test_returns_without_an_rma_open_past_the_stations_days_are_late_and_never_named(station, warehouse) -> None:
    aging = aging_of(station)

    (late,) = aging.unidentified.rows
    assert (late.number, late.place, late.age_words) == (warehouse["late"], "Quarantine shelf Q-1", "8 days")
    assert late.lpn.startswith("LP") and late.seller == "" and late.policy is None
    assert "Moreau" not in str(aging.as_json())
    assert numbers(aging_of(station, unidentified_days=6).unidentified) == [warehouse["late"], warehouse["on_time"]]


def test_the_limits_and_counts_are_in_the_json(station, warehouse) -> None:
    document = aging_of(station, inspection_hours=24, unidentified_days=3).as_json()

    assert document["limits"] == {
        "arrival_days": {"4inkjets": 30, "image-pro-international": 30, "image-pro-services": 30, "true-image": 30},
        "default_arrival_days": 30,
        "inspection_hours": 24,
        "unidentified_days": 3,
    }
    assert document["counts"] == {"not_arrived": 2, "not_inspected": 3, "on_hold": 1, "unidentified": 2}
    assert document["as_of"] == NOW.isoformat()
    first = document["not_arrived"][0]
    assert (first["number"], first["since"], first["age"], first["age_days"]) == (
        "RA0000702",
        days_ago(31),
        "31 days",
        31,
    )


def test_exactly_at_a_limit_is_in_time_and_a_moment_past_it_is_late(station, warehouse) -> None:
    stricter = AgingService(station.units, station.policies, zone=UTC, inspection_hours=47, unidentified_days=6)
    aging = stricter.aging(NOW)
    arrived = {row.number: row for row in aging.not_inspected.rows}["RA0000706"]
    assert (arrived.since, arrived.age_words) == (NOW - timedelta(hours=48), "48 hours")
    recorded = {row.number: row for row in aging.unidentified.rows}[warehouse["on_time"]]
    assert recorded.since == NOW - timedelta(days=7)

    at_the_limits = aging_of(station)  # 48 hours and 7 days
    assert "RA0000706" not in numbers(at_the_limits.not_inspected)
    assert warehouse["on_time"] not in numbers(at_the_limits.unidentified)
    assert "RA0000701" not in numbers(at_the_limits.not_arrived)  # authorized exactly 30 days ago
    a_day_on = AgingService(station.units, station.policies, zone=UTC).aging(NOW + timedelta(days=1))
    assert "RA0000701" in numbers(a_day_on.not_arrived)


def test_a_moment_before_things_happened_sees_them_not_yet(station, warehouse) -> None:
    three_days_ago = NOW - timedelta(days=3)
    earlier = AgingService(station.units, station.policies, zone=UTC, unidentified_days=5).aging(three_days_ago)

    assert numbers(earlier.not_arrived) == ["RA0000703"]  # checked in two days later
    assert earlier.on_hold.rows == ()  # held since
    # Rejected since, but then six days open; the other returns were five days old or less.
    assert numbers(earlier.unidentified) == [warehouse["rejected"]]


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_the_command_prints_the_four_lists_as_json(station, database_url, warehouse) -> None:
    shown = run_cli("--db", database_url, "aging", "--json")

    assert shown.code == 0, shown.stderr
    document = shown.json()
    assert set(document) >= {"not_arrived", "not_inspected", "on_hold", "unidentified", "limits", "counts"}
    assert [row["number"] for row in document["on_hold"]] == ["RA0000704"]
    assert document["on_hold"][0]["note"] == "Waiting for photos"
    assert document["unidentified"][0]["place"] == "Quarantine shelf Q-1"
    assert "sender" not in document["unidentified"][0]


def test_the_daily_report_shows_the_aging_at_the_days_end_or_now_for_today(station, warehouse) -> None:
    service = AgingService(station.units, station.policies, zone=UTC)
    reports = ReportService(station.units, station.receiving._routing, zone=UTC, aging=service)
    at(station, NOW)

    yesterday = reports.daily(TODAY - timedelta(days=1))
    today = reports.daily(TODAY)

    midnight = datetime(2026, 3, 16, tzinfo=UTC)
    assert yesterday.aging == service.aging(midnight)
    assert numbers(yesterday.aging.not_inspected) == ["RA0000708"]  # RA0000703 had waited 40 hours then
    # Today's ends at midnight, still to come: the report's aging is as it was made, a few ms past NOW,
    # by when what was exactly at its limit at NOW is late.
    assert today.aging is not None and timedelta(0) < today.aging.as_of - NOW < timedelta(seconds=1)
    assert today.aging == service.aging(today.aging.as_of)
    (counts_table,) = [table for table in report_tables(today) if table.title == "Aging"]
    counts = {row[0]: row[1] for row in counts_table.rows}
    assert counts == {
        "Authorized, not arrived": "2",
        "Arrived, not inspected": "3",
        "On hold": "1",
        "Returns without an RMA": "2",
    }
