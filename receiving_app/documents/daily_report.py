"""The shift and daily report as PDF: a header with the period, figures at a glance, then one
section per table, each with a simple bar chart drawn with reportlab's canvas.

The look is the one every document shares (``typography.py``, ``tables.py``: DejaVu Sans, large type,
black on white, amounts right-aligned, tables that break between rows and repeat their heading). Bars are gray so that
the page prints on any office printer; every bar carries its number in words beside it, so the
chart never has to be read by eye alone.

What the report says comes in as plain frozen values (``ReportContent``), filled by the report
service; the CSV export is written from the very same tables, so the two always agree.
"""

from __future__ import annotations

import io
import math
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from decimal import Decimal

from reportlab.pdfgen.canvas import Canvas

from receiving_app.documents.layout import Block, gap, paginate, stacked
from receiving_app.documents.model import PageSize
from receiving_app.documents.pages import draw_tagged
from receiving_app.documents.pdf_canvas import archival_canvas
from receiving_app.documents.printed_values import date_time_text
from receiving_app.documents.rules_and_boxes import RULE_GRAY, boxed, rule
from receiving_app.documents.tables import Column, table
from receiving_app.documents.tagging import StructureTree
from receiving_app.documents.text_blocks import heading, key_values, paragraph, text_lines
from receiving_app.documents.typography import BOLD, LEADING, PAGE_TYPE, REGULAR, text_width
from receiving_app.domain.media import SHEET_MEDIA

BAR_GRAY = 0.45
"""Bars: dark enough to print solid, light enough that a number beside one stays the thing read."""
MAX_BARS = 16
"""A chart beyond this many bars shows the largest ones and one bar for the rest (the table has all)."""
MAX_CELL_CHARACTERS = 400
"""Free text beyond this is cut short in the PDF (the CSV has it whole)."""
FLEX_MIN_WIDTH = 120.0
"""The widest text column (a note, a name) never gets less than this."""
TEXT_COLUMN_CAP = 110.0
"""Other text columns wrap beyond this width rather than squeezing the flexible one."""
TILES_PER_ROW = 4
"""Figures at the top beyond this many go on a second row, so that each label and figure fits its tile."""
SMALLEST_TILE_LABEL = 7.0
"""A tile's label is set no smaller than this to fit its tile."""


@dataclass(frozen=True, slots=True)
class Bar:
    label: str
    value: Decimal
    """The bar's length: a count or an amount, exact (never a float)."""
    text: str
    """Printed at the bar's end: the number as the table shows it."""


@dataclass(frozen=True, slots=True)
class BarChart:
    bars: tuple[Bar, ...]
    upright: bool = False
    """Columns standing side by side (a histogram), labeled underneath; otherwise bars across."""
    caption: str = ""


@dataclass(frozen=True, slots=True)
class ReportTable:
    """One section of the report: a table, optionally a chart above it and a note under it."""

    title: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    numeric: tuple[bool, ...]
    """Per column: right-aligned (numbers and amounts)."""
    totals: tuple[str, ...] | None = None
    note: str = ""
    chart: BarChart | None = None
    flexible: int = 0
    """The column that takes the width left over on paper."""
    empty_text: str = "None in this period."

    def __post_init__(self) -> None:
        widths = {len(self.columns), len(self.numeric), *(len(row) for row in self.rows)}
        if self.totals is not None:
            widths.add(len(self.totals))
        if len(widths) != 1:
            raise ValueError(f"{self.title}: every row needs {len(self.columns)} cells")


@dataclass(frozen=True, slots=True)
class ReportContent:
    title: str
    footer: str
    """What the report is, repeated at the foot of every page."""
    facts: tuple[tuple[str, str], ...]
    """Period, station, when it was made."""
    highlights: tuple[tuple[str, str], ...]
    """The few figures a manager looks for first, as large tiles."""
    tables: tuple[ReportTable, ...]
    generated_at: datetime
    page_size: PageSize = "letter"
    warning: str = ""
    """A framed line under the header on every first page, e.g. that customer data is included."""


