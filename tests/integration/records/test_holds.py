"""Denied cartridges are kept for their customers: the hold ends on its own day and not the day before,
then the unit moves on to the route the hold names; a unit asked back leaves with its tracking number."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from receiving_app.services.disposition import hold_end
from receiving_app.services.errors import LineNotOpen
from tests.support.cli import run_cli
from tests.support.receiving import OPENED, grams, receive
from tests.support.warehouse import Line, Rma, add_rmas

RECEIVED = date(2026, 3, 16)  # the station fixture's today
HELD_UNTIL = date(2026, 4, 15)  # 30 days, the shipped routes' hold


def denied_unit(station, tmp_path, number: str) -> str:
    """A used cartridge returned as not needed: the policy denies it, and it is held for the customer."""
    add_rmas(station, tmp_path, Rma(number, lines=(Line(sku="TN-660", reason="not_needed"),)))
    line = station.history.show_rma(number).rma.lines[0]
    result = receive(station, number, 1, condition=OPENED, weight=grams((line.full_g + line.empty_g) / 2))
    assert (result.decision.outcome, result.decision.route) == ("denied", "hold_for_customer")
    return result.decision.license_plate


def test_a_hold_ends_on_its_day_and_not_the_day_before(station, tmp_path) -> None:
    plate = denied_unit(station, tmp_path, "RA0000501")
    [held] = station.holds.ending_soon(RECEIVED, days=30)
    assert (held.lpn, held.held_until, held.ended) == (plate, HELD_UNTIL, None)

    assert station.holds.end_due(date(2026, 4, 14), user="system", station="bench-1") == ()
    [ended] = station.holds.end_due(HELD_UNTIL, user="system", station="bench-1")

    assert (ended.lpn, ended.route, ended.ended) == (plate, "empties_other", "expired")
    shown = station.history.show_rma("RA0000501")
    assert shown.decisions[0].route == "empties_other"
    assert [event.type for event in shown.events][-1] == "hold_expired"
    assert station.holds.ending_soon(HELD_UNTIL, days=30) == ()
    assert station.history.verify_audit_chain().first_break is None


def test_a_unit_asked_back_leaves_with_its_tracking_number_and_is_not_moved_on(station, tmp_path) -> None:
    plate = denied_unit(station, tmp_path, "RA0000502")

    reclaimed = station.holds.reclaim(plate, "1Z999AA10123456784", user="receiver", station="bench-1")

    assert (reclaimed.ended, reclaimed.route) == ("reclaimed", "hold_for_customer")
    with pytest.raises(LineNotOpen, match="no longer held"):
        station.holds.reclaim(plate, "1Z999AA10123456784", user="receiver", station="bench-1")
    assert station.holds.end_due(HELD_UNTIL, user="system", station="bench-1") == ()
    assert [event.type for event in station.history.show_rma("RA0000502").events][-1] == "hold_reclaimed"


def test_the_sellers_own_days_come_before_the_routes(station) -> None:
    route = station.receiving._routing.routes["hold_for_customer"]
    policy = station.policies["image-pro-services"]

    assert hold_end(route, policy, RECEIVED) == HELD_UNTIL
    assert hold_end(route, replace(policy, hold_denied_days=14), RECEIVED) == date(2026, 3, 30)
    assert hold_end(station.receiving._routing.routes["scrap"], policy, RECEIVED) is None


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_holds_are_listed_and_reclaimed_from_the_shell(station, database_url, tmp_path) -> None:
    plate = denied_unit(station, tmp_path, "RA0000503")
    environment = {"RECEIVING_APP_PASSWORD": "1111"}  # the demo receiver's PIN

    listed = run_cli("--db", database_url, "holds", "list", "--within", "30", "--json", env=environment)
    reclaimed = run_cli(
        "--db",
        database_url,
        "holds",
        "reclaim",
        plate,
        "--tracking",
        "9400111899223197428490",
        "--user",
        "receiver",
        "--json",
        env=environment,
    )

    assert listed.code == 0, listed.stderr
    assert [(hold["lpn"], hold["held_until"], hold["ended"]) for hold in listed.json()] == [
        (plate, HELD_UNTIL.isoformat(), None)
    ]
    assert reclaimed.code == 0, reclaimed.stderr
    assert reclaimed.json()[0]["ended"] == "reclaimed"


def test_the_daily_report_lists_the_holds_that_end_within_a_week(station, tmp_path) -> None:
    plate = denied_unit(station, tmp_path, "RA0000504")

    before = station.reports.daily(date(2026, 4, 7))  # ends the 15th: eight days after the 7th
    week_before = station.reports.daily(date(2026, 4, 8))

    assert before.holds_ending == ()
    assert [(held.lpn, held.rma, held.sku, held.held_until) for held in week_before.holds_ending] == [
        (plate, "RA0000504", "TN-660", HELD_UNTIL)
    ]
