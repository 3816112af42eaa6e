"""The restocking-fee receipt on the 80 mm roll and on a page."""

from __future__ import annotations

import pytest

from receiving_app.documents.model import DocumentContent
from receiving_app.documents.restocking_receipt import render_restocking_receipt
from tests.support.pdf import decode_code128, one_line, page_sizes_pt, rasterize_page, reading_text

ROLL_WIDTH_PT = 80 / 25.4 * 72


def test_the_roll_is_80_mm_wide_and_as_long_as_its_content(restocking_receipt_content: DocumentContent) -> None:
    [(width, height)] = page_sizes_pt(render_restocking_receipt(restocking_receipt_content, layout="roll"))
    assert width == pytest.approx(ROLL_WIDTH_PT, abs=0.01)
    # Longer content makes a longer slip, not a second page.
    more_reasons = restocking_receipt_content.reasons * 3
    longer = render_restocking_receipt(
        restocking_receipt_content.__class__(**{**_fields(restocking_receipt_content), "reasons": more_reasons}),
        layout="roll",
    )
    [(_, longer_height)] = page_sizes_pt(longer)
    assert longer_height > height


def _fields(content: DocumentContent) -> dict[str, object]:
    return {name: getattr(content, name) for name in content.__dataclass_fields__}


@pytest.mark.parametrize("layout", ["roll", "page"])
def test_the_receipt_shows_the_fee_the_refund_and_why(restocking_receipt_content: DocumentContent, layout: str) -> None:
    text = reading_text(render_restocking_receipt(restocking_receipt_content, layout=layout))
    for expected in (
        "RF-2026-000045",
        "RA number RA-104233",
        "Order SO-558120",
        "Restocking fee kept -8.25",
        "Refund after the fee $46.74",
        "15% restocking fee on a non-defective return.",
        "Refund to Credit to account 10023",
        "Received by Dana Whitfield",
    ):
        assert expected in text


def test_the_page_receipt_lists_each_line_with_its_fee(restocking_receipt_content: DocumentContent) -> None:
    text = reading_text(render_restocking_receipt(restocking_receipt_content, layout="page"))
    assert "TN-660 Brother TN-660 high-yield black toner 1 54.99 -8.25 46.74" in text
    assert page_sizes_pt(render_restocking_receipt(restocking_receipt_content, layout="page")) == [(612.0, 792.0)]


def test_deductions_besides_the_fee_are_listed_on_the_receipt(two_line_credit_memo_content: DocumentContent) -> None:
    text = reading_text(render_restocking_receipt(two_line_credit_memo_content, layout="roll"))
    assert "Merchandise 149.48" in text
    assert "Restocking fee kept -16.50" in text
    assert "Return label deducted -8.95" in text
    assert "Shipping refunded +7.95" in text
    assert "Refund after the fee $131.98" in text


@pytest.mark.parametrize("dpi", [203, 300])
@pytest.mark.parametrize("layout", ["roll", "page"])
def test_the_receipt_number_barcode_decodes(restocking_receipt_content: DocumentContent, layout: str, dpi: int) -> None:
    pdf = render_restocking_receipt(restocking_receipt_content, layout=layout, printer_dpi=dpi)
    assert decode_code128(rasterize_page(pdf, dpi=dpi)) == ["RF-2026-000045"]


def test_an_unknown_layout_is_refused(restocking_receipt_content: DocumentContent) -> None:
    with pytest.raises(ValueError, match="layout must be 'roll' or 'page'"):
        render_restocking_receipt(restocking_receipt_content, layout="envelope")  # type: ignore[arg-type]


def test_the_roll_footer_names_the_station_and_policy(restocking_receipt_content: DocumentContent) -> None:
    text = one_line(reading_text(render_restocking_receipt(restocking_receipt_content, layout="roll")))
    assert "station BENCH-02" in text
    assert "Policy image-pro-services version 2026-12-02" in text