def render_report(content: ReportContent) -> bytes:
    scale = PAGE_TYPE
    paper = SHEET_MEDIA[content.page_size]
    page_width, page_height = paper.width_pt, paper.length_pt or paper.width_pt
    width = page_width - 2 * scale.margin
    body: list[Block] = [*_header(content, width), _highlight_tiles(content.highlights, width), gap(4)]
    for section in content.tables:
        body.extend(_section(section, width))
    footer_height = scale.small * 1.6
    body_height = page_height - 2 * scale.margin - footer_height - 8
    pages = paginate(body, body_height)

    output = io.BytesIO()
    # Archived with the day's books, so kept as the customers' documents are: PDF/A-2b, tagged.
    canvas = archival_canvas(
        output, (page_width, page_height), created=content.generated_at, title=content.title, subject=content.footer
    )
    tree = StructureTree(canvas)
    for number, blocks in enumerate(pages, start=1):
        draw_tagged(tree, blocks, scale.margin, page_height - scale.margin)
        with tree.artifact():
            _draw_footer(canvas, content, scale.margin, width, footer_height, number, len(pages))
        canvas.showPage()
    tree.write()
    canvas.save()
    return output.getvalue()


# ---------------------------------------------------------------------------------- the parts


def _header(content: ReportContent, width: float) -> list[Block]:
    scale = PAGE_TYPE
    blocks = [
        text_lines(["Returns Receiving Station"], font=BOLD, size=scale.small),
        paragraph(content.title, width, font=BOLD, size=scale.title),
        gap(4),
        key_values(list(content.facts), width, size=scale.body),
    ]
    if content.warning:
        blocks += [
            gap(6),
            boxed(paragraph(content.warning, width - 12, font=BOLD, size=scale.body), width, line_width=2),
        ]
    blocks.append(rule(width, line_width=1.5, gray=0, space=6))
    return [stacked(blocks)]


def _highlight_tiles(highlights: Sequence[tuple[str, str]], width: float) -> Block:
    """Figures in framed tiles side by side, TILES_PER_ROW to a row: the label small, the figure large."""
    if not highlights:
        return gap(0)
    spacing = 8.0
    per_row = min(len(highlights), TILES_PER_ROW)
    rows = [highlights[first : first + per_row] for first in range(0, len(highlights), per_row)]
    tile_width = (width - spacing * (per_row - 1)) / per_row
    label_size, value_size = PAGE_TYPE.small, 16.0
    padding = 6.0
    tile_height = padding * 2 + label_size * LEADING + value_size * LEADING
    height = tile_height * len(rows) + spacing * (len(rows) - 1)

    def draw(canvas: Canvas, left: float, top: float) -> None:
        canvas.saveState()
        canvas.setLineWidth(0.75)
        canvas.setStrokeGray(RULE_GRAY)
        for row_index, row in enumerate(rows):
            row_top = top - row_index * (tile_height + spacing)
            for index, (label, value) in enumerate(row):
                x = left + index * (tile_width + spacing)
                canvas.rect(x, row_top - tile_height, tile_width, tile_height, stroke=1, fill=0)
                # A long label is set smaller, down to SMALLEST_TILE_LABEL, before it is cut short; in
                # tenths of a point, rounded down, so that the size found is one that fits.
                room = tile_width - 2 * padding
                fitting = math.floor(label_size * room / text_width(label, REGULAR, label_size) * 10) / 10
                size = max(SMALLEST_TILE_LABEL, min(label_size, fitting))
                canvas.setFont(REGULAR, size)
                canvas.drawString(x + padding, row_top - padding - label_size, _fitted(label, REGULAR, size, room))
                canvas.setFont(BOLD, value_size)
                canvas.drawString(
                    x + padding,
                    row_top - padding - label_size * LEADING - value_size,
                    _fitted(value, BOLD, value_size, tile_width - 2 * padding),
                )
        canvas.restoreState()

    return Block(height + 6, draw)


def _section(section: ReportTable, width: float) -> list[Block]:
    scale = PAGE_TYPE
    blocks: list[Block] = [heading(section.title, scale, width)]
    if not section.rows:
        blocks.append(paragraph(section.empty_text, width, size=scale.body))
        if section.note:
            blocks.append(paragraph(section.note, width, size=scale.small))
        return blocks
    if section.chart is not None and section.chart.bars:
        chart = _column_chart(section.chart, width) if section.chart.upright else _bar_chart(section.chart, width)
        # The heading, its chart and the table's first rows stay on one page.
        blocks = [stacked([blocks[0], chart, gap(4)], keep_with_next=True)]
    section = replace(section, rows=tuple(tuple(_clipped(cell) for cell in row) for row in section.rows))
    columns = _columns(section, width)
    blocks.extend(table(columns, section.rows, width, size=scale.table, totals=section.totals))
    if section.note:
        blocks += [gap(3), paragraph(section.note, width, size=scale.small)]
    return blocks


