"""Someone with the database but not the station's chain key changes history: `audit verify` names
the first row or event that differs and exits 3, on SQLite and on PostgreSQL."""

from __future__ import annotations

import pytest

from receiving_app.persistence.row_sealing import current_digests
from receiving_app.services.audit_check import StationRouting
from receiving_app.services.settings import routing_digest
from receiving_app.services.stored_pdfs import StoredPdfChanged
from tests.support.cli import run_cli
from tests.support.databases import DATABASES
from tests.support.tampering import (
    A_KEY_NOT_THE_STATIONS,
    opened,
    postgres_copies,
    rehash_chain,
    sqlite_copies,
    swap_a_pdf,
    tamper,
)


@pytest.fixture(scope="module", params=DATABASES)
def bench_copy(request, tmp_path_factory):
    """A fresh copy of one tampering bench per test; the bench is built once per backend."""
    folder = tmp_path_factory.mktemp(f"bench-{request.param}")
    copies = sqlite_copies if request.param == "sqlite" else postgres_copies
    with copies(folder) as copy:
        yield lambda: (copy(), folder)


def routing_of(settings) -> StationRouting:
    return StationRouting(settings.station_id, routing_digest(settings), bool(settings.printers))


def problem_after(url: str, folder) -> str:
    with opened(url, folder) as station:
        report = station.history.verify_audit_chain()
    assert report.first_break is not None, "the change went unnoticed"
    return str(report.first_break)


def test_the_untouched_bench_verifies(bench_copy) -> None:
    url, folder = bench_copy()
    with opened(url, folder) as station:
        report = station.history.verify_audit_chain()
    assert report.first_break is None and report.events > 20


ROW_CHANGES = {
    "a decision's refund total": (
        ["UPDATE decisions SET refund_total = refund_total + 1000 WHERE id = 1"],
        "decisions row 1 differs",
    ),
    "a decision's outcome": (["UPDATE decisions SET outcome = 'replacement' WHERE id = 2"], "decisions row 2 differs"),
    "a decision deleted": (
        [
            "DELETE FROM documents WHERE decision_id = 2",
            "DELETE FROM stock_moves WHERE decision_id = 2",
            "DELETE FROM license_plates WHERE decision_id = 2",
            "DELETE FROM decisions WHERE id = 2",
        ],
        "decisions row 2 is recorded in the audit chain but gone",
    ),
    "a unit sent elsewhere": (
        ["UPDATE license_plates SET route = 'scrap' WHERE id = 1"],
        "license_plates row 1 differs",
    ),
    "stock added by hand": (
        [
            "INSERT INTO stock_moves (sku, grade, quantity, kind, decision_id, moved_at, moved_by, station_id)"
            " SELECT sku, grade, 1, 'restocked', 2, moved_at, moved_by, station_id FROM stock_moves WHERE id = 1"
        ],
        "stock_moves row 2 has no record in the audit chain",
    ),
    "a document deleted": (
        ["DELETE FROM documents WHERE id = 1"],
        "documents row 1 is recorded in the audit chain but gone",
    ),
    "a document renumbered": (["UPDATE documents SET number = 'CM-000099' WHERE id = 1"], "documents row 1 differs"),
    "a void erased": (
        ["UPDATE documents SET voided_at = NULL, voided_by = NULL, void_reason = NULL WHERE voided_at IS NOT NULL"],
        "documents row",
    ),
    "a counter rolled back": (
        ["UPDATE document_counters SET last_number = last_number - 1 WHERE document_type = 'credit_memo'"],
        "document_counters row credit_memo differs",
    ),
    "a receiver made an admin": (
        ["UPDATE users SET role = 'admin' WHERE name = 'receiver'"],
        "users row receiver differs",
    ),
    "an admin's password hash replaced": (
        ["UPDATE users SET secret_hash = (SELECT secret_hash FROM users WHERE name = 'receiver') WHERE name = 'admin'"],
        "users row admin differs",
    ),
    "a lock cleared": (["UPDATE users SET locked_until = NULL WHERE name = 'receiver'"], "users row receiver differs"),
    "a user added by hand": (
        [
            "INSERT INTO users (name, display_name, role, secret_hash, failed_attempts, active) "
            "SELECT 'mallory', 'Mallory', 'admin', secret_hash, 0, active FROM users WHERE name = 'admin'"
        ],
        "users row mallory has no record",
    ),
    "a catalog weight": (
        ["UPDATE catalog_items SET full_g = empty_g WHERE sku = 'TN-660'"],
        "catalog_items row TN-660 differs",
    ),
    "a price": (["UPDATE order_lines SET unit_price = unit_price + 10000"], "order_lines row 1 differs"),
    "an inspection": (
        ["UPDATE inspections SET unopened = NULL WHERE unopened IS NOT NULL"],
        "inspections row 1 differs",
    ),
    "a weight reading": (["UPDATE weight_readings SET grams = '999.9'"], "weight_readings row 1 differs"),
    "a line's status": (["UPDATE rma_lines SET status = 'open'"], "rma_lines row 1 differs"),
    "a policy's text": (["UPDATE policy_versions SET source_text = source_text || ' '"], "policy_versions row"),
}


