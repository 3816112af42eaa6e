"""Tables of lines and amounts: a bold heading row, ruled rows that break between pages, a totals row."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Literal

from reportlab.pdfgen.canvas import Canvas

from receiving_app.documents.layout import Block, stacked
from receiving_app.documents.rules_and_boxes import rule
from receiving_app.documents.text_blocks import TextRun, draw_text
from receiving_app.documents.typography import BOLD, LEADING, REGULAR, text_width, wrapped

_CELL_PADDING = 3.0


@dataclass(frozen=True, slots=True)
class Column:
    heading: str
    """May hold a line break for a two-line heading over a narrow column."""
    width: float | None
    """None for the one column that takes the width left over (descriptions)."""
    align: Literal["left", "right"] = "left"


def table(
    columns: Sequence[Column],
    rows: Sequence[Sequence[str]],
    width: float,
    *,
    size: float,
    totals: Sequence[str] | None = None,
) -> list[Block]:
    """A heading row, one block per row (so long tables break between rows), and a bold totals row."""
    columns = tuple(columns)
    widths = _column_widths(columns, width)
    heading_block = _table_heading(columns, width, size)
    blocks = [heading_block]
    for row in rows:
        cells = [_cell_lines(text, column_width, size) for text, column_width in zip(row, widths, strict=True)]
        row_block = stacked([_table_row(cells, columns, widths, REGULAR, size), rule(width, line_width=0.4, space=1)])
        blocks.append(Block(row_block.height, row_block.draw, repeat_header=heading_block))
    if totals is not None:
        blocks.append(_table_row([[text] for text in totals], columns, widths, BOLD, size))
    return blocks


def _column_widths(columns: tuple[Column, ...], width: float) -> list[float]:
    fixed = sum(column.width or 0 for column in columns)
    return [column.width if column.width is not None else width - fixed for column in columns]


@cache
def _table_heading(columns: tuple[Column, ...], width: float, size: float) -> Block:
    """The same for every document of a layout: measured once."""
    widths = _column_widths(columns, width)
    heading_row = _table_row([column.heading.split("\n") for column in columns], columns, widths, BOLD, size)
    return stacked([heading_row, rule(width, line_width=1, gray=0, space=1)], keep_with_next=True)


def _cell_lines(text: str, column_width: float, size: float) -> list[str]:
    """A cell's text wrapped to its column; a line break in the text starts a new line."""
    inner = column_width - 2 * _CELL_PADDING
    return [line for piece in text.split("\n") for line in wrapped(piece, inner, size=size)]


def _table_row(
    cells: Sequence[Sequence[str]], columns: Sequence[Column], widths: Sequence[float], font: str, size: float
) -> Block:
    leading = size * LEADING
    height = max(len(lines) for lines in cells) * leading + 2 * _CELL_PADDING
    runs: list[TextRun] = []
    x = _CELL_PADDING
    for lines, column, column_width in zip(cells, columns, widths, strict=True):
        right_edge = x + column_width - 2 * _CELL_PADDING
        baseline = -_CELL_PADDING - size
        for line in lines:
            if line:  # an empty cell, as a totals row has several, draws nothing: nothing to measure
                dx = right_edge - text_width(line, font, size) if column.align == "right" else x
                runs.append((font, dx, baseline, line))
            baseline -= leading
        x += column_width

    def draw(canvas: Canvas, left: float, top: float) -> None:
        draw_text(canvas, size, left, top, runs)

    return Block(height, draw)
