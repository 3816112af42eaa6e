"""Signed checkpoints: `audit verify` starts from the newest good one and replays only what follows;
`--full` replays everything and holds every checkpoint against the chain; the database refuses to
change or remove a checkpoint, and one the station did not sign is named and passed over. On SQLite
and on PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy.exc import DBAPIError

from receiving_app.domain.audit import AuditEvent
from receiving_app.domain.audit_checkpoints import CheckpointProblem
from receiving_app.persistence.unit_of_work import UnitOfWorkFactory
from receiving_app.services import audit_checkpointing
from tests.support.audit_checkpoints import GrowingChain, grown
from tests.support.cli import run_cli


@pytest.fixture
def chain(station, tmp_path) -> GrowingChain:
    return grown(station, tmp_path, 2)


def test_verify_starts_at_the_checkpoint_and_replays_only_the_events_after_it(chain) -> None:
    checkpointed = chain.checkpoint().events
    head = chain.receive_another()

    report = chain.verify()

    assert report.first_break is None
    assert (report.checked_from, report.replayed, report.events) == (checkpointed, head - checkpointed, head)
    assert chain.verify(full=True).replayed == head


def test_an_event_changed_after_the_checkpoint_is_caught_by_the_default_verify(chain) -> None:
    checkpointed = chain.checkpoint().events
    chain.receive_another()
    victim = chain.event_of_type("decision_made", after=checkpointed)

    chain.sql("UPDATE audit_events SET user_name = 'admin' WHERE sequence = :s", s=victim)

    assert str(chain.verify().first_break).startswith(f"event {victim} (decision_made) was changed")


def test_an_event_changed_before_the_checkpoint_is_caught_by_the_full_verify_only(chain) -> None:
    victim = chain.event_of_type("decision_made")
    chain.checkpoint()
    chain.receive_another()

    chain.sql("UPDATE audit_events SET user_name = 'admin' WHERE sequence = :s", s=victim)

    assert chain.verify().first_break is None  # vouched for by the checkpoint: not replayed again
    assert str(chain.verify(full=True).first_break).startswith(f"event {victim} (decision_made) was changed")


def test_a_row_written_after_the_checkpoint_is_held_against_its_record(chain) -> None:
    chain.checkpoint()
    chain.receive_another()

    chain.sql("UPDATE decisions SET refund_total = refund_total + 1000 WHERE id = (SELECT max(id) FROM decisions)")

    problem = str(chain.verify().first_break)
    assert problem.startswith("decisions row ") and "changed outside the station" in problem


def test_a_row_written_before_the_checkpoint_is_held_against_its_record_by_the_full_verify(chain) -> None:
    chain.checkpoint()
    chain.receive_another()

    chain.sql("UPDATE decisions SET refund_total = refund_total + 1000 WHERE id = (SELECT min(id) FROM decisions)")

    assert chain.verify().first_break is None
    assert str(chain.verify(full=True).first_break).startswith("decisions row ")


def test_an_event_recorded_on_the_whole_second_verifies_as_any_other(chain) -> None:
    """Its time is written without a fraction ("12:00:00+00:00") in the text its hash covers."""
    checkpointed = chain.checkpoint().events
    on_the_second = UnitOfWorkFactory(
        chain.station.units.engine,
        clock=lambda: datetime(2026, 3, 16, 12, 0, 0, tzinfo=UTC),
        chain_key=chain.station.units.chain_key,
    )
    with on_the_second.write() as uow:
        uow.record(AuditEvent("scan_rejected", "receiver", "bench-1", None, {"problem": "not a barcode"}))
        uow.commit()

    assert chain.verify().first_break is None and chain.verify().replayed == 1
    assert chain.verify(full=True).first_break is None
    assert chain.checkpoint().events == checkpointed + 1


def test_the_database_refuses_to_change_or_remove_a_checkpoint(chain) -> None:
    chain.checkpoint()

    for statement in (
        "UPDATE audit_checkpoints SET sequence = sequence - 1",
        "UPDATE audit_checkpoints SET station_id = 'bench-9'",
        "DELETE FROM audit_checkpoints",
    ):
        with pytest.raises(DBAPIError, match="audit_checkpoints_are_append_only"):
            chain.sql(statement)
    assert chain.checkpoints() == [(chain.head(), "bench-1")]


def test_a_checkpoint_the_station_did_not_sign_is_named_and_the_verify_starts_before_it(chain) -> None:
    good = chain.checkpoint().events
    forged_at = chain.receive_another()
    made = chain.forge_checkpoint(forged_at)
    head = chain.receive_another()

    report = chain.verify()

    assert report.first_break == CheckpointProblem(
        forged_at,
        made,
        "was not signed with this station's chain key: it was put in or changed outside the station",
    )
    assert (report.checked_from, report.replayed) == (good, head - good)
    assert chain.verify(full=True).first_break == report.first_break


def test_a_signed_checkpoint_whose_event_was_changed_is_passed_over_and_the_change_named(chain) -> None:
    first = chain.checkpoint().events
    chain.receive_another()
    second = chain.checkpoint().events
    chain.receive_another()

    chain.sql("UPDATE audit_events SET user_name = 'admin' WHERE sequence = :s", s=second)

    report = chain.verify()
    assert report.checked_from == first
    assert str(report.first_break).startswith(f"event {second} ")


def test_events_cut_from_the_end_behind_a_restored_head_are_caught_by_the_checkpoint_past_them(chain) -> None:
    """The head's seal cannot be forged, but an older head row can be put back: a checkpoint
    signed after it still names the events that were there (scans that sealed no rows, here)."""
    with chain.station.units.engine.connect() as connection:
        old_head = connection.exec_driver_sql("SELECT last_sequence, last_hash, seal FROM audit_head").one()
    for _scan in range(3):
        chain.station.rma_opening.record_refused_scan("not a barcode", user="receiver", station="bench-1")
    chain.checkpoint()

    chain.sql("DELETE FROM audit_events WHERE sequence > :s", s=old_head.last_sequence)
    chain.sql(
        "UPDATE audit_head SET last_sequence = :s, last_hash = :h, seal = :seal",
        s=old_head.last_sequence,
        h=old_head.last_hash,
        seal=old_head.seal,
    )

    problem = str(chain.verify().first_break)
    assert problem.startswith(f"the checkpoint at event {old_head.last_sequence + 3} ")
    assert problem.endswith("is past the end of the chain: events at the end of the chain were removed")


def test_verify_signs_a_checkpoint_once_enough_events_followed_the_last(chain, monkeypatch) -> None:
    # A receive here is 2 events: its RMA's import and the decision.
    monkeypatch.setattr(audit_checkpointing, "CHECKPOINT_AFTER", 3)
    first = chain.station.history.verify_audit_chain(full=False, checkpoint="when due", station="bench-1")
    assert first.checkpoint_made == first.events  # the whole chain was more than 3 events past nothing

    chain.receive_another()  # 2 events: not yet worth a checkpoint
    again = chain.station.history.verify_audit_chain(full=False, checkpoint="when due", station="bench-1")
    assert again.checkpoint_made is None and again.checked_from == first.events

    chain.receive_another()
    later = chain.station.history.verify_audit_chain(full=False, checkpoint="when due", station="bench-1")
    assert later.checkpoint_made == later.events
    assert [sequence for sequence, _station in chain.checkpoints()] == [first.events, later.events]


def test_the_commands_say_where_they_started_and_where_they_signed(chain) -> None:
    url = chain.station.database_url
    made = run_cli("--db", url, "audit", "checkpoint")
    assert made.code == 0, made.stderr
    head = chain.head()
    assert made.stdout.strip().endswith(f"; checkpoint signed at event {head}")

    chain.receive_another()
    verified = run_cli("--db", url, "audit", "verify")
    assert verified.code == 0, verified.stderr
    assert f"{chain.head() - head} events replayed from the checkpoint at event {head}" in verified.stdout
    assert "checkpoint signed" not in verified.stdout  # 2 events: far from worth a checkpoint

    full = run_cli("--db", url, "audit", "verify", "--full")
    rows = chain.sealed_rows()
    assert f"all {chain.head()} events replayed, {rows} sealed rows held against their records" in full.stdout

    chain.forge_checkpoint(head)
    refused = run_cli("--db", url, "audit", "verify")
    assert refused.code == 3
    assert refused.stderr.startswith(f"audit chain broken: the checkpoint at event {head} (made 2026-03-16 18:00:00")
    assert refused.stderr.count("\n") == 1
