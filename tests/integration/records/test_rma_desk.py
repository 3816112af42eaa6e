"""The RMA desk through its service, on SQLite and PostgreSQL: orders found, the policy's verdict, and
RMAs numbered as each seller numbers its own, without gaps. Today is 16 March 2026 (conftest)."""

from __future__ import annotations

import re
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from datetime import date
from threading import Barrier

import pytest

from receiving_app.domain.errors import InputError
from receiving_app.domain.facts import CustomerChoice, ReturnReason
from receiving_app.services.commands import Approval
from receiving_app.services.desk_views import RequestedLine, RmaRequest
from receiving_app.services.errors import NotAllowed, NotFound
from receiving_app.services.rma_desk import NumberingConflict, ReturnNotAuthorized
from tests.support.desk_orders import Order, OrderLine, add_orders, desk_records, events_of
from tests.support.warehouse import Rma, add_rmas

DESK = {"user": "receiver", "station": "desk-1"}
UPS = "1Z999AA10123456784"


def _request(order: str, *lines: tuple[int, int | None], reason=ReturnReason.DEFECTIVE, **more) -> RmaRequest:
    return RmaRequest(order, tuple(RequestedLine(line, quantity) for line, quantity in lines), reason, **more)


def test_orders_are_found_by_number_account_or_a_part_of_the_name_and_shown_masked(station) -> None:
    add_orders(
        station,
        Order("SO-7001", account="C70001", customer="Dana Whitfield"),
        Order("SO-7002", account="C70002", customer="Ines Marlow", lines=(OrderLine(), OrderLine("DR-630"))),
        Order("SO-8000", account="C80000", customer="Robin Quell"),
    )
    desk = station.rma_desk

    assert [order.number for order in desk.find_orders("so-700")] == ["SO-7002", "SO-7001"]  # newest first
    assert [order.number for order in desk.find_orders("SO-7001")] == ["SO-7001"]
    assert [order.number for order in desk.find_orders("c8000")] == ["SO-8000"]
    assert desk.find_orders("MARLOW") == []  # names are searched only where they are shown, as History does
    (found,) = desk.find_orders("MARLOW", mask_customer=False)
    assert (found.customer_name, found.customer_account, found.seller, found.lines) == (
        "Ines Marlow",
        "C70002",
        "image-pro-services",
        2,
    )
    assert desk.find_orders("nobody") == []
    with pytest.raises(InputError):
        desk.find_orders("  ")


def test_an_order_shows_what_is_left_to_return_of_each_line(station) -> None:
    add_orders(station, Order("SO-7101", lines=(OrderLine(quantity=3), OrderLine("DR-630", 1))))
    station.rma_desk.create(_request("SO-7101", (1, 2)), **DESK)

    order = station.rma_desk.order("SO-7101")

    assert [
        (line.line_no, line.sku, line.quantity, line.already_returned, line.returnable) for line in order.lines
    ] == [
        (1, "TN-660", 3, 2, 1),
        (2, "DR-630", 1, 0, 1),
    ]
    assert order.lines[1].category == "drum" and order.customer_name == "D*** W***"


def test_each_seller_numbers_on_from_its_own_numbers_without_gaps(station, tmp_path) -> None:
    add_rmas(station, tmp_path, Rma("RA0000611"), Rma("4IJ-000007", seller="4inkjets", account="C90002"))
    add_orders(
        station,
        *(Order(f"SO-72{n}") for n in range(3)),
        Order("SO-7210", seller="4inkjets"),
        *(Order(f"SO-722{n}", seller="image-pro-international", delivered=None) for n in range(2)),
        Order("SO-7230", seller="true-image"),
    )
    undelivered = Approval("supervisor", "delivery not recorded")  # the window counts from the delivery
    created = [
        station.rma_desk.create(_request(order, (1, None)), **DESK, approval=approval).number
        for order, approval in [
            ("SO-720", None),
            ("SO-721", None),
            ("SO-7210", None),
            ("SO-7220", undelivered),
            ("SO-722", None),
            ("SO-7230", None),
            ("SO-7221", undelivered),
        ]
    ]

    assert created == ["RA0000612", "RA0000613", "4IJ-000008", "RGA-000001", "RA0000614", "RMA-000001", "RGA-000002"]
    assert station.history.verify_audit_chain().first_break is None


def test_numbers_imported_past_the_counter_are_stepped_over(station, tmp_path) -> None:
    add_rmas(station, tmp_path, Rma("RA0000611"))
    add_orders(station, Order("SO-7301"), Order("SO-7302"))
    first = station.rma_desk.create(_request("SO-7301", (1, None)), **DESK)
    add_rmas(station, tmp_path, Rma("RA0000613", order="SO-IMPORTED"))  # the seller's system numbered on meanwhile

    second = station.rma_desk.create(_request("SO-7302", (1, None)), **DESK)

    assert (first.number, second.number) == ("RA0000612", "RA0000614")


