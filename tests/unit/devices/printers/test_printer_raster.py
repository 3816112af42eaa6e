from __future__ import annotations

import pytest

from receiving_app.devices.printers import PrintError
from receiving_app.devices.printers.raster import rasterize_pdf

BLACK = 0
WHITE = 255


def test_a_four_inch_page_at_203_dpi_fills_812_dots_with_the_square_top_left(make_pdf) -> None:
    (page,) = rasterize_pdf(make_pdf(width_in=4, height_in=3), dpi=203, width_dots=812)
    assert page.mode == "1"
    assert page.size == (812, 609)
    assert page.getpixel((100, 100)) == BLACK  # inside the one-inch square
    assert page.getpixel((210, 100)) == WHITE  # just right of it
    assert page.getpixel((100, 210)) == WHITE  # just below it


def test_the_one_inch_square_is_203_dots_wide(make_pdf) -> None:
    (page,) = rasterize_pdf(make_pdf(), dpi=203, width_dots=812)
    black_in_row = [x for x in range(812) if page.getpixel((x, 100)) == BLACK]
    assert 202 <= len(black_in_row) <= 204
    assert black_in_row[0] <= 1


def test_a_narrow_page_is_centred_on_the_media(make_pdf) -> None:
    (page,) = rasterize_pdf(make_pdf(width_in=2, height_in=2), dpi=203, width_dots=812)
    assert page.size == (812, 406)
    margin = (812 - 406) // 2
    assert page.getpixel((margin - 5, 100)) == WHITE
    assert page.getpixel((margin + 100, 100)) == BLACK


def test_a_page_wider_than_the_media_is_refused_not_shrunk(make_pdf) -> None:
    with pytest.raises(PrintError, match="1624 dots wide at 203 dpi and this printer prints 812"):
        rasterize_pdf(make_pdf(width_in=8, height_in=4), dpi=203, width_dots=812)


def test_every_page_becomes_one_image(make_pdf) -> None:
    assert len(rasterize_pdf(make_pdf(pages=3), dpi=203, width_dots=812)) == 3


def test_a_damaged_pdf_is_a_print_error(make_pdf) -> None:
    with pytest.raises(PrintError, match="cannot be read"):
        rasterize_pdf(make_pdf()[:200], dpi=203, width_dots=812)
