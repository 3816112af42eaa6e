"""Receiving lines through the services, on SQLite and on PostgreSQL, checked as a clerk would."""

from __future__ import annotations

import base64
import hashlib
import io
import json
import re
from dataclasses import replace
from decimal import Decimal

import pytest
from PIL import Image
from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError

from receiving_app.domain.errors import InputError
from receiving_app.domain.scan import ScanError, parse_scan
from receiving_app.domain.weight_capture import WeightCapture
from receiving_app.persistence.document_tables import DocumentRow
from receiving_app.persistence.inspection_tables import PhotoRow
from receiving_app.services.commands import Override, PhotoAttachment
from receiving_app.services.errors import LineNotOpen, NotAllowed, NotFound
from receiving_app.services.rma_opening import ScanProblem
from receiving_app.services.setup import prepare_database
from receiving_app.services.stored_pdfs import whole_stored_pdf
from tests.support.pdf import pdf_text
from tests.support.receiving import OPENED, cut_power_before_the_pdfs_were_stored, receive, weighed
from tests.support.warehouse import Line, Rma, add_rmas


def test_a_refund_issues_numbered_documents_and_stores_what_was_seen(station, tmp_path) -> None:
    add_rmas(station, tmp_path, Rma("RA0000101", lines=(Line(reason="not_needed"),), payment="open_account"))

    result = receive(station, "RA0000101", 1, weight=weighed("812.4g"))

    assert (
        result.decision.outcome,
        str(result.decision.refund_total),
        str(result.decision.amounts.restocking_fee),
    ) == (
        "refund",
        "46.74",
        "8.25",
    )
    assert result.decision.refund_method == "account_credit"
    assert [(document.type, document.number) for document in result.decision.documents] == [
        ("credit_memo", "CM-000001"),
        ("restocking_fee_receipt", "RF-000001"),
    ]
    detail = station.history.show_rma("RA0000101")
    assert detail.rma.status == "closed"
    assert detail.inspections[0].weight_grams == Decimal("812.4") and detail.inspections[0].weight_source == "manual"
    memo = station.history.document("CM-000001", reprint=False)
    assert memo.pdf.startswith(b"%PDF")
    text = pdf_text(memo.pdf)
    assert "CM-000001" in text and "RA0000101" in text and "46.74" in text and "8.25" in text


def test_receiving_a_decided_line_again_returns_the_first_decision_and_writes_nothing(station, tmp_path) -> None:
    add_rmas(station, tmp_path, Rma("RA0000102"))
    first = receive(station, "RA0000102", 1, weight=weighed("812.4g"))
    events_before = len(station.history.show_rma("RA0000102").events)

    again = receive(station, "RA0000102", 1, weight=weighed("600g"), condition=OPENED)

    assert again.already_decided and not first.already_decided
    assert again.decision == first.decision
    assert len(station.history.show_rma("RA0000102").events) == events_before


def test_lines_move_the_rma_from_open_to_partially_received_to_closed(station, tmp_path) -> None:
    add_rmas(
        station,
        tmp_path,
        Rma(
            "RMA-000103",
            seller="4inkjets",
            lines=(Line(), Line(sku="DR-630", unit_price="39.99"), Line(sku="LC3013BK", unit_price="19.99")),
        ),
    )

    assert station.history.show_rma("RMA-000103").rma.status == "open"
    receive(station, "RMA-000103", 2)
    assert station.history.show_rma("RMA-000103").rma.status == "partially_received"
    station.line_actions.mark_not_received("RMA-000103", 3, user="receiver", station="bench-1", note="not in the box")
    assert station.history.show_rma("RMA-000103").rma.status == "partially_received"
    receive(station, "RMA-000103", 1)

    detail = station.history.show_rma("RMA-000103")
    assert detail.rma.status == "closed"
    assert [line.status for line in detail.rma.lines] == ["decided", "decided", "not_received"]
    assert "line_not_received" in {event.type for event in detail.events}
    # The last decision closed the RMA, and its event says so.
    assert [event.detail.endswith("RMA closed") for event in detail.events if event.type == "decision_made"] == [
        False,
        True,
    ]
    with pytest.raises(LineNotOpen):
        receive(station, "RMA-000103", 3)


