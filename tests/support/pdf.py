"""Reading back the PDFs the station produces, the way a person or a scanner would.

Text comes out through pypdf; pages are rasterized with Qt's own PDF renderer (QtPdf, pdfium) at a
chosen printer resolution and the barcodes on them are decoded with zxing-cpp. Nothing here needs
poppler, so the tests run on a fresh machine with only the project's Python dependencies.
"""

from __future__ import annotations

import io
import re

import zxingcpp
from PIL import Image
from pypdf import PdfReader
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import QApplication

POINTS_PER_INCH = 72


def page_texts(pdf: bytes) -> list[str]:
    """The text of each page, in drawing order."""
    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


def pdf_text(pdf: bytes) -> str:
    return "\n".join(page_texts(pdf))


LEADER_DOTS = re.compile(r"\.{3,}")


def reading_text(pdf: bytes) -> str:
    """All text as one line with single spaces, so a sentence wrapped across lines still matches, and
    the dot leaders from a label to its amount read as the space a reader's eye makes of them."""
    return " ".join(LEADER_DOTS.sub(" ", pdf_text(pdf)).split())


def one_line(text: str) -> str:
    return " ".join(text.split())


def page_sizes_pt(pdf: bytes) -> list[tuple[float, float]]:
    """Width and height of each page in points (1/72 inch)."""
    return [(float(page.mediabox.width), float(page.mediabox.height)) for page in PdfReader(io.BytesIO(pdf)).pages]


_application: QApplication | None = None


def _ensure_qt_application() -> None:
    # QtPdf needs an application object. A QApplication (not just a QGuiApplication) keeps
    # pytest-qt's widget tests working when they run after these in the same process.
    global _application
    if QApplication.instance() is None:
        _application = QApplication([])


def rasterize_page(pdf: bytes, page_index: int = 0, dpi: int = 203) -> Image.Image:
    """One page as a grayscale image on white paper, at ``dpi`` dots per inch, as a printer sees it."""
    _ensure_qt_application()
    data = QByteArray(pdf)
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument()
    document.load(buffer)
    if document.status() is not QPdfDocument.Status.Ready:
        raise ValueError(f"QtPdf could not open the PDF: {document.error()}")
    page_points = document.pagePointSize(page_index)
    size = QSize(
        round(page_points.width() * dpi / POINTS_PER_INCH),
        round(page_points.height() * dpi / POINTS_PER_INCH),
    )
    rendered = document.render(page_index, size)
    # pdfium leaves unpainted paper transparent; composite onto white so blank paper reads as white.
    paper = QImage(size, QImage.Format.Format_RGB32)
    paper.fill(Qt.GlobalColor.white)
    painter = QPainter(paper)
    painter.drawImage(0, 0, rendered)
    painter.end()
    document.close()
    gray = paper.convertToFormat(QImage.Format.Format_Grayscale8)
    return Image.frombuffer(
        "L", (gray.width(), gray.height()), bytes(gray.constBits()), "raw", "L", gray.bytesPerLine(), 1
    ).copy()


def decode_code128(image: Image.Image) -> list[str]:
    """The text of every Code 128 barcode found on the image, top to bottom."""
    found = zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.Code128)
    found.sort(key=lambda barcode: (barcode.position.top_left.y, barcode.position.top_left.x))
    return [barcode.text for barcode in found]
