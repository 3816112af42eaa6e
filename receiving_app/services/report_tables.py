"""The report as tables: the sections the PDF prints and the CSV writes, in one order and with the
same cells, so that paper and spreadsheet never disagree; and the figures at the top.

Amounts are plain decimals (dollars), counts whole numbers, times to the minute on the report's
clock. The value the routes recover is written by the one formatter (``money_text``), its column's
heading naming the currency.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from decimal import Decimal

from receiving_app.documents.daily_report import Bar, BarChart, ReportTable
from receiving_app.domain.fill_text import fill_text
from receiving_app.domain.money import Money
from receiving_app.domain.money_text import column_heading, figure_text
from receiving_app.services.report_model import (
    FILL_BUCKETS,
    BenchFinding,
    BenchReport,
    ClosedContainer,
    FillLevels,
    RouteCount,
    StockAdded,
    WorkCount,
    identifier_words,
    moment_words,
    money_sum,
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


def _count(value: int) -> str:
    return str(value)


def _fill(fraction: Decimal | None) -> str:
    return "" if fraction is None else fill_text(fraction)


def _count_bars(items: Iterable[tuple[str, int]]) -> tuple[Bar, ...]:
    return tuple(Bar(label, Decimal(value), str(value)) for label, value in items)


def _said(reason: str, choice: str) -> str:
    return f"{identifier_words(reason)}, {choice}"


def report_tables(report: BenchReport) -> tuple[ReportTable, ...]:
    """The report's sections, in the order they are printed and written to CSV."""
    return (
        *_totals_tables(report),
        *_work_tables(report),
        _routes_table(report),
        _containers_table(report),
        _stock_table(report),
        _findings_table(report.changed_at_the_bench, report.finding_counts.changed),
        _contradictions_table(report.over_contradictions, report.finding_counts.contradicted),
        _voids_table(report),
        _holds_table(report),
        _held_cartridges_table(report),
    )


def _totals_tables(report: BenchReport) -> tuple[ReportTable, ...]:
    refunds = report.refunds_by_method
    fill = report.denied_fill
    return (
        ReportTable(
            "Lines received by outcome",
            ("Outcome", "Lines"),
            tuple((identifier_words(count.outcome), _count(count.lines)) for count in report.outcomes),
            (False, True),
            totals=("Total", _count(report.lines_received)),
            chart=BarChart(
                _count_bars((identifier_words(count.outcome), count.lines) for count in report.outcomes),
                caption="Lines",
            ),
        ),
        ReportTable(
            "Refunds by method",
            (
                "Method",
                "Lines",
                "Merchandise",
                "Restocking fees",
                "Return label deducted",
                "Shipping refunded",
                "Refunded",
            ),
            tuple(
                (
                    identifier_words(method.method),
                    _count(method.lines),
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
                _count(sum(method.lines for method in refunds)),
                *(
                    str(money_sum(getattr(method, name) for method in refunds))
                    for name in ("merchandise", "restocking_fees", "label_deductions", "shipping_refunded", "refunded")
                ),
            ),
            note="Amounts in dollars. "
            "Refunded = merchandise - restocking fees - return label + shipping refunded, never below 0.00.",
            chart=BarChart(
                tuple(
                    Bar(identifier_words(method.method), method.refunded.amount, str(method.refunded))
                    for method in refunds
                ),
                caption="Refunded, in dollars",
            ),
        ),
        ReportTable(
            "Restocking fees collected",
            ("Fees", "Lines charged", "Collected"),
            (("Restocking fees", _count(report.fees.lines), str(report.fees.total)),),
            (False, True, True),
        ),
        ReportTable(
            "Denials by reason",
            ("Reason", "Code", "Denied lines"),
            tuple((reason.words, reason.code, _count(reason.lines)) for reason in report.denials_by_reason),
            (False, False, True),
            note=f"{report.denials} line(s) denied; a denied line can carry more than one reason.",
            chart=BarChart(
                _count_bars((reason.words, reason.lines) for reason in report.denials_by_reason), caption="Denied lines"
            ),
        ),
        ReportTable(
            "Fill level of denied cartridges",
            ("Cartridges", "Denied lines", "Weighed", "Not weighed", "Lowest left", "Median left", "Highest left"),
            (
                (
                    "Denied",
                    _count(report.denials),
                    _count(fill.weighed),
                    _count(fill.not_weighed),
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
            (("Denied lines", *(_count(count) for count in fill.buckets), _count(fill.weighed)),)
            if fill.weighed
            else (),
            (False, *[True] * (FILL_BUCKETS + 1)),
            chart=BarChart(
                _count_bars((FillLevels.bucket_label(index), count) for index, count in enumerate(fill.buckets)),
                upright=True,
                caption="Denied lines by the share of a full cartridge left",
            ),
            empty_text="No denied cartridge was weighed in this period.",
        ),
    )


def _work_tables(report: BenchReport) -> tuple[ReportTable, ...]:
    work_columns = ("Lines", "Refunds", "Replacements", "Denials", "Overridden", "Refunded")

    def work_rows(counts: Sequence[WorkCount]) -> tuple[tuple[str, ...], ...]:
        return tuple(
            (
                count.name,
                _count(count.lines),
                _count(count.refunds),
                _count(count.replacements),
                _count(count.denials),
                _count(count.overridden),
                str(count.refunded),
            )
            for count in counts
        )

    def work_totals(counts: Sequence[WorkCount]) -> tuple[str, ...]:
        return (
            "Total",
            *(
                _count(sum(getattr(count, name) for count in counts))
                for name in ("lines", "refunds", "replacements", "denials", "overridden")
            ),
            str(money_sum(count.refunded for count in counts)),
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
                    _count(count.lines),
                    _count(count.refunds),
                    _count(count.replacements),
                    _count(count.denials),
                )
                for count in report.overrides
            ),
            (False, True, True, True, True),
            empty_text="No decision was overridden in this period.",
        ),
    )


