"""The license plate label stuck on a decided cartridge: the number it is found by later, and where it goes now.

Scanning the license plate number (LPN) opens the unit's history, so the LPN is the label's one barcode,
under the number in the largest type that fits. Next comes the route in big bold type, because the clerk
reads it from a meter away while sorting, then the sentence that says what to do, the container the unit
went into, and what the unit is and where it came from. The label fills a 4 x 6 in label, runs as long as
it needs on a receipt roll, and on Letter or A4 is drawn 4 x 6 in at the top of the sheet inside a dashed
line to cut along.

It is not a customer's document (``render.render`` draws those), so it has its own entry point and its
own file metadata, but the file is the same kind: PDF/A-2b, tagged, the same bytes for the same unit.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Literal

from reportlab.lib.rl_accel import fp_str
from reportlab.lib.units import inch
from reportlab.pdfgen.canvas import Canvas

from receiving_app.documents.barcodes import TEXT_GAP_PT, Code128Barcode
from receiving_app.documents.layout import Block, gap
from receiving_app.documents.model import DocumentError
from receiving_app.documents.pages import draw_tagged
from receiving_app.documents.pdf_canvas import archival_canvas
from receiving_app.documents.printed_values import date_time_text
from receiving_app.documents.rules_and_boxes import boxed, rule
from receiving_app.documents.tagging import StructureTree
from receiving_app.documents.text_blocks import text_lines
from receiving_app.documents.typography import BOLD, REGULAR, WIDE_PAPER_PT, text_width, wrapped
from receiving_app.domain.media import Medium

LABEL_SIZE = (4 * inch, 6 * inch)
MARGIN = 14.0
ROLL_MARGIN = 10.0
NARROW_MARGIN = 6.0
SHEET_MARGIN = 36.0
BARCODE_MODULES_MM = (0.5, 0.375, 0.25)
TALLEST_BARS = 1.4 * inch
SHORTEST_BARS = 0.5 * inch
ROLL_BARS = 0.8 * inch
"""On a roll nothing has to be filled, so the bars are as tall as a hand scanner reads at a glance."""
SHRINK_STEPS = (1.0, 0.9, 0.8, 0.7, 0.6)
"""How far the details of a label of fixed length may shrink, step by step, before the label is refused."""
SMALLEST_TYPE = 6.0
ROUTE_PADDING = 6.0
ROUTE_FRAME = 2.5
CUT_HINT = "Cut along the dashed line and stick the label on the cartridge."
CUT_HINT_SIZE = 9.0


@dataclass(frozen=True, slots=True)
class LicensePlateContent:
    """What a license plate label says: of one decided unit, or of a parcel that came without an RMA."""

    lpn: str
    """The license plate number, such as ``LP00000042``: the barcode's value."""
    sku: str
    """The unit's SKU; for a parcel without an RMA, the SKUs found in it."""
    described: str
    """What the unit is, in words: "HP 85A black toner cartridge"."""
    route_label: str
    """Where the unit goes: "Back to stock, new"."""
    instruction: str
    """The clerk's sentence: "Sealed and full: put it in a new-stock tote."."""
    container: str | None
    """The container's barcode once the unit is placed, such as ``CT-000012``; None while it is not."""
    origin: str
    """Where the unit came from: "RMA RA-1 line 2 unit 1", or "Unidentified return UR-000003"."""
    measured: str
    """What the scale found: "Fill: 97 %", "Fill: not weighed", "2 of 2 items weighed"."""
    made_at: datetime
    """When the unit was decided or the parcel recorded; timezone-aware. Printed on the label and the PDF's
    creation date, so the same unit makes the same bytes."""
    station_id: str

    def __post_init__(self) -> None:
        if not self.lpn.strip() or not self.route_label.strip():
            raise ValueError(
                f"a license plate label needs its number and its route, got {self.lpn!r}, {self.route_label!r}"
            )
        if self.made_at.utcoffset() is None:
            raise ValueError(f"{self.lpn}: the label's time needs its time zone, got {self.made_at.isoformat()}")


@dataclass(frozen=True, slots=True)
class _TypeSizes:
    """Type sizes in points for one width of label."""

    lpn: float
    route_largest: float
    route_smallest: float
    instruction: float
    container: float
    detail: float
    barcode_text: float
    footer: float

    def with_smaller_details(self, factor: float) -> _TypeSizes:
        """The number, its barcode, the route and the container stay as large as they are: a clerk reads
        them at arm's length while sorting. Only the sentence and the details close up shrink."""

        def size(points: float) -> float:
            return max(SMALLEST_TYPE, points * factor)

        return replace(self, instruction=size(self.instruction), detail=size(self.detail), footer=size(self.footer))


