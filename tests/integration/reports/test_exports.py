"""The report's CSV and PDF read back: the same figures as the decisions, sections with clear
headings, totals that add up, and no customer's name, email, phone or card digits."""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal

import pytest

from receiving_app.domain.errors import InputError
from receiving_app.domain.money import Money
from receiving_app.services.report_sorting_tables import NO_VALUE
from receiving_app.services.reports import HeldLine, WorkCount, export_format, export_report, report_csv, report_pdf
from tests.support import report_sums as expected
from tests.support.bench_day import BENCH_ZONE, CARD_LAST4, CUSTOMER, DAY, FULL_CARD, local
from tests.support.csv_reading import csv_sections
from tests.support.pdf import page_texts, reading_text
from tests.support.warehouse import Rma, add_rmas

CARD_NUMBER = re.compile(r"(?<!\d)\d{13,19}(?!\d)")


def test_the_csv_has_one_section_per_table_and_its_figures_are_the_decisions(station, reports, bench_day) -> None:
    decided = bench_day.decisions(station)
    sections = csv_sections(report_csv(reports.daily(DAY)))

    assert list(sections) == [
        "Lines received by outcome",
        "Refunds by method",
        "Restocking fees collected",
        "Denials by reason",
        "Fill level of denied cartridges",
        "Denied cartridges by fill level",
        "By operator",
        "By station",
        "Supervisor overrides",
        "Units by route",
        "Containers closed",
        "Stock added",
        "Findings at the bench",
        "Approved over a contradiction",
        "Voids",
        "Items on hold",
        "Cartridges held for customers",
        "Aging",
        "Aging: authorized, not arrived",
        "Aging: arrived, not inspected",
        "Aging: on hold",
        "Aging: returns without an RMA",
    ]
    outcomes = sections["Lines received by outcome"]
    assert outcomes[0] == ["Outcome", "Lines"]
    assert {row[0].lower(): int(row[1]) for row in outcomes[1:-1]} == expected.outcomes(decided)
    assert outcomes[-1] == ["Total", "14"]

    refunds = sections["Refunds by method"]
    assert refunds[0] == [
        "Method",
        "Lines",
        "Merchandise (USD)",
        "Restocking fees (USD)",
        "Return label deducted (USD)",
        "Shipping refunded (USD)",
        "Refunded (USD)",
    ]
    by_method = {row[0].lower().replace(" ", "_"): row[1:] for row in refunds[1:-1]}
    for method, (lines, *amounts) in expected.refunds_by_method(decided).items():
        assert by_method[method] == [str(lines), *map(str, amounts)]
    assert Decimal(refunds[-1][-1]) == expected.money_sum(decision.refund_total for decision in decided).amount

    assert sections["Restocking fees collected"][1][1:] == [str(part) for part in expected.fees(decided)]
    assert {row[1]: int(row[2]) for row in sections["Denials by reason"][1:]} == expected.denial_reasons(decided)
    operators = {row[0]: row[1:] for row in sections["By operator"][1:-1]}
    for name, (lines, refunds_, replacements, denials, overridden, refunded) in expected.work(
        decided, lambda d: d.decided_by
    ).items():
        assert operators[name] == [
            str(lines),
            str(refunds_),
            str(replacements),
            str(denials),
            str(overridden),
            str(refunded),
        ]
    assert [row[0] for row in sections["Items on hold"][1:]] == ["RA0000816", "RA0000817"]


def test_every_csv_total_row_is_the_sum_of_the_rows_above_it(station, reports, bench_day) -> None:
    station.units.clock.at(local(17, 0))
    for number, kind in (("RA0000802", "credit_memo"), ("RA0000803", "credit_memo")):  # two voids, so Voids has a total
        decision = next(decision for decision in station.history.show_rma(number).decisions if not decision.voided)
        memo = next(document.number for document in decision.documents if document.type == kind)
        station.history.void_document(memo, user="supervisor", station="bench-1", reason="Entered twice")
    sections = csv_sections(report_csv(reports.daily(DAY)))
    assert len(sections["Voids"]) == 4  # heading, two voids, total
    for title, (heading, *rows) in sections.items():
        if not rows or rows[-1][0] != "Total":
            continue
        *body, totals = rows
        for column in range(1, len(heading)):
            if totals[column]:  # a blank total: a column that does not add up (a line number, a time)
                figures = [row[column] for row in body if row[column] != NO_VALUE]  # a route worth nothing
                assert sum(map(Decimal, figures)) == Decimal(totals[column]), f"{title}: {heading[column]}"


