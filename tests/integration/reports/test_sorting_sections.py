"""Where the day's units went, in the daily report, on SQLite and on PostgreSQL: units by route with
the value the routing file gives each route, the containers closed that day, and the stock the ledger
gained; each checked against the units read one by one from their RMAs, in the report, its CSV and its
PDF. A voided decision is in no route; a void cancels its restock."""

from __future__ import annotations

from datetime import timedelta
from decimal import ROUND_HALF_UP, Decimal

import pytest

from receiving_app.domain.money import Money
from receiving_app.services.commands import Override
from receiving_app.services.report_sorting_tables import NO_VALUE
from receiving_app.services.reports import StockAdded, report_csv, report_pdf
from tests.support.bench_day import DAY, DAY_ENDS, DAY_STARTS, local
from tests.support.csv_reading import csv_sections
from tests.support.pdf import reading_text
from tests.support.receiving import OPENED, grams, receive
from tests.support.warehouse import Line, Rma, add_rmas

SEALED_FULL = Line(sku="TN-660", reason="not_needed")
OPENED_HALF = Line(sku="TN-760", reason="wrong_item_shipped")
EMPTY_HP = Line(sku="HP-85A-OEM", unit_price="79.99", reason="wrong_item_shipped")
SEALED_DRUM = Line(sku="DR-630", unit_price="39.99", reason="not_needed")
GRANTED = Override("supervisor", "refund", "long-standing customer")
"""A used cartridge is denied under the policy; a supervisor's refund sends an OEM empty on to the empties."""
NUMBERS = ("RA0000901", "RA0000902", "RA0000903", "RA0000904")


def at(station, moment) -> None:
    station.units.clock.at(moment)


def void(station, number: str, moment, reason: str = "Scanned the wrong RMA") -> None:
    at(station, moment)
    (decision,) = [decision for decision in station.history.show_rma(number).decisions if not decision.voided]
    station.history.void_document(decision.documents[0].number, user="supervisor", station="bench-1", reason=reason)


def sort_a_day(station, folder) -> dict[str, str]:
    """On DAY: a sealed toner back to stock, a half-full one to open box, two virgin empties, and a
    sealed toner restocked and voided within the hour; the day before, a drum restocked and voided on
    DAY. The two virgin empties go into a container closed on DAY; a stock tote is closed the next day.
    Returns the containers' codes."""
    add_rmas(
        station,
        folder,
        Rma("RA0000901", lines=(SEALED_FULL, OPENED_HALF), payment="open_account"),
        Rma("RA0000902", lines=(EMPTY_HP, EMPTY_HP)),
        Rma("RA0000903", lines=(SEALED_FULL,), payment="open_account"),
        Rma("RA0000904", lines=(SEALED_DRUM,), payment="open_account"),
    )
    at(station, local(15, 0, day=DAY - timedelta(days=1)))
    receive(station, "RA0000904", 1, weight=None)

    at(station, local(8, 30))
    restocked = receive(station, "RA0000901", 1).decision.license_plate
    half = station.history.show_rma("RA0000901").rma.lines[1]
    at(station, local(9, 0))
    receive(station, "RA0000901", 2, condition=OPENED, weight=grams((half.full_g + half.empty_g) / 2))
    empty = station.history.show_rma("RA0000902").rma.lines[0]
    virgin = []
    for line, (hour, minute) in enumerate(((10, 0), (10, 5)), start=1):
        at(station, local(hour, minute))
        result = receive(
            station,
            "RA0000902",
            line,
            condition=OPENED,
            weight=grams(empty.empty_g + line),  # two weights, so the container adds up two figures
            virgin=True,
            override=GRANTED,
        )
        virgin.append(result.decision.license_plate)
    at(station, local(11, 0))
    receive(station, "RA0000903", 1)
    void(station, "RA0000903", local(11, 30))
    void(station, "RA0000904", local(12, 0), reason="Drum counted twice")

    at(station, local(14, 0))
    gaylord = station.containers.open_container("empties_virgin", user="receiver", station="bench-1").code
    for plate in virgin:
        station.containers.place(plate, gaylord, user="receiver", station="bench-1")
    station.containers.close(gaylord, user="receiver", station="bench-1")
    tote = station.containers.open_container("restock_new", user="receiver", station="bench-1").code
    station.containers.place(restocked, tote, user="receiver", station="bench-1")
    at(station, DAY_ENDS + timedelta(hours=1))
    station.containers.close(tote, user="receiver", station="bench-1")
    at(station, DAY_ENDS + timedelta(hours=2))
    return {"gaylord": gaylord, "tote": tote}


def units_one_by_one(station):
    """The standing decisions of DAY, read from their RMAs."""
    return [
        decision
        for number in NUMBERS
        for decision in station.history.show_rma(number).decisions
        if DAY_STARTS <= decision.decided_at < DAY_ENDS and not decision.voided
    ]


def test_units_by_route_are_the_days_standing_units_and_their_value(station, reports, tmp_path) -> None:
    sort_a_day(station, tmp_path)
    routing = station.receiving._routing
    decided = units_one_by_one(station)
    assert all(decision.license_plate for decision in decided)

    report = reports.daily(DAY)

    counted: dict[str, int] = {}
    for decision in decided:
        counted[decision.route] = counted.get(decision.route, 0) + 1
    assert {route.route: route.units for route in report.routes} == counted
    assert counted == {"restock_new": 1, "restock_open_box": 1, "empties_virgin": 2}  # the void is not counted
    assert report.units_sorted == len(decided) == 4
    worth = [routing.routes[decision.route].value for decision in decided]
    assert report.value_recovered == sum((value for value in worth if value is not None), Money.zero())
    assert report.value_recovered == Money.of("6.00")
    assert [(route.label, route.value) for route in report.routes] == [
        ("Back to stock, new", None),
        ("Back to stock, open box", None),
        ("Virgin empty", Money.of("6.00")),
    ]


