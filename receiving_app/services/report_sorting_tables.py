"""The report's sections on where units went: by route with the value recovered, the containers closed,
the stock added and the cartridges held for customers; and the two small cell formats every section uses.

The value the routes recover is written by the one formatter (``money_text``), its column's heading
naming the currency.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from decimal import Decimal

from receiving_app.documents.daily_report import Bar, BarChart, ReportTable
from receiving_app.domain.money_text import column_heading, figure_text
from receiving_app.services.report_model import BenchReport, ClosedContainer, RouteCount, StockAdded


def count_text(value: int) -> str:
    return str(value)


def count_bars(items: Iterable[tuple[str, int]]) -> tuple[Bar, ...]:
    return tuple(Bar(label, Decimal(value), str(value)) for label, value in items)


NO_VALUE = "\u2014"
"""The value of a route that recovers nothing (an em dash): not 0.00, which would be a price."""


def _route_value(route: RouteCount) -> str:
    return NO_VALUE if route.value is None else figure_text(route.value)


def _kg(weight: Decimal) -> str:
    return f"{weight:.3f}"


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:]


def routes_table(report: BenchReport) -> ReportTable:
    routes = report.routes
    return ReportTable(
        "Units by route",
        ("Route", "Units", column_heading("Value recovered", report.value_recovered.currency)),
        tuple((route.label, count_text(route.units), _route_value(route)) for route in routes),
        (False, True, True),
        totals=("Total", count_text(report.units_sorted), figure_text(report.value_recovered)) if routes else None,
        note="Where the units of this period's standing decisions were sent, by the route on their license "
        "plate. Value recovered is the units times what the routing file says a unit of the route brings in; "
        f"{NO_VALUE} is a route that brings in nothing.",
        chart=BarChart(count_bars((route.label, route.units) for route in routes), caption="Units"),
        empty_text="No unit was sorted in this period.",
    )


def containers_table(report: BenchReport) -> ReportTable:
    closed: Sequence[ClosedContainer] = report.containers_closed
    where = f" Containers opened at {report.station}." if report.station else ""
    return ReportTable(
        "Containers closed",
        ("Container", "Route", "Units", "Weight (kg)", "Why closed"),
        tuple(
            (
                container.code,
                container.label,
                count_text(container.units),
                _kg(container.weight_kg),
                _sentence(container.because),
            )
            for container in closed
        ),
        (False, False, True, True, False),
        totals=(
            "Total",
            "",
            count_text(sum(container.units for container in closed)),
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


def stock_table(report: BenchReport) -> ReportTable:
    stocked: Sequence[StockAdded] = report.stock_added
    where = f" Moves made at {report.station}." if report.station else ""
    return ReportTable(
        "Stock added",
        ("SKU", "Grade", "Units"),
        tuple((line.sku, line.grade_words, count_text(line.units)) for line in stocked),
        (False, False, True),
        totals=("Total", "", count_text(report.units_stocked)) if stocked else None,
        note="Units put back in stock in this period less those a void in it took back out: a restock voided "
        "the same day cancels out, and the void of an earlier day's restock counts here below zero." + where,
        empty_text="No unit was added to stock in this period.",
    )


def held_cartridges_table(report: BenchReport) -> ReportTable:
    return ReportTable(
        "Cartridges held for customers",
        ("License plate", "RMA", "SKU", "Hold ends"),
        tuple((held.lpn, held.rma, held.sku, held.held_until.isoformat()) for held in report.holds_ending),
        (False, False, False, False),
        note="Denied cartridges kept for their customers whose hold ends within a week of the period's end, "
        "soonest first; from its day a hold is ended with 'receiving-app holds end'.",
        empty_text="No customer's cartridge has a hold ending within a week.",
    )
