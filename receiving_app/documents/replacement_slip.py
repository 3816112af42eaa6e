"""The replacement slip, for the warehouse: what to pick and ship, to whom, against which RMA line."""

from __future__ import annotations

from reportlab.pdfgen.canvas import Canvas

from receiving_app.documents.barcodes import DEFAULT_PRINTER_DPI
from receiving_app.documents.layout import Block, gap, stacked
from receiving_app.documents.model import DocumentContent, LineDetail
from receiving_app.documents.pages import PAGE_SIZES_PT, render_pages
from receiving_app.documents.rules_and_boxes import boxed
from receiving_app.documents.sections import party_lines, people_section, reasons_section
from receiving_app.documents.tables import Column, table
from receiving_app.documents.text_blocks import heading, key_values, text_lines
from receiving_app.documents.typography import BOLD, PAGE_TYPE, REGULAR, wrapped

PICK_COLUMNS = (
    Column("RMA\nline", 44),
    Column("SKU", 100),
    Column("Item", None),
    Column("Qty to\nship", 60, "right"),
    Column("Picked", 70, "right"),
)
SIGN_OFF = ("Picked by", "Packed by", "Shipped on")


def render_replacement_slip(content: DocumentContent, *, printer_dpi: int = DEFAULT_PRINTER_DPI) -> bytes:
    scale = PAGE_TYPE
    width = PAGE_SIZES_PT[content.page_size][0] - 2 * scale.margin
    line_numbers = ", ".join(str(line.line_number) for line in content.lines)
    lines_word = "line" if len(content.lines) == 1 else "lines"
    against = [
        ("Replaces", f"{content.authorization_label} {content.rma_number}, {lines_word} {line_numbers}"),
        ("Charge", "None: the replacement ships at no cost to the customer"),
    ]
    body: list[Block] = [
        gap(6),
        _ship_to(content, width),
        gap(6),
        key_values(against, width, size=scale.body),
        heading("Pick and ship", scale),
        *table(PICK_COLUMNS, [_pick_row(line) for line in content.lines], width, size=scale.body),
        *reasons_section(content, width, scale),
        *people_section(content, width, scale),
        gap(24),
        _sign_off_lines(width),
    ]
    return render_pages(content, body, scale, printer_dpi)


def _ship_to(content: DocumentContent, width: float) -> Block:
    """The address large enough to copy onto a carton without squinting."""
    inner = width - 16
    size = PAGE_TYPE.heading + 3
    name, *address = party_lines(content.customer)
    return boxed(
        stacked(
            [
                text_lines(["SHIP TO"], font=BOLD, size=PAGE_TYPE.small),
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


def _sign_off_lines(width: float) -> Block:
    size = PAGE_TYPE.body
    column = width / len(SIGN_OFF)

    def draw(canvas: Canvas, left: float, top: float) -> None:
        canvas.setFont(REGULAR, size)
        for index, label in enumerate(SIGN_OFF):
            x = left + index * column
            canvas.line(x, top - 2, x + column - 18, top - 2)
            canvas.drawString(x, top - 2 - size * 1.3, label)

    return Block(size * 2, draw)
