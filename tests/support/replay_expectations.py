"""What a replay of a draft must report, worked out the slow, plain way: every recorded unit decided on
its own with the public ``decide``, and every total summed as Money, one unit after another."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from receiving_app.domain.decision import Decision
from receiving_app.domain.engine import decide
from receiving_app.domain.errors import InputError
from receiving_app.domain.money import Money
from receiving_app.domain.policy import Policy
from receiving_app.domain.policy_comparison import RecordedUnit, Totals, UnitResult

Key = tuple[str, int, int]
Moved = tuple[str, Money, Money, Money, Money, tuple[str, ...]]
"""A unit's outcome, refund, fee, label deducted, shipping refunded and reason codes."""


@dataclass
class Sums:
    units: int = 0
    refunded: Money = field(default_factory=Money.zero)
    fees: Money = field(default_factory=Money.zero)
    label_deducted: Money = field(default_factory=Money.zero)
    shipping_refunded: Money = field(default_factory=Money.zero)
    denied: int = 0
    replacements: int = 0
    denied_by_reason: Counter[str] = field(default_factory=Counter)

    def add(self, moved: Moved) -> None:
        outcome, refund, fee, label, shipping, codes = moved
        self.units += 1
        self.refunded += refund
        self.fees += fee
        self.label_deducted += label
        self.shipping_refunded += shipping
        if outcome == "denied":
            self.denied += 1
            self.denied_by_reason.update(set(codes))
        elif outcome == "replacement":
            self.replacements += 1

    def as_reported(self) -> tuple[object, ...]:
        return (
            self.units,
            self.refunded,
            self.fees,
            self.label_deducted,
            self.shipping_refunded,
            self.denied,
            self.replacements,
            dict(self.denied_by_reason),
        )


@dataclass
class Expected:
    changed: dict[Key, tuple[Moved, Moved]] = field(default_factory=dict)
    overridden: dict[Key, str | None] = field(default_factory=dict)
    undecided: dict[Key, str] = field(default_factory=dict)
    before: Sums = field(default_factory=Sums)
    after: Sums = field(default_factory=Sums)
    days_before: dict[date, Sums] = field(default_factory=dict)
    days_after: dict[date, Sums] = field(default_factory=dict)


def decided_one_by_one(policy: Policy, units: Iterable[RecordedUnit]) -> Expected:
    expected = Expected()
    for unit in units:
        key = (unit.key.rma, unit.key.line, unit.key.unit)
        try:
            decision: Decision | None = decide(policy, unit.facts)
        except InputError as problem:
            decision, problem_text = None, str(problem)
        if unit.overridden:
            expected.overridden[key] = decision.outcome.value if decision else None
            continue
        if decision is None:
            expected.undecided[key] = problem_text
            continue
        before, after = moved(unit.recorded), moved_by(decision)
        for sums in (expected.before, expected.days_before.setdefault(unit.received_on, Sums())):
            sums.add(before)
        for sums in (expected.after, expected.days_after.setdefault(unit.received_on, Sums())):
            sums.add(after)
        if before[:5] != after[:5]:
            expected.changed[key] = (before, after)
    return expected


def moved(result: UnitResult) -> Moved:
    return (
        result.outcome.value,
        result.refund_total,
        result.restocking_fee,
        result.return_shipping_deduction,
        result.shipping_refund,
        result.reasons,
    )


def moved_by(decision: Decision) -> Moved:
    amounts = decision.amounts
    return (
        decision.outcome.value,
        decision.refund_total,
        amounts.restocking_fee,
        amounts.return_shipping_deduction,
        amounts.shipping_refund,
        tuple(reason.code for reason in decision.reasons),
    )


def reported(totals: Totals) -> tuple[object, ...]:
    return (
        totals.units,
        totals.refunded,
        totals.fees,
        totals.label_deducted,
        totals.shipping_refunded,
        totals.denied,
        totals.replacements,
        dict(totals.denied_by_reason),
    )
