"""Every decided unit is sorted: a license plate numbered without gaps, the route the warehouse's file
gives it, and, for a route back to stock, one more unit on hand; checked on SQLite and PostgreSQL."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from receiving_app.domain.engine import MissingFact
from receiving_app.domain.facts import Condition
from receiving_app.domain.scan import parse_scan
from receiving_app.services.commands import Override
from receiving_app.services.errors import LineNotOpen
from receiving_app.services.setup import prepare_database
from receiving_app.services.stock import StockLine
from tests.support.cli import run_cli
from tests.support.receiving import OPENED, grams, receive
from tests.support.warehouse import Line, Rma, add_rmas

SEALED_FULL = Line(sku="TN-660", reason="not_needed")
OPENED_HALF = Line(sku="TN-760", reason="wrong_item_shipped")
EMPTY_HP = Line(sku="HP-85A-OEM", reason="wrong_item_shipped")
GRANTED = Override("supervisor", "refund", "long-standing customer")
"""A used cartridge is denied under the policy; a supervisor's refund sends it on to the empties."""


def test_each_unit_gets_the_next_plate_and_the_route_of_what_was_found(station, tmp_path) -> None:
    add_rmas(station, tmp_path, Rma("RA0000201", lines=(SEALED_FULL, OPENED_HALF, EMPTY_HP), payment="open_account"))

    sealed = receive(station, "RA0000201", 1)
    half = station.history.show_rma("RA0000201").rma.lines[1]
    opened = receive(station, "RA0000201", 2, condition=OPENED, weight=grams((half.full_g + half.empty_g) / 2))
    empty = station.history.show_rma("RA0000201").rma.lines[2]
    recycled = receive(
        station, "RA0000201", 3, condition=OPENED, weight=grams(empty.empty_g), virgin=False, override=GRANTED
    )

    assert [result.as_json()["units"] for result in (sealed, opened, recycled)] == [
        [{"unit": 1, "lpn": "LP00000001", "route": "restock_new", "container": None}],
        [{"unit": 1, "lpn": "LP00000002", "route": "restock_open_box", "container": None}],
        [{"unit": 1, "lpn": "LP00000003", "route": "oem_recycling", "container": None}],
    ]
    shown = station.history.show_rma("RA0000201")
    assert [(decision.license_plate, decision.route) for decision in shown.decisions] == [
        ("LP00000001", "restock_new"),
        ("LP00000002", "restock_open_box"),
        ("LP00000003", "oem_recycling"),
    ]
    decided = [event for event in shown.events if event.type == "decision_made"]
    assert [event.detail.split(" · ")[-2:] for event in decided] == [
        ["RF-000001", "LP00000001 to restock new"],
        ["CM-000002", "LP00000002 to restock open box"],
        ["LP00000003 to oem recycling", "RMA closed"],  # the RMA's last unit
    ]


def test_an_empty_is_not_sorted_until_the_clerk_says_whether_it_was_refilled(station, tmp_path) -> None:
    add_rmas(station, tmp_path, Rma("RA0000202", lines=(EMPTY_HP,)))
    empty = station.history.show_rma("RA0000202").rma.lines[0]

    with pytest.raises(MissingFact) as missing:
        receive(station, "RA0000202", 1, condition=OPENED, weight=grams(empty.empty_g), override=GRANTED)

    assert missing.value.still_to_check == ("virgin empty (never refilled)",)
    assert station.history.show_rma("RA0000202").decisions == ()
    virgin = receive(
        station, "RA0000202", 1, condition=OPENED, weight=grams(empty.empty_g), virgin=True, override=GRANTED
    )
    assert virgin.decision.route == "empties_virgin"


def test_a_full_cartridge_is_not_put_back_in_stock_on_a_seal_nobody_checked(station, tmp_path) -> None:
    add_rmas(station, tmp_path, Rma("RA0000203", lines=(Line(sku="TN-660", reason="wrong_item_shipped"),)))

    with pytest.raises(MissingFact) as missing:
        receive(station, "RA0000203", 1, condition=Condition())

    assert set(missing.value.still_to_check) >= {"sealed", "unopened"}
    assert station.history.show_rma("RA0000203").decisions == ()


