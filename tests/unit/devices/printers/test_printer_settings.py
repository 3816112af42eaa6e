from __future__ import annotations

import pytest

from receiving_app.devices.printers import PrintError
from receiving_app.devices.printers.cups import CupsPrinter
from receiving_app.devices.printers.escpos_receipt import (
    EscPosPrinter,
    SerialConnection,
    UsbConnection,
)
from receiving_app.devices.printers.folder import FolderPrinter
from receiving_app.devices.printers.qt_system import QtSystemPrinter
from receiving_app.devices.printers.settings import printer_from_settings
from receiving_app.devices.printers.zpl import ZplPrinter


@pytest.mark.parametrize(
    ("settings", "backend", "description"),
    [
        (
            {"backend": "folder", "folder": "/srv/pdfs"},
            FolderPrinter,
            "Save PDFs to folder /srv/pdfs",
        ),
        ({"backend": "cups", "queue": "Label"}, CupsPrinter, "CUPS queue Label"),
        ({"backend": "qt", "printer": "Office"}, QtSystemPrinter, "System printer Office"),
        ({"backend": "qt", "printer": ""}, QtSystemPrinter, "The system's default printer"),
        (
            {"backend": "qt", "printer": "pdf:/tmp/out.pdf"},
            QtSystemPrinter,
            "PDF file /tmp/out.pdf (through Qt printing)",
        ),
        (
            {"backend": "zpl", "host": "10.0.0.5", "port": "9100"},
            ZplPrinter,
            "ZPL label printer at 10.0.0.5:9100 (4 x 6 in labels, 812 x 1218 dots at 203 dpi)",
        ),
        (
            {"backend": "zpl", "queue": "Zebra", "dpi": "300", "width_dots": "1200"},
            ZplPrinter,
            "ZPL label printer on CUPS queue Zebra (4 x 6 in labels, 1200 x 1800 dots at 300 dpi)",
        ),
        (
            {"backend": "escpos", "connection": "network", "host": "10.0.0.7"},
            EscPosPrinter,
            "ESC/POS receipt printer at 10.0.0.7:9100 (576 dots wide)",
        ),
        (
            {"backend": "escpos", "connection": "usb", "vendor_id": "04b8", "product_id": "0x0202"},
            EscPosPrinter,
            "ESC/POS receipt printer at USB 04b8:0202 (576 dots wide)",
        ),
        (
            {
                "backend": "escpos",
                "connection": "serial",
                "port": "/dev/ttyUSB0",
                "width_dots": "384",
            },
            EscPosPrinter,
            "ESC/POS receipt printer at /dev/ttyUSB0 at 9600 baud (384 dots wide)",
        ),
    ],
)
def test_each_backend_is_built_from_its_settings(settings, backend, description) -> None:
    printer = printer_from_settings(settings)
    assert isinstance(printer, backend)
    assert printer.describe() == description


def test_the_connection_values_are_parsed() -> None:
    usb = printer_from_settings({"backend": "escpos", "connection": "usb", "vendor_id": "04b8", "product_id": "0202"})
    serial = printer_from_settings({"backend": "escpos", "connection": "serial", "port": "COM3", "baudrate": "19200"})
    assert isinstance(usb, EscPosPrinter) and usb.connection == UsbConnection(0x04B8, 0x0202)
    assert isinstance(serial, EscPosPrinter) and serial.connection == SerialConnection("COM3", 19200)


def test_a_name_can_be_given() -> None:
    assert printer_from_settings({"backend": "cups", "queue": "Q1", "name": "Receipts"}).name == "Receipts"
    assert printer_from_settings({"backend": "cups", "queue": "Q1"}).name == "Q1"


@pytest.mark.parametrize(
    ("settings", "message"),
    [
        ({}, "'backend' is missing"),
        (
            {"backend": "fax"},
            "Unknown printer backend 'fax'; choose one of cups, escpos, folder, qt, zpl",
        ),
        ({"backend": "folder"}, "'folder' is missing for the folder backend"),
        ({"backend": "cups", "queue": "  "}, "'queue' is missing for the cups backend"),
        ({"backend": "qt"}, "'printer' is missing for the qt backend"),
        (
            {"backend": "zpl", "port": "9100"},
            "'host' \\(or 'queue'\\) is missing for the zpl backend",
        ),
        (
            {"backend": "zpl", "host": "h", "port": "ninety"},
            "'port' must be a positive whole number, got 'ninety'",
        ),
        (
            {"backend": "zpl", "host": "h", "timeout": "soon"},
            "'timeout' must be a number of seconds",
        ),
        ({"backend": "escpos"}, "'connection' is missing for the escpos backend"),
        (
            {"backend": "escpos", "connection": "bluetooth"},
            "Unknown receipt printer connection 'bluetooth'",
        ),
        (
            {"backend": "escpos", "connection": "network"},
            "'host' is missing for the escpos backend",
        ),
        (
            {"backend": "escpos", "connection": "usb", "vendor_id": "04b8"},
            "'product_id' is missing",
        ),
        (
            {"backend": "escpos", "connection": "usb", "vendor_id": "epson", "product_id": "1"},
            "'vendor_id' must be hexadecimal",
        ),
        (
            {"backend": "escpos", "connection": "network", "host": "h", "profile": "TM-NOPE"},
            "no printer profile named 'TM-NOPE'",
        ),
    ],
)
def test_bad_settings_name_what_is_wrong(settings, message) -> None:
    with pytest.raises(PrintError, match=message):
        printer_from_settings(settings)
