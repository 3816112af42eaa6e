"""The 4 x 6 inch parcel label: where the return goes, who sends it, and the RMA as a big barcode.

The dock scans this label to open the RMA, so the RMA number is the only barcode on it, drawn with
the widest module that fits the label (0.5 mm when the number is short enough) and bars as tall as
the addresses leave room for.
"""

from __future__ import annotations

from reportlab.lib.units import inch
from reportlab.pdfgen.canvas import Canvas

from receiving_app.documents.barcodes import DEFAULT_PRINTER_DPI, Code128Barcode
from receiving_app.documents.layout import Block, gap, stacked
from receiving_app.documents.model import DocumentContent, DocumentError
from receiving_app.documents.pages import render_single_page
from receiving_app.documents.printed_values import date_time_text
from receiving_app.documents.rules_and_boxes import boxed, rule
from receiving_app.documents.sections import party_lines
from receiving_app.documents.text_blocks import text_lines
from receiving_app.documents.typography import BOLD, text_width, wrapped
from receiving_app.documents.void_copy_marks import mark_banner

LABEL_SIZE = (4 * inch, 6 * inch)
MARGIN = 14.0
BARCODE_MODULES_MM = (0.5, 0.375, 0.25)
TALLEST_BARS = 1.15 * inch
SHORTEST_BARS = 0.6 * inch
BARCODE_TEXT_SIZE = 12.0
RMA_TEXT_SIZE = 30.0


def render_rma_label(content: DocumentContent, *, printer_dpi: int = DEFAULT_PRINTER_DPI) -> bytes:
    label_width, label_height = LABEL_SIZE
    width = label_width - 2 * MARGIN
    above, below = _blocks_around_barcode(content, width)
    # The bars take whatever height the addresses leave, so a reprint's COPY banner or a long
    # address shortens them instead of pushing the label onto a second one.
    room = label_height - 2 * MARGIN - sum(block.height for block in (*above, *below))
    bar_height = min(TALLEST_BARS, room - BARCODE_TEXT_SIZE - 2)
    if bar_height < SHORTEST_BARS:
        raise DocumentError(f"{content.rma_number}: the addresses leave no room on a 6 inch label for the barcode")
    barcode = Code128Barcode.largest_fitting(
        content.rma_number,
        # The quiet zones may reach into the label's margins.
        max_width=width + 2 * MARGIN - 4,
        bar_height=bar_height,
        text_size=BARCODE_TEXT_SIZE,
        printer_dpi=printer_dpi,
        module_sizes_mm=BARCODE_MODULES_MM,
    )
    blocks = [*above, _centered_barcode(barcode, width), *below]

    def draw_page(canvas: Canvas) -> None:
        top = label_height - MARGIN
        for block in blocks:
            block.draw(canvas, MARGIN, top)
            top -= block.height

    return render_single_page(content, LABEL_SIZE, draw_page)


def _blocks_around_barcode(content: DocumentContent, width: float) -> tuple[list[Block], list[Block]]:
    line_count = len(content.lines)
    return_to = _address("RETURN TO", party_lines(content.seller), width - 16, name_size=15, size=12)
    above = [
        *mark_banner(content, width, 10),
        gap(4),
        boxed(return_to, width, padding=8, line_width=2),
        gap(8),
        _address("FROM", party_lines(content.customer), width, name_size=11, size=10),
        rule(width, line_width=1, gray=0),
        text_lines([content.authorization_label.upper()], font=BOLD, size=10, align="center", width=width),
        _rma_number(content.rma_number, width),
        gap(6),
    ]
    below = [
        gap(8),
        text_lines(
            [f"Order {content.order_number}", f"{line_count} {'line' if line_count == 1 else 'lines'} in this parcel"],
            font=BOLD,
            size=12,
            align="center",
            width=width,
        ),
        rule(width, line_width=0.5),
        text_lines(
            [
                f"{content.seller.name} - issued {date_time_text(content.issued_at)}",
                f"Station {content.station_id} - policy {content.policy_id} version {content.policy_version}",
            ],
            size=7.5,
            align="center",
            width=width,
        ),
    ]
    return above, below


def _address(caption: str, lines: list[str], width: float, *, name_size: float, size: float) -> Block:
    name, *address = lines
    return stacked(
        [
            text_lines([caption], font=BOLD, size=8),
            text_lines(wrapped(name, width, font=BOLD, size=name_size), font=BOLD, size=name_size),
            text_lines([part for line in address for part in wrapped(line, width, size=size)], size=size),
        ]
    )


def _rma_number(rma_number: str, width: float) -> Block:
    """The number in the largest type that fits the label's width, up to ``RMA_TEXT_SIZE``."""
    size = min(RMA_TEXT_SIZE, RMA_TEXT_SIZE * width / text_width(rma_number, BOLD, RMA_TEXT_SIZE))
    return text_lines([rma_number], font=BOLD, size=size, align="center", width=width)


def _centered_barcode(barcode: Code128Barcode, width: float) -> Block:
    def draw(canvas: Canvas, left: float, top: float) -> None:
        barcode.draw(canvas, left + (width - barcode.width) / 2, top - barcode.height)

    return Block(barcode.height, draw)
