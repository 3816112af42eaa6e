"""A seller's currency comes from its policy: every amount decided under it is in that currency, and a
code that is not one the station can keep is refused naming the key."""

from __future__ import annotations

import json
import tomllib
from decimal import Decimal

import pytest

from receiving_app.domain.decision import Outcome, decision_as_json
from receiving_app.domain.engine import decide, decide_with_override
from receiving_app.domain.money import Money, MoneyError
from receiving_app.domain.policy import Policy, PolicyError
from receiving_app.domain.policy_file import policy_from_mapping
from receiving_app.domain.scenario import read_scenario
from receiving_app.locations import policies_dir
from tests.support.scenarios import scenario


def policy_in(currency_line: str, name: str = "true-image") -> Policy:
    """The shipped policy with its ``currency = "USD"`` line replaced (an empty line: no currency key)."""
    text = (policies_dir() / f"{name}.toml").read_text(encoding="utf-8")
    assert 'currency = "USD"' in text, "the shipped policies say their currency"
    edited = text.replace('currency = "USD"', currency_line, 1)
    return policy_from_mapping(tomllib.loads(edited), f"{name}.toml", edited)


def facts_of(policy_id: str, **changes):
    return read_scenario(json.loads(json.dumps(scenario(policy_id, **changes)), parse_float=Decimal)).facts


def test_the_shipped_policies_say_they_price_in_us_dollars_and_a_policy_without_the_key_does_too() -> None:
    assert policy_in('currency = "USD"').currency == "USD"
    assert policy_in("").currency == "USD"


def test_a_policy_in_euros_decides_every_amount_in_euros() -> None:
    euros = policy_in('currency = "EUR"')
    facts = facts_of("true-image", reason="not_needed", return_label_cost="8.95")

    decision = decide(euros, facts)

    amounts = decision.amounts
    assert decision.outcome is Outcome.REFUND
    assert {amount.currency for amount in (*vars_of(amounts), decision.refund_total)} == {"EUR"}
    assert amounts.merchandise == Money.of("54.99", currency="EUR")
    assert decision.refund_total == amounts.merchandise - amounts.restocking_fee - amounts.return_shipping_deduction
    assert decision_as_json(decision)["currency"] == "EUR"
    # The same facts under the dollar policy: the same figures, in dollars.
    dollars = decide(policy_in('currency = "USD"'), facts)
    assert dollars.refund_total.amount == decision.refund_total.amount and dollars.refund_total.currency == "USD"


def test_a_denial_a_replacement_and_an_override_are_in_the_policy_s_currency_too() -> None:
    euros = policy_in('currency = "EUR"')
    denied = decide(euros, facts_of("true-image", reason="not_needed", condition={"unopened": False}))
    assert denied.outcome is Outcome.DENIED
    assert denied.refund_total == Money.zero("EUR") and denied.amounts.restocking_fee == Money.zero("EUR")
    replaced = decide(euros, facts_of("true-image", reason="defective", customer_choice="replacement"))
    assert replaced.outcome is Outcome.REPLACEMENT and replaced.amounts.currency == "EUR"
    overridden = decide_with_override(euros, facts_of("true-image", reason="not_needed"), Outcome.REFUND, "goodwill")
    assert overridden.refund_total.currency == "EUR"


def test_a_refund_floored_at_zero_says_so_in_the_policy_s_currency() -> None:
    pounds = policy_in('currency = "GBP"')
    decision = decide(pounds, facts_of("true-image", reason="not_needed", return_label_cost="80.00"))
    floored = next(reason for reason in decision.reasons if reason.code == "refund_floored")
    assert floored.text.endswith("so the refund is £0.00.")


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        ('currency = "XYZ"', "XYZ is not an ISO 4217 currency code"),
        ('currency = "eur"', "must be a three-letter ISO 4217 currency code"),
        ('currency = "EURO"', "must be a three-letter ISO 4217 currency code"),
        ("currency = 978", "must be a three-letter ISO 4217 currency code"),
        ('currency = "JPY"', "JPY is not counted in hundredths; the station keeps every amount in cents"),
        ('currency = "KWD"', "KWD is not counted in hundredths"),
    ],
)
def test_a_currency_the_station_cannot_keep_is_refused_naming_the_key(line: str, problem: str) -> None:
    with pytest.raises(PolicyError) as refused:
        policy_in(line)
    assert refused.value.key == "currency"
    assert problem in refused.value.problem
    assert str(refused.value).startswith("true-image.toml: currency: ")


def test_prices_already_in_a_third_currency_are_not_relabeled() -> None:
    facts = facts_of("true-image", reason="not_needed")
    in_francs = facts.priced_in("CHF")
    assert in_francs.item.unit_price == Money.of("54.99", currency="CHF")
    with pytest.raises(MoneyError, match="A CHF price cannot be decided under a policy in EUR"):
        decide(policy_in('currency = "EUR"'), in_francs)


def vars_of(amounts) -> tuple[Money, ...]:
    return (amounts.merchandise, amounts.restocking_fee, amounts.return_shipping_deduction, amounts.shipping_refund)
