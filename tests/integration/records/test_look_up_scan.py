"""The bench's open path: a scan read without the write lock, the opening recorded afterwards, a
bad scan recorded as before; and a hold released with the supervisor's note in the audit trail."""

from __future__ import annotations

import json

import pytest

from receiving_app.domain.scan import ScanError, parse_scan
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

    rma, decisions = station.rma_opening.look_up_scan(parse_scan("]C0ra0000201"), user="receiver", station="bench-1")

    assert rma.number == "RA0000201" and [line.status for line in rma.lines] == ["decided", "open"]
    assert [decision.line for decision in decisions] == [1] and decisions[0].documents
    assert events(station, "RA0000201") == before
    station.rma_opening.record_opened(rma.number, user="receiver", station="bench-1")
    assert events(station, "RA0000201")[-1] == ("rma_opened", "receiver", {"scanned": "RA0000201"})


def test_a_number_that_names_no_rma_is_recorded_and_refused(station) -> None:
    with pytest.raises(ScanProblem, match="No RMA"):
        station.rma_opening.look_up_scan(parse_scan("RA0999999"), user="receiver", station="bench-1")
    assert events(station)[-1] == ("scan_unknown_rma", "receiver", {"scanned": "RA0999999"})


def test_a_garbled_scan_is_recorded_by_what_was_wrong_not_by_its_characters(station) -> None:
    with pytest.raises(ScanError, match="garbled") as refused:
        parse_scan("RA\x0700")
    station.rma_opening.record_refused_scan(str(refused.value), user="receiver", station="bench-1")
    assert events(station)[-1] == ("scan_rejected", "receiver", {"problem": str(refused.value)})


def test_a_hold_is_released_with_the_supervisors_note(station, tmp_path) -> None:
    add_rmas(station, tmp_path, Rma("RA0000202"))
    station.line_actions.hold("RA0000202", 1, user="receiver", station="bench-1", note="waiting for photos")
    station.line_actions.release_hold("RA0000202", 1, user="supervisor", station="bench-1", note="  photos arrived ")
    assert station.history.show_rma("RA0000202").rma.lines[0].status == "open"
    assert events(station, "RA0000202")[-1] == ("hold_released", "supervisor", {"line": 1, "note": "photos arrived"})
