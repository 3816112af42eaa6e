"""Names and addresses in any alphabet the sellers ship to print as written, in fonts the PDF carries."""

from __future__ import annotations

import dataclasses
import io
from datetime import UTC, datetime
from decimal import Decimal

from pypdf import PdfReader

from receiving_app.documents.daily_report import Bar, BarChart, ReportContent, ReportTable, render_report
from receiving_app.documents.glyph_coverage import characters_without_glyph
from receiving_app.documents.model import DocumentContent, Party
from receiving_app.documents.render import render
from tests.support.pdf import decode_code128, rasterize_page, reading_text

NAME = "Łucja Żółć"
ADDRESS = ("Attn: Nguyễn Thị Hồng", "ул. Тверская 7, Дмитрий Соколов", "Ελένη Παπαδοπούλου, Θεσσαλονίκη 546 21")
CUSTOMER = Party(NAME, ADDRESS)
BASE_14 = {
    f"{family}{style}"
    for family, styles in (
        ("Helvetica", ("", "-Bold", "-Oblique", "-BoldOblique")),
        ("Courier", ("", "-Bold", "-Oblique", "-BoldOblique")),
        ("Times", ("-Roman", "-Bold", "-Italic", "-BoldItalic")),
        ("Symbol", ("",)),
        ("ZapfDingbats", ("",)),
    )
    for style in styles
}


def fonts_of(pdf: bytes) -> list[dict[str, object]]:
    """Every font any page of the PDF uses, as pypdf reads its dictionary."""
    fonts = {}
    for page in PdfReader(io.BytesIO(pdf)).pages:
        for reference in page["/Resources"].get("/Font", {}).values():
            fonts[reference.idnum] = reference.get_object()
    return list(fonts.values())


def assert_every_font_is_embedded(pdf: bytes) -> None:
    fonts = fonts_of(pdf)
    assert fonts
    for font in fonts:
        base_font = str(font["/BaseFont"]).lstrip("/")
        assert base_font.split("+")[-1] not in BASE_14, base_font
        assert "/FontFile2" in font["/FontDescriptor"], base_font


def test_a_credit_memo_prints_every_alphabet_as_written_in_embedded_fonts(
    credit_memo_content: DocumentContent,
) -> None:
    pdf = render(dataclasses.replace(credit_memo_content, customer=CUSTOMER))
    text = reading_text(pdf)
    for written in (NAME, *ADDRESS):
        assert written in text
    assert_every_font_is_embedded(pdf)


def test_an_rma_label_prints_every_alphabet_as_written_in_embedded_fonts(rma_label_content: DocumentContent) -> None:
    pdf = render(dataclasses.replace(rma_label_content, customer=CUSTOMER))
    text = reading_text(pdf)
    assert f"FROM {NAME} {' '.join(ADDRESS)}" in text
    assert_every_font_is_embedded(pdf)
    assert decode_code128(rasterize_page(pdf, dpi=203)) == [rma_label_content.rma_number]


def test_the_credit_memo_barcode_still_decodes_beside_a_foreign_name(credit_memo_content: DocumentContent) -> None:
    pdf = render(dataclasses.replace(credit_memo_content, customer=CUSTOMER))
    assert decode_code128(rasterize_page(pdf, dpi=203)) == [credit_memo_content.document_number]


def test_a_void_copy_and_the_daily_report_use_only_embedded_fonts(credit_memo_content: DocumentContent) -> None:
    reprint = dataclasses.replace(credit_memo_content, copy=True, voided=True, void_reason="Entered twice")
    assert_every_font_is_embedded(render(reprint))
    report = ReportContent(
        title="Daily report",
        footer="Station BENCH-02",
        facts=(("Period", "27 Mar 2026"),),
        highlights=(("Lines", "3"),),
        tables=(
            ReportTable(
                title="Per operator",
                columns=("Operator", "Lines"),
                rows=(("Дмитрий Соколов", "2"), ("Ελένη Παπαδοπούλου", "1")),
                numeric=(False, True),
                chart=BarChart((Bar("Дмитрий Соколов", Decimal(2), "2"), Bar("Ελένη Παπαδοπούλου", Decimal(1), "1"))),
            ),
        ),
        generated_at=datetime(2026, 3, 27, 18, 0, tzinfo=UTC),
    )
    pdf = render_report(report)
    assert "Дмитрий Соколов 2 Ελένη Παπαδοπούλου 1" in reading_text(pdf)
    assert_every_font_is_embedded(pdf)


def test_the_same_document_renders_to_the_same_bytes_again(credit_memo_content: DocumentContent) -> None:
    memo = dataclasses.replace(credit_memo_content, customer=CUSTOMER)
    assert render(memo) == render(memo)


def test_the_four_alphabets_have_every_glyph() -> None:
    assert characters_without_glyph("Łódź Nguyễn Ελένη Дмитрий") == ""
    assert characters_without_glyph("Łucja Żółć\nNguyễn Thị Hồng\tΕλένη Παπαδοπούλου  Дмитрий Соколов") == ""


def test_characters_the_documents_cannot_print_are_named_once_in_the_order_they_come() -> None:
    assert characters_without_glyph("漢 Anna \U0001f680 漢字") == "漢\U0001f680字"
    assert characters_without_glyph("Zoë\u0007") == "\u0007"


def test_a_character_beyond_u_ffff_that_the_font_has_prints_and_reads_back(
    credit_memo_content: DocumentContent,
) -> None:
    smiling = "Anna \U0001f600 Berg"
    assert characters_without_glyph(smiling) == ""
    pdf = render(dataclasses.replace(credit_memo_content, customer=Party(smiling, ADDRESS)))
    assert smiling in reading_text(pdf)
