"""Flowing a document down its pages: blocks measured first, then split into pages, then drawn.

Measuring before drawing lets a layout know its page count before the first footer is drawn
("Page 1 of 2") and lets a receipt roll be cut to exactly the length of its content. It is also
much cheaper than reportlab's platypus, and rendering speed matters at a busy bench.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from reportlab.pdfgen.canvas import Canvas

from receiving_app.documents.model import DocumentError

DrawAt = Callable[[Canvas, float, float], None]
"""Draws a block with its top-left corner at (left, top), in points from the page's bottom-left."""


@dataclass(frozen=True, slots=True)
class Block:
    """A piece of a document, measured for the width it was made for."""

    height: float
    draw: DrawAt
    keep_with_next: bool = False
    """A heading: never left alone at the bottom of a page."""
    repeat_header: Block | None = None
    """A table row: when it starts a new page, its table's heading row is drawn above it again."""
    role: str | None = "P"
    """What the block is in the tagged PDF's reading order (a standard structure type such as "P", "H2"
    or "Figure"); None for page furniture that a reader skips: gaps and rules."""
    alt: str | None = None
    """For a figure: what it shows, in words."""


def _draw_nothing(canvas: Canvas, left: float, top: float) -> None:
    return None


def gap(height: float) -> Block:
    return Block(height, _draw_nothing, role=None)


def stacked(blocks: Sequence[Block], *, keep_with_next: bool = False, role: str | None = "P") -> Block:
    """Several blocks drawn one under the other and kept together on one page, as one element of the
    reading order."""

    def draw(canvas: Canvas, left: float, top: float) -> None:
        for block in blocks:
            block.draw(canvas, left, top)
            top -= block.height

    return Block(sum(block.height for block in blocks), draw, keep_with_next=keep_with_next, role=role)


def side_by_side(left_block: Block, right_block: Block, right_offset: float) -> Block:
    """Two blocks in columns; ``right_offset`` is where the right column starts."""

    def draw(canvas: Canvas, left: float, top: float) -> None:
        left_block.draw(canvas, left, top)
        right_block.draw(canvas, left + right_offset, top)

    return Block(max(left_block.height, right_block.height), draw)


def paginate(
    blocks: Sequence[Block], body_height: float, *, first_body_height: float | None = None
) -> list[list[Block]]:
    """Splits ``blocks`` into pages of at most ``body_height`` points each; the first page may have less
    room (``first_body_height``) when only it carries the document's header."""
    pages: list[list[Block]] = [[]]
    used = 0.0 if first_body_height is None else body_height - first_body_height
    for block in blocks:
        if block.height > body_height:
            raise DocumentError(f"a block of {block.height:.0f} pt does not fit a page body of {body_height:.0f} pt")
        if used + block.height > body_height and pages[-1]:
            carried = _trailing_headings(pages[-1])
            if block.repeat_header is not None and block.repeat_header not in carried:
                carried.append(block.repeat_header)
            pages.append(carried)
            used = sum(carried_block.height for carried_block in carried)
        pages[-1].append(block)
        used += block.height
    return pages


def _trailing_headings(page: list[Block]) -> list[Block]:
    """Removes the headings that would end ``page`` and returns them, to open the next page instead."""
    carried: list[Block] = []
    while len(page) > 1 and page[-1].keep_with_next:
        carried.insert(0, page.pop())
    return carried
