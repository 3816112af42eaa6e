"""Containers fill by scanned license plates and close by weight: a box never goes past its limit, closes
at it exactly, takes only its own route's units, and reopens only for a supervisor; on SQLite and PostgreSQL."""

from __future__ import annotations

import tomllib

import pytest

from receiving_app.bootstrap import load_shipped_routing
from receiving_app.domain.routing_file import routing_from_mapping
from receiving_app.services.commands import Override
from receiving_app.services.containers import ContainerService
from receiving_app.services.errors import LineNotOpen, NotAllowed
from tests.support.receiving import OPENED, grams, receive
from tests.support.warehouse import Line, Rma, add_rmas

GRANTED = Override("supervisor", "refund", "long-standing customer")
EMPTIES = Rma("RA0000301", lines=(Line(sku="HP-85A-OEM", reason="wrong_item_shipped", quantity=4),))


@pytest.fixture
def small_boxes():
    """The shipped routes, with HP's recycling box holding two empties of 542 g and not a gram more."""
    text = load_shipped_routing().source_text.replace('max_kg = "31"', 'max_kg = "1.084"')
    return routing_from_mapping(tomllib.loads(text), "routes.toml", text)


def recycled_empty(station, unit: int, weight: str) -> str:
    result = receive(
        station, "RA0000301", 1, unit=unit, condition=OPENED, weight=grams(weight), virgin=False, override=GRANTED
    )
    assert result.decision.route == "oem_recycling"
    return result.decision.license_plate


def test_a_box_refuses_the_unit_that_would_take_it_past_its_weight_and_closes_at_it_exactly(
    station, tmp_path, small_boxes
) -> None:
    add_rmas(station, tmp_path, EMPTIES)
    first, heavier, last = (
        recycled_empty(station, unit, weight) for unit, weight in ((1, "542"), (2, "545"), (3, "542"))
    )
    containers = ContainerService(station.units, small_boxes)
    box = containers.open_container("oem_recycling", user="receiver", station="bench-1")

    assert containers.place(first, box.code, user="receiver", station="bench-1").closed is False
    with pytest.raises(LineNotOpen, match=r"past 1\.084 kg \(0\.542 kg left\)"):
        containers.place(heavier, box.code, user="receiver", station="bench-1")
    placed = containers.place(last, box.code, user="receiver", station="bench-1")

    assert placed.closed and placed.container.status == "closed"
    assert placed.container.as_json()["weight_kg"] == "1.084"
    assert placed.container.closed_because == "full: 1.084 kg of 1.084 kg"
    assert [decision.container for decision in station.history.show_rma("RA0000301").decisions] == [
        box.code,
        None,
        box.code,
    ]
    with pytest.raises(LineNotOpen, match="is closed"):
        containers.place(heavier, box.code, user="receiver", station="bench-1")


def test_a_unit_goes_only_into_a_container_of_its_own_route(station, tmp_path, small_boxes) -> None:
    add_rmas(station, tmp_path, EMPTIES)
    plate = recycled_empty(station, 1, "542")
    containers = ContainerService(station.units, small_boxes)
    tote = containers.open_container("restock_new", user="receiver", station="bench-1")

    with pytest.raises(LineNotOpen, match="goes to HP recycling, not into"):
        containers.place(plate, tote.code, user="receiver", station="bench-1")
    assert containers.show(tote.code).units == 0


def test_one_container_a_route_is_open_and_only_a_supervisor_reopens_a_closed_one(
    station, tmp_path, small_boxes
) -> None:
    containers = ContainerService(station.units, small_boxes)
    box = containers.open_container("oem_recycling", user="receiver", station="bench-1")
    with pytest.raises(LineNotOpen, match="open already"):
        containers.open_container("oem_recycling", user="receiver", station="bench-1")
    containers.close(box.code, user="receiver", station="bench-1")

    with pytest.raises(NotAllowed):
        containers.reopen(box.code, supervisor="receiver", station="bench-1", reason="one more fits")
    reopened = containers.reopen(box.code, supervisor="supervisor", station="bench-1", reason="one more fits")

    assert reopened.status == "open"
    report = station.history.verify_audit_chain()
    assert report.first_break is None
