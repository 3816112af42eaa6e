"""The credit memo: what is refunded for which lines, how it was worked out, and the evidence.

On Letter and A4 the lines are a table of amounts; on a label or a receipt roll each line lists its
amounts under it, every amount beside its label.
"""

from __future__ import annotations

from receiving_app.documents.layout import Block, gap, side_by_side, stacked
from receiving_app.documents.model import DocumentContent, LineDetail
from receiving_app.documents.pages import render_document
from receiving_app.documents.rules_and_boxes import boxed
from receiving_app.documents.sections import (
    amount_rows,
    customer_and_return,
    evidence_section,
    is_narrow,
    line_card,
    outcome_words,
    people_section,
    reasons_section,
    refund_timing_section,
    signed_amounts,
)
from receiving_app.documents.tables import Column, table
from receiving_app.documents.text_blocks import heading, paragraph
from receiving_app.documents.typography import BOLD, TypeScale
from receiving_app.domain.media import Medium
from receiving_app.domain.money_text import column_heading, figure_text, total_text


def line_columns(currency: str) -> tuple[Column, ...]:
    """The line table's columns; each money column's heading names the currency of its bare figures."""
    return (
        Column("Line", 30),
        Column("Item", None),
        Column("Qty", 30, "right"),
        Column(column_heading("Unit\nprice", currency, below=True), 56, "right"),
        Column(column_heading("Merchandise", currency, below=True), 68, "right"),
        Column(column_heading("Restocking\nfee", currency, below=True), 62, "right"),
        Column(column_heading("Return\nlabel", currency, below=True), 56, "right"),
        Column(column_heading("Shipping\nrefund", currency, below=True), 56, "right"),
        Column(column_heading("Line\ntotal", currency, below=True), 58, "right"),
    )


TOTALS_WIDTH = 240.0
"""The sums under the line table: about the width of its last four amount columns."""


def render_credit_memo(content: DocumentContent, medium: Medium) -> bytes:
    content.require_amounts_add_up()

    def body(width: float, scale: TypeScale, photo_height: float) -> list[Block]:
        facts = [("Decision", outcome_words(content)), ("Refund to", content.refund_method or "Nothing to refund")]
        return [
            customer_and_return(content, width, scale, facts=facts),
            heading("Returned items", scale, width),
            *(_line_cards(content, width, scale) if is_narrow(width) else _line_table(content, width, scale)),
            *refund_timing_section(content, width, scale),
            *reasons_section(content, width, scale),
            *evidence_section(content.evidence, width, scale, photo_height=photo_height),
            *people_section(content, width, scale),
        ]

    return render_document(content, medium, body)


def _line_table(content: DocumentContent, width: float, scale: TypeScale) -> list[Block]:
    """The table of lines, then the refund box with the sums beside it, flush right under the amount columns.

    The sums stand beside their labels rather than as the table's last row: in a totals row a text
    export reads the amounts before the word "Totals" (see amount_rows).
    """
    rows = [_line_row(line) for line in content.lines]
    lines = table(line_columns(content.currency), rows, width, size=scale.table)
    totals = amount_rows(_totals(content), TOTALS_WIDTH, size=scale.table)
    refund = _refund_box(content, width - TOTALS_WIDTH - 18, scale)
    return [*lines, gap(10), side_by_side(refund, totals, width - TOTALS_WIDTH)]


def _line_row(line: LineDetail) -> list[str]:
    return [
        str(line.line_number),
        f"{line.sku}\n{line.described}",
        str(line.quantity),
        figure_text(line.unit_price),
        *signed_amounts(line.amounts, line.total),
    ]


def _line_cards(content: DocumentContent, width: float, scale: TypeScale) -> list[Block]:
    """Each line with its amounts, the sums when there are several lines, then the refund box."""
    cards = [line_card(line, _line_amounts(line), width, scale) for line in content.lines]
    if len(content.lines) > 1:
        cards.append(amount_rows(_totals(content), width, size=scale.table))
    return [*cards, gap(10), _refund_box(content, width, scale)]


def _totals(content: DocumentContent) -> list[tuple[str, str]]:
    merchandise, fee, label, shipping, total = signed_amounts(content.summed_amounts, content.total)
    totals = [("Merchandise", merchandise), ("Restocking fee", fee), ("Return label", label)]
    return [*totals, ("Shipping refund", shipping), (column_heading("Totals", content.currency), total)]


def _line_amounts(line: LineDetail) -> list[tuple[str, str]]:
    merchandise, fee, label, shipping, total = signed_amounts(line.amounts, line.total)
    return [
        (column_heading("Unit price", line.unit_price.currency), figure_text(line.unit_price)),
        ("Merchandise", merchandise),
        ("Restocking fee", fee),
        ("Return label", label),
        ("Shipping refund", shipping),
        ("Line total", total),
    ]


def _refund_box(content: DocumentContent, width: float, scale: TypeScale) -> Block:
    inner_width = width - 12
    total_row = amount_rows([("Refund total", total_text(content.total))], inner_width, size=scale.heading + 2)
    method = content.refund_method or "Nothing is refunded."
    method_line = paragraph(f"Refunded to: {method}", inner_width, font=BOLD, size=scale.body)
    return boxed(stacked([total_row, gap(2), method_line]), width)
