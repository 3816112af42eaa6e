"""The credit memo: what is refunded for which lines, how it was worked out, and the evidence."""

from __future__ import annotations

from receiving_app.documents.barcodes import DEFAULT_PRINTER_DPI
from receiving_app.documents.layout import Block, gap, stacked
from receiving_app.documents.model import DocumentContent, LineDetail
from receiving_app.documents.pages import PAGE_SIZES_PT, render_pages_with_photos
from receiving_app.documents.rules_and_boxes import boxed
from receiving_app.documents.sections import (
    amount_rows,
    customer_and_return,
    evidence_section,
    outcome_words,
    people_section,
    reasons_section,
    refund_timing_section,
    signed_amounts,
)
from receiving_app.documents.tables import Column, table
from receiving_app.documents.text_blocks import heading, text_lines
from receiving_app.documents.typography import BOLD, PAGE_TYPE
from receiving_app.domain.money_text import figure_text, money_text

LINE_COLUMNS = (
    Column("Line", 30),
    Column("Item", None),
    Column("Qty", 30, "right"),
    Column("Unit\nprice", 56, "right"),
    Column("Merchandise", 68, "right"),
    Column("Restocking\nfee", 62, "right"),
    Column("Return\nlabel", 56, "right"),
    Column("Shipping\nrefund", 56, "right"),
    Column("Line\ntotal", 58, "right"),
)


def render_credit_memo(content: DocumentContent, *, printer_dpi: int = DEFAULT_PRINTER_DPI) -> bytes:
    content.require_amounts_add_up()
    scale = PAGE_TYPE
    width = PAGE_SIZES_PT[content.page_size][0] - 2 * scale.margin
    facts = [("Decision", outcome_words(content)), ("Refund to", content.refund_method or "Nothing to refund")]
    above_evidence: list[Block] = [
        customer_and_return(content, width, scale, facts=facts),
        heading("Returned items", scale),
        *table(
            LINE_COLUMNS,
            [_line_row(line) for line in content.lines],
            width,
            size=scale.table,
            totals=[
                "",
                f"Totals ({content.total.currency})",
                "",
                "",
                *signed_amounts(content.summed_amounts, content.total),
            ],
        ),
        gap(10),
        _refund_box(content, width),
        *refund_timing_section(content, width, scale),
        *reasons_section(content, width, scale),
    ]
    people = people_section(content, width, scale)

    def body(photo_height: float) -> list[Block]:
        evidence = evidence_section(content.evidence, width, scale, photo_height=photo_height)
        return [*above_evidence, *evidence, *people]

    return render_pages_with_photos(content, body, scale, printer_dpi)


def _line_row(line: LineDetail) -> list[str]:
    return [
        str(line.line_number),
        f"{line.sku}\n{line.described}",
        str(line.quantity),
        figure_text(line.unit_price),
        *signed_amounts(line.amounts, line.total),
    ]


def _refund_box(content: DocumentContent, width: float) -> Block:
    scale = PAGE_TYPE
    inner_width = width - 12
    total_row = amount_rows([("Refund total", money_text(content.total))], inner_width, size=scale.heading + 2)
    method = content.refund_method or "Nothing is refunded."
    method_line = text_lines([f"Refunded to: {method}"], font=BOLD, size=scale.body)
    return boxed(stacked([total_row, gap(2), method_line]), width)
