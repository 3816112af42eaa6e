"""A long full replay is split between processes, each reading a range of the chain: the ranges are
joined where they meet, so that a break there, or inside any range, is named as a replay in one
process names it, and the rows every range recorded are held against the database together."""

from __future__ import annotations

import os

import pytest

from receiving_app.services import audit_replaying, process_split
from tests.support.audit_checkpoints import GrowingChain, grown

pytestmark = pytest.mark.skipif(len(os.sched_getaffinity(0)) < 2, reason="a split needs two cores")


@pytest.fixture
def split_chain(station, tmp_path, monkeypatch) -> tuple[GrowingChain, int]:
    """A chain of a few dozen events that a full verify splits in two; the second range's first event."""
    monkeypatch.setattr(audit_replaying, "SPLIT_FROM", 10)
    monkeypatch.setattr(process_split, "MOST_PROCESSES", 2)
    # The tests' own threads (and pytest-xdist's) make forking unsafe here; a fresh interpreter is not.
    monkeypatch.setattr(process_split, "START_METHOD", "spawn")
    chain = grown(station, tmp_path, 3)
    return chain, -(-chain.head() // 2) + 1


def test_a_whole_chain_replayed_in_two_processes_is_intact(split_chain) -> None:
    chain, _second = split_chain
    report = chain.verify(full=True)
    assert report.first_break is None
    assert (report.processes, report.replayed) == (2, chain.head())


def test_an_event_changed_in_the_second_range_is_named(split_chain) -> None:
    chain, second = split_chain
    chain.sql("UPDATE audit_events SET user_name = 'intruder' WHERE sequence = :s", s=second + 1)
    assert str(chain.verify(full=True).first_break).startswith(f"event {second + 1} ")


def test_where_the_ranges_meet_a_missing_or_unlinked_event_is_named(split_chain) -> None:
    chain, second = split_chain
    chain.sql("UPDATE audit_events SET previous_hash = :h WHERE sequence = :s", h="f" * 64, s=second)
    assert str(chain.verify(full=True).first_break).endswith("does not link to the event before it")

    chain.sql("DELETE FROM audit_events WHERE sequence = :s", s=second)
    assert str(chain.verify(full=True).first_break) == (
        f"event {second} (missing) is missing: the chain jumps to event {second + 1}"
    )


def test_rows_recorded_in_either_range_are_held_against_the_database(split_chain) -> None:
    chain, _second = split_chain
    chain.sql("UPDATE decisions SET refund_total = refund_total + 1000 WHERE id = (SELECT max(id) FROM decisions)")
    chain.sql("UPDATE decisions SET refund_total = refund_total + 1000 WHERE id = (SELECT min(id) FROM decisions)")
    problem = str(chain.verify(full=True).first_break)
    assert problem.startswith("decisions row ") and "changed outside the station" in problem
