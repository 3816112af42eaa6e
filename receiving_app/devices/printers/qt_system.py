"""Any printer the operating system knows (CUPS on Linux and macOS, the spooler on Windows),
driven through Qt's QPrinter, with each PDF page drawn as an image at the printer's resolution.

Printing to a PDF file through the same path (``pdf:/path/out.pdf``) is how the Qt printing is
checked without a printer.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMarginsF, QRectF, QSizeF
from PySide6.QtGui import QGuiApplication, QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

from receiving_app.devices.printers.base import Printer, PrintError, PrintJob
from receiving_app.devices.printers.raster import (
    POINTS_PER_INCH,
    crisp_render_options,
    open_pdf_document,
)
from receiving_app.domain.media import Medium

PDF_FILE_PREFIX = "pdf:"
# PDF output has no physical resolution; 300 dpi keeps text sharp and files small.
PDF_FILE_DPI = 300
# One letter page at 1200 dpi is half a gigabyte of pixels; 600 dpi is sharper than any
# receipt or label and still fits comfortably in memory.
MAX_RENDER_DPI = 600

# Qt allows one application object per process and destroys it with its last Python reference,
# so the one made here for headless printing is kept for the life of the process.
_application_made_for_printing: QGuiApplication | None = None


def ensure_gui_application() -> None:
    """QPrinter is a paint device and aborts the process without a QGuiApplication. The station
    window already has one; the command line does not, so one is made here, on the offscreen
    platform unless QT_QPA_PLATFORM says otherwise, because printing needs no screen and a
    print server may have none. Call from the main thread, as Qt requires for the first one."""
    global _application_made_for_printing
    if QCoreApplication.instance() is not None:
        return
    arguments = ["receiving-app"]
    if not os.environ.get("QT_QPA_PLATFORM"):
        arguments += ["-platform", "offscreen"]
    _application_made_for_printing = QGuiApplication(arguments)


def list_system_printers() -> list[str]:
    """The printers this computer knows, for the settings screen; the default one first."""
    ensure_gui_application()
    names = QPrinterInfo.availablePrinterNames()
    default = QPrinterInfo.defaultPrinterName()
    return sorted(names, key=lambda name: (name != default, name.casefold()))


class QtSystemPrinter(Printer):
    """``printer_name`` is a system printer, "" for the default one, or ``pdf:/path/out.pdf``."""

    def __init__(
        self,
        printer_name: str = "",
        *,
        pdf_output: Path | str | None = None,
        medium: Medium | None = None,
        name: str | None = None,
    ) -> None:
        self.medium = medium
        if printer_name.startswith(PDF_FILE_PREFIX):
            pdf_output = printer_name.removeprefix(PDF_FILE_PREFIX)
            printer_name = ""
        self.printer_name = printer_name
        self.pdf_output = Path(pdf_output) if pdf_output is not None else None
        self.name = name or printer_name or ("PDF file" if self.pdf_output else "Default printer")
        if self.pdf_output is not None:
            self.done_words = "saved to a PDF file"

    def describe(self) -> str:
        if self.pdf_output is not None:
            return f"PDF file {self.pdf_output} (through Qt printing)"
        return f"System printer {self.printer_name}" if self.printer_name else "The system's default printer"

    def print_job(self, job: PrintJob) -> None:
        ensure_gui_application()
        with open_pdf_document(job.pdf) as document:
            printer = self._prepare_printer(job, document)
            painter = QPainter()
            if not painter.begin(printer):
                raise PrintError(f"{self.describe()} could not start printing {job.document_number}")
            try:
                self._paint_pages(printer, painter, document, job.copies)
            finally:
                painter.end()
            if printer.printerState() == QPrinter.PrinterState.Error:
                raise PrintError(f"{self.describe()} reported an error while printing {job.document_number}")

    def _prepare_printer(self, job: PrintJob, document: QPdfDocument) -> QPrinter:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        if self.pdf_output is not None:
            if not self.pdf_output.parent.is_dir():
                raise PrintError(f"Cannot write {self.pdf_output}: there is no folder {self.pdf_output.parent}")
            printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
            printer.setOutputFileName(str(self.pdf_output))
            printer.setResolution(PDF_FILE_DPI)
            printer.setFullPage(True)
            self._match_pdf_page(printer, document, 0)
        else:
            self._select_system_printer(printer)
        printer.setDocName(job.title)
        printer.setCopyCount(job.copies)
        return printer

    def _select_system_printer(self, printer: QPrinter) -> None:
        known = QPrinterInfo.availablePrinterNames()
        if self.printer_name:
            if self.printer_name not in known:
                listed = ", ".join(known) if known else "none"
                raise PrintError(f"No printer named {self.printer_name!r} on this computer (printers here: {listed})")
            printer.setPrinterName(self.printer_name)
        elif QPrinterInfo.defaultPrinter().isNull():
            raise PrintError("This computer has no default printer; choose one in the printer settings")

    def _paint_pages(self, printer: QPrinter, painter: QPainter, document: QPdfDocument, copies: int) -> None:
        # A printer that makes copies itself gets the pages once; a PDF file gets them repeated.
        repeats = 1 if printer.supportsMultipleCopies() else copies
        first_page = True
        for _ in range(repeats):
            for page_index in range(document.pageCount()):
                if not first_page:
                    if self.pdf_output is not None:
                        self._match_pdf_page(printer, document, page_index)
                    printer.newPage()
                first_page = False
                self._paint_page(printer, painter, document, page_index)

    def _match_pdf_page(self, printer: QPrinter, document: QPdfDocument, page_index: int) -> None:
        """A PDF file gets each page at the size of the stored page, without margins."""
        points = document.pagePointSize(page_index)
        page_size = QPageSize(
            QSizeF(points.width(), points.height()),
            QPageSize.Unit.Point,
            "",
            QPageSize.SizeMatchPolicy.ExactMatch,
        )
        # Portrait with the page's own width and height keeps landscape pages landscape.
        printer.setPageLayout(
            QPageLayout(
                page_size,
                QPageLayout.Orientation.Portrait,
                QMarginsF(0, 0, 0, 0),
                QPageLayout.Unit.Point,
            )
        )

    def _paint_page(self, printer: QPrinter, painter: QPainter, document: QPdfDocument, page_index: int) -> None:
        resolution = printer.resolution()
        paintable = printer.pageLayout().paintRectPixels(resolution)
        points = document.pagePointSize(page_index)
        page_width = points.width() / POINTS_PER_INCH * resolution
        page_height = points.height() / POINTS_PER_INCH * resolution
        # True size when the paper allows it, so barcodes keep their dimensions; shrunk to fit
        # otherwise, never cut off.
        scale = min(1.0, paintable.width() / page_width, paintable.height() / page_height)
        target = QRectF(0, 0, page_width * scale, page_height * scale)
        render_dpi = min(resolution, MAX_RENDER_DPI) * scale
        image_size = QSizeF(
            points.width() / POINTS_PER_INCH * render_dpi,
            points.height() / POINTS_PER_INCH * render_dpi,
        ).toSize()
        image = document.render(page_index, image_size, crisp_render_options())
        if image.isNull():
            raise PrintError(f"Page {page_index + 1} of the stored PDF could not be drawn")
        painter.drawImage(target, image)
