"""The sellers' e-mail texts are validated on load like their policies: every seller has a file, every
placeholder is one its message can fill, and a mistake names the file and the key."""

from __future__ import annotations

from pathlib import Path

import pytest

from receiving_app.domain.customer_messages import OUTCOMES, MessageTextError, filled
from receiving_app.locations import policies_dir, resources_dir
from receiving_app.persistence.message_files import load_message_file, load_message_texts
from receiving_app.persistence.policy_files import load_policies

MESSAGES = resources_dir() / "messages"


def test_every_shipped_seller_has_its_texts_and_each_names_its_seller() -> None:
    policies = load_policies(policies_dir())
    texts = load_message_texts(MESSAGES, list(policies))
    assert sorted(texts) == sorted(policies)
    for seller, seller_texts in texts.items():
        assert seller_texts.contact and seller_texts.sender_name
        assert sorted(seller_texts.decisions) == sorted(OUTCOMES)
        assert "{reclaim}" in seller_texts.decisions["denied"].body, seller


def _edited(tmp_path: Path, old: str, new: str) -> Path:
    target = tmp_path / "true-image.toml"
    text = (MESSAGES / "true-image.toml").read_text()
    assert old in text, f"test setup: {old!r} not in true-image.toml"
    target.write_text(text.replace(old, new, 1))
    return target


@pytest.mark.parametrize(
    ("old", "new", "key", "problem"),
    [
        ("Hello {customer_name}", "Hello {customer}", "arrival.body", "{customer} is not a value"),
        ("refund {refund_total}.", "refund {refund_total:>10}.", "decision.refund.body", "is not a value"),
        ("{reclaim}", "{refund_total", "decision.denied.body", "stray brace"),
        ("until {reclaim_by}", "until {arrived_on}", "decision.denied.reclaim", "{arrived_on} is not a value"),
        ('seller = "true-image"', 'seller = "4inkjets"', "seller", "named for 'true-image'"),
        ('sender_name = "True Image Returns"', 'sender = "True Image"', "sender", "is not a key"),
        ("[decision.replacement]", "[decision.exchange]", "decision.exchange", "is not an outcome"),
        ('subject = "We received your return {rma_number}"', "", "arrival.subject", "is missing"),
    ],
)
def test_a_mistake_is_refused_naming_the_file_and_the_key(tmp_path, old, new, key, problem) -> None:
    with pytest.raises(MessageTextError) as refused:
        load_message_file(_edited(tmp_path, old, new))
    assert refused.value.source == "true-image.toml"
    assert refused.value.key == key
    assert problem in refused.value.problem


def test_only_a_denial_may_say_how_to_reclaim_the_cartridge(tmp_path) -> None:
    with pytest.raises(MessageTextError, match=r"decision\.refund\.body: \{reclaim\} is not a value"):
        load_message_file(_edited(tmp_path, "Why:\n{reasons}", "{reclaim}"))


def test_a_seller_without_its_texts_stops_the_load(tmp_path) -> None:
    (tmp_path / "true-image.toml").write_text((MESSAGES / "true-image.toml").read_text())
    with pytest.raises(MessageTextError, match=r"4inkjets\.toml: \(file\): is missing"):
        load_message_texts(tmp_path, ["true-image", "4inkjets"])


def test_a_value_is_shown_as_given_even_with_braces_in_it() -> None:
    assert filled("Hello {customer_name},", {"customer_name": "A {weird} name"}) == "Hello A {weird} name,"


def test_the_seller_words_for_a_reason_replace_the_decision_s_and_others_stay() -> None:
    texts = load_message_file(MESSAGES / "true-image.toml")
    assert texts.reason_text("within_return_window", "Reported 7 days after delivery (limit 30 days).") == (
        "Your return reached us within True Image's return window."
    )
    assert texts.reason_text("restocking_fee", "15% restocking fee on a non-defective return.") == (
        "15% restocking fee on a non-defective return."
    )
