"""PDF objects written as finished text: reportlab formats its generic dictionaries entry by entry in
every PDF, which for a font's parts or a page's structure tree costs more than the drawing itself."""

from __future__ import annotations

from reportlab.pdfbase.pdfdoc import PDFDocument, PDFObject


# reportlab ships no type information, so mypy sees PDFObject as Any; pdfdoc writes an object as a PDF
# object only when it is one of PDFObject's subclasses.
class WrittenObject(PDFObject):  # type: ignore[misc]
    """A PDF object whose text is known when it is added to a PDF: nothing left for pdfdoc to work out."""

    __RefOnly__ = 1  # referred to, never written inline

    def __init__(self, text: bytes) -> None:
        self.text = text

    def format(self, document: PDFDocument) -> bytes:
        return self.text
