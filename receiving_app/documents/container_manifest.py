"""The container manifest taped to a bin, box or gaylord when it is closed: what went into it, and how much.

Whoever opens the container next checks it against this sheet, so content whose lines do not add up to
its totals is refused before anything is drawn. The container's number heads it in the largest type
that fits, with its barcode (the container is found by scanning it); then the route and kind, when and
why it was closed, the units by SKU, the totals, and every license plate in it.

On Letter and A4 the SKUs are a table; on a 4 x 6 in label or a receipt roll each SKU is a card of
figures. Pages and labels are numbered in a footer (only the first carries the barcode); a roll is one
page as long as the manifest. Like the license plate label it has its own entry point and metadata,
but is the same kind of file: PDF/A-2b, tagged, the same bytes for the same container.
"""

from __future__ import annotations

import dataclasses
import io
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import ROUND_HALF_UP, Decimal
from typing import Literal

from reportlab.lib.units import inch
from reportlab.pdfgen.canvas import Canvas

from receiving_app.documents.barcodes import QUIET_ZONE_MODULES, Code128Barcode
from receiving_app.documents.layout import Block, gap, paginate, side_by_side, stacked
from receiving_app.documents.model import DocumentError
from receiving_app.documents.pages import draw_tagged
from receiving_app.documents.pdf_canvas import archival_canvas
from receiving_app.documents.printed_values import date_time_text, decimal_text
from receiving_app.documents.rules_and_boxes import RULE_GRAY, draw_line, rule
from receiving_app.documents.sections import amount_rows, is_narrow
from receiving_app.documents.tables import Column, table
from receiving_app.documents.tagging import StructureTree
from receiving_app.documents.text_blocks import TextRun, draw_text, heading, key_values, paragraph, text_lines
from receiving_app.documents.typography import (
    BOLD,
    LEADING,
    REGULAR,
    WIDE_PAPER_PT,
    TypeScale,
    text_width,
    type_scale_for,
    wrapped,
)
from receiving_app.domain.media import Medium

TITLE = "Container manifest"
LABEL_MARGIN = 14.0
"""A die-cut label's edge may fall a little off where the printer expects it: keep text clear of it."""
FOOTER_GAP = 8.0
BARCODE_MODULES_MM = (0.5, 0.375, 0.25)
BAR_HEIGHT = 0.75 * inch
NARROW_BAR_HEIGHT = 0.6 * inch
COLUMN_GAP = 18.0
FACTS_BESIDE_MIN_WIDTH = 240.0
"""Narrower than this (a receipt roll), a label's value would be squeezed into a sliver beside it."""
TOTALS_WIDTH = 240.0
"""On a sheet the totals stand under the table's figures, flush right, about as wide as its last columns."""
FIGURE_COLUMNS = (
    Column("Units", 46, "right"),
    Column("Virgin", 46, "right"),
    Column("Not\nvirgin", 46, "right"),
    Column("Weight", 78, "right"),
)
SKU_COLUMN = 96.0
ITEM_COLUMN = 140.0
"""The least the item's words get beside a long SKU."""


@dataclass(frozen=True, slots=True)
class ManifestLine:
    """One SKU in the container: its units, how many of them are virgin empties, and what they weigh."""

    sku: str
    described: str
    units: int
    virgin: int
    not_virgin: int
    """Virgin and not virgin need not cover every unit: a unit nobody graded is neither."""
    weight_kg: Decimal

    def __post_init__(self) -> None:
        if self.units < 1 or self.virgin < 0 or self.not_virgin < 0:
            raise DocumentError(
                f"SKU {self.sku}: needs at least one unit and no negative count, got {self.units} units,"
                f" {self.virgin} virgin, {self.not_virgin} not virgin"
            )
        if self.virgin + self.not_virgin > self.units:
            raise DocumentError(
                f"SKU {self.sku}: {self.virgin} virgin + {self.not_virgin} not virgin"
                f" is more than its {self.units} units"
            )
        if not isinstance(self.weight_kg, Decimal) or not self.weight_kg.is_finite() or self.weight_kg < 0:
            raise DocumentError(f"SKU {self.sku}: the weight must be a Decimal of kilograms, got {self.weight_kg!r}")


