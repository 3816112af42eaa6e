"""What the engine reads of a policy, worked out once per policy rather than once per unit.

``decide`` runs for every unit, and a replay of a draft runs it a hundred thousand times under one
policy. The checks a reason rests on, the fact each rule reads, the reasons the policy's own words
give (its coverage, a fee, an outright denial) and the words of each return window depend on the
policy alone, so a plan holds them ready. Policies are frozen: a plan made for a policy object stays
true for as long as that object lives, and is kept beside it (``plan_for``).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from operator import attrgetter, methodcaller

from receiving_app.domain.decision import Reason
from receiving_app.domain.facts import (
    CONDITION_FIELDS,
    FLAG_FIELDS,
    Category,
    ReturnDates,
    ReturnFacts,
    ReturnReason,
)
from receiving_app.domain.policy import FactRule, Policy, ReasonRules, Window

FactReader = Callable[[ReturnFacts], "bool | None"]
"""A condition field or flag of a unit's facts; None when it was not checked."""


@dataclass(frozen=True, slots=True)
class PlannedRule:
    """A rule that denies when its fact reads ``denies_when``, with the reason it then gives."""

    fact: FactReader
    denies_when: bool
    reason: Reason


@dataclass(frozen=True, slots=True)
class PlannedWindow:
    window: Window
    start: Callable[[ReturnDates], date | None]
    """The date the window counts from, read from a unit's dates."""
    noun: str
    limit_words: str


@dataclass(frozen=True, slots=True)
class ReasonPlan:
    rules: ReasonRules
    windows: tuple[PlannedWindow, ...]
    checks: tuple[tuple[str, FactReader], ...]
    """The facts a decision for this reason rests on (``Policy.checks_needed``), each with its reader."""
    exclusions: tuple[PlannedRule, ...]
    outright: Reason | None
    """The reason's denial of every return, when the policy has one."""
    fees: Mapping[Category, tuple[Decimal, Reason]]
    """The restocking fee's percent and reason for each category that pays one."""


@dataclass(frozen=True, slots=True)
class PolicyPlan:
    reasons: Mapping[ReturnReason, ReasonPlan]
    flag_rules: tuple[PlannedRule, ...]
    not_covered: Mapping[Category, Reason]
    """The coverage reason, for each category the seller does not take back."""
    weighed: frozenset[Category]
    """The categories the fill rule weighs (none without a fill rule)."""
    fill_sentence: str


def plan_for(policy: Policy) -> PolicyPlan:
    """The plan of ``policy``, made on first use and kept while the same policy object is in use."""
    kept = _PLANS.get(id(policy))
    if kept is not None and kept[0] is policy:
        return kept[1]
    if len(_PLANS) >= _MOST_PLANS_KEPT:
        _PLANS.clear()  # a station holds a few policies; only a long session of drafts gets here
    plan = _plan(policy)
    _PLANS[id(policy)] = (policy, plan)  # the policy is held too, so that its id cannot be reused meanwhile
    return plan


_MOST_PLANS_KEPT = 64
_PLANS: dict[int, tuple[Policy, PolicyPlan]] = {}


def planned_windows(windows: tuple[Window, ...]) -> tuple[PlannedWindow, ...]:
    return tuple(
        PlannedWindow(window, attrgetter(window.counted_from.value), window.counted_from.noun, window.limit_words)
        for window in windows
    )


def fact_reader(name: str) -> FactReader:
    """What ``ReturnFacts.boolean_fact(name)`` reads, without looking up where the fact is kept each time."""
    if name in CONDITION_FIELDS:
        return attrgetter(f"condition.{name}")
    if name in FLAG_FIELDS:
        return attrgetter(f"flags.{name}")
    return methodcaller("boolean_fact", name)  # not a fact: boolean_fact says so as it always has


def _plan(policy: Policy) -> PolicyPlan:
    fill_rule = policy.fill_rule
    return PolicyPlan(
        reasons={reason: _reason_plan(policy, reason, rules) for reason, rules in policy.reasons.items()},
        flag_rules=_planned_rules(policy.flag_rules),
        not_covered={
            category: Reason("product_not_covered", policy.coverage_text)
            for category in Category
            if category not in policy.covered_categories
        },
        weighed=fill_rule.categories if fill_rule is not None else frozenset(),
        fill_sentence=fill_rule.sentence() if fill_rule is not None else "",
    )


def _reason_plan(policy: Policy, reason: ReturnReason, rules: ReasonRules) -> ReasonPlan:
    fees = {}
    for category in Category:
        fee = rules.fee_for(category)
        if fee is not None:
            fees[category] = (fee.percent, Reason("restocking_fee", fee.sentence()))
    return ReasonPlan(
        rules=rules,
        windows=planned_windows(rules.windows),
        checks=tuple((name, fact_reader(name)) for name in policy.checks_needed(reason)),
        exclusions=_planned_rules(rules.exclusions),
        outright=Reason(rules.denied_code, rules.denied_text) if rules.denied_code else None,
        fees=fees,
    )


def _planned_rules(rules: tuple[FactRule, ...]) -> tuple[PlannedRule, ...]:
    return tuple(PlannedRule(fact_reader(rule.fact), rule.denies_when, Reason(rule.code, rule.text)) for rule in rules)
