"""Printers take a stored PDF and deliver it, or raise PrintError with a message for the clerk.

Backends live in their own modules (folder, cups, qt_system, escpos_receipt, zpl);
``settings.printer_from_settings`` picks one from the station's settings. This package imports
none of them: the station window's background work refers to PrintError before any printer is used.
"""

from receiving_app.devices.printers.base import Printer, PrintError, PrintJob
from receiving_app.devices.printers.fake import FakePrinter

__all__ = ["FakePrinter", "PrintError", "PrintJob", "Printer"]
