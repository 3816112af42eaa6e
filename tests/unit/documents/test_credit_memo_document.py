"""The credit memo, read back the way the customer and the back office read it."""

from __future__ import annotations

import dataclasses
import io
import re

import pytest
from PIL import ExifTags, Image, ImageDraw
from pypdf import PdfReader

from receiving_app.documents import pages
from receiving_app.documents.model import DocumentContent, LineDetail
from receiving_app.documents.photos import printable_photo
from receiving_app.documents.render import render
from receiving_app.domain.decision import Amounts, Reason
from receiving_app.domain.money import Money
from receiving_app.domain.weight import Weight
from receiving_app.domain.weight_capture import WeightCapture
from tests.support.pdf import decode_code128, one_line, page_sizes_pt, page_texts, rasterize_page, reading_text

LETTER = (612.0, 792.0)
A4 = (595.2756, 841.8898)


def test_the_memo_shows_every_amount_of_the_spec_example(credit_memo_content: DocumentContent) -> None:
    text = reading_text(render(credit_memo_content))
    # Line 1: quantity, unit price, merchandise, fee, label deduction, shipping refund, line total.
    assert "1 54.99 54.99 -8.25 0.00 0.00 46.74" in text
    assert "Refund total $46.74" in text
    sums = "Merchandise 54.99 Restocking fee -8.25 Return label 0.00 Shipping refund 0.00 Totals (USD) 46.74"
    assert sums in text
    assert "Refunded to: Credit to account 10023" in text


def test_the_memo_names_its_number_the_rma_the_order_and_both_parties(credit_memo_content: DocumentContent) -> None:
    text = reading_text(render(credit_memo_content))
    for expected in (
        "Credit memo",
        "Number CM-2026-000123",
        "RA number RA-104233",
        "Order SO-558120",
        "Image-Pro Services & Supplies, Inc.",
        "Northwind Dental Clinic Attn: Maria Alvarez 1418 Harbor Road, Suite 200 Portland, OR 97201",
        "Issued 2026-03-27 14:05",
    ):
        assert expected in text


def test_the_memo_gives_the_reasons_and_when_the_refund_will_show(credit_memo_content: DocumentContent) -> None:
    text = reading_text(render(credit_memo_content))
    assert [reason.code for reason in credit_memo_content.reasons] == ["within_return_window", "restocking_fee"]
    for reason in credit_memo_content.reasons:
        assert one_line(reason.text) in text
    assert "15% restocking fee on a non-defective return." in text
    assert one_line(credit_memo_content.refund_timing) in text


def test_the_memo_shows_the_inspection_evidence_and_who_received_it(credit_memo_content: DocumentContent) -> None:
    pdf = render(credit_memo_content)
    text = reading_text(pdf)
    assert "Weight 812.4 g, read from the scale" in text
    assert "Fill level 98.8% of a full cartridge" in text
    assert "Unopened: yes; Sealed: yes; Original packaging: yes; Box damage: no; Labels intact: yes" in text
    assert "Received by Dana Whitfield, station BENCH-02" in text
    images = PdfReader(io.BytesIO(pdf)).pages[0].images
    assert len(images) == len(credit_memo_content.evidence.photos) == 2


def test_a_weight_typed_in_by_hand_says_so(credit_memo_content: DocumentContent) -> None:
    grams = credit_memo_content.evidence.weight.grams
    evidence = dataclasses.replace(credit_memo_content.evidence, weight=WeightCapture.typed(Weight(grams)))
    text = reading_text(render(dataclasses.replace(credit_memo_content, evidence=evidence)))
    assert "Weight 812.4 g, entered by hand" in text


def test_an_override_prints_both_names_and_the_reason(credit_memo_content: DocumentContent) -> None:
    content = dataclasses.replace(
        credit_memo_content, overridden_by="Sam Okafor", override_reason="Long-standing customer; fee waived in part."
    )
    text = reading_text(render(content))
    assert "Received by Dana Whitfield" in text
    assert "Overridden by Sam Okafor" in text
    assert "Override reason Long-standing customer; fee waived in part." in text


