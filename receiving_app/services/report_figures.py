"""The report's figures from the rows its queries return: grouped decisions added up every way the
report shows them, the fill levels of denied cartridges, the voided and found decisions listed, and
where the units went (routes, containers closed, stock gained).

Money comes from the database as exact sums of integer cents; here it is only added, never
divided, so the parts of every table add up to its total row.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from datetime import datetime
from decimal import ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING

from receiving_app.domain.currencies import DEFAULT_CURRENCY
from receiving_app.domain.errors import InputError
from receiving_app.domain.money import Money
from receiving_app.domain.routing import RoutingTable
from receiving_app.services.report_model import (
    FILL_BUCKETS,
    NO_METHOD,
    OUTCOMES,
    REFUND_METHODS,
    BenchFinding,
    ClosedContainer,
    FeesCollected,
    FillLevels,
    OutcomeCount,
    RefundsByMethod,
    RouteCount,
    StockAdded,
    VoidedDecision,
    VoidedLater,
    WorkCount,
    identifier_words,
    money_sum,
)
from receiving_app.services.report_privacy import clean_note

if TYPE_CHECKING:
    from receiving_app.persistence.report_periods import NamedRow

FRACTION_SCALE = Decimal(10_000)
"""Fill levels are stored in 1/10,000ths of a full cartridge."""

Local = Callable[[datetime], datetime]

GRAMS_PER_KG = Decimal(1000)
PRINTED_KG = Decimal("0.001")


def period_currency(*row_sets: Sequence[NamedRow]) -> str:
    """The one currency of the period's decisions (each row names its decisions' ``currency``); the station's
    default when it decided nothing. Amounts of two currencies never add up, so a period of both is refused
    unless the report is asked for one of them (``ReportService.daily``'s ``currency``)."""
    currencies = sorted({str(row.currency) for rows in row_sets for row in rows})
    if len(currencies) > 1:
        raise InputError(
            f"The decisions of this period are in more than one currency ({', '.join(currencies)}); a report adds "
            "up the amounts of one currency only: make one for each (choose the currency on the Reports page, or "
            "give --currency)."
        )
    return currencies[0] if currencies else DEFAULT_CURRENCY


def in_its_currency(row: NamedRow, amount: Money) -> Money:
    """A summed or listed amount, which the database gives as plain cents, in the currency of its decisions."""
    return amount if amount.currency == row.currency else Money(amount.amount, str(row.currency))


class Totals:
    """The grouped rows of ``ReportRecords.decision_groups`` added up every way the report shows them, in
    ``currency``, the period's (``period_currency``)."""

    def __init__(self, groups: Sequence[NamedRow], currency: str = DEFAULT_CURRENCY) -> None:
        self._groups = groups
        self._currency = currency

    def outcomes(self) -> tuple[OutcomeCount, ...]:
        counts = dict.fromkeys(OUTCOMES, 0)
        for row in self._groups:
            counts[row.outcome] = counts.get(row.outcome, 0) + int(row.lines)
        return tuple(OutcomeCount(outcome, lines) for outcome, lines in counts.items())

    def denials(self) -> int:
        return sum(int(row.lines) for row in self._groups if row.outcome == "denied")

    def refunds_by_method(self) -> tuple[RefundsByMethod, ...]:
        lines = dict.fromkeys(REFUND_METHODS, 0)
        # merchandise, restocking fees, label deductions, shipping refunded, refunded
        zero = Money.zero(self._currency)
        amounts: dict[str, list[Money]] = {method: [zero] * 5 for method in REFUND_METHODS}
        for row in self._groups:
            if row.outcome != "refund":
                continue
            method = row.refund_method or NO_METHOD
            lines[method] = lines.get(method, 0) + int(row.lines)
            sums = amounts.setdefault(method, [zero] * 5)
            for index, amount in enumerate(
                (row.merchandise, row.restocking_fees, row.label_deductions, row.shipping_refunded, row.refunded)
            ):
                sums[index] = sums[index] + in_its_currency(row, amount)
        return tuple(RefundsByMethod(method, lines[method], *sums) for method, sums in amounts.items())

    def fees(self) -> FeesCollected:
        return FeesCollected(
            sum(int(row.fees_charged or 0) for row in self._groups),
            money_sum((in_its_currency(row, row.restocking_fees) for row in self._groups), self._currency),
        )

    def work(self, key: str) -> tuple[WorkCount, ...]:
        # lines, refunds, replacements, denials, overridden
        counts: dict[str, list[int]] = {}
        refunded: dict[str, Money] = {}
        for row in self._groups:
            name = getattr(row, key)
            if name is None:
                continue
            entry = counts.setdefault(name, [0, 0, 0, 0, 0])
            lines = int(row.lines)
            entry[0] += lines
            entry[1 + OUTCOMES.index(row.outcome)] += lines if row.outcome in OUTCOMES else 0
            entry[4] += lines if row.overridden_by is not None else 0
            refunded[name] = refunded.get(name, Money.zero(self._currency)) + in_its_currency(row, row.refunded)
        return tuple(
            WorkCount(name, lines, refunds, replacements, denials, overridden, refunded[name])
            for name, (lines, refunds, replacements, denials, overridden) in sorted(counts.items())
        )


def fill_levels(counts: Sequence[tuple[int, int]], *, denied: int) -> FillLevels:
    """Minimum, median, maximum and tenths from the distribution of levels (exact: no sampling).

    ``counts`` is ascending (level in 1/10,000ths, denied lines at it); ``denied`` counts every
    denied line of the period, weighed or not."""
    weighed = sum(int(lines) for _, lines in counts)
    buckets = [0] * FILL_BUCKETS
    for level, lines in counts:
        buckets[min(int(level) // 1000, FILL_BUCKETS - 1)] += int(lines)
    return FillLevels(
        weighed=weighed,
        not_weighed=denied - weighed,
        lowest=_fraction(counts[0][0]) if counts else None,
        median=_median(counts, weighed),
        highest=_fraction(counts[-1][0]) if counts else None,
        buckets=tuple(buckets),
    )


def _median(counts: Sequence[tuple[int, int]], total: int) -> Decimal | None:
    """The middle level (the mean of the two middle ones for an even count) of ascending (level, count)."""
    if not total:
        return None
    wanted = sorted({(total - 1) // 2, total // 2})
    found: list[int] = []
    seen = 0
    for level, lines in counts:
        seen += int(lines)
        while wanted and wanted[0] < seen:
            found.append(int(level))
            wanted.pop(0)
        if not wanted:
            break
    return Decimal(sum(found)) / Decimal(len(found)) / FRACTION_SCALE


def _fraction(scaled: int | None) -> Decimal | None:
    return None if scaled is None else (Decimal(int(scaled)) / FRACTION_SCALE).quantize(Decimal("0.0001"))


# Voids and findings --------------------------------------------------------------------------------


def voids_of_period(
    rows: Sequence[NamedRow],
    documents: Mapping[int, Sequence[str]],
    start: datetime,
    end: datetime,
    *,
    local: Local,
    personal: bool,
    currency: str = DEFAULT_CURRENCY,
) -> tuple[tuple[VoidedDecision, ...], VoidedLater]:
    """The rows of ``ReportRecords.voided_decisions`` split in two: the decisions voided in
    [start, end), listed, and the period's own decisions voided after it ended, counted."""
    listed: list[VoidedDecision] = []
    later, later_refunded = 0, Money.zero(currency)
    for row in rows:
        if row.voided_at >= end:
            later, later_refunded = later + 1, later_refunded + in_its_currency(row, row.refunded)
            continue
        if row.voided_at < start:
            continue
        listed.append(
            VoidedDecision(
                rma=row.rma,
                line=int(row.line),
                unit=int(row.unit),
                sku=row.sku,
                outcome=row.outcome,
                refunded=in_its_currency(row, row.refunded),
                decided_at=local(row.decided_at),
                decided_by=row.decided_by,
                station=row.station,
                documents=tuple(documents.get(row.id, ())),
                voided_at=local(row.voided_at),
                voided_by=row.voided_by or "",
                reason=clean_note(row.void_reason or "", row, personal=personal),
            )
        )
    listed.sort(key=lambda void: (void.voided_at, void.rma, void.line, void.unit))
    return tuple(listed), VoidedLater(later, later_refunded)


def findings_of_period(rows: Sequence[NamedRow], *, local: Local, personal: bool) -> tuple[BenchFinding, ...]:
    """The rows of ``ReportRecords.bench_findings`` as the report lists them, by when decided."""
    findings = [
        BenchFinding(
            rma=row.rma,
            line=int(row.line),
            unit=int(row.unit),
            sku=row.sku,
            stated_reason=row.stated_reason,
            stated_choice=row.stated_choice,
            found_reason=row.found_reason,
            found_choice=row.found_choice,
            outcome=row.outcome,
            refunded=in_its_currency(row, row.refunded),
            decided_at=local(row.decided_at),
            decided_by=row.decided_by,
            station=row.station,
            approved_by=row.approved_by,
            overridden_by=row.overridden_by,
            note=clean_note(row.approval_note or row.override_reason or "", row, personal=personal),
            contradictions=tuple(_contradiction_text(item) for item in row.contradictions or ()),
        )
        for row in rows
    ]
    findings.sort(key=lambda finding: (finding.decided_at, finding.rma, finding.line, finding.unit))
    return tuple(findings)


def _contradiction_text(item: object) -> str:
    if isinstance(item, Mapping):
        return str(item.get("text") or item.get("code") or "")
    return str(item)


# Sorting ----------------------------------------------------------------------------------------------


def _route_label(routing: RoutingTable, route: str) -> str:
    known = routing.routes.get(route)
    return known.label if known is not None else identifier_words(route)


def routes_of_period(rows: Sequence[NamedRow], routing: RoutingTable) -> tuple[RouteCount, ...]:
    """The rows of ``ReportRecords.units_by_route`` in the routing file's order, each with its value:
    units x the route's value for one unit, in whole cents. A route taken out of the file since (its
    units were sorted under an older version) comes last, by name, with no value: the report does not
    guess what it was worth."""
    units = {str(row.route): int(row.units) for row in rows if int(row.units)}
    order = [name for name in routing.routes if name in units] + sorted(set(units) - set(routing.routes))
    counts = []
    for name in order:
        known = routing.routes.get(name)
        value = None if known is None or known.value is None else known.value * units[name]
        counts.append(RouteCount(name, _route_label(routing, name), units[name], value))
    return tuple(counts)


def _printed_kg(grams: Decimal) -> Decimal:
    return (grams / GRAMS_PER_KG).quantize(PRINTED_KG, rounding=ROUND_HALF_UP)


def containers_of_period(
    containers: Sequence[NamedRow], units: Sequence[NamedRow], routing: RoutingTable, *, local: Local
) -> tuple[ClosedContainer, ...]:
    """The rows of ``ReportRecords.containers_closed`` with the units in them. A container's weight is
    worked out as its manifest prints it (services/container_manifests.py): each SKU's weight rounded to
    the gram, then added, so that the report and the paper on the box say the same kilograms."""
    grams: dict[int, dict[str, Decimal]] = defaultdict(lambda: defaultdict(Decimal))
    counted: dict[int, int] = defaultdict(int)
    for unit in units:
        grams[unit.container_id][unit.sku] += unit.grams
        counted[unit.container_id] += 1
    return tuple(
        ClosedContainer(
            code=row.code,
            route=row.route,
            label=_route_label(routing, row.route),
            units=counted[row.id],
            weight_kg=sum((_printed_kg(weight) for weight in grams[row.id].values()), Decimal("0.000")),
            closed_at=local(row.closed_at),
            closed_by=row.closed_by or "",
            because=row.closed_because or "",
        )
        for row in containers
    )


def stock_of_period(rows: Sequence[NamedRow]) -> tuple[StockAdded, ...]:
    """The rows of ``ReportRecords.stock_moved``: already netted per SKU and grade, and in order."""
    return tuple(StockAdded(str(row.sku), str(row.grade), int(row.units)) for row in rows)
