"""The parcel label: where the return goes, who sends it, and the RMA as a big barcode.

The dock scans this label to open the RMA, so the RMA number is the only barcode on it, drawn with
the widest module that fits (0.5 mm when the number is short enough) and bars as tall as the
addresses leave room for. It fills a label printer's label, runs as long as it needs on a receipt
roll, and on Letter or A4 is drawn 4 x 6 in at the top of the sheet inside a line to cut along.
"""

from __future__ import annotations

from reportlab.lib.rl_accel import fp_str
from reportlab.lib.units import inch
from reportlab.pdfgen.canvas import Canvas

from receiving_app.documents.barcodes import Code128Barcode
from receiving_app.documents.layout import Block, gap, stacked
from receiving_app.documents.model import DocumentContent, DocumentError
from receiving_app.documents.pages import render_single_page
from receiving_app.documents.printed_values import date_time_text
from receiving_app.documents.rules_and_boxes import boxed, rule
from receiving_app.documents.sections import party_lines
from receiving_app.documents.text_blocks import text_lines
from receiving_app.documents.typography import BOLD, REGULAR, ROLL_PAPER_PT, WIDE_PAPER_PT, text_width, wrapped
from receiving_app.documents.void_copy_marks import mark_banner
from receiving_app.domain.media import Medium

LABEL_SIZE = (4 * inch, 6 * inch)
MARGIN = 14.0
NARROW_MARGIN = 6.0
SHEET_MARGIN = 36.0
BARCODE_MODULES_MM = (0.5, 0.375, 0.25)
TALLEST_BARS = 1.15 * inch
SHORTEST_BARS = 0.6 * inch
BARCODE_TEXT_SIZE = 12.0
RMA_TEXT_SIZE = 30.0
CUT_HINT_SIZE = 9.0


def render_rma_label(content: DocumentContent, medium: Medium) -> bytes:
    if medium.width_pt >= WIDE_PAPER_PT and medium.length_pt is not None:
        return _on_sheet(content, medium, medium.length_pt)
    margin = MARGIN if medium.width_pt >= ROLL_PAPER_PT else NARROW_MARGIN
    blocks = _label_blocks(content, medium, medium.width_pt, medium.length_pt, margin)
    length = medium.length_pt or 2 * margin + sum(block.height for block in blocks)
    return render_single_page(content, (medium.width_pt, length), [(margin, length - margin, blocks)])


def _on_sheet(content: DocumentContent, medium: Medium, sheet_length: float) -> bytes:
    label_width, label_length = LABEL_SIZE
    blocks = _label_blocks(content, medium, label_width, label_length, MARGIN)
    label_top = sheet_length - SHEET_MARGIN
    hint = text_lines(["Cut along the dashed line and tape the label to the parcel."], size=CUT_HINT_SIZE)

    def cut_line(canvas: Canvas) -> None:
        frame = fp_str(SHEET_MARGIN, label_top - label_length, label_width, label_length)
        canvas.addLiteral(f"q 0.75 w [4 3] 0 d n {frame} re S Q")

    placed = [(SHEET_MARGIN + MARGIN, label_top - MARGIN, blocks), (SHEET_MARGIN, label_top - label_length - 4, [hint])]
    return render_single_page(content, (medium.width_pt, sheet_length), placed, furniture=cut_line)


def _label_blocks(
    content: DocumentContent, medium: Medium, label_width: float, label_length: float | None, margin: float
) -> list[Block]:
    """The label top to bottom; on a label of fixed length the bars take the height the addresses leave,
    so a reprint's COPY banner or a long address shortens them instead of pushing onto a second label."""
    width = label_width - 2 * margin
    above, below = _blocks_around_barcode(content, width)
    bar_height = TALLEST_BARS
    if label_length is not None:
        room = label_length - 2 * margin - sum(block.height for block in (*above, *below))
        bar_height = min(TALLEST_BARS, room - BARCODE_TEXT_SIZE - 2)
        if bar_height < SHORTEST_BARS:
            raise DocumentError(f"{content.rma_number}: the addresses leave no room on the label for the barcode")
    barcode = Code128Barcode.largest_fitting(
        content.rma_number,
        # The quiet zones may reach into the label's margins.
        max_width=width + 2 * margin - 4,
        bar_height=bar_height,
        text_size=BARCODE_TEXT_SIZE,
        printer_dpi=medium.dpi,
        module_sizes_mm=BARCODE_MODULES_MM,
    )
    return [*above, _centered_barcode(barcode, width), *below]


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
    parcel = [f"Order {content.order_number}", f"{line_count} {'line' if line_count == 1 else 'lines'} in this parcel"]
    issued = [
        f"{content.seller.name} - issued {date_time_text(content.issued_at)}",
        f"Station {content.station_id} - policy {content.policy_id} version {content.policy_version}",
    ]
    below = [
        gap(8),
        _centered(parcel, width, font=BOLD, size=12),
        rule(width, line_width=0.5),
        _centered(issued, width, size=7.5),
    ]
    return above, below


def _centered(lines: list[str], width: float, *, font: str = REGULAR, size: float) -> Block:
    wrapped_lines = [part for line in lines for part in wrapped(line, width, font=font, size=size)]
    return text_lines(wrapped_lines, font=font, size=size, align="center", width=width)


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

    return Block(barcode.height, draw, role="Figure", alt=f"Barcode of {barcode.value}")
