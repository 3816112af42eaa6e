"""What holds for every document: the right layout, the same bytes twice, COPY and VOID, metadata."""

from __future__ import annotations

import dataclasses
import io

import pytest
from pypdf import PdfReader

from receiving_app.documents.model import DocumentContent, Party
from receiving_app.documents.render import render
from tests.support.pdf import decode_code128, rasterize_page, reading_text

EVERY_DOCUMENT = [
    ("credit_memo_content", "Credit memo"),
    ("restocking_receipt_content", "Restocking fee receipt"),
    ("denial_content", "Denial notice"),
    ("replacement_content", "Replacement slip"),
    ("rma_label_content", "RGA NUMBER"),
]


@pytest.fixture(params=[name for name, _ in EVERY_DOCUMENT])
def content(request: pytest.FixtureRequest) -> DocumentContent:
    return request.getfixturevalue(request.param)


@pytest.mark.parametrize(("fixture", "heading"), EVERY_DOCUMENT)
def test_the_layout_is_chosen_by_document_type(request: pytest.FixtureRequest, fixture: str, heading: str) -> None:
    content = request.getfixturevalue(fixture)
    assert heading in reading_text(render(content))


def test_the_same_content_renders_to_the_same_bytes(content: DocumentContent) -> None:
    assert render(content) == render(content)


def test_different_content_renders_differently(content: DocumentContent) -> None:
    assert render(content) != render(dataclasses.replace(content, station_id="BENCH-07"))


def test_every_document_carries_its_barcode_at_203_dpi(content: DocumentContent) -> None:
    expected = content.rma_number if content.document_type == "rma_label" else content.document_number
    assert decode_code128(rasterize_page(render(content), dpi=203)) == [expected]


def test_a_reprint_says_copy_and_still_scans(content: DocumentContent) -> None:
    original = render(content)
    reprint = render(dataclasses.replace(content, copy=True))
    assert "COPY" not in reading_text(original)
    assert "COPY" in reading_text(reprint)
    expected = content.rma_number if content.document_type == "rma_label" else content.document_number
    assert decode_code128(rasterize_page(reprint, dpi=203)) == [expected]


def test_a_voided_document_says_void_and_why(content: DocumentContent) -> None:
    voided = dataclasses.replace(content, voided=True, void_reason="Issued against the wrong line.")
    text = reading_text(render(voided))
    assert "VOID" in text
    assert "Issued against the wrong line." in text
    assert "VOID" not in reading_text(render(content))


def test_the_copy_banner_names_the_original_issue(credit_memo_content: DocumentContent) -> None:
    text = reading_text(render(dataclasses.replace(credit_memo_content, copy=True)))
    assert "COPY - reprint of credit memo CM-2026-000123, issued 2026-03-27 14:05" in text


def test_the_file_is_dated_when_the_document_was_issued_and_titled_by_its_number(content: DocumentContent) -> None:
    metadata = PdfReader(io.BytesIO(render(content))).metadata
    assert metadata["/CreationDate"] == "D:20260327140500-05'00'"
    assert content.document_number in metadata.title
    assert metadata.author == content.seller.name


def test_the_receipt_layout_can_be_chosen_through_the_dispatcher(restocking_receipt_content: DocumentContent) -> None:
    roll = PdfReader(io.BytesIO(render(restocking_receipt_content))).pages[0].mediabox
    page = PdfReader(io.BytesIO(render(restocking_receipt_content, receipt_layout="page"))).pages[0].mediabox
    assert float(roll.width) < 230 < float(page.width)


def test_text_reads_back_as_written_with_the_characters_pdf_escapes(credit_memo_content: DocumentContent) -> None:
    customer = Party("O'Brien (Dental) \\ Lab – 5€ “North”", ("Attn: Zoë Ørsted",))
    text = reading_text(render(dataclasses.replace(credit_memo_content, customer=customer)))
    assert "O'Brien (Dental) \\ Lab – 5€ “North” Attn: Zoë Ørsted" in text


def test_letters_beyond_latin_1_read_back_whole(credit_memo_content: DocumentContent) -> None:
    customer = Party("Łukasz Nowak Dental", ("ul. Długa 5",))
    text = reading_text(render(dataclasses.replace(credit_memo_content, customer=customer)))
    assert "Łukasz Nowak Dental" in text
    assert "ul. Długa 5" in text
