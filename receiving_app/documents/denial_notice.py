"""The denial notice: what was decided, every rule that denied it in the policy's own words, and
what the customer can do next."""

from __future__ import annotations

from receiving_app.documents.layout import Block, gap, stacked
from receiving_app.documents.model import DocumentContent, LineDetail
from receiving_app.documents.pages import render_document
from receiving_app.documents.rules_and_boxes import boxed
from receiving_app.documents.sections import (
    customer_and_return,
    evidence_section,
    is_narrow,
    line_card,
    outcome_words,
    people_section,
    reasons_section,
)
from receiving_app.documents.tables import Column, table
from receiving_app.documents.text_blocks import bullet_item, heading, paragraph
from receiving_app.documents.typography import BOLD, TypeScale
from receiving_app.domain.media import Medium
from receiving_app.domain.money_text import column_heading, figure_text


def item_columns(currency: str) -> tuple[Column, ...]:
    """The items denied; the unit price's heading names its currency."""
    return (
        Column("Line", 30),
        Column("SKU", 90),
        Column("Item", None),
        Column("Qty", 36, "right"),
        Column(column_heading("Unit price", currency, below=True), 70, "right"),
    )


def render_denial_notice(content: DocumentContent, medium: Medium) -> bytes:
    def body(width: float, scale: TypeScale, photo_height: float) -> list[Block]:
        facts = [("Decision", outcome_words(content)), ("Refund", "None"), ("Replacement", "None")]
        if is_narrow(width):
            items = [
                line_card(
                    line,
                    [(column_heading("Unit price", line.unit_price.currency), figure_text(line.unit_price))],
                    width,
                    scale,
                )
                for line in content.lines
            ]
        else:
            rows = [_item_row(line) for line in content.lines]
            items = table(item_columns(content.currency), rows, width, size=scale.table)
        return [
            customer_and_return(content, width, scale, facts=facts),
            gap(10),
            _decision_box(content, width, scale),
            heading("Items", scale, width),
            *items,
            *reasons_section(content, width, scale, title="Why the return was denied"),
            *_policy_rules(content, width, scale),
            heading("What you can do next", scale, width),
            *(bullet_item(step, width, size=scale.body) for step in _next_steps(content)),
            *evidence_section(content.evidence, width, scale, photo_height=photo_height),
            *people_section(content, width, scale),
        ]

    return render_document(content, medium, body)


def _decision_box(content: DocumentContent, width: float, scale: TypeScale) -> Block:
    inner = width - 12
    item_count = len(content.lines)
    items = "item" if item_count == 1 else f"{item_count} items"
    return boxed(
        stacked(
            [
                paragraph(
                    f"Your return of the {items} below was not accepted.", inner, font=BOLD, size=scale.heading + 1
                ),
                gap(2),
                paragraph(
                    f"No refund and no replacement will be issued under {content.authorization_label} "
                    f"{content.rma_number}.",
                    inner,
                    size=scale.body,
                ),
            ]
        ),
        width,
    )


def _policy_rules(content: DocumentContent, width: float, scale: TypeScale) -> list[Block]:
    """The policy's rule texts, except those a reason above already quotes word for word."""
    quoted = " ".join(reason.text for reason in content.reasons)
    rules = [rule_text for rule_text in content.rule_texts if rule_text not in quoted]
    if not rules:
        return []
    return [
        heading(f"What the {content.seller.name} return policy says", scale, width),
        *(bullet_item(rule_text, width, size=scale.body) for rule_text in rules),
    ]


def _next_steps(content: DocumentContent) -> list[str]:
    reference = f"{content.authorization_label} {content.rma_number} and notice {content.document_number}"
    return [
        f"If you think this decision is wrong, contact {content.seller.name} and quote {reference}.",
        "You can ask for the item to be sent back to you. Return shipping is at your cost.",
        "Keep this notice: it is the record of what we received and how it was inspected.",
    ]


def _item_row(line: LineDetail) -> list[str]:
    return [str(line.line_number), line.sku, line.described, str(line.quantity), figure_text(line.unit_price)]
