"""The policy engine: one pure function from a policy and the facts of a line to a decision.

Rules that hold under every policy (seller errors, replacements move no money, how a refund is
paid) are written here once; everything a seller can change is read from the policy data.
"""

from __future__ import annotations

from collections.abc import Callable

from receiving_app.domain.decision import (
    SUPERVISOR_OVERRIDE,
    Amounts,
    Decision,
    DocumentType,
    Outcome,
    Reason,
    RefundMethod,
)
from receiving_app.domain.errors import InputError
from receiving_app.domain.facts import (
    Category,
    CustomerChoice,
    PaymentMethod,
    ReturnDates,
    ReturnFacts,
    fact_group,
    fact_label,
)
from receiving_app.domain.fill_text import fill_text
from receiving_app.domain.money import Money
from receiving_app.domain.money_text import money_text
from receiving_app.domain.policy import FactRule, Policy, ReasonRules
from receiving_app.domain.policy_plan import (
    PlannedRule,
    PlannedWindow,
    PolicyPlan,
    ReasonPlan,
    plan_for,
    planned_windows,
)
from receiving_app.domain.windows import days_between


class MissingFact(InputError):
    """The policy needs a fact the station does not have yet (a date, a check, or the cartridge's weight).

    ``still_to_check`` names, in words, every check the clerk has yet to make, for the bench to list.
    """

    def __init__(self, field: str, problem: str, still_to_check: tuple[str, ...] = ()) -> None:
        super().__init__(f"{field}: {problem}")
        self.field = field
        self.problem = problem
        self.still_to_check = still_to_check


def decide(policy: Policy, facts: ReturnFacts) -> Decision:
    facts = facts.priced_in(policy.currency)
    plan = plan_for(policy)  # what depends on the policy alone, worked out once (policy_plan.py)
    reason_plan = plan.reasons[facts.reason]
    _require_facts(policy, plan, reason_plan, facts)

    window_reason, window_passed = _judged_windows(reason_plan.windows, reason_plan.rules.window_text, facts.dates)
    denials = _denials(policy, plan, reason_plan, facts, None if window_passed else window_reason)
    fill_fraction = facts.fill.reported_fraction if facts.fill else None
    merchandise = facts.item.merchandise

    def decision(
        outcome: Outcome,
        method: RefundMethod | None,
        amounts: Amounts,
        documents: list[DocumentType],
        reasons: list[Reason],
    ) -> Decision:
        return Decision(
            policy_id=policy.id,
            policy_version=policy.version,
            outcome=outcome,
            refund_method=method,
            amounts=amounts,
            fill_fraction=fill_fraction,
            documents=tuple(documents),
            reasons=tuple(reasons),
        )

    if denials:
        return decision(Outcome.DENIED, None, Amounts.nothing_moves(merchandise), [DocumentType.DENIAL_NOTICE], denials)

    passed = [window_reason] if window_reason else []
    if facts.customer_choice is CustomerChoice.REPLACEMENT and policy.replacement_allowed:
        return decision(
            Outcome.REPLACEMENT,
            None,
            Amounts.nothing_moves(merchandise),
            [DocumentType.REPLACEMENT_SLIP],
            [*passed, _REPLACEMENT],
        )

    amounts, money_reasons = _refund_amounts(reason_plan, facts)
    method = _refund_method(policy, facts.payment_method) if not amounts.refund_total.is_zero else None
    documents = [DocumentType.CREDIT_MEMO]
    if not amounts.restocking_fee.is_zero:
        documents.append(DocumentType.RESTOCKING_FEE_RECEIPT)
    return decision(Outcome.REFUND, method, amounts, documents, [*passed, *money_reasons])


_REPLACEMENT = Reason("replacement", "A replacement will be shipped at no charge; no money moves.")


