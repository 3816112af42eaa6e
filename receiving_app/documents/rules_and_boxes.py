"""Stroked lines: a rule across a column or along a table row, and a frame around a block."""

from __future__ import annotations

from reportlab.lib.rl_accel import fp_str
from reportlab.pdfgen.canvas import Canvas

from receiving_app.documents.layout import Block

RULE_GRAY = 0.55


def rule(width: float, *, line_width: float = 0.75, gray: float = RULE_GRAY, space: float = 6) -> Block:
    """A horizontal line with ``space`` above and below."""

    def draw(canvas: Canvas, left: float, top: float) -> None:
        draw_line(canvas, left, top - space, left + width, top - space, line_width=line_width, gray=gray)

    return Block(2 * space, draw, role=None)


def draw_line(canvas: Canvas, x1: float, y1: float, x2: float, y2: float, *, line_width: float, gray: float) -> None:
    """A line in a graphics state of its own, written as PDF operators.

    The same as saveState, setStrokeGray, setLineWidth, line and restoreState, at a fraction of
    their cost; every table row and footer draws one.
    """
    canvas.addLiteral(f"q {fp_str(gray)} G {fp_str(line_width)} w n {fp_str(x1, y1)} m {fp_str(x2, y2)} l S Q")


def boxed(inner: Block, width: float, *, padding: float = 6, line_width: float = 1.5) -> Block:
    """A black frame around ``inner``: for the one thing on a page that must not be missed."""

    def draw(canvas: Canvas, left: float, top: float) -> None:
        height = inner.height + 2 * padding
        canvas.addLiteral(f"q {fp_str(line_width)} w n {fp_str(left, top - height, width, height)} re S Q")
        inner.draw(canvas, left + padding, top - padding)

    return Block(inner.height + 2 * padding, draw)