@dataclass(frozen=True, slots=True)
class ManifestContent:
    """What the manifest of one closed container says."""

    container: str
    """The container's number, such as ``CT-000012``: the barcode's value."""
    kind_label: str
    route_label: str
    lines: tuple[ManifestLine, ...]
    """One per SKU; printed sorted by SKU."""
    total_units: int
    total_weight_kg: Decimal
    max_units: int | None
    max_kg: Decimal | None
    opened_at: datetime
    closed_at: datetime
    """Timezone-aware: printed, and the PDF's creation date, so the same container makes the same bytes."""
    closed_by: str
    closed_because: str
    """"full: 31.000 kg of 31 kg", or "closed by hand"."""
    station_id: str
    license_plates: tuple[str, ...]
    """Every unit's license plate number, listed at the end."""

    def __post_init__(self) -> None:
        # A manifest that disagrees with itself is worse than none: the container is checked against it.
        if not self.container.strip():
            raise DocumentError("a container manifest needs the container's number")
        for name in ("opened_at", "closed_at"):
            moment: datetime = getattr(self, name)
            if moment.utcoffset() is None:
                raise DocumentError(f"{self.container}: {name} needs its time zone, got {moment.isoformat()}")
        if self.closed_at < self.opened_at:
            raise DocumentError(
                f"{self.container}: closed at {self.closed_at} before it was opened at {self.opened_at}"
            )
        repeated = sorted(sku for sku, count in Counter(line.sku for line in self.lines).items() if count > 1)
        if repeated:
            raise DocumentError(f"{self.container}: SKU {', '.join(repeated)} is listed more than once")
        units = sum(line.units for line in self.lines)
        if units != self.total_units:
            raise DocumentError(f"{self.container}: the lines hold {units} units, the total says {self.total_units}")
        kilograms = sum((line.weight_kg for line in self.lines), Decimal(0))
        if kilograms != self.total_weight_kg:
            raise DocumentError(
                f"{self.container}: the lines weigh {kilograms} kg, the total says {self.total_weight_kg} kg"
            )


def kg_text(kilograms: Decimal) -> str:
    """To the gram, as a scale shows it: ``30.412 kg``, ``2.500 kg``."""
    return f"{kilograms.quantize(Decimal('0.001'), rounding=ROUND_HALF_UP):f} kg"


def render_container_manifest(content: ManifestContent, medium: Medium) -> bytes:
    """The PDF of the container's manifest on ``medium``."""
    scale = type_scale_for(medium)
    label = medium.length_pt is not None and medium.width_pt < WIDE_PAPER_PT
    margin = LABEL_MARGIN if label else scale.margin
    width = medium.width_pt - 2 * margin
    blocks = [*_header(content, medium, width, margin, scale), *_body(content, width, scale)]
    size = scale.small
    if medium.length_pt is None:
        footer = _footer(f"Container {content.container} - end of manifest", width, size)
        length = 2 * margin + sum(block.height for block in blocks) + FOOTER_GAP + footer.height
        return _pdf(content, (medium.width_pt, length), margin, [blocks], size, on_roll=True)
    # Measured with a two-digit count, so that no page's footer is taller than the room left for it.
    footer = _footer(f"Container {content.container} - page 99 of 99", width, size)
    room = medium.length_pt - 2 * margin - footer.height - FOOTER_GAP
    return _pdf(content, (medium.width_pt, medium.length_pt), margin, paginate(blocks, room), size)


