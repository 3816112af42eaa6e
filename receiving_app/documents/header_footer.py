"""What every page of a document carries above and below its body: the header and the footer."""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.pdfgen.canvas import Canvas

from receiving_app.documents.barcodes import QUIET_ZONE_MODULES, Code128Barcode
from receiving_app.documents.layout import Block, gap, stacked
from receiving_app.documents.model import DocumentContent
from receiving_app.documents.printed_values import date_time_text
from receiving_app.documents.rules_and_boxes import RULE_GRAY, draw_line, rule
from receiving_app.documents.text_blocks import draw_text, key_values, paragraph, text_lines
from receiving_app.documents.typography import BOLD, LEADING, REGULAR, TypeScale, text_width, wrapped
from receiving_app.documents.void_copy_marks import mark_banner


def document_barcode(content: DocumentContent, scale: TypeScale, printer_dpi: int) -> Code128Barcode:
    return Code128Barcode.create(
        content.document_number, bar_height=scale.barcode_height, text_size=scale.body, printer_dpi=printer_dpi
    )


def header_block(content: DocumentContent, width: float, scale: TypeScale, printer_dpi: int) -> Block:
    """Seller, title, number with its barcode, date and RMA: wide pages in two columns, a roll stacked."""
    barcode = document_barcode(content, scale, printer_dpi)
    facts = [
        ("Number", content.document_number),
        ("Issued", date_time_text(content.issued_at)),
        (content.authorization_label, content.rma_number),
        ("Order", content.order_number),
    ]
    if content.customer_account:
        facts.append(("Account", content.customer_account))
    seller = content.seller
    # Letter and A4 have room for two columns. On an 80 mm roll the title and barcode alone take
    # most of the width, and the seller's name would be squeezed under them: stack it instead.
    right_width = max(barcode.width, text_width(content.title, BOLD, scale.title))
    left_width = width - right_width - 18
    if left_width >= 0.45 * width:
        left_column = stacked(
            [
                paragraph(seller.name, left_width, font=BOLD, size=scale.seller),
                text_lines(seller.address_lines, size=scale.table),
                gap(8),
                key_values(facts, left_width, size=scale.body),
            ]
        )
        title = text_lines([content.title], font=BOLD, size=scale.title, align="right", width=right_width)
        quiet_zone = QUIET_ZONE_MODULES * barcode.grid.module_pt

        def draw_right(canvas: Canvas, left: float, top: float) -> None:
            title.draw(canvas, left, top)
            # The bars end flush with the title; the right quiet zone reaches into the page margin.
            barcode_left = left + right_width - barcode.width + quiet_zone
            barcode.draw(canvas, barcode_left, top - title.height - 6 - barcode.height)

        right_column = Block(title.height + 6 + barcode.height, draw_right)

        def draw_columns(canvas: Canvas, left: float, top: float) -> None:
            left_column.draw(canvas, left, top)
            right_column.draw(canvas, left + width - right_width, top)

        top_part = Block(max(left_column.height, right_column.height), draw_columns)
    else:

        def draw_barcode(canvas: Canvas, left: float, top: float) -> None:
            barcode.draw(canvas, left + (width - barcode.width) / 2, top - barcode.height)

        top_part = stacked(
            [
                paragraph(seller.name, width, font=BOLD, size=scale.seller, align="center"),
                *(paragraph(line, width, size=scale.small, align="center") for line in seller.address_lines),
                gap(4),
                paragraph(content.title, width, font=BOLD, size=scale.title, align="center"),
                gap(4),
                Block(barcode.height + 4, draw_barcode),
                # The number is printed under its bars already.
                key_values(facts[1:], width, size=scale.body),
            ]
        )
    banner = mark_banner(content, width, scale.heading)
    return stacked([top_part, *banner, rule(width, line_width=1.5, gray=0, space=6)], role="Sect")


@dataclass(frozen=True, slots=True)
class Footer:
    """Document, station, policy and page count: one line on a page; on a narrow roll centered lines,
    each wrapped to the width."""

    document: str
    policy: str
    width: float
    size: float
    one_line: bool
    document_lines: tuple[str, ...]
    page_lines: int
    """Lines the policy and page count take, measured with a two-digit count so every page agrees."""

    @classmethod
    def of(cls, content: DocumentContent, width: float, size: float) -> Footer:
        document = f"{content.title} {content.document_number} - station {content.station_id}"
        policy = f"Policy {content.policy_id} version {content.policy_version}"
        widest_pages = f"{policy} - page 99 of 99"
        one_line = text_width(f"{document}{widest_pages}", REGULAR, size) + 2 * size <= width
        document_lines = tuple(wrapped(document, width, size=size))
        page_lines = len(wrapped(widest_pages, width, size=size))
        return cls(document, policy, width, size, one_line, document_lines, page_lines)

    @property
    def height(self) -> float:
        rule_room = self.size * 1.6
        if self.one_line:
            return rule_room
        return rule_room + self.size * LEADING * (len(self.document_lines) + self.page_lines - 1)

    def draw(self, canvas: Canvas, left: float, bottom: float, page: int, pages: int) -> None:
        size, width = self.size, self.width
        pages_text = f"{self.policy} - page {page} of {pages}"
        if self.one_line:
            runs = [
                (REGULAR, 0.0, 0.0, self.document),
                (REGULAR, width - text_width(pages_text, REGULAR, size), 0.0, pages_text),
            ]
        else:
            lines = [*self.document_lines, *wrapped(pages_text, width, size=size)]
            runs = [
                (
                    REGULAR,
                    (width - text_width(line, REGULAR, size)) / 2,
                    size * LEADING * (len(lines) - 1 - index),
                    line,
                )
                for index, line in enumerate(lines)
            ]
        rule_y = bottom + self.height
        draw_line(canvas, left, rule_y, left + width, rule_y, line_width=0.5, gray=RULE_GRAY)
        draw_text(canvas, size, left, bottom + size * 0.3, runs)
