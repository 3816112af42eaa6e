"""Matching an unidentified return to the customer's order, on SQLite and PostgreSQL: it becomes an RMA
created as the desk creates one, whose units are the very items found in the parcel."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy import select

from receiving_app.domain.errors import InputError
from receiving_app.domain.facts import CustomerChoice, ReturnReason
from receiving_app.persistence.parcel_tables import ParcelRow, TrackingNumberRow, UnidentifiedReturnRow
from receiving_app.services.commands import Approval
from receiving_app.services.errors import NotFound
from receiving_app.services.rma_desk import ReturnNotAuthorized
from receiving_app.services.unidentified_matching import UnidentifiedNotOpen
from tests.support.desk_orders import FoundItem, Order, OrderLine, add_orders, add_unidentified_return, desk_records
from tests.support.desk_orders import events_of as events
from tests.support.warehouse import Rma, add_rmas

BACK_OFFICE = {"user": "receiver", "station": "office-1"}
UPS = "1Z999AA10123456784"


def test_two_items_become_the_two_units_of_an_rma_and_both_events_are_recorded(station, tmp_path) -> None:
    add_rmas(station, tmp_path, Rma("RA0000611"))
    add_orders(station, Order("SO-9001", lines=(OrderLine("DR-630"), OrderLine("TN-660", quantity=2))))
    number, lpn = add_unidentified_return(
        station, FoundItem("TN-660", "812.4"), FoundItem("TN-660", "640.0"), tracking_number=UPS, parcel_label=UPS
    )

    created = station.unidentified_matching.match(
        number, "SO-9001", ReturnReason.NOT_NEEDED, CustomerChoice.REFUND, **BACK_OFFICE
    )

    assert created.number == "RA0000612"
    assert [(line.line, line.order_line, line.sku, line.quantity) for line in created.lines] == [(1, 2, "TN-660", 2)]
    with station.units.read() as uow:
        rma = uow.records.rma(created.number)
        unidentified = uow.session.scalars(
            select(UnidentifiedReturnRow).where(UnidentifiedReturnRow.number == number)
        ).one()
        assert [(item.item_no, item.rma_line_id, item.unit_no, item.grams) for item in unidentified.items] == [
            (1, rma.lines[0].id, 1, Decimal("812.4")),
            (2, rma.lines[0].id, 2, Decimal("640.0")),
        ]
        assert (unidentified.status, unidentified.matched_rma_id, unidentified.resolved_by) == (
            "matched",
            rma.id,
            "receiver",
        )
        assert unidentified.resolved_at is not None
        tracking = uow.session.scalars(select(TrackingNumberRow).where(TrackingNumberRow.rma_id == rma.id)).one()
        assert (tracking.number, tracking.source) == (UPS, "match")
        parcel = uow.session.scalars(select(ParcelRow).where(ParcelRow.label == UPS)).one()
        assert parcel.rma_id == rma.id  # the parcel has arrived for the RMA
    (created_event,) = events(station, created.number, "rma_created")
    (matched_event,) = events(station, created.number, "unidentified_matched")
    assert created_event["order"] == "SO-9001" and created_event["tracking_numbers"] == [UPS]
    assert matched_event == {
        "unidentified": number,
        "lpn": lpn,
        "order": "SO-9001",
        "rma": "RA0000612",
        "items": [{"item": 1, "line": 1, "unit": 1}, {"item": 2, "line": 1, "unit": 2}],
        "parcel_arrived": {  # the arrival the customer and the webhooks are told of now
            "label_kind": "tracking",
            "carrier": "ups",
            "tracking_number": UPS,
            "checked_in_at": "dock",
            "arrived_at": "2026-03-12T09:30:00+00:00",
        },
    }
    assert station.history.verify_audit_chain().first_break is None


def test_items_of_two_skus_become_two_lines_and_the_license_plate_finds_the_return(station) -> None:
    add_orders(station, Order("SO-9101", seller="4inkjets", lines=(OrderLine("DR-630"), OrderLine("LC3013BK", 3))))
    _, lpn = add_unidentified_return(station, FoundItem("LC3013BK"), FoundItem("DR-630"), FoundItem("LC3013BK"))

    created = station.unidentified_matching.match(lpn.lower(), "SO-9101", ReturnReason.DEFECTIVE, **BACK_OFFICE)

    assert [(line.line, line.order_line, line.sku, line.quantity) for line in created.lines] == [
        (1, 2, "LC3013BK", 2),
        (2, 1, "DR-630", 1),
    ]
    (matched_event,) = events(station, created.number, "unidentified_matched")
    assert matched_event["items"] == [
        {"item": 1, "line": 1, "unit": 1},
        {"item": 2, "line": 2, "unit": 1},
        {"item": 3, "line": 1, "unit": 2},
    ]


@pytest.mark.parametrize(
    ("items", "words"),
    [
        ((FoundItem("TN-660"), FoundItem(None), FoundItem(None)), "items 2 and 3 are not in the catalog"),
        ((FoundItem("DR-630"), FoundItem("TN-660")), "item 1 (DR-630) is not on order SO-9201"),
        ((FoundItem("TN-660"), FoundItem("TN-660")), "2 asked, but only 1 of its 1 can still be returned"),
    ],
)
def test_items_the_order_cannot_take_are_refused_naming_them(station, items, words) -> None:
    add_orders(station, Order("SO-9201"))
    number, _ = add_unidentified_return(station, *items)
    before = desk_records(station)

    with pytest.raises(InputError) as refused:
        station.unidentified_matching.match(number, "SO-9201", ReturnReason.DEFECTIVE, **BACK_OFFICE)

    assert words in str(refused.value)
    assert desk_records(station) == before


def test_a_rejected_or_matched_return_cannot_be_matched(station) -> None:
    add_orders(station, Order("SO-9301", lines=(OrderLine(quantity=2),)))
    rejected, _ = add_unidentified_return(station, FoundItem("TN-660"), status="rejected")
    matched, _ = add_unidentified_return(station, FoundItem("TN-660"))
    first = station.unidentified_matching.match(matched, "SO-9301", ReturnReason.DEFECTIVE, **BACK_OFFICE)
    before = desk_records(station)

    with pytest.raises(UnidentifiedNotOpen, match="was rejected"):
        station.unidentified_matching.match(rejected, "SO-9301", ReturnReason.DEFECTIVE, **BACK_OFFICE)
    with pytest.raises(UnidentifiedNotOpen, match=f"was matched to {first.number} already"):
        station.unidentified_matching.match(matched, "SO-9301", ReturnReason.DEFECTIVE, **BACK_OFFICE)
    with pytest.raises(NotFound):
        station.unidentified_matching.match("UR-999999", "SO-9301", ReturnReason.DEFECTIVE, **BACK_OFFICE)

    assert desk_records(station) == before


def test_a_refused_match_needs_the_supervisor_as_the_desk_does(station) -> None:
    add_orders(station, Order("SO-9401", seller="true-image", lines=(OrderLine("HP-RM2-5425"),)))
    number, _ = add_unidentified_return(station, FoundItem("HP-RM2-5425"))
    before = desk_records(station)

    with pytest.raises(ReturnNotAuthorized, match="drum units only"):
        station.unidentified_matching.match(number, "SO-9401", ReturnReason.DEFECTIVE, **BACK_OFFICE)
    assert desk_records(station) == before

    created = station.unidentified_matching.match(
        number,
        "SO-9401",
        ReturnReason.DEFECTIVE,
        **BACK_OFFICE,
        approval=Approval("supervisor", "fuser returned under the service contract"),
    )

    assert created.authorized_by_supervisor and created.number == "RMA-000001"
    (created_event,) = events(station, created.number, "rma_created")
    assert created_event["supervisor"] == "supervisor"
