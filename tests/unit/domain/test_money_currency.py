"""Every amount carries its currency: amounts of two currencies never mix, and one formatter writes them."""

from __future__ import annotations

from decimal import Decimal

import pytest

from receiving_app.domain.money import Money, MoneyError
from receiving_app.domain.money_text import (
    added_text,
    column_heading,
    deducted_text,
    figure_text,
    money_text,
    total_text,
)


def test_an_amount_says_its_currency_and_the_station_s_is_dollars() -> None:
    assert Money.of("54.99").currency == "USD"
    assert Money.of("54.99", currency="EUR") == Money(Decimal("54.99"), "EUR")
    assert Money.of("54.99") != Money.of("54.99", currency="CAD")


@pytest.mark.parametrize(
    "combine",
    [
        lambda dollars, euros: dollars + euros,
        lambda dollars, euros: dollars - euros,
        lambda dollars, euros: dollars < euros,
        lambda dollars, euros: dollars >= euros,
    ],
)
def test_dollars_and_euros_neither_add_nor_compare(combine) -> None:
    with pytest.raises(MoneyError, match="USD and EUR amounts cannot be combined"):
        combine(Money.of("10.00"), Money.of("1.00", currency="EUR"))


def test_arithmetic_keeps_the_currency() -> None:
    fee = Money.of("54.99", currency="GBP").percent(Decimal(15))
    assert fee == Money.of("8.25", currency="GBP")
    assert (fee * 2 - Money.of("20.00", currency="GBP")).floored_at_zero() == Money.zero("GBP")


@pytest.mark.parametrize("code", ["usd", "US", "DOLLARS", "", "U5D"])
def test_a_currency_is_a_three_letter_code(code: str) -> None:
    with pytest.raises(MoneyError, match="three-letter ISO 4217 code"):
        Money.of("1.00", currency=code)


@pytest.mark.parametrize(
    ("money", "written"),
    [
        (Money.of("54.99"), "$54.99"),
        (Money.of("-5"), "-$5.00"),
        (Money.of("0"), "$0.00"),
        (Money.of("1234.5", currency="EUR"), "€1,234.50"),
        (Money.of("7.10", currency="CHF"), "CHF 7.10"),
        (Money.of("1234567.89"), "$1,234,567.89"),
        (Money.of("-1234.50"), "-$1,234.50"),
        (Money.of("-1234.50", currency="EUR"), "-€1,234.50"),
        (Money.of("999.99"), "$999.99"),
        (Money.of("12500", currency="SEK"), "SEK 12,500.00"),
        (Money.of("-0.05", currency="CHF"), "-CHF 0.05"),
        (Money.of("1000", currency="CAD"), "CA$1,000.00"),
    ],
)
def test_people_read_an_amount_with_its_currency(money: Money, written: str) -> None:
    assert money_text(money) == written


@pytest.mark.parametrize(
    ("money", "written"),
    [
        (Money.of("1234.50"), "$1,234.50 USD"),  # "$" is also Canada's, Mexico's, Australia's...
        (Money.of("-5"), "-$5.00 USD"),
        (Money.of("1234.50", currency="EUR"), "€1,234.50"),  # only the euro writes €
        (Money.of("1234.50", currency="CHF"), "CHF 1,234.50"),  # a code needs no second code
        (Money.of("80", currency="CAD"), "CA$80.00"),
    ],
)
def test_a_total_names_the_code_where_its_symbol_could_mean_another_currency(money: Money, written: str) -> None:
    assert total_text(money) == written


def test_figures_in_a_money_column_are_grouped_in_thousands_and_keep_their_sign() -> None:
    assert figure_text(Money.of("1234567.8")) == "1,234,567.80"
    assert figure_text(Money.of("-1234.5", currency="NOK")) == "-1,234.50"
    assert deducted_text(Money.of("2500")) == "-2,500.00"
    assert added_text(Money.of("1000", currency="EUR")) == "+1,000.00"


def test_a_money_column_names_its_currency_once_and_its_figures_add_up_as_printed() -> None:
    merchandise, fee, label = Money.of("54.99"), Money.of("8.25"), Money.of("5.00")
    printed = [figure_text(merchandise), deducted_text(fee), deducted_text(label)]
    assert printed == ["54.99", "-8.25", "-5.00"]
    assert sum(Decimal(figure) for figure in printed) == (merchandise - fee - label).amount
    assert added_text(fee) == "+8.25" and deducted_text(Money.zero()) == "0.00"
    assert column_heading("Refund", "USD") == "Refund (USD)"
