"""A report table's columns on paper: no heading runs into its neighbor, however many columns there are."""

from __future__ import annotations

import pytest

from receiving_app.documents.daily_report import PAGE_TYPE, ReportTable, _columns
from receiving_app.documents.typography import BOLD, text_width

LETTER_BODY = 540.0
VOIDS = ReportTable(
    "Voids",
    ("RMA", "Line", "Unit", "Outcome", "Refunded", "Decided", "Documents voided", "Voided by", "Voided", "Why"),
    (
        (
            "RA0000903",
            "1",
            "1",
            "Refund",
            "46.74",
            "2026-03-16 11:00",
            "CM-000014 RF-000008",
            "supervisor",
            "2026-03-16 11:30",
            "Scanned the wrong RMA",
        ),
    ),
    (False, True, True, False, True, False, False, False, False, False),
    flexible=9,
)
ROUTES = ReportTable(
    "Units by route",
    ("Route", "Units", "Value recovered (USD)"),
    (("Virgin empty", "2", "6.00"), ("Back to stock, new", "7", "—")),
    (False, True, True),
)


@pytest.mark.parametrize("table", [VOIDS, ROUTES], ids=lambda table: table.title)
def test_every_heading_line_fits_its_column(table: ReportTable) -> None:
    for column in _columns(table, LETTER_BODY):
        if column.width is None:
            continue  # the column that takes what the others leave
        for line in column.heading.split("\n"):
            assert text_width(line, BOLD, PAGE_TYPE.table) <= column.width, (table.title, column.heading)


def test_a_heading_wider_than_its_narrow_cells_takes_two_lines() -> None:
    headings = [column.heading for column in _columns(ROUTES, LETTER_BODY)]
    assert headings[2] == "Value recovered\n(USD)"
