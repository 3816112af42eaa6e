"""The report's Aging section: how many things wait longer than they should as of the period's end, and
the oldest of each list; every return without an RMA left open past the station's days is listed.

A return without an RMA is named by its number, license plate and shelf, never by the sender typed from
its label. A hold's note is cleaned of customer details, as in the section of lines on hold.
"""

from __future__ import annotations

from receiving_app.documents.daily_report import ReportTable
from receiving_app.services.aging_model import AgingList, AgingView
from receiving_app.services.report_model import BenchReport
from receiving_app.services.report_sorting_tables import count_text

OLDEST_LISTED = 5
"""The oldest of each list the report prints; the returns without an RMA are printed all."""


def aging_tables(report: BenchReport) -> tuple[ReportTable, ...]:
    """The counts, then the oldest of each list; nothing for a report made without the aging view."""
    aging = report.aging
    if aging is None:
        return ()
    return (
        _counts_table(aging),
        _rmas_table(aging.not_arrived, "Authorized", "No RMA is late to arrive."),
        _rmas_table(aging.not_inspected, "Checked in", "No parcel waits too long for the bench."),
        _holds_table(aging.on_hold),
        _unidentified_table(aging.unidentified),
    )


def _counts_table(aging: AgingView) -> ReportTable:
    return ReportTable(
        "Aging",
        ("Waiting", "Late", "Late when", "What to do"),
        tuple(
            (listed.title, count_text(listed.count), aging.limits.words(listed.key), listed.action)
            for listed in aging.lists
        ),
        (False, True, False, False),
        flexible=3,
        note=f"As of {aging.as_of:%Y-%m-%d %H:%M}: the period's end, or when the report was made if that was "
        "earlier. RMAs and lines as they stood when the report was made; exactly at a limit is not late. The "
        "command 'receiving-app aging' lists them all.",
    )


def _printed_note(listed: AgingList) -> str:
    printed = min(len(listed.rows), OLDEST_LISTED)
    return f"The {printed} oldest of {listed.count}." if printed < listed.count else ""


def _rmas_table(listed: AgingList, since: str, empty: str) -> ReportTable:
    return ReportTable(
        f"Aging: {listed.title.lower()}",
        ("RMA", "Seller", since, "Age"),
        tuple((row.number, row.seller, row.since_words, row.age_words) for row in listed.rows[:OLDEST_LISTED]),
        (False, False, False, True),
        flexible=1,
        note=_printed_note(listed),
        empty_text=empty,
    )


def _holds_table(listed: AgingList) -> ReportTable:
    return ReportTable(
        "Aging: on hold",
        ("RMA", "Line", "Held since", "Age", "Note"),
        tuple(
            (row.number, count_text(row.line or 0), row.since_words, row.age_words, row.note)
            for row in listed.rows[:OLDEST_LISTED]
        ),
        (False, True, False, True, False),
        flexible=4,
        note=f"Held longest first; a hold whose start is not on record comes last. {_printed_note(listed)}".strip()
        if listed.rows
        else "",
        empty_text="No line is on hold.",
    )


def _unidentified_table(listed: AgingList) -> ReportTable:
    return ReportTable(
        "Aging: returns without an RMA",
        ("Return", "License plate", "Waits on", "Recorded", "Age"),
        tuple((row.number, row.lpn, row.place, row.since_words, row.age_words) for row in listed.rows),
        (False, False, False, False, True),
        flexible=2,
        note="Every return without an RMA still open past the limit, by its number, plate and shelf."
        + (
            f" Only the {len(listed.rows)} oldest of {listed.count} are printed."
            if len(listed.rows) < listed.count
            else ""
        ),
        empty_text="No return without an RMA waits too long.",
    )
