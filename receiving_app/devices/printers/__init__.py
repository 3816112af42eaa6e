"""Printers take a stored PDF and deliver it, or raise PrintError with a message for the clerk.

Backends live in their own modules (folder, cups, qt_system, escpos_receipt, zpl);
``printer_from_settings`` picks one from the station's settings.
"""

from receiving_app.devices.printers.base import Printer, PrintError, PrintJob
from receiving_app.devices.printers.fake import FakePrinter
from receiving_app.devices.printers.settings import printer_from_settings

__all__ = ["FakePrinter", "PrintError", "PrintJob", "Printer", "printer_from_settings"]
