"""The 4 x 6 inch RMA label: the RMA as the one big barcode, where to send the parcel, from whom."""

from __future__ import annotations

import dataclasses

import pytest

from receiving_app.documents.model import DocumentContent, DocumentError
from receiving_app.documents.render import render
from tests.support.pdf import decode_code128, page_sizes_pt, rasterize_page, reading_text


def test_the_label_is_four_by_six_inches(rma_label_content: DocumentContent) -> None:
    assert page_sizes_pt(render(rma_label_content)) == [(288.0, 432.0)]


def test_the_label_shows_return_address_sender_and_line_count(rma_label_content: DocumentContent) -> None:
    text = reading_text(render(rma_label_content))
    assert "RETURN TO Image Pro International, Inc. RGA Processing 77 Gateway Blvd Miami, FL 33166" in text
    assert "FROM Northwind Dental Clinic Attn: Maria Alvarez" in text
    assert "RGA NUMBER RGA-300518" in text
    assert "Order SO-558120 3 lines in this parcel" in text


def test_a_long_rma_number_gets_narrower_bars_and_still_decodes(rma_label_content: DocumentContent) -> None:
    long_number = "RGA-2026-0300518-B7"
    pdf = render(dataclasses.replace(rma_label_content, rma_number=long_number))
    assert decode_code128(rasterize_page(pdf, dpi=203)) == [long_number]


def test_a_label_with_more_address_than_fits_is_refused(rma_label_content: DocumentContent) -> None:
    crowded = dataclasses.replace(
        rma_label_content.customer, address_lines=tuple(f"Building {n}" for n in range(1, 16))
    )
    with pytest.raises(DocumentError, match="no room on the label for the barcode"):
        render(dataclasses.replace(rma_label_content, customer=crowded))