def test_a_hold_needs_a_note_and_a_supervisor_to_release(station, tmp_path) -> None:
    add_rmas(station, tmp_path, Rma("RGA-000104", seller="image-pro-international"))
    with pytest.raises(InputError, match="note"):
        station.line_actions.hold("RGA-000104", 1, user="receiver", station="bench-1", note=" ")
    station.line_actions.hold("RGA-000104", 1, user="receiver", station="bench-1", note="waiting for photos")
    assert station.history.show_rma("RGA-000104").rma.lines[0].status == "on_hold"

    with pytest.raises(NotAllowed):
        station.line_actions.release_hold("RGA-000104", 1, user="receiver", station="bench-1")
    station.line_actions.release_hold("RGA-000104", 1, user="supervisor", station="bench-1")

    assert station.history.show_rma("RGA-000104").rma.lines[0].status == "open"


def test_an_override_needs_a_supervisor_and_keeps_both_names_and_the_rules_outcome(station, tmp_path) -> None:
    add_rmas(station, tmp_path, Rma("RA0000105", lines=(Line(reason="damaged_in_transit"),)))
    override = Override("supervisor", "refund", "Carrier claim already paid to us")

    with pytest.raises(NotAllowed):
        receive(station, "RA0000105", 1, weight=weighed("812.4g"), override=Override("receiver", "refund", "I say so"))
    result = receive(station, "RA0000105", 1, weight=weighed("812.4g"), override=override)

    assert result.decision.outcome == "refund" and result.decision.overridden_by == "supervisor"
    assert result.decision.reasons[0][0] == "supervisor_override"
    text = pdf_text(station.history.document(result.decision.documents[0].number, reprint=False).pdf)
    assert "Riley Receiver" in text and "Sam Supervisor" in text and "Carrier claim already paid" in text
    events = [event.type for event in station.history.show_rma("RA0000105").events]
    assert "decision_overridden" in events


def test_unknown_users_and_lines_are_refused_and_change_nothing(station, tmp_path) -> None:
    add_rmas(station, tmp_path, Rma("RA0000106"))
    with pytest.raises(NotAllowed):
        receive(station, "RA0000106", 1, user="stranger", weight=weighed("812.4g"))
    with pytest.raises(NotFound):
        receive(station, "RA0000106", 2, weight=weighed("812.4g"))
    with pytest.raises(NotFound):
        receive(station, "RA9999999", 1)
    with pytest.raises(InputError, match="weigh"):
        receive(station, "RA0000106", 1, weight=None)  # every toner cartridge is weighed
    with pytest.raises(InputError, match="stable"):
        receive(
            station, "RA0000106", 1, weight=WeightCapture(Decimal("812.4"), "g", Decimal("812.4"), False, "mt-sics")
        )

    detail = station.history.show_rma("RA0000106")
    assert detail.decisions == () and detail.rma.lines[0].status == "open"


def test_seller_errors_refund_the_order_shipping_once_and_labels_are_deducted_once(station, tmp_path) -> None:
    add_rmas(
        station,
        tmp_path,
        Rma(
            "RMA-000107",
            seller="true-image",
            lines=(
                Line(reason="wrong_item_shipped"),
                Line(sku="TN-760", unit_price="59.99", reason="wrong_item_shipped"),
            ),
        ),
        Rma(
            "RMA-000108",
            seller="true-image",
            lines=(Line(reason="not_needed"), Line(sku="TN-760", unit_price="59.99", reason="not_needed")),
            label_cost="8.50",
            account="C90002",
        ),
    )
    first, second = receive(station, "RMA-000107", 1), receive(station, "RMA-000107", 2)
    assert (str(first.decision.amounts.shipping_refund), str(second.decision.amounts.shipping_refund)) == (
        "7.95",
        "0.00",
    )

    first, second = receive(station, "RMA-000108", 1), receive(station, "RMA-000108", 2)
    assert (
        str(first.decision.amounts.return_shipping_deduction),
        str(second.decision.amounts.return_shipping_deduction),
    ) == (
        "8.50",
        "0.00",
    )
    assert str(first.decision.refund_total) == "38.24"  # 54.99 - 8.25 fee - 8.50 label