def _columns(section: ReportTable, width: float) -> list[Column]:
    """Each column as wide as its widest cell, one taking the rest; a heading wider than its column
    takes two lines, and no column is narrower than its longest word or two-line heading."""
    size = PAGE_TYPE.table
    padding = 6.0
    rows = [*section.rows, *([section.totals] if section.totals else [])]
    widths, narrowest = [], []
    for index, title in enumerate(section.columns):
        cells = max((text_width(row[index], BOLD, size) for row in rows), default=0.0)
        # A column is never narrower than its longest word: a word cannot wrap (an email address).
        longest_word = max((text_width(word, BOLD, size) for row in rows for word in row[index].split()), default=0.0)
        floor = max(_heading_width(_two_lines(title, size), size), longest_word) + padding
        # A heading wider than its cells (and than a narrow column) asks for the room of two lines only.
        one_line = _heading_width(title, size)
        heading = one_line if one_line <= max(cells, 40) else _heading_width(_two_lines(title, size), size)
        wanted = max(cells, heading) + padding
        if not section.numeric[index]:
            wanted = min(wanted, TEXT_COLUMN_CAP)
        widths.append(max(wanted, floor))
        narrowest.append(floor)
    fixed = sum(width_ for index, width_ in enumerate(widths) if index != section.flexible)
    room = width - FLEX_MIN_WIDTH
    if fixed > room:  # narrow the text columns alike, down to their longest words; their cells wrap
        text_columns = [
            index for index in range(len(widths)) if index != section.flexible and not section.numeric[index]
        ]
        numeric_width = sum(
            widths[index] for index in range(len(widths)) if index != section.flexible and section.numeric[index]
        )
        share = (room - numeric_width) / max(1, len(text_columns))
        for index in text_columns:
            widths[index] = max(min(widths[index], share), narrowest[index])
        if sum(widths[index] for index in text_columns) + numeric_width > width - 40:
            for index in text_columns:  # words too long for any column: they run over, the page does not
                widths[index] = min(widths[index], max(20.0, share))
    return [
        Column(
            _heading(title, widths[index] - padding, size),
            None if index == section.flexible else widths[index],
            "right" if section.numeric[index] else "left",
        )
        for index, title in enumerate(section.columns)
    ]


def _heading_width(heading: str, size: float) -> float:
    return max(text_width(line, BOLD, size) for line in heading.split("\n"))


def _heading(title: str, room: float, size: float) -> str:
    """The heading on one line where it fits its column, else on two."""
    return title if text_width(title, BOLD, size) <= room else _two_lines(title, size)


def _clipped(cell: str) -> str:
    """A cell of free text (a long hold note) cut short on paper, so that one row fits on a page."""
    return cell if len(cell) <= MAX_CELL_CHARACTERS else cell[: MAX_CELL_CHARACTERS - 12].rstrip() + " [continues]"


def _two_lines(title: str, size: float) -> str:
    words = title.split()
    if len(words) < 2:
        return title
    best = min(
        range(1, len(words)),
        key=lambda cut: max(
            text_width(" ".join(words[:cut]), BOLD, size), text_width(" ".join(words[cut:]), BOLD, size)
        ),
    )
    return " ".join(words[:best]) + "\n" + " ".join(words[best:])


def _fitted(text: str, font: str, size: float, width: float) -> str:
    if text_width(text, font, size) <= width:
        return text
    while text and text_width(text + "...", font, size) > width:
        text = text[:-1]
    return text + "..."


# -------------------------------------------------------------------------------------- charts


def _capped(bars: Sequence[Bar]) -> list[Bar]:
    if len(bars) <= MAX_BARS:
        return list(bars)
    kept = sorted(bars, key=lambda bar: bar.value, reverse=True)[: MAX_BARS - 1]
    rest = [bar for bar in bars if bar not in kept]
    total = sum((bar.value for bar in rest), Decimal(0))
    return [bar for bar in bars if bar in kept] + [Bar(f"{len(rest)} others", total, format(total.normalize(), "f"))]


