"""The bench's open path: a scan read without the write lock, the opening recorded afterwards, a
bad scan recorded as before; and a hold released with the supervisor's note in the audit trail."""

from __future__ import annotations

import json

import pytest

from receiving_app.services.rma_opening import ScanProblem
from tests.support.receiving import receive, weighed
from tests.support.warehouse import Line, Rma, add_rmas


def events(station, number: str | None = None) -> list[tuple[str, str, dict]]:
    """The audit trail (of one RMA) as (type, user, payload)."""
    with station.units.read() as uow:
        return [
            (event.event_type, event.user, json.loads(event.payload))
            for event in uow.records.audit_chain()
            if number is None or event.rma_number == number
        ]


def test_a_scan_shows_the_rma_and_its_decisions_and_records_nothing_until_the_bench_says(station, tmp_path) -> None:
    add_rmas(station, tmp_path, Rma("RA0000201", lines=(Line(), Line(sku="TN-660", reason="not_needed"))))
    receive(station, "RA0000201", 1, weight=weighed("812.4g"))
    before = events(station, "RA0000201")

    rma, decisions = station.rma_opening.look_up_scan("]C0ra0000201", user="receiver", station="bench-1")

    assert rma.number == "RA0000201" and [line.status for line in rma.lines] == ["decided", "open"]
    assert [decision.line for decision in decisions] == [1] and decisions[0].documents
    assert events(station, "RA0000201") == before
    station.rma_opening.record_opened(rma.number, user="receiver", station="bench-1")
    assert events(station, "RA0000201")[-1] == ("rma_opened", "receiver", {"scanned": "RA0000201"})


@pytest.mark.parametrize(
    ("scanned", "event", "message"),
    [("RA0999999", "scan_unknown_rma", "No RMA"), ("RA\x0700", "scan_rejected", "garbled")],
)
def test_a_bad_scan_is_recorded_and_refused_as_when_opening(station, scanned, event, message) -> None:
    with pytest.raises(ScanProblem, match=message):
        station.rma_opening.look_up_scan(scanned, user="receiver", station="bench-1")
    assert events(station)[-1][:2] == (event, "receiver")


def test_a_hold_is_released_with_the_supervisors_note(station, tmp_path) -> None:
    add_rmas(station, tmp_path, Rma("RA0000202"))
    station.line_actions.hold("RA0000202", 1, user="receiver", station="bench-1", note="waiting for photos")
    station.line_actions.release_hold("RA0000202", 1, user="supervisor", station="bench-1", note="  photos arrived ")
    assert station.history.show_rma("RA0000202").rma.lines[0].status == "open"
    assert events(station, "RA0000202")[-1] == ("hold_released", "supervisor", {"line": 1, "note": "photos arrived"})
