"""A denied cartridge kept for its customer, received today on the pages' demo station: a used TN-660
returned as not needed, found opened and half full, which the seller's policy denies and the routing
file holds for the customer before it moves on."""

from __future__ import annotations

from datetime import date, timedelta

from receiving_app.services.holds import HoldView
from receiving_app.services.station import Station
from tests.support.receiving import OPENED, grams, receive
from tests.support.warehouse import Line, Rma, add_rmas

LONGEST_HOLD = timedelta(days=90)  # past any hold the shipped routes and policies give


def held_for_customer(station: Station, folder, number: str) -> HoldView:
    """Receives the unit on a new RMA ``number`` and returns its hold as the station lists it."""
    # The demo station runs on today's date: the RMA is recent, inside the seller's return window.
    reported = date.today() - timedelta(days=2)
    add_rmas(
        station,
        folder,
        Rma(
            number,
            lines=(Line(sku="TN-660", reason="not_needed"),),
            purchased=(reported - timedelta(days=20)).isoformat(),
            shipped=(reported - timedelta(days=18)).isoformat(),
            delivered=(reported - timedelta(days=15)).isoformat(),
            reported=reported.isoformat(),
        ),
    )
    line = station.history.show_rma(number).rma.lines[0]
    result = receive(station, number, 1, condition=OPENED, weight=grams((line.full_g + line.empty_g) / 2))
    assert (result.decision.outcome, result.decision.route) == ("denied", "hold_for_customer")
    [held] = [hold for hold in station.holds.ending_soon(date.today(), LONGEST_HOLD.days) if hold.rma == number]
    assert held.lpn == result.decision.license_plate
    return held
