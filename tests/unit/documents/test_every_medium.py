"""Every document on every paper, as each kind of printer receives it.

A document is drawn for the printer's own paper at the printer's own resolution; nothing on the
way scales it. So each page is the paper's size, the bars sit on the printer's dot grid and read
back, also from a thermal print, and the bytes sent to a label or receipt printer carry the raster
at its native size.
"""

from __future__ import annotations

import itertools
import stat
from dataclasses import dataclass
from pathlib import Path

import pytest
import zxingcpp
from escpos.printer import Dummy
from PIL import Image

from receiving_app.devices.printers import PrintError, PrintJob
from receiving_app.devices.printers.cups import CupsPrinter
from receiving_app.devices.printers.escpos_receipt import EscPosPrinter
from receiving_app.devices.printers.zpl import ZplPrinter
from receiving_app.documents.model import DocumentContent
from receiving_app.documents.render import render
from receiving_app.domain.media import A4, LABEL_4X6, LETTER, NAMED_MEDIA, ROLL_58MM, ROLL_80MM, Medium
from tests.support.pdf import POINTS_PER_INCH, decode_code128, page_sizes_pt, rasterize_page
from tests.support.thermal import ZplLabel, escpos_raster_images, stacked, thermal_print, zpl_labels

# A PDF writes sizes with four decimals; a dot is at least 0.24 pt, so this is far finer than one.
PDF_ROUNDING_PT = 0.001
FULL_CUT = b"\x1dV\x00"
PRINT_SEED = 20260327


@dataclass(frozen=True)
class Document:
    id: str
    fixture: str
    barcode: str
    """What a scanner reads off it: the document number, or the RMA number on the label."""


DOCUMENTS = [
    Document("credit-memo", "credit_memo_content", "CM-2026-000123"),
    Document("two-line-credit-memo", "two_line_credit_memo_content", "CM-2026-000124"),
    Document("restocking-receipt", "restocking_receipt_content", "RF-2026-000045"),
    Document("denial-notice", "denial_content", "DN-2026-000031"),
    Document("replacement-slip", "replacement_content", "RS-2026-000088"),
    Document("rma-label", "rma_label_content", "RGA-300518"),
]
PAPER_IDS = {"4x6": "4x6-label", "80mm": "80mm-roll", "58mm": "58mm-roll"}

EVERY_DOCUMENT_ON_EVERY_PAPER = [
    pytest.param(document, medium, id=f"{document.id}-on-{PAPER_IDS.get(name, name)}")
    for document in DOCUMENTS
    for name, medium in NAMED_MEDIA.items()
]


def every_document_on(*media: Medium) -> list[object]:
    return [
        pytest.param(document, medium, id=f"{document.id}-on-{PAPER_IDS.get(medium.name, medium.name)}")
        for document in DOCUMENTS
        for medium in media
    ]


def content_of(request: pytest.FixtureRequest, document: Document) -> DocumentContent:
    return request.getfixturevalue(document.fixture)


def job_for(pdf: bytes, document: Document) -> PrintJob:
    return PrintJob(pdf=pdf, document_number=document.barcode, document_type=document.id, title=document.barcode)


def dots(points: float, dpi: int) -> int:
    return round(points * dpi / POINTS_PER_INCH)


def bars_span(image: Image.Image) -> tuple[int, int]:
    """Left and right edge of the one Code 128 symbol on the image, in dots."""
    (found,) = zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.Code128)
    corners = (found.position.top_left, found.position.top_right, found.position.bottom_left)
    return min(corner.x for corner in corners), max(corner.x for corner in corners)


@pytest.mark.parametrize(("document", "medium"), EVERY_DOCUMENT_ON_EVERY_PAPER)
def test_every_page_is_the_paper_and_the_barcode_reads_at_the_printer_resolution(
    request: pytest.FixtureRequest, document: Document, medium: Medium
) -> None:
    pdf = render(content_of(request, document), medium)

    for width, length in page_sizes_pt(pdf):
        assert width == pytest.approx(medium.width_pt, abs=PDF_ROUNDING_PT)
        if not medium.is_roll:
            assert length == pytest.approx(medium.length_pt, abs=PDF_ROUNDING_PT)
    first_page = rasterize_page(pdf, 0, medium.dpi)
    assert first_page.width == medium.width_dots
    if not medium.is_roll:
        assert first_page.height == medium.length_dots
    assert decode_code128(first_page) == [document.barcode]


@pytest.mark.parametrize(("document", "medium"), EVERY_DOCUMENT_ON_EVERY_PAPER)
def test_the_barcode_still_reads_from_a_thermal_print(
    request: pytest.FixtureRequest, document: Document, medium: Medium
) -> None:
    first_page = rasterize_page(render(content_of(request, document), medium), 0, medium.dpi)

    assert decode_code128(thermal_print(first_page, seed=PRINT_SEED)) == [document.barcode]