def test_containers_closed_on_the_day_with_their_units_and_weight(station, reports, tmp_path) -> None:
    codes = sort_a_day(station, tmp_path)
    in_gaylord = [
        decision
        for number in NUMBERS
        for decision in station.history.show_rma(number).decisions
        if decision.container == codes["gaylord"]
    ]
    empty = station.history.show_rma("RA0000902").rma.lines[0]
    weighed = sum((Decimal(empty.empty_g) + line for line in (1, 2)), Decimal(0))

    (closed,) = reports.daily(DAY).containers_closed

    assert (closed.code, closed.label, closed.because) == (codes["gaylord"], "Virgin empty", "closed by hand")
    assert closed.units == len(in_gaylord) == 2
    assert closed.weight_kg == (weighed / 1000).quantize(Decimal("0.001"), rounding=ROUND_HALF_UP)
    # The tote was closed the next day: it is that day's.
    assert [container.code for container in reports.daily(DAY + timedelta(days=1)).containers_closed] == [codes["tote"]]


def test_stock_added_is_the_ledger_of_the_day_a_void_taking_back_its_restock(station, reports, tmp_path) -> None:
    sort_a_day(station, tmp_path)

    report = reports.daily(DAY)

    assert report.stock_added == (
        StockAdded("DR-630", "new", -1),  # restocked the day before, voided on DAY
        StockAdded("TN-660", "new", 1),  # RA0000903's restock and its void cancel out
        StockAdded("TN-760", "open_box", 1),
    )
    assert report.units_stocked == 1
    previous = reports.daily(DAY - timedelta(days=1))
    assert previous.stock_added == (StockAdded("DR-630", "new", 1),)
    assert [(route.route, route.units) for route in previous.routes] == []  # its one decision is voided


def test_the_csv_and_the_pdf_have_the_three_sections_adding_up(station, reports, tmp_path) -> None:
    codes = sort_a_day(station, tmp_path)
    report = reports.daily(DAY)
    (closed,) = report.containers_closed

    csv_text = report_csv(report)
    sections = csv_sections(csv_text)

    assert sections["Units by route"] == [
        ["Route", "Units", "Value recovered (USD)"],
        ["Back to stock, new", "1", NO_VALUE],
        ["Back to stock, open box", "1", NO_VALUE],
        ["Virgin empty", "2", "6.00"],
        ["Total", "4", "6.00"],
    ]
    assert sections["Containers closed"] == [
        ["Container", "Route", "Units", "Weight (kg)", "Why closed"],
        [codes["gaylord"], "Virgin empty", "2", f"{closed.weight_kg:.3f}", "Closed by hand"],
        ["Total", "", "2", f"{closed.weight_kg:.3f}", ""],
    ]
    assert sections["Stock added"] == [
        ["SKU", "Grade", "Units"],
        ["DR-630", "New", "-1"],
        ["TN-660", "New", "1"],
        ["TN-760", "Open box", "1"],
        ["Total", "", "1"],
    ]
    assert "Value recovered,6.00\r\n" in csv_text and "Containers closed,1\r\n" in csv_text
    text = reading_text(report_pdf(report))
    for words in (
        "Value recovered $6.00",
        "Units by route",
        "Value recovered (USD)",
        "Virgin empty 2 6.00",
        "Total 4 6.00",
        "Containers closed",
        f"{codes['gaylord']} Virgin empty 2 {closed.weight_kg:.3f} Closed by hand",
        "Stock added",
        "TN-760 Open box 1",
        "DR-630 New -1",
    ):
        assert words in text, words


def test_one_station_s_report_sorts_only_its_own_units(station, reports, tmp_path) -> None:
    sort_a_day(station, tmp_path)

    elsewhere = reports.daily(DAY, "bench-2")

    assert (elsewhere.routes, elsewhere.containers_closed, elsewhere.stock_added) == ((), (), ())
    assert reports.daily(DAY, "bench-1").routes == reports.daily(DAY).routes


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_a_day_without_sorting_says_so_in_each_section(station, reports) -> None:
    report = reports.daily(DAY)

    sections = csv_sections(report_csv(report))
    text = reading_text(report_pdf(report))

    assert report.value_recovered == Money.zero() and report.containers_closed == report.stock_added == ()
    for title, empty in (
        ("Units by route", "No unit was sorted in this period."),
        ("Containers closed", "No container was closed in this period."),
        ("Stock added", "No unit was added to stock in this period."),
    ):
        assert sections[title] == [sections[title][0]], title  # the heading row, and no total
        assert f"{title} {empty}" in text, title
    assert f"Note: {empty}" in report_csv(report)


def test_a_shift_counts_the_units_of_its_hours(station, reports, tmp_path) -> None:
    sort_a_day(station, tmp_path)

    morning = reports.shift(local(8, 0), local(9, 30))

    assert [(route.route, route.units) for route in morning.routes] == [("restock_new", 1), ("restock_open_box", 1)]
    assert morning.value_recovered == Money.zero() and morning.containers_closed == ()