LABEL_TYPE = _TypeSizes(40, 30, 18, 13, 16, 12, 10, 8)
ROLL_TYPE = _TypeSizes(32, 24, 15, 11, 12, 10, 9, 7.5)
NARROW_ROLL_TYPE = _TypeSizes(24, 18, 12, 9, 10, 8.5, 8, 7)
"""58 mm paper: 48 mm printed leaves about 124 pt for the text."""


def _type_for(width: float) -> _TypeSizes:
    """By the width the text has: a 4 x 6 in label leaves 260 pt, an 80 mm roll 184 pt, a 58 mm roll 124 pt."""
    if width >= 240:
        return LABEL_TYPE
    if width >= 160:
        return ROLL_TYPE
    return NARROW_ROLL_TYPE


def render_license_plate(content: LicensePlateContent, medium: Medium) -> bytes:
    """The PDF of the unit's license plate label on ``medium``."""
    if medium.width_pt >= WIDE_PAPER_PT and medium.length_pt is not None:
        return _on_sheet(content, medium, medium.length_pt)
    margin = _margin_for(medium.width_pt)
    width = medium.width_pt - 2 * margin
    if medium.length_pt is None:
        body, footer = _label_parts(content, medium, width, margin, room=None)
        length = 2 * margin + sum(block.height for block in body) + footer.height
        return _pdf(content, (medium.width_pt, length), [(margin, length - margin, [*body, footer])])
    body, footer = _label_parts(content, medium, width, margin, room=medium.length_pt - 2 * margin)
    placed = [(margin, medium.length_pt - margin, body), (margin, margin + footer.height, [footer])]
    return _pdf(content, (medium.width_pt, medium.length_pt), placed)


def _margin_for(label_width: float) -> float:
    if label_width >= LABEL_SIZE[0]:
        return MARGIN
    return ROLL_MARGIN if label_width >= 200 else NARROW_MARGIN


def _on_sheet(content: LicensePlateContent, medium: Medium, sheet_length: float) -> bytes:
    """The 4 x 6 in label at the top left of the sheet, its edge dashed for the scissors."""
    label_width, label_length = LABEL_SIZE
    label_top = sheet_length - SHEET_MARGIN
    label_bottom = label_top - label_length
    body, footer = _label_parts(content, medium, label_width - 2 * MARGIN, MARGIN, room=label_length - 2 * MARGIN)
    hint = text_lines([CUT_HINT], size=CUT_HINT_SIZE)

    def cut_line(canvas: Canvas) -> None:
        frame = fp_str(SHEET_MARGIN, label_bottom, label_width, label_length)
        canvas.addLiteral(f"q 0.75 w [4 3] 0 d n {frame} re S Q")

    left = SHEET_MARGIN + MARGIN
    placed = [
        (left, label_top - MARGIN, body),
        (left, label_bottom + MARGIN + footer.height, [footer]),
        (SHEET_MARGIN, label_bottom - 4, [hint]),
    ]
    return _pdf(content, (medium.width_pt, sheet_length), placed, furniture=cut_line)


def _label_parts(
    content: LicensePlateContent, medium: Medium, width: float, margin: float, *, room: float | None
) -> tuple[list[Block], Block]:
    """The label's body top to bottom, and its footer.

    On a roll (``room`` None) everything is at its full size. On a label of fixed length the bars take
    the height the text leaves, up to ``TALLEST_BARS``; when a long route or description leaves less
    than ``SHORTEST_BARS``, the type shrinks a step at a time, so the unit still gets one label.
    """
    base = _type_for(width)
    if room is None:
        sizes = base
        above, below, footer = _text_blocks(content, width, sizes)
        return [*above, _barcode(content, medium, width, margin, sizes, ROLL_BARS), *below], footer
    for step in SHRINK_STEPS:
        sizes = base.with_smaller_details(step)
        above, below, footer = _text_blocks(content, width, sizes)
        text_height = sum(block.height for block in (*above, *below, footer))
        bar_room = room - text_height - TEXT_GAP_PT - sizes.barcode_text
        if bar_room >= SHORTEST_BARS:
            barcode = _barcode(content, medium, width, margin, sizes, min(TALLEST_BARS, bar_room))
            return [*above, barcode, *below], footer
    raise DocumentError(f"{content.lpn}: the route and description leave no room on the label for the barcode")


