"""What a receive asks of the database: how many statements, and which of them run while it holds
the rows every station of a warehouse queues on (docs/performance.md, "Fifty stations").

A receive used to send 47 to 56 statements (SQLite, BEGINs counted) and to hold the document
counters from the middle of its transaction; the bounds below are what it sends now, so that a
statement added back is noticed here rather than in the warehouse.
"""

from __future__ import annotations

from collections import Counter

from receiving_app.domain.weight_capture import WeightCapture
from tests.support.invariants import assert_records_are_whole
from tests.support.power_cuts import units_to_receive
from tests.support.receiving import as_sold
from tests.support.statements import COMMIT, statements_sent, transactions

STATEMENTS_PER_RECEIVE_AT_MOST = 21
# From a receive's first document number to its commit: the counters, the look for the shared parts of the
# PDFs drawn with those numbers, the rows that carry the numbers, and the audit chain's head with the events
# and messages chained after it; nothing else read.
WHILE_NUMBERS_ARE_HELD = {
    "UPDATE document_counters",
    "SELECT document_parts",
    "INSERT documents",
    "INSERT license_plates",
    "SELECT audit_head",
    "INSERT audit_events",
    "UPDATE audit_head",
    "INSERT outbox_messages",
}
FIRST_USE = {"SELECT policy_versions", "SELECT routing_versions"}
# A document whose shared parts the station does not hold yet (a new photo, letters not printed before; the
# fonts and the dictionary of the first documents of a kind) brings them; and a station reads each kind's
# dictionary once.
STORING_NEW_PARTS = {"INSERT document_parts", "SELECT documents"}


def as_sold_and_full(number: str, line: int, unit: int, full_g, station: str = "bench-1"):
    return as_sold(
        number, line, "receiver", station, unit=unit, weight=WeightCapture(full_g, "g", full_g, True, "manual")
    )


def receive_each(station, count: int) -> list[tuple[list[str], object]]:
    """Receives the first ``count`` open units, found as sold and weighed full: each receive's statements and result."""
    received = []
    work = units_to_receive(station)[:count]
    with statements_sent(station.units.engine) as log:
        for number, line, unit, full_g in work:
            result = station.receiving.receive(as_sold_and_full(number, line, unit, full_g))
            received.append((log.take(), result))
    return received


def test_a_receive_sends_at_most_21_statements_and_reads_only_parts_while_it_holds_the_numbers(station):
    received = receive_each(station, 40)

    # A station compares each policy version and its routing with their recorded texts once, at its first use.
    once = [sum(statement in FIRST_USE for statement in statements) for statements, _ in received]
    assert sum(once) <= 1 + len({(result.decision.policy, result.decision.policy_version) for _, result in received})
    new_parts = [_storing_new_parts(statements, result) for statements, result in received]
    counts = Counter(
        len([statement for statement in statements if statement != COMMIT]) - checks - parts
        for (statements, _), checks, parts in zip(received, once, new_parts, strict=True)
    )
    assert max(counts) <= STATEMENTS_PER_RECEIVE_AT_MOST, f"statements per receive: {sorted(counts.items())}"
    shapes = Counter((len(result.decision.documents), result.rma_status) for _, result in received)
    assert {documents for documents, _ in shapes} == {1, 2}, "receives with one document and with two"
    assert {"open", "closed"} <= {status for _, status in shapes}, "receives that leave the RMA open and that close it"
    for statements, result in received:
        [deciding] = transactions(statements)  # one transaction: the PDFs are drawn and stored with the decision
        numbered = deciding[deciding.index("UPDATE document_counters") :]
        assert set(numbered) <= WHILE_NUMBERS_ARE_HELD | STORING_NEW_PARTS, (
            f"{result.rma} line {result.line}: {numbered}"
        )
        assert numbered.count("UPDATE document_counters") == 1  # the documents' numbers and the plate's, at once
        assert numbered.count("SELECT document_parts") == 1  # one look for every document's parts
        assert "UPDATE documents" not in deciding  # each document written once, with its PDF
    # Parts the station did not hold come with the first documents of a kind (their fonts, the kind's
    # dictionary) and with a name that prints letters beyond ASCII not printed before; not with most.
    assert sum(1 for parts in new_parts if parts) < len(received) / 3
    assert_records_are_whole(station)


def test_receiving_a_decided_unit_again_reads_its_decision_and_writes_nothing(station):
    number, line, unit, full_g = units_to_receive(station)[0]
    first = station.receiving.receive(as_sold_and_full(number, line, unit, full_g))

    with statements_sent(station.units.engine) as log:
        again = station.receiving.receive(as_sold_and_full(number, line, unit, full_g, station="bench-2"))

    assert again.already_decided and again.decision == first.decision
    assert not [statement for statement in log.take() if statement.split()[0] in {"INSERT", "UPDATE", "DELETE"}]


def _storing_new_parts(statements: list[str], result) -> int:
    """The statements a receive's PDFs took for parts the station did not hold yet: the parts' insert and
    the kind's dictionary read."""
    return sum(statement in STORING_NEW_PARTS for statement in statements)
