"""The report as tables: the sections the PDF prints and the CSV writes, in one order and with the
same cells, so that paper and spreadsheet never disagree; and the figures at the top.

Amounts are plain decimals under headings that name their currency ("Refunded (USD)"), counts whole
numbers, times to the minute on the report's clock. The sections on where units went are in
``report_sorting_tables``, the Aging section in ``report_aging_tables``.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from receiving_app.documents.daily_report import Bar, BarChart, ReportTable
from receiving_app.domain.fill_text import fill_text
from receiving_app.domain.money import Money
from receiving_app.domain.money_text import column_heading
from receiving_app.services.report_aging_tables import aging_tables
from receiving_app.services.report_model import (
    FILL_BUCKETS,
    BenchFinding,
    BenchReport,
    FillLevels,
    WorkCount,
    identifier_words,
    moment_words,
    money_sum,
)
from receiving_app.services.report_sorting_tables import (
    containers_table,
    count_bars,
    count_text,
    held_cartridges_table,
    routes_table,
    stock_table,
)

VOIDS_NOTE = (
    "Decisions voided in this period, whenever they were decided. A voided decision moved no money: it counts in no "
    "total of any report. The report of the day it was decided, made again, leaves it out; the report of the day it "
    "was voided lists it here. Refunded is what the decision had refunded before the void."
)


def report_highlights(report: BenchReport) -> tuple[tuple[str, int | Money], ...]:
    """The figures a manager looks for first: printed as tiles, written at the top of the CSV."""
    return (
        ("Lines received", report.lines_received),
        ("Refunded", report.refunded),
        ("Restocking fees", report.fees.total),
        ("Denied", report.denials),
        ("On hold", len(report.holds)),
        ("Voided", len(report.voids)),
        ("Findings at the bench", report.finding_counts.changed),
        ("Approved over a contradiction", report.finding_counts.contradicted),
        ("Value recovered", report.value_recovered),
        ("Containers closed", len(report.containers_closed)),
        ("Added to stock", report.units_stocked),
    )


def _fill(fraction: Decimal | None) -> str:
    return "" if fraction is None else fill_text(fraction)


def _said(reason: str, choice: str) -> str:
    return f"{identifier_words(reason)}, {choice}"


def report_tables(report: BenchReport) -> tuple[ReportTable, ...]:
    """The report's sections, in the order they are printed and written to CSV."""
    return (
        *_totals_tables(report),
        *_work_tables(report),
        routes_table(report),
        containers_table(report),
        stock_table(report),
        _findings_table(report.changed_at_the_bench, report.finding_counts.changed, report.currency),
        _contradictions_table(report.over_contradictions, report.finding_counts.contradicted, report.currency),
        _voids_table(report),
        _holds_table(report),
        held_cartridges_table(report),
        *aging_tables(report),
    )