def _text_blocks(
    content: LicensePlateContent, width: float, sizes: _TypeSizes
) -> tuple[list[Block], list[Block], Block]:
    """The text above the barcode, the text under it, and the footer."""
    container = content.container or "not placed yet"
    above = [_largest_line(content.lpn, width, sizes.lpn), gap(2)]
    below = [
        gap(6),
        _route(content.route_label, width, sizes),
        gap(4),
        _words(content.instruction, width, size=sizes.instruction, align="center"),
        gap(4),
        _words(f"Container: {container}", width, font=BOLD, size=sizes.container),
        rule(width, line_width=1, gray=0, space=4),
        _words(f"SKU {content.sku}", width, font=BOLD, size=sizes.detail),
        _words(content.described, width, size=sizes.detail),
        gap(2),
        _words(content.origin, width, size=sizes.detail),
        _words(content.measured, width, size=sizes.detail),
        gap(4),
    ]
    footer = _words(f"Station {content.station_id} - {date_time_text(content.made_at)}", width, size=sizes.footer)
    return above, below, footer


def _largest_line(text: str, width: float, largest: float) -> Block:
    """One centered line of bold type, ``largest`` points or as large as the width allows."""
    size = min(largest, largest * width / text_width(text, BOLD, largest))
    return text_lines([text], font=BOLD, size=size, align="center", width=width)


def _words(
    text: str, width: float, *, font: str = REGULAR, size: float, align: Literal["left", "center"] = "left"
) -> Block:
    """``text`` wrapped to ``width``; set smaller when one word is wider than the line on its own.

    Wrapping breaks only between words, and a SKU, container number or RMA number is one long word
    that must not run off the label's edge (and a narrow roll leaves room for few characters).
    """
    lines = wrapped(text, width, font=font, size=size)
    widest = max(text_width(line, font, size) for line in lines)
    if widest > width:
        size *= width / widest
        lines = wrapped(text, width, font=font, size=size)
    return text_lines(lines, font=font, size=size, align=align, width=width)


def _route(route_label: str, width: float, sizes: _TypeSizes) -> Block:
    """The route in a heavy frame: on one line in the largest type that fits, or wrapped at the smallest."""
    inner = width - 2 * ROUTE_PADDING
    # A little short of the frame, so that a line set to fit does not touch it.
    fitting = sizes.route_largest * (inner - 4) / text_width(route_label, BOLD, sizes.route_largest)
    size = max(sizes.route_smallest, min(sizes.route_largest, fitting))
    lines = _words(route_label, inner, font=BOLD, size=size, align="center")
    return boxed(lines, width, padding=ROUTE_PADDING, line_width=ROUTE_FRAME)


def _barcode(
    content: LicensePlateContent, medium: Medium, width: float, margin: float, sizes: _TypeSizes, bar_height: float
) -> Block:
    barcode = Code128Barcode.largest_fitting(
        content.lpn,
        # The quiet zones may reach into the label's margins, never past its edge.
        max_width=width + 2 * margin - 4,
        bar_height=bar_height,
        text_size=sizes.barcode_text,
        printer_dpi=medium.dpi,
        module_sizes_mm=BARCODE_MODULES_MM,
    )

    def draw(canvas: Canvas, left: float, top: float) -> None:
        barcode.draw(canvas, left + (width - barcode.width) / 2, top - barcode.height)

    return Block(barcode.height, draw, role="Figure", alt=f"Barcode of {content.lpn}")


def _pdf(
    content: LicensePlateContent,
    page_size: tuple[float, float],
    placed: Sequence[tuple[float, float, Sequence[Block]]],
    furniture: Callable[[Canvas], None] | None = None,
) -> bytes:
    """One tagged PDF/A-2b page: each group of blocks stacked from its (left, top), over any furniture."""
    output = io.BytesIO()
    canvas = archival_canvas(
        output,
        page_size,
        created=content.made_at,
        title=f"License plate {content.lpn}",
        subject=content.origin,
        author=f"Station {content.station_id}",
    )
    tree = StructureTree(canvas)
    if furniture is not None:
        with tree.artifact():
            furniture(canvas)
    for left, top, blocks in placed:
        draw_tagged(tree, blocks, left, top)
    canvas.showPage()
    tree.write()
    canvas.save()
    return output.getvalue()
