"""Voids and findings in the report, through the real services on SQLite and on PostgreSQL: a
voided decision leaves every total and breakdown and is listed under Voids (in the report, its
PDF and its CSV); a reason found otherwise at the bench, and a weight a supervisor let stand, are
listed under their own headings and counted at the top."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest

from receiving_app.domain.money import Money
from receiving_app.services.reports import report_csv, report_pdf
from tests.support import report_sums as expected
from tests.support.bench_day import (
    CUSTOMER,
    DAY,
    DAY_ENDS,
    DAY_STARTS,
    FOUND_NOTE,
    BenchDay,
    add_findings,
    local,
)
from tests.support.csv_reading import csv_sections
from tests.support.pdf import reading_text
from tests.support.report_figures import expected_figures, figures

REFUND_TOTAL = re.compile(r"Refund total\s*\$?\s*([\d,]+\.\d\d)")
OUTCOME_DOCUMENT = {"credit_memo": "refund", "replacement_slip": "replacement", "denial_notice": "denied"}
VOID_REASON = "Refunded twice; Dana Whitfield phoned about it"


def documents_read_one_by_one(station, day: BenchDay, start=DAY_STARTS, end=DAY_ENDS) -> dict:
    """What the period's documents that are not voided say, each fetched and read as issued:
    lines per outcome (one memo, slip or notice per decided unit) and the refund total printed on
    every credit memo, added up."""
    lines = dict.fromkeys(("refund", "replacement", "denied"), 0)
    refunded = Money.zero()
    for decision in day.every_decision(station):
        if not start <= decision.decided_at < end:
            continue
        for document in decision.documents:
            if document.voided or document.type not in OUTCOME_DOCUMENT:
                continue
            lines[OUTCOME_DOCUMENT[document.type]] += 1
            if document.type == "credit_memo":
                text = reading_text(station.history.document(document.number, reprint=False).pdf)
                refunded += Money.of(REFUND_TOTAL.search(text).group(1).replace(",", ""))
    return {"lines": lines, "refunded": refunded}


def report_says(report) -> dict:
    return {"lines": {count.outcome: count.lines for count in report.outcomes}, "refunded": report.refunded}


def document_of(station, number: str, kind: str) -> str:
    (decision,) = [decision for decision in station.history.show_rma(number).decisions if not decision.voided]
    return next(document.number for document in decision.documents if document.type == kind)


def void(station, number: str, kind: str, at, reason: str = VOID_REASON) -> tuple[str, ...]:
    station.units.clock.at(at)
    return station.history.void_document(
        document_of(station, number, kind), user="supervisor", station="bench-1", reason=reason
    )


def test_totals_before_and_after_voids_are_the_documents_not_voided(station, reports, bench_day) -> None:
    before = reports.daily(DAY)
    assert report_says(before) == documents_read_one_by_one(station, bench_day)
    assert figures(before) == expected_figures(bench_day.decisions(station))

    memo = void(station, "RA0000802", "credit_memo", local(17, 0))  # a refund
    notice = void(station, "RA0000806", "denial_notice", local(17, 5))  # a weighed denial, below the fill threshold
    override = void(station, "RA0000810", "denial_notice", local(17, 10))  # the supervisor's override
    after = reports.daily(DAY)

    standing = bench_day.decisions(station)
    assert len(standing) == 11 and after.lines_received == 11
    assert report_says(after) == documents_read_one_by_one(station, bench_day)
    assert figures(after) == expected_figures(
        standing
    )  # outcomes, methods, fees, reasons, operators, stations, overrides
    assert after.refunded == before.refunded - next(
        d.refund_total for d in bench_day.every_decision(station) if d.voided and d.outcome == "refund"
    )
    levels = expected.denied_fill_levels(standing)
    fill = after.denied_fill
    assert (
        (fill.weighed, fill.not_weighed, fill.lowest, fill.median, fill.highest)
        == (len(levels), 1, levels[0], expected.median(levels), levels[-1])
        == (3, 1, levels[0], levels[1], levels[-1])
    )
    assert fill.buckets == expected.buckets(levels) and after.overrides == ()
    assert after.holds == before.holds  # a void reopens a unit; it puts nothing on hold and takes nothing off
    for bench in ("bench-1", "bench-2"):  # one station's report: its own decisions only, voids left out alike
        assert figures(reports.daily(DAY, bench)) == expected_figures(bench_day.decisions(station, bench=bench))

    assert [(void.rma, void.line, void.unit, void.outcome) for void in after.voids] == [
        ("RA0000802", 1, 1, "refund"),
        ("RA0000806", 1, 1, "denied"),
        ("RA0000810", 1, 1, "denied"),
    ]
    first = after.voids[0]
    assert first.documents == memo and first.refunded == before.refunded - after.refunded and not first.refunded.is_zero
    assert after.voids[1].documents == notice and after.voids[2].documents == override
    assert (first.voided_by, first.decided_by, first.station) == ("supervisor", "receiver", "bench-1")
    assert abs(first.voided_at - local(17, 0)) < timedelta(seconds=1) and abs(
        first.decided_at - local(8, 20)
    ) < timedelta(seconds=1)
    assert "Refunded twice" in first.reason and not any(part in first.reason for part in ("Dana", "Whitfield"))
    assert after.voided_refunds == first.refunded and after.voided_later.lines == 0
    assert [void.rma for void in reports.daily(DAY, "bench-2").voids] == ["RA0000806", "RA0000810"]  # decided there


def test_the_voids_are_listed_in_the_pdf_and_the_csv(station, reports, bench_day) -> None:
    numbers = void(station, "RA0000802", "credit_memo", local(17, 0))
    report = reports.daily(DAY)

    text = reading_text(report_pdf(report))
    section = text[text.index("Voids") :]
    for words in (
        "RA0000802",
        *numbers,
        "supervisor",
        "Refunded twice",
        "2026-03-16 17:00",
        "2026-03-16 08:20",
        str(report.voids[0].refunded),
    ):
        assert words in section, words
    assert "Voided 1" in text and f"${report.refunded}" in text
    assert not any(detail in text for detail in CUSTOMER)

    voids = csv_sections(report_csv(report))["Voids"]
    assert voids[0] == [
        "RMA",
        "Line",
        "Unit",
        "Outcome",
        "Refunded (USD)",
        "Decided",
        "Documents voided",
        "Voided by",
        "Voided",
        "Why",
    ]
    (row, totals) = voids[1:]
    assert row[:5] == ["RA0000802", "1", "1", "Refund", str(report.voids[0].refunded)]
    assert row[6:9] == [" ".join(numbers), "supervisor", "2026-03-16 17:00"] and row[9].startswith("Refunded twice")
    assert totals[0] == "Total" and totals[4] == str(report.voided_refunds)
    assert ["Voided", "1"] in [line.split(",") for line in report_csv(report).splitlines()[:20]]


def test_a_decision_voided_on_a_later_day_leaves_its_day_and_is_listed_on_the_day_of_the_void(
    station, reports, bench_day
) -> None:
    day_before = reports.daily(DAY)
    refunded = next(d.refund_total for d in station.history.show_rma("RA0000801").decisions)
    earlier = next(d.refund_total for d in station.history.show_rma("RA0000814").decisions)

    void(station, "RA0000801", "credit_memo", DAY_ENDS + timedelta(hours=3), reason="Customer kept the cartridge")
    void(
        station, "RA0000814", "credit_memo", local(9, 0), reason="Wrong RMA scanned"
    )  # decided the day before, voided on DAY

    on_the_day, next_day, previous_day = (
        reports.daily(DAY),
        reports.daily(DAY + timedelta(days=1)),
        reports.daily(DAY - timedelta(days=1)),
    )
    # The day it was decided, made again, no longer counts it and says one of its decisions was voided later...
    assert (
        on_the_day.lines_received == day_before.lines_received - 1
        and on_the_day.refunded == day_before.refunded - refunded
    )
    assert (on_the_day.voided_later.lines, on_the_day.voided_later.refunded) == (1, refunded)
    assert "1 decision(s) made in this period were voided after it ended" in reading_text(report_pdf(on_the_day))
    # ...and lists the void it saw that day of a decision made the day before, which is in none of its totals.
    assert [void.rma for void in on_the_day.voids] == ["RA0000814"] and on_the_day.voids[
        0
    ].decided_at.date() == DAY - timedelta(days=1)
    assert on_the_day.voided_refunds == earlier and figures(on_the_day) == expected_figures(
        bench_day.decisions(station)
    )
    assert previous_day.lines_received == 0 and previous_day.voids == () and previous_day.voided_later.lines == 1
    # The day of the void lists it, decided the day before; its own totals are its own decisions.
    assert [(void.rma, void.decided_at.date()) for void in next_day.voids] == [("RA0000801", DAY)]
    assert next_day.lines_received == 1 and next_day.voided_later.lines == 0
    assert "Customer kept the cartridge" in reading_text(report_pdf(next_day))


def test_a_reason_found_otherwise_and_a_contradicting_weight_are_listed_and_counted(
    station, reports, bench_day, tmp_path
) -> None:
    day = add_findings(station, tmp_path, bench_day)

    report = reports.daily(DAY)

    assert figures(report) == expected_figures(day.decisions(station)) and report.lines_received == 17
    changed = {finding.rma: finding for finding in report.changed_at_the_bench}
    assert list(changed) == ["RA0000820", "RA0000821"]
    raised, lowered = changed["RA0000820"], changed["RA0000821"]
    assert (raised.stated_reason, raised.found_reason, raised.stated_choice, raised.found_choice) == (
        "not_needed",
        "defective",
        "refund",
        "refund",
    )
    assert (raised.decided_by, raised.approved_by, raised.station) == ("receiver", "supervisor", "bench-2")
    assert raised.note.startswith("Cracked housing") and "Dana" not in raised.note and "Whitfield" not in raised.note
    assert (lowered.stated_reason, lowered.found_reason, lowered.approved_by) == ("defective", "not_needed", None)
    (contradicted,) = report.over_contradictions
    assert contradicted.rma == "RA0000822" and contradicted.approved_by == "supervisor" and not contradicted.changed
    assert any("more than a full TN-660" in text for text in contradicted.contradictions)

    sections = csv_sections(report_csv(report))
    findings = sections["Findings at the bench"]
    assert findings[0][:6] == ["RMA", "Line", "Unit", "Customer said", "Found", "Outcome"]
    assert findings[1][:5] == ["RA0000820", "1", "1", "Not needed, refund", "Defective, refund"]
    assert findings[1][7:9] == ["receiver", "supervisor"] and findings[2][8] == ""
    assert [row[0] for row in sections["Approved over a contradiction"][1:]] == ["RA0000822"]
    text = reading_text(report_pdf(report))
    for words in (
        "Findings at the bench",
        "Not needed, refund",
        "Defective, refund",
        "Cracked housing",
        "Approved over a contradiction",
        "Weighed twice",
        "Findings at the bench 2",
        "Approved over a contradiction 1",
    ):
        assert words in text, words
    assert FOUND_NOTE not in text  # the customer's name is taken out of the note

    # A voided finding is in no list but Voids.
    void(station, "RA0000820", "credit_memo", local(17, 30), reason="Found the wrong unit")
    after = reports.daily(DAY)
    assert [finding.rma for finding in after.findings] == ["RA0000821", "RA0000822"]
    assert [void.rma for void in after.voids] == ["RA0000820"]


@pytest.mark.parametrize("bench", [None, "bench-1"])
def test_an_admin_s_report_keeps_the_notes_as_typed(station, reports, bench_day, tmp_path, bench) -> None:
    add_findings(station, tmp_path, bench_day)
    void(station, "RA0000821", "credit_memo", local(17, 0))

    report = reports.daily(DAY, bench, include_personal_data=True, user="admin")

    assert report.voids[0].reason == VOID_REASON
    assert all(finding.rma != "RA0000821" for finding in report.findings)
    if bench is None:
        assert report.changed_at_the_bench[0].note == FOUND_NOTE


def test_too_many_findings_to_list_are_still_counted(station, reports, bench_day, tmp_path, monkeypatch) -> None:
    add_findings(station, tmp_path, bench_day)
    monkeypatch.setattr("receiving_app.services.reports.MAX_LISTED_FINDINGS", 1)

    report = reports.daily(DAY)

    assert len(report.findings) == 1
    assert (report.finding_counts.changed, report.finding_counts.contradicted) == (2, 1)
    text = reading_text(report_pdf(report))
    assert "Findings at the bench 2" in text and "Approved over a contradiction 1" in text
    listed = report.findings[0]  # the one listed is a reason found otherwise or a weight against a seal
    if listed.changed:
        assert "Only 1 of these 2 decisions are listed" in text and "1 decision(s), too many to list here" in text
    else:
        assert "2 decision(s), too many to list here" in text and "Only" not in text
