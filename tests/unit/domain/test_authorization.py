"""The RMA desk's check of a return request under each shipped policy: what the order alone can tell,
refused in the very words the engine uses when it decides at the bench."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from receiving_app.domain.authorization import ReturnRequest, authorize
from receiving_app.domain.decision import Outcome
from receiving_app.domain.engine import decide
from receiving_app.domain.facts import (
    Category,
    CustomerChoice,
    Item,
    PaymentMethod,
    ReturnDates,
    ReturnFacts,
    ReturnReason,
)
from receiving_app.domain.money import Money
from receiving_app.locations import policies_dir
from receiving_app.persistence.policy_files import load_policies

POLICIES = load_policies(policies_dir())

# Per policy: a reason, the date its window counts from, the last day inside it, the first day outside,
# and the refusal the customer reads on that day.
WINDOWS = {
    "true-image": (
        ReturnReason.NOT_NEEDED,
        "purchased",
        date(2026, 2, 1),
        date(2026, 3, 3),
        date(2026, 3, 4),
        "Reported 31 days after purchase (limit 30): outside the return window. "
        "Non-defective cartridges can be returned within 30 days of the purchase date.",
    ),
    "4inkjets": (
        ReturnReason.DEFECTIVE,
        "purchased",
        date(2024, 3, 1),
        date(2026, 3, 1),
        date(2026, 3, 2),
        "Reported 731 days after purchase (limit 2 years): outside the return window. "
        "Every product comes with a two-year 100% satisfaction guarantee from the date of purchase.",
    ),
    "image-pro-international": (
        ReturnReason.DEFECTIVE,
        "delivered",
        date(2026, 3, 6),
        date(2026, 3, 13),
        date(2026, 3, 14),
        "Reported 8 days after delivery (limit 7): outside the return window. "
        "Claims must be made within 7 days of receiving the product.",
    ),
    "image-pro-services": (
        ReturnReason.DEFECTIVE,
        "purchased",
        date(2025, 3, 1),
        date(2026, 3, 1),
        date(2026, 3, 2),
        "Reported 366 days after purchase (limit 1 year): outside the return window. "
        "Cartridges are warranted against defects for 1 year from the date of purchase.",
    ),
}
NOT_SOLD_HERE = {
    "true-image": "This return policy applies only to products purchased directly from True Image.",
    "4inkjets": "The 4inkjets satisfaction guarantee covers only products purchased from 4inkjets.",
    "image-pro-international": "This return policy covers only products purchased from Image Pro International.",
    "image-pro-services": "Image-Pro's warranty and returns cover only products sold by Image-Pro Services & Supplies.",
}


def _dates(counted_from: str, start: date, reported: date) -> ReturnDates:
    """Every date of the order on ``start`` (so the window's own date is ``start``), reported on ``reported``."""
    assert counted_from in ("purchased", "delivered")
    return ReturnDates(purchased=start, shipped=start, delivered=start, reported=reported)


def _request(
    reason: ReturnReason,
    dates: ReturnDates,
    *,
    category: Category = Category.DRUM,
    sold_by_seller: bool = True,
    choice: CustomerChoice = CustomerChoice.REFUND,
) -> ReturnRequest:
    return ReturnRequest(reason, choice, category, dates, sold_by_seller)


@pytest.mark.parametrize("policy_id", sorted(WINDOWS))
def test_inside_the_window_the_desk_authorizes(policy_id) -> None:
    reason, counted_from, start, last_day, _, _ = WINDOWS[policy_id]

    answer = authorize(POLICIES[policy_id], _request(reason, _dates(counted_from, start, last_day)))

    assert answer.authorized and answer.refusals == ()


@pytest.mark.parametrize("policy_id", sorted(WINDOWS))
def test_a_day_past_the_window_is_refused_in_the_engines_words(policy_id) -> None:
    reason, counted_from, start, _, first_day_out, sentence = WINDOWS[policy_id]
    dates = _dates(counted_from, start, first_day_out)

    answer = authorize(POLICIES[policy_id], _request(reason, dates))

    assert not answer.authorized
    assert [(refusal.code, refusal.text) for refusal in answer.refusals] == [("outside_window", sentence)]
    # The bench, deciding the same drum on the same day, denies it with the same sentence.
    decided = decide(
        POLICIES[policy_id],
        ReturnFacts(reason, Item("DR-630", Category.DRUM, Money.of("39.99"), 1), dates, PaymentMethod.CARD),
    )
    assert decided.outcome is Outcome.DENIED and answer.refusals[0] in decided.reasons


@pytest.mark.parametrize("policy_id", sorted(WINDOWS))
@pytest.mark.parametrize("category", list(Category))
def test_a_product_the_seller_does_not_take_back_is_refused_with_its_coverage(policy_id, category) -> None:
    reason, counted_from, start, last_day, _, _ = WINDOWS[policy_id]
    policy = POLICIES[policy_id]

    answer = authorize(policy, _request(reason, _dates(counted_from, start, last_day), category=category))

    expected = [] if category in policy.covered_categories else [("product_not_covered", policy.coverage_text)]
    assert [(refusal.code, refusal.text) for refusal in answer.refusals] == expected


def test_true_image_takes_no_replacement_part_back() -> None:
    answer = authorize(
        POLICIES["true-image"],
        _request(
            ReturnReason.DEFECTIVE,
            _dates("purchased", date(2026, 3, 1), date(2026, 3, 2)),
            category=Category.REPLACEMENT_PART,
        ),
    )

    assert [refusal.text for refusal in answer.refusals] == [
        "True Image's return policy covers printer ink cartridges, toner cartridges and drum units only."
    ]


@pytest.mark.parametrize("policy_id", sorted(WINDOWS))
def test_an_order_the_seller_did_not_sell_is_refused_with_its_sentence(policy_id) -> None:
    reason, counted_from, start, last_day, _, _ = WINDOWS[policy_id]

    answer = authorize(
        POLICIES[policy_id], _request(reason, _dates(counted_from, start, last_day), sold_by_seller=False)
    )

    assert [(refusal.code, refusal.text) for refusal in answer.refusals] == [
        ("not_sold_by_seller", NOT_SOLD_HERE[policy_id])
    ]


def test_every_refusal_is_said_in_the_order_the_engine_reads_them() -> None:
    answer = authorize(
        POLICIES["true-image"],
        _request(
            ReturnReason.NOT_NEEDED,
            _dates("purchased", date(2025, 1, 1), date(2026, 3, 16)),
            category=Category.REPLACEMENT_PART,
            sold_by_seller=False,
        ),
    )

    assert [refusal.code for refusal in answer.refusals] == [
        "product_not_covered",
        "not_sold_by_seller",
        "outside_window",
    ]


def test_a_reason_the_policy_refuses_outright_is_refused_whatever_the_dates() -> None:
    answer = authorize(
        POLICIES["image-pro-services"],
        _request(ReturnReason.DAMAGED_IN_TRANSIT, _dates("purchased", date(2026, 3, 10), date(2026, 3, 11))),
    )

    assert [(refusal.code, refusal.text) for refusal in answer.refusals] == [
        (
            "freight_damage_excluded",
            "Image-Pro's warranty does not cover freight damage; please file the claim with the carrier.",
        )
    ]


def test_a_window_counted_from_a_date_not_on_file_is_refused_saying_so() -> None:
    no_delivery = ReturnDates(purchased=date(2026, 3, 2), shipped=date(2026, 3, 3), reported=date(2026, 3, 5))

    answer = authorize(POLICIES["image-pro-international"], _request(ReturnReason.DEFECTIVE, no_delivery))

    assert [(refusal.code, refusal.text) for refusal in answer.refusals] == [
        (
            "date_not_on_file",
            "The delivery date is not on file for this order, so the return window cannot be counted. "
            "Claims must be made within 7 days of receiving the product.",
        )
    ]


def test_one_of_two_windows_without_its_date_refuses_even_when_the_other_is_met() -> None:
    nothing_shipped = ReturnDates(purchased=date(2026, 3, 2), reported=date(2026, 3, 5))

    answer = authorize(POLICIES["image-pro-services"], _request(ReturnReason.NOT_NEEDED, nothing_shipped))

    assert [refusal.code for refusal in answer.refusals] == ["date_not_on_file"]
    assert answer.refusals[0].text.startswith("The shipment date is not on file for this order")


def test_a_replacement_a_seller_does_not_offer_is_refused() -> None:
    no_replacements = replace(POLICIES["4inkjets"], replacement_allowed=False)
    dates = _dates("purchased", date(2026, 3, 1), date(2026, 3, 2))

    refused = authorize(no_replacements, _request(ReturnReason.DEFECTIVE, dates, choice=CustomerChoice.REPLACEMENT))
    refund = authorize(no_replacements, _request(ReturnReason.DEFECTIVE, dates, choice=CustomerChoice.REFUND))

    assert [refusal.text for refusal in refused.refusals] == [
        "4inkjets does not offer replacements; a refund can be authorized."
    ]
    assert refund.authorized