@pytest.mark.parametrize("kind", ROW_CHANGES)
def test_a_row_changed_outside_the_station_is_named(bench_copy, kind) -> None:
    statements, named = ROW_CHANGES[kind]
    url, folder = bench_copy()
    tamper(url, *statements)
    assert named in problem_after(url, folder)


def test_a_swapped_pdf_is_named_and_never_served_as_issued(bench_copy) -> None:
    url, folder = bench_copy()
    number = swap_a_pdf(url)
    assert "documents row" in problem_after(url, folder)
    with opened(url, folder) as station, pytest.raises(StoredPdfChanged, match=number):
        station.history.document(number, reprint=False, user="supervisor", station="bench-1")


def test_cutting_the_end_of_the_chain_and_fixing_the_head_is_caught(bench_copy) -> None:
    url, folder = bench_copy()
    tamper(
        url,
        "DELETE FROM audit_events WHERE sequence > (SELECT last_sequence - 3 FROM audit_head)",
        "UPDATE audit_head SET last_sequence = (SELECT MAX(sequence) FROM audit_events), "
        f"last_hash = (SELECT {_hex_of('hash', url)} FROM audit_events ORDER BY sequence DESC LIMIT 1)",
    )
    assert "head" in problem_after(url, folder)


def test_an_event_edited_and_the_chain_rehashed_is_caught(bench_copy) -> None:
    url, folder = bench_copy()
    tamper(url, "UPDATE audit_events SET user_name = 'admin' WHERE sequence = 10")
    rehash_chain(url, first_changed=10)
    assert problem_after(url, folder).startswith("event 10 ")


def test_an_event_deleted_and_the_rest_renumbered_is_caught(bench_copy) -> None:
    url, folder = bench_copy()
    tamper(
        url,
        "DELETE FROM audit_events WHERE sequence = 12",
        "UPDATE audit_events SET sequence = sequence - 1 WHERE sequence > 12",
    )
    rehash_chain(url, first_changed=12)
    assert problem_after(url, folder).startswith("event 12 ")


def test_a_forged_void_appended_to_the_chain_is_caught(bench_copy) -> None:
    url, folder = bench_copy()
    tamper(
        url,
        "INSERT INTO audit_events (sequence, event_type, at, user_name, station_id, rma_number, payload, "
        "previous_hash, hash, seal) SELECT sequence + 1, 'document_voided', at, 'supervisor', station_id, rma_number, "
        '\'{"number":"CM-000001"}\', hash, hash, seal FROM audit_events '
        "WHERE sequence = (SELECT last_sequence FROM audit_head)",
    )
    rehash_chain(url, first_changed=10_000)  # links the new event and moves the head; no key to seal it
    assert "document_voided" in problem_after(url, folder)


def test_a_chain_sealed_anew_with_another_key_is_caught(bench_copy) -> None:
    url, folder = bench_copy()
    tamper(url, "UPDATE decisions SET refund_total = refund_total + 1000 WHERE id = 1")
    rehash_chain(url, key=A_KEY_NOT_THE_STATIONS)
    assert problem_after(url, folder).startswith("event 1 ")


def test_a_row_changed_with_its_record_rewritten_is_caught(bench_copy) -> None:
    url, folder = bench_copy()
    with opened(url, folder) as station, station.units.read() as uow:
        before = dict(current_digests(uow.session, "users"))["receiver"]
    tamper(url, "UPDATE users SET role = 'admin' WHERE name = 'receiver'")
    with opened(url, folder) as station, station.units.read() as uow:
        after = dict(current_digests(uow.session, "users"))["receiver"]
    tamper(url, f"UPDATE audit_events SET sealed_rows = REPLACE(sealed_rows, '{before}', '{after}')")
    rehash_chain(url)
    assert "not sealed with this station's chain key" in problem_after(url, folder)


def test_audit_verify_exits_3_naming_the_row(bench_copy) -> None:
    url, _folder = bench_copy()
    tamper(url, "UPDATE decisions SET refund_total = refund_total + 1000 WHERE id = 1")
    run = run_cli("--db", url, "audit", "verify")
    assert run.code == 3
    assert "decisions row 1 differs from its record in the audit chain" in run.stderr


def test_document_routing_edited_outside_the_station_is_named(station) -> None:
    """Credit memos quietly sent to another printer: the settings file no longer matches its record."""
    admin = station.auth.sign_in("admin", "admin-demo", station="bench-1")
    routed = station.settings.with_changes(printers={"credit_memo": {"backend": "folder", "folder": "/srv/memos"}})
    station.settings_service.save(routed, by=admin, station="bench-1")
    assert station.history.verify_audit_chain(routing_of(routed)).first_break is None

    rerouted = routed.with_changes(printers={"credit_memo": {"backend": "folder", "folder": "/tmp/elsewhere"}})
    station.settings_store.save(rerouted)  # the file edited by hand: no change recorded

    problem = str(station.history.verify_audit_chain(routing_of(rerouted)).first_break)
    assert problem == (
        f"the document routing in station {routed.station_id}'s settings differs from its last recorded change: "
        "it was edited outside the station"
    )


def _hex_of(column: str, url: str) -> str:
    """The SQL that reads an event's digest as the head keeps it, in hex (the events keep its bytes)."""
    return f"lower(hex({column}))" if url.startswith("sqlite") else f"encode({column}, 'hex')"
