"""Code 128 drawn as vector bars on the printer's dot grid, decoded back from a rendering."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader
from reportlab.pdfgen.canvas import Canvas

from receiving_app.documents.barcodes import (
    QUIET_ZONE_MODULES,
    BarcodeValueError,
    Code128Barcode,
    DotGrid,
    bar_runs,
    code128_modules,
)
from tests.support.pdf import decode_code128, pdf_text, rasterize_page

# Four inches is a whole number of dots at both resolutions (812 at 203 dpi, 1200 at 300 dpi),
# so the rasterized pixels are exactly the printer's dots.
PAGE = (288.0, 144.0)
ALMOST_BLACK = 3
ALMOST_WHITE = 252


def barcode_page(barcode: Code128Barcode, left: float) -> bytes:
    output = io.BytesIO()
    canvas = Canvas(output, pagesize=PAGE, invariant=1)
    barcode.draw(canvas, left, 30)
    canvas.showPage()
    canvas.save()
    return output.getvalue()


def bar_row(pdf: bytes, dpi: int, barcode: Code128Barcode) -> list[int]:
    """One row of pixels through the middle of the bars."""
    image = rasterize_page(pdf, dpi=dpi)
    bars_middle_pt = PAGE[1] - (30 + barcode.text_size + 2 + barcode.bar_height / 2)
    y = round(bars_middle_pt * dpi / 72)
    return [image.getpixel((x, y)) for x in range(image.width)]


@pytest.mark.parametrize(("dpi", "dots"), [(203, 2), (300, 3), (600, 6)])
def test_a_module_is_a_whole_number_of_dots_about_a_quarter_millimetre(dpi: int, dots: int) -> None:
    grid = DotGrid.for_printer(dpi)
    assert grid.module_dots == dots
    assert grid.module_pt == pytest.approx(dots * 72 / dpi)


def test_a_module_narrower_than_two_dots_is_refused() -> None:
    with pytest.raises(BarcodeValueError, match="at least 2 printer dots"):
        DotGrid(203, 1)


def test_snapping_moves_a_position_to_the_nearest_dot_boundary() -> None:
    grid = DotGrid.for_printer(203)
    snapped = grid.snap(100.3)
    assert abs(snapped - 100.3) <= grid.dot_pt / 2
    assert snapped / grid.dot_pt == pytest.approx(round(snapped / grid.dot_pt))


def test_the_symbol_has_start_checksum_and_stop_and_merges_touching_modules_into_bars() -> None:
    modules = code128_modules("CM-2026-000123")
    assert modules.startswith("11010")  # a start character begins with a two-module bar
    assert modules.endswith("1100011101011")  # the 13-module stop pattern
    runs = bar_runs(modules)
    assert sum(width for _, width in runs) == modules.count("1")
    assert all(modules[start - 1] == "0" for start, _ in runs if start > 0)


def test_the_width_includes_ten_modules_of_quiet_zone_on_each_side() -> None:
    barcode = Code128Barcode.create("RA-104233", bar_height=30, printer_dpi=203)
    assert barcode.width == pytest.approx((len(barcode.modules) + 2 * QUIET_ZONE_MODULES) * barcode.grid.module_pt)


@pytest.mark.parametrize("value", ["", "CM-\u00e9t\u00e9", "tab\there"])
def test_values_code_128_cannot_carry_on_a_document_are_refused(value: str) -> None:
    with pytest.raises(BarcodeValueError):
        code128_modules(value)


@pytest.mark.parametrize("dpi", [203, 300])
def test_bars_land_on_whole_dots_and_decode_back(dpi: int) -> None:
    barcode = Code128Barcode.create("CM-2026-000123", bar_height=40, text_size=9, printer_dpi=dpi)
    # An off-grid position on purpose: the drawing must snap it.
    pdf = barcode_page(barcode, left=20.3)

    row = bar_row(pdf, dpi, barcode)
    # Edges on dot boundaries leave no half-covered pixel: every pixel is paper or ink, give or
    # take the last digit the PDF's coordinates are written with.
    assert all(pixel <= ALMOST_BLACK or pixel >= ALMOST_WHITE for pixel in row)
    ink_runs = [width for _, width in bar_runs("".join("1" if pixel < 128 else "0" for pixel in row))]
    module_dots = barcode.grid.module_dots
    assert ink_runs == [width * module_dots for _, width in bar_runs(barcode.modules)]

    assert decode_code128(rasterize_page(pdf, dpi=dpi)) == ["CM-2026-000123"]


def test_the_human_readable_number_is_printed_under_the_bars() -> None:
    barcode = Code128Barcode.create("RF-2026-000045", bar_height=30, printer_dpi=203)
    assert "RF-2026-000045" in pdf_text(barcode_page(barcode, left=20))


def test_bars_are_vector_rectangles_not_an_embedded_picture() -> None:
    pdf = barcode_page(Code128Barcode.create("RA-104233", bar_height=30, printer_dpi=203), left=20)
    resources = PdfReader(io.BytesIO(pdf)).pages[0]["/Resources"]
    assert "/XObject" not in resources


def test_the_widest_module_that_fits_is_chosen_and_a_value_too_long_for_the_space_is_refused() -> None:
    short = Code128Barcode.largest_fitting(
        "RGA-300518", max_width=270, bar_height=60, printer_dpi=203, module_sizes_mm=(0.5, 0.25)
    )
    assert short.grid.module_dots == 4
    longer = Code128Barcode.largest_fitting(
        "RGA-300518-WAREHOUSE-B", max_width=270, bar_height=60, printer_dpi=203, module_sizes_mm=(0.5, 0.25)
    )
    assert longer.grid.module_dots == 2
    with pytest.raises(BarcodeValueError, match="only 100 pt are free"):
        Code128Barcode.largest_fitting("RGA-300518-WAREHOUSE-B", max_width=100, bar_height=60, printer_dpi=203)