def _totals_tables(report: BenchReport) -> tuple[ReportTable, ...]:
    refunds = report.refunds_by_method
    fill = report.denied_fill
    currency = report.currency
    return (
        ReportTable(
            "Lines received by outcome",
            ("Outcome", "Lines"),
            tuple((identifier_words(count.outcome), count_text(count.lines)) for count in report.outcomes),
            (False, True),
            totals=("Total", count_text(report.lines_received)),
            chart=BarChart(
                count_bars((identifier_words(count.outcome), count.lines) for count in report.outcomes),
                caption="Lines",
            ),
        ),
        ReportTable(
            "Refunds by method",
            (
                "Method",
                "Lines",
                column_heading("Merchandise", currency),
                column_heading("Restocking fees", currency),
                column_heading("Return label deducted", currency),
                column_heading("Shipping refunded", currency),
                column_heading("Refunded", currency),
            ),
            tuple(
                (
                    identifier_words(method.method),
                    count_text(method.lines),
                    str(method.merchandise),
                    str(method.restocking_fees),
                    str(method.label_deductions),
                    str(method.shipping_refunded),
                    str(method.refunded),
                )
                for method in refunds
            ),
            (False, True, True, True, True, True, True),
            totals=(
                "Total",
                count_text(sum(method.lines for method in refunds)),
                *(
                    str(money_sum((getattr(method, name) for method in refunds), currency))
                    for name in ("merchandise", "restocking_fees", "label_deductions", "shipping_refunded", "refunded")
                ),
            ),
            note=f"Amounts in {currency}. "
            "Refunded = merchandise - restocking fees - return label + shipping refunded, never below 0.00.",
            chart=BarChart(
                tuple(
                    Bar(identifier_words(method.method), method.refunded.amount, str(method.refunded))
                    for method in refunds
                ),
                caption=f"Refunded, in {currency}",
            ),
        ),
        ReportTable(
            "Restocking fees collected",
            ("Fees", "Lines charged", column_heading("Collected", currency)),
            (("Restocking fees", count_text(report.fees.lines), str(report.fees.total)),),
            (False, True, True),
        ),
        ReportTable(
            "Denials by reason",
            ("Reason", "Code", "Denied lines"),
            tuple((reason.words, reason.code, count_text(reason.lines)) for reason in report.denials_by_reason),
            (False, False, True),
            note=f"{report.denials} line(s) denied; a denied line can carry more than one reason.",
            chart=BarChart(
                count_bars((reason.words, reason.lines) for reason in report.denials_by_reason), caption="Denied lines"
            ),
        ),
        ReportTable(
            "Fill level of denied cartridges",
            ("Cartridges", "Denied lines", "Weighed", "Not weighed", "Lowest left", "Median left", "Highest left"),
            (
                (
                    "Denied",
                    count_text(report.denials),
                    count_text(fill.weighed),
                    count_text(fill.not_weighed),
                    _fill(fill.lowest),
                    _fill(fill.median),
                    _fill(fill.highest),
                ),
            ),
            (False, True, True, True, True, True, True),
            note="Fill levels are the share of a full cartridge's toner or ink left, by weight.",
        ),
        ReportTable(
            "Denied cartridges by fill level",
            ("Fill level left", *(FillLevels.bucket_label(index) for index in range(FILL_BUCKETS)), "Weighed"),
            (("Denied lines", *(count_text(count) for count in fill.buckets), count_text(fill.weighed)),)
            if fill.weighed
            else (),
            (False, *[True] * (FILL_BUCKETS + 1)),
            chart=BarChart(
                count_bars((FillLevels.bucket_label(index), count) for index, count in enumerate(fill.buckets)),
                upright=True,
                caption="Denied lines by the share of a full cartridge left",
            ),
            empty_text="No denied cartridge was weighed in this period.",
        ),
    )


def _work_tables(report: BenchReport) -> tuple[ReportTable, ...]:
    refunded = column_heading("Refunded", report.currency)
    work_columns = ("Lines", "Refunds", "Replacements", "Denials", "Overridden", refunded)

    def work_rows(counts: Sequence[WorkCount]) -> tuple[tuple[str, ...], ...]:
        return tuple(
            (
                count.name,
                count_text(count.lines),
                count_text(count.refunds),
                count_text(count.replacements),
                count_text(count.denials),
                count_text(count.overridden),
                str(count.refunded),
            )
            for count in counts
        )

    def work_totals(counts: Sequence[WorkCount]) -> tuple[str, ...]:
        return (
            "Total",
            *(
                count_text(sum(getattr(count, name) for count in counts))
                for name in ("lines", "refunds", "replacements", "denials", "overridden")
            ),
            str(money_sum((count.refunded for count in counts), report.currency)),
        )

    return (
        ReportTable(
            "By operator",
            ("Operator", *work_columns),
            work_rows(report.operators),
            (False, *[True] * 6),
            totals=work_totals(report.operators),
        ),
        ReportTable(
            "By station",
            ("Station", *work_columns),
            work_rows(report.stations),
            (False, *[True] * 6),
            totals=work_totals(report.stations),
        ),
        ReportTable(
            "Supervisor overrides",
            ("Supervisor", "Lines", "To refund", "To replacement", "To denied"),
            tuple(
                (
                    count.name,
                    count_text(count.lines),
                    count_text(count.refunds),
                    count_text(count.replacements),
                    count_text(count.denials),
                )
                for count in report.overrides
            ),
            (False, True, True, True, True),
            empty_text="No decision was overridden in this period.",
        ),
    )


def _listed(findings: Sequence[BenchFinding], count: int) -> str:
    if len(findings) >= count:
        return ""
    return f" Only {len(findings)} of these {count} decisions are listed; the history search finds the others."


