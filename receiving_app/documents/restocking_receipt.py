"""The restocking-fee receipt: which fee was kept from which line's refund, and why.

It prints on the bench's receipt roll (one slip exactly as long as its content), where each line lists
its amounts under it, or on Letter/A4 for a seller who mails it with the credit memo, in a table.
"""

from __future__ import annotations

from receiving_app.documents.layout import Block, gap
from receiving_app.documents.model import DocumentContent, LineDetail
from receiving_app.documents.pages import render_document
from receiving_app.documents.rules_and_boxes import rule
from receiving_app.documents.sections import (
    amount_rows,
    customer_and_return,
    is_narrow,
    line_card,
    people_section,
    reasons_section,
    signed_amounts,
)
from receiving_app.documents.tables import Column, table
from receiving_app.documents.text_blocks import heading, paragraph
from receiving_app.documents.typography import TypeScale
from receiving_app.domain.media import Medium
from receiving_app.domain.money_text import column_heading, deducted_text, figure_text, total_text


def page_columns(currency: str) -> tuple[Column, ...]:
    """The table of lines on Letter/A4; each money column's heading names the currency of its figures."""
    return (
        Column("Line", 30),
        Column("Item", None),
        Column("Qty", 30, "right"),
        Column(column_heading("Merchandise", currency, below=True), 72, "right"),
        Column(column_heading("Restocking fee", currency, below=True), 88, "right"),
        Column(column_heading("Refund after fee\nand deductions", currency, below=True), 100, "right"),
    )


def render_restocking_receipt(content: DocumentContent, medium: Medium) -> bytes:
    content.require_amounts_add_up()

    def body(width: float, scale: TypeScale, _photo_height: float) -> list[Block]:
        return _body(content, width, scale)

    return render_document(content, medium, body)


def _body(content: DocumentContent, width: float, scale: TypeScale) -> list[Block]:
    facts = [("Refund to", content.refund_method or "Nothing to refund")]
    if content.credit_memo_number:
        facts.append(("Deducted from", f"credit memo {content.credit_memo_number}"))
    totals = content.summed_amounts
    merchandise, fee, return_label, shipping_refund, _refund = signed_amounts(totals, content.total)
    summary = [("Merchandise", merchandise), ("Restocking fee kept", fee)]
    if not totals.return_shipping_deduction.is_zero:
        summary.append(("Return label deducted", return_label))
    if not totals.shipping_refund.is_zero:
        summary.append(("Shipping refunded", shipping_refund))
    summary.append(("Refund after the fee", total_text(content.total)))
    if is_narrow(width):
        lines = [line_card(line, _card_amounts(line), width, scale) for line in content.lines]
    else:
        rows = [_page_row(line) for line in content.lines]
        lines = table(page_columns(content.currency), rows, width, size=scale.table)
    return [
        customer_and_return(content, width, scale, facts=facts),
        heading("Restocking fee", scale, width),
        *lines,
        gap(6),
        amount_rows(summary, width, size=scale.body + 1),
        rule(width),
        paragraph(_kept_words(content), width, size=scale.body),
        *reasons_section(content, width, scale),
        *people_section(content, width, scale),
    ]


def _kept_words(content: DocumentContent) -> str:
    if content.credit_memo_number:
        return (
            f"The restocking fee was deducted from credit memo {content.credit_memo_number}, the refund of this "
            "return; nothing more is owed."
        )
    return "The restocking fee was kept from your refund; nothing more is owed."


def _page_row(line: LineDetail) -> list[str]:
    return [
        str(line.line_number),
        f"{line.sku}\n{line.described}",
        str(line.quantity),
        figure_text(line.amounts.merchandise),
        deducted_text(line.amounts.restocking_fee),
        figure_text(line.total),
    ]


def _card_amounts(line: LineDetail) -> list[tuple[str, str]]:
    return [
        (column_heading("Merchandise", line.total.currency), figure_text(line.amounts.merchandise)),
        ("Restocking fee", deducted_text(line.amounts.restocking_fee)),
        ("Refund after fee and deductions", figure_text(line.total)),
    ]
