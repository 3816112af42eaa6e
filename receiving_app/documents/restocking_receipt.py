"""The restocking-fee receipt: which fee was kept from which line's refund, and why.

It prints on the bench's 80 mm receipt roll (one slip exactly as long as its content) or on
Letter/A4 for a seller who mails it with the credit memo.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Literal

from receiving_app.documents.barcodes import DEFAULT_PRINTER_DPI
from receiving_app.documents.layout import Block, gap
from receiving_app.documents.model import DocumentContent, LineDetail
from receiving_app.documents.pages import PAGE_SIZES_PT, ROLL_WIDTH_PT, render_pages, render_roll
from receiving_app.documents.rules_and_boxes import rule
from receiving_app.documents.sections import (
    amount_rows,
    customer_and_return,
    people_section,
    reasons_section,
    signed_amounts,
)
from receiving_app.documents.tables import Column, table
from receiving_app.documents.text_blocks import heading, paragraph
from receiving_app.documents.typography import PAGE_TYPE, ROLL_TYPE, TypeScale
from receiving_app.domain.money_text import deducted_text, figure_text, money_text

ReceiptLayout = Literal["roll", "page"]

PAGE_COLUMNS = (
    Column("Line", 30),
    Column("Item", None),
    Column("Qty", 30, "right"),
    Column("Merchandise", 72, "right"),
    Column("Restocking fee", 88, "right"),
    Column("Refund after fee\nand deductions", 100, "right"),
)
ROLL_COLUMNS = (
    Column("Item", None),
    Column("Merch.", 50, "right"),
    Column("Fee", 46, "right"),
)


def render_restocking_receipt(
    content: DocumentContent, *, layout: ReceiptLayout = "roll", printer_dpi: int = DEFAULT_PRINTER_DPI
) -> bytes:
    content.require_amounts_add_up()
    if layout == "roll":
        scale = ROLL_TYPE
        width = ROLL_WIDTH_PT - 2 * scale.margin
        return render_roll(content, _body(content, width, scale, ROLL_COLUMNS, _roll_row), scale, printer_dpi)
    if layout == "page":
        scale = PAGE_TYPE
        width = PAGE_SIZES_PT[content.page_size][0] - 2 * scale.margin
        return render_pages(content, _body(content, width, scale, PAGE_COLUMNS, _page_row), scale, printer_dpi)
    raise ValueError(f"layout must be 'roll' or 'page', got {layout!r}")


def _body(
    content: DocumentContent,
    width: float,
    scale: TypeScale,
    columns: Sequence[Column],
    row_for: Callable[[LineDetail], list[str]],
) -> list[Block]:
    facts = [("Refund to", content.refund_method or "Nothing to refund")]
    totals = content.summed_amounts
    merchandise, fee, return_label, shipping_refund, _refund = signed_amounts(totals, content.total)
    summary = [("Merchandise", merchandise), ("Restocking fee kept", fee)]
    if not totals.return_shipping_deduction.is_zero:
        summary.append(("Return label deducted", return_label))
    if not totals.shipping_refund.is_zero:
        summary.append(("Shipping refunded", shipping_refund))
    summary.append(("Refund after the fee", money_text(content.total)))
    return [
        customer_and_return(content, width, scale, facts=facts),
        heading("Restocking fee", scale),
        *table(columns, [row_for(line) for line in content.lines], width, size=scale.table),
        gap(6),
        amount_rows(summary, width, size=scale.body + 1),
        rule(width),
        paragraph("The restocking fee was kept from your refund; nothing more is owed.", width, size=scale.body),
        *reasons_section(content, width, scale),
        *people_section(content, width, scale),
    ]


def _page_row(line: LineDetail) -> list[str]:
    return [
        str(line.line_number),
        f"{line.sku}\n{line.described}",
        str(line.quantity),
        figure_text(line.amounts.merchandise),
        deducted_text(line.amounts.restocking_fee),
        figure_text(line.total),
    ]


def _roll_row(line: LineDetail) -> list[str]:
    return [
        f"{line.line_number}. {line.quantity} x {line.sku}\n{line.described}",
        figure_text(line.amounts.merchandise),
        deducted_text(line.amounts.restocking_fee),
    ]