def test_stock_on_hand_is_the_restocked_units_read_one_by_one(station, tmp_path) -> None:
    lines = (SEALED_FULL, OPENED_HALF, SEALED_FULL, Line(sku="HP-85A", reason="not_needed"), OPENED_HALF)
    add_rmas(station, tmp_path, Rma("RA0000204", lines=lines, payment="open_account"))
    for number, line in enumerate(station.history.show_rma("RA0000204").rma.lines, start=1):
        opened = number in (2, 5)
        weight = grams((line.full_g + line.empty_g) / 2) if opened else grams(line.full_g)
        receive(station, "RA0000204", number, condition=OPENED if opened else Condition.as_sold(), weight=weight)

    shown = station.history.show_rma("RA0000204")
    grade_of_route = {"restock_new": "new", "restock_open_box": "open_box"}
    counted: dict[tuple[str, str], int] = {}
    for decision in shown.decisions:
        if decision.route in grade_of_route:
            key = (shown.rma.lines[decision.line - 1].sku, grade_of_route[decision.route])
            counted[key] = counted.get(key, 0) + 1
    assert station.stock.on_hand() == tuple(
        StockLine(sku, grade, quantity) for (sku, grade), quantity in sorted(counted.items())
    )
    assert station.stock.on_hand() == (
        StockLine("HP-85A", "new", 1),
        StockLine("TN-660", "new", 2),
        StockLine("TN-760", "open_box", 2),
    )


def test_voiding_a_decision_takes_its_unit_back_out_of_stock(station, tmp_path) -> None:
    add_rmas(station, tmp_path, Rma("RA0000205", lines=(SEALED_FULL,), payment="open_account"))
    memo = receive(station, "RA0000205", 1).decision.documents[0].number
    assert station.stock.on_hand() == (StockLine("TN-660", "new", 1),)

    station.history.void_document(memo, user="supervisor", station="bench-1", reason="wrong RMA scanned")

    assert station.stock.on_hand() == ()
    voided = next(event for event in station.history.show_rma("RA0000205").events if event.type == "decision_voided")
    assert voided.detail == "line 1 unit 1 · out of new stock"


def test_routes_edited_without_a_new_version_are_refused(station) -> None:
    routing = station.receiving._routing
    edited = replace(routing, source_text=routing.source_text.replace('max_kg = "31"', 'max_kg = "30"'))
    assert edited.source_text != routing.source_text

    with pytest.raises(LineNotOpen, match="new version"):
        prepare_database(station.units, station.policies, edited)


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_the_stock_command_lists_and_exports_what_is_on_hand(station, database_url, tmp_path) -> None:
    add_rmas(station, tmp_path, Rma("RA0000206", lines=(SEALED_FULL, SEALED_FULL), payment="open_account"))
    receive(station, "RA0000206", 1)
    receive(station, "RA0000206", 2)

    listed = run_cli("--db", database_url, "stock", "--json", "--csv", str(tmp_path / "stock.csv"))

    assert listed.code == 0, listed.stderr
    assert json.loads(listed.stdout) == [{"sku": "TN-660", "grade": "new", "quantity": 2}]
    assert (tmp_path / "stock.csv").read_text(encoding="utf-8") == "sku,grade,quantity\nTN-660,new,2\n"


def test_a_license_plate_opens_its_units_rma_as_its_number_does(station, tmp_path) -> None:
    add_rmas(station, tmp_path, Rma("RA0000207", lines=(SEALED_FULL,), payment="open_account"))
    plate = receive(station, "RA0000207", 1).decision.license_plate

    shown, decisions = station.rma_opening.look_up_scan(parse_scan(plate.lower()), user="receiver", station="bench-1")

    assert shown.number == "RA0000207"
    assert [decision.license_plate for decision in decisions] == [plate]
    assert station.history.show_rma(plate).rma.number == "RA0000207"
