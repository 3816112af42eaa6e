"""The pieces of a policy draft that need no database: its TOML written back and changed key by key,
the difference between two versions in words, and which version decides on a given day."""

from __future__ import annotations

import tomllib
from dataclasses import replace
from datetime import date

import pytest

from receiving_app.domain.policy import PolicyError
from receiving_app.domain.policy_difference import policy_differences
from receiving_app.domain.policy_schedule import PolicySchedule, PublishedVersion
from receiving_app.domain.policy_toml import (
    KeyPathError,
    changed_data,
    heading_comments,
    policy_from_text,
    policy_toml,
    with_version,
)
from receiving_app.locations import policies_dir
from receiving_app.persistence.policy_files import load_policies

POLICIES = sorted(policies_dir().glob("*.toml"))


@pytest.mark.parametrize("path", POLICIES, ids=lambda path: path.stem)
def test_each_shipped_policy_written_back_reads_as_the_same_policy(path) -> None:
    text = path.read_text(encoding="utf-8")

    written = policy_toml(tomllib.loads(text), heading_comments(text))

    assert tomllib.loads(written) == tomllib.loads(text)
    assert written.startswith(heading_comments(text) + "\n\n")
    assert replace(policy_from_text(written, path.name), source_text="") == replace(
        policy_from_text(text, path.name), source_text=""
    )


def test_text_with_quotes_and_line_breaks_survives_being_written() -> None:
    data = {"text": 'He said "no refund"\nthen left\\ \x7f', "quoted key": {"a.b": [1, True, "x"]}}

    assert tomllib.loads(policy_toml(data)) == data


def test_changes_by_key_path_set_append_and_remove() -> None:
    data = {"reasons": {"defective": {"windows": [{"from": "purchased", "years": 1}]}}, "hold_denied_days": 30}

    changed = changed_data(
        data,
        {
            "reasons.defective.windows[0].years": 2,
            "reasons.defective.windows[1]": {"from": "shipped", "days": 30},
            "hold_denied_days": None,
            "fill_rule.minimum_fraction": "0.15",
        },
    )

    assert changed == {
        "reasons": {"defective": {"windows": [{"from": "purchased", "years": 2}, {"from": "shipped", "days": 30}]}},
        "fill_rule": {"minimum_fraction": "0.15"},
    }
    assert data["reasons"]["defective"]["windows"][0]["years"] == 1  # the original is left as it was


@pytest.mark.parametrize(
    ("path", "value", "problem"),
    [
        ("reasons.defective.windows[4].days", 5, "there is no item 4 to change"),
        ("reasons..defective", 5, "is not a key path"),
        ("hold_denied_days.days", 5, "days is not inside a table"),
        ("fill_rule.minimum_fraction", 0.15, "must be text, a whole number"),
    ],
)
def test_a_key_path_that_names_nothing_is_refused_by_its_path(path, value, problem) -> None:
    data = {"reasons": {"defective": {"windows": [{"from": "purchased", "years": 1}]}}, "hold_denied_days": 30}

    with pytest.raises(KeyPathError, match=problem) as refused:
        changed_data(data, {path: value})

    assert refused.value.path == path


def test_a_new_version_keeps_the_rest_of_the_text_comments_included() -> None:
    text = (policies_dir() / "true-image.toml").read_text(encoding="utf-8")

    versioned = with_version(text, "2027-01-04.2")

    assert versioned.replace('version = "2027-01-04.2"', 'version = "2026-12-03"', 1) == text
    assert policy_from_text(versioned, "true-image").version == "2027-01-04.2"


def test_text_that_is_not_toml_is_refused_as_syntax() -> None:
    with pytest.raises(PolicyError, match=r"^draft: \(syntax\): "):
        policy_from_text("id = ", "draft")


def _services() -> dict:
    return tomllib.loads((policies_dir() / "image-pro-services.toml").read_text(encoding="utf-8"))


def test_the_difference_says_each_changed_number_in_words() -> None:
    before = _services()
    after = changed_data(
        before,
        {
            "fill_rule.minimum_fraction": "0.15",
            "reasons.not_needed.restocking_fee.percent": "20",
            "reasons.defective.windows[0].years": 2,
            "account_credit_for_open_account": False,
            "version": "2027-01-04",
        },
    )

    assert policy_differences(before, after) == (
        "Open-account orders paid back as account credit: yes → no",
        "Fill threshold: 10% → 15%",
        "Return window for defective returns: 1 year from purchase → 2 years from purchase",
        "Restocking fee on not needed and ordered wrong returns: 15% → 20%",
    )


def test_the_difference_names_rules_and_keys_added_and_removed() -> None:
    before = _services()
    rule = {"fact": "box_damage", "denies_when": True, "code": "box_damaged", "text": "Damaged boxes are refused."}
    after = changed_data(
        before,
        {
            "reasons.defective.exclusions[0]": None,
            "reasons.defective.exclusions[1]": rule,
            "hold_denied_days": 45,
            "reasons.not_needed.restocking_fee_by_category.toner": {"percent": "25", "text": "{percent}% on toner."},
        },
    )

    assert policy_differences(before, after) == (
        "Removed: Exclusion labels_removed on defective returns "
        "(was denies when labels intact is no: “The warranty is void because the cartridge labels have been removed.”)",
        "Added: Exclusion box_damaged on defective returns: denies when box damaged or marked is yes: "
        "“Damaged boxes are refused.”",
        "Added: Restocking fee on toner for not needed and ordered wrong returns: 25%",
        "Added: Restocking fee sentence on toner for not needed and ordered wrong returns: “{percent}% on toner.”",
        "Added: Days a denied cartridge is held for its customer: 45",
    )


def test_two_versions_alike_but_for_their_version_differ_in_nothing() -> None:
    before = _services()

    assert policy_differences(before, changed_data(before, {"version": "2027-01-04"})) == ()


def test_the_version_deciding_a_day_is_the_latest_published_by_then_else_the_installed() -> None:
    installed = load_policies(policies_dir())
    base = installed["true-image"]
    first, second, same_day = (replace(base, version=name) for name in ("2027-01-04", "2027-02-01", "2027-02-01.2"))
    schedule = PolicySchedule(
        installed,
        (
            PublishedVersion(second, date(2027, 2, 1), 2),
            PublishedVersion(first, date(2027, 1, 4), 1),
            PublishedVersion(same_day, date(2027, 2, 1), 3),
        ),
    )

    assert schedule.in_effect("true-image", date(2027, 1, 3)) is base
    assert schedule.in_effect("true-image", date(2027, 1, 4)) is first
    assert schedule.in_effect("true-image", date(2027, 3, 1)) is same_day
    assert schedule.in_effect("4inkjets", date(2027, 3, 1)) is installed["4inkjets"]
    assert schedule.in_effect("acme", date(2027, 3, 1)) is None
    assert schedule.version("true-image", "2027-02-01") is second
    assert schedule.version("true-image", base.version) is base
    assert [item.policy.version for item in schedule.published_for("true-image")] == [
        "2027-01-04",
        "2027-02-01",
        "2027-02-01.2",
    ]