def _require_facts(policy: Policy, plan: PolicyPlan, reason_plan: ReasonPlan, facts: ReturnFacts) -> None:
    for planned in reason_plan.windows:
        if planned.start(facts.dates) is None:
            raise MissingFact(
                f"dates.{planned.window.counted_from.value}",
                f"the {policy.id} policy counts {facts.reason.label} returns from this date",
            )
    unchecked = [name for name, fact in reason_plan.checks if fact(facts) is None]
    if unchecked:
        words = tuple(fact_label(name).lower() for name in unchecked)
        raise MissingFact(
            f"{fact_group(unchecked[0])}.{unchecked[0]}",
            f"not checked yet ({', '.join(words)}); the {policy.id} policy decides {facts.reason.label} returns on "
            + ("it" if len(words) == 1 else "them"),
            words,
        )
    if facts.item.category in plan.weighed and facts.fill is None:
        raise MissingFact(
            "weight",
            f"the {policy.id} policy weighs every {facts.item.category.value} cartridge; weigh it first",
            ("weight",),
        )


def _denials(
    policy: Policy, plan: PolicyPlan, reason_plan: ReasonPlan, facts: ReturnFacts, window_denial: Reason | None
) -> list[Reason]:
    """Every rule that denies, in the order the policy reads: product, flags, reason, window, condition, fill."""
    denials: list[Reason] = []
    product = plan.not_covered.get(facts.item.category)  # as product_denial says it
    if product is not None:
        denials.append(product)
    denials.extend(_broken(plan.flag_rules, facts))
    if reason_plan.outright is not None:
        denials.append(reason_plan.outright)
    denials.extend(_broken(reason_plan.exclusions, facts))
    if window_denial is not None:
        denials.append(window_denial)
    rules = reason_plan.rules
    if rules.saleable_required and not facts.condition.is_saleable:
        found = _join_words(facts.condition.saleable_failures())
        denials.append(Reason("not_saleable", f"Not in saleable condition: {found}. {rules.saleable_text}"))
    fill_rule = policy.fill_rule
    if (
        fill_rule is not None
        and facts.fill is not None
        and facts.item.category in fill_rule.categories
        and facts.fill.exact_fraction < fill_rule.minimum_fraction
    ):
        left = fill_text(facts.fill.reported_fraction)
        denials.append(
            Reason(
                "below_fill_threshold",
                f"The cartridge weighed {facts.fill.measured_g} g, {left} of its "
                f"{facts.item.category.value} left. {plan.fill_sentence}",
            )
        )
    return denials


def product_denial(policy: Policy, category: Category) -> Reason | None:
    """The policy's coverage sentence when the seller does not take this kind of product back."""
    if category in policy.covered_categories:
        return None
    return Reason("product_not_covered", policy.coverage_text)


def reason_denial(rules: ReasonRules) -> Reason | None:
    """The policy's sentence when it denies every return for this reason, whatever the facts."""
    return Reason(rules.denied_code, rules.denied_text) if rules.denied_code else None


def broken_rules(rules: tuple[FactRule, ...], fact: Callable[[str], bool | None]) -> list[Reason]:
    """The rules a fact breaks; ``fact`` gives a condition field or flag by name, None when not known
    (an unknown fact breaks nothing: the RMA desk knows only what the order says)."""
    return [Reason(rule.code, rule.text) for rule in rules if fact(rule.fact) == rule.denies_when]


def _broken(rules: tuple[PlannedRule, ...], facts: ReturnFacts) -> list[Reason]:
    """``broken_rules`` over a unit's facts, with the rules as the policy's plan holds them."""
    return [rule.reason for rule in rules if rule.fact(facts) == rule.denies_when]


def judge_windows(rules: ReasonRules, dates: ReturnDates) -> tuple[Reason | None, bool]:
    """The window sentence (within, or outside with the policy's words) and whether the return is inside.

    Every date a window counts from must be known; the caller checks first and says which is missing."""
    return _judged_windows(planned_windows(rules.windows), rules.window_text, dates)


