from __future__ import annotations

import errno

import pytest
from escpos.printer import Dummy

from receiving_app.devices.printers import PrintError
from receiving_app.devices.printers.escpos_receipt import (
    EscPosPrinter,
    NetworkConnection,
)

RASTER_IMAGE = b"\x1dv0\x00"  # GS v 0, normal density
FULL_CUT = b"\x1dV\x00"  # GS V 0
RECEIPT_INCHES = 72 / 25.4  # 72 mm printable on 80 mm paper: 576 dots at 203 dpi


def raster_header(width_bytes: int, height: int) -> bytes:
    return RASTER_IMAGE + width_bytes.to_bytes(2, "little") + height.to_bytes(2, "little")


def test_a_receipt_page_is_one_raster_image_576_dots_wide_then_a_cut(make_pdf, make_job) -> None:
    dummy = Dummy()
    EscPosPrinter(dummy).print_job(make_job(make_pdf(width_in=RECEIPT_INCHES, height_in=3)))

    output = dummy.output
    header = raster_header(72, 609)
    assert output.count(RASTER_IMAGE) == 1
    assert header in output
    assert output.count(FULL_CUT) == 1
    assert output.index(FULL_CUT) > output.index(header) + len(header) + 72 * 609


def test_raster_bits_are_one_for_black(make_pdf, make_job) -> None:
    dummy = Dummy()
    EscPosPrinter(dummy).print_job(make_job(make_pdf(width_in=RECEIPT_INCHES, height_in=3)))
    header = raster_header(72, 609)
    raster = dummy.output[dummy.output.index(header) + len(header) :]
    assert raster[100 * 72 + 100 // 8] == 0xFF  # inside the one-inch square
    assert raster[100 * 72 + 400 // 8] == 0x00  # right of it
    assert raster[400 * 72 + 100 // 8] == 0x00  # below it


def test_each_copy_is_printed_and_cut(make_pdf, make_job) -> None:
    dummy = Dummy()
    EscPosPrinter(dummy).print_job(make_job(make_pdf(width_in=RECEIPT_INCHES, height_in=3), copies=3))
    output = dummy.output
    assert output.count(raster_header(72, 609)) == 3
    assert output.count(FULL_CUT) == 3
    first_cut = output.index(FULL_CUT)
    assert output.index(raster_header(72, 609), first_cut) > first_cut


def test_pages_of_one_copy_share_one_cut(make_pdf, make_job) -> None:
    dummy = Dummy()
    EscPosPrinter(dummy).print_job(make_job(make_pdf(pages=2, width_in=RECEIPT_INCHES, height_in=3)))
    assert dummy.output.count(RASTER_IMAGE) == 2
    assert dummy.output.count(FULL_CUT) == 1


def test_the_paper_comes_from_the_printer_profile_when_it_knows_it(make_pdf, make_job) -> None:
    dummy = Dummy(profile="TM-T88V")  # 512 dots at 180 dpi
    printer = EscPosPrinter(dummy)
    printer.print_job(make_job(make_pdf(width_in=512 / 180, height_in=3)))
    assert (printer.width_dots, printer.dpi) == (512, 180)
    assert (printer.medium.width_dots, printer.medium.dpi, printer.medium.length_dots) == (512, 180, None)
    assert RASTER_IMAGE + (64).to_bytes(2, "little") in dummy.output


def test_a_receipt_wider_than_the_profile_allows_is_a_print_error(make_pdf, make_job) -> None:
    printer = EscPosPrinter(Dummy(profile="TM-T88V"), width_dots=576)
    with pytest.raises(PrintError, match="narrower than the 576-dot receipt"):
        printer.print_job(make_job(make_pdf(width_in=RECEIPT_INCHES)))


class UnpluggedDummy(Dummy):
    def _raw(self, msg: bytes) -> None:
        raise OSError(errno.EPIPE, "Broken pipe")


def test_a_device_error_becomes_a_print_error_not_an_os_error(make_pdf, make_job) -> None:
    with pytest.raises(PrintError, match="Broken pipe"):
        EscPosPrinter(UnpluggedDummy()).print_job(make_job(make_pdf(width_in=RECEIPT_INCHES)))


def test_describe_names_the_connection() -> None:
    printer = EscPosPrinter(NetworkConnection("10.0.0.7", 9100))
    assert printer.describe() == "ESC/POS receipt printer at 10.0.0.7:9100 (576 dots wide)"
