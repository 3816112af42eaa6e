"""Replaying a draft policy over decisions already made: what it would have decided, unit by unit,
beside what each unit got, and the totals before and after.

Each unit is decided again by the engine from the facts it was decided on. A unit counts as
changed when its outcome or any of its amounts would differ (a reworded reason alone is no
change). A supervisor's override is the supervisor's decision, not the policy's: such units are
listed apart with what the draft alone would say, and are in no total. A unit the draft cannot
decide (it rests on a fact the bench did not check) is listed apart too, so that both totals are
always over the same units.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from functools import reduce
from operator import attrgetter

from receiving_app.domain.decision import Decision, Outcome
from receiving_app.domain.engine import decide
from receiving_app.domain.errors import InputError
from receiving_app.domain.facts import ReturnFacts
from receiving_app.domain.money import Money
from receiving_app.domain.policy import Policy


@dataclass(frozen=True, slots=True)
class UnitKey:
    rma: str
    line: int
    unit: int


@dataclass(frozen=True, slots=True)
class UnitResult:
    """A unit's outcome and money, as recorded or as the draft decides it."""

    outcome: Outcome
    refund_total: Money
    restocking_fee: Money
    return_shipping_deduction: Money
    shipping_refund: Money
    reasons: tuple[str, ...]
    """The codes of the decision's reasons."""

    @classmethod
    def of(cls, decision: Decision) -> UnitResult:
        amounts = decision.amounts
        return cls(
            decision.outcome,
            decision.refund_total,
            amounts.restocking_fee,
            amounts.return_shipping_deduction,
            amounts.shipping_refund,
            tuple(map(_CODE, decision.reasons)),
        )

    def moves_the_same(self, other: UnitResult) -> bool:
        """The same outcome and the same money, whatever the reasons' words."""
        return (
            self.outcome is other.outcome
            and self.refund_total == other.refund_total
            and self.restocking_fee == other.restocking_fee
            and self.return_shipping_deduction == other.return_shipping_deduction
            and self.shipping_refund == other.shipping_refund
        )


_CODE = attrgetter("code")


@dataclass(frozen=True, slots=True)
class RecordedUnit:
    """One decided unit: where it is, the facts it was decided on and what it got."""

    key: UnitKey
    received_on: date
    facts: ReturnFacts
    recorded: UnitResult
    overridden: bool


@dataclass(frozen=True, slots=True)
class ChangedUnit:
    key: UnitKey
    received_on: date
    before: UnitResult
    after: UnitResult


@dataclass(frozen=True, slots=True)
class OverriddenUnit:
    key: UnitKey
    received_on: date
    recorded: UnitResult
    draft_outcome: Outcome | None
    """What the draft alone would decide; None when it cannot decide the unit."""


@dataclass(frozen=True, slots=True)
class UndecidedUnit:
    key: UnitKey
    received_on: date
    recorded: UnitResult
    problem: str
    """Why the draft cannot decide it, naming the fact ("weight: ...")."""


@dataclass(frozen=True, slots=True)
class Totals:
    """What a set of units refunds, keeps and denies (all amounts in the policy's currency)."""

    units: int = 0
    refunded: Money = field(default_factory=Money.zero)
    fees: Money = field(default_factory=Money.zero)
    label_deducted: Money = field(default_factory=Money.zero)
    shipping_refunded: Money = field(default_factory=Money.zero)
    denied: int = 0
    replacements: int = 0
    denied_by_reason: Mapping[str, int] = field(default_factory=dict)
    """Denied units by each denial code they carry (a unit denied on two rules counts under both)."""

    def plus(self, other: Totals) -> Totals:
        """These units' totals and ``other``'s, together."""
        denied_by_reason = Counter(self.denied_by_reason)
        denied_by_reason.update(other.denied_by_reason)
        return Totals(
            self.units + other.units,
            self.refunded + other.refunded,
            self.fees + other.fees,
            self.label_deducted + other.label_deducted,
            self.shipping_refunded + other.shipping_refunded,
            self.denied + other.denied,
            self.replacements + other.replacements,
            dict(sorted(denied_by_reason.items())),
        )


@dataclass(frozen=True, slots=True)
class DayTotals:
    day: date
    before: Totals
    after: Totals


@dataclass(frozen=True, slots=True)
class Comparison:
    changed: tuple[ChangedUnit, ...]
    overridden: tuple[OverriddenUnit, ...]
    undecided: tuple[UndecidedUnit, ...]
    before: Totals
    after: Totals
    days: tuple[DayTotals, ...]
    """The totals of each day the units were received, in order: for a chart."""

    @property
    def units_compared(self) -> int:
        return self.before.units


