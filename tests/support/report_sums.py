"""What a report must say, added up in Python from the decisions it summarises (DecisionViews read
through the history service), so that the report's SQL is checked against an independent sum."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from decimal import Decimal

from receiving_app.domain.money import Money
from receiving_app.services.views import DecisionView


def money_sum(amounts) -> Money:
    return sum(amounts, Money.zero())


def outcomes(decided: Sequence[DecisionView]) -> dict[str, int]:
    lines = Counter(decision.outcome for decision in decided)
    return {outcome: lines[outcome] for outcome in ("refund", "replacement", "denied")}


def refunds_by_method(decided: Sequence[DecisionView]) -> dict[str, tuple]:
    methods: dict[str, list[DecisionView]] = defaultdict(list)
    for decision in decided:
        if decision.outcome == "refund":
            methods[decision.refund_method or "none"].append(decision)
    return {
        method: (
            len(rows),
            money_sum(row.amounts.merchandise for row in rows),
            money_sum(row.amounts.restocking_fee for row in rows),
            money_sum(row.amounts.return_shipping_deduction for row in rows),
            money_sum(row.amounts.shipping_refund for row in rows),
            money_sum(row.refund_total for row in rows),
        )
        for method, rows in methods.items()
    }


def fees(decided: Sequence[DecisionView]) -> tuple[int, Money]:
    charged = [decision.amounts.restocking_fee for decision in decided if not decision.amounts.restocking_fee.is_zero]
    return len(charged), money_sum(charged)


def denial_reasons(decided: Sequence[DecisionView]) -> dict[str, int]:
    return dict(
        Counter(code for decision in decided if decision.outcome == "denied" for code, _text in decision.reasons)
    )


def denied_fill_levels(decided: Sequence[DecisionView]) -> list[Decimal]:
    return sorted(
        decision.fill_fraction
        for decision in decided
        if decision.outcome == "denied" and decision.fill_fraction is not None
    )


def median(values: Sequence[Decimal]) -> Decimal | None:
    if not values:
        return None
    middle = len(values) // 2
    return values[middle] if len(values) % 2 else (values[middle - 1] + values[middle]) / 2


def buckets(values: Sequence[Decimal]) -> tuple[int, ...]:
    counts = [0] * 10
    for value in values:
        counts[min(int(value * 10), 9)] += 1
    return tuple(counts)


def work(decided: Sequence[DecisionView], key) -> dict[str, tuple]:
    """Per name: lines, refunds, replacements, denials, overridden, refunded."""
    people: dict[str, list[DecisionView]] = defaultdict(list)
    for decision in decided:
        name = key(decision)
        if name is not None:
            people[name].append(decision)
    return {
        name: (
            len(rows),
            sum(row.outcome == "refund" for row in rows),
            sum(row.outcome == "replacement" for row in rows),
            sum(row.outcome == "denied" for row in rows),
            sum(row.overridden_by is not None for row in rows),
            money_sum(row.refund_total for row in rows),
        )
        for name, rows in people.items()
    }
