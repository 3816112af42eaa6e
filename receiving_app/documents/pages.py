"""A document put on paper: the header, body and footer on pages of a sheet or label, or one roll-length page.

Every page carries the VOID or COPY watermark under everything else, when the document has one. The
PDF is tagged: each block is one element of the reading order, in the order it is drawn, and the
watermark, the footer, gaps and rules are page furniture that a reader skips.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from reportlab.pdfgen.canvas import Canvas

from receiving_app.documents.header_footer import Footer, header_block
from receiving_app.documents.layout import Block, paginate
from receiving_app.documents.model import DocumentContent
from receiving_app.documents.pdf_canvas import new_canvas
from receiving_app.documents.photos import PHOTO_HEIGHTS
from receiving_app.documents.tagging import StructureTree
from receiving_app.documents.typography import WIDE_PAPER_PT, TypeScale, type_scale_for
from receiving_app.documents.void_copy_marks import draw_watermark
from receiving_app.domain.media import Medium

FOOTER_GAP = 8.0

BodyFor = Callable[[float, TypeScale, float], Sequence[Block]]
"""A document's body for a width in points, in a type scale, with its photos a given height."""


@dataclass(frozen=True, slots=True)
class _Frame:
    """What the pages of a document on one medium carry: the header, the footer, and the room between.

    On Letter and A4 the header heads every page. A label is too small to repeat it: it heads the first
    label only, and the footer names the document and the page on every one.
    """

    scale: TypeScale
    width: float
    header: Block
    footer: Footer
    header_on_every_page: bool

    @classmethod
    def of(cls, content: DocumentContent, medium: Medium) -> _Frame:
        scale = type_scale_for(medium)
        width = medium.width_pt - 2 * scale.margin
        header = header_block(content, width, scale, medium.dpi)
        return cls(scale, width, header, Footer.of(content, width, scale.small), medium.width_pt >= WIDE_PAPER_PT)

    def paginated(self, body: Sequence[Block], page_length: float) -> list[list[Block]]:
        page_room = page_length - 2 * self.scale.margin - self.footer.height - FOOTER_GAP
        if self.header_on_every_page:
            return paginate(body, page_room - self.header.height)
        return paginate(body, page_room, first_body_height=page_room - self.header.height)


def render_document(content: DocumentContent, medium: Medium, body_for: BodyFor) -> bytes:
    """The document on ``medium``: flowed over pages of a sheet or label, or one page as long as a roll needs.

    On pages the damage photos are drawn full size unless a smaller size in ``PHOTO_HEIGHTS`` saves a
    page: a row of photos, or the names under them, must not open a page of its own that is nearly empty.
    """
    frame = _Frame.of(content, medium)
    scale, width, header = frame.scale, frame.width, frame.header
    if medium.length_pt is None:
        body = body_for(width, scale, PHOTO_HEIGHTS[0])
        length = 2 * scale.margin + header.height + sum(b.height for b in body) + FOOTER_GAP + frame.footer.height
        return _render(content, (medium.width_pt, length), frame, [list(body)])
    pages = frame.paginated(body_for(width, scale, PHOTO_HEIGHTS[0]), medium.length_pt)
    if len(pages) > 1 and content.evidence is not None and content.evidence.photos:
        for photo_height in PHOTO_HEIGHTS[1:]:
            fewer = frame.paginated(body_for(width, scale, photo_height), medium.length_pt)
            if len(fewer) < len(pages):
                pages = fewer
                break
    return _render(content, (medium.width_pt, medium.length_pt), frame, pages)


def _render(
    content: DocumentContent,
    page_size: tuple[float, float],
    frame: _Frame,
    pages: Sequence[Sequence[Block]],
) -> bytes:
    page_width, page_height = page_size
    margin = frame.scale.margin
    output = io.BytesIO()
    canvas = new_canvas(content, output, page_size)
    tree = StructureTree(canvas)
    for page_number, page_blocks in enumerate(pages, start=1):
        with tree.artifact():
            draw_watermark(canvas, content, page_width, page_height)
        header = [frame.header] if page_number == 1 or frame.header_on_every_page else []
        draw_tagged(tree, [*header, *page_blocks], margin, page_height - margin)
        with tree.artifact():
            frame.footer.draw(canvas, margin, margin, page_number, len(pages))
        canvas.showPage()
    tree.write()
    canvas.save()
    return output.getvalue()


def draw_tagged(tree: StructureTree, blocks: Sequence[Block], left: float, top: float) -> None:
    """Draws ``blocks`` one under the other from ``top``, each as its element of the reading order."""
    canvas = tree.canvas
    for block in blocks:
        with tree.element(block.role, block.alt) if block.role else tree.artifact():
            block.draw(canvas, left, top)
        top -= block.height


def render_single_page(
    content: DocumentContent,
    page_size: tuple[float, float],
    placed: Sequence[tuple[float, float, Sequence[Block]]],
    furniture: Callable[[Canvas], None] | None = None,
) -> bytes:
    """A fixed one-page layout such as a label: each group of blocks stacked from its (left, top), over
    the shared watermark and any ``furniture`` (a cut line) that is not part of the reading order."""
    output = io.BytesIO()
    canvas = new_canvas(content, output, page_size)
    tree = StructureTree(canvas)
    with tree.artifact():
        draw_watermark(canvas, content, *page_size)
        if furniture is not None:
            furniture(canvas)
    for left, top, blocks in placed:
        draw_tagged(tree, blocks, left, top)
    canvas.showPage()
    tree.write()
    canvas.save()
    return output.getvalue()
