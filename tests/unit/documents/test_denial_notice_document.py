"""The denial notice: the decision, each rule in the policy's words, and what to do next."""

from __future__ import annotations

import dataclasses

from receiving_app.documents.model import DocumentContent
from receiving_app.documents.render import render
from tests.support.pdf import one_line, reading_text


def test_the_notice_says_plainly_that_the_return_was_denied(denial_content: DocumentContent) -> None:
    text = reading_text(render(denial_content))
    assert "Denial notice" in text
    assert "Your return of the item below was not accepted." in text
    assert "No refund and no replacement will be issued under RA number RA-104233." in text
    assert "Decision Denied" in text
    assert "DN-2026-000031" in text


def test_every_denying_rule_is_printed_with_its_text(denial_content: DocumentContent) -> None:
    text = reading_text(render(denial_content))
    assert [reason.code for reason in denial_content.reasons] == ["not_saleable", "below_fill_threshold"]
    for reason in denial_content.reasons:
        assert one_line(reason.text) in text
    for rule_text in denial_content.rule_texts:
        assert one_line(rule_text) in text


def test_a_rule_text_not_quoted_by_a_reason_gets_its_own_section(denial_content: DocumentContent) -> None:
    extra_rule = "Image-Pro's warranty and returns cover only products sold by Image-Pro Services & Supplies."
    content = dataclasses.replace(denial_content, rule_texts=(*denial_content.rule_texts, extra_rule))
    text = reading_text(render(content))
    assert f"What the Image-Pro Services & Supplies, Inc. return policy says {extra_rule}" in text
    # Rules already quoted in a reason are not printed twice.
    assert text.count(one_line(denial_content.rule_texts[0])) == 1


def test_the_notice_tells_the_customer_what_they_can_do_next(denial_content: DocumentContent) -> None:
    text = reading_text(render(denial_content))
    assert "contact Image-Pro Services & Supplies, Inc. and quote RA number RA-104233 and notice DN-2026-000031" in text
    assert "Return shipping is at your cost." in text


def test_the_notice_shows_the_weight_that_denied_it(denial_content: DocumentContent) -> None:
    text = reading_text(render(denial_content))
    assert "Weight 601.2 g, read from the scale" in text
    assert "Fill level 5.0% of a full cartridge" in text
    assert "Unopened: no; Sealed: no" in text
    assert "1 TN-660 Brother TN-660 high-yield black toner 1 54.99" in text
