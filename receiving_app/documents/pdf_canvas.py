"""A new PDF file for a document: its canvas with the fonts ready and the document's own metadata."""

from __future__ import annotations

import io
from datetime import datetime

from reportlab.pdfbase.pdfdoc import PDFDocument, PDFObject
from reportlab.pdfbase.pdfmetrics import getFont
from reportlab.pdfgen.canvas import Canvas

from receiving_app.documents.model import DocumentContent
from receiving_app.documents.typography import BOLD, REGULAR

_ENCODINGS: dict[str, str] = {font: getFont(font).encoding.makePDFObject() for font in (REGULAR, BOLD)}
"""Each face's encoding as the PDF names it ("/WinAnsiEncoding"): the same for every document."""


# reportlab ships no type information, so mypy sees PDFObject as Any; pdfdoc writes an object
# as a PDF object only when it is one of PDFObject's subclasses.
class _StandardFont(PDFObject):  # type: ignore[misc]
    """A Helvetica face as a font resource, its dictionary written as one line of text."""

    __RefOnly__ = 1  # referred to from the page's resources, never written inline

    def __init__(self, font: str, internal_name: str) -> None:
        self.dictionary = (
            f"<< /Type /Font /Subtype /Type1 /BaseFont /{font} /Name /{internal_name} /Encoding {_ENCODINGS[font]} >>"
        ).encode("ascii")

    def format(self, document: PDFDocument) -> bytes:
        return self.dictionary


def _add_fonts(canvas: Canvas) -> None:
    """The bold face, in the document before anything is drawn, as pdfgen would add it on first use
    (a new canvas already holds the regular one, its starting font).

    pdfgen works a font's encoding out afresh in every document, comparing 256 glyph names with
    those of its base encoding: for the bold face, a twentieth of a credit memo's time.
    """
    document = canvas._doc
    resources = document.idToObject["BasicFonts"].dict
    for font in (REGULAR, BOLD):
        if font in document.fontMapping:
            continue
        internal_name = f"F{len(document.fontMapping) + 1}"
        resource = _StandardFont(font, internal_name)
        document.Reference(resource, internal_name)
        resources[internal_name] = resource
        document.fontMapping[font] = f"/{internal_name}"


def _pdf_date(moment: datetime) -> str:
    offset = moment.utcoffset()
    if offset is None:
        return f"D:{moment:%Y%m%d%H%M%S}"
    minutes = int(offset.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    hours, minutes = divmod(abs(minutes), 60)
    return f"D:{moment:%Y%m%d%H%M%S}{sign}{hours:02d}'{minutes:02d}'"


def new_canvas(content: DocumentContent, output: io.BytesIO, page_size: tuple[float, float]) -> Canvas:
    # invariant=1 takes the clock and random file ID out of the PDF, so the same content gives
    # the same bytes; the creation date it does carry is the document's own issue time.
    canvas = Canvas(output, pagesize=page_size, invariant=1, pageCompression=1)
    _add_fonts(canvas)
    issued = _pdf_date(content.issued_at)
    canvas.setDateFormatter(lambda *_ignored: issued)
    canvas.setTitle(f"{content.title} {content.document_number}")
    canvas.setSubject(f"{content.authorization_label} {content.rma_number}")
    canvas.setAuthor(content.seller.name)
    canvas.setCreator("Returns Receiving Station")
    return canvas