def test_two_sellers_whose_first_numbers_would_be_the_same_are_refused_clearly(station) -> None:
    add_orders(station, Order("SO-7401", seller="true-image"), Order("SO-7402", seller="4inkjets"))
    assert station.rma_desk.create(_request("SO-7401", (1, None)), **DESK).number == "RMA-000001"
    before = desk_records(station)

    with pytest.raises(NumberingConflict, match="RMA-000001 is already an RMA of true-image"):
        station.rma_desk.create(_request("SO-7402", (1, None)), **DESK)

    assert desk_records(station) == before


def test_a_line_the_policy_refuses_writes_nothing_and_says_why(station, tmp_path) -> None:
    add_rmas(station, tmp_path, Rma("RA0000611"))
    add_orders(station, Order("SO-7501", purchased=date(2025, 1, 10)))
    before = desk_records(station)
    request = _request("SO-7501", (1, 1), tracking_numbers=(UPS,))

    verdict = station.rma_desk.check(request)
    with pytest.raises(ReturnNotAuthorized) as refused:
        station.rma_desk.create(request, **DESK)

    sentence = (
        "Reported 430 days after purchase (limit 1 year): outside the return window. "
        "Cartridges are warranted against defects for 1 year from the date of purchase."
    )
    assert verdict.reasons == (sentence,) and not verdict.authorized
    assert refused.value.verdict == verdict and sentence in str(refused.value)
    assert desk_records(station) == before


def test_a_supervisor_authorizes_over_a_refusal_and_the_event_says_who_why_and_over_what(station, tmp_path) -> None:
    add_rmas(station, tmp_path, Rma("RA0000611"))
    add_orders(station, Order("SO-7601", seller="image-pro-services"))
    request = _request("SO-7601", (1, None), reason=ReturnReason.DAMAGED_IN_TRANSIT, tracking_numbers=(UPS,))

    created = station.rma_desk.create(request, **DESK, approval=Approval("supervisor", "carrier claim denied"))

    refusal = "Image-Pro's warranty does not cover freight damage; please file the claim with the carrier."
    assert created.authorized_by_supervisor and created.verdict.reasons == (refusal,)
    (event,) = events_of(station, created.number, "rma_created")
    assert event == {
        "number": "RA0000612",
        "order": "SO-7601",
        "seller": "image-pro-services",
        "lines": [{"line": 1, "order_line": 1, "sku": "TN-660", "quantity": 1}],
        "reason": "damaged_in_transit",
        "choice": "refund",
        "tracking_numbers": [UPS],
        "supervisor": "supervisor",
        "note": "carrier claim denied",
        "refused": [refusal],
    }
    rma = station.history.show_rma(created.number).rma
    assert (rma.reported.isoformat(), rma.status, rma.lines[0].reason) == ("2026-03-16", "open", "damaged_in_transit")


def test_only_a_supervisor_with_a_note_authorizes_over_a_refusal(station) -> None:
    add_orders(station, Order("SO-7651", seller="true-image", lines=(OrderLine("HP-RM2-5425"),)))
    request = _request("SO-7651", (1, None))
    before = desk_records(station)

    with pytest.raises(NotAllowed, match="receiver"):
        station.rma_desk.create(request, **DESK, approval=Approval("receiver", "I say so"))
    with pytest.raises(InputError, match="note"):
        station.rma_desk.create(request, **DESK, approval=Approval("supervisor", "  "))

    assert desk_records(station) == before


def test_an_authorized_rma_records_its_lines_tracking_numbers_and_event(station) -> None:
    add_orders(
        station,
        Order("SO-7701", seller="4inkjets", lines=(OrderLine(quantity=2), OrderLine("LC3013BK", 4, "19.99"))),
    )
    request = _request(
        "SO-7701",
        (2, 3),
        (1, None),
        reason=ReturnReason.NOT_NEEDED,
        customer_choice=CustomerChoice.REPLACEMENT,
        tracking_numbers=("1z 999 aa1 01 2345 6784", "9400 1112 0108 0805 4830 16"),
    )

    created = station.rma_desk.create(request, **DESK)

    assert created.number == "RMA-000001" and not created.authorized_by_supervisor and created.verdict.reasons == ()
    assert [(line.line, line.order_line, line.sku, line.quantity) for line in created.lines] == [
        (1, 2, "LC3013BK", 3),
        (2, 1, "TN-660", 2),
    ]
    assert created.tracking_numbers == (UPS, "9400111201080805483016")
    rma = station.history.show_rma(created.number).rma
    assert [(line.line, line.customer_choice, line.reason) for line in rma.lines] == [
        (1, "replacement", "not_needed"),
        (2, "replacement", "not_needed"),
    ]
    (event,) = events_of(station, created.number, "rma_created")
    assert "supervisor" not in event and event["choice"] == "replacement"


