"""Which PDF digests a chain vouches for, in each shape a chain has recorded them."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from receiving_app.domain.audit import GENESIS_HASH, AuditEvent, ChainedEvent, chain
from receiving_app.domain.digest_text import short_text
from receiving_app.services.stored_pdfs import recorded_pdf_digests

KEY = b"chain key of the station"
MEMO, FEE = "a" * 64, "b" * 64


def chained(*payloads: tuple[str, dict[str, Any]], key: bytes = KEY) -> list[ChainedEvent]:
    events = [AuditEvent(kind, "receiver", "bench-1", "RA0000001", payload) for kind, payload in payloads]
    return chain(events, after_sequence=0, after_hash=GENESIS_HASH, at=datetime(2026, 12, 4, tzinfo=UTC), key=key)


def test_the_decision_s_event_vouches_for_the_pdfs_it_issued() -> None:
    events = chained(
        (
            "decision_made",
            {
                "documents": [
                    {"type": "credit_memo", "number": "CM-000001", "pdf_sha256": MEMO},
                    {"type": "restocking_fee_receipt", "number": "RF-000001", "pdf_sha256": FEE},
                ]
            },
        )
    )

    assert recorded_pdf_digests(events, KEY, "CM-000001") == {MEMO}
    assert recorded_pdf_digests(events, KEY, "RF-000001") == {FEE}
    assert recorded_pdf_digests(events, KEY, "CM-000002") == set()


def test_a_decision_s_event_since_december_2026_names_each_digest_in_base64() -> None:
    events = chained(
        (
            "decision_made",
            {
                "documents": [
                    {"type": "credit_memo", "number": "CM-000001", "pdf": short_text(bytes.fromhex(MEMO))},
                    {"type": "restocking_fee_receipt", "number": "RF-000001", "pdf": "u7u7" * 10 + "u7s"},
                ]
            },
        )
    )

    assert recorded_pdf_digests(events, KEY, "CM-000001") == {MEMO}
    assert recorded_pdf_digests(events, KEY, "RF-000001") == {FEE}


def test_a_decision_that_named_its_documents_without_digests_leaves_them_to_their_own_events() -> None:
    # Written between the decision naming its documents and its PDFs being drawn in its transaction.
    events = chained(
        ("decision_made", {"documents": [{"type": "credit_memo", "number": "CM-000001"}]}),
        ("document_stored", {"number": "CM-000001", "pdf_sha256": MEMO}),
    )

    assert recorded_pdf_digests(events, KEY, "CM-000001") == {MEMO}


def test_an_event_of_another_kind_that_names_a_digest_vouches_for_nothing() -> None:
    events = chained(("document_printed", {"number": "CM-000001", "pdf_sha256": MEMO}))

    assert recorded_pdf_digests(events, KEY, "CM-000001") == set()


def test_an_event_sealed_under_another_key_vouches_for_nothing() -> None:
    events = chained(("document_stored", {"number": "CM-000001", "pdf_sha256": MEMO}), key=b"a forger's key")

    assert recorded_pdf_digests(events, KEY, "CM-000001") == set()
