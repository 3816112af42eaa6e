"""Sections several documents share: who and what, the amounts, why, the inspection evidence, who signed off."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.pdfgen.canvas import Canvas

from receiving_app.documents.layout import Block, gap, side_by_side, stacked
from receiving_app.documents.model import DocumentContent, Evidence, LineDetail, Party
from receiving_app.documents.photos import PHOTO_HEIGHTS, photo_strip
from receiving_app.documents.printed_values import decimal_text, yes_no
from receiving_app.documents.text_blocks import (
    TextRun,
    bullet_item,
    draw_text,
    heading,
    key_values,
    paragraph,
    party_block,
    policy_paragraph,
    text_lines,
)
from receiving_app.documents.typography import BOLD, LEADING, REGULAR, TypeScale, text_width, wrapped
from receiving_app.domain.decision import SUPERVISOR_OVERRIDE, Amounts, Outcome
from receiving_app.domain.fill_text import fill_text
from receiving_app.domain.money import Money
from receiving_app.domain.money_text import added_text, deducted_text, figure_text

OUTCOME_WORDS = {
    Outcome.REFUND: "Refund",
    Outcome.REPLACEMENT: "Replacement",
    Outcome.DENIED: "Denied",
}


def party_lines(party: Party) -> list[str]:
    return [party.name, *party.address_lines]


TWO_COLUMNS_MIN_WIDTH = 360.0
"""Narrower than this (a label or a receipt roll), an address and the return's facts go one under the
other, and a line's amounts are listed under it rather than set in a table's columns."""
COLUMN_GAP = 24.0


def is_narrow(width: float) -> bool:
    return width < TWO_COLUMNS_MIN_WIDTH


def line_card(line: LineDetail, amounts: Sequence[tuple[str, str]], width: float, scale: TypeScale) -> Block:
    """One returned line on narrow paper: the item, then each of its amounts beside its label."""
    blocks = [
        paragraph(f"{line.line_number}. {line.quantity} x {line.sku}", width, font=BOLD, size=scale.body),
        paragraph(line.described, width, size=scale.table),
    ]
    if amounts:
        blocks.append(amount_rows(amounts, width, size=scale.table))
    return stacked([*blocks, gap(4)])


def customer_and_return(
    content: DocumentContent, width: float, scale: TypeScale, *, facts: Sequence[tuple[str, str]]
) -> Block:
    """The customer's address beside the return's key facts; stacked when the paper is narrow."""
    if width < TWO_COLUMNS_MIN_WIDTH:
        return stacked(
            [
                party_block("Customer", party_lines(content.customer), width, scale),
                gap(6),
                key_values(facts, width, size=scale.body),
            ]
        )
    column = (width - COLUMN_GAP) / 2
    customer = party_block("Customer", party_lines(content.customer), column, scale)
    return_facts = stacked(
        [text_lines(["Return"], font=BOLD, size=scale.small), key_values(facts, column, size=scale.body)]
    )
    return stacked([gap(4), side_by_side(customer, return_facts, column + COLUMN_GAP)])


def outcome_words(content: DocumentContent) -> str:
    return OUTCOME_WORDS[content.outcome] if content.outcome else ""


def signed_amounts(amounts: Amounts, total: Money) -> tuple[str, str, str, str, str]:
    """Merchandise, restocking fee, return label, shipping refund and total, signed so that they add up as printed."""
    return (
        figure_text(amounts.merchandise),
        deducted_text(amounts.restocking_fee),
        deducted_text(amounts.return_shipping_deduction),
        added_text(amounts.shipping_refund),
        figure_text(total),
    )


def amount_rows(rows: Sequence[tuple[str, str]], width: float, *, size: float) -> Block:
    """Labels on the left, amounts right-aligned at ``width``, the last row (a total) in bold.

    Dot leaders run from each label to its amount: the eye follows them across the gap, and so does a
    text export (pdftotext, an accounting OCR), which reads a label and an amount a wide gap apart as
    two columns, every label first and every amount after them. A label too long for the room the
    amount leaves wraps, and its amount stands on the label's last line.
    """
    leading = size * LEADING
    runs: list[TextRun] = []
    row_top = 0.0
    for index, (label, value) in enumerate(rows):
        font = BOLD if index == len(rows) - 1 else REGULAR
        value_width = text_width(value, font, size)
        label_lines = wrapped(label, width - value_width - size, font=font, size=size)
        for line in label_lines:
            runs.append((font, 0.0, row_top - size, line))
            row_top -= leading
        baseline = row_top + leading - size
        leader_start, leaders = _leaders(text_width(label_lines[-1], font, size), width - value_width, size)
        if leaders:
            runs.append((REGULAR, leader_start, baseline, leaders))
        runs.append((font, width - value_width, baseline, value))

    def draw(canvas: Canvas, left: float, top: float) -> None:
        draw_text(canvas, size, left, top, runs)

    return Block(-row_top, draw)


def _leaders(label_end: float, value_start: float, size: float) -> tuple[float, str]:
    """Where the dots start and the dots, a space clear of the label and a space short of the amount.

    Close-set dots end against the amount: with one space before every amount, a text export never
    finds a gap wide enough to read the amount as a column of its own, and a row's dots stray at most
    a dot's width (a quarter of a character) from the row above.
    """
    dot = text_width(".", REGULAR, size)
    space = text_width(" ", REGULAR, size)
    count = int((value_start - label_end - 2 * space) // dot)
    return (value_start - space - count * dot, "." * count) if count >= 3 else (0.0, "")


def reasons_section(content: DocumentContent, width: float, scale: TypeScale, title: str = "Why") -> list[Block]:
    if not content.reasons:
        return []
    return [
        heading(title, scale, width),
        *(bullet_item(reason.text, width, size=scale.body) for reason in content.reasons),
    ]


def refund_timing_section(content: DocumentContent, width: float, scale: TypeScale) -> list[Block]:
    if not content.refund_timing:
        return []
    return [
        heading("When your refund will show", scale, width),
        policy_paragraph(content.refund_timing, width, size=scale.body),
    ]


def evidence_section(
    evidence: Evidence | None, width: float, scale: TypeScale, *, photo_height: float = PHOTO_HEIGHTS[0]
) -> list[Block]:
    """What the receiver measured and saw; photo thumbnails ``photo_height`` high under it when there are any."""
    if evidence is None:
        return []
    facts: list[tuple[str, str]] = []
    if evidence.weight is not None:
        how = "entered by hand" if evidence.weight.typed_by_hand else "read from the scale"
        facts.append(("Weight", f"{decimal_text(evidence.weight.grams)} g, {how}"))
    if evidence.fill_fraction is not None:
        facts.append(("Fill level", f"{fill_text(evidence.fill_fraction)} of a full cartridge"))
    if evidence.condition:
        facts.append(("Condition", "; ".join(f"{label}: {yes_no(value)}" for label, value in evidence.condition)))
    if evidence.flags:
        facts.append(("Checks", "; ".join(f"{label}: {yes_no(value)}" for label, value in evidence.flags)))
    for contradiction in evidence.contradictions:
        facts.append(("Weight check", contradiction))
    blocks = [heading("Inspection", scale, width), key_values(facts, width, size=scale.body)]
    if evidence.photos:
        blocks.append(gap(6))
        blocks.extend(photo_strip(evidence.photos, width, box_height=photo_height))
    return blocks


def people_section(content: DocumentContent, width: float, scale: TypeScale) -> list[Block]:
    """Who received the return and, when a supervisor changed the decision, who and why: both names."""
    people = [("Received by", f"{content.received_by}, station {content.station_id}")]
    if content.finding:
        people.append(("Found at the bench", content.finding))
    if content.approved_by:
        people.append(("Approved by", f"{content.approved_by}: {content.approval_note or ''}"))
    if content.overridden_by:
        people.append(("Overridden by", content.overridden_by))
        # The decision's own reasons, printed above, already quote the supervisor's reason.
        if not any(reason.code == SUPERVISOR_OVERRIDE for reason in content.reasons):
            people.append(("Override reason", content.override_reason or ""))
    return [gap(scale.heading * 0.8), key_values(people, width, size=scale.body)]
