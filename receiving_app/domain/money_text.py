"""How an amount is written for people: one formatter, so a screen, a printed page, an e-mail and
a sentence in a decision all write the same amount the same way.

Thousands are grouped with commas and cents follow a point ("1,234.50"). A figure inside a table whose
heading names the currency is written bare ("54.99"); anywhere else the amount carries its currency
("$54.99", "€1,234.50", "CHF 54.99"). A minus is a minus sign in front of everything ("-$5.00"), so a
deduction reads as one at a glance. Where a symbol alone could mean several currencies ("$"), the
totals of documents and reports say the code too (``total_text``).
"""

from __future__ import annotations

from receiving_app.domain.currencies import currency_symbol as _known_symbol
from receiving_app.domain.currencies import symbol_is_shared
from receiving_app.domain.money import Money


def currency_symbol(currency: str) -> str:
    """The symbol people know the currency by, or its code followed by a space."""
    return _known_symbol(currency) or f"{currency} "


def _grouped(money: Money) -> str:
    return f"{abs(money.amount):,.2f}"


def money_text(money: Money) -> str:
    """The amount with its currency: "$54.99", "-$5.00", "€1,234.50", "CHF 7.10"."""
    sign = "-" if money.amount < 0 else ""
    return f"{sign}{currency_symbol(money.currency)}{_grouped(money)}"


def total_text(money: Money) -> str:
    """A total as a document or report prints it: with the code too where the symbol is shared by
    several currencies ("$1,234.50 USD"), so that no reader takes it for their own dollars."""
    text = money_text(money)
    return f"{text} {money.currency}" if symbol_is_shared(money.currency) else text


def figure_text(money: Money) -> str:
    """The bare figure for a column whose heading names the currency: "54.99", "1,234.50"."""
    return f"-{_grouped(money)}" if money.amount < 0 else _grouped(money)


def deducted_text(money: Money) -> str:
    """An amount taken off, with its minus sign, so a column adds up as printed: "-5.00"."""
    return figure_text(money) if money.is_zero else f"-{figure_text(money)}"


def added_text(money: Money) -> str:
    """An amount put on top, with its plus sign: "+8.25"."""
    return figure_text(money) if money.is_zero else f"+{figure_text(money)}"


def column_heading(title: str, currency: str, *, below: bool = False) -> str:
    """A money column's heading, naming the currency its bare figures are in: "Refund (USD)"; ``below`` puts
    the code on a line of its own, under a title that leaves a narrow column no room for it."""
    return f"{title}\n({currency})" if below else f"{title} ({currency})"