def test_two_lines_add_up_across_and_down(two_line_credit_memo_content: DocumentContent) -> None:
    text = reading_text(render(two_line_credit_memo_content))
    assert "2 54.99 109.98 -16.50 -8.95 0.00 84.53" in text
    assert "1 39.50 39.50 0.00 0.00 +7.95 47.45" in text
    sums = "Merchandise 149.48 Restocking fee -16.50 Return label -8.95 Shipping refund +7.95 Totals (USD) 131.98"
    assert sums in text
    assert "Refund total $131.98" in text
    assert "Refunded to: Card ending 4242" in text


@pytest.mark.parametrize(("page_size", "points"), [("letter", LETTER), ("a4", A4)])
def test_the_memo_prints_on_the_paper_the_content_asks_for(
    credit_memo_content: DocumentContent, page_size: str, points: tuple[float, float]
) -> None:
    pdf = render(dataclasses.replace(credit_memo_content, page_size=page_size))
    # Drawn in whole dots of a 300 dpi printer: A4 is 2480 x 3508 dots, 0.08 pt (0.03 mm) short of 210 mm.
    assert page_sizes_pt(pdf) == [pytest.approx(points, abs=0.1)]


def test_a_long_memo_continues_on_more_pages_with_header_barcode_and_page_count(
    two_line_credit_memo_content: DocumentContent,
) -> None:
    template = two_line_credit_memo_content.lines[0]
    lines = tuple(dataclasses.replace(template, line_number=number) for number in range(1, 31))
    content = dataclasses.replace(two_line_credit_memo_content, lines=lines)
    pdf = render(content)
    pages = page_texts(pdf)
    assert len(pages) >= 2
    for number, page in enumerate(pages, start=1):
        flat = one_line(page)
        assert f"page {number} of {len(pages)}" in flat
        assert decode_code128(rasterize_page(pdf, number - 1, dpi=203)) == ["CM-2026-000124"]
    # A page that continues the table opens with the column headings again.
    headings = "Line Item Qty Unit price (USD) Merchandise (USD) Restocking fee (USD) Return label (USD)"
    assert headings + " Shipping refund (USD) Line total (USD)" in one_line(pages[1])
    # Thousands are grouped, and "$" alone could be another country's dollars: the total says USD too.
    assert reading_text(pdf).count("Refund total $2,535.90 USD") == 1
    assert content.total == Money.of("84.53") * 30
    assert all(f"{line.line_number} TN-660" in reading_text(pdf) for line in lines)


def test_a_floored_line_prints_zero_and_says_why(policies, credit_memo_content: DocumentContent) -> None:
    floored = LineDetail(
        line_number=1,
        sku="SAMPLE-1",
        description="sample pack",
        quantity=1,
        unit_price=Money.of("5.00"),
        amounts=Amounts(Money.of("5.00"), Money.of("0.75"), Money.of("8.95"), Money.zero()),
        total=Money.zero(),
    )
    content = dataclasses.replace(credit_memo_content, lines=(floored,), refund_method=None)
    text = reading_text(render(content))
    assert "1 5.00 5.00 -0.75 -8.95 0.00 0.00" in text
    assert "Refunded to: Nothing is refunded." in text


def camera_photo() -> bytes:
    """A 3000 x 2000 picture as a phone saves it when held upright: stored sideways, EXIF says turn it."""
    picture = Image.new("RGB", (3000, 2000), "#b0c4de")
    ImageDraw.Draw(picture).rectangle((0, 0, 1500, 2000), fill="#404040")
    exif = Image.Exif()
    exif[ExifTags.Base.Orientation] = 6
    output = io.BytesIO()
    picture.save(output, format="JPEG", exif=exif, quality=90)
    return output.getvalue()