def test_the_pdf_reads_back_with_the_figures_and_charts_titles(station, reports, bench_day) -> None:
    report = reports.daily(DAY)

    pdf = report_pdf(report)

    assert pdf.startswith(b"%PDF") and pdf == report_pdf(report)  # the same report gives the same bytes
    text = reading_text(pdf)
    assert "Daily report, Monday 2026-03-16, all stations" in text
    for words in (
        "Lines received by outcome",
        "Refunds by method",
        "Denials by reason",
        "Denied cartridges by fill level",
        "By operator",
        "By station",
        "Items on hold",
        "Below fill threshold",
        "RA0000816",
        "RA0000817",
    ):
        assert words in text, words
    assert f"${report.refunded}" in text and f"${report.fees.total}" in text
    assert "Total 14" in text
    head = station.history.verify_audit_chain()
    grouped = " ".join(head.head_hash[start : start + 4] for start in range(0, 16, 4))
    assert f"Audit chain event {head.events:,}, hash {grouped}" in text  # paper anchors history
    pages = page_texts(pdf)
    assert all(f"page {number} of {len(pages)}" in page for number, page in enumerate(pages, start=1))


@pytest.mark.parametrize("suffix", [".csv", ".pdf"])
def test_an_export_carries_no_customer_name_email_phone_or_card_digits(
    station, reports, bench_day, tmp_path, suffix
) -> None:
    path = export_report(reports.daily(DAY), tmp_path / f"day{suffix}")

    data = path.read_bytes()
    text = reading_text(data) if suffix == ".pdf" else data.decode("utf-8")
    assert text.strip()
    for detail in (*CUSTOMER, "Dana", "Whitfield", "dana@", "010-2030", "0102030", CARD_LAST4, FULL_CARD, "4111"):
        assert detail not in text, detail
    assert not CARD_NUMBER.search(text)


def test_an_admin_s_export_with_personal_data_says_so(station, reports, bench_day) -> None:
    report = reports.daily(DAY, include_personal_data=True, user="admin")

    csv_text, pdf_text = report_csv(report), reading_text(report_pdf(report))

    assert "Dana Whitfield" in csv_text and "included at an admin's request" in csv_text
    assert "Dana Whitfield" in pdf_text and "Contains customer personal data" in pdf_text
    assert FULL_CARD not in csv_text and FULL_CARD not in pdf_text  # a full card number, never


def test_a_note_that_looks_like_a_formula_is_not_run_by_a_spreadsheet(station, reports, tmp_path) -> None:
    add_rmas(station, tmp_path, Rma("RA0000901"))
    station.line_actions.hold("RA0000901", 1, user="receiver", station="bench-1", note='=HYPERLINK("http://x")')

    sections = csv_sections(report_csv(reports.daily(station.units.clock().astimezone(BENCH_ZONE).date())))

    assert sections["Items on hold"][1][-1].startswith("'=")


@pytest.mark.parametrize("name", ["report.txt", "report", "report.pdf.bak"])
def test_only_pdf_and_csv_are_export_formats(name) -> None:
    with pytest.raises(InputError, match=r"\.pdf or \.csv"):
        export_format(name)
    assert export_format("Day.PDF") == "pdf" and export_format("day.csv") == "csv"


def test_a_long_report_flows_over_pages_and_long_notes_fit(station, reports, bench_day) -> None:
    report = reports.daily(DAY)
    crowded = replace(
        report,
        operators=tuple(WorkCount(f"operator-{number:02d}", 1, 1, 0, 0, 0, Money.of("1.00")) for number in range(80)),
        holds=(HeldLine("RA0000816", 1, "TN-660", "word " * 600 + "x" * 90, None, "receiver", "bench-1"),),
    )

    pages = page_texts(report_pdf(crowded))

    assert len(pages) > 3 and all(
        f"page {number} of {len(pages)}" in page for number, page in enumerate(pages, start=1)
    )
    text = " ".join(" ".join(pages).split())
    assert "operator-00" in text and "operator-79" in text and "[continues]" in text
    assert "word " * 600 + "x" * 90 in report_csv(crowded)  # the CSV keeps the note whole