def _judged_windows(
    windows: tuple[PlannedWindow, ...], window_text: str, dates: ReturnDates
) -> tuple[Reason | None, bool]:
    if not windows:
        return None, True
    reported = dates.reported
    passed = True
    parts = []
    for planned in windows:
        start = planned.start(dates)
        if start is None:  # callers refuse a window without its date before judging it
            raise MissingFact(f"dates.{planned.window.counted_from.value}", "is needed to judge the return window")
        passed = passed and planned.window.contains(start, reported)
        parts.append(f"{_days_words(days_between(start, reported), planned.noun)} (limit {planned.limit_words})")
    described = "Reported " + " and ".join(parts)
    if passed:
        return Reason("within_return_window", described + "."), True
    return Reason("outside_window", f"{described}: outside the return window. {window_text}"), False


def _days_words(days: int, noun: str) -> str:
    count = abs(days)
    unit = "day" if count == 1 else "days"
    side = "after" if days >= 0 else "before"
    return f"{count} {unit} {side} {noun}"


def _refund_amounts(reason_plan: ReasonPlan, facts: ReturnFacts) -> tuple[Amounts, list[Reason]]:
    rules = reason_plan.rules
    merchandise = facts.item.merchandise
    reasons: list[Reason] = []
    if facts.reason.is_seller_error:
        zero = Money.zero(merchandise.currency)
        amounts = Amounts(merchandise, zero, zero, facts.shipping_paid)
        if not facts.shipping_paid.is_zero:
            reasons.append(
                Reason(
                    "shipping_refunded",
                    f"The original shipping of {money_text(facts.shipping_paid)} is refunded"
                    " because we shipped the wrong item.",
                )
            )
    else:
        fee_rule = reason_plan.fees.get(facts.item.category)  # the percent and its reason, as rules.fee_for says
        zero = Money.zero(merchandise.currency)
        fee = merchandise.percent(fee_rule[0]) if fee_rule else zero
        if fee_rule is not None and not fee.is_zero:
            reasons.append(fee_rule[1])
        deduction = facts.return_label_cost if rules.deduct_return_label else zero
        if not deduction.is_zero:
            reasons.append(
                Reason(
                    "return_label_deducted", rules.deduct_return_label_text.replace("{amount}", money_text(deduction))
                )
            )
        amounts = Amounts(merchandise, fee, deduction, zero)
    if amounts.is_floored:
        reasons.append(
            Reason(
                "refund_floored",
                "The fee and deductions exceed the merchandise value, so the refund is "
                f"{money_text(amounts.refund_total)}.",
            )
        )
    return amounts, reasons


def _refund_method(policy: Policy, payment: PaymentMethod) -> RefundMethod:
    if policy.account_credit_for_open_account and payment is PaymentMethod.OPEN_ACCOUNT:
        return RefundMethod.ACCOUNT_CREDIT
    return RefundMethod.ORIGINAL_PAYMENT


def _join_words(words: list[str]) -> str:
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + " and " + words[-1]


def decide_with_override(policy: Policy, facts: ReturnFacts, outcome: Outcome, why: str) -> Decision:
    """A supervisor's outcome in place of the engine's; the money still follows the policy's rules."""
    facts = facts.priced_in(policy.currency)
    reason_plan = plan_for(policy).reasons[facts.reason]
    override = Reason(SUPERVISOR_OVERRIDE, f"Decided by a supervisor: {why.strip().rstrip('.')}.")
    fill_fraction = facts.fill.reported_fraction if facts.fill else None
    merchandise = facts.item.merchandise
    if outcome is Outcome.REFUND:
        amounts, money_reasons = _refund_amounts(reason_plan, facts)
        method = _refund_method(policy, facts.payment_method) if not amounts.refund_total.is_zero else None
        documents = [DocumentType.CREDIT_MEMO]
        if not amounts.restocking_fee.is_zero:
            documents.append(DocumentType.RESTOCKING_FEE_RECEIPT)
        reasons = [override, *money_reasons]
    else:
        amounts, method, reasons = Amounts.nothing_moves(merchandise), None, [override]
        documents = [DocumentType.REPLACEMENT_SLIP if outcome is Outcome.REPLACEMENT else DocumentType.DENIAL_NOTICE]
    return Decision(
        policy.id, policy.version, outcome, method, amounts, fill_fraction, tuple(documents), tuple(reasons)
    )