def test_the_simulated_print_is_soft_and_noisy_yet_repeatable() -> None:
    # A black square on white: a print that came back crisp would make the test above toothless.
    page = Image.new("L", (64, 64), 255)
    page.paste(0, (16, 16, 48, 48))

    printed = thermal_print(page, seed=7)

    assert printed.size == page.size
    grays = printed.getcolors(256) or []
    assert len(grays) > 64
    edge = printed.getpixel((16, 32))
    assert isinstance(edge, int) and 0 < edge < 255  # an edge dot is neither ink nor paper
    assert printed.tobytes() == thermal_print(page, seed=7).tobytes()
    assert printed.tobytes() != thermal_print(page, seed=8).tobytes()


@pytest.mark.parametrize(("document", "medium"), every_document_on(LABEL_4X6))
def test_a_zpl_label_carries_the_native_raster_and_the_label_length(
    request: pytest.FixtureRequest, document: Document, medium: Medium
) -> None:
    printer = ZplPrinter("printer.invalid")
    assert printer.medium == medium
    pdf = render(content_of(request, document), printer.medium)

    labels = zpl_labels(printer.render(job_for(pdf, document)))

    assert len(labels) == len(page_sizes_pt(pdf))
    whole_bytes_per_row = (medium.width_dots + 7) // 8  # 812 dots need 102 bytes, the last half pad
    for label in labels:
        assert (label.print_width, label.label_length) == (medium.width_dots, medium.length_dots)
        assert set(label.bytes_per_row) == {whole_bytes_per_row}
    first: ZplLabel = labels[0]
    assert decode_code128(first.image) == [document.barcode]
    # The bars are where the page puts them at 203 dpi: nothing was scaled or shifted.
    assert bars_span(first.image) == pytest.approx(bars_span(rasterize_page(pdf, 0, medium.dpi)), abs=1)


@pytest.mark.parametrize(("document", "medium"), every_document_on(ROLL_80MM, ROLL_58MM))
def test_an_escpos_receipt_is_a_raster_exactly_the_head_wide(
    request: pytest.FixtureRequest, document: Document, medium: Medium
) -> None:
    device = Dummy()
    printer = EscPosPrinter(device, width_dots=medium.width_dots)
    assert printer.medium == medium
    pdf = render(content_of(request, document), printer.medium)

    printer.print_job(job_for(pdf, document))

    rasters = escpos_raster_images(device.output)
    assert {raster.width for raster in rasters} == {medium.width_dots}
    assert device.output.count(FULL_CUT) == 1
    # python-escpos sends a long receipt in bands; together they are every page at full length.
    receipt = stacked(rasters)
    assert receipt.height == sum(dots(length, medium.dpi) for _, length in page_sizes_pt(pdf))
    assert decode_code128(receipt) == [document.barcode]
    assert bars_span(receipt) == pytest.approx(bars_span(rasterize_page(pdf, 0, medium.dpi)), abs=1)


def install_recording_lp(folder: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An ``lp`` first on PATH that keeps its arguments (one a line) and standard input."""
    kept = folder / "lp-kept"
    kept.mkdir()
    lp = folder / "bin" / "lp"
    lp.parent.mkdir()
    lp.write_text(f'#!/bin/sh\nprintf "%s\\n" "$@" > "{kept}/argv"\ncat > "{kept}/stdin"\necho "request id is Q-7"\n')
    lp.chmod(lp.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setenv("PATH", f"{lp.parent}:/usr/bin:/bin")
    return kept


def lp_options(argv: list[str]) -> list[str]:
    return [value for flag, value in itertools.pairwise(argv) if flag == "-o"]


@pytest.mark.parametrize(
    ("document", "medium", "pwg_name"),
    [
        pytest.param(DOCUMENTS[0], LETTER, "na_letter_8.5x11in", id="credit-memo-on-letter"),
        pytest.param(DOCUMENTS[3], A4, "iso_a4_210x297mm", id="denial-notice-on-a4"),
        pytest.param(DOCUMENTS[5], LABEL_4X6, "na_index-4x6_4x6in", id="rma-label-on-4x6-label"),
    ],
)
def test_a_cups_job_names_its_paper_and_forbids_scaling(
    request: pytest.FixtureRequest,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    document: Document,
    medium: Medium,
    pwg_name: str,
) -> None:
    kept = install_recording_lp(tmp_path, monkeypatch)
    printer = CupsPrinter("Front_Desk", medium=medium)
    pdf = render(content_of(request, document), printer.medium)

    printer.print_job(job_for(pdf, document))

    argv = (kept / "argv").read_text().splitlines()
    assert argv[:2] == ["-d", "Front_Desk"]
    assert lp_options(argv) == [f"media={pwg_name}", "print-scaling=none"]
    assert (kept / "stdin").read_bytes() == pdf


@pytest.mark.parametrize("medium", [ROLL_80MM, ROLL_58MM], ids=["80mm-roll", "58mm-roll"])
def test_a_cups_queue_cannot_be_given_a_receipt_roll(medium: Medium) -> None:
    with pytest.raises(PrintError, match="sheets or labels, not a"):
        CupsPrinter("Front_Desk", medium=medium)
