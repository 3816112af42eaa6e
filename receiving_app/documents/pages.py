"""A document put on paper: the header, body and footer on Letter or A4 pages or one roll-length page.

Every page carries the VOID or COPY watermark under everything else, when the document has one.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from reportlab.lib.pagesizes import A4, LETTER
from reportlab.pdfgen.canvas import Canvas

from receiving_app.documents.header_footer import Footer, header_block
from receiving_app.documents.layout import Block, paginate
from receiving_app.documents.model import DocumentContent, PageSize
from receiving_app.documents.pdf_canvas import new_canvas
from receiving_app.documents.photos import PHOTO_HEIGHTS
from receiving_app.documents.typography import TypeScale
from receiving_app.documents.void_copy_marks import draw_watermark

PAGE_SIZES_PT: dict[PageSize, tuple[float, float]] = {"letter": LETTER, "a4": A4}
MILLIMETRE_PT = 72 / 25.4
ROLL_WIDTH_PT = 80 * MILLIMETRE_PT
FOOTER_GAP = 8.0


@dataclass(frozen=True, slots=True)
class _Sheet:
    """A Letter or A4 page of a document: its size, the header and footer on it, the room between."""

    size: tuple[float, float]
    header: Block
    footer: Footer
    body_height: float

    @classmethod
    def of(cls, content: DocumentContent, scale: TypeScale, printer_dpi: int) -> _Sheet:
        size = PAGE_SIZES_PT[content.page_size]
        width = size[0] - 2 * scale.margin
        header = header_block(content, width, scale, printer_dpi)
        footer = Footer.of(content, width, scale.small)
        return cls(size, header, footer, size[1] - 2 * scale.margin - header.height - footer.height - FOOTER_GAP)


def render_pages(content: DocumentContent, body: Sequence[Block], scale: TypeScale, printer_dpi: int) -> bytes:
    """Letter or A4 as the content asks: header on every page, body flowed, footer with page count."""
    sheet = _Sheet.of(content, scale, printer_dpi)
    return _render(content, sheet.size, scale.margin, sheet.header, paginate(body, sheet.body_height), sheet.footer)


def render_pages_with_photos(
    content: DocumentContent, body_for: Callable[[float], Sequence[Block]], scale: TypeScale, printer_dpi: int
) -> bytes:
    """``render_pages`` for a body whose damage photos can be drawn smaller: ``body_for(height)``.

    The photos are drawn full size unless a smaller size in ``PHOTO_HEIGHTS`` saves a page: a row
    of photos, or the names under them, must not open a page of its own that is nearly empty."""
    sheet = _Sheet.of(content, scale, printer_dpi)
    pages = paginate(body_for(PHOTO_HEIGHTS[0]), sheet.body_height)
    if len(pages) > 1 and content.evidence is not None and content.evidence.photos:
        for photo_height in PHOTO_HEIGHTS[1:]:
            fewer = paginate(body_for(photo_height), sheet.body_height)
            if len(fewer) < len(pages):
                pages = fewer
                break
    return _render(content, sheet.size, scale.margin, sheet.header, pages, sheet.footer)


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
