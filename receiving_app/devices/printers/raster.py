"""Turn PDF pages into 1-bit images for printers that only understand dots (receipt, label).

QPdfDocument (PDFium inside Qt) renders without any QGuiApplication: it paints into a QImage and
never touches fonts of the platform or a window system, so this module works in a worker thread,
in the command line and in tests alike. (QPrinter is different, see ``qt_system``.)
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PIL import Image
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize
from PySide6.QtGui import QImage
from PySide6.QtPdf import QPdfDocument, QPdfDocumentRenderOptions

from receiving_app.devices.printers.base import PrintError

POINTS_PER_INCH = 72
WHITE = 255


@contextmanager
def open_pdf_document(pdf: bytes) -> Iterator[QPdfDocument]:
    """The PDF loaded from memory, so a stored document never needs a temporary file."""
    data = QByteArray(pdf)
    # QPdfDocument reads from the buffer lazily while rendering, so the buffer must outlive it.
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument()
    try:
        document.load(buffer)
        if document.status() != QPdfDocument.Status.Ready or document.pageCount() < 1:
            raise PrintError(f"The stored PDF cannot be read for printing ({document.error().name.rstrip('_')})")
        yield document
    finally:
        document.close()
        buffer.close()


def page_size_in_dots(document: QPdfDocument, page_index: int, dpi: float) -> QSize:
    points = document.pagePointSize(page_index)
    return QSize(
        max(1, round(points.width() / POINTS_PER_INCH * dpi)),
        max(1, round(points.height() / POINTS_PER_INCH * dpi)),
    )


def crisp_render_options() -> QPdfDocumentRenderOptions:
    """Barcode bars and rules drawn without antialiasing, so each lands on whole printer dots
    instead of being smeared across two and then thresholded either way."""
    options = QPdfDocumentRenderOptions()
    options.setRenderFlags(
        QPdfDocumentRenderOptions.RenderFlag.PathAliased | QPdfDocumentRenderOptions.RenderFlag.ImageAliased
    )
    return options


def rasterize_pdf(pdf: bytes, *, dpi: int, width_dots: int) -> list[Image.Image]:
    """Every page as a black-and-white image exactly ``width_dots`` wide, rendered at ``dpi``.

    A narrower page is centred on white; heights follow the page. A page wider than the media is
    refused, never shrunk: shrinking moves barcode bars off the printer's dot grid and makes text
    too small to read, so the station draws each document for the printer's own paper instead.
    """
    if dpi < 1 or width_dots < 1:
        raise PrintError(f"A printer needs a positive resolution and width, got {dpi} dpi, {width_dots} dots")
    with open_pdf_document(pdf) as document:
        return [_rasterize_page(document, page_index, dpi, width_dots) for page_index in range(document.pageCount())]


def _rasterize_page(document: QPdfDocument, page_index: int, dpi: int, width_dots: int) -> Image.Image:
    natural = page_size_in_dots(document, page_index, dpi)
    if natural.width() > width_dots:
        raise PrintError(
            f"Page {page_index + 1} is {natural.width()} dots wide at {dpi} dpi and this printer prints"
            f" {width_dots}: it was drawn for other paper, and shrinking it would spoil its barcode"
        )
    rendered = document.render(page_index, natural, crisp_render_options())
    black_and_white = _to_black_and_white(rendered)
    media = Image.new("1", (width_dots, black_and_white.height), WHITE)
    media.paste(black_and_white, ((width_dots - black_and_white.width) // 2, 0))
    return media


def _to_black_and_white(rendered: QImage) -> Image.Image:
    rgba_image = rendered.convertToFormat(QImage.Format.Format_RGBA8888)
    size = (rgba_image.width(), rgba_image.height())
    rgba = Image.frombuffer("RGBA", size, bytes(rgba_image.constBits()), "raw", "RGBA", rgba_image.bytesPerLine(), 1)
    # PDFium leaves the paper transparent; a printer's paper is white.
    on_paper = Image.new("RGB", size, "white")
    on_paper.paste(rgba, mask=rgba)
    # A hard threshold, not dithering: dithered barcode edges do not scan.
    return on_paper.convert("L").convert("1", dither=Image.Dither.NONE)
