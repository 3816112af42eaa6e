"""An RMA's timeline as History shows it: one decision row per unit, saying which unit it was, what it
weighed (the readings seen while the scale settled stay in the inspection, off the timeline), the
outcome, the documents it issued and where the unit went."""

from __future__ import annotations

from decimal import Decimal

import pytest

from receiving_app.domain.weight_capture import WeightCapture
from tests.support.receiving import OPENED, grams, receive
from tests.support.warehouse import Line, Rma, add_rmas

pytestmark = pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)


def from_the_scale(value: str) -> WeightCapture:
    return WeightCapture(Decimal(value), "g", Decimal(value), True, "mt-sics")


def test_a_line_of_four_units_has_one_weight_row_per_unit_naming_it(station, tmp_path) -> None:
    add_rmas(station, tmp_path, Rma("RA0000801", lines=(Line(quantity=4, reason="not_needed"),)))
    settling = (grams("402.0"), grams("811.0"), grams("812.9"))  # set down, still moving: seen, not used
    captured = ["812.4", "813.0", "809.6", "810.2"]

    for unit, weight in enumerate(captured, start=1):
        receive(station, "RA0000801", 1, unit=unit, weight=from_the_scale(weight), readings_seen=settling)

    detail = station.history.show_rma("RA0000801")
    decided = [event.detail for event in detail.events if event.type == "decision_made"]
    assert decided == [
        " · ".join(
            [
                f"line 1 unit {unit} · {weight} g from the scale · refund",
                *(document.number for document in decision.documents),
                f"{decision.license_plate} to restock new",
                *(["RMA closed"] if unit == len(captured) else []),
            ]
        )
        for (unit, weight), decision in zip(enumerate(captured, start=1), detail.decisions, strict=True)
    ]
    # The decision's event says the inspection, the documents and the sorting: no rows of their own.
    assert {"inspection_recorded", "document_issued", "unit_sorted"}.isdisjoint(event.type for event in detail.events)
    assert all(len(inspection_readings) == 4 for inspection_readings in _readings_kept(station, "RA0000801"))


def test_a_weight_typed_by_hand_says_so_on_its_row(station, tmp_path) -> None:
    add_rmas(station, tmp_path, Rma("RA0000802"))

    receive(station, "RA0000802", 1, weight=grams("812.4"), condition=OPENED)

    events = station.history.show_rma("RA0000802").events
    [row] = [event.detail for event in events if event.type == "decision_made"]
    assert row.startswith("line 1 unit 1 · 812.4 g typed by hand · ")


def _readings_kept(station, number: str) -> list[list[Decimal]]:
    """Every reading each inspection kept (those seen and the one captured), by unit."""
    with station.units.read() as uow:
        rma = uow.records.rma(number)
        return [[reading.grams for reading in row.readings] for row in uow.records.inspections_for_rma(rma.id)]
