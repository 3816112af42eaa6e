"""A new PDF file for a document: its canvas set in the embedded faces and the document's own metadata."""

from __future__ import annotations

import io
from datetime import datetime

from reportlab import rl_config
from reportlab.pdfgen.canvas import Canvas

from receiving_app.documents.archival import make_archival
from receiving_app.documents.model import DocumentContent
from receiving_app.documents.typography import REGULAR, faces

# Page streams written as binary rather than ASCII85 text (reportlab's default, for 7-bit mail):
# a fifth smaller, quicker to write, and read by every PDF reader. Set here, where every canvas the
# station draws on is made (and so before any page stream is written); for the whole process, as
# rl_config is.
rl_config.useA85 = 0


def blank_canvas(output: io.BytesIO, page_size: tuple[float, float]) -> Canvas:
    """A canvas whose only fonts are the embedded faces, writing the same bytes for the same drawing.

    pdfgen starts a canvas in Helvetica and puts that in the file, unembedded, even when no text is
    set in it; starting in our regular face keeps every font of the file embedded. invariant=1 takes
    the clock and random file ID out of the PDF.
    """
    faces()  # registered before pdfgen looks the starting face up
    return Canvas(output, pagesize=page_size, invariant=1, pageCompression=1, initialFontName=REGULAR)


def archival_canvas(
    output: io.BytesIO, page_size: tuple[float, float], *, created: datetime, title: str, subject: str, author: str = ""
) -> Canvas:
    """A canvas for a PDF/A-2b file created at ``created`` (so the same paper makes the same bytes),
    with the title, subject and author a file browser and an archive show."""
    canvas = blank_canvas(output, page_size)
    make_archival(canvas, created)
    canvas.setTitle(title)
    canvas.setSubject(subject)
    if author:
        canvas.setAuthor(author)
    canvas.setCreator("Returns Receiving Station")
    return canvas


def new_canvas(content: DocumentContent, output: io.BytesIO, page_size: tuple[float, float]) -> Canvas:
    """A canvas for a customer's document: a PDF/A-2b file created at the document's own issue time."""
    return archival_canvas(
        output,
        page_size,
        created=content.issued_at,
        title=f"{content.title} {content.document_number}",
        subject=f"{content.authorization_label} {content.rma_number}",
        author=content.seller.name,
    )