def test_a_camera_original_is_printed_as_an_upright_thumbnail(credit_memo_content: DocumentContent) -> None:
    photo = camera_photo()
    evidence = dataclasses.replace(credit_memo_content.evidence, photos=(photo,))
    pdf = render(dataclasses.replace(credit_memo_content, evidence=evidence))
    [embedded] = PdfReader(io.BytesIO(pdf)).pages[0].images
    assert embedded.image.size == (320, 480)
    [stored] = embedded_image_files(pdf)  # the picture itself: the embedded fonts are most of the file
    assert len(stored) < len(photo) / 4


def embedded_image_files(pdf: bytes) -> list[bytes]:
    """Each picture on the first page as stored in the PDF, its ASCII85 wrapping undone."""
    xobjects = PdfReader(io.BytesIO(pdf)).pages[0]["/Resources"]["/XObject"]
    return [xobject.get_object().get_data() for xobject in xobjects.values()]


def test_a_print_ready_thumbnail_is_kept_and_embedded_byte_for_byte(credit_memo_content: DocumentContent) -> None:
    thumbnail = printable_photo(camera_photo())
    assert printable_photo(thumbnail) == thumbnail
    evidence = dataclasses.replace(credit_memo_content.evidence, photos=(thumbnail,))
    pdf = render(dataclasses.replace(credit_memo_content, evidence=evidence))
    assert embedded_image_files(pdf) == [thumbnail]


def test_every_photo_is_printed_as_a_jpeg_of_its_own_size(credit_memo_content: DocumentContent) -> None:
    png, jpeg = credit_memo_content.evidence.photos
    assert Image.open(io.BytesIO(png)).format == "PNG"
    files = embedded_image_files(render(credit_memo_content))
    printed = [Image.open(io.BytesIO(file)) for file in files]
    assert [(picture.format, picture.size) for picture in printed] == [("JPEG", (160, 120))] * 2
    assert jpeg in files


def test_an_override_gives_its_reason_once_and_names_the_supervisor(override_memo_content: DocumentContent) -> None:
    text = reading_text(render(override_memo_content))
    reason = override_memo_content.override_reason
    assert text.count(reason) == 1
    assert f"Decided by a supervisor: {reason}." in text
    assert "Overridden by Sam Okafor (supervisor)" in text
    assert "Override reason" not in text


def drawn_photo_heights(pdf: bytes, page: int = 0) -> list[float]:
    """How high each picture is drawn on the page, in points, read from the page's drawing commands."""
    commands = PdfReader(io.BytesIO(pdf)).pages[page].get_contents().get_data().decode("latin-1")
    return [float(height) for height in re.findall(r"q [\d.]+ 0 0 ([\d.]+) [\d.]+ [\d.]+ cm\s*/\S+ Do", commands)]


def test_a_photo_that_would_push_the_memo_onto_a_second_page_is_printed_smaller(
    credit_memo_content: DocumentContent, monkeypatch
) -> None:
    content = credit_memo_content
    note = Reason("bench_note", "The outer box was checked again at the bench and found as described.")
    # Reasons are added until full-size photos would no longer fit on the page, as they were once always printed.
    with monkeypatch.context() as full_size_only:
        full_size_only.setattr(pages, "PHOTO_HEIGHTS", pages.PHOTO_HEIGHTS[:1])
        while len(page_texts(render(content))) == 1:
            content = dataclasses.replace(content, reasons=(*content.reasons, note))
        full_size = render(content)
    assert len(page_texts(full_size)) == 2  # the photos, or the names under them, on a page nearly empty

    pdf = render(content)

    [page] = page_texts(pdf)
    assert "Received by Dana Whitfield" in one_line(page)
    heights = drawn_photo_heights(pdf)
    assert len(heights) == len(content.evidence.photos)
    assert all(min(pages.PHOTO_HEIGHTS) <= height < max(pages.PHOTO_HEIGHTS) for height in heights)
    rasterize_page(pdf, dpi=100)  # it draws