def _header(content: ManifestContent, medium: Medium, width: float, margin: float, scale: TypeScale) -> list[Block]:
    """Title, number and barcode, route and kind, then when, by whom and why the container was closed.

    On a sheet the barcode stands at the right of the number, route and kind; on narrow paper
    everything is centered, one under the other, the barcode as wide as the paper allows.
    """
    wide = not is_narrow(width)
    align: Literal["left", "center"] = "left" if wide else "center"
    barcode = Code128Barcode.largest_fitting(
        content.container,
        # The quiet zones may reach into the margins; on a sheet the number has the rest of the width.
        max_width=width / 2 if wide else width + 2 * margin - 4,
        bar_height=BAR_HEIGHT if medium.width_pt >= 200 else NARROW_BAR_HEIGHT,
        text_size=scale.small,
        printer_dpi=medium.dpi,
        module_sizes_mm=BARCODE_MODULES_MM,
    )
    number_room = width - barcode.width - COLUMN_GAP if wide else width
    number = _largest_line(content.container, number_room, 2 * scale.title, align)
    route = paragraph(content.route_label, number_room, font=BOLD, size=scale.heading, align=align)
    kind = paragraph(content.kind_label, number_room, size=scale.body, align=align)
    title = dataclasses.replace(text_lines([TITLE], font=BOLD, size=scale.title, align=align, width=width), role="H1")
    facts = _facts(
        [
            ("Opened", date_time_text(content.opened_at)),
            ("Closed", date_time_text(content.closed_at, after=content.opened_at)),
            ("Closed by", content.closed_by),
            ("Closed because", content.closed_because),
            ("Station", content.station_id),
        ],
        width,
        size=scale.body,
    )
    figure_alt = f"Barcode of {content.container}"
    if wide:
        quiet_zone = QUIET_ZONE_MODULES * barcode.grid.module_pt
        # A text export (pypdf) takes the next line for the rest of the number's line unless it is
        # most of the number's size lower: without the air, "CT-000012HP recycling".
        air = gap(scale.heading)
        beside_height = number.height + air.height + route.height + kind.height

        def draw_beside(canvas: Canvas, left: float, top: float) -> None:
            # Level with the number, but drawn after the kind: read after the lines beside it, its own
            # line of digits does not run into one of theirs in a text export. The bars end flush with
            # the text column; the right quiet zone reaches into the page margin.
            barcode.draw(canvas, left + width - barcode.width + quiet_zone, top + beside_height - barcode.height)

        beside = Block(0.0, draw_beside, role="Figure", alt=figure_alt)
        under = gap(max(0.0, barcode.height - beside_height))
        return [title, gap(4), number, air, route, kind, beside, under, rule(width, space=8), facts]

    def draw_under(canvas: Canvas, left: float, top: float) -> None:
        barcode.draw(canvas, left + (width - barcode.width) / 2, top - barcode.height)

    below = Block(barcode.height, draw_under, role="Figure", alt=figure_alt)
    return [title, number, gap(2), below, gap(6), route, kind, rule(width, space=5), facts]


def _largest_line(text: str, width: float, largest: float, align: Literal["left", "center"]) -> Block:
    """One line of bold type, ``largest`` points or as large as ``width`` allows."""
    size = min(largest, largest * width / text_width(text, BOLD, largest))
    return text_lines([text], font=BOLD, size=size, align=align, width=width)


def _facts(pairs: Sequence[tuple[str, str]], width: float, *, size: float) -> Block:
    """Bold labels with their values: in two columns, or on a roll each value after or under its label."""
    if width >= FACTS_BESIDE_MIN_WIDTH:
        return key_values(pairs, width, size=size)
    leading = size * LEADING
    space = text_width(" ", REGULAR, size)
    runs: list[TextRun] = []
    row_top = 0.0
    for label, value in pairs:
        runs.append((BOLD, 0.0, row_top - size, label))
        after_label = text_width(label, BOLD, size) + space
        if after_label + text_width(value, REGULAR, size) <= width:
            runs.append((REGULAR, after_label, row_top - size, value))
        else:
            for line in wrapped(value, width - size, size=size):
                row_top -= leading
                runs.append((REGULAR, size, row_top - size, line))
        row_top -= leading

    def draw(canvas: Canvas, left: float, top: float) -> None:
        draw_text(canvas, size, left, top, runs)

    return Block(-row_top, draw)


def _body(content: ManifestContent, width: float, scale: TypeScale) -> list[Block]:
    lines = sorted(content.lines, key=lambda line: line.sku)
    blocks = [heading("Contents", scale, width)]
    if not lines:
        blocks.append(paragraph("Nothing: the container was closed empty.", width, size=scale.body))
    elif is_narrow(width):
        blocks.extend(_card(line, width, scale) for line in lines)
    else:
        blocks.extend(_line_table(lines, width, scale))
    totals = [
        ("Units", str(content.total_units)),
        ("Virgin", str(sum(line.virgin for line in lines))),
        ("Not virgin", str(sum(line.not_virgin for line in lines))),
        ("Weight", kg_text(content.total_weight_kg)),
    ]
    # Two blocks: amount_rows sets its last row in bold, and the weight is the total that counts here.
    sums = [totals, [("Limit", _limit_text(content))]]
    if is_narrow(width):
        blocks += [heading("Totals", scale, width), *(amount_rows(part, width, size=scale.body) for part in sums)]
    else:
        blocks.append(gap(10))
        right = width - TOTALS_WIDTH
        blocks += [side_by_side(gap(0), amount_rows(part, TOTALS_WIDTH, size=scale.body), right) for part in sums]
    return [*blocks, *_plates(content.license_plates, width, scale)]


