"""Printing never loses a document: it is stored before it is printed, a failure is recorded and
shown, and the same document can be printed again. Every document type made from real receives
reads correctly and its barcode scans at 203 dpi."""

from __future__ import annotations

import pytest

from receiving_app.bootstrap import load_shipped_routing
from receiving_app.devices.printers import FakePrinter
from receiving_app.domain.weight_capture import WeightCapture
from receiving_app.services.printing import PrintingService
from tests.support.pdf import decode_code128, pdf_text, rasterize_page
from tests.support.receiving import OPENED, as_sold
from tests.support.warehouse import Line, Rma, add_rmas


def full(line_view) -> WeightCapture:
    return WeightCapture(line_view.full_g, "g", line_view.full_g, True, "manual")


def receive_all(station, number: str, **options):
    rma = station.history.show_rma(number).rma
    return [station.receiving.receive(as_sold(number, line.line, weight=full(line), **options)) for line in rma.lines]


def events(station) -> list[str]:
    with station.units.read() as uow:
        return [event.event_type for event in uow.records.audit_chain()]


def test_a_failed_print_keeps_the_document_and_records_the_failure(station, tmp_path) -> None:
    add_rmas(station, tmp_path, Rma("RA0000701"))
    memo = receive_all(station, "RA0000701")[0].decision.documents[0].number
    printer = FakePrinter("Bench laser")
    printing = PrintingService(station.units, station.issuer, lambda settings: printer, load_shipped_routing())

    printer.fail_with("Bench laser is out of paper")
    failed = printing.print_document(memo, {"backend": "fake"}, user="receiver", station="bench-1")

    assert not failed.printed and "out of paper" in failed.problem
    assert events(station)[-1] == "print_failed"
    assert station.history.document(memo, reprint=False).pdf.startswith(b"%PDF")

    printer.recover()
    retried = printing.print_document(memo, {"backend": "fake"}, user="receiver", station="bench-1")
    again = printing.print_document(memo, {"backend": "fake"}, user="receiver", station="bench-1")

    assert (retried.printed, retried.copy, again.copy) == (True, False, True)
    assert printer.printed_numbers == [memo, memo]
    assert "COPY" not in pdf_text(printer.jobs[0].pdf) and "COPY" in pdf_text(printer.jobs[1].pdf)
    assert events(station)[-2:] == ["document_printed", "document_printed"]


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_every_document_type_from_real_receives_reads_and_scans(station, tmp_path) -> None:
    add_rmas(
        station,
        tmp_path,
        Rma(
            "RA0000702", lines=(Line(reason="not_needed"), Line(sku="DR-630", unit_price="39.99", choice="replacement"))
        ),
        Rma("RMA-000703", seller="true-image", lines=(Line(reason="not_needed"),), account="C3"),
    )
    refund, replacement = receive_all(station, "RA0000702")
    denial = receive_all(station, "RMA-000703", condition=OPENED)[0]
    issued = [*refund.decision.documents, *replacement.decision.documents, *denial.decision.documents]
    assert [document.type for document in issued] == [
        "credit_memo",
        "restocking_fee_receipt",
        "replacement_slip",
        "denial_notice",
    ]

    for document in issued:
        pdf = station.history.document(document.number, reprint=False).pdf
        text = pdf_text(pdf)
        assert document.number in text and ("RA0000702" in text or "RMA-000703" in text)
        assert document.number in decode_code128(rasterize_page(pdf, dpi=203))
    assert "8.25" in pdf_text(station.history.document("RF-000001", reprint=False).pdf)
    assert "Not in saleable condition" in pdf_text(station.history.document("DN-000001", reprint=False).pdf)
    label = station.history.rma_label("RA0000702", station="bench-1")
    assert "RA0000702" in decode_code128(rasterize_page(label, dpi=203))
