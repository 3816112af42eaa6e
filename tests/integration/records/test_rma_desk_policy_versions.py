"""The RMA desk asked under a chosen version of the seller's policy, on SQLite and PostgreSQL: a version
published to take effect next week answers differently from today's, while an RMA created now is still
authorized under today's. Today is 16 March 2026 (conftest); the version takes effect on the 23rd.

Image-Pro takes back a not-needed return for 60 days from the purchase and 30 from the shipment."""

from __future__ import annotations

from datetime import date

import pytest

from receiving_app.domain.facts import ReturnReason
from receiving_app.services.desk_rules import UnknownPolicyVersion
from receiving_app.services.desk_views import RequestedLine, RmaRequest
from receiving_app.services.rma_desk import ReturnNotAuthorized
from tests.support.desk_orders import Order, add_orders, desk_records
from tests.support.desk_versions import INSTALLED, LONGER_WINDOWS, SHORTER_WINDOW, publish_windows

TODAY = date(2026, 3, 16)
NEXT_WEEK = date(2026, 3, 23)
DESK = {"user": "receiver", "station": "desk-1"}
# Shipped 13 days ago: inside today's 30 days, outside 10 days counted to the 23rd (20 days).
RECENT = Order("SO-V-RECENT", purchased=date(2026, 3, 2), shipped=date(2026, 3, 3), delivered=date(2026, 3, 6))
# Shipped 54 days ago: outside today's 30 days, inside 90 days counted to the 23rd (61 days).
OLDER = Order("SO-V-OLDER", purchased=date(2026, 1, 20), shipped=date(2026, 1, 21), delivered=date(2026, 1, 24))


def not_needed(order: Order) -> RmaRequest:
    return RmaRequest(order.number, (RequestedLine(1, 1),), ReturnReason.NOT_NEEDED)


def refusal_codes(verdict) -> list[str]:
    return [reason.code for line in verdict.lines for reason in line.refusals]


def test_a_shorter_window_next_week_refuses_what_today_authorizes_and_create_still_uses_today(station) -> None:
    add_orders(station, RECENT)
    published = publish_windows(station, SHORTER_WINDOW, NEXT_WEEK)
    desk, request = station.rma_desk, not_needed(RECENT)

    today = desk.check(request)
    next_week = desk.check(request, published.version)

    assert today.authorized and (today.rules.version, today.rules.counted_to) == (INSTALLED, TODAY)
    assert today.rules.sentence() == f"Under version {INSTALLED}, in force today."
    assert not next_week.authorized and refusal_codes(next_week) == ["outside_window"]
    assert next_week.reasons[0].startswith(
        "Reported 21 days after purchase (limit 60) and 20 days after shipment (limit 10): outside the return window."
    )
    assert (next_week.rules.version, next_week.rules.effective_on, next_week.rules.counted_to) == (
        "2026-03-23",
        NEXT_WEEK,
        NEXT_WEEK,
    )
    assert next_week.rules.sentence() == (
        "Under version 2026-03-23 (deciding from 2026-03-23), windows counted to 2026-03-23. "
        f"An RMA created now is authorized under version {INSTALLED}, in force today."
    )

    created = desk.create(request, **DESK)  # authorized under today's rules, whatever was checked

    assert not created.authorized_by_supervisor and created.verdict.rules.version == INSTALLED
    assert station.history.show_rma(created.number).rma.reported == TODAY


def test_a_longer_window_next_week_authorizes_what_today_refuses_and_create_still_refuses(station) -> None:
    add_orders(station, OLDER)
    publish_windows(station, LONGER_WINDOWS, NEXT_WEEK)
    desk, request = station.rma_desk, not_needed(OLDER)
    before = desk_records(station)

    assert refusal_codes(desk.check(request)) == ["outside_window"]
    assert desk.check(request, NEXT_WEEK).authorized  # a day: the version in effect on it
    assert desk.check(request, "2026-04-30").rules.counted_to == date(2026, 4, 30)
    with pytest.raises(ReturnNotAuthorized) as refused:
        desk.create(request, **DESK)

    assert refused.value.verdict.rules.version == INSTALLED
    assert desk_records(station) == before


def test_a_day_before_the_change_gives_todays_version_and_the_versions_are_listed_newest_first(station) -> None:
    add_orders(station, RECENT)
    publish_windows(station, SHORTER_WINDOW, NEXT_WEEK)
    desk = station.rma_desk

    before_the_change = desk.check(not_needed(RECENT), "2026-03-20")
    versions = desk.versions("image-pro-services")

    assert before_the_change.authorized and before_the_change.rules.in_force_today
    assert before_the_change.rules.counted_to == date(2026, 3, 20)
    assert before_the_change.rules.sentence() == (
        f"Under version {INSTALLED}, in force today, windows counted to 2026-03-20. "
        "An RMA created now counts them to today."
    )
    assert [(version.version, version.effective_on, version.in_force_today) for version in versions] == [
        ("2026-03-23", NEXT_WEEK, False),
        (INSTALLED, None, True),
    ]
    assert before_the_change.as_json()["rules"] == {
        "version": INSTALLED,
        "effective": None,
        "in_force_today": True,
        "in_force_version": INSTALLED,
        "counted_to": "2026-03-20",
    }


def test_a_version_the_seller_does_not_have_is_refused_naming_its_versions(station) -> None:
    add_orders(station, RECENT)
    publish_windows(station, SHORTER_WINDOW, NEXT_WEEK)

    with pytest.raises(UnknownPolicyVersion) as unknown:
        station.rma_desk.check(not_needed(RECENT), "v2")

    assert str(unknown.value) == (
        "The policy 'image-pro-services' has no version 'v2'; its versions are "
        f"2026-03-23 (from 2026-03-23), {INSTALLED} (installed, in force today). "
        "Give one of them, or a day (YYYY-MM-DD) for the rules in effect on it."
    )
