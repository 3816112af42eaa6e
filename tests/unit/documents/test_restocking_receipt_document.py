"""The restocking-fee receipt on the receipt roll and on a page."""

from __future__ import annotations

import dataclasses

import pytest

from receiving_app.documents.model import DocumentContent
from receiving_app.documents.render import render
from receiving_app.domain.decision import DocumentType
from receiving_app.domain.media import LETTER, ROLL_58MM, ROLL_80MM, Medium
from tests.support.pdf import one_line, page_sizes_pt, reading_text


@pytest.mark.parametrize("roll", [ROLL_80MM, ROLL_58MM], ids=lambda roll: roll.name)
def test_the_roll_is_as_wide_as_the_head_prints_and_as_long_as_its_content(
    restocking_receipt_content: DocumentContent, roll: Medium
) -> None:
    [(width, height)] = page_sizes_pt(render(restocking_receipt_content, roll))
    # 72 mm of 80 mm paper, 48 mm of 58 mm: 576 and 384 dots at 203 dpi.
    assert width * 203 / 72 == pytest.approx(roll.width_dots, abs=0.01)
    # Longer content makes a longer slip, not a second page.
    longer = render(
        dataclasses.replace(restocking_receipt_content, reasons=restocking_receipt_content.reasons * 3), roll
    )
    [(_, longer_height)] = page_sizes_pt(longer)
    assert longer_height > height


@pytest.mark.parametrize("medium", [ROLL_80MM, ROLL_58MM, LETTER], ids=lambda medium: medium.name)
def test_the_receipt_shows_the_fee_the_refund_and_why(
    restocking_receipt_content: DocumentContent, medium: Medium
) -> None:
    text = one_line(reading_text(render(restocking_receipt_content, medium)))
    for expected in (
        "RF-2026-000045",
        "RA-104233",
        "SO-558120",
        "Restocking fee kept -8.25",
        "Refund after the fee $46.74",
        "15% restocking fee on a non-defective return.",
        "Received by Dana Whitfield",
    ):
        assert expected in text


def test_the_page_receipt_lists_each_line_with_its_fee(restocking_receipt_content: DocumentContent) -> None:
    pdf = render(restocking_receipt_content, LETTER)
    assert "TN-660 Brother TN-660 high-yield black toner 1 54.99 -8.25 46.74" in reading_text(pdf)
    assert page_sizes_pt(pdf) == [(612.0, 792.0)]


def test_the_roll_receipt_lists_each_amount_of_a_line_beside_its_label(
    restocking_receipt_content: DocumentContent,
) -> None:
    text = one_line(reading_text(render(restocking_receipt_content, ROLL_80MM)))
    assert "1. 1 x TN-660 Brother TN-660 high-yield black toner Merchandise (USD) 54.99 Restocking fee -8.25" in text


def test_deductions_besides_the_fee_are_listed_on_the_receipt(two_line_credit_memo_content: DocumentContent) -> None:
    receipt = dataclasses.replace(two_line_credit_memo_content, document_type=DocumentType.RESTOCKING_FEE_RECEIPT)
    text = reading_text(render(receipt, ROLL_80MM))
    assert "Merchandise 149.48" in text
    assert "Restocking fee kept -16.50" in text
    assert "Return label deducted -8.95" in text
    assert "Shipping refunded +7.95" in text
    assert "Refund after the fee $131.98" in text


def test_the_roll_footer_names_the_station_and_policy(restocking_receipt_content: DocumentContent) -> None:
    text = one_line(reading_text(render(restocking_receipt_content, ROLL_58MM)))
    assert "station BENCH-02" in text
    assert "Policy image-pro-services version 2026-12-03 - page 1 of 1" in text