class _Tally:
    """Sums kept as Decimals: a hundred thousand Money additions would cost most of a second."""

    def __init__(self) -> None:
        self.units = self.denied = self.replacements = 0
        self.refunded = self.fees = self.label_deducted = self.shipping_refunded = Decimal(0)
        # Denied units counted by their codes together, and only spread over each code at the end: a
        # hundred thousand Counter updates would cost a good part of a second.
        self.denied_by_codes: Counter[tuple[str, ...]] = Counter()

    def add(self, result: UnitResult) -> None:
        self.units += 1
        self.refunded += result.refund_total.amount
        self.fees += result.restocking_fee.amount
        self.label_deducted += result.return_shipping_deduction.amount
        self.shipping_refunded += result.shipping_refund.amount
        if result.outcome is Outcome.DENIED:
            self.denied += 1
            # The engine gives a denial only the reasons that deny (an override is in no total).
            self.denied_by_codes[result.reasons] += 1
        elif result.outcome is Outcome.REPLACEMENT:
            self.replacements += 1

    def absorb(self, other: _Tally) -> None:
        self.units += other.units
        self.denied += other.denied
        self.replacements += other.replacements
        self.refunded += other.refunded
        self.fees += other.fees
        self.label_deducted += other.label_deducted
        self.shipping_refunded += other.shipping_refunded
        self.denied_by_codes.update(other.denied_by_codes)

    def denied_by_reason(self) -> dict[str, int]:
        """Denied units by each code they carry, in order of the codes (a unit with two counts under both)."""
        counted: Counter[str] = Counter()
        for codes, units in self.denied_by_codes.items():
            for code in dict.fromkeys(codes):
                counted[code] += units
        return dict(sorted(counted.items()))

    def totals(self, currency: str) -> Totals:
        return Totals(
            self.units,
            Money(self.refunded, currency),
            Money(self.fees, currency),
            Money(self.label_deducted, currency),
            Money(self.shipping_refunded, currency),
            self.denied,
            self.replacements,
            self.denied_by_reason(),
        )


def compare(policy: Policy, units: Iterable[RecordedUnit]) -> Comparison:
    """Every unit decided again under ``policy`` and held against what it got."""
    changed: list[ChangedUnit] = []
    overridden: list[OverriddenUnit] = []
    undecided: list[UndecidedUnit] = []
    days: dict[date, tuple[_Tally, _Tally]] = {}  # the whole's totals are the days' summed at the end
    # The draft's results of the changed units, one object for each distinct result: a few hundred
    # for thousands of units, which is what a split replay's processes then send back to be joined.
    changed_results: dict[UnitResult, UnitResult] = {}
    for unit in units:
        try:
            decision = decide(policy, unit.facts)
        except InputError as problem:  # a fact the bench did not check, or catalog weights that define no fill
            if unit.overridden:
                overridden.append(OverriddenUnit(unit.key, unit.received_on, unit.recorded, None))
            else:
                undecided.append(UndecidedUnit(unit.key, unit.received_on, unit.recorded, str(problem)))
            continue
        if unit.overridden:
            overridden.append(OverriddenUnit(unit.key, unit.received_on, unit.recorded, decision.outcome))
            continue
        result = UnitResult.of(decision)
        day = days.get(unit.received_on)
        if day is None:
            day = days[unit.received_on] = (_Tally(), _Tally())
        day[0].add(unit.recorded)
        day[1].add(result)
        if not unit.recorded.moves_the_same(result):
            result = changed_results.setdefault(result, result)
            changed.append(ChangedUnit(unit.key, unit.received_on, unit.recorded, result))
    before, after = _Tally(), _Tally()
    for day_before, day_after in days.values():
        before.absorb(day_before)
        after.absorb(day_after)
    return Comparison(
        tuple(changed),
        tuple(overridden),
        tuple(undecided),
        before.totals(policy.currency),
        after.totals(policy.currency),
        tuple(
            DayTotals(day, tallies[0].totals(policy.currency), tallies[1].totals(policy.currency))
            for day, tallies in sorted(days.items())
        ),
    )


def joined(parts: Sequence[Comparison]) -> Comparison:
    """The comparisons of consecutive runs of units (in the order ``compare`` meets them) as the one
    ``compare`` gives over all of them: a replay split between processes compares a run in each."""
    first, *later = parts
    days = {day.day: day for day in first.days}
    for part in later:
        for day in part.days:
            earlier = days.get(day.day)
            days[day.day] = (
                day
                if earlier is None
                else DayTotals(day.day, earlier.before.plus(day.before), earlier.after.plus(day.after))
            )
    return Comparison(
        tuple(unit for part in parts for unit in part.changed),
        tuple(unit for part in parts for unit in part.overridden),
        tuple(unit for part in parts for unit in part.undecided),
        reduce(Totals.plus, (part.before for part in later), first.before),
        reduce(Totals.plus, (part.after for part in later), first.after),
        tuple(days[day] for day in sorted(days)),
    )
