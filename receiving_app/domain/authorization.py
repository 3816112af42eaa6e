"""Checking a return request at the RMA desk, under the seller's policy, before any cartridge is seen.

The desk knows the order, not the cartridge, so it asks the policy only what the order can answer:
whether the seller takes this kind of product back, whether the reason is refused outright, whether
the return is inside its window (counted to today, the authorization date), and whether the seller
sold it. Each refusal is the engine's own rule in the policy's own words (``engine.py``), so the desk
and the bench never read a rule two ways. Condition, fill and the other flags wait for the bench.

A window counted from a date the order does not have (a delivery never recorded) is not passed
silently: the request is refused saying so, and a supervisor may authorize it anyway.
"""

from __future__ import annotations

from dataclasses import dataclass

from receiving_app.domain.decision import Reason
from receiving_app.domain.engine import broken_rules, judge_windows, product_denial, reason_denial
from receiving_app.domain.facts import Category, CustomerChoice, DateEvent, ReturnDates, ReturnReason
from receiving_app.domain.policy import Policy

DATE_NOT_ON_FILE = "date_not_on_file"
REPLACEMENT_NOT_OFFERED = "replacement_not_offered"


@dataclass(frozen=True, slots=True)
class ReturnRequest:
    """One order line a customer asks to return, as the desk knows it; ``dates.reported`` is today."""

    reason: ReturnReason
    customer_choice: CustomerChoice
    category: Category
    dates: ReturnDates
    sold_by_seller: bool


@dataclass(frozen=True, slots=True)
class Authorization:
    """The policy's answer: authorized when nothing refuses; each refusal in the customer's words."""

    refusals: tuple[Reason, ...]

    @property
    def authorized(self) -> bool:
        return not self.refusals


def authorize(policy: Policy, request: ReturnRequest) -> Authorization:
    """Every rule the order alone can break, in the order the engine reads them."""
    rules = policy.rules_for(request.reason)
    refusals: list[Reason] = []
    product = product_denial(policy, request.category)
    if product is not None:
        refusals.append(product)
    refusals.extend(broken_rules(policy.flag_rules, lambda name: _known_at_the_desk(name, request)))
    outright = reason_denial(rules)
    if outright is not None:
        refusals.append(outright)
    missing = [window.counted_from for window in rules.windows if request.dates.of(window.counted_from) is None]
    if missing:
        refusals.append(Reason(DATE_NOT_ON_FILE, _dates_not_on_file(missing, rules.window_text)))
    else:
        window, inside = judge_windows(rules, request.dates)
        if not inside and window is not None:
            refusals.append(window)
    if request.customer_choice is CustomerChoice.REPLACEMENT and not policy.replacement_allowed:
        refusals.append(
            Reason(REPLACEMENT_NOT_OFFERED, f"{policy.seller} does not offer replacements; a refund can be authorized.")
        )
    return Authorization(tuple(refusals))


def _known_at_the_desk(name: str, request: ReturnRequest) -> bool | None:
    """Whether the seller sold it is on the order; every other fact needs the cartridge in hand."""
    return request.sold_by_seller if name == "sold_by_seller" else None


def _dates_not_on_file(events: list[DateEvent], window_text: str) -> str:
    nouns = list(dict.fromkeys(event.noun for event in events))
    named = " and ".join(nouns)
    dates = "date is" if len(nouns) == 1 else "dates are"
    return f"The {named} {dates} not on file for this order, so the return window cannot be counted. {window_text}"
