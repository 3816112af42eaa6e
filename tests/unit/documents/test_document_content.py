"""Document content refuses what cannot be printed truthfully."""

from __future__ import annotations

import dataclasses

import pytest

from receiving_app.documents.model import DocumentContent, DocumentError, LineDetail
from receiving_app.documents.render import render
from receiving_app.domain.decision import Amounts
from receiving_app.domain.money import Money

TWO_TONERS = Amounts(Money.of("109.98"), Money.of("16.50"), Money.of("8.95"), Money.of("0.00"))


def line(**changes: object) -> LineDetail:
    values = {
        "line_number": 1,
        "sku": "TN-660",
        "description": "toner",
        "quantity": 2,
        "unit_price": Money.of("54.99"),
        "amounts": TWO_TONERS,
        "total": Money.of("84.53"),
    }
    values.update(changes)
    return LineDetail(**values)


def test_line_total_is_merchandise_less_fee_and_deduction_plus_shipping_refund() -> None:
    assert TWO_TONERS.refund_total == Money.of("84.53")
    shipped_back = dataclasses.replace(TWO_TONERS, shipping_refund=Money.of("7.95"))
    assert shipped_back.refund_total == Money.of("92.48")


def test_a_line_whose_fees_exceed_the_merchandise_totals_zero() -> None:
    floored = Amounts(Money.of("5.00"), Money.of("0.75"), Money.of("8.95"), Money.zero())
    assert (floored.refund_total, floored.is_floored) == (Money.zero(), True)


def test_a_document_sums_each_amount_over_its_lines(two_line_credit_memo_content: DocumentContent) -> None:
    first, second = (line.amounts for line in two_line_credit_memo_content.lines)
    summed = two_line_credit_memo_content.summed_amounts
    assert summed.merchandise == first.merchandise + second.merchandise
    assert summed.restocking_fee == first.restocking_fee + second.restocking_fee
    assert summed.refund_total == two_line_credit_memo_content.total


def test_merchandise_must_be_unit_price_times_quantity() -> None:
    with pytest.raises(DocumentError, match=r"merchandise 100.00 is not 2 x 54.99"):
        line(amounts=dataclasses.replace(TWO_TONERS, merchandise=Money.of("100.00")))


def test_the_document_total_is_the_sum_of_the_line_totals(two_line_credit_memo_content: DocumentContent) -> None:
    assert [str(item.total) for item in two_line_credit_memo_content.lines] == ["84.53", "47.45"]
    assert two_line_credit_memo_content.total == Money.of("131.98")


def test_money_documents_refuse_a_line_that_does_not_add_up(credit_memo_content: DocumentContent) -> None:
    wrong = dataclasses.replace(credit_memo_content.lines[0], total=Money.of("54.99"))
    content = dataclasses.replace(credit_memo_content, lines=(wrong,))
    with pytest.raises(DocumentError, match=r"line 1: total 54.99 is not 54.99 - 8.25 - 0.00 \+ 0.00 = 46.74"):
        render(content)
    with pytest.raises(DocumentError, match="line 1"):
        render(content)


def test_a_void_must_say_why_and_an_override_must_say_why(credit_memo_content: DocumentContent) -> None:
    with pytest.raises(DocumentError, match="must say why it was voided"):
        dataclasses.replace(credit_memo_content, voided=True)
    with pytest.raises(DocumentError, match="an override must say why"):
        dataclasses.replace(credit_memo_content, overridden_by="Sam Okafor")


@pytest.mark.parametrize(
    ("field", "value"), [("page_size", "legal"), ("document_type", "invoice"), ("document_number", "")]
)
def test_unknown_paper_type_or_missing_number_is_refused(
    credit_memo_content: DocumentContent, field: str, value: str
) -> None:
    with pytest.raises(DocumentError):
        dataclasses.replace(credit_memo_content, **{field: value})


def test_a_line_built_from_a_replacement_decision_moves_no_money(replacement_content: DocumentContent) -> None:
    (replaced,) = replacement_content.lines
    assert replaced.amounts.merchandise == Money.of("54.99")
    assert replaced.total == Money.zero()