@pytest.mark.parametrize("scanned", ["RA0000109", "  ra0000109 \r\n", "]C0RA0000109", "]C0ra0000109\t"])
def test_an_rma_opens_from_its_scan_with_aim_prefix_spaces_or_lower_case(station, tmp_path, scanned) -> None:
    add_rmas(station, tmp_path, Rma("RA0000109"))

    view, decisions = station.rma_opening.look_up_scan(parse_scan(scanned), user="receiver", station="bench-1")
    station.rma_opening.record_opened(view.number, user="receiver", station="bench-1")

    assert view.number == "RA0000109" and view.customer_name == "D*** W***" and decisions == ()
    assert [event.type for event in station.history.show_rma("RA0000109").events] == ["rma_imported", "rma_opened"]


@pytest.mark.parametrize(
    ("scanned", "message"),
    [("RA\x0700\x00109", "garbled"), ("RA00\ufffd0109", "garbled"), ("", "nothing was read")],
)
def test_a_garbled_scan_is_a_clear_message_before_anything_is_looked_up(scanned, message) -> None:
    with pytest.raises(ScanError, match=message):
        parse_scan(scanned)


def test_an_unknown_number_is_a_clear_message_and_an_audit_event(station) -> None:
    with pytest.raises(ScanProblem, match="RA0999999 is neither an RMA number on file nor an SKU in the catalog"):
        station.rma_opening.look_up_scan(parse_scan("RA0999999"), user="receiver", station="bench-1")
    assert station.history.verify_audit_chain().events >= 1
    with station.units.read() as uow:
        kinds = [event.event_type for event in uow.records.audit_chain()]
    assert kinds[-1] == "scan_unknown_rma"


def test_documents_are_voided_not_deleted_and_reprints_say_copy(station, tmp_path) -> None:
    add_rmas(station, tmp_path, Rma("RA0000110", lines=(Line(reason="not_needed"),)))
    result = receive(station, "RA0000110", 1, weight=weighed("812.4g"), condition=OPENED)
    notice = result.decision.documents[0].number
    assert notice.startswith("DN-")

    with pytest.raises(NotAllowed):
        station.history.void_document(notice, user="receiver", station="bench-1", reason="typo")
    station.history.void_document(
        notice, user="supervisor", station="bench-1", reason="customer sent photos proving it sealed"
    )
    with pytest.raises(LineNotOpen):
        station.history.void_document(notice, user="supervisor", station="bench-1", reason="again")

    original = station.history.document(notice, reprint=False)
    reprint = station.history.document(notice, reprint=True)
    assert original.pdf.startswith(b"%PDF") and "COPY" not in pdf_text(original.pdf)
    assert "COPY" in pdf_text(reprint.pdf) and "VOID" in pdf_text(reprint.pdf)
    assert station.history.show_rma("RA0000110").decisions[0].documents[0].voided


def test_the_stored_pdf_is_the_one_the_audit_trail_says_was_issued(station, tmp_path) -> None:
    add_rmas(station, tmp_path, Rma("RA0000111"))
    number = receive(station, "RA0000111", 1, weight=weighed("812.4g")).decision.documents[0].number

    stored = station.history.document(number, reprint=False).pdf

    with station.units.read() as uow:
        events = [(event.event_type, json.loads(event.payload)) for event in uow.records.audit_chain()]
    decided = [payload for kind, payload in events if kind == "decision_made"]
    # The digest in URL-safe base64, unpadded: the 32 bytes of the SHA-256 in 43 characters.
    digest = base64.urlsafe_b64encode(hashlib.sha256(stored).digest()).decode().rstrip("=")
    assert decided[0]["documents"] == [{"type": "credit_memo", "number": number, "pdf": digest}]
    # Drawn and stored in the decision's transaction: no event of its own.
    assert "document_stored" not in [kind for kind, _payload in events]


