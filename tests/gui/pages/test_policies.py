"""Policies: every loaded policy reads in sentences taken from its own data."""

from __future__ import annotations

import pytest

from receiving_app.domain.facts import ReturnReason
from receiving_app.domain.policy import format_percent
from receiving_app.domain.policy_file import policy_from_mapping
from receiving_app.gui.pages.policies import PoliciesPage, policy_html, window_words
from receiving_app.locations import policies_dir
from tests.support.demo_users import USERS
from tests.support.scenarios import shipped_policies

POLICY_IDS = sorted(path.stem for path in policies_dir().glob("*.toml"))


@pytest.fixture
def page(qtbot, station) -> PoliciesPage:
    shown = PoliciesPage(station, USERS["receiver"])
    qtbot.add_widget(shown)
    shown.show()
    return shown


def test_every_loaded_policy_is_listed(page, station) -> None:
    listed = [page.policy_list.item(row).text() for row in range(page.policy_list.count())]

    assert len(listed) == len(station.policies)
    assert all(
        any(policy.seller in text and policy.version in text for text in listed) for policy in station.policies.values()
    )


@pytest.mark.parametrize("policy_id", POLICY_IDS)
def test_a_policy_reads_with_its_windows_fees_deductions_and_timing(qtbot, page, station, policy_id) -> None:
    policy = station.policies[policy_id]

    with qtbot.waitSignal(page.policy_shown) as shown:
        page.show_policy(policy_id)
    text = page.policy_text.toPlainText()

    assert shown.args == [policy_id]
    assert policy.seller in text and policy.version in text and f"seller’s {policy.authorization} number" in text
    assert policy.refund_timing in text and policy.coverage_text in text
    for reason in ReturnReason:
        rules = policy.rules_for(reason)
        for window in rules.windows:
            assert window_words(window) in text
        if rules.window_text:
            assert rules.window_text in text
        if rules.denied_code:
            assert rules.denied_text in text
        fees = [rules.restocking_fee] if rules.restocking_fee else []
        fees += [fee for _, fee in rules.restocking_fee_by_category]
        for fee in fees:
            assert f"{format_percent(fee.percent)}%" in text and fee.sentence() in text
        for exclusion in rules.exclusions:
            assert exclusion.text in text
    if policy.fill_rule:
        assert policy.fill_rule.sentence() in text


def test_deductions_and_shared_rules_are_spelled_out() -> None:
    text = policy_html(shipped_policies()["true-image"])

    assert "<b>Deductions:</b> the prepaid return label’s cost" in text
    assert "The same rules as not needed." in text  # ordered_wrong is written same_as not_needed
    assert "the original shipping is refunded too" in text


def test_a_new_sellers_policy_reads_without_any_code_knowing_the_seller() -> None:
    policy = policy_from_mapping(
        {
            "id": "acme-toner",
            "version": "2027-01-01",
            "seller": "Acme Toner Co.",
            "authorization": "RTN",
            "refund_timing": "Refunds post within 5 days.",
            "account_credit_for_open_account": False,
            "replacement_allowed": False,
            "coverage": {"categories": ["toner"], "text": "Acme takes back toner."},
            "reasons": {
                "defective": {"windows": [{"from": "delivered", "days": 45}], "window_text": "45 days from delivery."},
                "not_needed": {
                    "windows": [{"from": "purchased", "days": 14}],
                    "window_text": "Two weeks.",
                    "restocking_fee": {"percent": "12.5", "text": "{percent}% fee."},
                },
                "ordered_wrong": {"same_as": "not_needed"},
                "damaged_in_transit": {"same_as": "defective"},
                "wrong_item_shipped": {"windows": [{"from": "delivered", "days": 45}], "window_text": "45 days."},
            },
        },
        "acme.toml",
    )

    text = policy_html(policy)

    assert "Acme Toner Co." in text and "RTN" in text and "45 days of delivery" in text
    assert "12.5% of the merchandise" in text and "“12.5% fee.”" in text
    assert "toner cartridges" in text and "Replacement:</b> not offered" in text
