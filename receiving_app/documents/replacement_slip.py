"""The replacement slip, for the warehouse: what to pick and ship, to whom, against which RMA line."""

from __future__ import annotations

from reportlab.pdfgen.canvas import Canvas

from receiving_app.documents.layout import Block, gap, stacked
from receiving_app.documents.model import DocumentContent, LineDetail
from receiving_app.documents.pages import render_document
from receiving_app.documents.rules_and_boxes import boxed
from receiving_app.documents.sections import is_narrow, line_card, party_lines, people_section, reasons_section
from receiving_app.documents.tables import Column, table
from receiving_app.documents.text_blocks import heading, key_values, text_lines
from receiving_app.documents.typography import BOLD, REGULAR, TypeScale, wrapped
from receiving_app.domain.media import Medium

PICK_COLUMNS = (
    Column("RMA\nline", 44),
    Column("SKU", 100),
    Column("Item", None),
    Column("Qty to\nship", 60, "right"),
    Column("Picked", 70, "right"),
)
SIGN_OFF = ("Picked by", "Packed by", "Shipped on")


def render_replacement_slip(content: DocumentContent, medium: Medium) -> bytes:
    line_numbers = ", ".join(str(line.line_number) for line in content.lines)
    lines_word = "line" if len(content.lines) == 1 else "lines"
    against = [
        ("Replaces", f"{content.authorization_label} {content.rma_number}, {lines_word} {line_numbers}"),
        ("Charge", "None: the replacement ships at no cost to the customer"),
    ]

    def body(width: float, scale: TypeScale, _photo_height: float) -> list[Block]:
        if is_narrow(width):
            picks = [line_card(line, [("Picked", "[   ]")], width, scale) for line in content.lines]
        else:
            picks = table(PICK_COLUMNS, [_pick_row(line) for line in content.lines], width, size=scale.body)
        return [
            gap(6),
            _ship_to(content, width, scale),
            gap(6),
            key_values(against, width, size=scale.body),
            heading("Pick and ship", scale, width),
            *picks,
            *reasons_section(content, width, scale),
            *people_section(content, width, scale),
            gap(24),
            _sign_off_lines(width, scale),
        ]

    return render_document(content, medium, body)


def _ship_to(content: DocumentContent, width: float, scale: TypeScale) -> Block:
    """The address large enough to copy onto a carton without squinting."""
    inner = width - 16
    size = scale.heading + 3
    name, *address = party_lines(content.customer)
    return boxed(
        stacked(
            [
                text_lines(["SHIP TO"], font=BOLD, size=scale.small),
                text_lines(wrapped(name, inner, font=BOLD, size=size), font=BOLD, size=size),
                text_lines([part for line in address for part in wrapped(line, inner, size=size)], size=size),
            ]
        ),
        width,
        padding=8,
        line_width=2,
    )


def _pick_row(line: LineDetail) -> list[str]:
    return [str(line.line_number), line.sku, line.described, str(line.quantity), "[   ]"]


def _sign_off_lines(width: float, scale: TypeScale) -> Block:
    """A line to sign on for each step: side by side on a page, one under the other on narrow paper."""
    size = scale.body
    across = not is_narrow(width)
    column = width / len(SIGN_OFF) if across else width
    row_height = size * 2 if across else size * 3.2

    def draw(canvas: Canvas, left: float, top: float) -> None:
        canvas.setFont(REGULAR, size)
        for index, label in enumerate(SIGN_OFF):
            x = left + index * column if across else left
            line_top = top if across else top - index * row_height
            canvas.line(x, line_top - 2, x + column - 18, line_top - 2)
            canvas.drawString(x, line_top - 2 - size * 1.3, label)

    return Block(row_height if across else row_height * len(SIGN_OFF), draw)