def _bar_chart(chart: BarChart, width: float) -> Block:
    """Bars across: the label on the left, the bar, its number at its end."""
    bars = _capped(chart.bars)
    size = PAGE_TYPE.table
    row = size * 1.7
    bar_height = size * 1.05
    label_width = min(max(text_width(bar.label, REGULAR, size) for bar in bars) + 8, width * 0.35)
    figure_width = max(text_width(bar.text, BOLD, size) for bar in bars) + 6
    plot_width = max(40.0, width * 0.85 - label_width - figure_width)
    largest = max((bar.value for bar in bars), default=Decimal(0))
    caption = text_lines([chart.caption], size=PAGE_TYPE.small) if chart.caption else gap(0)
    height = row * len(bars) + 4 + caption.height

    def draw(canvas: Canvas, left: float, top: float) -> None:
        canvas.saveState()
        axis_x = left + label_width
        for index, bar in enumerate(bars):
            row_top = top - index * row
            baseline = row_top - (row + size) / 2 + size * 0.2
            canvas.setFillGray(0)
            canvas.setFont(REGULAR, size)
            canvas.drawRightString(axis_x - 6, baseline, _fitted(bar.label, REGULAR, size, label_width - 8))
            length = plot_width * float(bar.value / largest) if largest > 0 else 0.0
            if length > 0:
                canvas.setFillGray(BAR_GRAY)
                canvas.rect(axis_x, row_top - (row + bar_height) / 2, max(length, 1.0), bar_height, stroke=0, fill=1)
            canvas.setFillGray(0)
            canvas.setFont(BOLD, size)
            canvas.drawString(axis_x + length + 4, baseline, bar.text)
        canvas.setStrokeGray(0)
        canvas.setLineWidth(0.75)
        canvas.line(axis_x, top, axis_x, top - row * len(bars))
        canvas.restoreState()
        caption.draw(canvas, left + label_width, top - row * len(bars) - 4)

    return Block(height, draw)


def _column_chart(chart: BarChart, width: float) -> Block:
    """Columns side by side with their labels underneath and their counts on top."""
    bars = _capped(chart.bars)
    size = PAGE_TYPE.small
    plot_height = 96.0
    slot = min(width / len(bars), 60.0)
    column_width = slot * 0.7
    largest = max((bar.value for bar in bars), default=Decimal(0))
    caption = text_lines([chart.caption], size=size) if chart.caption else gap(0)
    above = size * LEADING
    below = size * LEADING + 2
    height = above + plot_height + below + caption.height + 4

    def draw(canvas: Canvas, left: float, top: float) -> None:
        canvas.saveState()
        floor = top - above - plot_height
        for index, bar in enumerate(bars):
            x = left + index * slot + (slot - column_width) / 2
            tall = plot_height * float(bar.value / largest) if largest > 0 else 0.0
            if tall > 0:
                canvas.setFillGray(BAR_GRAY)
                canvas.rect(x, floor, column_width, max(tall, 1.0), stroke=0, fill=1)
            canvas.setFillGray(0)
            canvas.setFont(BOLD, size)
            canvas.drawCentredString(x + column_width / 2, floor + tall + 3, bar.text)
            canvas.setFont(REGULAR, size)
            canvas.drawCentredString(x + column_width / 2, floor - size - 2, bar.label)
        canvas.setStrokeGray(0)
        canvas.setLineWidth(0.75)
        canvas.line(left, floor, left + slot * len(bars), floor)
        canvas.restoreState()
        caption.draw(canvas, left, floor - below)

    return Block(height, draw)


# -------------------------------------------------------------------------------------- footer


def _draw_footer(
    canvas: Canvas, content: ReportContent, left: float, width: float, height: float, page: int, pages: int
) -> None:
    size = PAGE_TYPE.small
    bottom = PAGE_TYPE.margin
    canvas.saveState()
    canvas.setStrokeGray(RULE_GRAY)
    canvas.setLineWidth(0.5)
    canvas.line(left, bottom + height, left + width, bottom + height)
    canvas.setFont(REGULAR, size)
    canvas.drawString(left, bottom + size * 0.3, content.footer)
    made = date_time_text(content.generated_at, with_zone=False)  # the period's line names the zone
    canvas.drawRightString(left + width, bottom + size * 0.3, f"Made {made} - page {page} of {pages}")
    canvas.restoreState()