@pytest.mark.parametrize(
    ("lines", "words"),
    [
        (((1, 3),), "3 asked, but only 2 of its 2 can still be returned"),
        (((1, 0),), "return at least 1, not 0"),
        (((4, 1),), "has no line 4 (its lines: 1, 2)"),
        (((1, 1), (1, 1)), "Line 1 of order SO-7801 is named twice"),
        ((), "Name at least one line"),
    ],
)
def test_quantities_and_lines_the_order_does_not_have_are_refused_with_nothing_written(station, lines, words) -> None:
    add_orders(station, Order("SO-7801", lines=(OrderLine(quantity=2), OrderLine("DR-630"))))
    before = desk_records(station)

    with pytest.raises(InputError, match=re.escape(words)):
        station.rma_desk.create(_request("SO-7801", *lines), **DESK)

    assert desk_records(station) == before


def test_a_line_on_rmas_in_full_cannot_be_returned_again(station) -> None:
    add_orders(station, Order("SO-7851", lines=(OrderLine(quantity=2),)))
    station.rma_desk.create(_request("SO-7851", (1, 1)), **DESK)
    station.rma_desk.create(_request("SO-7851", (1, None)), **DESK)  # the one left

    with pytest.raises(InputError, match="on RMAs already: all 2 of it"):
        station.rma_desk.create(_request("SO-7851", (1, None)), **DESK)


@pytest.mark.parametrize(
    ("change", "error", "words"),
    [
        ({"order_number": "SO-NONE"}, NotFound, "No order numbered SO-NONE"),
        ({"tracking_numbers": ("1Z999AA10123456785",)}, InputError, "not a UPS, FedEx or USPS tracking number"),
        ({"seller": "nobody"}, NotFound, "'nobody' is not installed"),
    ],
)
def test_an_unknown_order_a_bad_tracking_number_or_seller_is_refused(station, change, error, words) -> None:
    add_orders(station, Order("SO-7901"))
    before = desk_records(station)
    request = _request("SO-7901", (1, None))

    with pytest.raises(error, match=words):
        station.rma_desk.create(replace(request, **change), **DESK)

    assert desk_records(station) == before


def test_a_tracking_number_already_on_an_rma_is_refused(station) -> None:
    add_orders(station, Order("SO-7951"), Order("SO-7952"))
    first = station.rma_desk.create(_request("SO-7951", (1, None), tracking_numbers=(UPS,)), **DESK)

    with pytest.raises(InputError, match=f"1Z 999 AA1 01 2345 6784 is already on {first.number}"):
        station.rma_desk.create(_request("SO-7952", (1, None), tracking_numbers=(UPS,)), **DESK)


def test_the_desk_may_authorize_only_for_the_seller_that_sold_the_order(station) -> None:
    add_orders(station, Order("SO-7961", seller="4inkjets"))

    verdict = station.rma_desk.check(_request("SO-7961", (1, None), seller="true-image"))

    assert verdict.seller == "true-image"
    assert verdict.reasons == ("This return policy applies only to products purchased directly from True Image.",)


def test_an_unknown_user_creates_nothing(station) -> None:
    add_orders(station, Order("SO-7971"))

    with pytest.raises(NotAllowed):
        station.rma_desk.create(_request("SO-7971", (1, None)), user="stranger", station="desk-1")


@pytest.mark.postgres
@pytest.mark.parametrize("database_url", ["postgresql"], indirect=True)
def test_desks_creating_at_once_for_one_seller_take_consecutive_numbers(station) -> None:
    orders = [Order(f"SO-80{n:02d}", seller="image-pro-international", delivered=date(2026, 3, 12)) for n in range(12)]
    add_orders(station, *orders)
    start = Barrier(2)

    def create_half(half: list[Order]) -> list[str]:
        start.wait(timeout=30)
        return [station.rma_desk.create(_request(order.number, (1, None)), **DESK).number for order in half]

    with ThreadPoolExecutor(2) as pool:
        numbers = [number for half in pool.map(create_half, [orders[::2], orders[1::2]]) for number in half]

    assert sorted(numbers) == [f"RGA-{n:06d}" for n in range(1, 13)]
