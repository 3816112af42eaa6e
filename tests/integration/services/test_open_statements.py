"""What opening an RMA by scan asks of the database, as the bench does it: the look-up the window waits
for, then the opening's record (the parcel's arrival when nobody checked it in at the dock).

Features added to opening (the arrival at the bench, license plates and tracking numbers) had taken
a first opening to 22 statements, each built anew, and the scan's p95 from 1.8 to 6.9 ms on a million
RMAs (docs/performance.md); the bounds below are what it sends now, so that a statement added back is
noticed here rather than at the bench.
"""

from __future__ import annotations

from receiving_app.domain.scan import parse_scan
from tests.support.statements import COMMIT, statements_sent
from tests.support.warehouse import Line, Rma, add_rmas

LOOK_UP_AT_MOST = 6  # the RMA with its lines and their catalog items, decisions, missing units, tracking, check-in
FIRST_OPENING_AT_MOST = 11  # the RMA with no parcel yet, the parcel, the addressee, the event and its e-mail
LATER_OPENING_AT_MOST = 6  # the RMA has arrived: only the event


def open_as_the_bench_does(station, number: str) -> tuple[list[str], list[str]]:
    """The statements of the look-up and of the opening's record, COMMITs left out."""
    scan = parse_scan(number)
    with statements_sent(station.units.engine) as log:
        view, _decisions = station.rma_opening.look_up_scan(scan, user="receiver", station="bench-1")
        looked_up = log.take()
        station.rma_opening.record_opened(view.number, user="receiver", station="bench-1", scanned=scan)
        recorded = log.take()
    assert view.number == number
    return [s for s in looked_up if s != COMMIT], [s for s in recorded if s != COMMIT]


def test_opening_an_rma_reads_it_in_6_statements_and_records_its_arrival_in_11(station, tmp_path) -> None:
    add_rmas(station, tmp_path, Rma("RA0000901", lines=(Line(quantity=2), Line())), Rma("RA0000902"))
    open_as_the_bench_does(station, "RA0000902")  # a station reads its policies and routing once, first

    looked_up, first = open_as_the_bench_does(station, "RA0000901")
    _, later = open_as_the_bench_does(station, "RA0000901")

    assert len(looked_up) <= LOOK_UP_AT_MOST, looked_up
    assert "INSERT parcels" in first and len(first) <= FIRST_OPENING_AT_MOST, first
    assert "INSERT parcels" not in later and len(later) <= LATER_OPENING_AT_MOST, later
    assert not [statement for statement in looked_up if not statement.startswith(("SELECT", "BEGIN"))]
    with station.units.read() as uow:
        assert uow.records.first_parcel_of_rma(uow.records.rma("RA0000901").id).checked_in_at == "bench"
