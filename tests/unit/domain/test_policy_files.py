"""Policy files are validated on load, and every mistake names the file and the key."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from receiving_app.domain.engine import decide
from receiving_app.domain.policy import PolicyError
from receiving_app.domain.scenario import read_scenario
from receiving_app.locations import policies_dir
from receiving_app.persistence.policy_files import load_policies, load_policy_file
from tests.support.scenarios import scenario


def test_the_four_shipped_policies_load_with_versions() -> None:
    policies = load_policies(policies_dir())
    assert sorted(policies) == ["4inkjets", "image-pro-international", "image-pro-services", "true-image"]
    assert all(policy.version for policy in policies.values())
    assert {policy.authorization for policy in policies.values()} == {"RMA", "RA", "RGA"}


def _edited(tmp_path: Path, name: str, old: str, new: str) -> Path:
    target = tmp_path / f"{name}.toml"
    text = (policies_dir() / f"{name}.toml").read_text()
    assert old in text, f"test setup: {old!r} not in {name}.toml"
    target.write_text(text.replace(old, new, 1))
    return target


@pytest.mark.parametrize(
    ("name", "old", "new", "key"),
    [
        ("true-image", 'version = "2026-12-03"', "", "version"),
        ("true-image", 'percent = "15"', 'percent = "fifteen"', "reasons.not_needed.restocking_fee.percent"),
        ("true-image", 'percent = "15"', 'percent = "150"', "reasons.not_needed.restocking_fee.percent"),
        (
            "true-image",
            'from = "purchased", days = 30',
            'from = "ordered", days = 30',
            "reasons.not_needed.windows[0].from",
        ),
        ("true-image", "days = 30", "days = -30", "reasons.not_needed.windows[0].days"),
        ("true-image", "days = 30", "days = 30, years = 1", "reasons.not_needed.windows[0]"),
        ("true-image", '"ink", "toner", "drum"]', '"ink", "toner", "paper"]', "coverage.categories[2]"),
        ("true-image", 'same_as = "not_needed"', 'same_as = "changed_mind"', "reasons.ordered_wrong.same_as"),
        ("true-image", 'flag = "hp_plus_rejected"', 'flag = "hp_minus"', "flag_rules[1].flag"),
        ("image-pro-services", 'minimum_fraction = "0.10"', 'minimum_fraction = "10%"', "fill_rule.minimum_fraction"),
        ("image-pro-services", 'id = "image-pro-services"', 'id = "image-pro"', "id"),
        (
            "4inkjets",
            "[reasons.wrong_item_shipped]",
            '[reasons.wrong_item_shipped]\nrestocking_fee = { percent = "5", text = "fee" }',
            "reasons.wrong_item_shipped",
        ),
        ("4inkjets", "refund_timing =", "refund_timing_typo =", "refund_timing"),
        (
            "true-image",
            "replacement_allowed = true",
            "replacement_allowed = true\nhold_denied_days = 0",
            "hold_denied_days",
        ),
        (
            "true-image",
            "replacement_allowed = true",
            'replacement_allowed = true\nhold_denied_days = "2w"',
            "hold_denied_days",
        ),
        ("4inkjets", "replacement_allowed = true", "replacement_allowed = true\narrival_days = 0", "arrival_days"),
        ("4inkjets", "replacement_allowed = true", "replacement_allowed = true\narrival_days = 366", "arrival_days"),
        ("4inkjets", "replacement_allowed = true", 'replacement_allowed = true\narrival_days = "30"', "arrival_days"),
        ("4inkjets", "replacement_allowed = true", "replacement_allowed = true\narrival_days = 14.5", "arrival_days"),
    ],
)
def test_a_wrong_policy_file_names_the_file_and_the_key(tmp_path, name, old, new, key) -> None:
    path = _edited(tmp_path, name, old, new)
    with pytest.raises(PolicyError) as raised:
        load_policy_file(path)
    assert raised.value.source == path.name
    assert raised.value.key == key
    assert str(raised.value).startswith(f"{path.name}: {key}: ")


def test_a_seller_may_say_how_long_a_denied_cartridge_is_held(tmp_path) -> None:
    path = _edited(
        tmp_path, "true-image", "replacement_allowed = true", "replacement_allowed = true\nhold_denied_days = 14"
    )
    assert load_policy_file(path).hold_denied_days == 14
    assert load_policy_file(policies_dir() / "true-image.toml").hold_denied_days is None


def test_a_seller_may_say_how_soon_a_parcel_should_arrive_and_30_days_is_assumed_otherwise(tmp_path) -> None:
    path = _edited(tmp_path, "4inkjets", "replacement_allowed = true", "replacement_allowed = true\narrival_days = 365")
    assert load_policy_file(path).arrival_days == 365
    # None of the four sellers' published terms names a figure, so each shipped policy has the default.
    assert {policy.arrival_days for policy in load_policies(policies_dir()).values()} == {30}


def test_a_syntax_error_names_the_file(tmp_path) -> None:
    broken = tmp_path / "4inkjets.toml"
    broken.write_text("id = \n")
    with pytest.raises(PolicyError, match=r"^4inkjets.toml: \(syntax\)"):
        load_policy_file(broken)


def test_a_changed_number_changes_the_decision_and_its_sentence(tmp_path) -> None:
    for path in policies_dir().glob("*.toml"):
        shutil.copy(path, tmp_path)
    _edited(tmp_path, "true-image", 'percent = "15"', 'percent = "12.5"')
    policy = load_policies(tmp_path)["true-image"]
    facts = read_scenario(scenario("true-image", reason="not_needed", return_label_cost="0.00")).facts

    decision = decide(policy, facts)

    assert str(decision.amounts.restocking_fee) == "6.87"  # 12.5% of 54.99 = 6.87375
    assert ("restocking_fee", "12.5% restocking fee on a non-defective return.") in [
        (reason.code, reason.text) for reason in decision.reasons
    ]