NO_VALUE = "\u2014"
"""The value of a route that recovers nothing (an em dash): not 0.00, which would be a price."""


def _route_value(route: RouteCount) -> str:
    return NO_VALUE if route.value is None else figure_text(route.value)


def _kg(weight: Decimal) -> str:
    return f"{weight:.3f}"


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:]


def _routes_table(report: BenchReport) -> ReportTable:
    routes = report.routes
    return ReportTable(
        "Units by route",
        ("Route", "Units", column_heading("Value recovered", report.value_recovered.currency)),
        tuple((route.label, _count(route.units), _route_value(route)) for route in routes),
        (False, True, True),
        totals=("Total", _count(report.units_sorted), figure_text(report.value_recovered)) if routes else None,
        note="Where the units of this period's standing decisions were sent, by the route on their license "
        "plate. Value recovered is the units times what the routing file says a unit of the route brings in; "
        f"{NO_VALUE} is a route that brings in nothing.",
        chart=BarChart(_count_bars((route.label, route.units) for route in routes), caption="Units"),
        empty_text="No unit was sorted in this period.",
    )


def _containers_table(report: BenchReport) -> ReportTable:
    closed: Sequence[ClosedContainer] = report.containers_closed
    where = f" Containers opened at {report.station}." if report.station else ""
    return ReportTable(
        "Containers closed",
        ("Container", "Route", "Units", "Weight (kg)", "Why closed"),
        tuple(
            (
                container.code,
                container.label,
                _count(container.units),
                _kg(container.weight_kg),
                _sentence(container.because),
            )
            for container in closed
        ),
        (False, False, True, True, False),
        totals=(
            "Total",
            "",
            _count(sum(container.units for container in closed)),
            _kg(sum((container.weight_kg for container in closed), Decimal("0.000"))),
            "",
        )
        if closed
        else None,
        flexible=4,
        note="Containers closed in this period and not reopened since, with the units and the weight their "
        "manifests print (each SKU's weight to the gram)." + where,
        empty_text="No container was closed in this period.",
    )


def _stock_table(report: BenchReport) -> ReportTable:
    stocked: Sequence[StockAdded] = report.stock_added
    where = f" Moves made at {report.station}." if report.station else ""
    return ReportTable(
        "Stock added",
        ("SKU", "Grade", "Units"),
        tuple((line.sku, line.grade_words, _count(line.units)) for line in stocked),
        (False, False, True),
        totals=("Total", "", _count(report.units_stocked)) if stocked else None,
        note="Units put back in stock in this period less those a void in it took back out: a restock voided "
        "the same day cancels out, and the void of an earlier day's restock counts here below zero." + where,
        empty_text="No unit was added to stock in this period.",
    )


def _listed(findings: Sequence[BenchFinding], count: int) -> str:
    if len(findings) >= count:
        return ""
    return f" Only {len(findings)} of these {count} decisions are listed; the history search finds the others."


def _none_listed(count: int) -> str:
    return (
        f"{count} decision(s), too many to list here with the others; the history search finds them." if count else ""
    )


def _findings_table(findings: Sequence[BenchFinding], count: int) -> ReportTable:
    return ReportTable(
        "Findings at the bench",
        ("RMA", "Line", "Unit", "Customer said", "Found", "Outcome", "Refunded", "Found by", "Approved by", "Note"),
        tuple(
            (
                finding.rma,
                _count(finding.line),
                _count(finding.unit),
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


def _contradictions_table(findings: Sequence[BenchFinding], count: int) -> ReportTable:
    return ReportTable(
        "Approved over a contradiction",
        ("RMA", "Line", "Unit", "Outcome", "Refunded", "What the weight said", "Decided by", "Approved by", "Note"),
        tuple(
            (
                finding.rma,
                _count(finding.line),
                _count(finding.unit),
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
    note = VOIDS_NOTE + (f" Listed here: the voids of decisions made at {report.station}." if report.station else "")
    if later.lines:
        note += (
            f" {later.lines} decision(s) made in this period were voided after it ended ({later.refunded} refunded): "
            "they are left out of its totals and listed in the report of the day each was voided."
        )
    return ReportTable(
        "Voids",
        ("RMA", "Line", "Unit", "Outcome", "Refunded", "Decided", "Documents voided", "Voided by", "Voided", "Why"),
        tuple(
            (
                void.rma,
                _count(void.line),
                _count(void.unit),
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


def _held_cartridges_table(report: BenchReport) -> ReportTable:
    return ReportTable(
        "Cartridges held for customers",
        ("License plate", "RMA", "SKU", "Hold ends"),
        tuple((held.lpn, held.rma, held.sku, held.held_until.isoformat()) for held in report.holds_ending),
        (False, False, False, False),
        note="Denied cartridges kept for their customers whose hold ends within a week of the period's end, "
        "soonest first; from its day a hold is ended with 'receiving-app holds end'.",
        empty_text="No customer's cartridge has a hold ending within a week.",
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
                _count(hold.line),
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
