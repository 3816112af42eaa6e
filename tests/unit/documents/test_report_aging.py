"""The daily report's Aging section on paper and in the CSV: the four counts with when each is late and
what to do, the five oldest of each list and every late return without an RMA, never its sender."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta

from receiving_app.documents.daily_report import _columns
from receiving_app.documents.typography import BOLD, PAGE_TYPE, text_width
from receiving_app.domain.money import Money
from receiving_app.services.aging_model import ACTIONS, AgingLimits, AgingList, AgingRow, AgingView
from receiving_app.services.report_aging_tables import OLDEST_LISTED, aging_tables
from receiving_app.services.report_export import report_csv, report_pdf
from receiving_app.services.report_model import BenchReport, FeesCollected, FillLevels
from tests.support.csv_reading import csv_sections
from tests.support.pdf import reading_text

DAY = date(2026, 3, 16)
END = datetime.combine(DAY + timedelta(days=1), time(), tzinfo=UTC)
LETTER_BODY = 540.0


def _rma(key: str, index: int, since, age: timedelta, **details) -> AgingRow:
    return AgingRow(
        f"RA{index:07d}",
        "Image-Pro Services & Supplies, Inc.",
        "image-pro-services",
        since,
        age,
        ACTIONS[key],
        **details,
    )


NOT_ARRIVED = AgingList(
    "not_arrived",
    7,
    tuple(_rma("not_arrived", 100 + day, DAY - timedelta(days=40 - day), timedelta(days=40 - day)) for day in range(7)),
)
NOT_INSPECTED = AgingList(
    "not_inspected", 1, (_rma("not_inspected", 200, END - timedelta(hours=50), timedelta(hours=50)),)
)
ON_HOLD = AgingList(
    "on_hold",
    1,
    (
        _rma(
            "on_hold", 300, END - timedelta(days=4), timedelta(days=4), line=2, sku="TN-660", note="Waiting for photos"
        ),
    ),
)
UNIDENTIFIED = AgingList(
    "unidentified",
    6,
    tuple(
        AgingRow(
            f"UR-00000{n}",
            "",
            None,
            END - timedelta(days=8 + n),
            timedelta(days=8 + n),
            ACTIONS["unidentified"],
            lpn=f"LP0000000{n}",
            place=f"Quarantine shelf Q-{n}",
        )
        for n in range(1, 7)
    ),
)
AGING = AgingView(END, AgingLimits(), NOT_ARRIVED, NOT_INSPECTED, ON_HOLD, UNIDENTIFIED)
REPORT = BenchReport(
    kind="daily",
    day=DAY,
    start=END - timedelta(days=1),
    end=END,
    station=None,
    generated_at=END + timedelta(hours=9),
    personal_data=False,
    outcomes=(),
    refunds_by_method=(),
    fees=FeesCollected(0, Money.zero()),
    denials_by_reason=(),
    denied_fill=FillLevels(0, 0, None, None, None, (0,) * 10),
    operators=(),
    stations=(),
    overrides=(),
    holds=(),
    aging=AGING,
)


def test_the_counts_say_how_many_when_late_and_what_to_do() -> None:
    counts = aging_tables(REPORT)[0]

    assert counts.title == "Aging"
    assert counts.rows == (
        ("Authorized, not arrived", "7", "over 30 days after authorization", ACTIONS["not_arrived"]),
        ("Arrived, not inspected", "1", "over 48 hours after check-in", ACTIONS["not_inspected"]),
        ("On hold", "1", "every line on hold", ACTIONS["on_hold"]),
        ("Returns without an RMA", "6", "open over 7 days", ACTIONS["unidentified"]),
    )


def test_the_oldest_five_of_each_list_and_every_late_return_without_an_rma_are_printed() -> None:
    tables = {table.title: table for table in aging_tables(REPORT)[1:]}

    not_arrived = tables["Aging: authorized, not arrived"]
    assert [row[0] for row in not_arrived.rows] == [f"RA{100 + day:07d}" for day in range(OLDEST_LISTED)]
    assert not_arrived.rows[0] == ("RA0000100", "Image-Pro Services & Supplies, Inc.", "2026-02-04", "40 days")
    assert not_arrived.note == "The 5 oldest of 7."
    assert tables["Aging: arrived, not inspected"].rows == (
        ("RA0000200", "Image-Pro Services & Supplies, Inc.", "2026-03-14 22:00", "50 hours"),
    )
    assert tables["Aging: on hold"].rows == (("RA0000300", "2", "2026-03-13 00:00", "4 days", "Waiting for photos"),)
    unidentified = tables["Aging: returns without an RMA"]
    assert [row[0] for row in unidentified.rows] == [f"UR-00000{n}" for n in range(1, 7)]
    assert unidentified.rows[0] == ("UR-000001", "LP00000001", "Quarantine shelf Q-1", "2026-03-08 00:00", "9 days")


def test_a_report_made_without_the_aging_view_has_no_aging_section() -> None:
    assert aging_tables(replace(REPORT, aging=None)) == ()


def test_every_aging_heading_fits_its_column() -> None:
    for table in aging_tables(REPORT):
        for column in _columns(table, LETTER_BODY):
            if column.width is None:
                continue
            for line in column.heading.split("\n"):
                assert text_width(line, BOLD, PAGE_TYPE.table) <= column.width, (table.title, column.heading)


def test_the_pdf_and_the_csv_carry_the_section() -> None:
    text = reading_text(report_pdf(REPORT))
    assert "Aging: authorized, not arrived" in text and "Aging: returns without an RMA" in text
    assert "UR-000006 LP00000006 Quarantine shelf Q-6" in text
    assert "Ask the customer whether the parcel was sent" in text

    sections = csv_sections(report_csv(REPORT))
    assert sections["Aging"][0] == ["Waiting", "Late", "Late when", "What to do"]
    assert ["On hold", "1", "every line on hold", ACTIONS["on_hold"]] in sections["Aging"]
