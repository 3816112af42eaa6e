"""How a voided document or a reprint says so: a banner in words under the header, a gray word across the page."""

from __future__ import annotations

from reportlab.pdfgen.canvas import Canvas

from receiving_app.documents.layout import Block, gap
from receiving_app.documents.model import DocumentContent
from receiving_app.documents.printed_values import date_time_text
from receiving_app.documents.rules_and_boxes import boxed
from receiving_app.documents.text_blocks import paragraph
from receiving_app.documents.typography import BOLD, text_width

MARK_GRAY = 0.87
"""COPY and VOID watermarks: clearly there, yet light enough to read the document through."""


def mark_banner(content: DocumentContent, width: float, size: float) -> list[Block]:
    """VOID or COPY in words, besides the watermark: a photocopy may lose the gray.

    A reprint of a voided document says both, so that neither can pass for the issued original.
    """
    if not (content.voided or content.copy):
        return []
    issued = date_time_text(content.issued_at, with_zone=False)  # the header above names the zone
    copy = f"reprint of {content.title_in_sentence} {content.document_number}, issued {issued}"
    if content.voided:
        text = f"VOID - this {content.title_in_sentence} is void: {content.void_reason}"
        if content.copy:
            text = f"VOID COPY - {copy}; void: {content.void_reason}"
    else:
        text = f"COPY - {copy}"
    banner = paragraph(text, width - 12, font=BOLD, size=size)
    return [gap(4), boxed(banner, width, line_width=2)]


def draw_watermark(canvas: Canvas, content: DocumentContent, page_width: float, page_height: float) -> None:
    """A large diagonal VOID or COPY under everything else on the page."""
    if content.voided:
        mark = "VOID"
    elif content.copy:
        mark = "COPY"
    else:
        return
    # Sized by the page's shorter side so the rotated word stays whole on any paper.
    size = 0.8 * min(page_width, page_height) / (text_width(mark, BOLD, 100) / 100)
    canvas.saveState()
    canvas.setFillGray(MARK_GRAY)
    canvas.translate(page_width / 2, page_height / 2)
    canvas.rotate(45 if page_height > page_width * 0.8 else 20)
    canvas.setFont(BOLD, size)
    canvas.drawCentredString(0, -size * 0.35, mark)
    canvas.restoreState()
