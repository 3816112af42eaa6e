"""A document put on paper: the header, body and footer on Letter or A4 pages or one roll-length page.

Every page carries the VOID or COPY watermark under everything else, when the document has one.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence

from reportlab.lib.pagesizes import A4, LETTER
from reportlab.pdfgen.canvas import Canvas

from receiving_app.documents.header_footer import Footer, header_block
from receiving_app.documents.layout import Block, paginate
from receiving_app.documents.model import DocumentContent, PageSize
from receiving_app.documents.pdf_canvas import new_canvas
from receiving_app.documents.typography import TypeScale
from receiving_app.documents.void_copy_marks import draw_watermark

PAGE_SIZES_PT: dict[PageSize, tuple[float, float]] = {"letter": LETTER, "a4": A4}
MILLIMETRE_PT = 72 / 25.4
ROLL_WIDTH_PT = 80 * MILLIMETRE_PT
FOOTER_GAP = 8.0


def render_pages(content: DocumentContent, body: Sequence[Block], scale: TypeScale, printer_dpi: int) -> bytes:
    """Letter or A4 as the content asks: header on every page, body flowed, footer with page count."""
    page_size = PAGE_SIZES_PT[content.page_size]
    width = page_size[0] - 2 * scale.margin
    header = header_block(content, width, scale, printer_dpi)
    footer = Footer.of(content, width, scale.small)
    body_height = page_size[1] - 2 * scale.margin - header.height - footer.height - FOOTER_GAP
    return _render(content, page_size, scale.margin, header, paginate(body, body_height), footer)


def render_roll(content: DocumentContent, body: Sequence[Block], scale: TypeScale, printer_dpi: int) -> bytes:
    """One page as wide as the roll and exactly as long as its content."""
    width = ROLL_WIDTH_PT - 2 * scale.margin
    header = header_block(content, width, scale, printer_dpi)
    footer = Footer.of(content, width, scale.small)
    length = 2 * scale.margin + header.height + sum(block.height for block in body) + FOOTER_GAP + footer.height
    return _render(content, (ROLL_WIDTH_PT, length), scale.margin, header, [list(body)], footer)


def _render(
    content: DocumentContent,
    page_size: tuple[float, float],
    margin: float,
    header: Block,
    pages: Sequence[Sequence[Block]],
    footer: Footer,
) -> bytes:
    page_width, page_height = page_size
    output = io.BytesIO()
    canvas = new_canvas(content, output, page_size)
    for page_number, page_blocks in enumerate(pages, start=1):
        draw_watermark(canvas, content, page_width, page_height)
        top = page_height - margin
        for block in (header, *page_blocks):
            block.draw(canvas, margin, top)
            top -= block.height
        footer.draw(canvas, margin, margin, page_number, len(pages))
        canvas.showPage()
    canvas.save()
    return output.getvalue()


def render_single_page(
    content: DocumentContent, page_size: tuple[float, float], draw_page: Callable[[Canvas], None]
) -> bytes:
    """A fixed one-page layout such as a label, with the shared watermark and file metadata."""
    output = io.BytesIO()
    canvas = new_canvas(content, output, page_size)
    draw_watermark(canvas, content, *page_size)
    draw_page(canvas)
    canvas.showPage()
    canvas.save()
    return output.getvalue()
