"""A full verify of a large warehouse digests its sealed rows in processes of their own, each taking
whole tables or a range of the largest tables' keys from the verify's own snapshot: what it names is
what a verify in one process names, and a line received meanwhile is no false alarm."""

from __future__ import annotations

import os

import pytest

from receiving_app.services import audit_check, process_split, sealed_row_check
from receiving_app.services.audit_check import ChainReport
from tests.support.audit_checkpoints import GrowingChain, grown

pytestmark = pytest.mark.skipif(len(os.sched_getaffinity(0)) < 2, reason="a split needs two cores")


@pytest.fixture
def chain(station, tmp_path, monkeypatch) -> GrowingChain:
    """Four received units; a full verify digests their rows in two processes, each line's tables cut
    in two ranges of keys (up to 2, and above)."""
    monkeypatch.setattr(sealed_row_check, "SPLIT_FROM", 4)
    monkeypatch.setattr(process_split, "MOST_PROCESSES", 2)
    # The tests' own threads (and pytest-xdist's) make forking unsafe here; a fresh interpreter is not.
    monkeypatch.setattr(process_split, "START_METHOD", "spawn")
    return grown(station, tmp_path, 4)


def _in_one_process(chain: GrowingChain, monkeypatch) -> ChainReport:
    with monkeypatch.context() as unsplit:
        unsplit.setattr(sealed_row_check, "SPLIT_FROM", 10**9)
        report = chain.verify(full=True)
    assert report.rows_checked is not None and report.rows_checked.processes == 1
    return report


def test_an_intact_warehouse_is_checked_in_two_processes(chain) -> None:
    report = chain.verify(full=True)
    assert report.first_break is None
    assert report.rows_checked is not None
    assert (report.rows_checked.processes, report.rows_checked.rows) == (2, chain.sealed_rows())


@pytest.mark.parametrize(
    ("tampering", "named"),
    [
        pytest.param(
            ["UPDATE decisions SET refund_total = refund_total + 1000 WHERE id = 3"],
            "decisions row 3 differs from its record in the audit chain: it was changed outside the station",
            id="changed in the second range",
        ),
        pytest.param(
            [
                "DELETE FROM license_plates WHERE id = 1",
                "UPDATE license_plates SET route_label = 'Back to stock' WHERE id = 4",
            ],
            "license_plates row 4 differs from its record in the audit chain: it was changed outside the station",
            id="a change in the second range before a deletion in the first",
        ),
        pytest.param(
            ["DELETE FROM license_plates WHERE id = 4", "DELETE FROM license_plates WHERE id = 2"],
            "license_plates row 2 is recorded in the audit chain but gone: it was deleted outside the station",
            id="the first of two deletions in two ranges",
        ),
        pytest.param(
            ["DELETE FROM license_plates WHERE id = 4"],
            "license_plates row 4 is recorded in the audit chain but gone: it was deleted outside the station",
            id="the row of the highest key deleted",
        ),
        pytest.param(
            ["DELETE FROM license_plates WHERE id = 1"],
            "license_plates row 1 is recorded in the audit chain but gone: it was deleted outside the station",
            id="the row of the lowest key deleted",
        ),
        pytest.param(
            ["UPDATE license_plates SET id = 9 WHERE id = 2"],
            "license_plates row 9 has no record in the audit chain: it was put in outside the station",
            id="a row moved to another key: as many rows as records, one gone and one put in",
        ),
        pytest.param(
            [
                "UPDATE inspections SET notes = 'looks new' WHERE id = 2",
                "UPDATE decisions SET refund_total = refund_total + 1000 WHERE id = 1",
            ],
            "inspections row 2 differs from its record in the audit chain: it was changed outside the station",
            id="the first table before a later one",
        ),
    ],
)
def test_what_two_processes_name_is_what_one_process_names(chain, monkeypatch, tampering, named) -> None:
    for statement in tampering:
        chain.sql(statement)
    split = chain.verify(full=True)
    assert split.rows_checked is not None and split.rows_checked.processes == 2
    assert str(split.first_break) == named
    assert str(_in_one_process(chain, monkeypatch).first_break) == named


def test_a_process_that_sees_another_audit_head_leaves_the_rows_to_the_verify(chain, monkeypatch) -> None:
    """SQLite cannot share a snapshot: a process whose head is not the verify's may see other rows."""
    checked = audit_check.check_every_sealed_row
    monkeypatch.setattr(audit_check, "check_every_sealed_row", lambda uow, ledger, head: checked(uow, ledger, head - 1))
    report = chain.verify(full=True)
    assert report.first_break is None
    assert report.rows_checked is not None and report.rows_checked.processes == 1


def test_a_line_received_while_the_rows_are_checked_is_not_a_difference(chain, monkeypatch, database_url) -> None:
    head = chain.head()
    sizes = sealed_row_check.sealed_table_sizes

    def sizes_then_another_line(session):
        measured = sizes(session)
        chain.receive_another()
        return measured

    monkeypatch.setattr(sealed_row_check, "sealed_table_sizes", sizes_then_another_line)
    report = chain.verify(full=True)
    assert (report.first_break, report.events) == (None, head)
    assert chain.head() > head
    assert report.rows_checked is not None
    # PostgreSQL's processes read the verify's snapshot; SQLite's see the later head and leave it to the verify.
    assert report.rows_checked.processes == (1 if database_url.startswith("sqlite") else 2)