def test_a_document_whose_pdf_a_power_cut_lost_is_drawn_again_by_whoever_needs_it(station, tmp_path) -> None:
    add_rmas(station, tmp_path, Rma("RA0000112", lines=(Line(reason="not_needed"), Line(reason="not_needed"))))
    first = [
        document.number for document in receive(station, "RA0000112", 1, weight=weighed("812.4g")).decision.documents
    ]
    second = [
        document.number for document in receive(station, "RA0000112", 2, weight=weighed("812.4g")).decision.documents
    ]
    as_issued = {number: station.history.document(number, reprint=False).pdf for number in first + second}
    cut_power_before_the_pdfs_were_stored(station, first + second)

    again = receive(station, "RA0000112", 1, weight=weighed("812.4g"))  # the clerk receives the line again
    assert again.already_decided
    for number in second:  # the office prints them from history
        assert station.history.document(number, reprint=False).pdf == as_issued[number]
    with station.units.read() as uow:
        stored = {row.number: whole_stored_pdf(uow, row) for row in uow.session.execute(select(DocumentRow)).scalars()}
        events = [
            json.loads(event.payload) for event in uow.records.audit_chain() if event.event_type == "document_stored"
        ]
    assert stored == as_issued
    assert sorted(event["number"] for event in events) == sorted(first + second)  # drawn again after the cut, once
    assert station.history.verify_audit_chain().first_break is None


def test_the_database_refuses_a_pdf_without_its_digest(station, tmp_path) -> None:
    add_rmas(station, tmp_path, Rma("RA0000113"))
    number = receive(station, "RA0000113", 1, weight=weighed("812.4g")).decision.documents[0].number
    with station.units.write() as uow, pytest.raises(IntegrityError):
        uow.session.execute(update(DocumentRow).where(DocumentRow.number == number).values(pdf_sha256=None))
        uow.commit()


def camera_photo() -> bytes:
    picture = Image.new("RGB", (2000, 1500), "#a0522d")
    encoded = io.BytesIO()
    picture.save(encoded, format="JPEG", quality=90)
    return encoded.getvalue()


def test_a_damage_photo_is_kept_as_taken_and_printed_small(station, tmp_path) -> None:
    add_rmas(station, tmp_path, Rma("RA0000114"))
    taken = camera_photo()
    result = receive(
        station, "RA0000114", 1, weight=weighed("812.4g"), photos=(PhotoAttachment("box.jpg", "image/jpeg", taken),)
    )

    with station.units.read() as uow:
        photo = uow.session.execute(select(PhotoRow)).scalar_one()
        kept, printed = photo.content, photo.thumbnail
    assert kept == taken
    assert max(Image.open(io.BytesIO(printed)).size) <= 480
    memo = station.history.document(result.decision.documents[0].number, reprint=False).pdf
    assert len(memo) < len(taken)  # the document carries the small picture, not the camera's
    assert printed in memo


def test_a_photo_already_print_ready_is_kept_once_and_printed_as_taken(station, tmp_path) -> None:
    add_rmas(station, tmp_path, Rma("RA0000116"))
    small = io.BytesIO()
    Image.new("RGB", (160, 120), "#c8b49a").save(small, format="JPEG", quality=85)
    taken = small.getvalue()
    result = receive(
        station, "RA0000116", 1, weight=weighed("812.4g"), photos=(PhotoAttachment("box.jpg", "image/jpeg", taken),)
    )

    with station.units.read() as uow:
        photo = uow.session.execute(select(PhotoRow)).scalar_one()
        kept, second_copy = photo.content, photo.thumbnail
    assert (kept, second_copy) == (taken, b"")
    memo = station.history.document(result.decision.documents[0].number, reprint=False).pdf
    assert taken in memo


def test_a_photo_that_is_not_a_picture_is_refused_and_nothing_is_recorded(station, tmp_path) -> None:
    add_rmas(station, tmp_path, Rma("RA0000115"))
    with pytest.raises(InputError, match=re.escape("box.jpg cannot be read as a picture")):
        receive(
            station,
            "RA0000115",
            1,
            weight=weighed("812.4g"),
            photos=(PhotoAttachment("box.jpg", "image/jpeg", b"not a jpeg"),),
        )
    assert station.history.show_rma("RA0000115").decisions == ()


def test_a_policy_edited_without_a_new_version_is_refused(station) -> None:
    policies = dict(station.policies)
    edited = policies["image-pro-services"]
    policies["image-pro-services"] = replace(
        edited, source_text=edited.source_text.replace('percent = "15"', 'percent = "10"')
    )

    with pytest.raises(LineNotOpen, match="new version"):
        prepare_database(station.units, policies)