def _line_table(lines: Sequence[ManifestLine], width: float, scale: TypeScale) -> list[Block]:
    """The SKU column as wide as the widest SKU; the whole table set smaller when even the room the
    item's words leave it is too narrow, because a SKU is one word that a cell cannot wrap."""
    room = width - ITEM_COLUMN - sum(column.width or 0 for column in FIGURE_COLUMNS)
    widest = max(text_width(line.sku, REGULAR, scale.table) for line in lines) + 8  # the cell's padding
    size = scale.table * min(1.0, room / widest)
    columns = (Column("SKU", max(SKU_COLUMN, min(room, widest))), Column("Item", None), *FIGURE_COLUMNS)
    rows = [
        [line.sku, line.described, str(line.units), str(line.virgin), str(line.not_virgin), kg_text(line.weight_kg)]
        for line in lines
    ]
    return table(columns, rows, width, size=size)


def _card(line: ManifestLine, width: float, scale: TypeScale) -> Block:
    """One SKU on narrow paper: the SKU (smaller if it is wider than the paper) and item over its figures."""
    sku_width = text_width(line.sku, BOLD, scale.body)
    figures = [
        ("Units", str(line.units)),
        ("Virgin", str(line.virgin)),
        ("Not virgin", str(line.not_virgin)),
        ("Weight", kg_text(line.weight_kg)),
    ]
    return stacked(
        [
            paragraph(line.sku, width, font=BOLD, size=min(scale.body, scale.body * width / sku_width)),
            paragraph(line.described, width, size=scale.table),
            amount_rows(figures, width, size=scale.table),
            gap(4),
        ]
    )


def _limit_text(content: ManifestContent) -> str:
    limits = []
    if content.max_units is not None:
        limits.append(f"{content.max_units} units")
    if content.max_kg is not None:
        limits.append(f"{decimal_text(content.max_kg)} kg")
    return " or ".join(limits) or "none"


def _plates(plates: Sequence[str], width: float, scale: TypeScale) -> list[Block]:
    """The license plates in small type, as many to a row as fit, rows breaking between pages."""
    size = scale.small
    title = heading(f"License plates ({len(plates)})", scale, width)
    if not plates:
        return [title, paragraph("None.", width, size=size)]
    continued = heading("License plates, continued", scale, width)
    column = max(text_width(plate, REGULAR, size) for plate in plates) + 1.5 * size
    per_row = max(1, int((width + 1.5 * size) // column))
    rows = []
    for start in range(0, len(plates), per_row):
        runs: list[TextRun] = [
            (REGULAR, index * column, -size, plate) for index, plate in enumerate(plates[start : start + per_row])
        ]
        rows.append(_runs_block(runs, size, repeat_header=continued))
    return [title, gap(2), *rows]


def _runs_block(runs: Sequence[TextRun], size: float, *, repeat_header: Block) -> Block:
    def draw(canvas: Canvas, left: float, top: float) -> None:
        draw_text(canvas, size, left, top, runs)

    return Block(size * LEADING, draw, repeat_header=repeat_header)


def _footer(text: str, width: float, size: float) -> Block:
    """The container's number and where this page is, centered under a thin rule; wrapped on narrow paper."""
    words = text_lines(wrapped(text, width, size=size), size=size, align="center", width=width)

    def draw(canvas: Canvas, left: float, top: float) -> None:
        draw_line(canvas, left, top, left + width, top, line_width=0.5, gray=RULE_GRAY)
        words.draw(canvas, left, top - 0.6 * size)

    return Block(words.height + 0.6 * size, draw, role=None)


def _pdf(
    content: ManifestContent,
    page_size: tuple[float, float],
    margin: float,
    pages: Sequence[Sequence[Block]],
    type_size: float,
    *,
    on_roll: bool = False,
) -> bytes:
    """Tagged PDF/A-2b pages, each with its footer; a roll's one page ends the manifest instead of counting."""
    output = io.BytesIO()
    canvas = archival_canvas(
        output,
        page_size,
        created=content.closed_at,
        title=f"{TITLE} {content.container}",
        subject=f"{content.kind_label} - {content.route_label}",
        author=f"Station {content.station_id}",
    )
    tree = StructureTree(canvas)
    page_height = page_size[1]
    for number, blocks in enumerate(pages, start=1):
        draw_tagged(tree, blocks, margin, page_height - margin)
        # A roll is never more than one page: its footer says the manifest ends there, not torn off.
        where = "end of manifest" if on_roll else f"page {number} of {len(pages)}"
        footer = _footer(f"Container {content.container} - {where}", page_size[0] - 2 * margin, type_size)
        with tree.artifact():
            footer.draw(canvas, margin, margin + footer.height)
        canvas.showPage()
    tree.write()
    canvas.save()
    return output.getvalue()
