"""Units received today on the pages' demo station that the routing file sends somewhere worth a page's
column: sealed toners back to stock as new, half-used ones as open box, and virgin empties, which
bring in money."""

from __future__ import annotations

from datetime import date, timedelta

from receiving_app.services.commands import Override
from receiving_app.services.station import Station
from tests.support.receiving import OPENED, grams, receive
from tests.support.warehouse import Line, Rma, add_rmas

SEALED_FULL = Line(sku="TN-660", reason="not_needed")
OPENED_HALF = Line(sku="TN-760", reason="wrong_item_shipped")
EMPTY_HP = Line(sku="HP-85A-OEM", unit_price="79.99", reason="wrong_item_shipped")
GRANTED = Override("supervisor", "refund", "long-standing customer")
"""A used cartridge is denied under the policy; a supervisor's refund sends an OEM empty on to the empties."""


def _recent(number: str, lines: tuple[Line, ...], payment: str) -> Rma:
    # The demo station runs on today's date: an RMA from last March would be past its return window.
    reported = date.today() - timedelta(days=2)
    return Rma(
        number,
        lines=lines,
        payment=payment,
        purchased=(reported - timedelta(days=20)).isoformat(),
        shipped=(reported - timedelta(days=18)).isoformat(),
        delivered=(reported - timedelta(days=15)).isoformat(),
        reported=reported.isoformat(),
    )


def restock(station: Station, folder, number: str, *, sealed: int, opened: int) -> list[str]:
    """Receive ``sealed`` TN-660s found full and sealed, then ``opened`` TN-760s found opened and half
    used, on one RMA; returns the units' license plates in that order."""
    add_rmas(station, folder, _recent(number, (SEALED_FULL,) * sealed + (OPENED_HALF,) * opened, "open_account"))
    plates = []
    for index, line in enumerate(station.history.show_rma(number).rma.lines, start=1):
        if index <= sealed:
            result = receive(station, number, index)
        else:
            result = receive(station, number, index, condition=OPENED, weight=grams((line.full_g + line.empty_g) / 2))
        plates.append(result.decision.license_plate)
    return plates


def recover_empties(station: Station, folder, number: str, count: int) -> list[str]:
    """Receive ``count`` never-refilled HP empties a supervisor refunds; returns their license plates."""
    add_rmas(station, folder, _recent(number, (EMPTY_HP,) * count, "card"))
    lines = station.history.show_rma(number).rma.lines
    return [
        receive(
            station, number, index, condition=OPENED, weight=grams(line.empty_g), virgin=True, override=GRANTED
        ).decision.license_plate
        for index, line in enumerate(lines, start=1)
    ]
