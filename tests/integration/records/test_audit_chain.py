"""The audit trail is tamper-evident: any hashed field changed with plain SQL is named by verify."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from tests.support.cli import run_cli
from tests.support.race import receive_for_race
from tests.support.warehouse import Line, Rma, add_rmas


@pytest.fixture
def chained(station, tmp_path):
    add_rmas(station, tmp_path, Rma("RA0000301", lines=(Line(), Line(sku="DR-630", unit_price="39.99"))))
    receive_for_race(station.database_url, tmp_path / "settings.json", "RA0000301", 1, "bench-1")
    receive_for_race(station.database_url, tmp_path / "settings.json", "RA0000301", 2, "bench-1")
    report = station.history.verify_audit_chain()
    assert report.first_break is None and report.events > 5
    return station


def tamper(station, sql: str, **parameters) -> None:
    with station.units.engine.begin() as connection:
        connection.execute(text(sql), parameters)


@pytest.mark.parametrize(
    ("column", "value"),
    [
        ("event_type", "'document_voided'"),
        ("user_name", "'supervisor'"),
        ("station_id", "'bench-9'"),
        ("rma_number", "'RA0000999'"),
        ("payload", 'replace(payload, \'"refund_total":"\', \'"refund_total":"1\')'),
        ("previous_hash", "'" + "f" * 64 + "'"),
        ("hash", "'" + "e" * 64 + "'"),
    ],
)
def test_changing_a_hashed_field_is_caught_and_the_event_named(chained, column, value) -> None:
    victim = _decision_event(chained)
    tamper(chained, f"UPDATE audit_events SET {column} = {value} WHERE sequence = :sequence", sequence=victim)

    broken = chained.history.verify_audit_chain().first_break

    assert broken is not None and broken.sequence == victim


def test_changing_the_time_of_an_event_is_caught(chained) -> None:
    victim = _decision_event(chained)
    one_second_later = {"sqlite": "datetime(at, '+1 second')", "postgresql": "at + interval '1 second'"}
    tamper(
        chained,
        f"UPDATE audit_events SET at = {one_second_later[chained.units.engine.dialect.name]} WHERE sequence = :s",
        s=victim,
    )
    assert chained.history.verify_audit_chain().first_break.sequence == victim


def test_deleting_events_in_the_middle_or_at_the_end_is_caught(chained) -> None:
    head = chained.history.verify_audit_chain().events
    tamper(chained, "DELETE FROM audit_events WHERE sequence = :s", s=head)
    assert "removed" in str(chained.history.verify_audit_chain().first_break)
    tamper(chained, "DELETE FROM audit_events WHERE sequence = 3")
    broken = chained.history.verify_audit_chain().first_break
    assert broken.sequence == 3 and "missing" in str(broken)


def test_audit_verify_exits_3_naming_the_first_broken_event(chained) -> None:
    assert run_cli("--db", chained.database_url, "audit", "verify").code == 0
    victim = _decision_event(chained)
    tamper(chained, "UPDATE audit_events SET user_name = 'admin' WHERE sequence = :s", s=victim)

    run = run_cli("--db", chained.database_url, "audit", "verify")

    assert run.code == 3
    assert f"event {victim} (decision_made)" in run.stderr


def _decision_event(station) -> int:
    with station.units.read() as uow:
        return next(event.sequence for event in uow.records.audit_chain() if event.event_type == "decision_made")
