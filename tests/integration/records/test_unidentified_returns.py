"""Returns that came without an RMA: recorded with a number, a license plate and a shelf, their items
scanned and weighed, rejected with a reason and kept; and a unit matched to one is received on the
weight taken of it then."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

import pytest

from receiving_app.domain.engine import MissingFact
from receiving_app.domain.errors import InputError
from receiving_app.domain.inspection import ImplausibleWeight
from receiving_app.domain.scan import parse_scan
from receiving_app.domain.weight_capture import WeightCapture
from receiving_app.services.errors import NotFound
from receiving_app.services.unidentified import DEFAULT_PLACE, UnidentifiedNotOpen
from tests.support.parcels import (
    FEDEX_EXPRESS,
    UPS,
    add_rmas_with_tracking,
    captured_reading,
    events_of,
    match_item_to_unit,
    parcel_records,
    parcels,
)
from tests.support.receiving import OPENED, receive, weighed
from tests.support.warehouse import Line, Rma

TN_660_UPC = "082002977276"
READ_AT_THE_DOCK = datetime(2026, 3, 14, 9, 30, tzinfo=UTC)


def record(station, label: str | None = FEDEX_EXPRESS, **given):
    fields = {"sender": "", "notes": "", "found_with_rma": None, "place": None} | given
    return station.unidentified.record(tracking_or_label=label, user="receiver", station="bench-1", **fields)


def add(station, number: str, scanned: str, weight: WeightCapture | None = None):
    return station.unidentified.add_item(number, scanned=scanned, weight=weight, user="receiver", station="bench-1")


def from_the_scale(grams: str) -> WeightCapture:
    return WeightCapture(Decimal(grams), "g", Decimal(grams), True, "mt-sics", READ_AT_THE_DOCK)


def test_a_parcel_without_an_rma_is_recorded_weighed_and_rejected_and_stays_on_file(station) -> None:
    recorded = record(station, sender="Dana Whitfield, 12 Elm St", notes="two toners, no paperwork")

    assert (recorded.status, recorded.place, recorded.carrier, recorded.tracking_display) == (
        "open",
        DEFAULT_PLACE,
        "FedEx",
        "0123 4567 8983",
    )
    assert recorded.number.startswith("UR-") and recorded.lpn.startswith("LP")
    with pytest.raises(NotFound, match=f"{recorded.lpn} is the license plate of unidentified return {recorded.number}"):
        station.history.show_rma(recorded.lpn)
    assert parcels(station)[-1] == (FEDEX_EXPRESS, "tracking", "fedex", None, "bench")

    add(station, recorded.number, parse_scan("TN-660"), weighed("812.4g"))
    weighed_twice = add(station, recorded.lpn, parse_scan(f"]E0{TN_660_UPC}"), weighed("1.3 lb"))

    assert [(item.item, item.sku, item.grams, item.weight_as_read) for item in weighed_twice.items] == [
        (1, "TN-660", Decimal("812.4"), "812.4 g"),
        (2, "TN-660", Decimal("589.67008100"), "1.3 lb"),
    ]
    assert recorded.number in [view.number for view in station.unidentified.list_open()]

    rejected = station.unidentified.reject(recorded.number, "  no customer claims it ", user="receiver", station="b-1")

    assert (rejected.status, rejected.reject_reason, rejected.resolved_by) == (
        "rejected",
        "no customer claims it",
        "receiver",
    )
    kept = station.unidentified.show(recorded.lpn)
    assert (kept.status, len(kept.items), kept.sender) == ("rejected", 2, "D*** W*** 1*** E*** S***")
    assert recorded.number not in [view.number for view in station.unidentified.list_open()]
    trail = [event for event in events_of(station, "unidentified_recorded") if event[1]["number"] == recorded.number]
    assert trail == [
        (
            None,
            {
                "number": recorded.number,
                "lpn": recorded.lpn,
                "place": DEFAULT_PLACE,
                "label_kind": "tracking",
                "tracking_number": FEDEX_EXPRESS,
                "sender": "Dana Whitfield, 12 Elm St",
                "notes": "two toners, no paperwork",
            },
        )
    ]
    items = [
        payload for _, payload in events_of(station, "unidentified_item_added") if payload["number"] == recorded.number
    ]
    assert [(payload["item"], payload["sku"], payload["reading"]["grams"]) for payload in items] == [
        (1, "TN-660", "812.4"),
        (2, "TN-660", "589.670081"),
    ]
    assert events_of(station, "unidentified_rejected")[-1] == (
        None,
        {"number": recorded.number, "lpn": recorded.lpn, "reason": "no customer claims it"},
    )
    assert station.history.verify_audit_chain().first_break is None


def test_a_code_the_catalog_does_not_know_is_kept_without_an_sku(station) -> None:
    recorded = record(station, label=None, place="Bin Q-7")
    item = add(station, recorded.number, "NOT-A-SKU-42").items[0]
    assert (recorded.place, recorded.label, item.sku, item.description, item.grams) == (
        "Bin Q-7",
        None,
        None,
        "not in the catalog",
        None,
    )


@pytest.mark.parametrize(
    ("weight", "refusal", "words"),
    [
        (WeightCapture(Decimal("812.4"), "g", Decimal("812.4"), False, "mt-sics"), InputError, "stable"),
        (weighed("2.5 kg"), ImplausibleWeight, "not what a TN-660 can weigh"),
    ],
)
def test_a_weight_that_is_not_settled_or_not_plausible_is_refused_with_nothing_written(
    station, weight, refusal, words
) -> None:
    recorded = record(station)
    before = parcel_records(station)
    with pytest.raises(refusal, match=words):
        add(station, recorded.number, "TN-660", weight)
    assert parcel_records(station) == before


def test_a_rejected_return_takes_nothing_more_and_a_rejection_needs_a_reason(station) -> None:
    recorded = record(station)
    with pytest.raises(InputError, match="needs a written reason"):
        station.unidentified.reject(recorded.number, "  ", user="receiver", station="bench-1")
    station.unidentified.reject(recorded.number, "returned to sender", user="receiver", station="bench-1")
    before = parcel_records(station)

    with pytest.raises(UnidentifiedNotOpen, match="was rejected by receiver"):
        add(station, recorded.number, "TN-660")
    with pytest.raises(UnidentifiedNotOpen):
        station.unidentified.reject(recorded.number, "again", user="receiver", station="bench-1")
    assert parcel_records(station) == before


def test_items_an_rma_does_not_list_are_recorded_with_it_on_its_trail(station, tmp_path) -> None:
    add_rmas_with_tracking(station, tmp_path, (Rma("RA0000901"), UPS))
    with pytest.raises(InputError, match="is the label of RA0000901: open it at the bench"):
        record(station, label=UPS)

    recorded = record(station, label=UPS, found_with_rma="ra0000901", notes="a drum it does not list")
    add(station, recorded.number, "DR-630")

    assert (recorded.found_with_rma, recorded.label) == ("RA0000901", UPS)
    assert parcels(station)[-1] == (UPS, "tracking", "ups", "RA0000901", "bench")
    assert [event for event, _ in events_of(station, "unidentified_item_added")][-1] == "RA0000901"
    opened = station.history.show_rma("RA0000901")
    assert {"parcel_checked_in", "unidentified_recorded", "unidentified_item_added"} <= {
        event.type for event in opened.events
    }


def test_a_matched_unit_is_received_on_the_weight_taken_when_it_came_without_an_rma(station, tmp_path) -> None:
    add_rmas_with_tracking(station, tmp_path, (Rma("RA0000911", lines=(Line(sku="TN-660", quantity=2),)), ""))
    recorded = record(station)
    add(station, recorded.number, "TN-660", from_the_scale("812.4"))
    match_item_to_unit(station, recorded.number, 1, "RA0000911", 1, 1)

    line = station.history.show_rma("RA0000911").rma.lines[0]
    assert line.check_in_weights == (from_the_scale("812.4"), None)
    assert (line.check_in_weight(1), line.check_in_weight(2)) == (from_the_scale("812.4"), None)

    result = receive(station, "RA0000911", 1, unit=1, weight=None)

    assert result.weighed_at_check_in and result.as_json()["weighed_at_check_in"] is True
    assert captured_reading(station, "RA0000911", 1, 1) == (Decimal("812.4"), "mt-sics", READ_AT_THE_DOCK)
    assert result.decision.fill_fraction is not None
    with pytest.raises(MissingFact):
        receive(station, "RA0000911", 1, unit=2, weight=None)  # nothing was weighed of unit 2
    again = receive(station, "RA0000911", 1, unit=2, weight=weighed("600g"), condition=OPENED)
    assert again.as_json()["weighed_at_check_in"] is False
