"""Print jobs for printer tests: PDFs made on the spot, each page with a one-inch black square in its
top-left corner, so a test can tell where ink landed after rasterizing."""

from __future__ import annotations

import io
from collections.abc import Callable

import pytest
from reportlab.lib.units import inch
from reportlab.pdfgen import canvas

from receiving_app.devices.printers import PrintJob

MakePdf = Callable[..., bytes]


def pdf_with_squares(pages: int = 1, width_in: float = 4, height_in: float = 3) -> bytes:
    buffer = io.BytesIO()
    document = canvas.Canvas(buffer, pagesize=(width_in * inch, height_in * inch))
    for page_number in range(1, pages + 1):
        document.rect(0, (height_in - 1) * inch, 1 * inch, 1 * inch, stroke=0, fill=1)
        document.drawString(1.5 * inch, 0.5 * inch, f"Page {page_number}")
        document.showPage()
    document.save()
    return buffer.getvalue()


@pytest.fixture
def make_pdf() -> MakePdf:
    return pdf_with_squares


@pytest.fixture
def make_job() -> Callable[..., PrintJob]:
    def job(pdf: bytes | None = None, *, copies: int = 1, number: str = "CM-000042") -> PrintJob:
        return PrintJob(
            pdf=pdf if pdf is not None else pdf_with_squares(),
            document_number=number,
            document_type="credit_memo",
            title=f"Credit memo {number}",
            copies=copies,
        )

    return job
