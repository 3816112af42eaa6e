"""How an amount is written for people: one formatter, so a screen, a printed page, an e-mail and
a sentence in a decision all write the same amount the same way.

A figure inside a table whose heading names the currency is written bare ("54.99"); anywhere
else the amount carries its currency ("$54.99", "CHF 54.99"). A minus is a minus sign in front
of everything ("-$5.00"), so a deduction reads as one at a glance.
"""

from __future__ import annotations

from receiving_app.domain.money import Money

_SYMBOLS = {"USD": "$", "CAD": "CA$", "AUD": "A$", "EUR": "€", "GBP": "£"}


def currency_symbol(currency: str) -> str:
    """The symbol people know the currency by, or its code followed by a space."""
    return _SYMBOLS.get(currency, f"{currency} ")


def money_text(money: Money) -> str:
    """The amount with its currency: "$54.99", "-$5.00"."""
    sign = "-" if money.amount < 0 else ""
    return f"{sign}{currency_symbol(money.currency)}{abs(money.amount):.2f}"


def figure_text(money: Money) -> str:
    """The bare figure for a column whose heading names the currency: "54.99"."""
    return f"{money.amount:.2f}"


def deducted_text(money: Money) -> str:
    """An amount taken off, with its minus sign, so a column adds up as printed: "-5.00"."""
    return figure_text(money) if money.is_zero else f"-{figure_text(money)}"


def added_text(money: Money) -> str:
    """An amount put on top, with its plus sign: "+8.25"."""
    return figure_text(money) if money.is_zero else f"+{figure_text(money)}"


def column_heading(title: str, currency: str) -> str:
    """A money column's heading, naming the currency its bare figures are in: "Refund (USD)"."""
    return f"{title} ({currency})"