def _none_listed(count: int) -> str:
    return (
        f"{count} decision(s), too many to list here with the others; the history search finds them." if count else ""
    )


def _findings_table(findings: Sequence[BenchFinding], count: int, currency: str) -> ReportTable:
    refunded = column_heading("Refunded", currency)
    return ReportTable(
        "Findings at the bench",
        ("RMA", "Line", "Unit", "Customer said", "Found", "Outcome", refunded, "Found by", "Approved by", "Note"),
        tuple(
            (
                finding.rma,
                count_text(finding.line),
                count_text(finding.unit),
                _said(finding.stated_reason, finding.stated_choice),
                _said(finding.found_reason, finding.found_choice),
                identifier_words(finding.outcome),
                str(finding.refunded),
                finding.decided_by,
                finding.supervisor,
                finding.note,
            )
            for finding in findings
        ),
        (False, True, True, False, False, False, True, False, False, False),
        flexible=9,
        note="Decisions whose return reason or customer choice the bench found otherwise than the RMA says (reason, "
        "then choice). A finding that lowers what the seller keeps, or changes the customer's choice, is "
        "approved by a supervisor." + _listed(findings, count),
        empty_text=_none_listed(count)
        or "Every decision in this period was made on the reason and choice the customer gave.",
    )


def _contradictions_table(findings: Sequence[BenchFinding], count: int, currency: str) -> ReportTable:
    refunded = column_heading("Refunded", currency)
    return ReportTable(
        "Approved over a contradiction",
        ("RMA", "Line", "Unit", "Outcome", refunded, "What the weight said", "Decided by", "Approved by", "Note"),
        tuple(
            (
                finding.rma,
                count_text(finding.line),
                count_text(finding.unit),
                identifier_words(finding.outcome),
                str(finding.refunded),
                " ".join(finding.contradictions),
                finding.decided_by,
                finding.supervisor,
                finding.note,
            )
            for finding in findings
        ),
        (False, True, True, False, True, False, False, False, False),
        flexible=5,
        note="Decisions a supervisor let stand although the unit's weight contradicted what was ticked."
        + _listed(findings, count),
        empty_text=_none_listed(count) or "No decision in this period was made against what its weight said.",
    )


def _voids_table(report: BenchReport) -> ReportTable:
    later = report.voided_later
    refunded = column_heading("Refunded", report.currency)
    note = VOIDS_NOTE + (f" Listed here: the voids of decisions made at {report.station}." if report.station else "")
    if later.lines:
        note += (
            f" {later.lines} decision(s) made in this period were voided after it ended ({later.refunded} refunded): "
            "they are left out of its totals and listed in the report of the day each was voided."
        )
    return ReportTable(
        "Voids",
        ("RMA", "Line", "Unit", "Outcome", refunded, "Decided", "Documents voided", "Voided by", "Voided", "Why"),
        tuple(
            (
                void.rma,
                count_text(void.line),
                count_text(void.unit),
                identifier_words(void.outcome),
                str(void.refunded),
                moment_words(void.decided_at),
                " ".join(void.documents),
                void.voided_by,
                moment_words(void.voided_at),
                void.reason,
            )
            for void in report.voids
        ),
        (False, True, True, False, True, False, False, False, False, False),
        totals=("Total", "", "", "", str(report.voided_refunds), "", "", "", "", "") if report.voids else None,
        flexible=9,
        note=note,
        empty_text="No decision was voided in this period.",
    )


def _holds_table(report: BenchReport) -> ReportTable:
    hold_columns = ("RMA", "Line", "SKU", "Held since", "Held by", "Station", "Note") + (
        ("Customer",) if report.personal_data else ()
    )
    return ReportTable(
        "Items on hold",
        hold_columns,
        tuple(
            (
                hold.rma,
                count_text(hold.line),
                hold.sku,
                moment_words(hold.since) if hold.since else "",
                hold.held_by,
                hold.station,
                hold.note,
            )
            + ((hold.customer,) if report.personal_data else ())
            for hold in report.holds
        ),
        (False, True, False, False, False, False, False) + ((False,) if report.personal_data else ()),
        flexible=6,
        note="Lines on hold when the report was made that were put on hold before the period ended.",
        empty_text="No line is on hold.",
    )
